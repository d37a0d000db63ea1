#!/usr/bin/env bash
# Issue 19's two measurements, on the packaged app with -Xmx512m (the compose file's setting):
#
#   bench/hardening-benchmark.sh [CAMERAS] [READS]     (defaults 1000000 and 2000)
#
# 1. The map's readers while eight world exports run: READS city-zoom map views (GET /api/cameras?
#    bbox=<about 1 km²>&view=map, one keep-alive connection, as a phone panning) alone, then again while
#    eight clients export the whole world as GeoJSON in a loop (each asks again 1 s after a 503);
#    p50 / p99 of each, and how many exports were served or refused (503 + Retry-After, the limit of
#    vigie.reads.expensive-at-once). Goal: the readers' p99 under 50 ms during the exports.
# 2. Hostile bodies: six anonymous 100 MB requests at once, three times over (a JSON route, the photo
#    route, the import route; with Content-Length, then chunked): the status and time of each answer,
#    the heap used before, at its highest (jstat every 200 ms) and after, the bytes in the upload
#    directory at their highest, and whether an OutOfMemoryError was logged. Goal: 413 / 411 / 401 at
#    once, heap bounded, no OutOfMemoryError.
#
# VIGIE_BENCH_DB (default vigie_bench_hardening) and VIGIE_BENCH_PORT (default 18219) give it a
# database and a port of its own; VIGIE_JAR (default target/quarkus-app/quarkus-run.jar) a build;
# VIGIE_BENCH_JAVA_OPTS settings to compare in one session (e.g. -Dvigie.reads.expensive-at-once=1,
# -Dvigie.reads.exports-yield=false); VIGIE_BENCH_PARTS=readers measures (1) only.
# The load average is printed with the figures: on a busy machine the latencies say little.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N=${1:-1000000}
READS=${2:-2000}
DB=${VIGIE_BENCH_DB:-vigie_bench_hardening}
PORT=${VIGIE_BENCH_PORT:-18219}
DATA=bench/data
mkdir -p "$DATA"
command -v osmium >/dev/null || { echo "hardening-benchmark: osmium is needed (apt-get install osmium-tool)" >&2; exit 1; }
docker/local-postgis.sh start >/dev/null
JAR=${VIGIE_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
. bench/synthetic-db.sh
synthetic_cameras hardening-benchmark

UPLOADS=$DATA/hardening-uploads
rm -rf "$UPLOADS" && mkdir -p "$UPLOADS"
# shellcheck disable=SC2086 # the options are words
java -Xmx512m ${VIGIE_BENCH_JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.http.body.uploads-directory="$ROOT/$UPLOADS" -jar "$JAR" > "$DATA/hardening-server.log" 2>&1 &
server=$!
trap 'touch "$DATA/hardening-stop"; kill $(jobs -p) 2>/dev/null || true; kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
base="http://127.0.0.1:$PORT"
echo "# $(date -u '+%F %H:%M') UTC, $(git rev-parse --short HEAD), $N cameras, load: $(cut -d' ' -f1-3 /proc/loadavg), options: ${VIGIE_BENCH_JAVA_OPTS:-none}"

# --- 1. readers alone, then beside eight world exports
# About 1 km² around random points within 0.01° of the synthetic cameras' centres (bench/city-centres.csv).
urls=$DATA/hardening-reads.txt
awk -F, -v n="$READS" -v base="$base" 'BEGIN { srand(42) } { lon[NR] = $1; lat[NR] = $2 }
  END { for (i = 0; i < n; i++) { c = int(rand() * NR) + 1; x = lon[c] + (rand() - 0.5) / 50; y = lat[c] + (rand() - 0.5) / 50;
        printf "url = \"%s/api/cameras?bbox=%.5f,%.5f,%.5f,%.5f&view=map\"\noutput = \"/dev/null\"\n", base, x - 0.0065, y - 0.0045, x + 0.0065, y + 0.0045 } }' \
  bench/city-centres.csv > "$urls"
# one curl, one connection: the times are the server's answers, not process starts
read_times() { curl -s -K "$urls" -H 'Accept-Encoding: gzip' -w '%{http_code} %{time_total}\n'; }
percentiles() { # file of "code seconds" lines -> "n=.. non-200=.. p50=..ms p99=..ms"
  sort -k2,2g "$1" | awk '{ if ($1 != 200) bad++; t[NR] = $2 * 1000 } END { n = NR; i50 = int(n * 0.50); i99 = int(n * 0.99);
    if (i50 < 1) i50 = 1; if (i99 < 1) i99 = 1; printf "n=%d non-200=%d p50=%.1fms p99=%.1fms max=%.1fms", n, bad + 0, t[i50], t[i99], t[n] }'
}
read_times > /dev/null # warm-up: the JIT, the pool, the index pages
read_times > "$DATA/hardening-alone.txt"
echo "readers alone:              $(percentiles "$DATA/hardening-alone.txt")"

stop=$DATA/hardening-stop
rm -f "$stop" "$DATA"/hardening-export-*.txt
for i in $(seq 1 8); do
  ( while [ ! -f "$stop" ]; do
      code=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' \
        "$base/api/cameras/export?format=geojson&bbox=-180,-85,180,85" || true)
      echo "$code" >> "$DATA/hardening-export-$i.txt"
      # a refused client comes back soon (Retry-After says 2 s): asking again at once would measure curl's CPU, not the server
      case $code in 503*) sleep 1 ;; esac
    done ) &
