/* Appending in key order.
 * Entries sorted by key whose keys all come after the last key already in
 * a database can be written with MDB_APPEND (MDB_APPENDDUP for the dup
 * indexes): LMDB then fills pages left to right without searching, and
 * fills them whole, which makes the first import into an empty database
 * several times faster and its files smaller. Keys at or before the last
 * existing one take the ordinary path (mdb_put). */
#include <string.h>
#include "store/internal.h"

int store_appender_open(struct store_appender *a, stxn *t, int db, bool dup)
{
    MDB_val k, v;
    *a = (struct store_appender){.t = t, .db = db, .dup = dup};
    int rc = mdb_cursor_open(t->txn, t->s->dbi[db], &a->cur);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    rc = mdb_cursor_get(a->cur, &k, &v, MDB_LAST);
    if (rc == MDB_NOTFOUND)
        return STORE_OK;
    if (rc != 0 || k.mv_size > sizeof a->last_k || (dup && v.mv_size > sizeof a->last_v)) {
        mdb_cursor_close(a->cur);
        return store_fail_mdb(t, rc ? rc : MDB_BAD_VALSIZE, store_db_name(db));
    }
    memcpy(a->last_k, k.mv_data, k.mv_size);
    a->lk = (MDB_val){k.mv_size, a->last_k};
    if (dup) {
        memcpy(a->last_v, v.mv_data, v.mv_size);
        a->lv = (MDB_val){v.mv_size, a->last_v};
    }
    a->have_last = true;
    return STORE_OK;
}

void store_appender_close(struct store_appender *a)
{
    mdb_cursor_close(a->cur);
}

bool store_appender_is_new(const struct store_appender *a, MDB_val k, MDB_val v)
{
    if (!a->have_last)
        return true;
    MDB_val lk = a->lk, lv = a->lv;
    int c = mdb_cmp(a->t->txn, a->t->s->dbi[a->db], &k, &lk);
    if (c == 0 && a->dup)
        c = mdb_dcmp(a->t->txn, a->t->s->dbi[a->db], &v, &lv);
    return c > 0;
}

int store_appender_put(struct store_appender *a, MDB_val k, MDB_val v, unsigned flags)
{
    int rc;
    if (!store_appender_is_new(a, k, v))
        return store_db_put(a->t, a->db, k, v, flags);     /* keeps the digest too */
    rc = mdb_cursor_put(a->cur, &k, &v, a->dup ? MDB_APPENDDUP : MDB_APPEND);
    if (rc != 0)
        return store_fail_mdb(a->t, rc, store_db_name(a->db));
    if (store_digested(a->db))
        return store_digest_change(a->t, a->db, k, v, true);
    return STORE_OK;
}
