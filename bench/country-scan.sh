#!/usr/bin/env bash
# A realistic import: a country-sized OpenStreetMap extract in which cameras are rare.
#
#   bench/country-scan.sh [NODES] [CAMERA_WAYS]     (default 20000000 nodes, 300 camera ways)
#
# Writes (once, into bench/data/, git-ignored) an extract of NODES nodes and NODES/10 ways
# (bench/country-extract.awk: one node in 10,000 a camera, CAMERA_WAYS ways tagged as cameras),
# then times, in the same run and on the same file:
#   osmium    osmium tags-filter FILE nwr/man_made=surveillance (what any tool must at least read)
#   vigie     JAVA_OPTS=-Xmx512m ./dev import --json FILE: the README's command into a fresh database,
#             as a whole command and as the import reports it ("seconds", the reading and writing alone)
# and prints both ratios against osmium with their goals (whole command 2x, import alone 1.4x).
# VIGIE_BENCH_DB names the database (default vigie_bench), for two checkouts sharing the cluster;
# VIGIE_JAR a copy of a build to time instead of target/quarkus-app.
# The figures are only fair on a quiet machine: the script says so when the load is 1 or more.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
NODES=${1:-20000000}
CAMERA_WAYS=${2:-300}
DATA=bench/data
DB=${VIGIE_BENCH_DB:-vigie_bench}
mkdir -p "$DATA"

[ -x /usr/bin/osmium ] || { echo "country-scan: osmium-tool is needed (apt-get install osmium-tool)" >&2; exit 1; }
docker/local-postgis.sh start >/dev/null
. bench/import-baseline.sh   # psql_bench, now, fresh_db
# VIGIE_JAR: another build of the app (a copy of target/quarkus-app, so that a build running meanwhile
# does not replace it): ./dev runs it as it is (VIGIE_APP).
JAR=${VIGIE_JAR:-target/quarkus-app/quarkus-run.jar}
[ -z "${VIGIE_JAR:-}" ] || export VIGIE_APP=$(cd "$(dirname "$VIGIE_JAR")" && pwd)

pbf=$DATA/country-$NODES-$CAMERA_WAYS.osm.pbf
if [ ! -f "$pbf" ]; then
  echo "country-scan: writing $NODES nodes and $((NODES / 10)) ways" >&2
  awk -v n="$NODES" -v camera_ways="$CAMERA_WAYS" -f bench/country-extract.awk \
    | osmium cat --input-format opl --overwrite -o "$pbf.tmp.osm.pbf"
  mv "$pbf.tmp.osm.pbf" "$pbf"
fi

load=$(cut -d' ' -f1 /proc/loadavg)
echo "country-scan: osmium tags-filter" >&2
sync
t0=$(now)
osmium tags-filter --overwrite "$pbf" nwr/man_made=surveillance -o "$DATA/country-cameras.osm.pbf"
t1=$(now)
osmium_s=$(echo "$t1 - $t0" | bc)
expected=$(osmium fileinfo -e "$DATA/country-cameras.osm.pbf" | awk '/Number of nodes/ { n = $NF } END { print n }')

echo "country-scan: vigie import" >&2
fresh_db
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:${VIGIE_DB_PORT:-55432}/$DB"
export QUARKUS_DATASOURCE_USERNAME=vigie QUARKUS_DATASOURCE_PASSWORD=vigie
# Build if needed, train the class-data archive and migrate, untimed: the timed run is the import.
VIGIE_DB=$DB ./dev build
java -Xmx512m -jar "$JAR" help >/dev/null
t0=$(now)
VIGIE_DB=$DB JAVA_OPTS="-Xmx512m ${VIGIE_JAVA_OPTS:-}" ./dev import --json "$ROOT/$pbf" \
  >"$DATA/country-report.json" 2>"$DATA/country-progress.log"
t1=$(now)
wall=$(echo "$t1 - $t0" | bc)
report=$(cat "$DATA/country-report.json")
inside=$(echo "$report" | sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p')
created=$(echo "$report" | sed -n 's/.*"created":\([0-9]*\).*/\1/p')
echo "country-scan: osmium kept $expected nodes (the camera nodes and the camera ways' members); vigie created $created cameras" >&2

printf '\n| nodes | ways | cameras | osmium tags-filter (s) | vigie import, whole command (s) | import alone (s) | whole / osmium (goal 2) | alone / osmium (goal 1.4) |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- |\n'
printf '| %s | %s | %s | %.1f | %.1f | %.1f | %.2f | %.2f |\n' "$NODES" "$((NODES / 10))" "$created" "$osmium_s" "$wall" "$inside" \
  "$(echo "$wall / $osmium_s" | bc -l)" "$(echo "$inside / $osmium_s" | bc -l)"
if [ "$(echo "$load >= 1" | bc)" = 1 ]; then
  echo "country-scan: the load average was $load when the run started: these figures are not fair, take them again on a quiet machine" >&2
fi
