/* The stored workload aggregates of one unit (store.h): a range of the
 * aggregate database, where its key is the unit code, a NUL, the family. */
#include <string.h>
#include "store/internal.h"

int store_each_wl_aggregate_of(stxn *t, const char *unit, store_wl_cb cb, void *ctx)
{
    unsigned char from[CODE_SIZE + 1];
    size_t u = strlen(unit);
    if (u == 0 || u >= CODE_SIZE)
        return 0;                    /* no entry has such a key */
    memcpy(from, unit, u + 1);       /* with its NUL: the unit's first key */
    MDB_cursor *c;
    MDB_val k = {u + 1, from}, v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_WORKLOAD_AGG], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_WORKLOAD_AGG));
    int r = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
         rc == 0 && r == 0 && k.mv_size > u && memcmp(k.mv_data, from, u + 1) == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        struct agg a;
        char family[FAMILY_SIZE];
        size_t f = k.mv_size - u - 1;
        if (f >= sizeof family || store_agg_decode(v, &a) != 0) {
            r = store_damaged(t, DB_WORKLOAD_AGG, k);
            break;
        }
        memcpy(family, (const char *)k.mv_data + u + 1, f);
        family[f] = '\0';
        struct wl_row row = {a.minutes, a.need, a.existing};
        r = cb(unit, family, &row, (uint64_t)a.npos, ctx);
    }
    mdb_cursor_close(c);
    if (r == 0 && rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(DB_WORKLOAD_AGG));
    return r;
}
