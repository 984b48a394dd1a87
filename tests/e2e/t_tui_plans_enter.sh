#!/bin/sh
# Plans (3) on the demo region, in both languages: Enter on the plan that
# took effect (plan 1) opens its follow-up, as F does; e opens it in the
# editor; Enter on any other plan opens the editor. Keys typed ahead of
# the first draw (3F, 3e) act on the screen they switched to.
set -u
. "$TOP/tests/e2e/lib.sh"
"$MUTASI" --db "$TMPD/db" demo --staff 2000 >"$TMPD/demo.log" 2>&1 || { cat "$TMPD/demo.log"; fail "demo"; }
"$MUTASI" --db "$TMPD/db" plan list --format csv | grep -q '^1,.*,EFFECTIVE,' || fail "plan 1 did not take effect"
for lang in en id; do
  cfg=$(e2e_config "$lang")
  case $lang in en) fu="follow-up of plan 1" ed="Plan editor" ;; id) fu="tindak lanjut rencana 1" ed="Penyunting rencana" ;; esac
  E2E_CONFIG=$cfg tui "enter-$lang" '3<Dump><Enter><Dump>q<Dump>e<Dump>qj<Enter><Dump>'
  awk '/^--- screen 2/{f=1} /^--- screen 3/{f=0} f' "$TMPD/enter-$lang.dump" | grep -qF "$fu" ||
    fail "$lang: Enter on plan 1 did not open its follow-up"
  awk '/^--- screen 4/{f=1} /^--- screen 5/{f=0} f' "$TMPD/enter-$lang.dump" | grep -qF "$ed" ||
    fail "$lang: e did not open the editor of plan 1"
  awk '/^--- screen 5/{f=1} f' "$TMPD/enter-$lang.dump" | grep -qF "$ed" ||
    fail "$lang: Enter on plan 2 did not open the editor"
  E2E_CONFIG=$cfg tui "ahead-$lang" '1<Dump>3F<Dump>'
  awk '/^--- screen 2/{f=1} f' "$TMPD/ahead-$lang.dump" | grep -qF "$fu" || fail "$lang: 3F lost the F"
done
echo "plans: Enter opens the follow-up of a plan that took effect, e the editor"
