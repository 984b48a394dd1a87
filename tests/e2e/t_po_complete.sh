#!/bin/sh
# Every message in the sources has a translation in po/id.po and po/en.po
# (nothing missing, untranslated or fuzzy). Fix with `make po`, then
# translate the new entries of po/id.po.
set -u
cd "$TOP"
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=NC_:1c,2 \
  -o "$TMPD/now.pot" $(find src -name '*.c' | sort) || { echo "xgettext failed"; exit 1; }
n=$(grep -c '^msgid "' "$TMPD/now.pot")
[ "$n" -gt 50 ] || { echo "only $n messages extracted: xgettext found too little"; exit 1; }
status=0
for l in id en; do
  if ! msgcmp "po/$l.po" "$TMPD/now.pot" >"$TMPD/$l.cmp" 2>&1; then
    echo "po/$l.po lacks translations (run 'make po' and translate):"
    head -n 20 "$TMPD/$l.cmp"
    status=1
  fi
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "po/$l.po" | grep -c '^msgid "' || true)
  [ "$fuzzy" = 0 ] || { echo "po/$l.po has $fuzzy fuzzy entries"; status=1; }
  msgfmt --check -o /dev/null "po/$l.po" || status=1
done
# A sample of the Indonesian catalogue is really Indonesian.
grep -q '^msgstr "Pegawai"' po/id.po || { echo "po/id.po: \"Staff\" is not translated as Pegawai"; status=1; }
exit $status
