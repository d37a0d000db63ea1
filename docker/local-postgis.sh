#!/usr/bin/env bash
# A PostGIS of the project's own, from Debian's packages, without Docker.
#
#   docker/local-postgis.sh start    install the packages if missing, create the cluster, start it (idempotent)
#   docker/local-postgis.sh stop     stop it
#   docker/local-postgis.sh status   say whether it runs, and where
#   docker/local-postgis.sh psql [DB [PSQL ARGS]] psql on it (default database: vigie), e.g. psql vigie -c 'SELECT 1'
#   docker/local-postgis.sh env      print the QUARKUS_DATASOURCE_* variables for the dev database
#   docker/local-postgis.sh dump DB  pg_dump DB (plain SQL, bytea in hex) to stdout, e.g. for the privacy audit
#
# The cluster lives in .pgdata/ at the repository root (git-ignored) and listens on
# 127.0.0.1:${VIGIE_DB_PORT:-55432}, never on 5432, so it never meets another PostgreSQL.
# It holds two databases owned by the role vigie (password vigie): vigie (run) and vigie_test (tests).
set -euo pipefail

PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${VIGIE_DB_PORT:-55432}
DATA_PARENT=${VIGIE_DB_DIR:-$ROOT/.pgdata}
DB_USER=vigie
DB_PASSWORD=vigie
# VIGIE_TEST_DB names one more test database, for a second checkout sharing this cluster.
DATABASES=(vigie vigie_test ${VIGIE_TEST_DB:-})

say() { echo "local-postgis: $*" >&2; }
die() { say "error: $*"; exit 1; }

# PostgreSQL refuses to run as root: as root, the cluster belongs to the 'postgres' system user.
as_owner() {
  # From /, which every user may enter (the checkout may be under /root).
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

packages_present() {
  [ -x "$PG_BIN/postgres" ] && [ -f /usr/share/postgresql/$PG_VERSION/extension/postgis.control ]
}

install_packages() {
  packages_present && return 0
  local pkgs="postgresql-$PG_VERSION postgresql-$PG_VERSION-postgis-3"
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      say "installing $pkgs with sudo apt-get"
      sudo -n apt-get update -qq && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null
    else
      die "PostgreSQL $PG_VERSION with PostGIS 3 is not installed and this user cannot install it.
  Run as root (or with sudo): apt-get install $pkgs"
    fi
  else
    command -v apt-get >/dev/null || die "no apt-get here: install $pkgs by hand (Debian or Ubuntu expected)"
    say "installing $pkgs with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null
  fi
  packages_present || die "the packages $pkgs did not install"
}

is_running() {
  [ -f "$DATA/PG_VERSION" ] && as_owner "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

# As root, the postgres user must reach the data folder through every parent; where it cannot
# (a checkout under /root, say), the cluster goes to a folder of its own under its home instead.
choose_folder() {
  if [ "$(id -u)" = 0 ] && [ -z "${VIGIE_DB_DIR:-}" ] && id postgres >/dev/null 2>&1; then
    mkdir -p "$DATA_PARENT"
    chown postgres:postgres "$DATA_PARENT"
    if ! runuser -u postgres -- test -w "$DATA_PARENT"; then
      rmdir "$DATA_PARENT" 2>/dev/null || true
      DATA_PARENT=/var/lib/postgresql/vigie-$(echo "$ROOT" | md5sum | cut -c1-8)
      say "the postgres user cannot reach $ROOT: using $DATA_PARENT"
    fi
  fi
  DATA=$DATA_PARENT/data
  SOCKETS=$DATA_PARENT/run
  LOG=$DATA_PARENT/postgres.log
}

prepare_folder() {
  mkdir -p "$DATA_PARENT"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$DATA_PARENT"
    runuser -u postgres -- test -w "$DATA_PARENT" \
      || die "the postgres system user cannot write to $DATA_PARENT; set VIGIE_DB_DIR to a folder it can reach"
  fi
}

init_cluster() {
  [ -f "$DATA/PG_VERSION" ] && return 0
  say "creating a cluster in $DATA"
  as_owner "$PG_BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  as_owner mkdir -p "$SOCKETS"
  cat <<CONF | as_owner tee -a "$DATA/postgresql.conf" >/dev/null
# Vigie's local cluster
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKETS'
max_connections = 100
shared_buffers = 256MB
work_mem = 16MB
maintenance_work_mem = 256MB
synchronous_commit = off
# A first import of a million cameras writes about 1.5 GB of WAL (rows and index pages): at the
# default 1 GB a checkpoint starts in the middle of it (PostgreSQL's "Populating a Database" advice).
max_wal_size = 4GB
log_min_messages = warning
# Vigie stores no IP address: connections are not logged.
log_connections = off
CONF
}

psql_admin() {
  as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKETS" -p "$PORT" -U postgres "$@"
}

# Settings added since a cluster was created, for clusters made before (never undone by hand).
update_settings() {
  [ "$(psql_admin -d postgres -tAc "SHOW max_wal_size")" = 1GB ] || return 0
  psql_admin -d postgres -c "ALTER SYSTEM SET max_wal_size = '4GB'" -c "SELECT pg_reload_conf()" >/dev/null
}

create_databases() {
  psql_admin -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'" | grep -q 1 \
    || psql_admin -d postgres -c "CREATE ROLE $DB_USER LOGIN SUPERUSER PASSWORD '$DB_PASSWORD'"
  for db in "${DATABASES[@]}"; do
    psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
      || psql_admin -d postgres -c "CREATE DATABASE $db OWNER $DB_USER"
    psql_admin -d "$db" -c "CREATE EXTENSION IF NOT EXISTS postgis" 2>/dev/null || true
  done
}

start() {
  install_packages
  prepare_folder
  if is_running; then
    update_settings
    create_databases
    say "already running on 127.0.0.1:$PORT ($DATA)"
    return 0
  fi
  init_cluster
  as_owner mkdir -p "$SOCKETS"
  say "starting on 127.0.0.1:$PORT"
  as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 -o "-p $PORT -k $SOCKETS" start >/dev/null \
    || { tail -n 20 "$LOG" >&2 || true; die "PostgreSQL did not start (log: $LOG)"; }
  update_settings
  create_databases
  say "ready: jdbc:postgresql://127.0.0.1:$PORT/vigie (user $DB_USER)"
}

stop() {
  if is_running; then
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

status() {
  if is_running; then
    say "running on 127.0.0.1:$PORT, data in $DATA"
  else
    say "not running (data folder: $DATA)"
    return 3
  fi
}

# Before the packages exist there is no postgres user yet: choose again once they are installed.
choose_folder
case "${1:-}" in
  start) install_packages; choose_folder; start ;;
  stop) stop ;;
  status) status ;;
  psql) shift; is_running || die "not running: start it first"
    db=${1:-vigie}; [ $# -gt 0 ] && shift
    psql_admin -d "$db" "$@" ;;
  dump) shift; is_running || die "not running: start it first"
    [ $# -ge 1 ] || die "usage: $0 dump DB"
    db=$1; shift
    # Binary columns in hex, whatever the server's default, so that a search can compare them.
    PGOPTIONS="-c bytea_output=hex" as_owner "$PG_BIN/pg_dump" -h "$SOCKETS" -p "$PORT" -U postgres --no-owner "$@" "$db" ;;
  env)
    echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PORT/vigie"
    echo "QUARKUS_DATASOURCE_USERNAME=$DB_USER"
    echo "QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD" ;;
  *) echo "usage: $0 start|stop|status|psql [DB [PSQL ARGS]]|dump DB|env" >&2; exit 2 ;;
esac
