#!/usr/bin/env bash
# Benchmark of GET /api/cities/{code}/stats on a city of 100,000 cameras, against the same SQL
# statement run raw in the same run; of the CSV export of that city; and of the city trigger's
# cost on bulk inserts.
#
#   bench/city-stats.sh
#
# Uses the local PostGIS (docker/local-postgis.sh) and a database of its own, vigie_bench_cities
# (VIGIE_BENCH_DB), which keeps the generated cameras between runs; serves the app on port 18282
# (VIGIE_BENCH_PORT) while it runs. Needs ../shared/data (the commune boundaries).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DB=${VIGIE_BENCH_DB:-vigie_bench_cities}
PORT=${VIGIE_BENCH_PORT:-18282}
DB_PORT=${VIGIE_DB_PORT:-55432}
COMMUNES=../shared/data/boundaries/france-communes-selection.geojson
[ -f "$COMMUNES" ] || { echo "city-stats: $COMMUNES is missing (see ../shared/data/README.md)" >&2; exit 1; }

VIGIE_TEST_DB=$DB docker/local-postgis.sh start
[ -f target/quarkus-app/quarkus-run.jar ] && [ -z "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ] \
  || mvn -B -q package -DskipTests
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$DB_PORT/$DB
export QUARKUS_DATASOURCE_USERNAME=vigie QUARKUS_DATASOURCE_PASSWORD=vigie

java -jar target/quarkus-app/quarkus-run.jar import-cities "$COMMUNES"

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "city-stats: port $PORT is taken by another server: set VIGIE_BENCH_PORT" >&2; exit 1
fi
# A small heap: the export of 100,000 cameras must stream, not hold them.
java -Xmx160m -Dquarkus.http.port="$PORT" -Dquarkus.log.console.level=WARN -jar target/quarkus-app/quarkus-run.jar &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $APP 2>/dev/null || { echo "city-stats: the app did not start" >&2; exit 1; }
  sleep 1
done

PG_JAR=$(ls target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -1)
echo "city-stats: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
java -cp "$PG_JAR" bench/CityStatsBench.java "$QUARKUS_DATASOURCE_JDBC_URL" vigie vigie "http://127.0.0.1:$PORT"
