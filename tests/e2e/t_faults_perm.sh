#!/bin/sh
# A database whose file its user may not write (issue 18): `chmod a-w
# data.mdb`. The reading verbs and the screens work and say it is
# read-only; every writing verb, and a change tried on a screen, says why
# it cannot be saved, exits 1 (the screen stays), and the database is as
# it was; with the permission back, a write goes through.
# Root may write any file, so as root the database is given to nobody and
# mutasi runs as nobody (setpriv); skipped when that cannot be done.
. "$TOP/tests/e2e/lib.sh"
cfg=$(e2e_config)
db="$TMPD/db"
MUTASI_DB="$db" "$MUTASI" --config "$cfg" demo --staff 300 >/dev/null 2>"$TMPD/err" ||
  fail "demo: $(cat "$TMPD/err")"
MUTASI_DB="$db" "$MUTASI" export staff >"$TMPD/staff.csv" || fail "export staff"
MUTASI_DB="$db" "$MUTASI" export units >"$TMPD/units.csv" || fail "export units"
nip=$(sed -n 2p "$TMPD/staff.csv" | cut -d, -f1)
pos=$(sed -n 3p "$TMPD/staff.csv" | cut -d, -f7)

# The binary and its catalogues where the other user can reach them.
bin="$TMPD/bin"; mkdir -p "$bin"
cp "$MUTASI" "$bin/mutasi"
for l in "$(dirname "$MUTASI")/locale" "$(dirname "$MUTASI")/../locale"; do
  [ -f "$l/id/LC_MESSAGES/mutasi.mo" ] && { cp -r "$l" "$bin/"; break; }
done
[ -f "$bin/locale/id/LC_MESSAGES/mutasi.mo" ] || fail "no catalogue beside $MUTASI"
M="$bin/mutasi"
if [ "$(id -u)" = 0 ]; then
  command -v setpriv >/dev/null 2>&1 || { echo "skipped: as root this needs setpriv to run as nobody"; exit 0; }
  setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null ||
    { echo "skipped: setpriv cannot switch to nobody here"; exit 0; }
  chmod 755 "$TMPD"; chmod -R a+rX "$bin" "$cfg"
  chown -R 65534:65534 "$db"
  as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
  as_user() { "$@"; }
fi
mkdir -p "$TMPD/home"; chmod 777 "$TMPD/home"
export HOME="$TMPD/home" XDG_CONFIG_HOME="$TMPD/home/xdg"
chmod a-w "$db/data.mdb"
m() { MUTASI_DB="$db" as_user "$M" --config "$cfg" "$@"; }
state() { sha256sum <"$db/data.mdb"; m audit --head; }
before=$(state)

# reading works
m staff show "$nip" >"$TMPD/out" 2>"$TMPD/err" || fail "staff show: $(cat "$TMPD/err")"
grep -q "$pos" "$TMPD/out" || fail "staff show: $(cat "$TMPD/out")"
m plan list >/dev/null 2>"$TMPD/err" || fail "plan list: $(cat "$TMPD/err")"
m audit --verify >"$TMPD/out" 2>"$TMPD/err" || fail "audit --verify: $(cat "$TMPD/err")"

# every write says why it cannot, exit 1
for w in "plan new X" "plan add 1 $nip $pos" "import units $TMPD/units.csv" \
         "import staff $TMPD/staff.csv" "export staff" "demo --staff 50"; do
  # shellcheck disable=SC2086 # w is the verb and its words
  m $w >/dev/null 2>"$TMPD/err"; rc=$?
  [ $rc = 1 ] || fail "$w without write permission: exit $rc: $(cat "$TMPD/err")"
  grep -q "is read-only (you have no write permission on its files): it can be browsed, but no change can be saved" "$TMPD/err" ||
    fail "$w: $(cat "$TMPD/err")"
done
LANGUAGE=id m plan new X >/dev/null 2>"$TMPD/err"
grep -q "hanya-baca (tanpa izin menulis pada berkasnya)" "$TMPD/err" ||
  fail "plan new, in Indonesian: $(cat "$TMPD/err")"

