#!/bin/sh
# mutasi export audit: the CSV's rows are the entries `mutasi audit`
# prints (same number, time, user, action, object, before -> after), the
# hashes chain row to row, plan and nip are read out of the object; the
# text listing is aligned and dates it in Indonesian for people; a role
# that may not read the log is refused (exit 1, why); `| head` ends
# quietly; the export is itself in the log.
set -u
. "$TOP/tests/e2e/env.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }
db=$TMPD/db
export MUTASI_TODAY=2026-07-01
"$MUTASI" --db "$db" demo --staff 2000 >/dev/null 2>"$TMPD/err" || fail "demo: $(cat "$TMPD/err")"

"$MUTASI" --db "$db" audit >"$TMPD/audit" 2>"$TMPD/err" || fail "audit: $(cat "$TMPD/err")"
n=$(wc -l <"$TMPD/audit")
[ "$n" -gt 5 ] || fail "the demo left only $n audit entries"
"$MUTASI" --db "$db" export audit >"$TMPD/audit.csv" 2>"$TMPD/err" ||
  fail "export audit: $(cat "$TMPD/err")"
[ "$(head -n 1 "$TMPD/audit.csv")" = \
  "number,time,user,action,object,plan,nip,before,after,prev_hash,hash,data_digest" ] ||
  fail "header: $(head -n 1 "$TMPD/audit.csv")"
[ "$(wc -l <"$TMPD/audit.csv")" = $((n + 1)) ] ||
  fail "export has $(wc -l <"$TMPD/audit.csv") lines for $n entries"

# The CSV's rows (RFC 4180, split by hand: mawk has no FPAT) as the audit
# verb prints them, and the hash chain and plan/nip columns checked.
awk '
function split_csv(line, f,    n, i, c, q, cell) {
  n = 0; cell = ""; q = 0
  for (i = 1; i <= length(line); i++) {
    c = substr(line, i, 1)
    if (q) {
      if (c == "\"") { if (substr(line, i + 1, 1) == "\"") { cell = cell c; i++ } else q = 0 }
      else cell = cell c
    } else if (c == "\"") q = 1
    else if (c == ",") { f[++n] = cell; cell = "" }
    else cell = cell c
  }
  f[++n] = cell
  return n
}
NR == 1 { next }
{
  if (split_csv($0, f) != 12) { print "bad row " NR ": " $0 > "/dev/stderr"; exit 1 }
  if (NR > 2 && f[10] != prev) { print "chain broken at " f[1] > "/dev/stderr"; exit 1 }
  prev = f[11]
  if (f[5] ~ /^plan [0-9]+/) { split(f[5], w, " "); if (f[6] != w[2]) { print "plan of " f[1] > "/dev/stderr"; exit 1 } }
  else if (f[6] != "") { print "plan without one in " f[1] > "/dev/stderr"; exit 1 }
  # (mawk has no {n} intervals: lengths are checked apart)
  if (f[4] == "plan add" && (length(f[7]) != 18 || index(f[5], f[7]) == 0)) { print "nip of " f[1] > "/dev/stderr"; exit 1 }
  split(f[12], dg, "|"); split(dg[1], kv, ":")
  if (kv[1] !~ /^[a-z]+$/ || length(kv[2]) != 64) { print "no digest in " f[1] > "/dev/stderr"; exit 1 }
  d = (f[8] != "" || f[9] != "") ? f[8] " -> " f[9] : ""
  print f[1] "\t" f[2] "\t" f[3] "\t" f[4] "\t" f[5] "\t" d
}' "$TMPD/audit.csv" >"$TMPD/from_csv" || fail "the CSV's rows do not hold"
grep -q '	plan add	plan [0-9]' "$TMPD/from_csv" || fail "no plan add row to check plan/nip on"
sort -n "$TMPD/audit" >"$TMPD/audit_sorted"
cmp -s "$TMPD/from_csv" "$TMPD/audit_sorted" ||
  { diff "$TMPD/audit_sorted" "$TMPD/from_csv" | head >&2; fail "CSV rows differ from audit's entries"; }

