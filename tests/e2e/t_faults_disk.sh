#!/bin/sh
# A full disk and a read-only database (issue 18), on small filesystems
# the test makes: tmpfs mounts in a private mount namespace (unshare -m),
# so it needs root; skipped with a message otherwise.
#  - an import, a demo, a plan action (plan new) and a backup that run out of space end
#    with exit 1 and a sentence naming the filesystem, and the database is
#    as it was (the export and the audit head compared before and after);
#  - on a read-only mount the reading verbs and the screens work (the first
#    screen says it is read-only), and every write says so and why;
#  - on a filesystem without fallocate (ramfs) the database works, written
#    with write(2) instead of through a writable map.
. "$TOP/tests/e2e/lib.sh"
if [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then
  echo "skipped: needs root and unshare -m to mount small tmpfs filesystems"
  exit 0
fi
cfg=$(e2e_config)
src="$TMPD/src"
MUTASI_DB="$src" "$MUTASI" demo --staff 1500 >/dev/null 2>&1 || fail "demo failed"
MUTASI_DB="$src" "$MUTASI" --config "$cfg" plan new "Full disk" >"$TMPD/plan" 2>&1 || fail "plan new: $(cat "$TMPD/plan")"
MUTASI_DB="$src" "$MUTASI" export staff >"$TMPD/staff.csv" || fail "export"
MUTASI_DB="$src" "$MUTASI" export units >"$TMPD/units.csv" || fail "export"
MUTASI_DB="$src" "$MUTASI" export positions >"$TMPD/positions.csv" || fail "export"
nip=$(sed -n 2p "$TMPD/staff.csv" | cut -d, -f1)
mnt="$TMPD/mnt"; mkdir -p "$mnt"
cat >"$TMPD/inner.sh" <<EOS
set -u
. "$TOP/tests/e2e/lib.sh"
M="$MUTASI"; mnt="$mnt"; T="$TMPD"; cfg="$cfg"
# state, read without writing (an export writes an audit entry): the audit
# head, whose entry carries the data digest, and whether the data matches it
state() { MUTASI_DB="\$1" "\$M" audit --head; MUTASI_DB="\$1" "\$M" audit --verify 2>&1 | tail -n 1; }
# fill: leave the filesystem with nothing free
fill() { dd if=/dev/zero of="\$mnt/filler" bs=4k 2>/dev/null; sync; }
full_said() { grep -q "the filesystem \$mnt (holding .*) is full" "\$1" || fail "\$2: no sentence naming the filesystem: \$(cat "\$1")"; }

# import that fills the disk
mount -t tmpfs -o size=600k tmpfs "\$mnt" || fail "mount"
MUTASI_DB="\$mnt/db" "\$M" init 2>/dev/null || fail "init"
MUTASI_DB="\$mnt/db" "\$M" import units "\$T/units.csv" 2>/dev/null || fail "import units"
before=\$(state "\$mnt/db")
MUTASI_DB="\$mnt/db" "\$M" import positions "\$T/positions.csv" >/dev/null 2>"\$T/err"; rc=\$?
if [ \$rc = 0 ]; then
  before=\$(state "\$mnt/db")
  MUTASI_DB="\$mnt/db" "\$M" import staff "\$T/staff.csv" >/dev/null 2>"\$T/err"; rc=\$?
fi
[ \$rc = 1 ] || fail "import on a full disk: exit \$rc"
full_said "\$T/err" import
grep -q "the database is as it was" "\$T/err" || fail "import: \$(cat "\$T/err")"
[ "\$(state "\$mnt/db")" = "\$before" ] || fail "import on a full disk changed the database"
umount "\$mnt"

# demo that fills the disk
mount -t tmpfs -o size=1m tmpfs "\$mnt" || fail "mount"
MUTASI_DB="\$mnt/db" "\$M" init 2>/dev/null || fail "init"
before=\$(state "\$mnt/db")
MUTASI_DB="\$mnt/db" "\$M" demo --staff 5000 >/dev/null 2>"\$T/err"; rc=\$?
[ \$rc = 1 ] || fail "demo on a full disk: exit \$rc"
full_said "\$T/err" demo
[ "\$(state "\$mnt/db")" = "\$before" ] || fail "demo on a full disk changed the database"
umount "\$mnt"

# plan new and backup on a disk filled up to the last block (a compact
# copy has no free pages: the next write must grow the file)
mount -t tmpfs -o size=8m tmpfs "\$mnt" || fail "mount"
MUTASI_DB="$src" "\$M" backup "\$mnt/db" 2>/dev/null || fail "backup into the tmpfs"
before=\$(state "\$mnt/db")
fill
MUTASI_DB="\$mnt/db" "\$M" --config "\$cfg" plan new "On a full disk" >/dev/null 2>"\$T/err"; rc=\$?
[ \$rc = 1 ] || fail "plan new on a full disk: exit \$rc: \$(cat "\$T/err")"
full_said "\$T/err" "plan new"
[ "\$(state "\$mnt/db")" = "\$before" ] || fail "plan new on a full disk changed the database"
rm -f "\$mnt/filler"; mkdir "\$mnt/b"; dd if=/dev/zero of="\$mnt/filler" bs=4k 2>/dev/null
MUTASI_DB="\$mnt/db" "\$M" backup "\$mnt/b2" >/dev/null 2>"\$T/err"; rc=\$?
[ \$rc = 1 ] || fail "backup on a full disk: exit \$rc"
grep -q "is full: the backup was not written" "\$T/err" || fail "backup: \$(cat "\$T/err")"
[ ! -e "\$mnt/b2/data.mdb" ] || fail "a half backup was left behind"
rm -f "\$mnt/filler"
MUTASI_DB="\$mnt/db" "\$M" --config "\$cfg" plan new "With room" >/dev/null 2>"\$T/err" || fail "plan new with room again: \$(cat "\$T/err")"

# read-only mount
mount -o remount,ro "\$mnt" || fail "remount ro"
MUTASI_DB="\$mnt/db" "\$M" staff show $nip >/dev/null 2>"\$T/err" || fail "staff show on a read-only mount: \$(cat "\$T/err")"
MUTASI_DB="\$mnt/db" "\$M" audit --verify >/dev/null 2>"\$T/err" || fail "audit --verify on a read-only mount: \$(cat "\$T/err")"
for w in "plan new X" "import units \$T/units.csv" "init"; do
  MUTASI_DB="\$mnt/db" "\$M" --config "\$cfg" \$w >/dev/null 2>"\$T/err"; rc=\$?
  [ \$rc = 1 ] || fail "\$w on a read-only mount: exit \$rc"
  grep -q "is read-only (its filesystem is mounted read-only)" "\$T/err" || fail "\$w: \$(cat "\$T/err")"
done
# the screens browse it, and say so on the first one
printf 'j\n' >"\$T/ro.keys"
MUTASI_DB="\$mnt/db" "\$M" --config "\$cfg" --script "\$T/ro.keys" --dump "\$T/ro.dump" --size 80x24 2>"\$T/err" ||
  fail "the TUI on a read-only mount: \$(cat "\$T/err")"
grep -q "read-only database (its filesystem is mounted read-only): browsing only" "\$T/ro.dump" ||
  fail "the TUI does not say the database is read-only"
umount "\$mnt"

# a filesystem without fallocate (ramfs): the file's blocks cannot be
# reserved, so the database is mapped read-only and written with write(2)
mount -t ramfs ramfs "\$mnt" || fail "mount ramfs"
MUTASI_DB="\$mnt/db" "\$M" demo --staff 1500 >/dev/null 2>"\$T/err" || fail "demo on ramfs: \$(cat "\$T/err")"
MUTASI_DB="\$mnt/db" "\$M" --config "\$cfg" plan new "On ramfs" >/dev/null 2>"\$T/err" ||
  fail "plan new on ramfs: \$(cat "\$T/err")"
MUTASI_DB="\$mnt/db" "\$M" audit --verify >/dev/null 2>"\$T/err" || fail "audit --verify on ramfs: \$(cat "\$T/err")"
umount "\$mnt"
echo ok
EOS
out=$(unshare -m sh "$TMPD/inner.sh" 2>&1) || fail "$out"
[ "$(echo "$out" | tail -n 1)" = ok ] || fail "$out"
echo "faults: full disk (import, demo, plan new, backup) and read-only mount refused cleanly; ramfs works"
