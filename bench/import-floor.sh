#!/usr/bin/env bash
# What PostgreSQL alone spends on a first import's rows, against the import benchmark's baseline,
# measured in the same run: the floor under bench/import-benchmark.sh, whatever the Java side does.
#
#   bench/import-floor.sh [N]        (default N = 1000000)
#
# Needs bench/import-benchmark.sh N run first: its database (VIGIE_BENCH_DB, default vigie_bench)
# holds the N cameras the import wrote. Then, each in a fresh database of the local PostGIS:
#   baseline  COPY of the N points (CSV) into a bare table, then its GiST index, as import-benchmark.sh
#   floor     psql replays what a first import asks of the server, with no JVM, no reading and no
#             mapping: in one transaction, the camera table's keys, references, triggers and
#             secondary indexes set aside, the imported rows (dumped in binary from the benchmark's
#             database, ids included) copied frozen, the keys and indexes built again, the cluster
#             cells (dumped likewise) copied and keyed; ANALYZE after the commit
# and prints each step's time, both totals and their ratio. The replay's log goes to bench/data/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N=${1:-1000000}
DATA=$ROOT/bench/data
SOURCE_DB=${VIGIE_BENCH_DB:-vigie_bench}
DB=${SOURCE_DB}_floor
JAR=${VIGIE_JAR:-target/quarkus-app/quarkus-run.jar}
csv=$DATA/cameras-$N.csv
. bench/import-baseline.sh
docker/local-postgis.sh start
[ -f "$csv" ] || { echo "import-floor: $csv is missing: run bench/import-benchmark.sh $N first" >&2; exit 1; }
imported=$(psql_bench "$SOURCE_DB" -tAc "SELECT count(*) FROM camera" 2>/dev/null || echo 0)
[ "$imported" = "$N" ] || { echo "import-floor: $SOURCE_DB holds $imported cameras, not $N: run bench/import-benchmark.sh $N first" >&2; exit 1; }

columns=$(psql_bench "$SOURCE_DB" -tAc "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
  WHERE attrelid = 'camera'::regclass AND attnum > 0 AND NOT attisdropped")
# The server's own user writes and reads the dumps: a folder of their own, removed at the end.
dumps=$(mktemp -d /tmp/vigie-import-floor.XXXXXX)
trap 'rm -rf "$dumps"' EXIT
chmod 777 "$dumps"
rows=$dumps/cameras.bin
cells=$dumps/cells.bin
psql_bench "$SOURCE_DB" -c "COPY (SELECT $columns FROM camera ORDER BY id) TO '$rows' WITH (FORMAT binary)" >/dev/null
psql_bench "$SOURCE_DB" -c "COPY camera_cluster TO '$cells' WITH (FORMAT binary)" >/dev/null

echo "import-floor: baseline (COPY + GiST)" >&2
baseline_table
time_baseline "$csv"

echo "import-floor: the first import's statements, replayed by psql" >&2
fresh_db
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:${VIGIE_DB_PORT:-55432}/$DB" \
  QUARKUS_DATASOURCE_USERNAME=vigie QUARKUS_DATASOURCE_PASSWORD=vigie java -jar "$JAR" help >/dev/null
log=$DATA/import-floor-$N.log
t0=$(now)
psql_bench "$DB" >"$log" <<SQL
\\timing on
BEGIN;
-- what FirstImport and DeferredIndexes set aside, kept to be built again after loading (DeferredIndexes keeps
-- the partial indexes no imported row can enter: created_by's, and the cities' when there is no city)
CREATE TEMP TABLE rebuild ON COMMIT DROP AS
  SELECT 1 AS step, format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS ddl, oid::bigint AS o
    FROM pg_constraint WHERE conrelid = 'camera'::regclass AND contype IN ('p', 'u')
  UNION ALL SELECT 2, format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)), oid
    FROM pg_constraint WHERE confrelid = 'camera'::regclass AND contype = 'f'
  UNION ALL SELECT 3, pg_get_indexdef(i.indexrelid), i.indexrelid FROM pg_index i WHERE i.indrelid = 'camera'::regclass
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
    AND coalesce(pg_get_expr(i.indpred, i.indrelid), '') NOT LIKE '%(created_by IS NOT NULL)%'
    AND (EXISTS (SELECT 1 FROM city) OR coalesce(pg_get_expr(i.indpred, i.indrelid), '') NOT LIKE '%(city_code IS NOT NULL)%')
  UNION ALL SELECT 4, pg_get_triggerdef(oid), oid FROM pg_trigger WHERE tgrelid = 'camera'::regclass
    AND tgname IN ('camera_assign_city', 'camera_cluster_insert');
SELECT format('DROP INDEX %s', o::regclass) FROM rebuild WHERE step = 3 \\gexec
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) FROM pg_constraint
  WHERE confrelid = 'camera'::regclass AND contype = 'f' \\gexec
SELECT format('ALTER TABLE camera DROP CONSTRAINT %I', conname) FROM pg_constraint
  WHERE conrelid = 'camera'::regclass AND contype IN ('p', 'u') \\gexec
DROP TRIGGER camera_assign_city ON camera;
DROP TRIGGER camera_cluster_insert ON camera;
TRUNCATE camera;
SET LOCAL session_replication_role = replica;
\\echo step: rows
COPY camera ($columns) FROM '$rows' WITH (FORMAT binary, FREEZE);
SET LOCAL session_replication_role = origin;
\\echo step: keys, references, indexes and triggers
SELECT ddl FROM rebuild ORDER BY step, o \\gexec
\\echo step: cluster cells
ALTER TABLE camera_cluster DROP CONSTRAINT camera_cluster_pkey;
TRUNCATE camera_cluster;
COPY camera_cluster FROM '$cells' WITH (FORMAT binary, FREEZE);
ALTER TABLE camera_cluster ADD CONSTRAINT camera_cluster_pkey PRIMARY KEY (level, cx, cy, attrs);
\\echo step: commit
COMMIT;
\\echo step: analyze
ANALYZE camera;
SQL
t1=$(now)
floor=$(echo "$t1 - $t0" | bc)
[ "$(psql_bench "$DB" -tAc "SELECT count(*) FROM camera")" = "$N" ] || { echo "import-floor: the replay did not load $N cameras (see $log)" >&2; exit 1; }

echo
awk '/^step: / { if (step) printf "| %s | %.1f |\n", step, ms / 1000; step = substr($0, 7); ms = 0; next }
     /^Time: / { ms += $2 }
     END { printf "| %s | %.1f |\n", step, ms / 1000 }' "$log" | sed '1i | step of the replay | seconds |\n| --- | --- |'
printf '\n| N | baseline: COPY + GiST (s) | floor: the first import'"'"'s statements by psql (s) | ratio (floor / baseline) |\n'
printf '| --- | --- | --- | --- |\n'
printf '| %s | %.1f | %.1f | %.2f |\n' "$N" "$baseline" "$floor" "$(echo "$floor / $baseline" | bc -l)"
