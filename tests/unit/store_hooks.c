/* Raw database access for tests (see store_test.h). */
#include <string.h>
#include "store/internal.h"
#include "store_test.h"

static int db_by_name(const char *name)
{
    for (int i = 0; i < DB_COUNT; i++)
        if (strcmp(store_db_name(i), name) == 0)
            return i;
    return -1;
}

int store_test_raw_put(stxn *t, const char *db, const void *key, size_t klen,
                       const void *val, size_t vlen)
{
    int d = db_by_name(db);
    if (d < 0 || !t->write)
        return STORE_ERROR;
    MDB_val k = {klen, (void *)key}, v = {vlen, (void *)val};
    int rc = mdb_put(t->txn, t->s->dbi[d], &k, &v, 0);
    return rc == 0 ? STORE_OK : store_fail_mdb(t, rc, db);
}

int store_test_raw_del(stxn *t, const char *db, const void *key, size_t klen,
                       const void *val, size_t vlen)
{
    int d = db_by_name(db);
    if (d < 0 || !t->write)
        return STORE_ERROR;
    MDB_val k = {klen, (void *)key}, v = {vlen, (void *)val};
    int rc = mdb_del(t->txn, t->s->dbi[d], &k, val ? &v : NULL);
    if (rc == MDB_NOTFOUND)
        return STORE_NOTFOUND;
    return rc == 0 ? STORE_OK : store_fail_mdb(t, rc, db);
}

long store_test_raw_get(stxn *t, const char *db, const void *key, size_t klen,
                        void *buf, size_t cap)
{
    int d = db_by_name(db);
    if (d < 0)
        return -1;
    MDB_val k = {klen, (void *)key}, v;
    if (mdb_get(t->txn, t->s->dbi[d], &k, &v) != 0)
        return -1;
    memcpy(buf, v.mv_data, v.mv_size < cap ? v.mv_size : cap);
    return (long)v.mv_size;
}

int store_test_raw_each(stxn *t, const char *db, store_test_raw_fn fn, void *ctx)
{
    int d = db_by_name(db);
    MDB_cursor *c;
    if (d < 0 || mdb_cursor_open(t->txn, t->s->dbi[d], &c) != 0)
        return STORE_ERROR;
    MDB_val k, v;
    int r = 0, rc;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && r == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT))
        r = fn(k.mv_data, k.mv_size, v.mv_data, v.mv_size, ctx);
    mdb_cursor_close(c);
    return r ? r : rc == MDB_NOTFOUND ? STORE_OK : STORE_ERROR;
}

int store_test_raw_remake(stxn *t, const char *db, bool dupsort)
{
    int d = db_by_name(db);
    if (d < 0 || !t->write)
        return STORE_ERROR;
    int rc = mdb_drop(t->txn, t->s->dbi[d], 1);
    if (rc == 0)
        rc = mdb_dbi_open(t->txn, db, MDB_CREATE | (dupsort ? MDB_DUPSORT : 0), &t->s->dbi[d]);
    return rc == 0 ? STORE_OK : store_fail_mdb(t, rc, db);
}

bool store_test_raw_dupfixed(stxn *t, const char *db)
{
    int d = db_by_name(db);
    unsigned flags = 0;
    return d >= 0 && mdb_dbi_flags(t->txn, t->s->dbi[d], &flags) == 0 && (flags & MDB_DUPFIXED);
}

int store_test_digest_reset(stxn *t)
{
    return store_digest_reset(t);
}

bool store_test_writemap(const store *s)
{
    return s->writemap;
}
