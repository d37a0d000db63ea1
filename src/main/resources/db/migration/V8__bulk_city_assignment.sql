-- A bulk importer finds the cities of a whole block of cameras in one query (vigie_city_at, the same
-- rule) and writes them with its COPY: called once per row, the trigger cost as much as writing the
-- rows themselves on a million-camera import. The importer says so for the length of its COPY only
-- (set_config('vigie.city_assigned', 'on', true)); every other write gets its city here, as before.
-- The WHEN clause is evaluated without entering PL/pgSQL.
DROP TRIGGER camera_assign_city ON camera;

CREATE TRIGGER camera_assign_city
    BEFORE INSERT OR UPDATE OF position ON camera
    FOR EACH ROW
    WHEN (current_setting('vigie.city_assigned', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION camera_assign_city();
