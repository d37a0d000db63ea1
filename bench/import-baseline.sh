# Sourced by bench/import-benchmark.sh and bench/import-floor.sh, so that both time the same
# baseline: COPY of N points (id, source id, point) into a bare table, then its GiST index.
# Needs $DB (the database to use, made afresh) and ROOT (the repository).
psql_bench() { "$ROOT/docker/local-postgis.sh" psql "$@"; }
now() { date +%s.%N; }

# $DB dropped and created again, with PostGIS.
fresh_db() {
  psql_bench postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER vigie" >/dev/null
  psql_bench "$DB" -c "CREATE EXTENSION postgis" >/dev/null
}

# Writes out what earlier runs left in shared buffers (a million-camera import leaves gigabytes), so
# that the next timed part does not pay for its predecessor's checkpoint: the baseline, right after
# an import, took 4.0 to 6.2 s without it.
settle() {
  psql_bench postgres -c CHECKPOINT >/dev/null
}

# A fresh $DB with the baseline's bare table (untimed).
baseline_table() {
  fresh_db
  psql_bench "$DB" -c "CREATE TABLE bench_points (id bigint, source_id text, geom geometry(Point, 4326))" >/dev/null
}

# Times the baseline on CSV file $1 (id,source id,EWKT point): sets baseline, in seconds.
time_baseline() {
  local t0 t1
  settle
  t0=$(now)
  psql_bench "$DB" -c "\\copy bench_points FROM '$1' WITH (FORMAT csv)" >/dev/null
  psql_bench "$DB" -c "CREATE INDEX ON bench_points USING gist (geom)" >/dev/null
  t1=$(now)
  baseline=$(echo "$t1 - $t0" | bc)
}
