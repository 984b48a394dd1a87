#!/bin/sh
# The Staff list at 80x24, in English and Indonesian: a position or unit
# name longer than its column is readable in full, its start in the row
# and its rest after a '~' on the bottom line; a unit whose name repeats
# (many `Sekretariat`) shows its parent's name where that tells it apart.
# The person is picked from
# the demo's own export, not named here.
set -u
. "$TOP/tests/e2e/lib.sh"
"$MUTASI" --db "$TMPD/db" demo --staff 600 --seed 5 >"$TMPD/demo.log" 2>&1 ||
  { cat "$TMPD/demo.log"; fail "mutasi demo failed"; }
for what in units positions staff; do
  "$MUTASI" --db "$TMPD/db" export "$what" >"$TMPD/$what.csv" || fail "export $what"
done

# Someone whose unit's name repeats (its parent's does not with it) and
# whose position name is long, all
# of whose texts fit in the row and the bottom line together (a longer
# rest is cut at the line's end: Enter shows it): NIP, the position's
# name, the unit's label "name (parent's name)".
awk -v OFS='\t' '
  # one CSV record into f[] (quoted fields, doubled quotes); returns the count
  function csv(line, f,   n, i, c, q, cur) {
    n = 0; cur = ""; q = 0
    for (i = 1; i <= length(line); i++) {
      c = substr(line, i, 1)
      if (q) {
        if (c != "\"") cur = cur c
        else if (substr(line, i + 1, 1) == "\"") { cur = cur c; i++ }
        else q = 0
      } else if (c == "\"") q = 1
      else if (c == ",") { f[++n] = cur; cur = "" }
      else cur = cur c
    }
    f[++n] = cur
    return n
  }
  FNR == 1 { next }
  { csv($0, f) }
  FILENAME ~ /units/ { uname[f[1]] = f[2]; parent[f[1]] = f[3]; seen[f[2]]++ }
  FILENAME ~ /positions/ && FNR == 2 {     # the units are all read: pairs of names
    for (c in uname) if (parent[c] != "") pair[uname[c] "|" uname[parent[c]]]++
  }
  FILENAME ~ /positions/ { pname[f[1]] = f[3] }
  FILENAME ~ /staff/ && !done {
    u = f[8]; p = f[7]
    label = uname[u] " (" uname[parent[u]] ")"
    if (seen[uname[u]] > 1 && parent[u] != "" && pair[uname[u] "|" uname[parent[u]]] == 1 &&
        length(pname[p]) >= 30 &&
        length(f[2]) + length(pname[p]) + length(label) <= 110) {
      print f[1], pname[p], label; done = 1
    }
  }' "$TMPD/units.csv" "$TMPD/positions.csv" "$TMPD/staff.csv" >"$TMPD/pick.tsv"
[ -s "$TMPD/pick.tsv" ] || fail "the demo has nobody in a repeated unit with a long position name"
nip=$(cut -f1 "$TMPD/pick.tsv")
position=$(cut -f2 "$TMPD/pick.tsv")
label=$(cut -f3 "$TMPD/pick.tsv")

# readable TEXT ROW BOTTOM: TEXT's start is in the row, up to a '~' (after
# a few blanks, or the start of the word the rest goes on with), and the
# rest follows a '~' on the bottom line: together they give TEXT whole.
readable() {
  awk -v t="$1" -v r="$2" -v d="$3" 'BEGIN {
    for (k = 1; k < length(t); k++) {
      h = substr(t, 1, k); s = substr(t, k + 1)
      sub(/ +$/, "", h); sub(/^ +/, "", s)
      i = index(r, h); j = index(d, "~" s)
      if (i == 0 || j == 0 || s == "" || h == "") continue
      end = substr(d, j + 1 + length(s), 1)
      if (end != "" && end != " ") continue
      between = substr(r, i + length(h)); c = index(between, "~")
      if (c == 0) continue
      between = substr(between, 1, c - 1); sub(/^ +/, "", between); sub(/ +$/, "", between)
      if (index(s, between) == 1) exit 0
    }
    exit 1 }'
}

for lang in en id; do
  case $lang in en) cfg=$(e2e_config) ;; *) cfg=$(e2e_config_id) ;; esac
  E2E_CONFIG=$cfg tui "detail_$lang" "/$nip<Enter><Dump>" --size 80x24
  screen=$(awk '/^--- screen 1/{f=1; next} /^--- attributes/{f=0} f' "$TMPD/detail_$lang.dump")
  row=$(printf '%s\n' "$screen" | awk '/^>/')
  bottom=$(printf '%s\n' "$screen" | sed -n 24p)
  [ -n "$row" ] || fail "$lang: the search for $nip selected nobody"
  case "$row" in *"$position"*) fail "$lang: '$position' fits its column: no cut to read" ;; esac
  readable "$position" "$row" "$bottom" ||
    fail "$lang: the position '$position' is not readable in full: row '$row', bottom '$bottom'"
  readable "$label" "$row" "$bottom" ||
    fail "$lang: the unit '$label' (with its parent) is not readable: row '$row', bottom '$bottom'"
done
echo "staff detail: '$position' and '$label' read in full at 80x24 (en, id)"
