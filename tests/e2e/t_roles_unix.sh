#!/bin/sh
# Roles and the set-group-id boundary with real Unix users (root only:
# users and a group are created and removed here, with a unique prefix).
# mutasi is installed (make install) into a temporary PREFIX whose
# LOCALSTATEDIR is also temporary, set-group-id to a test group, as the
# Debian package installs it. Then:
#   - a user without a role is refused every verb and the TUI, with a
#     sentence naming the user and the users.yaml; policy check works;
#   - an operator cannot import or export personal data;
#   - --db, MUTASI_DB, MUTASI_USER (trusted by users.yaml!), MUTASI_TODAY
#     are ignored, with one warning: another database of the group is
#     neither read nor written;
#   - a user outside the group cannot open the database files;
#   - a file the user names (export --output) is written with the user's
#     own rights, and not into the database directory.
set -u
. "$TOP/tests/e2e/env.sh"
if [ "$(id -u)" != 0 ]; then
  echo "skipped: needs root to create Unix users (run the suite as root to test roles with real users)"
  exit 0
fi
for c in useradd userdel groupadd groupdel runuser; do
  command -v $c >/dev/null || { echo "skipped: $c is missing"; exit 0; }
done
case $MUTASI in
  */asan/*) echo "skipped under ASan: the set-group-id install is tested with the normal build"; exit 0 ;;
esac
build=$(dirname "$MUTASI")
[ -d "$build/obj" ] || { echo "skipped: no build objects beside $MUTASI"; exit 0; }

p="mt$$"                     # unique prefix of the test's users and group
grp="${p}g" op="${p}op" no="${p}no" ad="${p}ad"
cleanup() {
  for u in $op $no $ad; do userdel "$u" 2>/dev/null; done
  groupdel "$grp" 2>/dev/null
}
trap cleanup EXIT INT TERM
groupadd "$grp" && useradd -M -N -s /bin/sh "$op" && useradd -M -N -s /bin/sh "$no" &&
  useradd -M -N -s /bin/sh "$ad" || { echo "FAIL: cannot create users"; exit 1; }

# The install: the build's objects, only the files that compile the
# paths in are rebuilt (Makefile: paths.stamp).
chmod 755 "$TMPD"
mkdir -p "$TMPD/build" && cp -a "$build/obj" "$TMPD/build/" &&
  make -s -C "$TOP" BUILD="$TMPD/build" PREFIX="$TMPD/prefix" LOCALSTATEDIR="$TMPD/var" \
    INSTALL_GROUP="$grp" install >"$TMPD/make.log" 2>&1 || { cat "$TMPD/make.log"; echo "FAIL: make install"; exit 1; }
bin="$TMPD/prefix/bin/mutasi" etc="$TMPD/prefix/etc/mutasi" dbdir="$TMPD/var/lib/mutasi"
chmod 755 "$TMPD/var" "$TMPD/var/lib"
cat >"$etc/users.yaml" <<EOT
trust_env_user: true         # ignored set-group-id
users:
  $op: [operator]
  $ad: [admin, operator]
EOT

fail=0
as() { # USER command...: as that user, from a directory they may read
  u=$1; shift
  (cd "$TMPD" && runuser -u "$u" -- "$@") >"$TMPD/out" 2>"$TMPD/err"
}
expect_rc() { # want label user command...
  want=$1 label=$2; shift 2
  as "$@"; rc=$?
  [ "$rc" = "$want" ] || { echo "FAIL $label: exit $rc, wanted $want"; sed 's/^/  err: /' "$TMPD/err"; fail=1; }
}
expect_err() { # label text
  grep -qF -- "$2" "$TMPD/err" || { echo "FAIL $1: stderr lacks \"$2\""; sed 's/^/  err: /' "$TMPD/err"; fail=1; }
}
expect_out() { # label text
  grep -qF -- "$2" "$TMPD/out" || { echo "FAIL $1: stdout lacks \"$2\""; sed 's/^/  out: /' "$TMPD/out"; fail=1; }
}

[ "$(stat -c %A "$bin")" = "-rwxr-sr-x" ] && [ "$(stat -c %G "$bin")" = "$grp" ] ||
  { echo "FAIL: $bin is $(stat -c '%A %G' "$bin")"; fail=1; }
[ "$(stat -c '%a %G' "$dbdir")" = "2770 $grp" ] || { echo "FAIL: $dbdir is $(stat -c '%a %G' "$dbdir")"; fail=1; }

# The admin builds the database in the fixed place (--db is ignored).
expect_rc 0 "admin init" "$ad" "$bin" --db "$TMPD/elsewhere" init
expect_err "admin init warns" "ignores --db"
[ ! -e "$TMPD/elsewhere" ] || { echo "FAIL: --db was used"; fail=1; }
for k in units positions staff; do
  expect_rc 0 "admin import $k" "$ad" "$bin" import $k "$FIXTURES/workload/$k.csv"
done
for f in data.mdb lock.mdb; do
  [ "$(stat -c '%a %G' "$dbdir/$f")" = "660 $grp" ] ||
    { echo "FAIL: $f is $(stat -c '%a %G' "$dbdir/$f")"; fail=1; }
done

# A user without a role: every verb refused, the TUI too; policy check works.
for v in "staff find Siti" "workload" "plan list" "export units" "export staff" "audit" \
         "audit --verify" "import units $FIXTURES/workload/units.csv" "init" "backup $TMPD/b" "verify" \
         "check 198503152010012001 PERAWAT2" "plan new X"; do
  # shellcheck disable=SC2086 # v is a verb and its words
  expect_rc 1 "no role: $v" "$no" "$bin" $v
  expect_err "no role: $v" "$no has no role in mutasi; roles are given in $etc/users.yaml"
done
printf 'q\n' >"$TMPD/keys"; chmod 644 "$TMPD/keys"
expect_rc 1 "no role: TUI" "$no" "$bin" --script "$TMPD/keys" --size 80x24
expect_err "no role: TUI" "$no has no role in mutasi"
expect_rc 0 "no role: policy check" "$no" "$bin" policy check
expect_rc 0 "no role: --help" "$no" "$bin" --help
# ... nor does claiming another name help (users.yaml trusts MUTASI_USER)
expect_rc 1 "no role as admin" "$no" env MUTASI_USER="$ad" "$bin" import units "$FIXTURES/workload/units.csv"
expect_err "no role as admin" "MUTASI_USER"
expect_err "no role as admin" "$no has no role"

# An operator: reads, makes plans, but neither imports nor exports personal data.
expect_rc 0 "operator reads" "$op" "$bin" staff find Siti
expect_rc 1 "operator imports" "$op" "$bin" import units "$FIXTURES/workload/units.csv"
expect_err "operator imports" "$op may not import data: that needs the role admin"
expect_rc 1 "operator exports staff" "$op" "$bin" export staff
expect_err "operator exports staff" "$op may not export personal data"
[ ! -s "$TMPD/out" ] || { echo "FAIL: the refused export wrote rows"; fail=1; }
expect_rc 1 "operator reads the audit" "$op" "$bin" audit
expect_rc 1 "operator as admin" "$op" env MUTASI_USER="$ad" "$bin" export staff
expect_rc 0 "operator plan" "$op" "$bin" plan new "Mutasi"
expect_rc 0 "operator export units" "$op" "$bin" export units

# Another database of the group, beside the installed one: never reached.
other="$TMPD/other"
MUTASI_USER=eka "$MUTASI" --db "$other" init >/dev/null 2>&1 &&
  MUTASI_USER=eka "$MUTASI" --db "$other" plan new "Outside" >/dev/null 2>&1 || { echo "FAIL: other db"; fail=1; }
chgrp -R "$grp" "$other" && chmod 2770 "$other" && chmod 660 "$other"/*.mdb
for how in "--db $other" "env MUTASI_DB=$other" "env MUTASI_CONFIG=$TOP/tests/config MUTASI_TODAY=2030-01-01"; do
  case $how in
    --db*) expect_rc 0 "other: $how" "$op" "$bin" --db "$other" plan list --format csv ;;
    *) # shellcheck disable=SC2086
       expect_rc 0 "other: $how" "$op" $how "$bin" plan list --format csv ;;
  esac
  expect_err "other: $how" "installed set-group-id, mutasi ignores"
  expect_out "other: $how" "Mutasi"
  if grep -q Outside "$TMPD/out"; then echo "FAIL other: $how read the other database"; fail=1; fi
done
expect_rc 0 "other: write" "$op" env MUTASI_DB="$other" "$bin" plan new "Sneaky"
n=$(MUTASI_USER=eka "$MUTASI" --db "$other" plan list --format csv 2>/dev/null | grep -c Sneaky)
[ "$n" = 0 ] || { echo "FAIL: the other database was written"; fail=1; }

# Outside the group, the files themselves are closed.
expect_rc 1 "read data.mdb" "$op" cat "$dbdir/data.mdb"
expect_err "read data.mdb" "Permission denied"
expect_rc 2 "write data.mdb" "$op" sh -c "echo x >>'$dbdir/data.mdb'"
expect_err "write data.mdb" "Permission denied"

# What the user names is written with the user's rights.
mkdir -p "$TMPD/home" && chown "$op" "$TMPD/home"
expect_rc 0 "export --output" "$op" "$bin" export units --format xlsx --output "$TMPD/home/u.xlsx"
[ "$(stat -c %G "$TMPD/home/u.xlsx")" != "$grp" ] || { echo "FAIL: the export belongs to $grp"; fail=1; }
expect_rc 1 "export into the database" "$op" "$bin" export units --format xlsx --output "$dbdir/data.mdb"
[ "$(stat -c %s "$dbdir/data.mdb")" -gt 0 ] || { echo "FAIL: data.mdb overwritten"; fail=1; }
expect_rc 0 "admin verifies" "$ad" "$bin" audit --verify
expect_rc 0 "admin walks the database" "$ad" "$bin" verify
expect_rc 1 "operator walks the database" "$op" "$bin" verify
expect_err "operator walks the database" "$op may not verify the database"
exit $fail
