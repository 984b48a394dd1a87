#!/bin/sh
# The whole table by unit in text writes its rows as its walk reaches
# them, with widths counted beside the unit tree (store_unit_tree_widths);
# a subtree still measures its units on the walk. The fixture has one
# root, so the whole table and the root's subtree are the same table: after
# every change that moves a width (a deep unit with a long code added,
# moved, renamed, a position's workload made huge and then small again, a
# unit removed from the file's parent chain), the two agree byte for byte
# and the store's check (checkdb: the widths record against a recount)
# passes.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
checkdb=$(dirname "$MUTASI")/checkdb
[ -x "$checkdb" ] || fail "no checkdb next to $MUTASI"
root=$("$MUTASI" --db "$E2E_DB" workload --by unit --format csv | awk -F, 'NR==2 {print $1}')
[ -n "$root" ] || fail "no unit in the table"
n=0
agree() { # WHAT: the whole table equals the root's subtree; the check passes
  n=$((n + 1))
  "$MUTASI" --db "$E2E_DB" workload --by unit >"$TMPD/whole.$n" 2>"$TMPD/err" ||
    fail "$1: workload --by unit: $(cat "$TMPD/err")"
  "$MUTASI" --db "$E2E_DB" workload "$root" --by unit >"$TMPD/sub.$n" 2>"$TMPD/err" ||
    fail "$1: workload $root --by unit: $(cat "$TMPD/err")"
  cmp -s "$TMPD/whole.$n" "$TMPD/sub.$n" ||
    fail "$1: the whole table and the root's differ: $(diff "$TMPD/sub.$n" "$TMPD/whole.$n" | head -5)"
  "$checkdb" "$E2E_DB" >"$TMPD/check" 2>&1 || fail "$1: checkdb: $(cat "$TMPD/check")"
}
imp() { # KIND CSV-BODY: import a file of that header and body
  _h=$(head -1 "$TOP/tests/fixtures/tui/$1.csv")
  printf '%s\n%s\n' "$_h" "$2" >"$TMPD/$1.in.csv"
  "$MUTASI" --db "$E2E_DB" import "$1" "$TMPD/$1.in.csv" >"$TMPD/imp" 2>&1 ||
    fail "import $1 $2: $(cat "$TMPD/imp")"
}
agree "the fixture"
long=UNIT-WITH-A-RATHER-LONG-CODE-X
imp units "DEEP1,Deep One,SETDA-ORG,bidang,Sukamaju
DEEP2,Deep Two,DEEP1,bidang,Sukamaju
$long,Long Code,DEEP2,bidang,Sukamaju"
agree "a deep unit with a long code"
w1=$(head -1 "$TMPD/whole.$n" | awk '{print index($0, "WORKLOAD")}')
imp units "$long,Long Code,$root,bidang,Sukamaju"
agree "the long code moved up under the root"
w2=$(head -1 "$TMPD/whole.$n" | awk '{print index($0, "WORKLOAD")}')
[ "$w2" -lt "$w1" ] || fail "the key column did not narrow when the deepest long code moved up ($w1 -> $w2)"
imp units "$long,A Long Code Renamed,$root,bidang,Sukamaju"
agree "the long code renamed"
imp positions "LONG-P,$long,Analis,pelaksana,,administrasi umum,,S-1,987654321012"
agree "a huge workload"
grep -q 987654321012 "$TMPD/whole.$n" || fail "the huge workload is not in the table"
imp positions "LONG-P,$long,Analis,pelaksana,,administrasi umum,,S-1,12"
agree "the huge workload made small"
grep -q 987654321012 "$TMPD/whole.$n" && fail "the huge workload stayed"
echo "workload --by unit: the stored widths follow every change"
