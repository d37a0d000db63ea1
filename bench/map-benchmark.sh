#!/usr/bin/env bash
# The map on the 1,000,000 cameras of bench/api-benchmark.sh, in headless Debian Chromium:
# the time until a world, a country and a city view have drawn their markers, and the bytes the
# page and its data weighed on the wire (compressed), each view in a fresh browser (empty cache).
#
#   bench/map-benchmark.sh [ROUNDS]        (default 3; run bench/api-benchmark.sh once first)
#
# VIGIE_BENCH_DB and VIGIE_BENCH_PORT as for bench/api-benchmark.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ROUNDS=${1:-3}
DB=${VIGIE_BENCH_DB:-vigie_bench_api}
PORT=${VIGIE_BENCH_PORT:-18383}
DATA=bench/data
mkdir -p "$DATA"
[ -x /usr/bin/chromium ] || { echo "map-benchmark: /usr/bin/chromium is needed (apt-get install chromium)" >&2; exit 1; }
docker/local-postgis.sh start
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests
count=$(docker/local-postgis.sh psql "$DB" -tAc "SELECT count(*) FROM camera" 2>/dev/null || echo 0)
[ "$count" -gt 0 ] || { echo "map-benchmark: $DB holds no camera: run bench/api-benchmark.sh first" >&2; exit 1; }
[ -f "$DATA/test-classpath.txt" ] && [ "$DATA/test-classpath.txt" -nt pom.xml ] \
  || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$DATA/test-classpath.txt"

export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:${VIGIE_DB_PORT:-55432}/$DB"
export QUARKUS_DATASOURCE_USERNAME=vigie QUARKUS_DATASOURCE_PASSWORD=vigie
java -Xmx512m -Dquarkus.http.port=$PORT -jar target/quarkus-app/quarkus-run.jar > "$DATA/map-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done

echo
echo "$(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg), $count cameras, window 1280×800"
echo
java -cp "$(cat "$DATA/test-classpath.txt")" bench/MapDrawBench.java "http://127.0.0.1:$PORT" "$ROUNDS"
