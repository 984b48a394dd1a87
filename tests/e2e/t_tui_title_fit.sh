#!/bin/sh
# The title line's tabs at 80 columns and wider, in both languages: every
# tab with its name where they fit; in Indonesian at 80 columns the Inbox
# tab's short name ("Masuk" for "Kotak masuk") lets an operator's six tabs
# keep their names; an admin's seven do not fit even so and lose names
# from the right, one tab at a time, until they fit (the open tab keeps
# its name). Never wider than the screen.
. "$TOP/tests/e2e/lib.sh"
MUTASI_DB="$TMPD/db" "$MUTASI" demo --staff 300 >/dev/null 2>"$TMPD/err" || fail "demo: $(cat "$TMPD/err")"
# title NAME: the first line of the dump's first screen
title() {
  sed -n 2p "$TMPD/$1.dump"
}
fits() {
  w=$(title "$1" | sed 's/ *$//' | wc -m)
  [ "$((w - 1))" -le "$2" ] || fail "$1: the title is $((w - 1)) columns wide, the screen $2: $(title "$1")"
}
ID=$(e2e_config_id)
E2E_CONFIG=$ID tui op_id80 '<Dump>q'
title op_id80 | grep -q '^mutasi \[1 Pegawai\] 2 Unit  3 Rencana  4 Masuk([0-9]*)  6 Bantuan  7 Tindak lanjut *$' ||
  fail "operator, Indonesian, 80 columns: $(title op_id80)"
fits op_id80 80
E2E_CONFIG=$ID tui op_id100 '<Dump>q' --size 100x30
title op_id100 | grep -q ' 4 Kotak masuk([0-9]*) ' || fail "operator, Indonesian, 100 columns: $(title op_id100)"
tui op_en80 '<Dump>q'
title op_en80 | grep -q '^mutasi \[1 Staff\] 2 Units  3 Plans  4 Inbox([0-9]*)  6 Help  7 Follow-up *$' ||
  fail "operator, English, 80 columns: $(title op_en80)"
# the admin (seven tabs): at 80 columns in Indonesian the last tab's name
# goes, or the one before it where the last is open; names in English
E2E_CONFIG=$ID TUI_USER=eka tui ad_id80 '2<Dump>q'
title ad_id80 | grep -q '^mutasi  1 Pegawai \[2 Unit\] 3 Rencana  4 Masuk[()0-9]*  5 Audit  6 Bantuan  7 *$' ||
  fail "admin, Indonesian, 80 columns: $(title ad_id80)"
fits ad_id80 80
E2E_CONFIG=$ID TUI_USER=eka tui ad_id80_7 '7<Dump>q'
title ad_id80_7 | grep -q '^mutasi  1 Pegawai  2 Unit .* 5 Audit  6 \[7 Tindak lanjut\] *$' ||
  fail "admin, Indonesian, 80 columns, Follow-up open: $(title ad_id80_7)"
fits ad_id80_7 80
E2E_CONFIG=$ID TUI_USER=eka tui ad_id100 '<Dump>q' --size 100x30
title ad_id100 | grep -q ' 4 Kotak masuk.* 5 Audit  6 Bantuan  7 Tindak lanjut *$' ||
  fail "admin, Indonesian, 100 columns: $(title ad_id100)"
TUI_USER=eka tui ad_en80 '<Dump>q'
title ad_en80 | grep -q ' 5 Audit  6 Help  7 Follow-up *$' || fail "admin, English, 80 columns: $(title ad_en80)"
fits ad_en80 80
echo "title: names where they fit at 80 and 100 columns, en and id; Masuk for the Inbox at 80; an admin's last names dropped from the right"
