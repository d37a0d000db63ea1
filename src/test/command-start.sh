#!/usr/bin/env bash
# The packaged commands as ./dev starts them (class-data archive, JVM options), from another
# directory: stdout holds the report of `import --json` and nothing else, whatever the JVM makes of
# the archive. Run by `./dev test` after the Maven suite (which packaged the jar); imports one
# camera into the test database. Exits 1 on the first failure.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export VIGIE_DB=${VIGIE_TEST_DB:-vigie_test}
APP=$ROOT/target/quarkus-app
CDS=$APP/vigie-cds.jsa
work=$(mktemp -d)
jar_time=
restore() {
  [ -z "$jar_time" ] || touch -d "@$jar_time" "$APP/quarkus-run.jar"
  [ -z "$jar_time" ] || touch -d "@$cds_time" "$CDS"
  rm -rf "$work"
}
trap restore EXIT

fail() { echo "command-start: FAILED: $*" >&2; exit 1; }
say() { echo "command-start: $*" >&2; }

cat > "$work/one.osm" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6">
  <node id="990000001" version="1" lat="48.00010" lon="2.00010">
    <tag k="man_made" v="surveillance"/><tag k="surveillance:type" v="camera"/>
  </node>
</osm>
XML

# stdout is one line, the JSON report
report_only() {
  [ "$(wc -l < "$1")" -le 1 ] && grep -q '^{"file":".*"created":[0-9]*,.*}$' "$1" \
    || fail "$2: stdout is not the report alone: $(head -c 300 "$1")"
}

cd "$work"

say "the archive as ./dev makes it is used (-Xshare:on: the JVM would not start without it)"
JAVA_OPTS=-Xshare:on "$ROOT/dev" import --json one.osm > out 2> err || fail "import with -Xshare:on: $(tail -5 err)"
[ -f "$CDS" ] || fail "no archive at $CDS"
report_only out "a fresh archive"

say "an archive the JVM refuses (the jar changed since, as in a copy of the build): a warning, on stderr"
# The jar's time changes (a later time, so that ./dev builds nothing) and the archive's after it (so
# that ./dev takes it for this build's); the JVM compares the jar's time with the one it recorded.
cds_time=$(stat -c %Y "$CDS")
jar_time=$(stat -c %Y "$APP/quarkus-run.jar")
touch -d "@$(($(date +%s) + 60))" "$APP/quarkus-run.jar"
touch -d "@$(($(date +%s) + 120))" "$CDS"
"$ROOT/dev" import --json one.osm > out 2> err || fail "import with a refused archive: $(tail -5 err)"
report_only out "a refused archive"
grep -q 'shared archive' err || fail "the JVM did not refuse the archive, the test proves nothing: $(tail -5 err)"
! grep -q 'training' err || fail "./dev trained a new archive, the test proves nothing"

say "a database that does not answer: a few lines on stderr, nothing on stdout, exit code 1"
# Straight from the jar (./dev would start the local PostGIS), on a port nothing listens on.
set +e
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:9/vigie QUARKUS_DATASOURCE_USERNAME=vigie \
  QUARKUS_DATASOURCE_PASSWORD=vigie java -jar "$APP/quarkus-run.jar" import --json one.osm > out 2> err
code=$?
set -e
[ "$code" = 1 ] || fail "exit code $code, not 1: $(tail -5 err)"
[ ! -s out ] || fail "stdout is not empty: $(head -c 300 out)"
grep -q '^vigie import: cannot start: .*127.0.0.1:9' err || fail "no clear message on stderr: $(head -c 600 err)"
! grep -q '^\s*at ' err || fail "a stack trace on stderr: $(head -c 600 err)"
[ "$(wc -l < err)" -le 6 ] || fail "more than a few lines on stderr: $(head -c 600 err)"

say "passed"
