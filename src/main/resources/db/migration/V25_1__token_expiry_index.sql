-- Expired tokens are purged as new ones are issued (org.vigie.account.Tokens.issue): the purge finds
-- them by their expiry instead of reading the whole table at every login.
CREATE INDEX account_token_expires_idx ON account_token (expires_at);
