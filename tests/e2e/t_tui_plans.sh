#!/bin/sh
# The Plans screen and the plan editor driven by keys (scripted mode):
# make a plan, add moves by picking a person and a position, watch the
# impact pane change, check, drop; golden screens at 80x24 in English and
# Indonesian; the bytes the editor sends to move one row (< 100).
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db

# Plan times are the clock's: masked in the dumps (mask_times) before comparing.

# n makes a plan and opens it; a picks Cucu Susanti, then her one fit
# position; the impact pane shows both Puskesmas before -> after.
keys='3<Dump>nMutasi Uji<Enter><Dump>a/Cucu Sus<Enter><Enter><Dump><Enter><Dump>'
tui plans_add "$keys"
screen_has plans_add "No plans yet: press n to make one."
screen_has plans_add "Plan 1: Mutasi Uji  [DRAFT]  moves: 0, version 1, by ani"
screen_has plans_add "Impact (0 rows)"
screen_has plans_add ">  PKM-CIBEBER-PRW"
screen_has plans_add "Cucu Susanti, A.Md.Kep. 199410042019032001 PKM-WARUNG-PRW    PKM-CIBEBER-PRW"
screen_has plans_add "UPT Puskesmas Cibeber            22->23    27    -5->-4  1.21->1.16"
screen_has plans_add "UPT Puskesmas Warungkiara         10->9     8    +2->+1  0.80->0.89"
screen_has plans_add "added: Cucu Susanti, A.Md.Kep. to PKM-CIBEBER-PRW"
"$MUTASI" --db "$TMPD/db" plan show 1 --format csv | grep -q 199410042019032001 ||
  fail "the move is not in the plan the verbs see"

# The target list shows only fit positions; t shows all with '!' marks,
# and a blocked choice is refused with its reason.
tui plans_refuse '3<Enter>a/Budi Saputra<Enter><Enter>t<Dump><Enter><Dump>'
screen_has plans_refuse "! BKAD-ANL"
screen_has plans_refuse "all positions, with their verdicts"
# the selected position's reasons, labelled, blocks first, on two lines
screen_has plans_refuse "blocked: Fit: job family kesehatan, position needs keuangan; rank II/a below"
screen_has plans_refuse "the minimum III/c; education D-III below the minimum S-1"
screen_has plans_refuse "cannot move to"
screen_has plans_refuse "Fit: job family kesehatan, position needs keuangan"
# the message line (wide enough here): the refusal's lines joined,
# without ":;" or their indent
tui plans_refuse_wide '3<Enter>a/Budi Saputra<Enter><Enter>t<Enter><Dump>' --size 200x24
screen_has plans_refuse_wide "cannot move to BKAD-ANL: Fit: job family kesehatan, position needs keuangan"
[ "$("$MUTASI" --db "$TMPD/db" plan show 1 --format csv | grep -c 197611262000031001)" = 0 ] ||
  fail "a refused move was saved"

# A second move, the golden editor in both languages, then moving one row.
tui plans_second '3<Enter>a/Agus Set<Enter><Enter><Enter><Dump>'
screen_has plans_second "moves: 2, version 3"
tui plans_en '3<Dump><Enter><Dump>jk<Dump>' --size 80x24
mask_times plans_en
golden plans_en
move=$(bytes_of plans_en j)
echo "plan editor at 80x24: moving one row wrote $move bytes"
[ "$move" -lt 100 ] || fail "moving one row in the editor wrote $move bytes (budget < 100)"
tui plans_id '3<Dump><Enter><Dump>' --config "$(e2e_config_id)"
mask_times plans_id
golden plans_id
screen_has plans_id "[3 Rencana]"

# Tab moves to the impact pane; c checks; d asks, n keeps, y drops; the
# impact pane follows.
tui plans_drop '3<Enter><Tab><Dump><Tab>c<Dump>dn<Dump>dy<Dump>dy<Dump>'
screen_has plans_drop "check: nothing blocks plan 1 (2 moves)"
screen_has plans_drop "nothing dropped"
screen_has plans_drop "dropped: Agus Setiawan"
screen_has plans_drop "moves: 0, version 5"
screen_has plans_drop "Impact (0 rows)"
[ "$("$MUTASI" --db "$TMPD/db" plan list --format csv | grep -c '^1,')" = 1 ] ||
  fail "plan 1 is gone from the list"

# tmux smoke test, and two operators: a change made by another process
# while the editor is open is refused with who and when, and the editor
# reloads (it then shows the other operator's move).
cfg=$(e2e_config)
tmux_begin
tmux_mutasi "$cfg"
tmux_wait " 1/118"
tmux_keys 3
tmux_wait "[3 Plans]"
tmux_keys Enter
tmux_wait "moves: 0, version 5"
MUTASI_CONFIG="$cfg" MUTASI_USER=ani "$MUTASI" --db db plan add 1 198208132007041001 \
  KEC-CIBEBER-PEL >/dev/null 2>&1 || fail "plan add from a second process failed"
tmux_keys a / C u c u Space S u s Enter Enter
tmux_wait "PKM-CIBEBER-PRW"
tmux_keys Enter
tmux_wait "was changed by ani at"
tmux_wait "moves: 1, version 6"
tmux_wait "Agus Setiawan"
tmux_keys q q
tmux_wait "mutasi ended with 0"
tmux_stop
