# init, backup and audit through the binary: exit codes, messages, file
# modes, the copy, and a chain tampered with from outside (mdb_load).
set -u
. "$TOP/tests/e2e/env.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }
db=$TMPD/db
run() { # expected-status, args... ; output in $TMPD/out and $TMPD/err
  want=$1; shift
  "$MUTASI" --db "$db" "$@" >"$TMPD/out" 2>"$TMPD/err"
  got=$?
  [ "$got" = "$want" ] || { cat "$TMPD/err" >&2; fail "mutasi $*: exit $got, wanted $want"; }
}

umask 077
run 0 init
grep -q "created an empty database" "$TMPD/err" || fail "init said: $(cat "$TMPD/err")"
[ "$(stat -c %a "$db")" = 770 ] || fail "db dir mode $(stat -c %a "$db")"
for f in data.mdb lock.mdb; do
  [ "$(stat -c %a "$db/$f")" = 660 ] || fail "$f mode $(stat -c %a "$db/$f")"
done
run 0 init
grep -q "already exists" "$TMPD/err" || fail "second init said: $(cat "$TMPD/err")"

run 0 audit
[ "$(wc -l <"$TMPD/out")" = 1 ] || fail "audit after init: $(cat "$TMPD/out")"
schema=$(sed -n 's/^#define STORE_SCHEMA_VERSION \([0-9]*\)$/\1/p' "$TOP/src/store/store.h")
[ -n "$schema" ] || fail "no STORE_SCHEMA_VERSION in store.h"
user=$MUTASI_USER   # the acting user: the tests' users.yaml honours it (env.sh)
awk -F '\t' -v u="$user" -v s="$schema" '$1 == 1 && $2 ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z$/ &&
  $3 == u && $4 == "init" && $6 == " -> schema " s { ok = 1 } END { exit !ok }' "$TMPD/out" ||
  fail "audit line: $(cat "$TMPD/out")"
run 0 audit --verify
grep -qx "audit chain intact: 1 entry" "$TMPD/out" || fail "verify said: $(cat "$TMPD/out")"

run 0 backup "$TMPD/copy"
[ "$(stat -c %a "$TMPD/copy/data.mdb")" = 660 ] || fail "copy mode"
run 0 audit
[ "$(wc -l <"$TMPD/out")" = 2 ] || fail "audit after backup: $(cat "$TMPD/out")"
head -n 1 "$TMPD/out" | awk -F '\t' -v d="$TMPD/copy" '$1 == 2 && $4 == "backup" && $5 == d { ok = 1 }
  END { exit !ok }' || fail "newest entry is not the backup: $(cat "$TMPD/out")"
"$MUTASI" --db "$TMPD/copy" audit --verify >"$TMPD/out" 2>"$TMPD/err" || fail "copy verify: $(cat "$TMPD/err")"
grep -qx "audit chain intact: 1 entry" "$TMPD/out" || fail "copy verify said: $(cat "$TMPD/out")"
run 1 backup "$TMPD/copy"
grep -q "not empty" "$TMPD/err" || fail "backup over a copy said: $(cat "$TMPD/err")"

# writers of several processes take turns: four backups at once, each
# appending to the chain, leave it whole
for i in 1 2 3 4; do "$MUTASI" --db "$db" backup "$TMPD/par$i" 2>"$TMPD/par$i.err" & done
wait
for i in 1 2 3 4; do
  [ -f "$TMPD/par$i/data.mdb" ] || fail "parallel backup $i: $(cat "$TMPD/par$i.err")"
done
run 0 audit --verify
grep -qx "audit chain intact: 6 entries" "$TMPD/out" || fail "after parallel backups: $(cat "$TMPD/out")"

# usage errors and help
run 2 backup
run 2 audit --bogus
run 2 init extra
for v in init backup audit; do
  run 0 "$v" --help
  grep -q "usage: mutasi $v" "$TMPD/out" || fail "$v --help: $(cat "$TMPD/out")"
done
"$MUTASI" --db "$TMPD/none" audit >/dev/null 2>"$TMPD/err" && fail "audit on no database succeeded"
grep -q "mutasi init" "$TMPD/err" || fail "no database said: $(cat "$TMPD/err")"

# tamper with entry 1 from outside mutasi: change the digit of "schema N" (the record's seal no longer matches either)
hexof() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }
was=$(hexof "schema $schema"); now=$(hexof "schema $(( (schema + 1) % 10 ))")
if command -v mdb_dump >/dev/null && command -v mdb_load >/dev/null; then
  mdb_dump -s audit "$db" >"$TMPD/dump" || fail "mdb_dump"
  grep -q "$was" "$TMPD/dump" || fail "dump holds no 'schema $schema'"
  sed "s/$was/$now/" "$TMPD/dump" >"$TMPD/dump2"
  mdb_load -s audit -f "$TMPD/dump2" "$db" 2>/dev/null || fail "mdb_load"
  run 1 audit --verify
  grep -q "broken at entry 1" "$TMPD/err" || fail "tamper: $(cat "$TMPD/err")"
else
  echo "mdb_dump/mdb_load missing (lmdb-utils): tamper check skipped" >&2
fi
exit 0
