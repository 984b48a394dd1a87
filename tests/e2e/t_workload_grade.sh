#!/bin/sh
# EJ grades are read from EJ as shown (issue 14, item 7): every row of the
# demo's workload CSV and of the Units screen can be checked against the
# bands; and a unit within policy's balanced_within of its need is
# balanced (=), not short.
set -u
. "$TOP/tests/e2e/lib.sh"
export MUTASI_CONFIG="$(e2e_config)"
"$MUTASI" --db "$TMPD/demo" demo >/dev/null 2>&1 || fail "demo failed"
"$MUTASI" --db "$TMPD/demo" workload --format csv >"$TMPD/wl.csv" || fail "workload failed"
# Bands of config/policy.yaml: A > 1.00, B >= 0.90, C >= 0.70, D >= 0.50.
bad=$(awk -F, 'NR > 1 && $7 != "" {
    e = $7 * 100 + 0.5; e = int(e)
    g = e > 100 ? "A" : e >= 90 ? "B" : e >= 70 ? "C" : e >= 50 ? "D" : "E"
    if (g != $8) print }' "$TMPD/wl.csv" | head -n 5)
[ -z "$bad" ] || fail "grades that disagree with the EJ shown: $bad"
n=$(awk -F, 'NR > 1 && $7 == "1.00"' "$TMPD/wl.csv" | wc -l)
[ "$n" -gt 0 ] || fail "the demo has no EJ of 1.00 to check"
# The text table agrees with the CSV.
"$MUTASI" --db "$TMPD/demo" workload >"$TMPD/wl.txt" || fail "workload text failed"
grep -E ' 1\.00 +A( |$)' "$TMPD/wl.txt" && fail "text table grades 1.00 as A"

# balanced_within: units one short are balanced with a margin of 1.
e2e_db
tui short0 '2fshort<Enter><Dump>'
cfg="$TMPD/config-margin"
cp -r "$(e2e_config)" "$cfg"
sed -i 's/^  balanced_within: 0/  balanced_within: 1/' "$cfg/policy.yaml"
grep -q 'balanced_within: 1' "$cfg/policy.yaml" || fail "policy.yaml has no balanced_within"
E2E_CONFIG="$cfg" tui short1 '2fshort<Enter><Dump>fbalanced<Enter><Dump>'
rows() { awk -v n="$2" '/^--- screen /{d++} d==n && /^--- attributes/{d=-1} d==n' "$TMPD/$1.dump" | sed -n '4,23p' | grep -c '^.!' ; }
s0=$(rows short0 1)
s1=$(rows short1 1)
[ "$s0" -gt "$s1" ] || fail "a margin of 1 leaves as many short units ($s1) as none ($s0)"
awk '/^--- screen 2/{f=1} /^--- attributes/{f=0} f' "$TMPD/short1.dump" | grep -qE ' -1 ' ||
  fail "with a margin of 1, a unit one short is not among the balanced"
echo ok
