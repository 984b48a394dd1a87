#!/bin/sh
# Moving, counts, search, filter, sort and the command line of the TUI.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
pos() { # NAME N: the position shown by the N-th dump ("12/118")
  awk -v n="$2" '/^--- screen /{d++} d==n && / [0-9]+\/[0-9]+$/ {print $NF}' "$TMPD/$1.dump" | tail -n 1
}

tui moves 'j<Dump>05j<Dump>G<Dump>k<Dump>g<Dump><C-d><Dump><PgDn><Dump><PgUp><Dump>' --size 80x24
[ "$(pos moves 1)" = 2/118 ] || fail "j: $(pos moves 1)"
[ "$(pos moves 2)" = 7/118 ] || fail "05j: $(pos moves 2)"
[ "$(pos moves 3)" = 118/118 ] || fail "G: $(pos moves 3)"
[ "$(pos moves 4)" = 117/118 ] || fail "k at the end: $(pos moves 4)"
[ "$(pos moves 5)" = 1/118 ] || fail "g: $(pos moves 5)"
[ "$(pos moves 6)" = 11/118 ] || fail "C-d (half of 20 rows): $(pos moves 6)"
[ "$(pos moves 7)" = 21/118 ] || fail "PgDn (half a page): $(pos moves 7)"
[ "$(pos moves 8)" = 11/118 ] || fail "PgUp (half a page): $(pos moves 8)"

# The last page is full, like less: G shows rows 99..118.
screen_has moves "118/118"

# Search: / finds from the selected row on, n the next, N back; a miss says so.
name=$(awk -F, 'NR==60 {gsub(/"/, "", $2); print $2}' "$TOP/tests/fixtures/tui/staff.csv" | cut -d' ' -f2)
tui search "/$name<Enter><Dump>n<Dump>N<Dump>/zzzzqq<Enter><Dump>"
awk '/^--- screen 1/{f=1} /^--- screen 2/{f=0} f && /^>/' "$TMPD/search.dump" | grep -qi "$name" ||
  fail "search for $name did not select a matching row"
screen_has search "not found: zzzzqq"

# Search wraps round: from the first match, N goes on from the bottom to
# the last match (or back to the same one) and says so.
tui wrap "/$name<Enter>N<Dump>"
screen_has wrap "search went on from the bottom"
awk '/^>/' "$TMPD/wrap.dump" | grep -qi "$name" || fail "N after wrapping did not select a match"
tui wrapdown "G/$name<Enter><Dump>"
screen_has wrapdown "search went on from the top"

# Search by NIP digits (with or without the spaces).
nip=$(awk -F, 'NR==30 {print $1}' "$TOP/tests/fixtures/tui/staff.csv")
# The NIP has its column at 80 columns too, as 18 digits.
spaced=$(echo "$nip" | sed 's/^\(........\)\(......\)\(.\)\(...\)$/\1 \2 \3 \4/')
tui nipsearch "/${nip}<Enter><Dump>/${spaced}<Enter><Dump>"
awk '/^--- screen 1/,/^--- attr/' "$TMPD/nipsearch.dump" | awk '/^>/' | grep -qF "$nip" ||
  fail "NIP search did not select $nip"
awk '/^--- screen 2/,/^--- attr/' "$TMPD/nipsearch.dump" | awk '/^>/' | grep -qF "$nip" ||
  fail "NIP search with spaces did not select $nip"

# Esc cancels a search and goes back to where it started; C-g too.
tui cancel 'jjj/Cucu<Esc><Dump>/Cucu<C-g><Dump>'
[ "$(pos cancel 1)" = 4/118 ] || fail "Esc did not restore the row: $(pos cancel 1)"
[ "$(pos cancel 2)" = 4/118 ] || fail "C-g did not restore the row: $(pos cancel 2)"

# Filter: only the people of one unit; the count is no longer the total.
tui filter 'funit:PKM-WARUNG<Enter><Dump>f<Enter><Dump>'
want=$(grep -c ',PKM-WARUNG,' "$TOP/tests/fixtures/tui/staff.csv")
got=$(awk '/^--- screen 1/{f=1} /^--- attributes/{f=0} f' "$TMPD/filter.dump" |
  grep -cE '^[ >][0-9]{18} ')
[ "$got" = "$want" ] || fail "unit filter shows $got people, PKM-WARUNG has $want"
awk '/^--- screen 1/{f=1} /^--- attributes/{f=0} f && /^[ >][0-9]/' "$TMPD/filter.dump" | grep -v 'Puskesm' &&
  fail "unit filter shows someone of another unit"
[ "$(pos filter 2)" = 1/118 ] || fail "clearing the filter: $(pos filter 2)"
# The header keeps the column names (Name, with its sort mark); the status
# line shows the filter in force, and no longer once it is cleared.
awk '/^--- screen 1/{f=1} /^--- attributes/{f=0} f' "$TMPD/filter.dump" | sed -n 3p | grep -qE '^ NIP +[▲^]Name +Rank' ||
  fail "the header of a filtered list does not read NIP, Name, Rank"
