#!/usr/bin/env bash
# The map's two questions on 1,000,000 cameras, against raw SQL answering the same ones, in one run.
#
#   bench/api-benchmark.sh [SECONDS]      (default 20 s per measurement)
#
# 1. A database of its own (vigie_bench_api) holding N = 1,000,000 synthetic cameras, imported
#    once with the importer (bench/synthetic-cameras.awk, as bench/import-benchmark.sh writes them).
# 2. The app on port 18383 with -Xmx512m; its resident memory after start and under load.
# 3. City zoom: GET /api/cameras?bbox=<about 1 km²> around random points near the 40 city centres,
#    with wrk at 2 and 8 connections (gzip accepted), against pgbench running the same selection
#    (the same rows and columns, ordered, limit + 1) at 2 and 8 clients: p50, p99, requests/s.
# 4. Low zoom: GET /api/cameras/clusters for the whole world (zoom 2) and for France (zoom 6):
#    p50, p99 at 2 connections and the gzip-compressed size of one answer.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SECONDS_EACH=${1:-20}
N=1000000
DB=vigie_bench_api
PORT=18383
DATA=bench/data
mkdir -p "$DATA"
for tool in wrk osmium; do
  command -v $tool >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq "$([ $tool = osmium ] && echo osmium-tool || echo wrk)" >/dev/null; } \
    || { echo "api-benchmark: $tool is needed" >&2; exit 1; }
done
docker/local-postgis.sh start
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests
psql_db() { docker/local-postgis.sh psql "$@"; }
PGBENCH=/usr/lib/postgresql/15/bin/pgbench
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:${VIGIE_DB_PORT:-55432}/$DB"
export QUARKUS_DATASOURCE_USERNAME=vigie QUARKUS_DATASOURCE_PASSWORD=vigie

count=$(psql_db "$DB" -tAc "SELECT count(*) FROM camera" 2>/dev/null || echo 0)
if [ "$count" != "$N" ]; then
  pbf=$DATA/cameras-$N.osm.pbf
  if [ ! -f "$pbf" ]; then
    awk -v n="$N" -f bench/synthetic-cameras.awk > "$DATA/cameras-$N.opl"
    osmium cat --overwrite "$DATA/cameras-$N.opl" -o "$pbf"
  fi
  printf 'DROP DATABASE IF EXISTS %s;\nCREATE DATABASE %s OWNER vigie;\n' "$DB" "$DB" | psql_db postgres
  echo "api-benchmark: importing $N cameras (about 90 s)" >&2
  java -Xmx512m -jar target/quarkus-app/quarkus-run.jar import "$pbf" >/dev/null 2>"$DATA/api-import.log"
  psql_db "$DB" -c "VACUUM ANALYZE camera" >/dev/null
fi

# The centres the synthetic cameras cluster around, for both load generators.
psql_db "$DB" -q -c "DROP TABLE IF EXISTS bench_centre" \
  -c "CREATE TABLE bench_centre (n serial PRIMARY KEY, lon double precision, lat double precision)" >/dev/null
psql_db "$DB" -q -c "\\copy bench_centre (lon, lat) FROM '$ROOT/bench/city-centres.csv' WITH (FORMAT csv)" >/dev/null
ncentres=$(psql_db "$DB" -tAc "SELECT count(*) FROM bench_centre")

java -Xmx512m -Dquarkus.http.port=$PORT -jar target/quarkus-app/quarkus-run.jar > "$DATA/api-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
rss() { ps -o rss= -p "$server" | awk '{ printf "%.0f", $1 / 1024 }'; }
rss_start=$(rss)

