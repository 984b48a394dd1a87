#!/bin/sh
# The staff's voice and the follow-up, through the verbs on the demo
# region (its four plans: EFFECTIVE, APPROVED, SUBMITTED, DRAFT): the
# Inbox per role and per state; an objection that blocks the approval
# until a reviewer answers it; `followup` columns, with the training gaps
# recomputed here from the competencies in the database and SKP before
# and after the TMT (a fall marked); `export training` grouped.
set -u
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/expect.sh"
fail=0
cfg=$(e2e_config)
db="$TMPD/voice-db"
as() { u=$1; shift; MUTASI_USER=$u "$MUTASI" --db "$db" --config "$cfg" "$@"; }
as eka demo >/dev/null 2>&1 || { echo "FAIL demo"; exit 1; }
as ani plan list --format csv >"$TMPD/plans.csv"
id_in() { grep -F ",$1," "$TMPD/plans.csv" | head -1 | cut -d, -f1; }
EFF=$(id_in EFFECTIVE) APR=$(id_in APPROVED) SUB=$(id_in SUBMITTED) DRA=$(id_in DRAFT)
[ -n "$EFF" ] && [ -n "$APR" ] && [ -n "$SUB" ] && [ -n "$DRA" ] ||
  { echo "FAIL: the demo lacks a plan state"; cat "$TMPD/plans.csv"; exit 1; }

# --- the Inbox, per role and per state ------------------------------------
expect_rc 0 "inbox verifier" as budi inbox --format csv
expect_grep "inbox verifier" "$TMPD/out" "id,name,state,step,since,moves"
expect_grep "inbox verifier" "$TMPD/out" "$SUB,"
expect_grep "inbox verifier" "$TMPD/out" ",SUBMITTED,verify,"
[ "$(wc -l <"$TMPD/out")" -eq 2 ] || { echo "FAIL inbox verifier: not one plan"; cat "$TMPD/out"; fail=1; }
expect_rc 0 "inbox reviewer" as citra inbox --format csv
[ "$(wc -l <"$TMPD/out")" -eq 1 ] || { echo "FAIL inbox reviewer: a plan waits"; cat "$TMPD/out"; fail=1; }
expect_rc 0 "inbox author" as ani inbox --format csv
expect_grep "inbox author" "$TMPD/out" ",DRAFT,submit,"
expect_no "inbox author" "$TMPD/out" ",SUBMITTED,"
expect_rc 0 "inbox admin" as eka inbox --format csv
expect_grep "inbox admin" "$TMPD/out" ",APPROVED,issue_sk,"
expect_no "inbox admin" "$TMPD/out" ",EFFECTIVE,"
expect_rc 0 "inbox text" as citra inbox
expect_grep "inbox text" "$TMPD/out" "no plan waits for citra"
expect_rc 2 "inbox bad format" as budi inbox --format xml

# --- an objection blocks the approval until answered -----------------------
NIP=$(as ani plan show "$SUB" --format csv | sed -n 2p | cut -d, -f1)
expect_rc 2 "object without reason" as ani plan object "$SUB" "$NIP"
expect_rc 1 "object by a reviewer" as citra plan object "$SUB" "$NIP" --reason "ibu sakit"
expect_grep "object by a reviewer" "$TMPD/err" "may not record an objection to a move: that needs one of the roles operator, admin"
expect_rc 0 "object" as ani plan object "$SUB" "$NIP" --reason "orang tua sakit di kampung"
expect_rc 1 "object twice" as ani plan object "$SUB" "$NIP" --reason "lagi"
expect_grep "object twice" "$TMPD/err" "already has an objection waiting"
expect_rc 1 "check lists it" as ani plan check "$SUB"
expect_grep "check lists it" "$TMPD/out" "objection         orang tua sakit di kampung"
expect_rc 0 "show marks it" as ani plan show "$SUB"
expect_grep "show marks it" "$TMPD/out" "! OBJECTION (taken in by ani): orang tua sakit di kampung"
expect_rc 0 "verify" as budi plan verify "$SUB"
expect_rc 0 "review" as citra plan review "$SUB"
expect_rc 1 "approve blocked" as dedi plan approve "$SUB"
expect_grep "approve blocked" "$TMPD/err" "cannot be approved: 1 objection waits for an answer"
expect_rc 1 "answer by an operator" as ani plan answer "$SUB" "$NIP" --reason "x"
expect_grep "answer by an operator" "$TMPD/err" "may not answer an objection: that needs the role reviewer"
expect_rc 0 "answer" as citra plan answer "$SUB" "$NIP" --reason "didengar; penempatan tetap"
expect_rc 1 "answer twice" as citra plan answer "$SUB" "$NIP" --reason "x"
expect_rc 0 "approve" as dedi plan approve "$SUB"
expect_rc 1 "object after approval" as ani plan object "$SUB" "$NIP" --reason "terlambat"
expect_grep "object after approval" "$TMPD/err" "objections are heard before it is approved"
expect_rc 0 "audit" as eka audit
expect_grep "audit" "$TMPD/out" "plan object"
expect_grep "audit" "$TMPD/out" "plan answer"
expect_rc 0 "audit verify" as eka audit --verify

