#!/bin/sh
# Concurrency test: several operators (processes) on one database at once
# for a bounded time, then:
#   - no reader ever failed (staff find, staff show, workload, export,
#     backup); every hot backup taken meanwhile checks (checkdb);
#   - every writer action either succeeded or was refused with a message
#     (exit 1 and a line on stderr); nothing crashed or hung;
#   - no lost update: each writer alternately imports two versions of its
#     own slice of the staff (other posts in the second version); at the end
#     the database holds, for every slice, the version of that writer's last
#     successful import;
#   - no corruption: checkdb (indexes agree with records, audit chain) and
#     `mutasi audit --verify`.
# Prints operators and actions per second.
#
#   tests/concurrency/concurrency.sh MUTASI CHECKDB [SECONDS] [READERS] [WRITERS]
# Environment: CONC_STAFF (staff in the test region, default 3000).
#
# Plan editors slot in as one more worker kind (worker_plan below) once the
# plan verbs exist: two editors adding the same person to one plan must
# see exactly one success and one clear refusal.
set -u
export MUTASI_CONFIG="$(cd "$(dirname "$0")/../.." && pwd)/tests/config" MUTASI_USER=eka   # the test admin
MUTASI=$1; CHECKDB=$2; SECONDS_=${3:-10}; READERS=${4:-3}; WRITERS=${5:-2}
STAFF=${CONC_STAFF:-3000}
w=$(mktemp -d "${TMPDIR:-/tmp}/mutasi-conc.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM
export MUTASI_TODAY=2026-11-01
unset MUTASI_DB

fail() { echo "concurrency: FAIL: $*" >&2; exit 1; }
has_verb() { $MUTASI "$@" --help >/dev/null 2>&1; }
for v in init import export staff; do
  has_verb "$v" || { echo "concurrency: SKIP: the '$v' verb is not built yet"; exit 77; }
done
[ -x "$CHECKDB" ] || { echo "concurrency: SKIP: $CHECKDB is not built (no store yet)"; exit 77; }
db=$w/db
export MUTASI_DB=$db

sh "$(dirname "$0")/../crash/gendata.sh" "$STAFF" 3 "$w/src" || fail "gendata"
$MUTASI init >/dev/null 2>"$w/err" || fail "init: $(cat "$w/err")"
for what in units positions staff; do
  $MUTASI import $what "$w/src/$what.csv" >/dev/null 2>"$w/err" || fail "import $what: $(cat "$w/err")"
done
$MUTASI export staff >"$w/staff.csv" || fail "export staff"

# Writer slices: rows i with i % WRITERS == w. Version 0 is the exported
# slice; version 1 gives each person the post of the next person of the
# same job family within the slice.
awk -F, -v OFS=, -v W="$WRITERS" -v dir="$w" '
  function field(name,   i) { for (i = 1; i <= NF; i++) if (tolower($i) == name) return i; return 0 }
  NR == 1 { hdr = $0; p = field("position"); u = field("unit"); j = field("job_family"); nip = field("nip")
            for (k = 0; k < W; k++) { print hdr > (dir "/w" k "v0.csv"); print hdr > (dir "/w" k "v1.csv") }; next }
  /"/ { next }                            # quoted commas: keep the awk simple
  { k = (NR - 2) % W; f0 = dir "/w" k "v0.csv"; f1 = dir "/w" k "v1.csv"
    print > f0
    fam = k SUBSEP $j
    line[NR] = $0; slice[NR] = k
    if (fam in last) pair[NR] = last[fam]
    last[fam] = NR; pos[NR] = $p; un[NR] = $u }
  END {
    for (r = 2; r <= NR; r++) {
      if (!(r in line)) continue
      $0 = line[r]
      if (r in pair) { $p = pos[pair[r]]; $u = un[pair[r]] }
      print > (dir "/w" slice[r] "v1.csv")
    }
  }' "$w/staff.csv"
nip_col=$(head -n 1 "$w/staff.csv" | tr ',' '\n' | grep -n -i -x nip | cut -d: -f1)
pos_col=$(head -n 1 "$w/staff.csv" | tr ',' '\n' | grep -n -i -x position | cut -d: -f1)
unit_col=$(head -n 1 "$w/staff.csv" | tr ',' '\n' | grep -n -i -x unit | cut -d: -f1)
[ -n "$nip_col" ] && [ -n "$pos_col" ] && [ -n "$unit_col" ] || fail "staff.csv lacks nip/position/unit columns"
# Every slice's version 1 must import on its own (else the test says nothing).
cp -a "$db" "$w/probe-db"
MUTASI_DB=$w/probe-db $MUTASI import staff "$w/w0v1.csv" >/dev/null 2>"$w/err" ||
  fail "version 1 of a slice does not import even alone: $(head -n 3 "$w/err")"
rm -rf "$w/probe-db"
before=$("$CHECKDB" "$db") || fail "the database does not check before the test"
names=$(awk -F, 'NR > 1 && NR % 97 == 0 {gsub(/"/, "", $2); split($2, a, " "); print tolower(a[1])}' "$w/staff.csv" | head -n 20)
nips=$(awk -F, -v c="$nip_col" 'NR > 1 && NR % 89 == 0 {print $c}' "$w/staff.csv" | head -n 20)

pick() { # N WORDS... -> the Nth word modulo the count
  n=$1; shift; shift $((n % $#)); echo "$1"; }

# Reader actions: those whose verbs exist (workload may come later).
reads_kinds="find show export"
has_verb workload && reads_kinds="$reads_kinds workload"
# A hot backup taken while the writers write must itself be a whole database.
has_verb backup && reads_kinds="$reads_kinds backup"
worker_reader() { # SEED ID
  n=0; errs=0; i=$1; id=$2
  while [ $n = 0 ] || [ "$(date +%s)" -lt "$end" ]; do
    i=$((i + 1))
    case $(pick $i $reads_kinds) in
      find) set -- staff find "$(pick $i $names)" ;;
      show) set -- staff show "$(pick $i $nips)" ;;
      workload) set -- workload ;;
      export) set -- export staff ;;
      backup) rm -rf "$w/bk$id"; set -- backup "$w/bk$id" ;;
    esac
    if ! $MUTASI "$@" >/dev/null 2>"$w/r$id.err"; then
      errs=$((errs + 1)); echo "reader $id: '$*' failed: $(head -n 2 "$w/r$id.err")" >>"$w/reader-errors"
    elif [ "$1" = backup ] && ! "$CHECKDB" "$w/bk$id" >/dev/null 2>"$w/r$id.err"; then
      errs=$((errs + 1)); echo "reader $id: the hot backup does not check: $(head -n 2 "$w/r$id.err")" >>"$w/reader-errors"
    fi
    n=$((n + 1))
  done
  echo "$n $errs" >"$w/reader.$id"
}