# About 1 km² (0.013° of longitude by 0.009° of latitude at these latitudes) around a random
# point within 0.01° of a random centre; the same for wrk and pgbench.
cat > "$DATA/viewport.lua" <<LUA
local centres = {}
for lon, lat in string.gmatch("$(psql_db "$DB" -tAc "SELECT string_agg(lon || ',' || lat, ' ' ORDER BY n) FROM bench_centre")", "([%-%d%.]+),([%-%d%.]+)") do
  centres[#centres + 1] = { tonumber(lon), tonumber(lat) }
end
math.randomseed(42)
request = function()
  local c = centres[math.random(#centres)]
  local lon = c[1] + (math.random(-100, 100) / 10000.0)
  local lat = c[2] + (math.random(-100, 100) / 10000.0)
  local path = string.format("/api/cameras?bbox=%.5f,%.5f,%.5f,%.5f", lon - 0.0065, lat - 0.0045, lon + 0.0065, lat + 0.0045)
  return wrk.format("GET", path, { ["Accept-Encoding"] = "gzip" })
end
LUA
cat > "$DATA/viewport.sql" <<SQL
\\set c random(1, $ncentres)
\\set dx random(-100, 100)
\\set dy random(-100, 100)
SELECT c.id, ST_X(c.position), ST_Y(c.position), c.kind, c.camera_type, c.mount, c.directions, c.field_of_view,
       c.range_m, c.height_m, c.tilt, c.filmed_area, c.zone, c.level, c.capabilities, c.films_workstations,
       c.operator, c.operator_type, c.signage, c.status, c.notes, c.source, c.source_id, c.tags, c.version,
       c.created_at, c.updated_at, c.city_code
  FROM camera c, bench_centre b
 WHERE b.n = :c AND c.visible
   AND c.position && ST_MakeEnvelope(b.lon + :dx / 10000.0 - 0.0065, b.lat + :dy / 10000.0 - 0.0045,
                                     b.lon + :dx / 10000.0 + 0.0065, b.lat + :dy / 10000.0 + 0.0045, 4326)
 ORDER BY c.id LIMIT 1001;
SQL

# wrk: "p50 p99 requests/s" from its --latency report
wrk_run() { # connections, lua or url
  local out
  if [ -f "$2" ]; then out=$(wrk -t2 -c"$1" -d"${SECONDS_EACH}s" --latency -s "$2" "http://127.0.0.1:$PORT")
  else out=$(wrk -t2 -c"$1" -d"${SECONDS_EACH}s" --latency -H "Accept-Encoding: gzip" "$2"); fi
  echo "$out" > "$DATA/wrk-last.txt"
  local p50 p99 rps
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  rps=$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
  echo "$p50 $p99 $rps"
}
# pgbench: "p50 p99 transactions/s" from its per-transaction log
pgbench_run() { # clients
  rm -f "$DATA"/pgbench_log.*
  local out
  out=$(cd "$DATA" && PGPASSWORD=vigie $PGBENCH -h 127.0.0.1 -p "${VIGIE_DB_PORT:-55432}" -U vigie -n -c "$1" -j 2 \
        -T "$SECONDS_EACH" -f viewport.sql -l --log-prefix=pgbench_log "$DB" 2>&1)
  local tps
  tps=$(echo "$out" | awk '/^tps/ { printf "%.0f", $3 }')
  cat "$DATA"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n > "$DATA/pgbench-latencies.txt"
  local n p50 p99
  n=$(wc -l < "$DATA/pgbench-latencies.txt")
  p50=$(sed -n "$(( n / 2 ))p" "$DATA/pgbench-latencies.txt")
  p99=$(sed -n "$(( n * 99 / 100 ))p" "$DATA/pgbench-latencies.txt")
  echo "${p50}ms ${p99}ms $tps"
}

# Warm up both paths once.
wrk -t1 -c1 -d3s -s "$DATA/viewport.lua" "http://127.0.0.1:$PORT" >/dev/null
(cd "$DATA" && PGPASSWORD=vigie $PGBENCH -h 127.0.0.1 -p "${VIGIE_DB_PORT:-55432}" -U vigie -n -c 1 -T 3 -f viewport.sql "$DB" >/dev/null 2>&1)

echo "api-benchmark: city zoom" >&2
read -r api2_p50 api2_p99 api2_rps <<< "$(wrk_run 2 "$DATA/viewport.lua")"
rss_load=$(rss)
read -r sql2_p50 sql2_p99 sql2_tps <<< "$(pgbench_run 2)"
read -r api8_p50 api8_p99 api8_rps <<< "$(wrk_run 8 "$DATA/viewport.lua")"
rss_load8=$(rss)
read -r sql8_p50 sql8_p99 sql8_tps <<< "$(pgbench_run 8)"
per_view=$(curl -s "http://127.0.0.1:$PORT/api/cameras?bbox=2.34570,48.85210,2.35870,48.86110" | grep -o '"count":[0-9]*' | head -1)

echo "api-benchmark: low zoom clusters" >&2
world="http://127.0.0.1:$PORT/api/cameras/clusters?bbox=-180,-85,180,85&zoom=2"
france="http://127.0.0.1:$PORT/api/cameras/clusters?bbox=-5.5,41,10,51.5&zoom=6"
read -r w_p50 w_p99 w_rps <<< "$(wrk_run 2 "$world")"
read -r f_p50 f_p99 f_rps <<< "$(wrk_run 2 "$france")"
w_size=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$world")
f_size=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$france")

cat <<REPORT

$(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg), $N cameras, ${SECONDS_EACH} s per measurement

| city zoom (about 1 km², ${per_view#*:} cameras in central Paris) | p50 | p99 | requests/s |
| --- | --- | --- | --- |
| raw SQL (pgbench), 2 clients | $sql2_p50 | $sql2_p99 | $sql2_tps |
| GET /api/cameras?bbox (wrk, gzip), 2 connections | $api2_p50 | $api2_p99 | $api2_rps |
| raw SQL (pgbench), 8 clients | $sql8_p50 | $sql8_p99 | $sql8_tps |
| GET /api/cameras?bbox (wrk, gzip), 8 connections | $api8_p50 | $api8_p99 | $api8_rps |

| low zoom, 2 connections | p50 | p99 | requests/s | gzip size (bytes) |
| --- | --- | --- | --- | --- |
| clusters, whole world, zoom 2 | $w_p50 | $w_p99 | $w_rps | $w_size |
| clusters, France, zoom 6 | $f_p50 | $f_p99 | $f_rps | $f_size |

Server with -Xmx512m: resident memory $rss_start MB after start, $rss_load MB under 2 connections, $rss_load8 MB under 8.
REPORT
