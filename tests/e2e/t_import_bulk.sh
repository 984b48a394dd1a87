#!/bin/sh
# The first staff import (into an empty staff table) takes the store's bulk
# load; an import into a table that has people takes the chunked path. Both
# must give the same database: same exports, same history. The bulk load
# also survives the map filling up (a tiny MUTASI_MAPSIZE: the write is
# aborted, the map and its file enlarged and the whole import run again). A file in NIP
# order (an export) is checked and loaded in one pass; one that is not is
# checked, then written in NIP order; a bad row late in a sorted file still
# refuses the whole file.
set -u
. "$TOP/tests/e2e/env.sh"
: "${MUTASI:?}" "${TMPD:?}"
export MUTASI_TODAY=2026-01-15
fails=0
fail() { printf 'FAIL: %s\n' "$*"; fails=$((fails + 1)); }
run() { # DB WANT-RC CMD...: stderr to $TMPD/err
  db=$1 want=$2; shift 2
  MUTASI_DB="$TMPD/$db" "$@" >"$TMPD/out" 2>"$TMPD/err"; rc=$?
  [ "$rc" = "$want" ] || { fail "$db: exit $rc, expected $want: $*"; sed 's/^/  | /' "$TMPD/err" | head; }
}
said() { # TEXT: stderr of the last run holds TEXT
  grep -qF -- "$1" "$TMPD/err" || { fail "no \"$1\" in:"; sed 's/^/  | /' "$TMPD/err" | head; }
}

# 5,000 people over 20 units and 60 positions, NIPs not in file order,
# names repeating (and differing only in case) so the name index has ties.
awk -v dir="$TMPD" 'BEGIN {
  u = dir "/units.csv"; p = dir "/positions.csv"; s = dir "/staff.csv"; one = dir "/one.csv"
  print "code,name,parent,kind,district" > u
  print "KAB,Kabupaten Uji,,instansi,Kota" > u
  for (i = 0; i < 20; i++) printf "U%02d,Unit %d,KAB,opd,Kecamatan %d\n", i, i, i % 5 > u
  print "code,unit,name,kind,level,job_family,min_rank,min_education,workload_minutes" > p
  for (i = 0; i < 60; i++)
    printf "P%03d,U%02d,Pelaksana %d,pelaksana,,administrasi umum,II/a,SMA,%d\n", i, i % 20, i, 75000 + i > p
  head = "nip,name,sex,birth_date,status,rank,position,unit,post_since,pns_since,education,major,job_family,skp_2024"
  print head > s; print head > one
  split("Budi Siti Ahmad Dewi BUDI", fn, " ")
  for (i = 0; i < 5000; i++) {
    k = i % 420; by = 1966 + k % 30; bm = 1 + k % 12; bd = 1 + k % 28
    cy = by + 20 + k % 5; sex = 1 + k % 2; seq = 1 + int(i / 420) % 999   # sequences start at 001
    nip = sprintf("%04d%02d%02d%04d%02d%d%03d", by, bm, bd, cy, 1, sex, seq)
    pos = i % 60
    line = sprintf("%s,\"%s Santoso %d, S.E.\",%s,%04d-%02d-%02d,PNS,III/a,P%03d,U%02d,%04d-01-01,%04d-01-01,S-1,Ekonomi,administrasi umum,baik",
      nip, fn[1 + i % 5], i % 7, sex == 1 ? "L" : "P", by, bm, bd, pos, pos % 20, cy + 2, cy + 1)
    print line > s
    if (i == 1234) print line > one
  }
}'

for db in bulk tiny chunk sorted sortedtiny bad; do
  # the tiny ones from the start: a map, and so a file, of 64 KB that
  # no import reserves room in ahead
  map=; case $db in *tiny) map=MUTASI_MAPSIZE=65536 ;; esac
  run $db 0 env $map "$MUTASI" init
  run $db 0 env $map "$MUTASI" import units "$TMPD/units.csv"
  run $db 0 env $map "$MUTASI" import positions "$TMPD/positions.csv"