awk '/^--- screen 1/{f=1} /^--- attributes/{f=0} f' "$TMPD/filter.dump" | grep -qE '^ani \(operator\)  filter unit:PKM-WARUNG  db db +[0-9]+/[0-9]+$' ||
  fail "the status line does not show the filter in force"
awk '/^--- screen 2/{f=1} /^--- attributes/{f=0} f' "$TMPD/filter.dump" | grep -q 'filter unit:' &&
  fail "the status line still shows the filter after it was cleared"
tui filter_id 'fgol:III/b<Enter>j<Dump>' --config "$(e2e_config_id)"
screen_has filter_id " Gol.  "
grep -qE '^ani \(operator\)  saringan gol:III/b  db db +2/[0-9]+$' "$TMPD/filter_id.dump" ||
  { cat "$TMPD/filter_id.dump"; fail "id: the status line does not show the filter in force"; }

# Sort: s turns the name order around.
tui sort '<Dump>s<Dump>'
first_az=$(awk '/^--- screen 1/{f=1} f && /^>/{print; exit}' "$TMPD/sort.dump")
first_za=$(awk '/^--- screen 2/{f=1} f && /^>/{print; exit}' "$TMPD/sort.dump")
[ "$first_az" != "$first_za" ] || fail "s did not change the order"
screen_has sort "Z to A"

# s goes on round the columns with an index: NIP, then unit; the header
# marks the sort column, and the first row is the smallest NIP.
tui sortcols 'ss<Dump>ss<Dump>ss<Dump>'
screen_has sortcols "sorted by NIP, ascending"
awk '/^--- screen 1/{f=1} f' "$TMPD/sortcols.dump" | grep -qE '^[v^▲▼]NIP' || fail "no sort mark on the NIP column"
min=$(awk -F, 'NR>1 {print $1}' "$TOP/tests/fixtures/tui/staff.csv" | sort | head -n 1)
awk '/^--- screen 1/{f=1} f && /^>/{print; exit}' "$TMPD/sortcols.dump" | grep -qF "$min" ||
  fail "sorted by NIP, the first row is not $min"
screen_has sortcols "sorted by unit, ascending"
# past the unit column without a filter: back to names, and how to sort by the others
screen_has sortcols "filter first"

# A filtered list sorts by the columns without an index too: years in post.
tui sortyears 'frotation<Enter>ssssssss<Dump>'
screen_has sortyears "sorted by years in post, ascending"
# (years: the last number on the row, before the SKP letters)
awk '/^--- screen 1/{f=1; n=0; next} /^--- attributes/{f=0} f {n++} f && n >= 3 && n <= 22 && /^[ >][^ ]/' "$TMPD/sortyears.dump" | awk '
  {y = $NF; if (y !~ /^[0-9]+$/) y = $(NF - 1); y += 0; if (n++ && y < last) bad = 1; last = y}
  END {exit bad || n < 2}' || fail "years in post are not in rising order"

# Units: filter short / over, expand and collapse.
tui units '2fshort<Enter><Dump>fover<Enter><Dump>f<Enter>jj+<Dump>-<Dump>'
awk '/^--- screen 1/{f=1} /^--- screen 2/{f=0} f && /^[ >][!^=]/' "$TMPD/units.dump" | grep -v '^[ >]!' &&
  fail "short filter shows a unit that is not short"
awk '/^--- screen 2/{f=1} /^--- screen 3/{f=0} f && /^[ >][!^=]/' "$TMPD/units.dump" | grep -v '^[ >]\^' &&
  fail "over filter shows a unit that is not over-staffed"
n3=$(awk '/^--- screen 3/{f=1} /^--- screen 4/{f=0} f && /^[ >][!^= ] /' "$TMPD/units.dump" | wc -l)
n4=$(awk '/^--- screen 4/{f=1} /^--- attributes/{if(f)exit} f && /^[ >][!^= ] /' "$TMPD/units.dump" | wc -l)
[ "$n3" -gt "$n4" ] || fail "+ then - did not open and close a unit ($n3 rows, then $n4)"

# The command line: completion, a verb, a miss, and :q.
tui prompt ':sta<Tab><Dump><Esc>:staff find Yusuf<Enter><Dump>:nonsense<Enter><Dump>:units<Enter><Dump>:q<Enter>'
awk '/^--- screen 1/{f=1} /^--- screen 2/{f=0} f' "$TMPD/prompt.dump" | grep -q '^:staff' ||
  fail "Tab did not complete :sta"
awk '/^--- screen 2/{f=1} /^--- screen 3/{f=0} f && /^>/' "$TMPD/prompt.dump" | grep -q Yusuf ||
  fail ":staff find did not select Yusuf"
