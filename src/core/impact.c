/* Impact of a plan: deltas of existing staff per position and unit, kept
 * in a small hash table keyed by (kind, index). See impact.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/impact.h"

/* key = index * 2 + kind; slots with refs = 0 and delta = 0 are kept once
 * used (a plan touches few rows), so no deletion is needed. */
struct slot {
    uint64_t key1;              /* key + 1; 0 = empty */
    int32_t delta;              /* change of existing */
    int32_t named;              /* moves naming this row directly */
};

struct impact {
    const struct workload *w;
    struct slot *slot;
    size_t cap, used;           /* cap a power of two */
};

static uint64_t key_of(int kind, size_t index)
{
    return (uint64_t)index * 2 + (uint64_t)kind;
}

static size_t hash_key(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return (size_t)k;
}

struct impact *impact_new(const struct workload *w)
{
    struct impact *im = calloc(1, sizeof *im);
    if (!im)
        return NULL;
    im->w = w;
    im->cap = 64;
    im->slot = calloc(im->cap, sizeof *im->slot);
    if (!im->slot) {
        free(im);
        return NULL;
    }
    return im;
}

void impact_free(struct impact *im)
{
    if (!im)
        return;
    free(im->slot);
    free(im);
}

void impact_clear(struct impact *im)
{
    memset(im->slot, 0, im->cap * sizeof *im->slot);
    im->used = 0;
}

static struct slot *find(const struct impact *im, uint64_t key)
{
    size_t h = hash_key(key) & (im->cap - 1);
    while (im->slot[h].key1 && im->slot[h].key1 != key + 1)
        h = (h + 1) & (im->cap - 1);
    return &im->slot[h];
}

static int grow(struct impact *im)
{
    struct impact bigger = *im;
    bigger.cap = im->cap * 2;
    bigger.slot = calloc(bigger.cap, sizeof *bigger.slot);
    if (!bigger.slot)
        return -1;
    for (size_t i = 0; i < im->cap; i++)
        if (im->slot[i].key1)
            *find(&bigger, im->slot[i].key1 - 1) = im->slot[i];
    free(im->slot);
    *im = bigger;
    return 0;
}

/* The slot of a row, made when new; NULL when out of memory. */
static struct slot *get(struct impact *im, int kind, size_t index)
{
    uint64_t key = key_of(kind, index);
    struct slot *s = find(im, key);
    if (s->key1)
        return s;
    if ((im->used + 1) * 4 > im->cap * 3) {
        if (grow(im) != 0)
            return NULL;
        s = find(im, key);
    }
    s->key1 = key + 1;
    im->used++;
    return s;
}

/* Rows one person's leaving (sign -1) or arriving (+1) at position pos
 * touches: the position, its unit, and the unit's ancestors. */
static size_t path_len(const struct impact *im, long pos)
{
    size_t n = 0;
    if (pos < 0)
        return 0;
    n++;
    for (long u = workload_position_unit(im->w, (size_t)pos); u >= 0;
         u = workload_unit_parent(im->w, (size_t)u))
        n++;
    return n;
}

static void apply(struct impact *im, long pos, int sign, int named)
{
    if (pos < 0)
        return;
    struct slot *s = get(im, IMPACT_POSITION, (size_t)pos);
    s->delta += sign;
    s->named += named;
    long u = workload_position_unit(im->w, (size_t)pos);
    for (bool first = true; u >= 0; u = workload_unit_parent(im->w, (size_t)u), first = false) {
        s = get(im, IMPACT_UNIT, (size_t)u);
        s->delta += sign;
        if (first)
            s->named += named;
    }
}

/* Makes room for every row of a move first, so that a failure changes
 * nothing; then applies it. */
static int change(struct impact *im, long from, long to, int sign)
{
    size_t need = path_len(im, from) + path_len(im, to);
    while ((im->used + need) * 4 > im->cap * 3)
        if (grow(im) != 0)
            return -1;
    apply(im, from, -sign, sign);
    apply(im, to, sign, sign);
    return 0;
}

int impact_add(struct impact *im, long from, long to)
{
    return change(im, from, to, 1);
}

int impact_remove(struct impact *im, long from, long to)
{
    return change(im, from, to, -1);
}

static long index_of(const struct impact *im, const char *code)
{
    return code && *code ? workload_position_index(im->w, code) : -1;
}

int impact_add_codes(struct impact *im, const char *from, const char *to)
{
    return impact_add(im, index_of(im, from), index_of(im, to));
}

int impact_remove_codes(struct impact *im, const char *from, const char *to)
{
    return impact_remove(im, index_of(im, from), index_of(im, to));
}

static struct wl_row after(const struct impact *im, int kind, size_t index)
{
    struct wl_row r = kind == IMPACT_UNIT ? *workload_unit_row(im->w, index)
                                          : *workload_position_row(im->w, index);
    struct slot *s = find(im, key_of(kind, index));
    if (s->key1)
        r.existing += s->delta;
    return r;
}

struct wl_row impact_unit_after(const struct impact *im, size_t unit)
{
    return after(im, IMPACT_UNIT, unit);
}

struct wl_row impact_position_after(const struct impact *im, size_t position)
{
    return after(im, IMPACT_POSITION, position);
}

/* Sort key: units by tree order, positions by their unit's, then index. */
struct ranked {
    uint64_t a, b;
    struct impact_row row;
};

static int ranked_cmp(const void *x, const void *y)
{
    const struct ranked *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

static struct ranked rank_row(const struct impact *im, int kind, size_t index)
{
    struct ranked r;
    const struct workload *w = im->w;
    size_t nunits = workload_unit_count(w);
    if (kind == IMPACT_UNIT) {
        r.a = workload_unit_order(w, index);
        r.b = 0;
    } else {
        long u = workload_position_unit(w, index);
        r.a = nunits + 1 + (u >= 0 ? workload_unit_order(w, (size_t)u) : nunits);
        r.b = index;
    }
    r.row.kind = kind;
    r.row.index = index;
    r.row.before = kind == IMPACT_UNIT ? *workload_unit_row(w, index)
                                       : *workload_position_row(w, index);
    r.row.after = after(im, kind, index);
    return r;
}

size_t impact_rows(const struct impact *im, struct impact_row **out)
{
    *out = NULL;
    size_t n = 0;
    for (size_t i = 0; i < im->cap; i++)
        if (im->slot[i].key1 && (im->slot[i].named || im->slot[i].delta))
            n++;
    if (n == 0)
        return 0;
    struct ranked *rk = malloc(n * sizeof *rk);
    struct impact_row *rows = malloc(n * sizeof *rows);
    if (!rk || !rows) {
        free(rk), free(rows);
        return 0;
    }
    size_t k = 0;
    for (size_t i = 0; i < im->cap; i++) {
        const struct slot *s = &im->slot[i];
        if (s->key1 && (s->named || s->delta))
            rk[k++] = rank_row(im, (int)((s->key1 - 1) & 1), (size_t)((s->key1 - 1) >> 1));
    }
    qsort(rk, n, sizeof *rk, ranked_cmp);
    for (size_t i = 0; i < n; i++)
        rows[i] = rk[i].row;
    free(rk);
    *out = rows;
    return n;
}
