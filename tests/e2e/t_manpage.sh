# The man page describes every verb that `mutasi --help` lists, and is
# well-formed troff.
set -u
fail=0
verbs=$("$MUTASI" --help | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p' | sort -u)
[ -n "$verbs" ] || { echo "no verbs found in --help"; exit 1; }
for v in $verbs; do
  grep -Eq "^\.(B|BR|BI) \"?$v( |\"|$)" "$TOP/doc/mutasi.1" ||
    { echo "verb '$v' is missing from doc/mutasi.1"; fail=1; }
done
if command -v groff >/dev/null 2>&1; then
  warnings=$(groff -man -Tutf8 -ww -z "$TOP/doc/mutasi.1" 2>&1)
  [ -z "$warnings" ] || { echo "groff: $warnings"; fail=1; }
fi
exit $fail
