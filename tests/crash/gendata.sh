#!/bin/sh
# Writes a small, valid region as CSV for the crash and concurrency tests,
# without the demo generator: units.csv, positions.csv, staff.csv in DIR.
# Deterministic for N and SEED. One instansi, 20 OPD with 3 bidang each,
# 4 positions per bidang, N staff spread over the positions.
#   tests/crash/gendata.sh N SEED DIR
set -eu
n=$1; seed=$2; dir=$3
mkdir -p "$dir"
awk -v n="$n" -v seed="$seed" -v dir="$dir" 'BEGIN {
  srand(seed)
  u = dir "/units.csv"; p = dir "/positions.csv"; s = dir "/staff.csv"
  print "code,name,parent,kind,district" > u
  print "code,unit,name,kind,level,job_family,min_rank,min_education,workload_minutes" > p
  print "nip,name,sex,birth_date,status,rank,position,unit,post_since,pns_since,education,major,job_family,skp_2024,skp_2025,discipline,discipline_until,leave,home_district" > s
  split("Ciawi Cibadak Sukaraja Cisarua Parung Leuwiliang Jonggol Cileungsi", dist, " ")
  split("kesehatan pendidikan keuangan administrasi-umum", fam, " ")
  split("Siti Ahmad Dewi Budi Rina Agus Sri Eko Nur Hendra Wati Joko", first, " ")
  split("Aminah Santoso Lestari Hidayat Purnama Wijaya Rahayu Saputra Kusuma Nugroho", last, " ")
  split("III/a III/b III/c III/d II/c II/d IV/a", ranks, " ")
  split("baik sangat-baik baik baik butuh-perbaikan", skps, " ")
  print "R,Pemerintah Kabupaten Uji,,instansi,Ciawi" > u
  np = 0
  for (o = 1; o <= 20; o++) {
    printf "O%02d,Dinas Uji %d,R,opd,%s\n", o, o, dist[(o % 8) + 1] > u
    for (b = 1; b <= 3; b++) {
      code = sprintf("O%02dB%d", o, b)
      printf "%s,Bidang %d Dinas %d,O%02d,bidang,%s\n", code, b, o, o, dist[((o + b) % 8) + 1] > u
      for (k = 1; k <= 4; k++) {
        np++; pc[np] = sprintf("%sP%d", code, k); pu[np] = code; pf[np] = fam[k]
        printf "%s,%s,Jabatan %d,pelaksana,,%s,II/a,SMA,%d\n", pc[np], code, k, fam[k], 75000 * (1 + int(rand() * 8)) > p
      }
    }
  }
  for (i = 1; i <= n; i++) {
    by = 1966 + int(rand() * 35); bm = 1 + int(rand() * 12); bd = 1 + int(rand() * 28)
    cy = by + 20 + int(rand() * 10); if (cy > 2024) cy = 2024
    cm = 1 + int(rand() * 12); sex = 1 + int(rand() * 2)
    nip = sprintf("%04d%02d%02d%04d%02d%d%03d", by, bm, bd, cy, cm, sex, i % 999 + 1)   # sequences start at 001
    # the sequence alone may repeat: make the NIP unique through the day
    if (nip in seen) { i--; continue }
    seen[nip] = 1
    j = 1 + int(rand() * np)
    py = cy + 1; post = 2015 + int(rand() * 10); if (post < py) post = py
    name = first[1 + int(rand() * 12)] " " last[1 + int(rand() * 10)]
    if (rand() < 0.3) name = "\"" name ", S.Kep.\""
    printf "%s,%s,%s,%04d-%02d-%02d,PNS,%s,%s,%s,%d-03-01,%d-%02d-01,S-1,Umum,%s,%s,%s,,,,%s\n",
      nip, name, sex == 1 ? "L" : "P", by, bm, bd, ranks[1 + int(rand() * 7)], pc[j], pu[j],
      post, py, cm, pf[j], skps[1 + int(rand() * 5)], skps[1 + int(rand() * 5)], dist[1 + int(rand() * 8)] > s
  }
}'
