#!/usr/bin/env bash
# Two builds of the app, one after the other on the same database, on the map's city-zoom request only:
# for a change to the API's own path, a paired comparison under the same load.
#
#   bench/map-view-ab.sh JAR_A JAR_B [ROUNDS] [SECONDS]     (default 3 rounds of 10 s)
#
# Each round serves A then B (-Xmx512m, VIGIE_BENCH_PORT, default 18383), warms it for 5 s, and
# measures GET /api/cameras?bbox=<about 1 km²>&view=map with wrk at 2 connections (gzip accepted),
# then the same selection's raw SQL with pgbench at 2 clients, for the ratio in the same round. It also
# reports the server's CPU time per request (user + system, from /proc): unlike latencies, it
# hardly depends on what else the machine runs.
# Needs the database and the request scripts that bench/api-benchmark.sh leaves (VIGIE_BENCH_DB,
# bench/data/viewport-map.lua and .sql): run it first. Copy the jars' quarkus-app folders aside
# (cp -r target/quarkus-app /tmp/a) so that a build meanwhile does not replace them.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
A=${1:?JAR_A}
B=${2:?JAR_B}
ROUNDS=${3:-3}
SECONDS_EACH=${4:-10}
DB=${VIGIE_BENCH_DB:-vigie_bench_api}
PORT=${VIGIE_BENCH_PORT:-18383}
DATA=bench/data
[ -f "$DATA/viewport-map.lua" ] && [ -f "$DATA/viewport-map.sql" ] || { echo "map-view-ab: run bench/api-benchmark.sh first" >&2; exit 1; }
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:${VIGIE_DB_PORT:-55432}/$DB"
export QUARKUS_DATASOURCE_USERNAME=vigie QUARKUS_DATASOURCE_PASSWORD=vigie
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null || true' EXIT

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
api() { # jar: "p50 p99 req/s cpu-ms-per-request" of the map's request
  java -Xmx512m -Dquarkus.http.port=$PORT -jar "$1" > "$DATA/ab-server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  wrk -t1 -c2 -d5s -s "$DATA/viewport-map.lua" "http://127.0.0.1:$PORT" >/dev/null
  local before out
  before=$(cpu_ticks $server)
  out=$(wrk -t1 -c2 -d"${SECONDS_EACH}s" --latency -s "$DATA/viewport-map.lua" "http://127.0.0.1:$PORT")
  echo "$out" | awk -v ticks=$(( $(cpu_ticks $server) - before )) -v hz="$(getconf CLK_TCK)" \
    '$1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 } /Requests\/sec/ { rps = $2 } / requests in / { n = $1 }
     END { printf "%s %s %.0f %.2f", p50, p99, rps, ticks * 1000 / hz / n }'
  kill $server; wait $server 2>/dev/null || true
  server=
}
raw() { # "p50 p99 tps" of the raw selection
  rm -f "$DATA"/ab_log.*
  local tps
  tps=$(cd "$DATA" && PGPASSWORD=vigie /usr/lib/postgresql/15/bin/pgbench -h 127.0.0.1 -p "${VIGIE_DB_PORT:-55432}" -U vigie \
        -n -c 2 -j 1 -T "$SECONDS_EACH" -f viewport-map.sql -l --log-prefix=ab_log "$DB" 2>&1 | awk '/^tps/ { printf "%.0f", $3 }')
  cat "$DATA"/ab_log.* | awk '{ print $3 / 1000 }' | sort -n > "$DATA/ab-latencies.txt"
  local n
  n=$(wc -l < "$DATA/ab-latencies.txt")
  echo "$(sed -n "$(( n / 2 ))p" "$DATA/ab-latencies.txt")ms $(sed -n "$(( n * 99 / 100 ))p" "$DATA/ab-latencies.txt")ms $tps"
}

echo "| round | build | load average | raw SQL p50 | raw SQL p99 | raw SQL req/s | API p50 | API p99 | API req/s | API / raw req/s | server CPU per request |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for round in $(seq 1 "$ROUNDS"); do
  for build in A B; do
    jar=$A; [ $build = B ] && jar=$B
    a=$(api "$jar")
    s=$(raw)
    echo "| $round | $build | $(cut -d' ' -f1 /proc/loadavg) | $(echo $s | awk '{ print $1 " | " $2 " | " $3 }') | $(echo $a | awk '{ print $1 " | " $2 " | " $3 }') | $(echo "$a $s" | awk '{ printf "%.2f | %s ms", $3 / $7, $4 }') |"
  done
done
