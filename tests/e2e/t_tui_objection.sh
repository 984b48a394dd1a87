#!/bin/sh
# The staff's voice in the plan editor (3, Enter) in scripted mode on the
# demo region, in English and Indonesian: the operator records an
# objection to the selected move with o (the reason asked on the prompt
# line), the move shows '?' and the text on the detail lines, c lists
# it as blocking the approval; the reviewer answers it with A ('*'), and the
# operator may not answer. F on the Plans screen opens the follow-up of
# the plan that took effect. Checked through the verbs as well.
set -u
. "$TOP/tests/e2e/lib.sh"
(cd "$TMPD" && MUTASI_CONFIG="$(e2e_config)" MUTASI_USER=eka "$MUTASI" --db base demo) \
  >"$TMPD/demo.log" 2>&1 || { cat "$TMPD/demo.log"; fail "demo"; }

mask() { # NAME: wall-clock times to a placeholder
  sed -E -e 's/20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/YYYY-MM-DD hh:mm/g' \
    -e 's/[0-9]{2}-[0-9]{2}-20[0-9]{2} [0-9]{2}:[0-9]{2}/DD-MM-YYYY hh:mm/g' \
    "$TMPD/$1.dump" >"$TMPD/$1.masked" && mv "$TMPD/$1.masked" "$TMPD/$1.dump"
}
verb() { # USER ARGS...: a verb on the test database as USER
  _u=$1
  shift
  MUTASI_CONFIG="$(e2e_config)" MUTASI_USER=$_u "$MUTASI" --db "$TMPD/db" "$@"
}

for lang in en id; do
  cfg=$(e2e_config "$lang")
  rm -rf "$TMPD/db"; cp -r "$TMPD/base" "$TMPD/db"
  # plan 3 (submitted): the operator objects to its first move
  E2E_CONFIG=$cfg TUI_USER=ani tui "object-$lang" \
    '3<Dump>jj<Enter><Dump>oibu saya sakit di Sukamaju<Enter><Dump>A<Dump>c<Dump>q'
  mask "object-$lang"
  golden "object-$lang"
  verb ani plan show 3 >"$TMPD/show-$lang" 2>&1
  grep -q "ibu saya sakit di Sukamaju" "$TMPD/show-$lang" ||
    fail "$lang: the objection typed in the editor is not on the move"
  grep -q "answered by" "$TMPD/show-$lang" && fail "$lang: the operator could answer an objection"
  verb ani plan check 3 >"$TMPD/check-$lang" 2>&1
  grep -q "objection" "$TMPD/check-$lang" || fail "$lang: plan check does not list the objection"
  # the reviewer answers it in the editor
  E2E_CONFIG=$cfg TUI_USER=citra tui "answer-$lang" \
    '3<Dump>jj<Enter><Dump>Adidengar, mutasi tetap<Enter><Dump>q'
  mask "answer-$lang"
  golden "answer-$lang"
  verb ani plan show 3 >"$TMPD/show2-$lang" 2>&1
  grep -q "didengar, mutasi tetap" "$TMPD/show2-$lang" ||
    fail "$lang: the answer typed in the editor is not on the move"
  # F on the Plans screen: the follow-up of the plan that took effect
  E2E_CONFIG=$cfg TUI_USER=budi tui "plan-followup-$lang" '3<Dump>F<Dump>q'
  mask "plan-followup-$lang"
  golden "plan-followup-$lang"
done

screen_has object-en "> ?Yuliardi Efendi"
screen_has object-en "? objection (taken in by ani, unanswered): ibu saya sakit di Sukamaju"
screen_has object-en "objection recorded: Yuliardi Efendi"
screen_has object-en "answer the objection to the selected move: your roles do not allow it"
screen_has object-en "? objection, blocks the approval until answered: ibu saya sakit"
screen_has object-en "check: 0 blocking verdicts, 1 objection waiting"
screen_has answer-en "> *Yuliardi Efendi"
screen_has answer-en "answered by citra: didengar,"
screen_has answer-en "objection answered:"
screen_has plan-followup-en "follow-up of plan 1"
screen_has plan-followup-en "training:"
# the keys on the editor's help (?), and F refused on a plan not applied
# (a tall terminal: the whole list on one screen)
TUI_USER=citra tui editor-help '3<Dump>jj<Enter><Dump>?<Dump>q' --size 80x90
screen_has editor-help "A                plan-answer        answer the objection to the selected move"
screen_lacks editor-help "plan-object"
TUI_USER=ani tui editor-help-ani '3<Dump>jj<Enter><Dump>?<Dump>q' --size 80x90
screen_has editor-help-ani "o                plan-object        record a staff objection to the selected"
screen_lacks editor-help-ani "plan-answer"
TUI_USER=citra tui followup-draft '3<Dump>G<Dump>F<Dump>q'
screen_lacks followup-draft "follow-up of plan"
screen_has followup-draft "has not taken effect"
screen_lacks plan-followup-en "Plan editor"
exit 0
