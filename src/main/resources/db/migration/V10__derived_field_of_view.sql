-- The field-of-view polygon is always derived from the row's own columns (position, directions,
-- field_of_view, range_m): the application computes it where it is read (org.vigie.camera.FieldOfViewArea).
-- Stored, it was half of every camera row (about 490 of 950 bytes), the bulk of a bulk import's writing.
ALTER TABLE camera DROP COLUMN fov_area;

-- A first bulk import into an empty registry counts its clusters once, after loading, instead of
-- tracking every COPY: it says so for the length of its loading (set_config('vigie.clusters_rebuilt',
-- 'on', true)), then calls vigie_cluster_rebuild(). Every other write is tracked as before.
DROP TRIGGER camera_cluster_insert ON camera;
CREATE TRIGGER camera_cluster_insert AFTER INSERT ON camera
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    WHEN (current_setting('vigie.clusters_rebuilt', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION camera_cluster_track();

-- The same cells as before, computed level by level: each coarser level sums the one below (cells
-- nest: cx(z) = cx(z + 1) >> 1) instead of grouping every deepest cell once per level, and goes in
-- with a plain INSERT into the emptied table. The transaction's own pending deltas are dropped: the
-- cells now count its writes so far, and folding them again at commit would count them twice.
CREATE OR REPLACE FUNCTION vigie_cluster_rebuild() RETURNS bigint
    LANGUAGE plpgsql AS $fn$
DECLARE
    cols constant text := 'kind, camera_type, operator_type, signage, status';
    deepest constant integer := vigie_cluster_max_level();
    ctes text;
    inserts text;
    cells bigint;
BEGIN
    LOCK TABLE camera IN SHARE MODE;
    DELETE FROM camera_cluster;
    DELETE FROM camera_cluster_pending WHERE txid = txid_current();
    ctes := format('l%s AS MATERIALIZED (SELECT cx, cy, %s, n::bigint AS n, sum_x::bigint AS sum_x, sum_y::bigint AS sum_y FROM (%s) AS d)',
                   deepest, cols, vigie_cluster_deepest_sql(
                       'SELECT 1 AS s, position, kind, camera_type, operator_type, signage, status FROM camera WHERE visible'));
    inserts := format('SELECT %s::smallint, * FROM l%s', deepest, deepest);
    FOR l IN REVERSE deepest - 1 .. 0 LOOP
        ctes := ctes || format(', l%s AS MATERIALIZED (SELECT cx >> 1 AS cx, cy >> 1 AS cy, %s, sum(n)::bigint AS n,'
                               ' sum(sum_x)::bigint AS sum_x, sum(sum_y)::bigint AS sum_y FROM l%s GROUP BY 1, 2, 3, 4, 5, 6, 7)',
                               l, cols, l + 1);
        inserts := inserts || format(' UNION ALL SELECT %s::smallint, * FROM l%s', l, l);
    END LOOP;
    EXECUTE format('WITH %s INSERT INTO camera_cluster (level, cx, cy, %s, n, sum_x, sum_y) %s', ctes, cols, inserts);
    GET DIAGNOSTICS cells = ROW_COUNT;
    RETURN cells;
END
$fn$;
