#!/bin/sh
# A damaged file and a change behind mutasi's back (issue 18):
#  - a record edited with liblmdb alone and re-sealed (tests/tools/lmdbpoke)
#    reads back well-formed, so `verify` finds no damage, but `audit
#    --verify` says the data differs from the log and names the database;
#  - `audit --head` anchors the chain; `--verify --against` passes through
#    an old anchor after more writes and refuses a forged one;
#  - record values damaged on purpose (several seeds): `verify` names every
#    one by database and key, and reading verbs refuse instead of decoding;
#  - bytes flipped anywhere past LMDB's meta pages (many seeds): no
#    process ends on a signal, and `verify` always ends with a report.
. "$TOP/tests/e2e/lib.sh"
POKE="$TOP/build/tests/lmdbpoke"
[ -x "$POKE" ] || fail "no $POKE: run make first"
seeds=${FAULT_SEEDS:-12}
[ -n "${MUTASI_UNDER_VALGRIND:-}" ] && seeds=2
base="$TMPD/base"
MUTASI_DB="$base" "$MUTASI" demo --staff 1500 >/dev/null 2>&1 || fail "demo failed"

# --- behind mutasi's back ----------------------------------------------------
db="$TMPD/poked"; cp -r "$base" "$db"
MUTASI_DB="$db" "$MUTASI" audit --verify >"$TMPD/out" 2>&1 || fail "a fresh demo does not verify: $(cat "$TMPD/out")"
grep -q "the data matches audit entry" "$TMPD/out" || fail "audit --verify did not check the data: $(cat "$TMPD/out")"
nip=$("$POKE" "$db" staff first) || fail "lmdbpoke first"
"$POKE" "$db" staff "$nip" edit || fail "lmdbpoke edit"
MUTASI_DB="$db" "$MUTASI" verify >"$TMPD/out" 2>&1 || fail "a re-sealed edit is not damage, but verify said: $(cat "$TMPD/out")"
MUTASI_DB="$db" "$MUTASI" audit --verify >"$TMPD/out" 2>&1 && fail "audit --verify missed a change made behind its back"
grep -q "differs from audit entry .* in: staff " "$TMPD/out" || fail "audit --verify does not name staff: $(cat "$TMPD/out")"

# --- anchors -------------------------------------------------------------------
db="$TMPD/anchor"; cp -r "$base" "$db"
head=$(MUTASI_DB="$db" "$MUTASI" audit --head) || fail "audit --head"
echo "$head" | grep -Eq '^[0-9]+:[0-9a-f]{64}$' || fail "audit --head printed \"$head\""
MUTASI_DB="$db" "$MUTASI" --config "$(e2e_config)" plan new "Anchor test" >"$TMPD/out" 2>&1 || fail "plan new: $(cat "$TMPD/out")"
MUTASI_DB="$db" "$MUTASI" audit --verify --against "$head" >"$TMPD/out" 2>&1 ||
  fail "the chain no longer passes through $head: $(cat "$TMPD/out")"
grep -q "passes through $head" "$TMPD/out" || fail "no word on the anchor: $(cat "$TMPD/out")"
forged="${head%%:*}:$(printf '%064d' 0)"
MUTASI_DB="$db" "$MUTASI" audit --verify --against "$forged" >"$TMPD/out" 2>&1 && fail "a forged anchor passed"
grep -q "was rewritten" "$TMPD/out" || fail "forged anchor: $(cat "$TMPD/out")"
MUTASI_DB="$db" "$MUTASI" audit --verify --against 12x >/dev/null 2>&1; [ $? = 2 ] || fail "a malformed anchor is not a usage error"

# --- record values damaged: every one named ------------------------------------------
MUTASI_DB="$base" "$MUTASI" export staff | cut -d, -f1 | sed 1d >"$TMPD/nips"
total=$(wc -l <"$TMPD/nips")
s=1
while [ $s -le $seeds ]; do
  db="$TMPD/val$s"; cp -r "$base" "$db"
  : >"$TMPD/hit$s"
  for i in 1 2 3; do
    n=$(( (s * 7919 + i * 104729) % total + 1 ))
    nip=$(sed -n "${n}p" "$TMPD/nips")
    grep -qx "$nip" "$TMPD/hit$s" && continue
    "$POKE" "$db" staff "$nip" damage || fail "lmdbpoke damage $nip"
    echo "$nip" >>"$TMPD/hit$s"
  done
  MUTASI_DB="$db" "$MUTASI" verify >"$TMPD/out" 2>"$TMPD/err"; rc=$?
  [ $rc = 1 ] || fail "seed $s: verify exit $rc on damaged records"
  while read -r nip; do
    grep -q "^staff: key \"$nip\": the record is damaged" "$TMPD/out" || fail "seed $s: verify did not name staff $nip: $(cat "$TMPD/out")"
  done <"$TMPD/hit$s"
  nip=$(head -n 1 "$TMPD/hit$s")
  MUTASI_DB="$db" "$MUTASI" staff show "$nip" >/dev/null 2>"$TMPD/err"; rc=$?
  [ $rc = 1 ] || fail "seed $s: staff show of a damaged record: exit $rc"
  grep -q "in staff (key \"$nip\") is damaged" "$TMPD/err" || fail "seed $s: $(cat "$TMPD/err")"
  s=$((s + 1))
done

# --- bytes flipped anywhere: never a bare signal ------------------------------------
size=$(wc -c <"$base/data.mdb")
s=1
while [ $s -le $seeds ]; do
  db="$TMPD/flip$s"; cp -r "$base" "$db"
  i=0
  while [ $i -lt 20 ]; do
    # past the two meta pages (LMDB checks those itself)
    off=$(( 8192 + (s * 2654435761 + i * 40503) % (size - 8192) ))
    printf '\377' | dd of="$db/data.mdb" bs=1 seek=$off conv=notrunc 2>/dev/null
    i=$((i + 1))
  done
  for cmd in "staff find Siti" "export staff" "workload" "audit --verify" "verify"; do
    # shellcheck disable=SC2086
    MUTASI_DB="$db" "$MUTASI" $cmd >"$TMPD/out" 2>"$TMPD/err"; rc=$?
    [ $rc -lt 128 ] || fail "seed $s: '$cmd' ended on signal $((rc - 128))"
    if [ $rc = 1 ] && [ "$cmd" = verify ]; then
      grep -q "damaged" "$TMPD/err" || fail "seed $s: verify exit 1 without a report: $(cat "$TMPD/err")"
    fi
  done
  s=$((s + 1))
done
echo "faults: a change behind mutasi's back found; anchors hold; damage named over $seeds seeds, no signal"
