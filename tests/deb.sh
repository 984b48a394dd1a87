#!/bin/sh
# make deb-test: builds the Debian package from a clean clone of the
# committed tree (dpkg-buildpackage -us -uc -b), runs lintian on it (no
# error allowed), unpacks it (dpkg-deb -x) and runs what it holds: the
# program with its catalogues, the configuration as conffiles, the man
# page, bash completion, postinst's group, statoverride and directory.
# Takes a few minutes (a full build); needs .ci/install-deps deb.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }

git clone -q "$top" "$w/src" || { echo "FAIL: git clone"; exit 1; }
(cd "$w/src" && dpkg-buildpackage -us -uc -b) >"$w/build.log" 2>&1 ||
  { tail -n 40 "$w/build.log"; echo "FAIL: dpkg-buildpackage"; exit 1; }
deb=$(ls "$w"/mutasi_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "FAIL: no mutasi_*.deb"; exit 1; }
echo "built $(basename "$deb")"

if command -v lintian >/dev/null; then
  lintian "$deb" >"$w/lintian.log" 2>&1
  sed 's/^/  lintian: /' "$w/lintian.log"
  grep -q '^E:' "$w/lintian.log" && no "lintian reports errors"
else
  echo "lintian is not installed: not run"
fi

dpkg-deb -x "$deb" "$w/root" && dpkg-deb -e "$deb" "$w/control" || { echo "FAIL: unpack"; exit 1; }
r="$w/root"
for f in usr/bin/mutasi usr/share/man/man1/mutasi.1.gz \
         usr/share/locale/id/LC_MESSAGES/mutasi.mo usr/share/locale/en/LC_MESSAGES/mutasi.mo \
         usr/share/bash-completion/completions/mutasi \
         etc/mutasi/policy.yaml etc/mutasi/workflow.yaml etc/mutasi/users.yaml etc/mutasi/ui.yaml; do
  [ -f "$r/$f" ] || no "the package lacks /$f"
done
for f in policy.yaml workflow.yaml users.yaml ui.yaml; do
  grep -qx "/etc/mutasi/$f" "$w/control/conffiles" || no "/etc/mutasi/$f is not a conffile"
done
grep -q 'dpkg-statoverride --update --add root mutasi 2755 /usr/bin/mutasi' "$w/control/postinst" ||
  no "postinst does not make the program set-group-id mutasi"
grep -q 'chmod 2770 /var/lib/mutasi' "$w/control/postinst" || no "postinst does not create /var/lib/mutasi"

# The unpacked program runs, and was built for the installed places.
"$r/usr/bin/mutasi" --version | grep -q '^mutasi ' || no "--version"
strings "$r/usr/bin/mutasi" | grep -qx /var/lib/mutasi || no "the database is not /var/lib/mutasi"
strings "$r/usr/bin/mutasi" | grep -qx /etc/mutasi || no "the configuration is not /etc/mutasi"
MUTASI_LOCALEDIR="$r/usr/share/locale" LANGUAGE=id LANG=C.UTF-8 "$r/usr/bin/mutasi" --help |
  grep -q 'membuat basis data kosong\|basis data' || no "the Indonesian catalogue is not used"
(cd "$w" && "$r/usr/bin/mutasi" policy check "$r/etc/mutasi" >/dev/null) || no "policy check of the packaged configuration"
bash -c ". '$r/usr/share/bash-completion/completions/mutasi' && complete -p mutasi" >/dev/null ||
  no "the completion does not load"
[ $fail = 0 ] && echo "deb-test: ok"
exit $fail
