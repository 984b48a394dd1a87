/* Rebuilding one index in its own key order (migrations): every entry is
 * made from the records, sorted, and appended to the emptied database, so
 * that its pages come out full (entries put in record order land all
 * over an index and leave its pages about half full).
 *
 * Memory: the entries of the index at once, about 60 bytes a person for
 * the name index (60 MB at 1,000,000 staff), for the migration only. */
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "store/internal.h"

struct entry {
    size_t at;                  /* offset of its key in the arena */
    uint16_t klen, vlen;        /* the value follows the key */
};

struct entries {
    const struct store_index_desc *ix;
    unsigned char *arena;       /* key, then value, of each entry */
    size_t used, cap;
    struct entry *ent;
    size_t n, ncap;
};

static bool entries_room(struct entries *e, size_t bytes)
{
    return GROW_ROOM(e->arena, e->cap, e->used + bytes, 1 << 20) == 0 &&
           GROW_ROOM(e->ent, e->ncap, e->n + 1, 4096) == 0;
}

struct collect {
    const struct store_record_desc *d;
    struct entries *e;
};

static int collect_entry(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct collect *c = ctx;
    struct entries *e = c->e;
    union { unsigned char b[STORE_RECORD_MAX]; max_align_t a; } rec;
    unsigned char key[STORE_KEY_MAX];
    if (c->d->decode(v->mv_data, v->mv_size, k->mv_data, k->mv_size, rec.b) != 0)
        return store_damaged(t, c->d->db, *k);
    size_t n = store_index_key(e->ix, rec.b, k->mv_data, k->mv_size, key);
    if (n == 0)
        return 0;
    unsigned char buf[STORE_REF_MAX];
    MDB_val val = store_index_val(e->ix, *k, buf);
    if (!entries_room(e, n + val.mv_size))
        return store_fail(t->s, _("out of memory"));
    e->ent[e->n] = (struct entry){e->used, (uint16_t)n, (uint16_t)val.mv_size};
    memcpy(e->arena + e->used, key, n);
    memcpy(e->arena + e->used + n, val.mv_data, val.mv_size);
    e->used += n + val.mv_size;
    e->n++;
    return 0;
}

static int bytes_cmp(const unsigned char *a, size_t an, const unsigned char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    return c ? c : (an > bn) - (an < bn);
}

/* Key order, then value order (a dup database's order). */
static int entry_cmp(const void *x, const void *y, void *ctx)
{
    const unsigned char *arena = ctx;
    const struct entry *i = x, *j = y;
    const unsigned char *a = arena + i->at, *b = arena + j->at;
    int c = bytes_cmp(a, i->klen, b, j->klen);
    return c ? c : bytes_cmp(a + i->klen, i->vlen, b + j->klen, j->vlen);
}

static int append_all(stxn *t, struct entries *e)
{
    struct store_appender app;
    bool dup = e->ix->kind == STORE_INDEX_DUP;
    if (store_appender_open(&app, t, e->ix->db, dup) != STORE_OK)
        return STORE_ERROR;
    int r = STORE_OK;
    for (size_t i = 0; i < e->n && r == STORE_OK; i++) {
        const struct entry *x = &e->ent[i];
        unsigned char *p = e->arena + x->at;
        r = store_appender_put(&app, (MDB_val){x->klen, p}, (MDB_val){x->vlen, p + x->klen},
                               dup ? MDB_NODUPDATA : MDB_NOOVERWRITE);
    }
    store_appender_close(&app);
    return r;
}

int store_index_rebuild(stxn *t, const struct store_record_desc *d, int which)
{
    if (store_need_write(t))
        return STORE_ERROR;
    struct entries e = {.ix = &d->index[which]};
    struct collect c = {d, &e};
    int rc = mdb_drop(t->txn, t->s->dbi[e.ix->db], 0);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(e.ix->db));
    int r = store_walk(t, d->db, NULL, false, collect_entry, &c) == 0 ? STORE_OK : STORE_ERROR;
    if (r == STORE_OK) {
        if (e.n)                /* an empty index has no array to sort */
            qsort_r(e.ent, e.n, sizeof *e.ent, entry_cmp, e.arena);
        r = append_all(t, &e);
    }
    free(e.arena);
    free(e.ent);
    return r;
}
