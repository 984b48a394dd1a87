#!/bin/sh
# The optimiser's objective equals GLPK's: core/planner solves generated
# regions of growing size (tests/tools/plangen), writes each network in
# DIMACS, and `glpsol --mincost` must report the same optimum.
. "$TOP/tests/e2e/lib.sh"
PLANGEN="$TOP/build/tests/plangen"
[ -x "$PLANGEN" ] || fail "$PLANGEN is missing (make builds it)"
command -v glpsol >/dev/null 2>&1 ||
  fail "glpsol is missing (.ci/install-deps test installs glpk-utils)"

moved=0
for case in "40 1" "40 2" "120 1" "120 2" "400 1" "400 2" "1000 1"; do
  set -- $case
  "$PLANGEN" "$1" "$2" "$TMPD/g.min" >"$TMPD/ours.txt" || fail "plangen $case failed"
  ours=$(sed -n 's/^objective: //p' "$TMPD/ours.txt")
  fill=$(sed -n 's/^max_fill: //p' "$TMPD/ours.txt")
  glpsol --mincost "$TMPD/g.min" -o "$TMPD/glpk.txt" >"$TMPD/glpk.log" 2>&1 ||
    fail "glpsol failed on staff=$1 seed=$2: $(tail -n 3 "$TMPD/glpk.log")"
  grep -q '^Status: *OPTIMAL' "$TMPD/glpk.txt" || fail "glpsol: not optimal for $case"
  theirs=$(sed -n 's/^Objective: *\([-0-9]*\).*/\1/p' "$TMPD/glpk.txt")
  [ -n "$ours" ] && [ "$ours" = "$theirs" ] ||
    fail "staff=$1 seed=$2: objective $ours, glpsol $theirs"
  [ "$fill" -gt 0 ] && moved=$((moved + 1))
done
[ "$moved" -ge 5 ] || fail "only $moved instances had moves to make"
echo "ok: 7 generated regions, objective = glpsol's"
