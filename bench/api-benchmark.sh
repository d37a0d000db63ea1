#!/usr/bin/env bash
# The map's questions on 1,000,000 cameras, each against the raw SQL answering it, in one run.
#
#   bench/api-benchmark.sh [SECONDS]      (default 15 s per measurement)
#
# VIGIE_BENCH_DB (default vigie_bench_api) and VIGIE_BENCH_PORT (default 18383) let a second
# checkout sharing the local PostGIS run it on a database and a port of its own; VIGIE_JAR (default
# target/quarkus-app/quarkus-run.jar) a copy of a build, so that a build running meanwhile does not replace it.
#
# 1. A database of its own holding N = 1,000,000 synthetic cameras, imported once with the importer
#    (bench/synthetic-cameras.awk, as bench/import-benchmark.sh writes them); the cluster aggregates
#    are rebuilt from scratch once per run, timed (SELECT vigie_cluster_rebuild()).
# 2. The app with -Xmx512m; its resident memory after start and under load.
# 3. Each API call with wrk at 2 and 8 connections (gzip accepted), and its raw SQL with pgbench at 2 and
#    8 clients: p50, p99, requests/s.
#      - city zoom, the map's request: GET /api/cameras?bbox=<about 1 km²>&view=map around random points
#        near the 40 city centres, against the same selection (the marker's columns, ordered, limit + 1);
#      - city zoom, the full answer (the default view, for other clients): the same boxes without view=map,
#        against the same selection (every column, the city's name joined, ordered, limit + 1);
#      - clusters of the whole world (zoom 2) and of France (zoom 6), against the same sum over the
#        pre-aggregated cells (camera_cluster) that the service runs.
# 4. The compressed size of one answer of each, and EXPLAIN (ANALYZE, BUFFERS) of both city-zoom
#    selections over central Paris: the pages they touch do not depend on the machine's load.
# The map itself (first view weight, time to draw a world and a city view) is bench/map-benchmark.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SECONDS_EACH=${1:-15}
N=1000000
DB=${VIGIE_BENCH_DB:-vigie_bench_api}
PORT=${VIGIE_BENCH_PORT:-18383}
DATA=bench/data
mkdir -p "$DATA"
for tool in wrk osmium; do
  command -v $tool >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq "$([ $tool = osmium ] && echo osmium-tool || echo wrk)" >/dev/null; } \
    || { echo "api-benchmark: $tool is needed" >&2; exit 1; }
