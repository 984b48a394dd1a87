#!/bin/sh
# `mutasi plan suggest` on a small demo region, with small caps on moves
# per unit (policy.yaml): the properties of the optimiser's moves, checked
# from the outside. No suggested move is blocked by `mutasi check` or by
# `plan check`; nobody moves twice; no target ends over its need and no
# origin below it; every cap holds; the total shortage falls by one per
# move; --max-moves is honoured; the objective is the sum of the moves'
# costs and glpsol's optimum of the dumped graph; a second run keeps the
# earlier moves; a refused run changes nothing.
set -u
. "$TOP/tests/e2e/lib.sh"
export MUTASI_TODAY=2026-07-01
db="$TMPD/db"
cfg=$(e2e_config)
sed -e 's/^  max_moves_out: .*/  max_moves_out: 2/' -e 's/^  max_moves_in: .*/  max_moves_in: 2/' \
  "$cfg/policy.yaml" >"$TMPD/policy.yaml" && mv "$TMPD/policy.yaml" "$cfg/policy.yaml"
grep -q '^  max_moves_out: 2$' "$cfg/policy.yaml" || { echo "FAIL: could not set the caps"; exit 1; }
fail=0
m() { "$MUTASI" --db "$db" --config "$cfg" "$@"; }
bad() { echo "FAIL $*"; fail=1; }

m demo --staff 1500 --seed 7 >/dev/null 2>&1 || { echo "FAIL demo"; exit 1; }

# --- one run, no cap on the number of moves -------------------------------------
id=$(m plan new "suggest e2e") || { echo "FAIL plan new"; exit 1; }
m plan suggest "$id" --dump-graph "$TMPD/g.min" >"$TMPD/s1" 2>"$TMPD/s1.err" ||
  { bad "suggest exit $?"; cat "$TMPD/s1.err"; }
obj=$(sed -n 's/^objective: \([0-9-]*\)$/\1/p' "$TMPD/s1")
[ -n "$obj" ] && [ "$(tail -n 1 "$TMPD/s1")" = "objective: $obj" ] || bad "no objective line last"
n=$(($(wc -l <"$TMPD/s1") - 1))
[ "$n" -gt 5 ] || bad "only $n moves suggested on the demo region"
grep -q "moves added" "$TMPD/s1.err" || bad "no figures on stderr"
# every move line carries its reasons in words
bad_lines=$(grep -v '^objective:' "$TMPD/s1" | grep -vc 'fills 1 of [0-9]* short in .*relieves .*cost [0-9-]*: move ')
[ "$bad_lines" = 0 ] || bad "$bad_lines move lines without their reasons"
costs=$(sed -n 's/.*; cost \([0-9-]*\): .*/\1/p' "$TMPD/s1" | awk '{s += $1} END {print s + 0}')
[ "$costs" = "$obj" ] || bad "the moves' costs sum to $costs, objective $obj"

# glpsol solves the dumped graph to the same optimum
glpsol_agrees "$TMPD/g.min" "$obj" || fail=1

