# Sourced by bench/api-benchmark.sh and bench/hardening-benchmark.sh: a database of the local PostGIS
# holding N synthetic cameras (bench/synthetic-cameras.awk, as bench/import-benchmark.sh writes
# them), imported by the app itself the first time and kept for the next runs.
# Needs DB, N, DATA and JAR; exports the app's datasource settings for that database.
psql_db() { docker/local-postgis.sh psql "$@"; }
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:${VIGIE_DB_PORT:-55432}/$DB"
export QUARKUS_DATASOURCE_USERNAME=vigie QUARKUS_DATASOURCE_PASSWORD=vigie

# $1: the calling script's name, for its messages and its import log in $DATA.
synthetic_cameras() {
  local count pbf
  count=$(psql_db "$DB" -tAc "SELECT count(*) FROM camera" 2>/dev/null || echo 0)
  [ "$count" = "$N" ] && return 0
  pbf=$DATA/cameras-$N.osm.pbf
  if [ ! -f "$pbf" ]; then
    awk -v n="$N" -f bench/synthetic-cameras.awk > "$DATA/cameras-$N.opl"
    osmium cat --overwrite "$DATA/cameras-$N.opl" -o "$pbf"
  fi
  printf 'DROP DATABASE IF EXISTS %s;\nCREATE DATABASE %s OWNER vigie;\n' "$DB" "$DB" | psql_db postgres >/dev/null
  echo "$1: importing $N cameras" >&2
  java -Xmx512m -jar "$JAR" import "$pbf" >/dev/null 2>"$DATA/$1-import.log"
  psql_db "$DB" -c "VACUUM ANALYZE camera" >/dev/null
}
