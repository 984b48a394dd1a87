/* Many records at once (store_rec_put_batch): each database is written in
 * its own key order. B-tree inserts in order touch each page once instead
 * of at random, several times faster than putting row by row for an
 * import, and keys past the database's last one are appended (append.c).
 * The record and index keys are computed once into one arena and sorted
 * there, so the sorts compare short byte strings, not records. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"

struct batch {
    const struct store_record_desc *d;
    const unsigned char *recs;  /* stride d->size */
    unsigned char *arena;       /* keys, back to back */
    size_t used, cap;
    size_t *pk, *ix;            /* per row: offset of its record key / index key */
    uint16_t *pklen, *ixlen;
};

static const void *row(const struct batch *b, size_t i)
{
    return b->recs + i * b->d->size;
}

/* Room for one more key of at most STORE_KEY_MAX bytes. */
static bool arena_room(struct batch *b)
{
    if (b->used + STORE_KEY_MAX <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap * 2 : 64 * 1024;
    unsigned char *p = realloc(b->arena, cap);
    if (!p)
        return false;
    b->arena = p;
    b->cap = cap;
    return true;
}

static int bytes_cmp(const unsigned char *a, size_t an, const unsigned char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    return c ? c : (an > bn) - (an < bn);
}

static int pk_cmp(const struct batch *b, size_t i, size_t j)
{
    return bytes_cmp(b->arena + b->pk[i], b->pklen[i], b->arena + b->pk[j], b->pklen[j]);
}

/* Record key order; stable, so a later row of the same key sorts last. */
static int by_pk(const void *x, const void *y, void *ctx)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    int c = pk_cmp(ctx, i, j);
    return c ? c : (i > j) - (i < j);
}

/* An index's order: its key, then (dup values) the record key. */
static int by_index(const void *x, const void *y, void *ctx)
{
    const struct batch *b = ctx;
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    int c = bytes_cmp(b->arena + b->ix[i], b->ixlen[i], b->arena + b->ix[j], b->ixlen[j]);
    return c ? c : pk_cmp(b, i, j);
}

static int record_keys(stxn *t, struct batch *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!arena_room(b))
            return store_fail(t->s, _("out of memory"));
        size_t len = b->d->key(t, row(b, i), b->arena + b->used);
        if (len == 0)
            return STORE_ERROR;
        b->pk[i] = b->used;
        b->pklen[i] = (uint16_t)len;
        b->used += len;
    }
    return STORE_OK;
}

/* Phase one, in record key order: the records, and old index entries that
 * no longer apply. A key given twice keeps its last row. Returns the
 * number of distinct rows left in ord, or -1. */
static long batch_records(stxn *t, struct batch *b, size_t *ord, size_t n)
{
    const struct store_record_desc *d = b->d;
    unsigned char buf[CODEC_MAX];
    struct store_appender app;
    size_t m = 0;
    /* An importer hands rows in key order already: sort only when not. */
    size_t sorted = 1;
    while (sorted < n && by_pk(&ord[sorted - 1], &ord[sorted], b) < 0)
        sorted++;
    if (sorted < n)
        qsort_r(ord, n, sizeof *ord, by_pk, b);
    if (store_appender_open(&app, t, d->db, false) != STORE_OK)
        return -1;
    int r = STORE_OK;
    for (size_t k = 0; k < n && r == STORE_OK; k++) {
        const void *rec = row(b, ord[k]);
        if (k + 1 < n && pk_cmp(b, ord[k + 1], ord[k]) == 0)
            continue;           /* a later row of the same key wins */
        ord[m++] = ord[k];
        MDB_val key = {b->pklen[ord[k]], b->arena + b->pk[ord[k]]};
        size_t len = d->encode(rec, buf, sizeof buf);
        if (len == 0)
            r = store_cannot_encode(t, d, rec, key);
        else if (!store_appender_is_new(&app, key, key))
            r = store_rec_replacing(t, d, rec, key);
        else if (d->derive)
            r = d->derive(t, NULL, rec);
        if (r == STORE_OK)
            r = store_appender_put(&app, key, (MDB_val){len, buf}, 0);
    }
    store_appender_close(&app);
    return r == STORE_OK ? (long)m : -1;
}

/* Phase two: one index, its entries in that index's key order. */
static int batch_index(stxn *t, struct batch *b, size_t *ord, size_t m,
                       const struct store_index_desc *ix)
{
    struct store_appender app;
    unsigned char ref[STORE_REF_MAX];
    size_t base = b->used;
    for (size_t k = 0; k < m; k++) {
        size_t i = ord[k];
        if (!arena_room(b))
            return store_fail(t->s, _("out of memory"));
        size_t len = store_index_key(ix, row(b, i), b->arena + b->pk[i], b->pklen[i],
                                     b->arena + b->used);
        b->ix[i] = b->used;
        b->ixlen[i] = (uint16_t)len;
        b->used += len;
    }
    qsort_r(ord, m, sizeof *ord, by_index, b);
    if (store_appender_open(&app, t, ix->db, ix->kind == STORE_INDEX_DUP) != STORE_OK)
        return STORE_ERROR;
    unsigned flags = ix->kind == STORE_INDEX_DUP ? MDB_NODUPDATA : MDB_NOOVERWRITE;
    int r = STORE_OK;
    for (size_t k = 0; k < m && r == STORE_OK; k++) {
        size_t i = ord[k];
        if (b->ixlen[i])
            r = store_appender_put(&app, (MDB_val){b->ixlen[i], b->arena + b->ix[i]},
                                   store_index_val(ix, (MDB_val){b->pklen[i],
                                                                 b->arena + b->pk[i]}, ref),
                                   flags);
    }
    store_appender_close(&app);
    b->used = base;             /* the next index reuses the room */
    return r;
}

int store_rec_put_batch(stxn *t, const struct store_record_desc *d, const void *recs, size_t n)
{
    if (store_need_write(t))
        return STORE_ERROR;
    struct batch b = {.d = d, .recs = recs};
    size_t rows = n ? n : 1;
    size_t *ord = malloc(rows * sizeof *ord);
    b.pk = malloc(rows * sizeof *b.pk);
    b.ix = malloc(rows * sizeof *b.ix);
    b.pklen = malloc(rows * sizeof *b.pklen);
    b.ixlen = malloc(rows * sizeof *b.ixlen);
    int r = STORE_OK;
    if (!ord || !b.pk || !b.ix || !b.pklen || !b.ixlen)
        r = store_fail(t->s, _("out of memory"));
    else
        r = record_keys(t, &b, n);
    for (size_t i = 0; r == STORE_OK && i < n; i++)
        ord[i] = i;
    long m = r == STORE_OK ? batch_records(t, &b, ord, n) : -1;
    if (m < 0)
        r = STORE_ERROR;
    for (int i = 0; i < d->nindexes && r == STORE_OK; i++)
        r = batch_index(t, &b, ord, (size_t)m, &d->index[i]);
    free(ord);
    free(b.pk);
    free(b.ix);
    free(b.pklen);
    free(b.ixlen);
    free(b.arena);
    return r;
}