# props PLAN N TAG: the properties of a plan of N moves that the optimiser
# made (alone, or on top of its earlier moves, which count).
props() {
  # the moves in the plan, as CSV: nip, ..., from_unit(3), from_position(4), to_unit(5), to_position(6)
  m plan show "$1" --format csv | tail -n +2 >"$TMPD/$3.csv"
  [ "$(wc -l <"$TMPD/$3.csv")" = "$2" ] || bad "$3: plan has $(wc -l <"$TMPD/$3.csv") moves, want $2"
  dups=$(cut -d, -f1 "$TMPD/$3.csv" | sort | uniq -d | wc -l)
  [ "$dups" = 0 ] || bad "$3: $dups people move twice"
  grep -vq ',workload,' "$TMPD/$3.csv" && bad "$3: a move without reason workload"
  # CSV quoting: names carry commas, so count the unit columns from the end
  over_out=$(awk -F, '{print $(NF-5)}' "$TMPD/$3.csv" | sort | uniq -c | awk '$1 > 2' | wc -l)
  over_in=$(awk -F, '{print $(NF-3)}' "$TMPD/$3.csv" | sort | uniq -c | awk '$1 > 2' | wc -l)
  [ "$over_out" = 0 ] || bad "$3: $over_out units lose more than the cap of 2"
  [ "$over_in" = 0 ] || bad "$3: $over_in units gain more than the cap of 2"

  m plan check "$1" >"$TMPD/$3.check" 2>&1 || { bad "$3: plan check blocks"; cat "$TMPD/$3.check"; }
  # each move alone, as `mutasi check` judges it
  awk -F, '{print $1, $(NF-2)}' "$TMPD/$3.csv" | while read -r nip pos; do
    m check "$nip" "$pos" >/dev/null 2>&1 || echo "$nip $pos"
  done >"$TMPD/$3.blocked"
  [ -s "$TMPD/$3.blocked" ] && bad "$3: mutasi check blocks: $(head -n 3 "$TMPD/$3.blocked")"

  # the impact: targets end at most at their need, origins at least at it,
  # and the total shortage falls by one per move
  m plan show "$1" | awk '$1 == "position"' >"$TMPD/$3.impact"
  [ -s "$TMPD/$3.impact" ] || bad "$3: plan show lists no position in its impact"
  awk -v n="$2" '
    { before = $3; after = $5; need = $8; gap_b = $9; gap_a = $11
      if (after > before && after > need) { print "over need: " $2; bad = 1 }
      if (after < before && after < need) { print "below need: " $2; bad = 1 }
      short_b += (gap_b < 0 ? -gap_b : 0); short_a += (gap_a < 0 ? -gap_a : 0) }
    END { if (short_b - short_a != n) { print "shortage " short_b " -> " short_a " with " n " moves"; bad = 1 }
          exit bad }' "$TMPD/$3.impact" || bad "$3: impact"
}
props "$id" "$n" moves

# --- a second run keeps the first run's moves (here: none left to add) -------
m plan suggest "$id" >"$TMPD/s2" 2>"$TMPD/s2.err" || bad "second suggest exit $?"
m plan show "$id" --format csv | tail -n +2 >"$TMPD/moves2.csv"
cmp -s "$TMPD/moves.csv" "$TMPD/moves2.csv" || bad "the second run changed the first run's moves"

# --- --max-moves K, then more on top: the first K stay fixed -----------------
id2=$(m plan new "capped")
m plan suggest "$id2" --max-moves 4 >"$TMPD/k1" 2>/dev/null || bad "suggest --max-moves 4"
[ "$(grep -vc '^objective:' "$TMPD/k1")" = 4 ] || bad "--max-moves 4 gave $(grep -vc '^objective:' "$TMPD/k1") moves"
m plan show "$id2" --format csv | tail -n +2 | sort >"$TMPD/k1.csv"
m plan suggest "$id2" --max-moves 3 >"$TMPD/k2" 2>/dev/null || bad "second suggest --max-moves 3"
[ "$(grep -vc '^objective:' "$TMPD/k2")" = 3 ] || bad "second --max-moves 3 gave $(grep -vc '^objective:' "$TMPD/k2") moves"
m plan show "$id2" --format csv | tail -n +2 | sort >"$TMPD/k2.csv"
[ "$(wc -l <"$TMPD/k2.csv")" = 7 ] || bad "plan has $(wc -l <"$TMPD/k2.csv") moves after 4 + 3"
[ -z "$(comm -23 "$TMPD/k1.csv" "$TMPD/k2.csv")" ] || bad "the earlier moves did not stay"
[ "$(cut -d, -f1 "$TMPD/k2.csv" | sort | uniq -d | wc -l)" = 0 ] || bad "someone moves twice after two runs"
# the earlier moves count: caps, needs and the shortage hold for all 7
props "$id2" 7 capped

# --- refusals change nothing --------------------------------------------------------
before=$(m audit | wc -l)
expect_rc_sh() { want=$1; shift; "$@" >/dev/null 2>&1; rc=$?; [ "$rc" = "$want" ] || bad "exit $rc, wanted $want: $*"; }
expect_rc_sh 1 env MUTASI_USER=budi "$MUTASI" --db "$db" --config "$cfg" plan suggest "$id2"
expect_rc_sh 1 m plan suggest 999
expect_rc_sh 2 m plan suggest
expect_rc_sh 2 m plan suggest "$id2" --max-moves many
expect_rc_sh 2 m plan suggest "$id2" --bogus
expect_rc_sh 1 m plan suggest "$id2" --dump-graph "$TMPD/no/such/dir/g.min"
[ "$(m audit | wc -l)" = "$before" ] || bad "a refused suggest wrote to the audit log"
m plan suggest --help | grep -q -- '--dump-graph FILE' || bad "plan suggest --help lacks its options"
exit $fail
