#!/bin/sh
# The screens over damage (issue 18), in scripted mode at 80x24:
#  - a damaged staff record (tests/tools/lmdbpoke) is a marked row of the
#    Staff screen, which pages on past it, in every sort order; the line
#    under the list says what it is, and Enter tells the whole story in
#    lines of at most 80 columns (nothing cut);
#  - a damaged audit entry is a marked row of the Audit screen, which
#    shows the other entries; Enter and v name it;
#  - in Indonesian too.
. "$TOP/tests/e2e/lib.sh"
POKE="$TOP/build/tests/lmdbpoke"
[ -x "$POKE" ] || fail "no $POKE: run make first"
MUTASI_DB="$TMPD/db" "$MUTASI" demo --staff 300 >/dev/null 2>"$TMPD/err" || fail "demo: $(cat "$TMPD/err")"

# screen_text NAME N: the text of screen N of the dump.
screen_text() {
  awk -v n="$2" '/^--- screen / { s = ($3 == n ":") ; next } /^--- attributes/ { s = 0 } s' "$TMPD/$1.dump"
}
# joined NAME N: that screen's lines joined by one space (a wrapped
# sentence reads whole).
joined() {
  screen_text "$1" "$2" | tr '\n' ' ' | tr -s ' '
}
# says NAME N TEXT: screen N holds TEXT, across its lines.
says() {
  joined "$1" "$2" | grep -qF -- "$3" || { screen_text "$1" "$2"; fail "$1, screen $2: expected \"$3\""; }
}

# The third person in name order is damaged.
tui before '<Dump>
q'
row() { screen_text before 1 | sed -n "$(($1 + 2))p" | cut -c2-19; }
third=$(row 3); fourth=$(row 4)
nip=$(echo "$third" | tr -d ' ')
[ ${#nip} = 18 ] || fail "no NIP on the third row: \"$third\""
# The rows show the NIP's 18 digits; the message, as the detail, spaced.
spaced=$(echo "$nip" | sed 's/^\(.\{8\}\)\(.\{6\}\)\(.\)\(.\{3\}\)$/\1 \2 \3 \4/')
"$POKE" "$TMPD/db" staff "$nip" damage || fail "lmdbpoke damage $nip"

tui staff '<Dump>
j
j
<Dump>
<Enter>
<Dump>
<PgDn>
<Dump>
G
<Dump>
s
<Dump>
q'
screen_lacks staff "could not read the database"
screen_text staff 1 | sed -n 5p | grep -qF "$third ! damaged record (database staff)" ||
  { screen_text staff 1; fail "the damaged record is not a marked row of its own"; }
screen_text staff 1 | sed -n 6p | grep -qF "$fourth" || { screen_text staff 1; fail "the list stops at the damage"; }
screen_text staff 1 | grep -q " 1/300 *$" || { screen_text staff 1; fail "the count lost the damaged record"; }
says staff 2 "damaged record: Enter tells more; mutasi verify lists all"
says staff 3 "The record of $spaced in database staff is damaged: its checksum does not match, so it is not shown. \`mutasi verify\` lists every damaged record; restore the database from a backup."
screen_text staff 3 | grep -q " 3/300 *$" || { screen_text staff 3; fail "the status line went under the wrapped message"; }
screen_text staff 4 | grep -q " 13/300 *$" || { screen_text staff 4; fail "PgDn (half a page from row 3) did not page on past the damage"; }
screen_text staff 5 | grep -q " 300/300 *$" || { screen_text staff 5; fail "G did not reach the end"; }
# Z to A: the damaged record third from the end, still marked
screen_text staff 6 | grep -qF "Z to A" || { screen_text staff 6; fail "s did not sort Z to A"; }
tui staffrev 's
G
<Dump>
q'
screen_text staffrev 1 | grep -qF "$third ! damaged record" || { screen_text staffrev 1; fail "Z to A: no marked row"; }
screen_lacks staffrev "could not read the database"

# --- the Audit screen: entry 2 damaged ----------------------------------------
"$POKE" "$TMPD/db" audit @2 damage || fail "lmdbpoke damage audit entry 2"
# the audit log is the admin's (eka)
TUI_USER=eka tui audit '5
<Dump>
G
<Dump>
k
<Enter>
<Dump>
v
<Dump>
q'
screen_text audit 1 | grep -q "^ *2 ! damaged entry: it does not decode (Enter, v)" ||
  { screen_text audit 1; fail "no marked row for the damaged entry"; }
screen_text audit 1 | grep -q "^ *3 [0-9]" || { screen_text audit 1; fail "the entries after the damaged one are missing"; }
screen_text audit 2 | grep -q "^> *1 [0-9]" || { screen_text audit 2; fail "the entry before the damaged one is missing"; }
says audit 3 "Audit entry 2 is damaged: it does not decode, so it is not shown. v verifies the chain; restore the database from a backup."
says audit 4 "audit chain broken at entry 2"

# --- in Indonesian ---------------------------------------------------------------
E2E_CONFIG=$(e2e_config_id) TUI_USER=eka tui staffid 'j
j
<Dump>
<Enter>
<Dump>
5
<Dump>
q'
screen_text staffid 1 | grep -qF "$third ! rekaman rusak (basis data staff)" ||
  { screen_text staffid 1; fail "no marked row in Indonesian"; }
says staffid 2 "Rekaman $spaced di basis data staff rusak"
screen_text staffid 3 | grep -q "^ *2 ! entri rusak" || { screen_text staffid 3; fail "no marked audit row in Indonesian"; }
echo "faults on screens: a damaged staff record and audit entry are marked rows, the lists go on past them, the story fits 80 columns"
