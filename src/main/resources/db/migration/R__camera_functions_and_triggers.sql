-- The SQL functions and triggers of the camera registry, each defined once, here (issue 20).
-- Flyway runs this repeatable migration after the versioned ones whenever its text changes: to
-- change a function or a trigger, edit it here (a versioned migration only for the tables). The
-- versioned migrations that first defined them (V3, V6, V8, V10, V14) stay as they were applied;
-- why each exists is told there and in ARCHITECTURE.md ("What the database derives"):
--   vigie_city_at, camera_assign_city: each camera's city from the boundaries (V3, V8: a bulk writer
--     that found the cities itself sets vigie.city_assigned to 'on' and the trigger stands aside);
--   vigie_cluster_*, camera_cluster_*: the map's counts per cell, kept by statement triggers and folded
--     at commit (V6), the insert trigger standing aside while vigie.clusters_rebuilt is 'on' (V10),
--     the attributes as one small code (V14), vigie_cluster_rebuild() recounting from scratch;
--   camera_has_any_capability: "any of these capabilities" for HQL, which cannot write && (V22_1).

CREATE OR REPLACE FUNCTION vigie_city_at(point geometry)
 RETURNS text
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
    SELECT code FROM city WHERE ST_Intersects(boundary, point) ORDER BY code LIMIT 1
$function$

;

CREATE OR REPLACE FUNCTION camera_assign_city()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.city_code := vigie_city_at(NEW.position);
    RETURN NEW;
END
$function$

;

CREATE OR REPLACE FUNCTION vigie_cluster_max_level()
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$SELECT 14$function$

;

CREATE OR REPLACE FUNCTION vigie_cluster_attr_values(attribute integer)
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT CASE attribute
        WHEN 1 THEN ARRAY['camera', 'alpr', 'webcam', 'guard', 'other']
        WHEN 2 THEN ARRAY['fixed', 'dome', 'panning', 'unknown']
        WHEN 3 THEN ARRAY['public', 'private', 'unknown']
        WHEN 4 THEN ARRAY['present', 'absent', 'unknown']
        WHEN 5 THEN ARRAY['reported', 'verified', 'disputed', 'removed']
    END
$function$

;

CREATE OR REPLACE FUNCTION vigie_cluster_attrs(kind text, camera_type text, operator_type text, signage text, status text)
 RETURNS smallint
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT (((((array_position(vigie_cluster_attr_values(1), kind) - 1) * 4
              + array_position(vigie_cluster_attr_values(2), camera_type) - 1) * 3
             + array_position(vigie_cluster_attr_values(3), operator_type) - 1) * 3
            + array_position(vigie_cluster_attr_values(4), signage) - 1) * 4
           + array_position(vigie_cluster_attr_values(5), status) - 1)::smallint
$function$

;

