#!/usr/bin/env bash
# Issue 6's privacy check, run by `./dev test` after the Maven suite: no IP address and no
# clear-text password (nor bearer token) in a dump of the test database, and no password nor
# token in the server log the suite wrote.
#
#   src/test/privacy-audit.sh        (VIGIE_TEST_DB names the test database, default vigie_test)
#
# The tests record what they send (org.vigie.support.Secrets) in target/privacy-audit/needles.tsv,
# one "kind<TAB>value" a line. The dump is plain SQL, where binary (bytea) columns read as hex:
# each value is searched as text and as the hex of its UTF-8 bytes.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DB=${VIGIE_TEST_DB:-vigie_test}
DIR=$ROOT/target/privacy-audit
NEEDLES=$DIR/needles.tsv
LOGS=("$ROOT"/target/quarkus.log*)

say() { echo "privacy-audit: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

# Nothing recorded, or nothing to search, would pass for the wrong reason.
[ -s "$NEEDLES" ] || fail "no password was recorded ($NEEDLES is missing or empty): did the suite run?"
count() { awk -F'\t' -v k="$1" '$1 == k' "$NEEDLES" | wc -l; }
passwords=$(count password); addresses=$(count address); tokens=$(count token)
[ "$passwords" -gt 0 ] || fail "no password recorded in $NEEDLES"
[ "$addresses" -gt 0 ] || fail "no IP address recorded in $NEEDLES"
[ -s "${LOGS[0]}" ] || fail "no server log at $ROOT/target/quarkus.log (the %test profile writes one)"
# The database after the suite, and any dump a test took before it emptied tables (Secrets.dumpBeforeWiping:
# a test profile that restarts the app on a cleaned database takes one first).
DUMP=$DIR/dump.sql
"$ROOT/docker/local-postgis.sh" dump "$DB" >"$DUMP"
DUMPS=("$DIR"/dump*.sql)
for dump in "${DUMPS[@]}"; do
  grep -q '^COPY public.photo ' "$dump" || fail "the dump $dump holds no photo table"
done
# rows of a table in every dump together (the lines of its COPY blocks)
dump_rows() { awk -v t="COPY public.$1 " 'index($0, t) == 1 {f = 1; next} f && $0 == "\\." {f = 0} f {n++} END {print n + 0}' "${DUMPS[@]}"; }
for table in account account_token camera photo; do
  [ "$(dump_rows "$table")" -gt 0 ] || fail "neither the test database $DB nor a dump taken before a wipe has a row in $table: was it emptied after the suite?"
done

# patterns: every value as text and as hex; map: pattern -> what it stands for.
PATTERNS=$DIR/patterns.txt MAP=$DIR/patterns.tsv
: >"$PATTERNS"; : >"$MAP"
while IFS=$'\t' read -r kind value; do
  printf '%s\n' "$value" >>"$PATTERNS"
  printf '%s\t%s %s (as text, in any case)\n' "$value" "$kind" "$value" >>"$MAP"
  # As hex only from 8 bytes on: a shorter one would turn up by chance in megabytes of image bytes.
  [ ${#value} -ge 8 ] || continue
  hex=$(printf '%s' "$value" | od -An -v -tx1 | tr -d ' \n')
  printf '%s\n' "$hex" >>"$PATTERNS"
  printf '%s\t%s %s (hex, as in a bytea column)\n' "$hex" "$kind" "$value" >>"$MAP"
done <"$NEEDLES"

# grep -o prints each hit; the map names the needle (the value itself is a test's, not a secret).
report() { # FILE WHAT
  local hits
  # Any case: a value stored lower-cased (a name field) is still the value. grep's 1 is "none
  # found"; 2 is an error, which must not pass for a clean result.
  hits=$(LC_ALL=C grep -F -i -o -f "$3" "$1" | sort | uniq -c) || [ $? -eq 1 ] || fail "grep failed on $1"
  [ -z "$hits" ] && return 0
  say "$2 $1 holds what the tests sent:"
  while read -r n pattern; do
    awk -F'\t' -v p="$pattern" 'tolower($1) == tolower(p) { print "  " $2 }' "$MAP" | head -1 | sed "s/\$/: $n time(s)/" >&2
  done <<<"$hits"
  return 1
}
status=0
for dump in "${DUMPS[@]}"; do
  report "$dump" "the dump" "$PATTERNS" || status=1
done
# The log may name addresses (the database's own, 127.0.0.1:55432); passwords and tokens never.
SECRETS=$DIR/secret-patterns.txt
awk -F'\t' '$1 != "address" { print $2 }' "$NEEDLES" >"$SECRETS"
for log in "${LOGS[@]}"; do
  report "$log" "the server log" "$SECRETS" || status=1
done
[ $status -eq 0 ] || fail "clear-text secrets or IP addresses were stored (dumps: ${DUMPS[*]})"
say "ok: $passwords passwords, $tokens tokens and $addresses addresses absent from ${#DUMPS[@]} dump(s) of $DB ($(du -ch "${DUMPS[@]}" | tail -1 | cut -f1)) and from the server log ($(du -ch "${LOGS[@]}" | tail -1 | cut -f1))"