screen_has prompt 'unknown command "nonsense"'
screen_has prompt '[2 Units]'

# Help lists every action with its keys; q goes back.
tui help '?<Dump>q<Dump>'
screen_has help "move down one row"
screen_has help "never quits"
awk '/^--- screen 2/{f=1} f' "$TMPD/help.dump" | grep -q "1/118" || fail "q did not leave the help"

# Keys rebound in ui.yaml: J moves down, j no longer does.
mkdir -p "$TMPD/config-keys"
cp "$(e2e_config)"/*.yaml "$TMPD/config-keys/"
printf 'keys:\n  down: J\n' >"$TMPD/config-keys/ui.yaml"
tui rebound 'J<Dump>j<Dump>' --config "$TMPD/config-keys"
[ "$(pos rebound 1)" = 2/118 ] || fail "J bound to down did not move: $(pos rebound 1)"
[ "$(pos rebound 2)" = 2/118 ] || fail "j still moves after rebinding down to J"
screen_has rebound "key j does nothing here"

# :check NIP POSITION shows every rule's verdict for that move.
nip=$(awk -F, 'NR==5 {print $1}' "$TOP/tests/fixtures/tui/staff.csv")
tui check ":check $nip PKM-CIBEBER-PRW<Enter><Dump>:check 123 X<Enter><Dump>"
awk '/^--- screen 1/{f=1} /^--- screen 2/{f=0} f' "$TMPD/check.dump" | grep -q "Need at target:" ||
  fail ":check shows no verdict on the need at the target"
awk '/^--- screen 1/{f=1} /^--- screen 2/{f=0} f' "$TMPD/check.dump" | grep -qE "^ (allowed|blocked)" ||
  fail ":check shows no summary"
screen_has check "123: a NIP has 18 digits"

# :staff show NIP opens the person wherever the list stands; a wrong NIP says why.
nip=$(awk -F, 'NR==3 {print $1}' "$TOP/tests/fixtures/tui/staff.csv")
tui show "G:staff show $nip<Enter><Dump>q:staff show 1985<Enter><Dump>"
awk '/^--- screen 1/{f=1} /^--- screen 2/{f=0} f' "$TMPD/show.dump" | grep -q "Could this person move?" ||
  fail ":staff show did not open the detail"
screen_has show "1985: a NIP has 18 digits"

# :check without arguments picks a person (search on the Staff list), then
# a position (search by code or name), and shows the verdicts of that move.
# (someone from row 40 on who does not hold the target position already)
name=$(awk -F, 'NR>=40 && !/,PKM-CIBEBER-PRW,/ {gsub(/"/, "", $2); print $2; exit}' \
  "$TOP/tests/fixtures/tui/staff.csv")
tui pick ":check<Enter><Dump>/$name<Enter><Enter><Dump>/pkm-cibeber-prw<Enter><Dump><Enter><Dump>q<Dump>"
awk '/^--- screen 1/{f=1} /^--- screen 2/{f=0} f' "$TMPD/pick.dump" | grep -q "Pick a person" ||
  fail ":check without arguments did not open the person picker"
awk '/^--- screen 2/{f=1} /^--- screen 3/{f=0} f' "$TMPD/pick.dump" | grep -q "Pick a position" ||
  fail "picking a person did not go on to the position picker"
awk '/^--- screen 3/{f=1} /^--- screen 4/{f=0} f && /^>/' "$TMPD/pick.dump" | grep -q "PKM-CIBEBER-PRW" ||
  fail "the position picker's search did not select PKM-CIBEBER-PRW"
awk '/^--- screen 4/{f=1} /^--- screen 5/{f=0} f' "$TMPD/pick.dump" > "$TMPD/pick4.txt"
grep -qF "$name" "$TMPD/pick4.txt" || fail "the verdicts are not about $name"
grep -q "(PKM-CIBEBER-PRW)" "$TMPD/pick4.txt" || fail "the verdicts are not for the picked position"
grep -q "Need at target:" "$TMPD/pick4.txt" || fail "no verdicts after picking"
awk '/^--- screen 5/{f=1} f' "$TMPD/pick.dump" | grep -q "1/118" || fail "q after the verdicts did not go back to the list"
# Esc in a picker gives up: back to where it was, nothing opened.
tui pickesc ":check<Enter><Esc><Dump>"
screen_lacks pickesc "Pick a"
screen_has pickesc "1/118"

# The title tabs show the keys in force: screen-units moved to F2.
mkdir -p "$TMPD/config-tabs"
cp "$(e2e_config)"/*.yaml "$TMPD/config-tabs/"
printf 'keys:\n  screen-units: F2\n' >"$TMPD/config-tabs/ui.yaml"
tui tabs '<F2><Dump>' --config "$TMPD/config-tabs"
screen_has tabs "[F2 Units]"
