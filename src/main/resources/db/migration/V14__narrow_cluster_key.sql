-- The cluster cells (V6, V10) keyed by four small numbers instead of eight columns: the five
-- attribute texts a cell is split by (kind, camera type, operator type, signage, status) become one
-- smallint, the code of their combination (vigie_cluster_attrs; camera_cluster_attrs lists them). The same cells, counts and sums
-- as before; a row is about half as wide and its key compares integers instead of collated texts,
-- which is most of what the rebuild after a first bulk import cost (grouping a million cameras by
-- five texts at every level, then sorting the cells on an eight-column key).
--
-- camera_cluster_cells shows the cells with their attributes spelled out, as camera_cluster had them.

-- The values each of the five attributes may take, as the camera table's CHECK constraints (V1) say.
-- A value added to one of those constraints must be added here too: until then a camera with it
-- cannot be written (its code is null, which camera_cluster refuses), rather than silently not counted.
CREATE FUNCTION vigie_cluster_attr_values(attribute integer) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT CASE attribute
        WHEN 1 THEN ARRAY['camera', 'alpr', 'webcam', 'guard', 'other']
        WHEN 2 THEN ARRAY['fixed', 'dome', 'panning', 'unknown']
        WHEN 3 THEN ARRAY['public', 'private', 'unknown']
        WHEN 4 THEN ARRAY['present', 'absent', 'unknown']
        WHEN 5 THEN ARRAY['reported', 'verified', 'disputed', 'removed']
    END
$fn$;

-- The code of a combination: 5 x 4 x 3 x 3 x 4 = 720 codes, 0 to 719 (mixed radix). An inlined
-- expression, computed per camera row without a look-up.
CREATE FUNCTION vigie_cluster_attrs(kind text, camera_type text, operator_type text, signage text, status text)
    RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT (((((array_position(vigie_cluster_attr_values(1), kind) - 1) * 4
              + array_position(vigie_cluster_attr_values(2), camera_type) - 1) * 3
             + array_position(vigie_cluster_attr_values(3), operator_type) - 1) * 3
            + array_position(vigie_cluster_attr_values(4), signage) - 1) * 4
           + array_position(vigie_cluster_attr_values(5), status) - 1)::smallint
$fn$;

-- Every code with its attributes spelled out: what the filters of the clusters API select from.
CREATE TABLE camera_cluster_attrs (
    attrs          smallint PRIMARY KEY,
    kind           text NOT NULL,
    camera_type    text NOT NULL,
    operator_type  text NOT NULL,
    signage        text NOT NULL,
    status         text NOT NULL
);
INSERT INTO camera_cluster_attrs
SELECT vigie_cluster_attrs(k, t, o, s, st), k, t, o, s, st
  FROM unnest(vigie_cluster_attr_values(1)) AS k, unnest(vigie_cluster_attr_values(2)) AS t,
       unnest(vigie_cluster_attr_values(3)) AS o, unnest(vigie_cluster_attr_values(4)) AS s,
       unnest(vigie_cluster_attr_values(5)) AS st;
ANALYZE camera_cluster_attrs;

DROP FUNCTION vigie_cluster_drop(camera_cluster[]);
DROP TABLE camera_cluster;
DROP TABLE camera_cluster_pending;

CREATE TABLE camera_cluster (
    level   smallint NOT NULL,
    cx      integer NOT NULL,
    cy      integer NOT NULL,
    attrs   smallint NOT NULL,
    n       bigint NOT NULL,
    sum_x   bigint NOT NULL,
    sum_y   bigint NOT NULL,
    PRIMARY KEY (level, cx, cy, attrs)
) WITH (fillfactor = 80);

CREATE UNLOGGED TABLE camera_cluster_pending (
    txid    bigint NOT NULL,
    cx      integer NOT NULL,
    cy      integer NOT NULL,
    attrs   smallint NOT NULL,
    n       bigint NOT NULL,
    sum_x   bigint NOT NULL,
    sum_y   bigint NOT NULL
);
CREATE INDEX camera_cluster_pending_txid_idx ON camera_cluster_pending (txid);

CREATE VIEW camera_cluster_cells AS
SELECT c.level, c.cx, c.cy, a.kind, a.camera_type, a.operator_type, a.signage, a.status, c.n, c.sum_x, c.sum_y
  FROM camera_cluster c JOIN camera_cluster_attrs a USING (attrs);

-- The deepest level's cells of signed camera rows. rows_sql selects (s, position, kind, camera_type,
-- operator_type, signage, status) with s = +1 for a camera entering, -1 for one leaving; the cells
-- come out as (cx, cy, attrs, n, sum_x, sum_y).
CREATE OR REPLACE FUNCTION vigie_cluster_deepest_sql(rows_sql text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($sql$
        SELECT floor(ST_X(position) * 2 ^ vigie_cluster_max_level() / 90)::integer AS cx,
               floor(ST_Y(position) * 2 ^ vigie_cluster_max_level() / 90)::integer AS cy,
               vigie_cluster_attrs(kind, camera_type, operator_type, signage, status) AS attrs,
               sum(s) AS n, sum(s * round(ST_X(position) * 1e7)::bigint) AS sum_x,
               sum(s * round(ST_Y(position) * 1e7)::bigint) AS sum_y
          FROM (%s) AS d GROUP BY 1, 2, 3
    $sql$, rows_sql)
$fn$;

-- Deepest-level deltas (deepest_sql selects cx, cy, attrs, n, sum_x, sum_y) added to every level, as
-- in V6; answers the cells it emptied.
CREATE OR REPLACE FUNCTION vigie_cluster_add_sql(deepest_sql text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $fn$
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
$fn$;

CREATE FUNCTION vigie_cluster_drop(emptied camera_cluster[]) RETURNS void
    LANGUAGE sql AS $fn$
    DELETE FROM camera_cluster c USING unnest(emptied) AS e
     WHERE (c.level, c.cx, c.cy, c.attrs) = (e.level, e.cx, e.cy, e.attrs) AND c.n = 0
$fn$;

CREATE OR REPLACE FUNCTION camera_cluster_fold() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
DECLARE
    emptied camera_cluster[];
BEGIN
    DELETE FROM camera_cluster_dirty WHERE txid = NEW.txid;
    EXECUTE vigie_cluster_add_sql(format(
        'DELETE FROM camera_cluster_pending WHERE txid = %s RETURNING cx, cy, attrs, n, sum_x, sum_y', NEW.txid)) INTO emptied;
    PERFORM vigie_cluster_drop(emptied);
    RETURN NULL;
END
$fn$;

-- Level by level as in V10, on the narrow key: every level groups integers only. With the server's
-- default work_mem, grouping a million cameras' cells spilled each level's hash table to disk in
-- batches (EXPLAIN ANALYZE on 1,000,000 cameras: about 0.5 s more per deep level); a rebuild has the
-- memory of a few hundred thousand small rows, for its own length only.
CREATE OR REPLACE FUNCTION vigie_cluster_rebuild() RETURNS bigint
    LANGUAGE plpgsql SET work_mem = '128MB' AS $fn$
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
$fn$;

SELECT vigie_cluster_rebuild();
