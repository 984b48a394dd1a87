/* Loading units or positions into an empty table (store_load_begin in
 * store.h).
 *
 * store_put_unit and store_put_position search the table several times a
 * record: for the record they replace (none here), for the digest's
 * "unfile", for the aggregate entry they update, and again to put. Into
 * an empty table in code order each record is instead appended
 * (MDB_APPEND: no search, pages filled whole) and entered in the data
 * digest and in its indexes (the positions' by unit: one put each), and
 * the positions' shares of the workload aggregates are summed
 * in memory while unit and family stay the same (store_wl_load in
 * aggregate.c), and the names of posts (post_names.c) are written anew
 * at the end (store_post_names_rebuild), so the result is the same
 * database in a fraction of the time. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"

struct store_load {
    stxn *t;
    const struct store_record_desc *d;
    MDB_cursor *cur;
    unsigned char last[STORE_KEY_MAX];
    size_t lastlen;             /* 0: nothing added yet */
    struct store_wl_load wl;    /* positions only */
    bool placing;               /* units: positions already there count in them */
};

void store_load_free(store_load *l)
{
    if (!l)
        return;
    if (l->cur)
        mdb_cursor_close(l->cur);
    free(l);
}

int store_load_begin(stxn *t, enum store_load_what what, store_load **out)
{
    *out = NULL;
    if (store_need_write(t))
        return STORE_ERROR;
    const struct store_record_desc *d =
        what == STORE_LOAD_UNITS ? &store_desc_unit : &store_desc_position;
    size_t had = what == STORE_LOAD_UNITS ? store_count_units(t) : store_count_positions(t);
    if (had != 0)
        return store_fail(t->s, _("a bulk load needs an empty %s table"), _(d->what));
    store_load *l = calloc(1, sizeof *l);
    if (!l)
        return store_fail(t->s, _("out of memory"));
    l->t = t;
    l->d = d;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[d->db], &l->cur);
    if (rc != 0) {
        l->cur = NULL;
        store_load_free(l);
        return store_fail_mdb(t, rc, store_db_name(d->db));
    }
    l->placing = what == STORE_LOAD_UNITS && store_count_positions(t) != 0;
    if (what == STORE_LOAD_POSITIONS && store_wl_load_begin(t, &l->wl) != STORE_OK) {
        store_load_free(l);
        return STORE_ERROR;
    }
    *out = l;
    return STORE_OK;
}

/* Appends rec after checking that its key comes after the last one. */
static int append(store_load *l, const void *rec)
{
    unsigned char key[STORE_KEY_MAX], buf[CODEC_MAX];
    stxn *t = l->t;
    MDB_val k = {l->d->key(t, rec, key), key};
    if (k.mv_size == 0)
        return STORE_ERROR;
    MDB_val last = {l->lastlen, l->last};
    if (l->lastlen && mdb_cmp(t->txn, t->s->dbi[l->d->db], &k, &last) <= 0)
        return store_fail(t->s, _("%s %.*s came after %.*s: a bulk load needs ascending codes"),
                          _(l->d->what), (int)k.mv_size, (const char *)key, (int)l->lastlen,
                          (const char *)l->last);
    size_t n = l->d->encode(rec, buf, sizeof buf);
    if (n == 0)
        return store_cannot_encode(t, l->d, rec, k);
    MDB_val v = {n, buf};
    int rc = mdb_cursor_put(l->cur, &k, &v, MDB_APPEND);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(l->d->db));
    memcpy(l->last, key, k.mv_size);
    l->lastlen = k.mv_size;
    if (l->d->nindexes && store_index_add_all(t, l->d, rec, k) != STORE_OK)
        return STORE_ERROR;
    return store_digest_change(t, l->d->db, k, v, true);
}

int store_load_unit(store_load *l, const struct unit *u)
{
    if (l->d != &store_desc_unit)
        return store_fail(l->t->s, _("a record of the wrong kind was given to a bulk load"));
    if (l->placing && store_wl_unit_changed(l->t, NULL, u) != STORE_OK)
        return STORE_ERROR;
    store_unit_tree_touch(l->t);
    l->t->units_changed = true;
    return append(l, u);
}

int store_load_position(store_load *l, const struct position *p)
{
    if (l->d != &store_desc_position)
        return store_fail(l->t->s, _("a record of the wrong kind was given to a bulk load"));
    if (append(l, p) != STORE_OK)
        return STORE_ERROR;
    return store_wl_load_add(l->t, &l->wl, p);
}

int store_load_finish(store_load *l)
{
    int r = l->d == &store_desc_position ? store_wl_load_flush(l->t, &l->wl) : STORE_OK;
    if (r == STORE_OK)
        r = store_post_names_rebuild(l->t);
    store_load_free(l);
    return r;
}
