#!/usr/bin/env bash
# A moderator reverting one account's 10,000 edits (issue: "10,000 edits in at most 60 s"),
# against the time the same edits took through the API, in one run.
#
#   bench/mass-revert-benchmark.sh [EDITS]      (default 10000)
#
# 1. A database of its own (vigie_bench_revert): EDITS/2 cameras imported from a generated OSM
#    file (no author), the app on port 18384 with -Xmx512m and the hourly quotas lifted.
# 2. The "vandal" account edits every imported camera (PUT, moving it and changing its operator)
#    and adds EDITS/2 cameras of its own, 8 requests at a time: the baseline.
# 3. A moderator reverts the account: POST /api/moderation/accounts/vandal/revert, timed; the
#    script checks that every imported camera is back and every added one hidden.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
EDITS=${1:-10000}
HALF=$((EDITS / 2))
DB=vigie_bench_revert
PORT=18384
DATA=bench/data
API=http://127.0.0.1:$PORT
PASSWORD="benchmark password, long enough"
mkdir -p "$DATA"
docker/local-postgis.sh start
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests
psql_db() { docker/local-postgis.sh psql "$@"; }
now() { date +%s.%N; }
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:${VIGIE_DB_PORT:-55432}/$DB"
export QUARKUS_DATASOURCE_USERNAME=vigie QUARKUS_DATASOURCE_PASSWORD=vigie
export VIGIE_LIMITS_CAMERAS_PER_HOUR=10000000 VIGIE_LIMITS_EDITS_PER_HOUR=10000000 \
  VIGIE_LIMITS_NEW_ACCOUNT_CAMERAS_PER_HOUR=10000000 VIGIE_LIMITS_NEW_ACCOUNT_EDITS_PER_HOUR=10000000
JAR="java -Xmx512m -jar target/quarkus-app/quarkus-run.jar"

printf 'DROP DATABASE IF EXISTS %s;\nCREATE DATABASE %s OWNER vigie;\n' "$DB" "$DB" | psql_db postgres >/dev/null
awk -v n="$HALF" 'BEGIN {
  srand(7); print "<osm version=\"0.6\">"
  for (i = 1; i <= n; i++)
    printf "<node id=\"%d\" version=\"1\" lat=\"%.6f\" lon=\"%.6f\"><tag k=\"man_made\" v=\"surveillance\"/><tag k=\"operator\" v=\"Ville\"/></node>\n", i, 45 + rand(), 4 + rand()
  print "</osm>" }' > "$DATA/revert-cameras.osm"
$JAR import "$DATA/revert-cameras.osm" >/dev/null 2>"$DATA/revert-import.log"
VIGIE_ADMIN_PASSWORD=$PASSWORD $JAR create-admin benchmod >/dev/null 2>&1

java -Xmx512m -Dquarkus.http.port=$PORT -jar target/quarkus-app/quarkus-run.jar > "$DATA/revert-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$API/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
token() { curl -fsS -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" "$API/api/auth/$2" \
  | sed 's/.*"token":"\([^"]*\)".*/\1/'; }
VANDAL=$(token vandal register)
MODERATOR=$(token benchmod login)
export API VANDAL

echo "mass-revert: the vandal makes $EDITS edits through the API (8 at a time)" >&2
start=$(now)
psql_db "$DB" -tA -F ' ' -c "SELECT id, ST_X(position) + 0.001, ST_Y(position) FROM camera ORDER BY id" \
  | xargs -P 8 -L 1 sh -c 'curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $VANDAL" -H "If-Match: \"1\"" \
      -H "Content-Type: application/json" \
      -d "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[$1,$2]},\"properties\":{\"operator\":\"fake\"}}" \
      "$API/api/cameras/$0"'
seq 1 "$HALF" | awk 'BEGIN { srand(11) } { printf "%.6f %.6f\n", 2 + rand(), 47 + rand() }' \
  | xargs -P 8 -L 1 sh -c 'curl -fsS -o /dev/null -H "Authorization: Bearer $VANDAL" -H "Content-Type: application/json" \
      -d "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[$0,$1]},\"properties\":{\"notes\":\"spam\"}}" \
      "$API/api/cameras?confirmDuplicate=true"'
forward=$(echo "$(now) - $start" | bc)
edits=$(psql_db "$DB" -tAc "SELECT count(*) FROM camera_version v JOIN account a ON a.id = v.author_id WHERE a.username = 'vandal'")

echo "mass-revert: the moderator reverts them" >&2
start=$(now)
report=$(curl -fsS -H "Authorization: Bearer $MODERATOR" -H 'Content-Type: application/json' -d '{}' \
  "$API/api/moderation/accounts/vandal/revert")
revert=$(echo "$(now) - $start" | bc)
rss=$(ps -o rss= -p "$server" | awk '{ printf "%.0f", $1 / 1024 }')

back=$(psql_db "$DB" -tAc "SELECT count(*) FROM camera WHERE source = 'osm' AND operator = 'Ville' AND visible")
hidden=$(psql_db "$DB" -tAc "SELECT count(*) FROM camera WHERE notes = 'spam' AND NOT visible")
echo "report: $report" | cut -c1-300
printf '\n| edits by the account | the edits through the API (8 clients) | the moderator'"'"'s revert | ratio | imported cameras restored | added cameras hidden | server RSS |\n'
printf '|---|---|---|---|---|---|---|\n'
printf '| %s | %.1f s | %.1f s | %.2f× | %s / %s | %s / %s | %s MB |\n' "$edits" "$forward" "$revert" \
  "$(echo "$revert / $forward" | bc -l)" "$back" "$HALF" "$hidden" "$HALF" "$rss"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$back" = "$HALF" ] && [ "$hidden" = "$HALF" ] || { echo "mass-revert: the revert is incomplete" >&2; exit 1; }
