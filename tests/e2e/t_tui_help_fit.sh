#!/bin/sh
# Help lines fit or wrap at 80 columns (issue 14 item 10, in part): no
# line of the Help screen (key list and every screen's notes) is cut, in
# English and Indonesian; a wrapped line goes on under its start.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
# PgDn moves half a page: ten of them pass the last of the ~110 lines.
pages='6<Dump>'
i=0
while [ $i -lt 10 ]; do pages="$pages<PgDn><Dump>"; i=$((i + 1)); done
for lang in en id; do
  if [ $lang = id ]; then E2E_CONFIG=$(e2e_config_id); else E2E_CONFIG=$(e2e_config); fi
  export E2E_CONFIG
  tui help_$lang "$pages"
  # the body rows (2..22) of every page: none ends with the cut mark
  cut=$(awk '/^--- screen /{n=0; a=0; next} /^--- attributes/{a=1} !a {n++} !a && n>=3 && n<=22' \
    "$TMPD/help_$lang.dump" | grep '…$' || true)
  [ -z "$cut" ] || fail "$lang: help lines cut: $cut"
done
screen_has help_en "Enter lists its positions and"
grep -q '^   people\.$' "$TMPD/help_en.dump" || fail "en: the wrapped rest is not under its line"
echo "help: every line fits or wraps, en and id"