# --- follow-up --------------------------------------------------------------
expect_rc 1 "followup before effect" as ani followup "$APR"
expect_grep "followup before effect" "$TMPD/err" "has not taken effect"
# an SKP after the TMT for the first moved person: a fall
as ani followup "$EFF" --format csv >"$TMPD/fu0.csv"
FELL=$(sed -n 2p "$TMPD/fu0.csv" | cut -d, -f1)
as eka export staff >"$TMPD/staff.csv"
awk -v n="$FELL" 'NR == 1 { print $0 ",skp_2027"; next }
  index($0, n ",") == 1 { print $0 ",sangat-kurang"; next } { print $0 "," }' \
  "$TMPD/staff.csv" >"$TMPD/staff2.csv"
MUTASI_TODAY=2028-02-01 expect_rc 0 "skp 2027" as eka import staff "$TMPD/staff2.csv"
expect_rc 0 "followup csv" as ani followup "$EFF" --format csv
cp "$TMPD/out" "$TMPD/fu.csv"
expect_grep "followup csv" "$TMPD/fu.csv" "nip,name,from_position,to_position,tmt,training,skp_before,skp_after"
[ "$(wc -l <"$TMPD/fu.csv")" -ge 2 ] || { echo "FAIL followup: no rows"; fail=1; }
grep -q "^$FELL,.*,sangat-kurang\$" "$TMPD/fu.csv" ||
  { echo "FAIL followup: no SKP after for $FELL"; cat "$TMPD/fu.csv"; fail=1; }
expect_rc 0 "followup text" as ani followup "$EFF"
expect_grep "followup text" "$TMPD/out" "(fell: mentoring)"

# The training column recomputed from the database: every competency of
# the target position held below its level ("code:level" by "|").
as eka export positions >"$TMPD/pos.csv"
as eka export staff >"$TMPD/staff3.csv"
CSVSPLIT='function csvsplit(s, f,   n, i, c, q, cur) {
  n = 0; cur = ""; q = 0
  for (i = 1; i <= length(s); i++) { c = substr(s, i, 1)
    if (q) { if (c == "\"") { if (substr(s, i + 1, 1) == "\"") { cur = cur c; i++ } else q = 0 } else cur = cur c }
    else if (c == "\"") q = 1; else if (c == ",") { f[++n] = cur; cur = "" } else cur = cur c }
  f[++n] = cur; return n }'
awk "$CSVSPLIT"'
  FNR == 1 { split("", h); n = csvsplit($0, h); for (i = 1; i <= n; i++) col[FILENAME, h[i]] = i; next }
  { csvsplit($0, f) }
  FILENAME ~ /pos.csv$/ { need[f[col[FILENAME, "code"]]] = f[col[FILENAME, "competencies"]]; next }
  FILENAME ~ /staff3.csv$/ { held[f[col[FILENAME, "nip"]]] = f[col[FILENAME, "competencies"]]; next }
  { nip = f[1]; to = f[4]; got = f[6]; want = ""
    split("", have); m = split(held[nip], hs, "|")
    for (i = 1; i <= m; i++) { split(hs[i], kv, ":"); have[kv[1]] = kv[2] + 0 }
    m = split(need[to], ns, "|")
    for (i = 1; i <= m; i++) { split(ns[i], kv, ":")
      if ((kv[1] in have ? have[kv[1]] : 0) < kv[2] + 0) want = want (want == "" ? "" : "|") ns[i] }
    if (got != want) { print "FAIL training of " nip ": got \"" got "\", database says \"" want "\""; bad = 1 }
    rows++ }
  END { if (!rows) print "FAIL training: no row compared"; exit bad || !rows }' \
  "$TMPD/pos.csv" "$TMPD/staff3.csv" "$TMPD/fu.csv" || fail=1

