#!/bin/sh
# Where the bytes of a database go: per named database its entries, pages
# (branch, leaf, overflow) and bytes, and the bytes per person, from
# mdb_stat (lmdb-utils). Usage: bench/db_size.sh DBDIR
set -eu
db=${1:?usage: db_size.sh DBDIR}
command -v mdb_stat >/dev/null || { echo "db_size: mdb_stat (lmdb-utils) is needed" >&2; exit 2; }
mdb_stat -e -a "$db" | awk -v file="$db/data.mdb" '
  /^Status of / { name = $3; if (name == "Main") name = "(main)"; next }
  /Page size:/ { psize = $3 }
  /Number of pages used:/ { used = $5 }
  /Branch pages:/ { br[name] = $3 }
  /Leaf pages:/ { lf[name] = $3 }
  /Overflow pages:/ { ov[name] = $3 }
  /Entries:/ { en[name] = $2; order[++n] = name }
  END {
    staff = en["staff"] + 0
    printf "%-20s %10s %9s %9s %9s %12s %8s\n", "database", "entries", "branch", "leaf", "overflow", "bytes", "B/person"
    for (i = 1; i <= n; i++) {
      k = order[i]; pages = br[k] + lf[k] + ov[k]; total += pages
      printf "%-20s %10d %9d %9d %9d %12d %8.1f\n", k, en[k], br[k], lf[k], ov[k], pages * psize,
             staff ? pages * psize / staff : 0
    }
    printf "%-20s %10s %9s %9s %9s %12d %8.1f\n", "(pages used)", "", "", "", "", used * psize, staff ? used * psize / staff : 0
    printf "%-20s %10s %9s %9s %9s %12d %8.1f\n", "all", "", "", "", "", total * psize,
           staff ? total * psize / staff : 0
  }'
