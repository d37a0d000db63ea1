#!/usr/bin/env bash
# How long the sync takes to apply one minutely diff of OpenStreetMap's replication.
#
#   bench/minutely-diff.sh [ELEMENTS] [BASE_NODES]     (default 20000 elements, a 2,000,000-node base)
#
# Imports a country-like base extract (bench/country-extract.awk, written once into bench/data/,
# git-ignored) into a fresh database, then writes a diff of about ELEMENTS elements shaped like a
# minutely diff of the planet (new nodes and the ways they make, moved and retagged nodes, deleted
# ones; a handful of cameras created, retagged and deleted among them), twice (sequences 1 and 2,
# alike but for their elements), serves them from a replication folder on the loopback (python3's
# http.server) and times, in the same run and on the same files:
#   osmium    osmium tags-filter DIFF nwr/man_made=surveillance (reading the diff, what any tool must do)
#   vigie     ./dev sync --once --json applying both: each diff as the sync reports it (fetching,
#             reading, applying, committing): the first in a JVM just started, the second as a sync
#             that follows the replication (the scheduled job, or sync without --once) applies every
#             minute; and the whole command (with the JVM's start)
# Goal (issue 18): applying a minutely diff takes under a second. Minutely diffs of the planet held
# about 5,000 to 40,000 elements in 2024, hence the default.
# VIGIE_BENCH_DB names the database (default vigie_bench_diff). The figures are only fair on a quiet
# machine: the script says so when the load is 1 or more.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ELEMENTS=${1:-20000}
NODES=${2:-2000000}
DATA=bench/data
DB=${VIGIE_BENCH_DB:-vigie_bench_diff}
mkdir -p "$DATA"