done
run bulk 0 "$MUTASI" import staff "$TMPD/staff.csv"
said "5000 added, 0 replaced"
# The import's audit entry names the file by its SHA-256 (hashed on a
# thread of its own while the rows are read): the same as sha256sum's.
sum=$(sha256sum "$TMPD/staff.csv" | cut -d' ' -f1)
run bulk 0 "$MUTASI" audit
grep -q "sha256 $sum" "$TMPD/out" || { fail "no audit entry with sha256 $sum"; grep sha256 "$TMPD/out" | head -3; }
run tiny 0 env MUTASI_MAPSIZE=65536 "$MUTASI" import staff "$TMPD/staff.csv"
said "5000 added, 0 replaced"
run chunk 0 "$MUTASI" import staff "$TMPD/one.csv"
run chunk 0 "$MUTASI" import staff "$TMPD/staff.csv"
said "4999 added, 1 replaced"
# The export is in NIP order: the one-pass load.
run bulk 0 "$MUTASI" export staff
cp "$TMPD/out" "$TMPD/sorted-in.csv"
run sorted 0 "$MUTASI" import staff "$TMPD/sorted-in.csv"
said "5000 added, 0 replaced"
run sortedtiny 0 env MUTASI_MAPSIZE=65536 "$MUTASI" import staff "$TMPD/sorted-in.csv"
said "5000 added, 0 replaced"
# Sorted, with a position of another unit on line 100, an unknown position
# on its last row and a NIP twice: refused whole, each problem named (the
# positions are looked up on the reading thread).
{ sed '$d' "$TMPD/sorted-in.csv" | sed '100{s/,U00,/,U01,/;t;s/,U[0-9][0-9],/,U00,/;}'
  tail -n 1 "$TMPD/sorted-in.csv" | sed 's/,P0[0-9][0-9],/,P999,/'; } >"$TMPD/bad.csv"
sed -n 3p "$TMPD/sorted-in.csv" >>"$TMPD/bad.csv"
run bad 1 "$MUTASI" import staff "$TMPD/bad.csv"
said "bad.csv:100:7: position: position P0"
said "belongs to unit U"
said "bad.csv:5001:7: position: unknown position \"P999\""
said "appears again (first on line 3)"
said "3 errors, nothing was imported"
run bad 0 "$MUTASI" export staff
[ "$(wc -l <"$TMPD/out")" = 1 ] || fail "a refused import left $(($(wc -l <"$TMPD/out") - 1)) people"
# An unknown unit on line 200 (its position is known): the unit's answer
# comes from the position's unit when they agree, from the codes when not.
sed '200s/,U[0-9][0-9],/,UX9,/' "$TMPD/sorted-in.csv" >"$TMPD/badunit.csv"
run bad 1 "$MUTASI" import staff "$TMPD/badunit.csv"
said "badunit.csv:200:8: unit: unknown unit \"UX9\""
said "1 error, nothing was imported"

for db in bulk tiny chunk sorted sortedtiny; do
  run $db 0 "$MUTASI" export staff
  cp "$TMPD/out" "$TMPD/$db.csv"
  nip=$(sed -n 2p "$TMPD/staff.csv" | cut -d, -f1)
  run $db 0 "$MUTASI" staff show "$nip"
  cp "$TMPD/out" "$TMPD/$db.show"
  run $db 0 "$MUTASI" audit --verify
done
[ "$(wc -l <"$TMPD/bulk.csv")" = 5001 ] || fail "bulk export has $(wc -l <"$TMPD/bulk.csv") lines"
for db in tiny chunk sorted sortedtiny; do
  cmp -s "$TMPD/bulk.csv" "$TMPD/$db.csv" || { fail "staff export of $db differs"; diff "$TMPD/bulk.csv" "$TMPD/$db.csv" | head -5; }
  cmp -s "$TMPD/bulk.show" "$TMPD/$db.show" || { fail "staff show of $db differs"; diff "$TMPD/bulk.show" "$TMPD/$db.show" | head -5; }
done

# Imported again: every row replaced, nothing changes, no new history line.
run bulk 0 "$MUTASI" import staff "$TMPD/staff.csv"
said "0 added, 5000 replaced"
run bulk 0 "$MUTASI" export staff
cmp -s "$TMPD/bulk.csv" "$TMPD/out" || fail "export changed after importing the same file again"
run bulk 0 "$MUTASI" staff show "$nip"
cmp -s "$TMPD/bulk.show" "$TMPD/out" || { fail "history changed after importing the same file again"; diff "$TMPD/bulk.show" "$TMPD/out" | head -5; }

[ "$fails" = 0 ]
