#!/bin/sh
# A plan add and a plan apply that run out of space (issue 18): the region
# and the route of t_approval up to the SK plus a draft, a compact copy on
# a small tmpfs filled to the last block, then `plan add` to the draft and
# `plan apply` on its TMT: each exit 1, the sentence naming the
# filesystem, the database as it was (the audit head, and the data still
# matching it); with room again both go through. Needs root
# and unshare -m (tmpfs in a private mount namespace); skipped otherwise.
. "$TOP/tests/e2e/lib.sh"
if [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then
  echo "skipped: needs root and unshare -m to mount a small tmpfs"
  exit 0
fi
export MUTASI_TODAY=2026-06-15
fx="$FIXTURES/workload"
SITI=198503152010012001 NUR=198601012010012003 SEKDA=197001012000011001
cfg="$TMPD/cfg"; mkdir -p "$cfg"; cp "$TOP"/config/*.yaml "$cfg/"
cp "$TOP/config/demo/users.yaml" "$cfg/users.yaml"
printf '  fajar: [operator, verifier]\n' >>"$cfg/users.yaml"
{ cat "$fx/staff.csv"
  printf '%s\n' '198601012010012003,"Nur Hasanah, S.Kep.",P,1986-01-01,PNS,III/a,PERAWAT1,PKM1,2015-01-01,2011-01-01,S-1,Keperawatan,kesehatan,baik,baik,,,,Sukamaju,KEP:2'
} >"$TMPD/staff.csv"
as() { u=$1; shift; MUTASI_USER=$u "$MUTASI" --db "${DB:-$TMPD/db}" --config "$cfg" "$@" >"$TMPD/out" 2>"$TMPD/err" ||
  fail "$u $*: $(cat "$TMPD/err")"; }
as eka init; as eka import units "$fx/units.csv"; as eka import positions "$fx/positions.csv"
as eka import staff "$TMPD/staff.csv"
as fajar plan new "Mutasi Perawat 2026" --period 2026
as fajar plan add 1 $SITI PERAWAT2; as fajar plan add 1 $NUR BIDAN1
as fajar plan submit 1; as budi plan verify 1; as citra plan review 1; as dedi plan approve 1
as eka plan issue-sk 1 --number 800/123/BKPSDM/2026 --date 2026-06-20 --tmt 2026-07-01 --signer $SEKDA
as fajar plan new "Draft on a full disk"
mnt="$TMPD/mnt"; mkdir -p "$mnt"
cat >"$TMPD/inner.sh" <<EOS
set -u
. "$TOP/tests/e2e/lib.sh"
export MUTASI_TODAY=2026-07-01 MUTASI_USER=eka
M="$MUTASI"; mnt="$mnt"; T="$TMPD"
state() { "\$M" --db "\$mnt/db" audit --head; "\$M" --db "\$mnt/db" audit --verify 2>&1 | tail -n 1; }
mount -t tmpfs -o size=4m tmpfs "\$mnt" || fail "mount"
"\$M" --db "$TMPD/db" backup "\$mnt/db" 2>/dev/null || fail "backup into the tmpfs"
before=\$(state)
dd if=/dev/zero of="\$mnt/filler" bs=4k 2>/dev/null
MUTASI_USER=fajar "\$M" --db "\$mnt/db" --config "$cfg" plan add 2 $SITI PERAWAT2 >/dev/null 2>"\$T/err"; rc=\$?
[ \$rc = 1 ] || fail "plan add on a full disk: exit \$rc: \$(cat "\$T/err")"
grep -q "the filesystem \$mnt (holding .*) is full" "\$T/err" || fail "plan add: \$(cat "\$T/err")"
[ "\$(state)" = "\$before" ] || fail "plan add on a full disk changed the database"
"\$M" --db "\$mnt/db" --config "$cfg" plan apply 1 >/dev/null 2>"\$T/err"; rc=\$?
[ \$rc = 1 ] || fail "plan apply on a full disk: exit \$rc: \$(cat "\$T/err")"
grep -q "the filesystem \$mnt (holding .*) is full" "\$T/err" || fail "plan apply: \$(cat "\$T/err")"
[ "\$(state)" = "\$before" ] || fail "plan apply on a full disk changed the database"
rm -f "\$mnt/filler"
MUTASI_USER=fajar "\$M" --db "\$mnt/db" --config "$cfg" plan add 2 $SITI PERAWAT2 >/dev/null 2>"\$T/err" ||
  fail "plan add with room: \$(cat "\$T/err")"
"\$M" --db "\$mnt/db" --config "$cfg" plan apply 1 >"\$T/out" 2>"\$T/err" || fail "plan apply with room: \$(cat "\$T/err")"
grep -q "took effect" "\$T/out" || fail "apply: \$(cat "\$T/out")"
umount "\$mnt"
echo ok
EOS
out=$(unshare -m sh "$TMPD/inner.sh" 2>&1) || fail "$out"
[ "$(echo "$out" | tail -n 1)" = ok ] || fail "$out"
echo "faults: a plan add and a plan apply on a full disk refused, the database as it was; both done with room"
