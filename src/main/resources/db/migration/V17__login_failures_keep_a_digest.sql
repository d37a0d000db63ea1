-- A failed login now keeps a keyed digest (HMAC-SHA256 with vigie.accounts.login-key) of the name
-- typed, in lower case, not the name itself: people type their password into the name field too. The failures stored before kept the name in
-- clear; they are dropped rather than hashed, which only restarts the 15-minute throttle.
DELETE FROM login_failure;

COMMENT ON COLUMN login_failure.username_key IS
    'hex HMAC-SHA256 (vigie.accounts.login-key) of the lower-case user name tried; rows older than vigie.accounts.login-window are deleted at the next login';
