#!/usr/bin/env bash
# Import speed against PostgreSQL's own bulk load, measured in the same run.
#
#   bench/import-benchmark.sh [N]        (default N = 1000000)
#
# Writes N synthetic surveillance nodes as a PBF (awk + osmium-tool), then, each in a fresh
# database of the local PostGIS:
#   baseline  COPY the same N points into a bare table, then build its GiST index (psql)
#   vigie     JAVA_OPTS=-Xmx512m ./dev import --json FILE.osm.pbf: the README's command, with the JVM
#             options and class-data archive that ./dev gives every command (trained beforehand, untimed)
# VIGIE_JAVA_OPTS adds JVM options to the timed run (a JFR recording, say).
# VIGIE_BENCH_DB names the database (default vigie_bench), for two checkouts sharing the cluster.
# and prints both times and their ratio. Generated files go to bench/data/ (git-ignored).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N=${1:-1000000}
DATA=bench/data
DB=${VIGIE_BENCH_DB:-vigie_bench}
mkdir -p "$DATA"

[ -x /usr/bin/osmium ] || { [ "$(id -u)" = 0 ] && apt-get install -y -qq osmium-tool >/dev/null; } \
  || { echo "import-benchmark: osmium-tool is needed (apt-get install osmium-tool)" >&2; exit 1; }
docker/local-postgis.sh start
# VIGIE_JAR: another build of the app (a copy of target/quarkus-app, so that a build running meanwhile
# does not replace it): ./dev runs it as it is (VIGIE_APP).
JAR=${VIGIE_JAR:-target/quarkus-app/quarkus-run.jar}
[ -z "${VIGIE_JAR:-}" ] || export VIGIE_APP=$(cd "$(dirname "$VIGIE_JAR")" && pwd)
. bench/import-baseline.sh
# CPU seconds used by PostgreSQL's backends that have exited: the postmaster (the checkpointer's
# parent) collects them (autovacuum workers that end meanwhile count too). Less swayed than wall
# time by other work on a shared machine.
postmaster=$(ps -o ppid= -p "$(psql_bench postgres -tAc "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")" | tr -d ' ')
pg_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($16 + $17) / hz }' "/proc/$postmaster/stat"; }

opl=$DATA/cameras-$N.opl
pbf=$DATA/cameras-$N.osm.pbf
csv=$DATA/cameras-$N.csv
if [ ! -f "$pbf" ]; then
  echo "import-benchmark: writing $N synthetic cameras" >&2
  awk -v n="$N" -f bench/synthetic-cameras.awk > "$opl"
  osmium cat --overwrite "$opl" -o "$pbf"
  awk '{ print substr($1, 2) ",node/" substr($1, 2) ",SRID=4326;POINT(" substr($3, 2) " " substr($4, 2) ")" }' "$opl" > "$csv"
fi

echo "import-benchmark: baseline (COPY + GiST)" >&2
baseline_table
c0=$(pg_cpu)
time_baseline "$ROOT/$csv"
sleep 0.5 # psql's last backend exits after psql
baseline_cpu=$(echo "$(pg_cpu) - $c0" | bc)

echo "import-benchmark: vigie import" >&2
fresh_db
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:${VIGIE_DB_PORT:-55432}/$DB"
export QUARKUS_DATASOURCE_USERNAME=vigie QUARKUS_DATASOURCE_PASSWORD=vigie
# Build if the sources changed and train the class-data archive (./dev does both once per build),
# then migrate, so that the timed run is the import alone (plus ./dev's checks and the JVM's start).
VIGIE_DB=$DB ./dev build
java -Xmx512m -jar "$JAR" help >/dev/null
settle
t0=$(now)
c0=$(pg_cpu)
TIMEFORMAT='%U + %S'
{ time VIGIE_DB=$DB JAVA_OPTS="-Xmx512m ${VIGIE_JAVA_OPTS:-}" ./dev import --json "$ROOT/$pbf" \
    >"$DATA/import-report.json" 2>"$DATA/import-progress.log"; } 2>"$DATA/import-java-cpu"
t1=$(now)
sleep 0.5 # the import's backend exits after the JVM
vigie_pg_cpu=$(echo "$(pg_cpu) - $c0" | bc)
java_cpu=$(echo "$(cat "$DATA/import-java-cpu")" | bc)
report=$(cat "$DATA/import-report.json")
wall=$(echo "$t1 - $t0" | bc)
inside=$(echo "$report" | sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p')
created=$(echo "$report" | sed -n 's/.*"created":\([0-9]*\).*/\1/p')
[ "$created" = "$N" ] || { echo "import-benchmark: expected $N cameras, the import created $created" >&2; exit 1; }

printf '\n| N | baseline: COPY + GiST (s) | vigie import, whole command (s) | import alone (s) | ratio (whole / baseline) | cameras/s |\n'
printf '| --- | --- | --- | --- | --- | --- |\n'
printf '| %s | %.1f | %.1f | %.1f | %.2f | %.0f |\n' "$N" "$baseline" "$wall" "$inside" \
  "$(echo "$wall / $baseline" | bc -l)" "$(echo "$N / $wall" | bc -l)"
printf '\nCPU seconds (user + system): baseline, PostgreSQL %.1f; vigie, PostgreSQL %.1f and the command (./dev, the JVM) %.1f\n' \
  "$baseline_cpu" "$vigie_pg_cpu" "$java_cpu"
