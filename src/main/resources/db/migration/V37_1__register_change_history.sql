-- Issue 17: a city's register changes are shown (GET /api/cities/{code}/registers/changes and per entry).
-- Each change row kept the entry as it was before; what it became is the next row's "before", or the
-- entry's row itself for the latest change. Two actions join 'edited' and 'deleted':
-- * 'created', written when an entry is recorded (its "before" is {}: nothing was there), so that the
--   city's list of changes reads one table, newest first, and names who recorded each entry;
-- * 'answered', a records request's answer (PUT .../answer), every time, not only when it replaced one.
ALTER TABLE city_register_change DROP CONSTRAINT city_register_change_action;
ALTER TABLE city_register_change ADD CONSTRAINT city_register_change_action
    CHECK (action IN ('created', 'edited', 'answered', 'deleted'));
COMMENT ON COLUMN city_register_change.before IS
    'The entry''s whole row before the change; {} for created (the row as recorded is the next change''s before, or the entry''s row)';

-- The entries recorded before this migration get their creation, at the time and by the moderator recorded.
INSERT INTO city_register_change (city_code, register, entry_id, action, moderator_id, before, changed_at)
SELECT city_code, 'city_authorisation', id, 'created', recorded_by, '{}'::jsonb, recorded_at FROM city_authorisation
UNION ALL
SELECT city_code, 'city_budget_line', id, 'created', recorded_by, '{}'::jsonb, recorded_at FROM city_budget_line
UNION ALL
SELECT city_code, 'city_records_request', id, 'created', recorded_by, '{}'::jsonb, recorded_at FROM city_records_request;

-- The city's changes, newest first, a page at a time.
CREATE INDEX city_register_change_city_idx ON city_register_change (city_code, changed_at DESC, id DESC);
