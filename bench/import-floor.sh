#!/usr/bin/env bash
# What PostgreSQL alone spends on the rows a first import must write, against the import benchmark's
# baseline, measured in the same run: the floor under bench/import-benchmark.sh, whatever the Java
# side does.
#
#   bench/import-floor.sh [N]        (default N = 1000000)
#
# Needs bench/import-benchmark.sh N run first: its database (VIGIE_BENCH_DB, default vigie_bench)
# holds the N cameras the import wrote, and their version 1 history rows. Then, each in a fresh
# database of the local PostGIS:
#   baseline  COPY of the N points (CSV) into a bare table, then its GiST index, as import-benchmark.sh
#   floor     psql replays what the import asks of the server, with no JVM, no reading and no
#             mapping: in one transaction, the indexes and the history's key that DeferredIndexes
#             defers dropped, the camera rows and their version 1 history rows (dumped in binary from
#             the benchmark's database, ids included) copied, the indexes and the key built again,
#             the cluster cells counted by vigie_cluster_rebuild(); ANALYZE camera before the commit
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
versions=$dumps/versions.bin
psql_bench "$SOURCE_DB" -c "COPY (SELECT $columns FROM camera ORDER BY id) TO '$rows' WITH (FORMAT binary)" >/dev/null
psql_bench "$SOURCE_DB" -c "COPY (SELECT camera_id, version, action, created_at, snapshot FROM camera_version
  WHERE version = 1 ORDER BY camera_id) TO '$versions' WITH (FORMAT binary)" >/dev/null
# DeferredIndexes' list, as the database defines it
deferred="'camera_position_gix', 'camera_city_stats_idx', 'camera_operator_idx'"

echo "import-floor: baseline (COPY + GiST)" >&2
baseline_table
time_baseline "$csv"

echo "import-floor: the first import's statements, replayed by psql" >&2
fresh_db
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:${VIGIE_DB_PORT:-55432}/$DB" \
  QUARKUS_DATASOURCE_USERNAME=vigie QUARKUS_DATASOURCE_PASSWORD=vigie java -jar "$JAR" help >/dev/null
log=$DATA/import-floor-$N.log
settle
t0=$(now)
psql_bench "$DB" >"$log" <<SQL
\\timing on
BEGIN;
CREATE TEMP TABLE rebuild ON COMMIT DROP AS
  SELECT 1 AS step, pg_get_indexdef(indexrelid) AS ddl FROM pg_index WHERE indexrelid::regclass::text IN ($deferred)
  UNION ALL SELECT 2, 'ALTER TABLE camera_version ADD CONSTRAINT camera_version_camera_id_fkey FOREIGN KEY (camera_id) REFERENCES camera(id)';
SELECT format('DROP INDEX %s', indexrelid::regclass) FROM pg_index WHERE indexrelid::regclass::text IN ($deferred) \\gexec
ALTER TABLE camera_version DROP CONSTRAINT camera_version_camera_id_fkey;
SELECT set_config('vigie.clusters_rebuilt', 'on', true), set_config('vigie.city_assigned', 'on', true);
\\echo step: camera rows
COPY camera ($columns) FROM '$rows' WITH (FORMAT binary);
\\echo step: version 1 history rows
COPY camera_version (camera_id, version, action, created_at, snapshot) FROM '$versions' WITH (FORMAT binary);
\\echo step: the deferred indexes, and the key of the history
SELECT ddl FROM rebuild ORDER BY step \\gexec
\\echo step: cluster cells
SELECT vigie_cluster_rebuild();
\\echo step: analyze
ANALYZE camera;
\\echo step: commit
COMMIT;
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
