#!/bin/sh
# Import speed of staff CSV: generates N staff (default 1,000,000) over 200
# units and 2,000 positions with awk (deterministic, consistent NIPs), imports
# them into a fresh database and prints rows/s, next to sqlite3's .import of
# the same file when sqlite3 is installed.
#   bench/import_speed.sh [N] [MUTASI_BINARY]
set -eu
n=${1:-1000000}
bin=${2:-build/mutasi}
dir=${BENCH_DIR:-bench/data/import}
mkdir -p "$dir"
export MUTASI_TODAY=2026-01-15 MUTASI_DB="$dir/db"

if [ ! -s "$dir/staff-$n-seq1.csv" ]; then
  awk -v n="$n" -v dir="$dir" 'BEGIN {
    u = dir "/units.csv"; p = dir "/positions.csv"; s = dir "/staff-" n "-seq1.csv.tmp"
    print "code,name,parent,kind,district" > u
    print "KAB,Kabupaten Bench,,instansi,Kota" > u
    for (i = 0; i < 200; i++) printf "U%03d,\"Unit %d, Bench\",KAB,opd,Kecamatan %d\n", i, i, i % 20 > u
    print "code,unit,name,kind,level,job_family,min_rank,min_education,workload_minutes,need,competencies" > p
    for (i = 0; i < 2000; i++)
      printf "P%04d,U%03d,Pelaksana %d,pelaksana,,administrasi umum,II/a,SMA,%d,,\n", i, i % 200, i, 75000 + i * 37 > p
    print "nip,name,sex,birth_date,status,rank,position,unit,post_since,pns_since,education,major,job_family,skp_2023,skp_2024,discipline,discipline_until,leave,home_district,competencies" > s
    split("I/a I/b I/c I/d II/a II/b II/c II/d III/a III/b III/c III/d IV/a IV/b IV/c IV/d IV/e", rk, " ")
    split("SMA D-III S-1 S-1 S-2", ed, " ")
    split("baik sangat-baik baik butuh-perbaikan baik", sk, " ")
    split("Budi Siti Ahmad Dewi Rina Agus Sri Eko Wahyu Nur", fn, " ")
    split("Santoso Aminah Fauzi Lestari Wulandari Saputra Rahayu Prasetyo Hidayat Susanti", ln, " ")
    for (i = 0; i < n; i++) {
      # (i mod 420) fixes birth date, CPNS year and sex; the sequence and the
      # CPNS month keep NIPs unique up to 5,034,960 rows (sequences run 001..999).
      k = i % 420; by = 1966 + k % 30; bm = 1 + k % 12; bd = 1 + k % 28
      cy = by + 20 + k % 5; sex = 1 + k % 2
      seq = 1 + int(i / 420) % 999; cm = 1 + int(i / 419580) % 12
      nip = sprintf("%04d%02d%02d%04d%02d%d%03d", by, bm, bd, cy, cm, sex, seq)
      pos = i % 2000
      printf "%s,\"%s %s, S.E.\",%s,%04d-%02d-%02d,PNS,%s,P%04d,U%03d,%04d-%02d-01,%04d-%02d-01,%s,Ekonomi,administrasi umum,%s,%s,,,,Kecamatan %d,\n", \
        nip, fn[1 + i % 10], ln[1 + int(i / 10) % 10], sex == 1 ? "L" : "P", by, bm, bd, rk[1 + int(i / 7) % 17], \
        pos, pos % 200, cy + 2, cm, cy + 1, cm, ed[1 + i % 5], sk[1 + i % 5], sk[1 + (i + 1) % 5], i % 20 > s
    }
  }'
  mv "$dir/staff-$n-seq1.csv.tmp" "$dir/staff-$n-seq1.csv"
fi
rows=$(($(wc -l <"$dir/staff-$n-seq1.csv") - 1))

rm -rf "$dir/db"
"$bin" init 2>/dev/null
"$bin" import units "$dir/units.csv" 2>/dev/null
"$bin" import positions "$dir/positions.csv" 2>/dev/null
t0=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "%U %S" -o "$dir/cpu" "$bin" import staff "$dir/staff-$n-seq1.csv"
else
  "$bin" import staff "$dir/staff-$n-seq1.csv"; echo "0 0" >"$dir/cpu"
fi
t1=$(date +%s.%N)
read -r cu cs <"$dir/cpu"
awk -v r="$rows" -v a="$t0" -v b="$t1" -v cu="$cu" -v cs="$cs" 'BEGIN {
  t = cu + cs
  printf "mutasi import staff: %d rows in %.2f s = %.0f rows/s (CPU %.2f s = %.0f rows/s per CPU second)\n",
    r, b - a, r / (b - a), t, (t > 0 ? r / t : 0) }'
# the data (pages in use), and the file, which holds the room the import reserved too
mdb_stat -e "$dir/db" 2>/dev/null |
  awk '/Page size:/ {p = $3} /Number of pages used:/ {u = $5} END {if (u) printf "database size: %.0f MB in use\n", p * u / 1048576}'
du -sh "$dir/db" | awk '{ print "database file: " $1 }'

if command -v sqlite3 >/dev/null 2>&1; then
  rm -f "$dir/ref.sqlite"
  t0=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%U %S" -o "$dir/cpu" sqlite3 "$dir/ref.sqlite" ".mode csv" ".import $dir/staff-$n-seq1.csv staff"
  else
    sqlite3 "$dir/ref.sqlite" ".mode csv" ".import $dir/staff-$n-seq1.csv staff"; echo "0 0" >"$dir/cpu"
  fi
  t1=$(date +%s.%N)
  read -r cu cs <"$dir/cpu"
  awk -v r="$rows" -v a="$t0" -v b="$t1" -v cu="$cu" -v cs="$cs" 'BEGIN {
    t = cu + cs
    printf "sqlite3 .import:     %d rows in %.2f s = %.0f rows/s (CPU %.2f s = %.0f rows/s per CPU second)\n",
      r, b - a, r / (b - a), t, (t > 0 ? r / t : 0) }'
  rm -f "$dir/ref.sqlite"
fi