done
docker/local-postgis.sh start
JAR=${VIGIE_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
PGBENCH=/usr/lib/postgresql/15/bin/pgbench
. bench/synthetic-db.sh
synthetic_cameras api-benchmark
# The app migrates the database (a new aggregate table, say) before the rebuild below needs it.
java -Xmx512m -Dquarkus.http.port=$PORT -jar "$JAR" > "$DATA/api-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done

echo "api-benchmark: rebuilding the cluster aggregates" >&2
rebuild_ms=$(psql_db "$DB" -qAt -c '\timing on' -c "SELECT vigie_cluster_rebuild()" | awk '/^Time:/ { printf "%.0f", $2 }')
cells=$(psql_db "$DB" -tAc "SELECT count(*) FROM camera_cluster")
psql_db "$DB" -c "VACUUM ANALYZE camera_cluster" >/dev/null

# The centres the synthetic cameras cluster around, for both load generators.
psql_db "$DB" -q -c "DROP TABLE IF EXISTS bench_centre" \
  -c "CREATE TABLE bench_centre (n serial PRIMARY KEY, lon double precision, lat double precision)" >/dev/null
psql_db "$DB" -q -c "\\copy bench_centre (lon, lat) FROM '$ROOT/bench/city-centres.csv' WITH (FORMAT csv)" >/dev/null
ncentres=$(psql_db "$DB" -tAc "SELECT count(*) FROM bench_centre")

rss() { ps -o rss= -p "$server" | awk '{ printf "%.0f", $1 / 1024 }'; }
rss_start=$(rss)

# About 1 km² (0.013° of longitude by 0.009° of latitude at these latitudes) around a random
# point within 0.01° of a random centre; the same for wrk and pgbench.
viewport_lua() { # query-string suffix
  cat <<LUA
local centres = {}
for lon, lat in string.gmatch("$(psql_db "$DB" -tAc "SELECT string_agg(lon || ',' || lat, ' ' ORDER BY n) FROM bench_centre")", "([%-%d%.]+),([%-%d%.]+)") do
  centres[#centres + 1] = { tonumber(lon), tonumber(lat) }
end
math.randomseed(42)
request = function()
  local c = centres[math.random(#centres)]
  local lon = c[1] + (math.random(-100, 100) / 10000.0)
  local lat = c[2] + (math.random(-100, 100) / 10000.0)
  local path = string.format("/api/cameras?bbox=%.5f,%.5f,%.5f,%.5f$1", lon - 0.0065, lat - 0.0045, lon + 0.0065, lat + 0.0045)
  return wrk.format("GET", path, { ["Accept-Encoding"] = "gzip" })
end
LUA
}
viewport_lua "" > "$DATA/viewport.lua"
viewport_lua "&view=map" > "$DATA/viewport-map.lua"
# The map's selection: the marker's columns only (org.vigie.camera.rest.CameraMarkerRows), which the
# position index includes (V11): an index-only scan. The full one: every column, the city joined
# (org.vigie.camera.rest.CameraFeatureRows).
MAP_SELECT="SELECT c.id, ST_X(c.position), ST_Y(c.position), c.kind, c.camera_type, c.operator_type, c.signage, c.status,
       c.directions, c.field_of_view, c.range_m, c.operator, c.version FROM camera c"
FULL_SELECT="SELECT c.id, ST_X(c.position), ST_Y(c.position), c.kind, c.camera_type, c.mount, c.directions, c.field_of_view,
       c.range_m, c.height_m, c.tilt, c.filmed_area, c.zone, c.level, c.capabilities, c.films_workstations,
       c.operator, c.operator_type, c.signage, c.status, c.notes, c.source, c.source_id, c.tags, c.version,
       c.created_at, c.updated_at, ci.code, ci.name FROM camera c LEFT JOIN city ci ON ci.code = c.city_code"
viewport_sql() { # select
  cat <<SQL
\\set c random(1, $ncentres)
\\set dx random(-100, 100)
\\set dy random(-100, 100)
$1, bench_centre b
 WHERE b.n = :c AND c.visible
   AND c.position && ST_MakeEnvelope(b.lon + :dx / 10000.0 - 0.0065, b.lat + :dy / 10000.0 - 0.0045,
                                     b.lon + :dx / 10000.0 + 0.0065, b.lat + :dy / 10000.0 + 0.0045, 4326)
 ORDER BY c.id LIMIT 1001;
SQL
}
viewport_sql "$MAP_SELECT" > "$DATA/viewport-map.sql"
viewport_sql "$FULL_SELECT" > "$DATA/viewport.sql"

# The sum over pre-aggregated cells that GET /api/cameras/clusters runs (org.vigie.cluster.ClusterService).
cluster_sql() { # zoom minLon minLat maxLon maxLat
  awk -v z="$1" -v x0="$2" -v y0="$3" -v x1="$4" -v y1="$5" 'function cell(v) { c = v * 2 ^ z / 90; f = int(c); return (c < f) ? f - 1 : f }
    BEGIN { printf "SELECT sum(n), sum(sum_x) / sum(n) / 1e7, sum(sum_y) / sum(n) / 1e7, cx, cy, sum(sum(n)) OVER () FROM camera_cluster WHERE level = %d AND cx BETWEEN %d AND %d AND cy BETWEEN %d AND %d GROUP BY cx, cy HAVING sum(n) > 0 ORDER BY sum(n) DESC, cx, cy LIMIT 2001;\n", z, cell(x0), cell(x1), cell(y0), cell(y1) }'
}
cluster_sql 2 -180 -85 180 85 > "$DATA/world.sql"
cluster_sql 6 -5.5 41 10 51.5 > "$DATA/france.sql"
world="http://127.0.0.1:$PORT/api/cameras/clusters?bbox=-180,-85,180,85&zoom=2"
france="http://127.0.0.1:$PORT/api/cameras/clusters?bbox=-5.5,41,10,51.5&zoom=6"

# wrk: "p50 p99 requests/s" from its --latency report
wrk_run() { # connections, lua or url
  local out
  # One load-generator thread (wrk, and pgbench below): on 2 cores a second one takes CPU from the
  # server it measures.
  if [ -f "$2" ]; then out=$(wrk -t1 -c"$1" -d"${SECONDS_EACH}s" --latency -s "$2" "http://127.0.0.1:$PORT")
  else out=$(wrk -t1 -c"$1" -d"${SECONDS_EACH}s" --latency -H "Accept-Encoding: gzip" "$2"); fi
  echo "$out" > "$DATA/wrk-last.txt"
  local p50 p99 rps
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  rps=$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
  echo "$p50 $p99 $rps"
}
# pgbench: "p50 p99 transactions/s" from its per-transaction log
pgbench_run() { # clients, script
  rm -f "$DATA"/pgbench_log.*
  local out
  out=$(cd "$DATA" && PGPASSWORD=vigie $PGBENCH -h 127.0.0.1 -p "${VIGIE_DB_PORT:-55432}" -U vigie -n -c "$1" -j 1 \
        -T "$SECONDS_EACH" -f "$2" -l --log-prefix=pgbench_log "$DB" 2>&1)
  local tps
  tps=$(echo "$out" | awk '/^tps/ { printf "%.0f", $3 }')
  cat "$DATA"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n > "$DATA/pgbench-latencies.txt"
  local n p50 p99
  n=$(wc -l < "$DATA/pgbench-latencies.txt")
  p50=$(sed -n "$(( n / 2 ))p" "$DATA/pgbench-latencies.txt")
  p99=$(sed -n "$(( n * 99 / 100 ))p" "$DATA/pgbench-latencies.txt")
  echo "${p50}ms ${p99}ms $tps"
}

# Warm up every path once (the JIT compiles the request's path, as on a server that has been answering):
# 15 s each, as the compiler threads were still busy for 2 s of the 10 s measured after a 5 s warm-up.
for l in viewport.lua viewport-map.lua; do wrk -t1 -c2 -d15s -s "$DATA/$l" "http://127.0.0.1:$PORT" >/dev/null; done
for u in "$world" "$france"; do wrk -t1 -c1 -d2s "$u" >/dev/null; done
for f in viewport.sql viewport-map.sql world.sql france.sql; do
  (cd "$DATA" && PGPASSWORD=vigie $PGBENCH -h 127.0.0.1 -p "${VIGIE_DB_PORT:-55432}" -U vigie -n -c 1 -T 2 -f $f "$DB" >/dev/null 2>&1)
done

rss_load=0
track_rss() { local r; r=$(rss); [ "$r" -gt "$rss_load" ] && rss_load=$r; return 0; }
rows=""
measure() { # label, wrk target, pgbench script
  local c a s
  for c in 2 8; do
    echo "api-benchmark: $1, $c connections" >&2
    a=$(wrk_run $c "$2"); track_rss
    s=$(pgbench_run $c "$3")
    rows+="| $1 | $c | $(echo $s | awk '{ print $1 " | " $2 " | " $3 }') | $(echo $a | awk '{ print $1 " | " $2 " | " $3 }') | $(echo "$a $s" | awk '{ printf "%.2f", $3 / $6 }') |"$'\n'
  done
}
measure "city zoom, the map's GET /api/cameras?bbox&view=map (about 1 km²)" "$DATA/viewport-map.lua" viewport-map.sql
measure "city zoom, the full GET /api/cameras?bbox (about 1 km²)" "$DATA/viewport.lua" viewport.sql
measure "clusters, whole world, zoom 2" "$world" world.sql
measure "clusters, France, zoom 6" "$france" france.sql
rss_after=$(rss)

paris="http://127.0.0.1:$PORT/api/cameras?bbox=2.34570,48.85210,2.35870,48.86110"
per_view=$(curl -s "$paris" | grep -o '"count":[0-9]*' | tail -1)
# The pages each city-zoom selection touches over central Paris ("hit" in the cache, "read" from the
# kernel or the disk): the first Buffers line of EXPLAIN (ANALYZE, BUFFERS), and the scan it chose.
explain() { # select
  psql_db "$DB" -q -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $1 WHERE c.visible
      AND c.position && ST_MakeEnvelope(2.34570, 48.85210, 2.35870, 48.86110, 4326) ORDER BY c.id LIMIT 1001" \
    | awk '/Buffers:/ && !b { b = $0; sub(/^ *Buffers: */, "", b) } /Scan .*on camera / && !s { s = $0; sub(/^[ >-]*/, "", s); sub(/ on .*/, "", s) }
           /Execution Time/ { t = $3 } END { printf "%s | %s | %s ms", s, b, t }'
}
gz() { curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$1"; }
raw() { curl -s -o /dev/null -w '%{size_download}' "$1"; }

cat <<REPORT

$(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $N cameras, ${SECONDS_EACH} s per measurement

| question | connections | raw SQL p50 | raw SQL p99 | raw SQL req/s | API p50 | API p99 | API req/s | API / raw req/s |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows}
| answer | bytes | gzip bytes |
| --- | --- | --- |
| city zoom, the map's view, central Paris (${per_view#*:} cameras) | $(raw "$paris&view=map") | $(gz "$paris&view=map") |
| city zoom, the full answer, central Paris (${per_view#*:} cameras) | $(raw "$paris") | $(gz "$paris") |
| clusters, whole world, zoom 2 | $(raw "$world") | $(gz "$world") |
| clusters, France, zoom 6 | $(raw "$france") | $(gz "$france") |

| selection over central Paris | scan | pages (EXPLAIN ANALYZE BUFFERS) | execution |
| --- | --- | --- | --- |
| the map's view | $(explain "$MAP_SELECT") |
| the full answer | $(explain "$FULL_SELECT") |

Cluster aggregates rebuilt from scratch: ${rebuild_ms} ms ($cells cells, levels 0 to 14).
Server with -Xmx512m: resident memory $rss_start MB after start, at most $rss_load MB under load, $rss_after MB after.
REPORT