worker_writer() { # ID
  k=$1; n=0; ok=0; refused=0; bad=0; v=1; last=0
  while [ $n = 0 ] || [ "$(date +%s)" -lt "$end" ]; do
    $MUTASI import staff "$w/w${k}v$v.csv" >/dev/null 2>"$w/w$k.err"; st=$?
    n=$((n + 1))
    if [ $st = 0 ]; then ok=$((ok + 1)); last=$v
    elif [ $st = 1 ] && [ -s "$w/w$k.err" ]; then refused=$((refused + 1))
      echo "writer $k refused: $(head -n 1 "$w/w$k.err")" >>"$w/refusals"
    else bad=$((bad + 1)); echo "writer $k: exit $st: $(head -n 3 "$w/w$k.err")" >>"$w/writer-errors"
    fi
    v=$((1 - v))
  done
  echo "$n $ok $refused $bad $last" >"$w/writer.$k"
}

# worker_plan: slot. When `plan add` exists, two of these share one plan
# and add the same people; the second add of a person must be refused.

# Every worker acts at least once, then until the deadline.
end=$(($(date +%s) + SECONDS_))
t0=$(date +%s.%N)
pids=""
r=0; while [ $r -lt "$READERS" ]; do worker_reader $((r * 7)) $r & pids="$pids $!"; r=$((r + 1)); done
k=0; while [ $k -lt "$WRITERS" ]; do worker_writer $k & pids="$pids $!"; k=$((k + 1)); done
has_verb plan add && echo "concurrency: note: plan verbs exist but the plan-edit worker is not written yet"
# Bounded: every worker stops at the deadline; one still running two
# minutes later is hung: it is killed and the test fails.
( sleep $((SECONDS_ + 120)); for p in $pids; do kill -KILL "$p" 2>/dev/null; done; touch "$w/hung" ) &
watchdog=$!
for p in $pids; do wait "$p"; done
kill "$watchdog" 2>/dev/null
[ -e "$w/hung" ] && fail "a worker was still running $((SECONDS_ + 120))s after the start"
t1=$(date +%s.%N)

