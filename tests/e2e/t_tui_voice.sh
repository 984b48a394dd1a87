#!/bin/sh
# The Inbox (4), Audit (5) and Follow-up (7) screens in scripted mode on
# the demo region, in English and Indonesian: the waiting count on the
# tab, a step taken by its key, a return whose reason is asked on the
# prompt line, the audit log filtered and its chain verified intact and
# after tampering (mdb_dump/mdb_load from outside the program), the
# follow-up of the plan that took effect; moving one row < 100 bytes on
# each screen. Wall-clock times and the Unix user (both differ between
# runs and machines) are masked before the golden comparison.
set -u
. "$TOP/tests/e2e/lib.sh"
(cd "$TMPD" && MUTASI_CONFIG="$(e2e_config)" MUTASI_USER=eka "$MUTASI" --db base demo) \
  >"$TMPD/demo.log" 2>&1 || { cat "$TMPD/demo.log"; fail "demo"; }

mask() { # NAME: times to a placeholder, the user column of the Audit screen to USER
  sed -E -e 's/20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/YYYY-MM-DD hh:mm/g' \
    -e 's/[0-9]{2}-[0-9]{2}-20[0-9]{2} [0-9]{2}:[0-9]{2}/DD-MM-YYYY hh:mm/g' \
    -e '/^[ >] +[0-9]+ (YYYY-MM-DD|DD-MM-YYYY) hh:mm /s/^(.{24}).{10}/\1USER      /' \
    "$TMPD/$1.dump" >"$TMPD/$1.masked" && mv "$TMPD/$1.masked" "$TMPD/$1.dump"
}
under_budget() { # NAME KEY [N]
  b=$(bytes_of "$1" "$2" "${3:-1}")
  [ -n "$b" ] && [ "$b" -lt 100 ] || fail "$1: moving one row ($2) wrote ${b:-no} bytes (budget < 100)"
  echo "$1: move one row $b bytes"
}

for lang in en id; do
  cfg=$(e2e_config "$lang")
  # the verifier's Inbox: one plan waits (on the tab too); V verifies it
  rm -rf "$TMPD/db"; cp -r "$TMPD/base" "$TMPD/db"
  E2E_CONFIG=$cfg TUI_USER=budi tui "inbox-$lang" '4<Dump>V<Dump>q'
  mask "inbox-$lang"
  golden "inbox-$lang"
  # the reviewer has nothing until verified; then returns it with a reason
  E2E_CONFIG=$cfg TUI_USER=citra tui "return-$lang" '4B<Dump>data belum lengkap<Enter><Dump>q'
  mask "return-$lang"
  golden "return-$lang"
  # the audit log: filtered by plan and action, then v
  E2E_CONFIG=$cfg TUI_USER=eka tui "audit-$lang" '5<Dump>jj<Dump>fplan:3 action:plan<Enter><Dump>v<Dump>q'
  mask "audit-$lang"
  golden "audit-$lang"
  under_budget "audit-$lang" j 2
  # the follow-up of the plan that took effect
  E2E_CONFIG=$cfg TUI_USER=budi tui "followup-$lang" '7<Dump><Enter>j<Dump>q'
  golden "followup-$lang"
  under_budget "followup-$lang" j
  rm -rf "$TMPD/db-$lang"; cp -r "$TMPD/db" "$TMPD/db-$lang"
done

# The flow behind the screens, checked through the verbs.
st=$(MUTASI_CONFIG="$(e2e_config)" "$MUTASI" --db "$TMPD/db-en" plan list --format csv | grep -c ",DRAFT,")
[ "$st" -eq 2 ] || fail "the return from the Inbox did not bring the plan back to DRAFT ($st drafts)"
MUTASI_CONFIG="$(e2e_config)" "$MUTASI" --db "$TMPD/db-en" plan show 3 >"$TMPD/show" 2>&1
grep -q "data belum lengkap" "$TMPD/show" || fail "the reason typed in the Inbox is not on the timeline"
screen_has inbox-en "[4 Inbox(1)]"
screen_has inbox-en "keys:  V verify  B return  X reject"
screen_has inbox-en "plan 3: verify, now VERIFIED"
screen_has return-en "reason:"
screen_has audit-en "the chain of"
screen_lacks audit-en "broken"

# many rows: moving one row in the Inbox (six plans wait for the author)
for i in 1 2 3 4 5 6; do
  MUTASI_CONFIG="$(e2e_config)" MUTASI_USER=ani "$MUTASI" --db "$TMPD/db" plan new "Rencana $i" >/dev/null 2>&1 ||
    fail "plan new"
done
TUI_USER=ani tui inbox-move '4<Dump>jj'
under_budget inbox-move j 2

# tampered from outside: v names the first broken entry
if command -v mdb_dump >/dev/null && command -v mdb_load >/dev/null; then
  mdb_dump -s audit "$TMPD/db-en" >"$TMPD/adump" || fail "mdb_dump"
  hex=$(printf 'Penyegaran' | od -An -tx1 | tr -d ' \n')
  grep -q "$hex" "$TMPD/adump" || fail "the audit dump lacks the plan's name"
  sed "s/$hex/$(printf 'Penyegaraz' | od -An -tx1 | tr -d ' \n')/" "$TMPD/adump" >"$TMPD/adump2"
  mdb_load -s audit -f "$TMPD/adump2" "$TMPD/db-en" 2>/dev/null || fail "mdb_load"
  rm -rf "$TMPD/db"; cp -r "$TMPD/db-en" "$TMPD/db"
  TUI_USER=eka tui audit-tampered '5<Dump>v<Dump>q'
  screen_has audit-tampered "audit chain broken at entry"
  screen_lacks audit-tampered "is intact"
else
  echo "mdb_dump/mdb_load missing (lmdb-utils): tamper check skipped" >&2
fi
exit 0
