#!/bin/sh
# Crash test: starts a write action, kills it with SIGKILL at a random
# moment, and checks that nothing was half done:
#   - the database opens (checkdb, read-only, no recovery step);
#   - every index agrees with its records (store_check_indexes);
#   - the counts (units, positions, staff, audit entries) are those before
#     the action or those after it ran to completion (measured on a copy
#     made just before): an action is one transaction, all or nothing;
#   - the audit chain verifies (checkdb and `mutasi audit --verify`).
#
#   tests/crash/crashtest.sh MUTASI CHECKDB KILLS [SEED]
# Environment: CRASH_STAFF (staff in the test region, default 20000),
# CRASH_BIG_DEMO (people in the demo-big action; unset: no such action),
# CRASH_WORK (keep the work directory there instead of a temp one).
# The seed is printed; the same seed gives the same actions and delays.
#
# Actions (picked at random per kill):
#   import-a   import staff A.csv (all the region's staff)
#   import-b   import staff B.csv (the same people with other posts: every
#              record and its unit/position index entries change)
#   demo       demo fill of an empty database (CRASH_STAFF people: one
#              write transaction)
#   demo-big   demo fill of CRASH_BIG_DEMO people (when set; make crashtest
#              sets 120000): more than one batch of the demo writer
#   plan-apply `plan apply` of a plan of up to 400 moves with its SK issued
#              and its TMT today (made once: the region with a short
#              position in every bidang, `plan suggest`, the route as
#              ani, budi, citra, dedi and eka): every move is one staff
#              record and one history line, all in one transaction
# CRASH_ACTIONS (a list of the names above) limits the kills to those.
set -u
export MUTASI_CONFIG="$(cd "$(dirname "$0")/../.." && pwd)/tests/config" MUTASI_USER=eka   # the test admin
MUTASI=$1; CHECKDB=$2; KILLS=${3:-20}; SEED=${4:-$(date +%s)}
STAFF=${CRASH_STAFF:-20000}
if [ -n "${CRASH_WORK:-}" ]; then w=$CRASH_WORK; rm -rf "$w"; mkdir -p "$w"
else w=$(mktemp -d "${TMPDIR:-/tmp}/mutasi-crash.XXXXXX"); trap 'rm -rf "$w"' EXIT INT TERM; fi
export MUTASI_TODAY=2026-11-01
unset MUTASI_DB

fail() { echo "crashtest: FAIL: $*" >&2; echo "crashtest: seed $SEED (repeat with the same seed)" >&2; exit 1; }
has_verb() { $MUTASI "$@" --help >/dev/null 2>&1; }
m() { db=$1; shift; MUTASI_DB=$db $MUTASI "$@"; }

for v in init import export; do
  has_verb "$v" || { echo "crashtest: SKIP: the '$v' verb is not built yet"; exit 77; }
done
have_audit=1
has_verb audit || { have_audit=0; echo "crashtest: note: no 'audit' verb yet: the chain is checked by checkdb only"; }
[ -x "$CHECKDB" ] || { echo "crashtest: SKIP: $CHECKDB is not built (no store yet)"; exit 77; }
echo "crashtest: seed $SEED, $KILLS kills, $STAFF staff, work in $w"

# --- the data -------------------------------------------------------------
sh "$(dirname "$0")/gendata.sh" "$STAFF" 7 "$w" || fail "gendata"
cp "$w/staff.csv" "$w/A.csv"
# B: every person takes the post (position, unit) of the next person with
# the same job family, so that the import rewrites records and indexes.
awk -F, -v OFS=, '
  function field(name,   i) { for (i = 1; i <= NF; i++) if (tolower($i) == name) return i; return 0 }
  NR == 1 { print; p = field("position"); u = field("unit"); j = field("job_family"); next }
  /"/ { keep[NR] = $0; next }           # rows with quoted commas: leave as they are
  { row[NR] = $0; fam = $j; if (fam in last) { pair[NR] = last[fam] }; last[fam] = NR; pos[NR] = $p; un[NR] = $u }
  END {
    for (r = 2; r <= NR; r++) {
      if (r in keep) { print keep[r]; continue }
      $0 = row[r]
      if (r in pair) { $p = pos[pair[r]]; $u = un[pair[r]] }
      print
    }
  }' "$w/staff.csv" >"$w/B.csv"