reads=0; rerrs=0
for f in "$w"/reader.*; do read -r n e <"$f"; reads=$((reads + n)); rerrs=$((rerrs + e)); done
writes=0; wok=0; wref=0; wbad=0
for k in $(seq 0 $((WRITERS - 1))); do
  read -r n ok ref bad last <"$w/writer.$k"
  writes=$((writes + n)); wok=$((wok + ok)); wref=$((wref + ref)); wbad=$((wbad + bad))
  eval "last_$k=$last"
done
elapsed=$(echo "$t0 $t1" | awk '{printf "%.2f", $2 - $1}')

[ "$rerrs" = 0 ] || { cat "$w/reader-errors" >&2; fail "$rerrs reader actions failed"; }
[ "$wbad" = 0 ] || { cat "$w/writer-errors" >&2; fail "$wbad writer actions ended without a clear answer"; }
[ "$wok" -gt 0 ] || { head -n 5 "$w/refusals" >&2; fail "no writer action succeeded"; }
after=$("$CHECKDB" "$db" 2>"$w/err") || fail "after the test: $(cat "$w/err")"
if has_verb audit; then
  $MUTASI audit --verify >/dev/null 2>"$w/err" || fail "audit --verify: $(cat "$w/err")"
fi
# counts: the same people; at least one audit entry per successful import
bstaff=$(echo "$before" | sed 's/.*staff=\([0-9]*\).*/\1/'); astaff=$(echo "$after" | sed 's/.*staff=\([0-9]*\).*/\1/')
baud=$(echo "$before" | sed 's/.*audit=\([0-9]*\).*/\1/'); aaud=$(echo "$after" | sed 's/.*audit=\([0-9]*\).*/\1/')
[ "$bstaff" = "$astaff" ] || fail "staff count changed from $bstaff to $astaff"
[ "$aaud" -ge $((baud + wok)) ] || fail "audit has $aaud entries; expected at least $baud + $wok successful imports"
# no lost update: every slice as its writer last wrote it
$MUTASI export staff >"$w/final.csv" || fail "export after the test"
key() { awk -F, -v a="$nip_col" -v b="$pos_col" -v c="$unit_col" 'NR > 1 && !/"/ {print $a "," $b "," $c}' "$1" | sort; }
key "$w/final.csv" >"$w/final.key"
for k in $(seq 0 $((WRITERS - 1))); do
  eval "v=\$last_$k"
  key "$w/w${k}v$v.csv" >"$w/expect.key"
  missing=$(comm -23 "$w/expect.key" "$w/final.key" | wc -l)
  [ "$missing" = 0 ] || { comm -23 "$w/expect.key" "$w/final.key" | head -n 3 >&2
    fail "writer $k's last successful import (version $v) is not what the database holds for $missing people"; }
done

ops=$((READERS + WRITERS))
echo "concurrency: $ops operators ($READERS readers, $WRITERS writers) for ${elapsed}s:" \
  "$reads reads ($(awk -v n="$reads" -v t="$elapsed" 'BEGIN {printf "%.1f", n / t}')/s)," \
  "$writes imports ($(awk -v n="$writes" -v t="$elapsed" 'BEGIN {printf "%.1f", n / t}')/s: $wok done, $wref refused)," \
  "$(awk -v n="$((reads + writes))" -v t="$elapsed" 'BEGIN {printf "%.1f", n / t}') actions/s; no reader error, no lost update, database checks"
[ -s "$w/refusals" ] && { echo "refusals (first 3):"; head -n 3 "$w/refusals"; }
exit 0
