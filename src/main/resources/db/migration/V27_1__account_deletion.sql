-- Issue 14: an account deleted by its holder keeps its row (its versions and photos stay
-- attributed to it) under a neutral name, without e-mail address or usable password.
ALTER TABLE account ADD COLUMN deleted_at timestamptz;
COMMENT ON COLUMN account.deleted_at IS
    'When its holder deleted the account: its name became deleted-<id>, its e-mail address was erased';