cmp -s "$w/A.csv" "$w/B.csv" && fail "B.csv does not differ from A.csv (no position/unit/job_family columns?)"
m "$w/base" init >/dev/null || fail "init"
m "$w/base" import units "$w/units.csv" >/dev/null || fail "import units"
m "$w/base" import positions "$w/positions.csv" >/dev/null || fail "import positions"
"$CHECKDB" "$w/base" >/dev/null || fail "the base database does not check"
m "$w/empty" init >/dev/null || fail "init"

# --- the actions ------------------------------------------------------------
# Each action runs on the database given; "target" says which database it
# changes: the main one, or a fresh copy of the empty one (demo).
actions="import-a import-b"
if has_verb demo; then actions="$actions demo"
  [ -n "${CRASH_BIG_DEMO:-}" ] && actions="$actions demo-big"
else echo "crashtest: note: no 'demo' verb yet: no demo-fill kills"; fi
# plan-apply: the region with one more position in every bidang, each 10
# short (750,000 minutes), so that the optimiser finds moves, and a plan
# of them taken through the route up to the SK, TMT today.
mu() { u=$1; db=$2; shift 2; MUTASI_USER=$u MUTASI_DB=$db $MUTASI "$@"; }
approved_plan() {
  a="$w/approved"
  awk -F, -v OFS=, 'NR == 1 { print; next }
    { print; if ($1 ~ /P1$/) { n++; print "X" $2, $2, "Jabatan baru " n, "pelaksana", "", $6, "II/a", "SMA", 750000 } }' \
    "$w/positions.csv" >"$w/positions-apply.csv"
  signer=$(sed -n 2p "$w/A.csv" | cut -d, -f1)
  { mu eka "$a" init && mu eka "$a" import units "$w/units.csv" &&
    mu eka "$a" import positions "$w/positions-apply.csv" && mu eka "$a" import staff "$w/A.csv" &&
    apply_id=$(mu ani "$a" plan new "Crash apply") &&
    mu ani "$a" plan suggest "$apply_id" --max-moves 400 && mu ani "$a" plan submit "$apply_id" &&
    mu budi "$a" plan verify "$apply_id" && mu citra "$a" plan review "$apply_id" &&
    mu dedi "$a" plan approve "$apply_id" &&
    mu eka "$a" plan issue-sk "$apply_id" --number 800/1/CRASH/2026 --date 2026-10-20 \
      --tmt "$MUTASI_TODAY" --signer "$signer"; } >"$w/apply-setup.log" 2>&1 ||
    fail "the plan to apply could not be made: $(tail -n 3 "$w/apply-setup.log")"
  moves=$(mu ani "$a" plan show "$apply_id" --format csv 2>/dev/null | tail -n +2 | wc -l)
  [ "$moves" -gt 0 ] || fail "the plan to apply has no moves"
  echo "crashtest: plan-apply: plan $apply_id with $moves moves"
}
if has_verb plan apply; then
  approved_plan
  actions="$actions plan-apply"
fi
if [ -n "${CRASH_ACTIONS:-}" ]; then
  keep=""
  for a in $CRASH_ACTIONS; do
    case " $actions " in *" $a "*) keep="$keep $a" ;; *) fail "CRASH_ACTIONS: no action $a here (have:$actions)" ;; esac
  done
  actions=$keep
fi