# export training: the same gaps grouped by competency
expect_rc 0 "export training" as eka export training "$EFF"
expect_grep "export training" "$TMPD/out" "competency,required_level,people,nips"
awk "$CSVSPLIT"'NR > 1 { csvsplit($0, f); n = split(f[6], g, "|"); for (i = 1; i <= n; i++) if (g[i] != "") c[g[i]]++ }
  END { for (k in c) print k, c[k] }' "$TMPD/fu.csv" | sort >"$TMPD/want-groups"
awk -F, 'NR > 1 { print $1 ":" $2, $3 }' "$TMPD/out" | sort >"$TMPD/got-groups"
cmp -s "$TMPD/want-groups" "$TMPD/got-groups" ||
  { echo "FAIL export training: groups differ from followup"; diff "$TMPD/want-groups" "$TMPD/got-groups"; fail=1; }
expect_rc 0 "audit export" as eka audit
expect_grep "audit export" "$TMPD/out" "export training"

# --- the staff's voice: preferences -----------------------------------------
P1=$(sed -n 2p "$TMPD/staff3.csv" | cut -d, -f1) P2=$(sed -n 3p "$TMPD/staff3.csv" | cut -d, -f1)
U1=$(sed -n 2p "$TMPD/pos.csv" | cut -d, -f2)
DIS=$(as eka export units | awk -F, 'NR > 1 && $NF != "" { print $NF; exit }')
printf 'nip;prefer;avoid;note\n%s;%s|NOWHERE;;dekat rumah\n123;;;\n%s;%s;%s;\n199901012020011999;;;\n%s;;;again\n' \
  "$P1" "$U1" "$P2" "$U1" "$U1" "$P1" >"$TMPD/bad-pref.csv"
expect_rc 1 "preferences with bad rows" as eka import preferences "$TMPD/bad-pref.csv"
expect_grep "bad rows" "$TMPD/err" "bad-pref.csv:2:2: prefer: \"NOWHERE\" is neither a unit code nor a district"
expect_grep "bad rows" "$TMPD/err" "bad-pref.csv:3:1: nip: \"123\" is not a NIP"
expect_grep "bad rows" "$TMPD/err" "bad-pref.csv:4:3: avoid: \"$U1\" is both preferred and avoided"
expect_grep "bad rows" "$TMPD/err" "bad-pref.csv:5:1: nip: nobody has NIP 199901012020011999"
expect_grep "bad rows" "$TMPD/err" "bad-pref.csv:6:1: nip: $P1 appears again (first on line 2)"
expect_grep "bad rows" "$TMPD/err" "5 errors, nothing was imported"
expect_rc 0 "nothing imported" as ani staff show "$P1"
expect_no "nothing imported" "$TMPD/out" "Prefers"
printf 'nip,prefer,avoid,note\n%s,"%s | %s",,"ibu sakit, dekat rumah"\n%s,,%s,\n' \
  "$P1" "$U1" "$DIS" "$P2" "$DIS" >"$TMPD/pref.csv"
expect_rc 0 "preferences" as eka import preferences "$TMPD/pref.csv"
expect_grep "preferences" "$TMPD/err" "2 rows imported into preferences (2 added, 0 replaced)"
expect_rc 0 "staff show wishes" as ani staff show "$P1"
expect_grep "staff show wishes" "$TMPD/out" "$U1|$DIS"
expect_grep "staff show wishes" "$TMPD/out" "ibu sakit, dekat rumah"
expect_rc 0 "staff show avoid" as ani staff show "$P2"
expect_grep "staff show avoid" "$TMPD/out" "$DIS"
expect_rc 0 "audit import" as eka audit
expect_grep "audit import" "$TMPD/out" "import preferences"
exit $fail
