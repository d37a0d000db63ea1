#!/usr/bin/env bash
# Fetches an Overpass query's answer with curl (on a machine with internet access) and imports it.
#
#   import-data/fetch-and-import.sh QUERY.overpassql [OVERPASS_URL]
#
# OVERPASS_URL defaults to $VIGIE_OVERPASS_URL, or the main public instance. Be kind to public
# servers: one query at a time, and prefer a PBF extract for a whole country.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
query=${1:?usage: $0 QUERY.overpassql [OVERPASS_URL]}
url=${2:-${VIGIE_OVERPASS_URL:-https://overpass-api.de/api/interpreter}}
[ -r "$query" ] || { echo "fetch-and-import: cannot read $query" >&2; exit 1; }
mkdir -p "$ROOT/import-data/downloads"
out="$ROOT/import-data/downloads/$(basename "$query" .overpassql)-$(date +%Y%m%d-%H%M%S).json"
echo "fetch-and-import: asking $url" >&2
# Overpass wants the query in the form field "data"; comments are fine.
curl --fail --show-error --silent --compressed --max-time 1200 --data-urlencode "data@$query" "$url" -o "$out" \
  || { echo "fetch-and-import: the Overpass request failed; nothing imported" >&2; rm -f "$out"; exit 1; }
echo "fetch-and-import: saved $out ($(du -h "$out" | cut -f1))" >&2
exec "$ROOT/dev" import "$out"