# run_action ACTION DB: becomes the action's process (exec), so call it in
# a subshell; in the background its $! is then the process to kill.
run_action() {
  case $1 in
    import-a) exec env MUTASI_DB="$2" $MUTASI import staff "$w/A.csv" ;;
    import-b) exec env MUTASI_DB="$2" $MUTASI import staff "$w/B.csv" ;;
    # --no-plans: the region is the one-transaction action tested here; the
    # demo's plans are later actions of their own, each one transaction
    demo) exec env MUTASI_DB="$2" $MUTASI demo --staff "$STAFF" --seed 11 --no-plans ;;
    demo-big) exec env MUTASI_DB="$2" $MUTASI demo --staff "$CRASH_BIG_DEMO" --seed 12 --no-plans ;;
    plan-apply) exec env MUTASI_DB="$2" $MUTASI plan apply "$apply_id" ;;
  esac
}
target_of() { # ACTION -> the database it works on
  case $1 in demo*) echo "$w/demo" ;; plan-apply) echo "$w/apply" ;; *) echo "$w/db" ;; esac
}
prepare_target() {
  case $1 in
    demo*) rm -rf "$w/demo"; cp -a "$w/empty" "$w/demo" ;;
    plan-apply) rm -rf "$w/apply"; cp -a "$w/approved" "$w/apply" ;;
  esac
}

# state DB: the counts and a digest of every staff record (checkdb: read
# only; an export would not do, as it appends to the audit chain).
state() { "$CHECKDB" "$1"; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

cp -a "$w/base" "$w/db"
nact=$(echo $actions | wc -w)
# The random stream: for every kill, which action and where in its run.
awk -v seed="$SEED" -v k="$KILLS" -v n="$nact" 'BEGIN {
  srand(seed); for (i = 0; i < k; i++) printf "%d %.4f\n", int(rand() * n) + 1, rand() * 1.15 }' >"$w/plan.txt"

mid=0; done_before=0; i=0; skipped=""
while read -r a frac; do
  i=$((i + 1))
  act=$(echo $actions | cut -d' ' -f"$a")
  case " $skipped " in *" $act "*) continue ;; esac
  prepare_target "$act"
  db=$(target_of "$act")
  before=$(state "$db" 2>"$w/err") || fail "kill $i: before $act the database does not check: $(cat "$w/err")"
  rm -rf "$w/ref"; cp -a "$db" "$w/ref"
  t0=$(now_ms)
  if ! (run_action "$act" "$w/ref") >/dev/null 2>"$w/err"; then
    echo "crashtest: note: $act does not run to completion here, left out: $(head -n 2 "$w/err")"
    skipped="$skipped $act"; continue
  fi
  t1=$(now_ms)
  after=$(state "$w/ref" 2>"$w/err") || fail "kill $i: $act ran to completion but the result does not check: $(cat "$w/err")"
  delay=$(awk -v f="$frac" -v d="$((t1 - t0))" 'BEGIN {printf "%.3f", f * d / 1000}')

  (run_action "$act" "$db") >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -KILL $pid 2>/dev/null
  { wait $pid; } 2>/dev/null; st=$?
  if [ $st = 137 ]; then mid=$((mid + 1)); else done_before=$((done_before + 1)); fi

  got=$(state "$db" 2>"$w/err") || fail "kill $i ($act after ${delay}s): $(cat "$w/err")"
  if [ "$got" = "$before" ]; then state=before
  elif [ "$got" = "$after" ]; then state=after
  else fail "kill $i ($act after ${delay}s): counts are $got; before the action $before; after it $after"
  fi
  [ $have_audit = 0 ] || m "$db" audit --verify >/dev/null 2>"$w/err" || fail "kill $i ($act after ${delay}s): audit --verify: $(cat "$w/err")"
  printf 'kill %3d  %-9s after %6ss  exit %3s  -> %s (%s)\n' "$i" "$act" "$delay" "$st" "$state" "$got"
done <"$w/plan.txt"

[ $mid -gt 0 ] || fail "no kill landed while an action was running"
echo "crashtest: $((mid + done_before)) kills survived ($mid during the action, $done_before after it had ended), seed $SEED"
