-- Issue 14: confirmations and reports of accounts younger than vigie.verification.min-account-age
-- are recorded (and shown to moderators) but counted only once the account is old enough:
-- VoteRipening finds the uncounted ones of accounts that have aged, counts them and applies them.
-- Every vote recorded before this migration was counted.
ALTER TABLE camera_confirmation ADD COLUMN counted boolean NOT NULL DEFAULT true;
ALTER TABLE camera_report ADD COLUMN counted boolean NOT NULL DEFAULT true;
CREATE INDEX camera_confirmation_waiting_idx ON camera_confirmation (account_id) WHERE NOT counted;
CREATE INDEX camera_report_waiting_idx ON camera_report (account_id) WHERE NOT counted;