done
sleep 2
read_times > "$DATA/hardening-beside.txt"
touch "$stop"
wait $(jobs -p | grep -v "^$server\$") 2>/dev/null || true
echo "readers beside 8 exports:   $(percentiles "$DATA/hardening-beside.txt")"
cat "$DATA"/hardening-export-*.txt | awk '{ n[$1]++; if ($1 == 200) { t += $2; b += $3 } }
  END { printf "exports: %d served (%.1f s and %.0f MB each on average), %d refused 503\n", n[200], n[200] ? t / n[200] : 0,
        n[200] ? b / n[200] / 1048576 : 0, n[503] }'

[ "${VIGIE_BENCH_PARTS:-all}" = readers ] && exit 0

# --- 2. hostile bodies, anonymous, 100 MB each
heap_used() { jstat -gc "$server" | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }'; } # S0U S1U EU OU, MB
sample() { local peak=0 disk=0 h d; while [ ! -f "$stop" ]; do
    h=$(heap_used); d=$(du -sk "$UPLOADS" | cut -f1); [ "$h" -gt "$peak" ] && peak=$h; [ "$d" -gt "$disk" ] && disk=$d; sleep 0.2
  done; echo "$peak $disk" > "$DATA/hardening-peak.txt"; }
hundred=$DATA/hardening-100mb.bin
[ -f "$hundred" ] || head -c $((100 * 1024 * 1024)) /dev/zero > "$hundred"
camera=$(psql_db "$DB" -tAc "SELECT min(id) FROM camera WHERE visible")
echo "heap used before: $(heap_used) MB"
rm -f "$stop"
sample &
sampler=$!
hostile() { # label, curl arguments...
  local label=$1; shift
  local out
  out=$(for _ in 1 2 3 4 5 6; do
      ( curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 120 "$@" || true ) &
    done; wait)
  echo "$label: $(echo "$out" | awk '{ c[$1]++; if ($2 > t) t = $2 } END { for (k in c) printf "%s×%d ", k, c[k]; printf "slowest %.2f s", t }')"
}
hostile "6 × 100 MB JSON to /api/auth/login      " -H 'Content-Type: application/json' --data-binary "@$hundred" "$base/api/auth/login"
hostile "6 × 100 MB to the photo route          " -F "file=@$hundred;type=image/jpeg" "$base/api/cameras/$camera/photos"
hostile "6 × 100 MB to the import route         " -F "file=@$hundred" "$base/api/imports"
hostile "6 × 100 MB chunked to /api/cameras     " -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/json' --data-binary "@$hundred" "$base/api/cameras"
hostile "6 × 100 MB chunked to the import route " -H 'Transfer-Encoding: chunked' -F "file=@$hundred" "$base/api/imports"
touch "$stop"
wait "$sampler"
read -r peak disk < "$DATA/hardening-peak.txt"
echo "heap used at its highest: $peak MB; after: $(heap_used) MB; upload directory at its highest: $disk kB (an empty directory: 4 kB)"
echo "OutOfMemoryError in the server log: $(grep -c OutOfMemoryError "$DATA/hardening-server.log" || true)"
echo "server still answering: $(curl -s -o /dev/null -w '%{http_code}' "$base/q/health/ready")"
