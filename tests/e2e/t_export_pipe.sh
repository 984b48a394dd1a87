# An export whose reader goes away early (| head) ends quietly, as other
# Unix tools do: no message, death by SIGPIPE (status 141 in the shell),
# and the export is still in the audit log with the rows that left.
set -u
. "$TOP/tests/e2e/env.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }
db=$TMPD/db
# Far more than a pipe holds (64 kB), so the writer meets the closed pipe.
MUTASI_TODAY=2024-06-01 "$MUTASI" --db "$db" demo --staff 3000 2>"$TMPD/err" ||
  fail "demo: $(cat "$TMPD/err")"

for fmt in csv text; do
  { "$MUTASI" --db "$db" export staff --format $fmt 2>"$TMPD/err"; echo $? >"$TMPD/rc"; } |
    head -n 1 >"$TMPD/out"
  rc=$(cat "$TMPD/rc")
  [ "$rc" = 141 ] || fail "export $fmt | head: exit $rc, wanted 141 (SIGPIPE); stderr: $(cat "$TMPD/err")"
  [ ! -s "$TMPD/err" ] || fail "export $fmt | head printed: $(cat "$TMPD/err")"
  [ "$(wc -l <"$TMPD/out")" = 1 ] || fail "head got no line from export $fmt"
  "$MUTASI" --db "$db" audit >"$TMPD/audit" 2>"$TMPD/err" || fail "audit: $(cat "$TMPD/err")"
  head -n 1 "$TMPD/audit" | awk -F '\t' -v f="$fmt" '$4 == "export staff" && $5 == "staff" {
      split($6, a, " "); if (a[2] + 0 > 0 && a[2] + 0 < 3000 && $6 ~ (f "$")) ok = 1 }
    END { exit !ok }' || fail "newest audit entry is not the cut export ($fmt): $(head -n 1 "$TMPD/audit")"
done
"$MUTASI" --db "$db" audit --verify >"$TMPD/out" 2>"$TMPD/err" || fail "verify: $(cat "$TMPD/err")"

# A reader that takes everything still sees status 0.
"$MUTASI" --db "$db" export staff >"$TMPD/all.csv" 2>"$TMPD/err" || fail "full export: $(cat "$TMPD/err")"
[ "$(wc -l <"$TMPD/all.csv")" = 3001 ] || fail "full export has $(wc -l <"$TMPD/all.csv") lines"
# Any other write error is still an error (exit 1, named).
if [ -w /dev/full ]; then
  "$MUTASI" --db "$db" export staff >/dev/full 2>"$TMPD/err"
  rc=$?
  [ "$rc" = 1 ] || fail "export to a full disk: exit $rc"
  grep -q "writing the export failed" "$TMPD/err" || fail "full disk said: $(cat "$TMPD/err")"
fi
echo "export pipe: all checks passed"
