/* Positions by unit (store.h, store_pos_reader): the codes from the index
 * by unit, each position's record and its holders from the staff index.
 * A listing takes the units in tree order, which is nearly code order, and
 * their positions in code order: each look-up then finds its key at or
 * just after where the one before left the cursor, so it steps there
 * instead of searching the page from its first key. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"

/* A cursor and the code it was last asked for: while valid, the cursor
 * stands on the first key >= that code. */
struct seek {
    MDB_cursor *c;
    MDB_dbi dbi;
    char last[CODE_SIZE];
    bool valid;
};

/* Steps tried before a search: the next key, and a few keys that no one
 * asked for (positions nobody holds are not in the staff index). */
#define SEEK_STEPS 4

struct store_pos_reader {
    stxn *t;
    MDB_cursor *by_unit;
    struct seek records, holders;
};

static void seek_remember(struct seek *s, MDB_val code)
{
    memcpy(s->last, code.mv_data, code.mv_size);
    s->last[code.mv_size] = '\0';
    s->valid = true;
}

/* From where the last look-up left the cursor, when code comes after it. */
static int seek_forward(struct seek *s, stxn *t, MDB_val code, MDB_val *v, MDB_cursor_op next)
{
    MDB_val k;
    int rc = mdb_cursor_get(s->c, &k, v, MDB_GET_CURRENT);
    for (int step = 0; rc == 0 && step < SEEK_STEPS; step++) {
        int cmp = mdb_cmp(t->txn, s->dbi, &k, &code);
        if (cmp >= 0) {
            seek_remember(s, code);
            return cmp == 0 ? 0 : MDB_NOTFOUND;
        }
        rc = mdb_cursor_get(s->c, &k, v, next);
    }
    if (rc == MDB_NOTFOUND) {            /* every key is before code */
        s->valid = false;
        return MDB_NOTFOUND;
    }
    return rc == 0 ? -1 : rc;            /* -1: too far, search */
}

/* Puts s's cursor on code (0, *v its value) or on the first key after it
 * (MDB_NOTFOUND); another LMDB error as it is. */
static int seek_code(struct seek *s, stxn *t, MDB_val code, MDB_val *v, MDB_cursor_op next)
{
    if (code.mv_size >= CODE_SIZE)
        return MDB_NOTFOUND;             /* no key of this store is so long */
    if (s->valid) {
        size_t n = strlen(s->last);
        int c = memcmp(s->last, code.mv_data, n < code.mv_size ? n : code.mv_size);
        if (c < 0 || (c == 0 && n < code.mv_size)) {
            int rc = seek_forward(s, t, code, v, next);
            if (rc != -1)
                return rc;
        }
    }
    MDB_val k = code;
    int rc = mdb_cursor_get(s->c, &k, v, MDB_SET_RANGE);
    s->valid = false;
    if (rc != 0)
        return rc;
    seek_remember(s, code);
    return mdb_cmp(t->txn, s->dbi, &k, &code) == 0 ? 0 : MDB_NOTFOUND;
}

store_pos_reader *store_pos_reader_open(stxn *t)
{
    store_pos_reader *r = calloc(1, sizeof *r);
    if (!r) {
        store_fail(t->s, _("out of memory"));
        return NULL;
    }
    r->t = t;
    static const int dbs[] = {DB_POSITIONS_BY_UNIT, DB_POSITIONS, DB_STAFF_BY_POSITION};
    MDB_cursor **c[] = {&r->by_unit, &r->records.c, &r->holders.c};
    r->records.dbi = t->s->dbi[DB_POSITIONS];
    r->holders.dbi = t->s->dbi[DB_STAFF_BY_POSITION];
    for (int i = 0; i < 3; i++) {
        int rc = mdb_cursor_open(t->txn, t->s->dbi[dbs[i]], c[i]);
        if (rc != 0) {
            store_fail_mdb(t, rc, store_db_name(dbs[i]));
            store_pos_reader_close(r);
            return NULL;
        }
    }
    return r;
}

void store_pos_reader_close(store_pos_reader *r)
{
    if (!r)
        return;
    if (r->by_unit)
        mdb_cursor_close(r->by_unit);
    if (r->records.c)
        mdb_cursor_close(r->records.c);
    if (r->holders.c)
        mdb_cursor_close(r->holders.c);
    free(r);
}

/* One entry of the position index: the record and its holders to cb. */
static int held_position(store_pos_reader *r, MDB_val code, store_held_position_cb cb,
                         void *ctx)
{
    struct position p;
    size_t n = 0;
    MDB_val rec, dup;
    int rc = seek_code(&r->records, r->t, code, &rec, MDB_NEXT);
    if (rc == MDB_NOTFOUND)
        return store_damaged(r->t, DB_POSITIONS_BY_UNIT, code);     /* a stale entry */
    if (rc != 0)
        return store_fail_mdb(r->t, rc, store_db_name(DB_POSITIONS));
    if (codec_get_position(rec.mv_data, rec.mv_size, &p) != 0)
        return store_damaged(r->t, DB_POSITIONS, code);
    rc = seek_code(&r->holders, r->t, code, &dup, MDB_NEXT_NODUP);
    if (rc == 0)
        rc = mdb_cursor_count(r->holders.c, &n);
    if (rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(r->t, rc, store_db_name(DB_STAFF_BY_POSITION));
    return cb(&p, n, ctx);
}

int store_pos_reader_unit(store_pos_reader *r, const char *unit, store_held_position_cb cb,
                          void *ctx)
{
    size_t len = strlen(unit);
    if (len == 0 || len >= CODE_SIZE)
        return 0;                    /* no index entry has such a key */
    MDB_val k = {len, (void *)unit}, v;
    int rc, res = 0;
    for (rc = mdb_cursor_get(r->by_unit, &k, &v, MDB_SET_KEY); rc == 0 && res == 0;
         rc = mdb_cursor_get(r->by_unit, &k, &v, MDB_NEXT_DUP))
        res = held_position(r, v, cb, ctx);
    if (res == 0 && rc != 0 && rc != MDB_NOTFOUND)
        res = store_fail_mdb(r->t, rc, store_db_name(DB_POSITIONS_BY_UNIT));
    return res;
}

int store_each_position_of_unit(stxn *t, const char *unit, store_held_position_cb cb,
                                void *ctx)
{
    store_pos_reader *r = store_pos_reader_open(t);
    if (!r)
        return STORE_ERROR;
    int res = store_pos_reader_unit(r, unit, cb, ctx);
    store_pos_reader_close(r);
    return res;
}

int store_pos_reader_codes(store_pos_reader *r, const char *unit, size_t *count,
                          size_t *longest)
{
    size_t len = strlen(unit);
    *count = *longest = 0;
    if (len == 0 || len >= CODE_SIZE)
        return STORE_OK;
    MDB_val k = {len, (void *)unit}, v;
    int rc;
    for (rc = mdb_cursor_get(r->by_unit, &k, &v, MDB_SET_KEY); rc == 0;
         rc = mdb_cursor_get(r->by_unit, &k, &v, MDB_NEXT_DUP)) {
        ++*count;
        if (v.mv_size > *longest)
            *longest = v.mv_size;
    }
    if (rc != MDB_NOTFOUND)
        return store_fail_mdb(r->t, rc, store_db_name(DB_POSITIONS_BY_UNIT));
    return STORE_OK;
}
