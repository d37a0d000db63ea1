-- Camera counts per cell of the map's cluster grid, kept up to date by the database itself on every
-- write (the API, an importer's COPY, a bulk UPDATE), so that a view of the world or of a country
-- reads a few hundred rows instead of grouping a million cameras.
--
-- The grid of zoom level z has square cells of 90 / 2^z degrees (a quarter of a 256-pixel tile):
-- cell (cx, cy) = (floor(lon * 2^z / 90), floor(lat * 2^z / 90)). Cells nest, so a coarser level is
-- the finer one shifted right: cx(z) = cx(z + 1) >> 1. Levels 0 to 14 are kept (see
-- vigie_cluster_max_level); deeper zooms show small areas and are grouped per request.
--
-- Each row counts the visible cameras of one cell sharing the five low-cardinality attributes the
-- cluster filters use (kind, camera type, operator type, signage, status), so that those filters
-- are answered by summing rows. Operator and city filters are answered per request (org.vigie.cluster).
-- Positions are summed in 1e-7 degrees as integers: sums stay exact through any number of
-- additions and removals, so the mean position never drifts.
CREATE TABLE camera_cluster (
    level          smallint NOT NULL,
    cx             integer NOT NULL,
    cy             integer NOT NULL,
    kind           text NOT NULL,
    camera_type    text NOT NULL,
    operator_type  text NOT NULL,
    signage        text NOT NULL,
    status         text NOT NULL,
    n              bigint NOT NULL,
    sum_x          bigint NOT NULL,
    sum_y          bigint NOT NULL,
    PRIMARY KEY (level, cx, cy, kind, camera_type, operator_type, signage, status)
) WITH (fillfactor = 80); -- room on each page for updates that touch no index (HOT)

CREATE FUNCTION vigie_cluster_max_level() RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT 14';

-- The deepest level's cells of signed camera rows. rows_sql selects (s, position, kind, camera_type,
-- operator_type, signage, status) with s = +1 for a camera entering, -1 for one leaving.
CREATE FUNCTION vigie_cluster_deepest_sql(rows_sql text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($sql$
        SELECT floor(ST_X(position) * 2 ^ vigie_cluster_max_level() / 90)::integer AS cx,
               floor(ST_Y(position) * 2 ^ vigie_cluster_max_level() / 90)::integer AS cy,
               kind, camera_type, operator_type, signage, status,
               sum(s) AS n, sum(s * round(ST_X(position) * 1e7)::bigint) AS sum_x,
               sum(s * round(ST_Y(position) * 1e7)::bigint) AS sum_y
          FROM (%s) AS d GROUP BY 1, 2, 3, 4, 5, 6, 7
    $sql$, rows_sql)
$fn$;

-- The statement that adds deepest-level deltas (deepest_sql selects cx, cy, kind, camera_type,
-- operator_type, signage, status, n, sum_x, sum_y; it may be a DELETE ... RETURNING) to every level:
-- a coarser level's cell is the deeper one shifted right. Cells are written in key order, so that
-- two transactions writing the same cells queue instead of deadlocking. It answers the cells it
-- emptied, for vigie_cluster_drop.
CREATE FUNCTION vigie_cluster_add_sql(deepest_sql text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($sql$
        WITH d AS (%s),
        deepest AS (
            SELECT cx, cy, kind, camera_type, operator_type, signage, status,
                   sum(n) AS n, sum(sum_x) AS sx, sum(sum_y) AS sy
              FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7),
        cells AS (
            SELECT l::smallint AS level, cx >> (vigie_cluster_max_level() - l) AS cx, cy >> (vigie_cluster_max_level() - l) AS cy,
                   kind, camera_type, operator_type, signage, status, sum(n) AS n, sum(sx) AS sx, sum(sy) AS sy
              FROM deepest, generate_series(0, vigie_cluster_max_level()) AS l
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8),
        up AS (
            INSERT INTO camera_cluster AS c (level, cx, cy, kind, camera_type, operator_type, signage, status, n, sum_x, sum_y)
            SELECT level, cx, cy, kind, camera_type, operator_type, signage, status, n, sx, sy FROM cells
             WHERE n <> 0 OR sx <> 0 OR sy <> 0
             ORDER BY level, cx, cy, kind, camera_type, operator_type, signage, status
            ON CONFLICT (level, cx, cy, kind, camera_type, operator_type, signage, status) DO UPDATE
               SET n = c.n + EXCLUDED.n, sum_x = c.sum_x + EXCLUDED.sum_x, sum_y = c.sum_y + EXCLUDED.sum_y
            RETURNING *)
        SELECT coalesce(array_agg(ROW(up.*)::camera_cluster), '{}') FROM up WHERE n = 0
    $sql$, deepest_sql)
$fn$;

-- A cell whose last camera left keeps no row (n = 0 is checked again once the row is locked).
CREATE FUNCTION vigie_cluster_drop(emptied camera_cluster[]) RETURNS void
    LANGUAGE sql AS $fn$
    DELETE FROM camera_cluster c USING unnest(emptied) AS e
     WHERE (c.level, c.cx, c.cy, c.kind, c.camera_type, c.operator_type, c.signage, c.status)
         = (e.level, e.cx, e.cy, e.kind, e.camera_type, e.operator_type, e.signage, e.status)
       AND c.n = 0
$fn$;

-- A write does not touch camera_cluster itself: each statement adds its deltas, grouped at the
-- deepest level, to the pending rows of its transaction, and the transaction folds them into every
-- level once, when it commits. An import of a million cameras in one transaction folds once instead
-- of updating the same coarse cells after each block of rows, and concurrent writers hold the cells'
-- row locks only from the fold to their commit. Pending rows never outlive their transaction: an
-- unlogged table, emptied after a crash, loses nothing.
CREATE UNLOGGED TABLE camera_cluster_pending (
    txid           bigint NOT NULL,
    cx             integer NOT NULL,
    cy             integer NOT NULL,
    kind           text NOT NULL,
    camera_type    text NOT NULL,
    operator_type  text NOT NULL,
    signage        text NOT NULL,
    status         text NOT NULL,
    n              bigint NOT NULL,
    sum_x          bigint NOT NULL,
    sum_y          bigint NOT NULL
);
CREATE INDEX camera_cluster_pending_txid_idx ON camera_cluster_pending (txid);

-- One row per transaction with pending deltas: inserting it arms the fold at commit.
CREATE UNLOGGED TABLE camera_cluster_dirty (txid bigint PRIMARY KEY);

-- One trigger per event, each FOR EACH STATEMENT with its transition table: a COPY of 2,000
-- cameras costs one grouped statement, not 2,000 row triggers.
CREATE FUNCTION camera_cluster_track() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
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
$fn$;

CREATE TRIGGER camera_cluster_insert AFTER INSERT ON camera
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION camera_cluster_track();
CREATE TRIGGER camera_cluster_update AFTER UPDATE ON camera
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION camera_cluster_track();
CREATE TRIGGER camera_cluster_delete AFTER DELETE ON camera
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION camera_cluster_track();

-- At commit: the transaction's pending deltas, summed, go into every level. Removing the marker
-- lets a later write of the same transaction arm the fold again (after SET CONSTRAINTS ... IMMEDIATE).
CREATE FUNCTION camera_cluster_fold() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
DECLARE
    emptied camera_cluster[];
BEGIN
    DELETE FROM camera_cluster_dirty WHERE txid = NEW.txid;
    EXECUTE vigie_cluster_add_sql(format(
        'DELETE FROM camera_cluster_pending WHERE txid = %s RETURNING cx, cy, kind, camera_type, operator_type, signage, status, n, sum_x, sum_y',
        NEW.txid)) INTO emptied;
    PERFORM vigie_cluster_drop(emptied);
    RETURN NULL;
END
$fn$;

CREATE CONSTRAINT TRIGGER camera_cluster_fold AFTER INSERT ON camera_cluster_dirty
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION camera_cluster_fold();

CREATE FUNCTION camera_cluster_truncate() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE camera_cluster;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER camera_cluster_truncate AFTER TRUNCATE ON camera
    FOR EACH STATEMENT EXECUTE FUNCTION camera_cluster_truncate();

-- Recomputes every cell from the cameras (after a restore, or to check the triggers):
-- SELECT vigie_cluster_rebuild(); Writers wait for it (the table lock), readers see the old cells
-- until it commits. Answers the number of cells.
CREATE FUNCTION vigie_cluster_rebuild() RETURNS bigint
    LANGUAGE plpgsql AS $fn$
DECLARE
    cells bigint;
BEGIN
    LOCK TABLE camera IN SHARE MODE;
    DELETE FROM camera_cluster;
    EXECUTE vigie_cluster_add_sql(vigie_cluster_deepest_sql(
        'SELECT 1 AS s, position, kind, camera_type, operator_type, signage, status FROM camera WHERE visible'));
    SELECT count(*) INTO cells FROM camera_cluster;
    RETURN cells;
END
$fn$;

-- The cameras already there.
SELECT vigie_cluster_rebuild();