CREATE OR REPLACE FUNCTION vigie_cluster_deepest_sql(rows_sql text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
    SELECT format($sql$
        SELECT floor(ST_X(position) * 2 ^ vigie_cluster_max_level() / 90)::integer AS cx,
               floor(ST_Y(position) * 2 ^ vigie_cluster_max_level() / 90)::integer AS cy,
               vigie_cluster_attrs(kind, camera_type, operator_type, signage, status) AS attrs,
               sum(s) AS n, sum(s * round(ST_X(position) * 1e7)::bigint) AS sum_x,
               sum(s * round(ST_Y(position) * 1e7)::bigint) AS sum_y
          FROM (%s) AS d GROUP BY 1, 2, 3
    $sql$, rows_sql)
$function$

;

CREATE OR REPLACE FUNCTION vigie_cluster_add_sql(deepest_sql text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
    SELECT format($sql$
        WITH d AS (%s),
        deepest AS (SELECT cx, cy, attrs, sum(n) AS n, sum(sum_x) AS sx, sum(sum_y) AS sy FROM d GROUP BY 1, 2, 3),
        cells AS (
            SELECT l::smallint AS level, cx >> (vigie_cluster_max_level() - l) AS cx, cy >> (vigie_cluster_max_level() - l) AS cy,
                   attrs, sum(n) AS n, sum(sx) AS sx, sum(sy) AS sy
              FROM deepest, generate_series(0, vigie_cluster_max_level()) AS l
             GROUP BY 1, 2, 3, 4),
        up AS (
            INSERT INTO camera_cluster AS c (level, cx, cy, attrs, n, sum_x, sum_y)
            SELECT level, cx, cy, attrs, n, sx, sy FROM cells
             WHERE n <> 0 OR sx <> 0 OR sy <> 0
             ORDER BY level, cx, cy, attrs
            ON CONFLICT (level, cx, cy, attrs) DO UPDATE
               SET n = c.n + EXCLUDED.n, sum_x = c.sum_x + EXCLUDED.sum_x, sum_y = c.sum_y + EXCLUDED.sum_y
            RETURNING *)
        SELECT coalesce(array_agg(ROW(up.*)::camera_cluster), '{}') FROM up WHERE n = 0
    $sql$, deepest_sql)
$function$

;

CREATE OR REPLACE FUNCTION vigie_cluster_drop(emptied camera_cluster[])
 RETURNS void
 LANGUAGE sql
AS $function$
    DELETE FROM camera_cluster c USING unnest(emptied) AS e
     WHERE (c.level, c.cx, c.cy, c.attrs) = (e.level, e.cx, e.cy, e.attrs) AND c.n = 0
$function$

;

CREATE OR REPLACE FUNCTION camera_cluster_track()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
    cols constant text := 'position, kind, camera_type, operator_type, signage, status';
    rows_sql text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        rows_sql := format('SELECT 1 AS s, %s FROM new_rows WHERE visible', cols);
    ELSIF TG_OP = 'DELETE' THEN
        rows_sql := format('SELECT -1 AS s, %s FROM old_rows WHERE visible', cols);
    ELSE
        -- Only rows whose counted attributes changed (a city reassignment changes none): the old
        -- state leaves its cell, the new one enters its own.
        rows_sql := $sql$
            WITH changed AS (
                SELECT o.id AS old_id, n.id AS new_id FROM old_rows o FULL JOIN new_rows n ON o.id = n.id
                 WHERE o.id IS NULL OR n.id IS NULL
                    OR (o.visible, ST_X(o.position), ST_Y(o.position), o.kind, o.camera_type, o.operator_type, o.signage, o.status)
                       IS DISTINCT FROM
                       (n.visible, ST_X(n.position), ST_Y(n.position), n.kind, n.camera_type, n.operator_type, n.signage, n.status))
            SELECT -1 AS s, position, kind, camera_type, operator_type, signage, status
              FROM old_rows JOIN changed ON id = old_id WHERE visible
            UNION ALL
            SELECT 1, position, kind, camera_type, operator_type, signage, status
              FROM new_rows JOIN changed ON id = new_id WHERE visible
        $sql$;
    END IF;
    EXECUTE format('INSERT INTO camera_cluster_pending SELECT txid_current(), * FROM (%s) AS d WHERE n <> 0 OR sum_x <> 0 OR sum_y <> 0',
                   vigie_cluster_deepest_sql(rows_sql));
    INSERT INTO camera_cluster_dirty VALUES (txid_current()) ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$function$

;

CREATE OR REPLACE FUNCTION camera_cluster_fold()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
    emptied camera_cluster[];
BEGIN
    DELETE FROM camera_cluster_dirty WHERE txid = NEW.txid;
    EXECUTE vigie_cluster_add_sql(format(
        'DELETE FROM camera_cluster_pending WHERE txid = %s RETURNING cx, cy, attrs, n, sum_x, sum_y', NEW.txid)) INTO emptied;
    PERFORM vigie_cluster_drop(emptied);
    RETURN NULL;
END
$function$

;

CREATE OR REPLACE FUNCTION camera_cluster_truncate()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    TRUNCATE camera_cluster;
    RETURN NULL;
END
$function$

;

CREATE OR REPLACE FUNCTION vigie_cluster_rebuild()
 RETURNS bigint
 LANGUAGE plpgsql
 SET work_mem TO '128MB'
AS $function$
DECLARE
    deepest constant integer := vigie_cluster_max_level();
    ctes text;
    inserts text;
    cells bigint;
BEGIN
    LOCK TABLE camera IN SHARE MODE;
    DELETE FROM camera_cluster;
    DELETE FROM camera_cluster_pending WHERE txid = txid_current();
    ctes := format('l%s AS MATERIALIZED (SELECT cx, cy, attrs, n::bigint AS n, sum_x::bigint AS sum_x, sum_y::bigint AS sum_y FROM (%s) AS d)',
                   deepest, vigie_cluster_deepest_sql(
                       'SELECT 1 AS s, position, kind, camera_type, operator_type, signage, status FROM camera WHERE visible'));
    inserts := format('SELECT %s::smallint, * FROM l%s', deepest, deepest);
    FOR l IN REVERSE deepest - 1 .. 0 LOOP
        ctes := ctes || format(', l%s AS MATERIALIZED (SELECT cx >> 1 AS cx, cy >> 1 AS cy, attrs, sum(n)::bigint AS n,'
                               ' sum(sum_x)::bigint AS sum_x, sum(sum_y)::bigint AS sum_y FROM l%s GROUP BY 1, 2, 3)', l, l + 1);
        inserts := inserts || format(' UNION ALL SELECT %s::smallint, * FROM l%s', l, l);
    END LOOP;
    EXECUTE format('WITH %s INSERT INTO camera_cluster (level, cx, cy, attrs, n, sum_x, sum_y) %s', ctes, inserts);
    GET DIAGNOSTICS cells = ROW_COUNT;
    RETURN cells;
END
$function$

;

-- "Any of these capabilities", callable from HQL (the export's criteria) where the array operator
-- cannot be written: wanted is the comma-separated list of wire values.
CREATE OR REPLACE FUNCTION camera_has_any_capability(capabilities text[], wanted text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT capabilities && string_to_array(wanted, ',') $$;

-- Triggers: dropped and created again, so that a change here reaches every database.
DROP TRIGGER IF EXISTS camera_assign_city ON camera;
CREATE TRIGGER camera_assign_city BEFORE INSERT OR UPDATE OF "position" ON camera FOR EACH ROW WHEN ((current_setting('vigie.city_assigned'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION camera_assign_city();

DROP TRIGGER IF EXISTS camera_cluster_delete ON camera;
CREATE TRIGGER camera_cluster_delete AFTER DELETE ON camera REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION camera_cluster_track();

DROP TRIGGER IF EXISTS camera_cluster_insert ON camera;
CREATE TRIGGER camera_cluster_insert AFTER INSERT ON camera REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT WHEN ((current_setting('vigie.clusters_rebuilt'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION camera_cluster_track();

DROP TRIGGER IF EXISTS camera_cluster_truncate ON camera;
CREATE TRIGGER camera_cluster_truncate AFTER TRUNCATE ON camera FOR EACH STATEMENT EXECUTE FUNCTION camera_cluster_truncate();

DROP TRIGGER IF EXISTS camera_cluster_update ON camera;
CREATE TRIGGER camera_cluster_update AFTER UPDATE ON camera REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION camera_cluster_track();

DROP TRIGGER IF EXISTS camera_cluster_fold ON camera_cluster_dirty;
CREATE CONSTRAINT TRIGGER camera_cluster_fold AFTER INSERT ON camera_cluster_dirty DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION camera_cluster_fold();

