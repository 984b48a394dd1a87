#!/bin/sh
# `mutasi plan suggest` keeps standard error for what a script may want to
# read: the one line of places filled. The network's size and the CPU time
# of each phase come only with --verbose (bench/bench.sh reads them), and
# --help and the man page say so.
set -u
. "$TOP/tests/e2e/lib.sh"
db="$TMPD/db"
m() { "$MUTASI" --db "$db" "$@"; }
m demo --staff 400 --seed 3 >/dev/null 2>"$TMPD/err" || fail "demo: $(cat "$TMPD/err")"

# plain: one line on stderr, the places filled; no timings, no network
id=$(m plan new "quiet") || fail "plan new"
cp -r "$db" "$TMPD/db2"
m plan suggest "$id" >"$TMPD/out" 2>"$TMPD/err" || fail "suggest: $(cat "$TMPD/err")"
grep -q "^objective: " "$TMPD/out" || fail "no objective line: $(cat "$TMPD/out")"
[ "$(wc -l <"$TMPD/err")" = 1 ] || fail "stderr is not one line without --verbose: $(cat "$TMPD/err")"
grep -q "short places filled" "$TMPD/err" || fail "no places-filled line: $(cat "$TMPD/err")"
grep -q "CPU time" "$TMPD/err" && fail "CPU time on stderr without --verbose"

# --verbose: the network's size and the CPU time by phase, as the bench reads them
db="$TMPD/db2"
m plan suggest "$id" --verbose >"$TMPD/vout" 2>"$TMPD/verr" || fail "suggest --verbose: $(cat "$TMPD/verr")"
diff "$TMPD/out" "$TMPD/vout" >/dev/null || fail "--verbose changed stdout: $(diff "$TMPD/out" "$TMPD/vout")"
sed -n 's/.*solving \([0-9]*\) ms.*/\1/p' "$TMPD/verr" | grep -Eq '^[0-9]+$' ||
  fail "no solving time with --verbose: $(cat "$TMPD/verr")"
grep -q "after grouping: [0-9]* nodes, [0-9]* arcs$" "$TMPD/verr" || fail "no network size: $(cat "$TMPD/verr")"

# documented, and a wrong option is still a usage error
"$MUTASI" plan suggest --help | grep -q -- "--verbose" || fail "--verbose not in plan suggest --help"
grep -q 'fB\\-\\-verbose' "$TOP/doc/mutasi.1" || fail "--verbose not in doc/mutasi.1"
m plan suggest "$id" --verbos >/dev/null 2>&1; rc=$?
[ $rc = 2 ] || fail "an unknown option: exit $rc, wanted 2"
echo "plan suggest: one line on stderr; network and CPU time only with --verbose"