# The export is itself in the log, with its rows and format.
"$MUTASI" --db "$db" audit | head -n 1 | grep -q "	export audit	audit	 -> $n rows, csv$" ||
  fail "export not audited: $("$MUTASI" --db "$db" audit | head -n 1)"

# Text: a heading and a line an entry, aligned; dates as people read them
# in Indonesian, ISO nowhere.
LANGUAGE=id "$MUTASI" --db "$db" export audit --format text -o "$TMPD/audit.txt" 2>"$TMPD/err" ||
  fail "export audit text: $(cat "$TMPD/err")"
[ "$(wc -l <"$TMPD/audit.txt")" = $((n + 2)) ] || fail "text has $(wc -l <"$TMPD/audit.txt") lines"
grep -q "[0-9] [A-Z][a-z]* 20[0-9][0-9] [0-9][0-9]:" "$TMPD/audit.txt" || fail "text in id: no Indonesian date"
ucol=$(head -n 1 "$TMPD/audit.txt" | awk '{ print index($0, "Pengguna") }')
# (details keep what the entry recorded, e.g. "TMT 2026-11-17")
cut -c "1-$ucol" "$TMPD/audit.txt" | grep -q '[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]' &&
  fail "text in id: an ISO time"
# aligned: the action column starts at the same character on every line
# as in the heading (the actions are ASCII)
col=$(head -n 1 "$TMPD/audit.txt" | awk '{ print index($0, "Tindakan") }')
[ "$col" -gt 0 ] || fail "text heading: $(head -n 1 "$TMPD/audit.txt")"
awk -v c="$col" 'NR > 1 && (substr($0, c - 2, 2) != "  " || substr($0, c, 1) == " ") { bad = NR }
  END { exit bad }' "$TMPD/audit.txt" || fail "text not aligned at column $col"

# A role that may not read the log: refused, exit 1, and why.
MUTASI_USER=ani "$MUTASI" --db "$db" export audit >"$TMPD/out" 2>"$TMPD/err"
rc=$?
[ "$rc" = 1 ] || fail "ani's export audit: exit $rc"
[ ! -s "$TMPD/out" ] || fail "ani got rows"
grep -q "ani may not read the audit log" "$TMPD/err" || fail "ani was told: $(cat "$TMPD/err")"
MUTASI_USER=ani "$MUTASI" --db "$db" export audit -o "$TMPD/ani.csv" 2>/dev/null
[ $? = 1 ] && [ ! -e "$TMPD/ani.csv" ] || fail "ani's refused export audit -o made a file"
"$MUTASI" --db "$db" export audit --format xlsx -o "$TMPD/x.xlsx" 2>/dev/null
[ $? = 2 ] || fail "export audit --format xlsx is not a usage error"

# | head: a log far longer than a pipe holds ends quietly (SIGPIPE), and
# the cut export is in the log.
i=0
while [ $i -lt 120 ]; do
  "$MUTASI" --db "$db" export units >/dev/null 2>&1 || fail "export units $i"
  i=$((i + 1))
done
{ "$MUTASI" --db "$db" export audit 2>"$TMPD/err"; echo $? >"$TMPD/rc"; } | head -n 1 >/dev/null
rc=$(cat "$TMPD/rc")
[ "$rc" = 141 ] || fail "export audit | head: exit $rc; stderr: $(cat "$TMPD/err")"
[ ! -s "$TMPD/err" ] || fail "export audit | head printed: $(cat "$TMPD/err")"
"$MUTASI" --db "$db" audit | head -n 1 | grep -q '	export audit	audit	 -> [0-9]* rows, csv$' ||
  fail "cut export not audited"
"$MUTASI" --db "$db" audit --verify >/dev/null 2>"$TMPD/err" || fail "verify: $(cat "$TMPD/err")"
echo "export audit: all checks passed"
