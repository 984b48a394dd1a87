#!/bin/sh
# workload --by unit reads the stored unit tree when its aggregates were
# kept with the configuration's rounding, and rolls the units up itself
# when not (the fallback). The same figures either way: a database built
# with rounding "up" read with it (the stored tree) equals one built with
# "half-up" read with "up" (the fallback), text, CSV and a subtree; and
# the other way round.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
mkdir -p "$TMPD/up" && cp -L "$TOP/tests/config/"*.yaml "$TMPD/up/"
sed 's/^  rounding: half-up$/  rounding: up/' "$TOP/tests/config/policy.yaml" >"$TMPD/up/policy.yaml"
grep -q '^  rounding: up$' "$TMPD/up/policy.yaml" || fail "could not make the config with rounding up"
_fx="$TOP/tests/fixtures/tui"
{ MUTASI_CONFIG="$TMPD/up" "$MUTASI" --db "$TMPD/dbup" init &&
  MUTASI_CONFIG="$TMPD/up" "$MUTASI" --db "$TMPD/dbup" import units "$_fx/units.csv" &&
  MUTASI_CONFIG="$TMPD/up" "$MUTASI" --db "$TMPD/dbup" import positions "$_fx/positions.csv" &&
  MUTASI_CONFIG="$TMPD/up" "$MUTASI" --db "$TMPD/dbup" import staff "$_fx/staff.csv"; } \
  >"$TMPD/dbup.log" 2>&1 || { cat "$TMPD/dbup.log"; fail "could not build the database with rounding up"; }
root=$("$MUTASI" --db "$E2E_DB" workload --by unit --format csv | awk -F, 'NR==2 {print $1}')
[ -n "$root" ] || fail "no unit in the table"
table() { # CONFIG DB NAME ARGS...: the table (and its warnings) into NAME
  _c=$1 _d=$2 _n=$3
  shift 3
  MUTASI_CONFIG="$_c" "$MUTASI" --db "$_d" workload "$@" >"$TMPD/$_n" 2>"$TMPD/$_n.err" ||
    fail "workload $* on $_d: $(cat "$TMPD/$_n.err")"
  cat "$TMPD/$_n.err" >>"$TMPD/$_n"
}
for cfg in half "$TMPD/up"; do
  [ "$cfg" = half ] && cfg="$TOP/tests/config"
  n=$(basename "$cfg")
  table "$cfg" "$E2E_DB" "$n.half" --by unit
  table "$cfg" "$TMPD/dbup" "$n.up" --by unit
  table "$cfg" "$E2E_DB" "$n.half.csv" --by unit --format csv
  table "$cfg" "$TMPD/dbup" "$n.up.csv" --by unit --format csv
  table "$cfg" "$E2E_DB" "$n.half.sub" "$root" --by unit
  table "$cfg" "$TMPD/dbup" "$n.up.sub" "$root" --by unit
  for f in "" .csv .sub; do
    [ -s "$TMPD/$n.half$f" ] || fail "$n$f: an empty table"
    cmp -s "$TMPD/$n.half$f" "$TMPD/$n.up$f" ||
      fail "$n$f: the stored tree and the roll-up differ: $(diff "$TMPD/$n.half$f" "$TMPD/$n.up$f")"
  done
done
# An unknown unit: refused by both, with nothing on stdout (no CSV header)
# and the same message.
for db in "$E2E_DB" "$TMPD/dbup"; do
  for form in text csv; do
    "$MUTASI" --db "$db" workload NO.SUCH.UNIT --by unit --format $form >"$TMPD/nope.out" 2>"$TMPD/nope.err"
    rc=$?
    [ "$rc" = 1 ] || fail "unknown unit, $form on $db: exit $rc, expected 1"
    [ -s "$TMPD/nope.out" ] && fail "unknown unit, $form on $db: printed $(head -c 80 "$TMPD/nope.out")"
    grep -q NO.SUCH.UNIT "$TMPD/nope.err" || fail "unknown unit, $form on $db: the message does not name it"
  done
done
# the rounding changes the figures: else the comparison above shows nothing
cmp -s "$TMPD/config.half.csv" "$TMPD/up.half.csv" &&
  fail "rounding up gives the same table as half-up: the fixture cannot tell the two ways apart"
echo "workload --by unit: the stored tree and the roll-up agree for either rounding"