[ -x /usr/bin/osmium ] || { echo "minutely-diff: osmium-tool is needed (apt-get install osmium-tool)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "minutely-diff: python3 is needed to serve the replication folder" >&2; exit 1; }
docker/local-postgis.sh start >/dev/null
. bench/import-baseline.sh   # psql_bench, now, fresh_db

pbf=$DATA/country-$NODES-300.osm.pbf
if [ ! -f "$pbf" ]; then
  echo "minutely-diff: writing the base extract ($NODES nodes)" >&2
  awk -v n="$NODES" -v camera_ways=300 -f bench/country-extract.awk \
    | osmium cat --input-format opl --overwrite -o "$pbf.tmp.osm.pbf"
  mv "$pbf.tmp.osm.pbf" "$pbf"
fi

echo "minutely-diff: importing the base extract (untimed)" >&2
fresh_db
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:${VIGIE_DB_PORT:-55432}/$DB"
export QUARKUS_DATASOURCE_USERNAME=vigie QUARKUS_DATASOURCE_PASSWORD=vigie
VIGIE_DB=$DB ./dev build
VIGIE_DB=$DB ./dev import --json "$ROOT/$pbf" >/dev/null 2>"$DATA/minutely-base.log"

# Three cameras of the base to retag and delete, as volunteers of OpenStreetMap do every minute.
cameras=$(psql_bench "$DB" -Atc "SELECT string_agg(substr(source_id, 6), ' ') FROM (SELECT source_id FROM camera
  WHERE source_id LIKE 'node/%' ORDER BY id LIMIT 3) c")
read -r retag1 retag2 gone <<<"$cameras"

replication=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$replication"' EXIT
mkdir -p "$replication/000/000"
stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
write_diff() { # SEQUENCE SEED FIRST_NEW_ID
awk -v seq="$1" -v seed="$2" -v first_new="$3" -v elements="$ELEMENTS" -v base="$NODES" -v retag1="$retag1" -v retag2="$retag2" -v gone="$gone" -v stamp="$stamp" '
  function node(action, id, version, lon, lat, tags) {
    printf "<%s><node id=\"%d\" version=\"%d\" timestamp=\"%s\" lat=\"%.7f\" lon=\"%.7f\">%s</node></%s>\n",
      action, id, version, stamp, lat, lon, tags, action
  }
  BEGIN {
    srand(seed)
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osmChange version=\"0.6\" generator=\"bench\">"
    created = int(elements * 0.55); modified = int(elements * 0.3); deleted = int(elements * 0.05)
    next_id = first_new
    # new buildings: 5 nodes each, then their way
    for (i = 0; i < created; i += 5) {
      lon = -4.5 + rand() * 12.5; lat = 42.5 + rand() * 8.5
      refs = ""
      for (k = 0; k < 5; k++) { node("create", next_id + k, 1, lon + k * 0.0001, lat, ""); refs = refs "<nd ref=\"" (next_id + k) "\"/>" }
      printf "<create><way id=\"%d\" version=\"1\" timestamp=\"%s\">%s<tag k=\"building\" v=\"yes\"/></way></create>\n", 900000000 + first_new + i, stamp, refs
      next_id += 5
    }
    for (i = 0; i < modified; i++) {
      node("modify", 1 + int(rand() * base), 1 + seq, -4.5 + rand() * 12.5, 42.5 + rand() * 8.5,
        rand() < 0.2 ? "<tag k=\"natural\" v=\"tree\"/>" : "")
    }
    for (i = 0; i < deleted; i++) printf "<delete><node id=\"%d\" version=\"%d\" timestamp=\"%s\"/></delete>\n", 1 + int(rand() * base), 1 + seq, stamp
    camera = "<tag k=\"man_made\" v=\"surveillance\"/><tag k=\"surveillance:type\" v=\"camera\"/>"
    node("create", next_id++, 1, 2.35, 48.85, camera "<tag k=\"camera:type\" v=\"dome\"/>")
    node("create", next_id++, 1, 4.83, 45.76, camera)
    node("modify", retag1, 1 + seq, 2.3, 48.8, camera "<tag k=\"operator\" v=\"Ville\"/>")
    node("modify", retag2, 1 + seq, 5.37, 43.3, camera "<tag k=\"camera:type\" v=\"fixed\"/>")
    printf "<delete><node id=\"%d\" version=\"%d\" timestamp=\"%s\"/></delete>\n", gone, 1 + seq, stamp
    print "</osmChange>"
  }' | gzip -c >"$replication/000/000/00$1.osc.gz"
printf 'sequenceNumber=%s\ntimestamp=%s\n' "$1" "${stamp//:/\\:}" | tee "$replication/state.txt" >"$replication/000/000/00$1.state.txt"
}
write_diff 1 11 $((NODES + 1))
write_diff 2 13 $((NODES + ELEMENTS + 100))
diff=$replication/000/000/002.osc.gz
elements=$(osmium fileinfo -e -g data.count.nodes "$diff")
ways=$(osmium fileinfo -e -g data.count.ways "$diff")

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$replication" >/dev/null 2>&1 &
server=$!
until curl -fs "http://127.0.0.1:$port/state.txt" >/dev/null; do sleep 0.2; done

load=$(cut -d' ' -f1 /proc/loadavg)
sync
t0=$(now)
osmium tags-filter --overwrite "$diff" nwr/man_made=surveillance -o "$DATA/minutely-cameras.osc.gz"
t1=$(now)
osmium_s=$(echo "$t1 - $t0" | bc)

t0=$(now)
VIGIE_DB=$DB ./dev sync --once --json --url "http://127.0.0.1:$port/" --from-sequence 1 >"$DATA/minutely-report.json"
t1=$(now)
wall=$(echo "$t1 - $t0" | bc)
read -r cold warm changes < <(python3 -c '
import json, sys
applied = json.load(open(sys.argv[1]))["applied"]
assert [a["sequence"] for a in applied] == [1, 2], "both diffs applied"
c = applied[1]["changes"]
p = applied[1]["phases"]
print(applied[0]["changes"]["seconds"], c["seconds"], "created %d, updated %d, removed %d; fetching %.3f s, reading %.3f s, applying %.3f s, committing %.3f s"
      % (c["created"], c["updated"], c["removed"], p["fetching"], p["reading"], p["applying"], p["committing"]))
' "$DATA/minutely-report.json")
echo "minutely-diff: the second diff created, updated, removed: $changes" >&2

printf '\n| diff nodes | diff ways | osmium tags-filter (s) | vigie, first diff after start (s) | vigie, next diff (s, goal < 1) | whole command, both diffs (s) | next diff / osmium |\n'
printf '| --- | --- | --- | --- | --- | --- | --- |\n'
printf '| %s | %s | %.2f | %.2f | %.2f | %.1f | %.1f |\n' "$elements" "$ways" "$osmium_s" "$cold" "$warm" "$wall" "$(echo "$warm / $osmium_s" | bc -l)"
if [ "$(echo "$load >= 1" | bc)" = 1 ]; then
  echo "minutely-diff: the load average was $load when the run started: these figures are not fair, take them again on a quiet machine" >&2
fi