# the screens: browsing, the note on the first one, a new plan refused
# (a relative --db: the message line names the database and must fit 80
# columns whatever the temporary directory)
printf '%s\n' '<Dump>' 3 '<Dump>' n 'Tanpa izin' '<Enter>' '<Dump>' q >"$TMPD/ro.keys"
(cd "$TMPD" && MUTASI_DB=db MUTASI_USER=ani as_user "$M" --config "$cfg" \
   --script "$TMPD/ro.keys" --dump "$TMPD/home/ro.dump" --size 80x24 2>"$TMPD/err") ||
  fail "the TUI without write permission: $(cat "$TMPD/err")"
grep -q "read-only database (you have no write permission on its files): browsing only" "$TMPD/home/ro.dump" ||
  { cat "$TMPD/home/ro.dump"; fail "the first screen does not say the database is read-only"; }
awk '/^--- screen 2/ { s = 1 } s' "$TMPD/home/ro.dump" | grep -q "is read-only (you have no write permission" ||
  { cat "$TMPD/home/ro.dump"; fail "the Plans screen does not say why the plan was not made"; }
cfgid=$(e2e_config_id); chmod -R a+rX "$cfgid"
printf 'q\n' >"$TMPD/ro-id.keys"
(cd "$TMPD" && MUTASI_DB=db MUTASI_USER=ani as_user "$M" --config "$cfgid" \
   --script "$TMPD/ro-id.keys" --dump "$TMPD/home/ro-id.dump" --size 80x24 2>"$TMPD/err") ||
  fail "the TUI in Indonesian: $(cat "$TMPD/err")"
grep -q "basis data hanya-baca (tanpa izin menulis pada berkasnya): hanya dilihat" \
  "$TMPD/home/ro-id.dump" || { cat "$TMPD/home/ro-id.dump"; fail "no read-only note in Indonesian"; }

# A long absolute path (a link to the database): the refusal wraps over
# the lines above the message line instead of being cut at 80 columns.
long="$TMPD/badan-kepegawaian-dan-pengembangan-sumber-daya-manusia-kabupaten"
mkdir -p "$long"; chmod 755 "$long"; ln -s "$db" "$long/basis-data-mutasi"
printf '%s\n' 3 '<Dump>' n 'Tanpa izin' '<Enter>' '<Dump>' q >"$TMPD/ro-long.keys"
MUTASI_DB="$long/basis-data-mutasi" MUTASI_USER=ani as_user "$M" --config "$cfg" \
  --script "$TMPD/ro-long.keys" --dump "$TMPD/home/ro-long.dump" --size 80x24 2>"$TMPD/err" ||
  fail "the TUI at a long path: $(cat "$TMPD/err")"
text() { awk '/^--- screen 2/ { s = 1; next } /^--- attributes/ { s = 0 } s' "$TMPD/home/ro-long.dump" | sed 's/ *$//'; }
text | tr '\n' ' ' | tr -s ' ' |
  grep -qF "is read-only (you have no write permission on its files): it can be browsed, but no change can be saved" ||
  { cat "$TMPD/home/ro-long.dump"; fail "the refusal at a long path is cut"; }
text | tr -d '\n' | grep -qF "$long/basis-data-mutasi is read-only" ||
  { cat "$TMPD/home/ro-long.dump"; fail "the refusal at a long path does not name it whole"; }

[ "$(state)" = "$before" ] || fail "a refused write changed the database"

# nothing lost: with the permission back the data is whole and writable
chmod u+w "$db/data.mdb"
m audit --verify >"$TMPD/out" 2>"$TMPD/err" || fail "audit --verify after: $(cat "$TMPD/err")"
grep -q "the data matches audit entry" "$TMPD/out" || fail "audit --verify after: $(cat "$TMPD/out")"
m plan new "With permission" >/dev/null 2>"$TMPD/err" || fail "plan new with permission: $(cat "$TMPD/err")"
echo "faults: no write permission on data.mdb: browsing works, every write refused with the reason, nothing lost"
