/* The widths of the unit tree's table (store.h, store_unit_tree_widths):
 * per width-bearing column of a text table by unit, how many units have
 * each width, with the sum of the roots' figures and the count of named
 * units, in one record in meta kept beside the tree (unit_tree.c): every
 * write of an entry takes the old entry's widths out and puts the new
 * one's in, in the same transaction; a rebuild counts them anew; an
 * irregular tree has none. A histogram, not a maximum: a unit whose
 * figures shrink must give its width back. The widest column is then the
 * widest width with a count, so a text table writes each row as its walk
 * reaches it. The EJ's width depends on the effective minutes: the record
 * holds those it was counted with (the aggregates' parameters). */
#include <endian.h>
#include <string.h>
#include "core/workload.h"
#include "store/internal.h"

#define WIDTHS_KEY "unit_tree_widths"

static MDB_val widths_key(void)
{
    return (MDB_val){sizeof WIDTHS_KEY - 1, (void *)WIDTHS_KEY};
}

static int64_t *slot(int64_t *h, int max, int w)
{
    return &h[w < 0 ? 0 : w > max ? max : w];
}

void store_tree_widths_entry(struct tree_widths *w, MDB_val k, MDB_val v, int sign)
{
    struct agg a;
    struct policy p;
    if (store_unit_tree_decode(v, &a) != 0)
        return;                 /* not a tree value: the check says so */
    MDB_val code = store_unit_tree_code(k);
    int depth = ((const unsigned char *)v.mv_data)[UNIT_TREE_AT_DEPTH];
    const struct wl_row r = {a.minutes, a.need, a.existing};
    const int64_t fig[4] = {r.workload_minutes, r.need, r.existing, wl_gap(&r)};
    *slot(w->key, TREE_WIDTHS_KEY_MAX, wl_key_width(depth, code.mv_data, code.mv_size)) += sign;
    for (int i = 0; i < 4; i++)
        *slot(w->figure[i], TREE_WIDTHS_DEC_MAX, wl_decimal_width(fig[i])) += sign;
    memset(&p, 0, sizeof p);
    p.effective_minutes = w->eff;
    *slot(w->ej, TREE_WIDTHS_EJ_MAX, (int)wl_ej_width(&r, &p)) += sign;
    w->named += v.mv_size > UNIT_TREE_VAL_HEAD ? sign : 0;
    w->units += sign;
    const int64_t root[3] = {r.workload_minutes, r.need, r.existing};
    for (int i = 0; depth == 0 && i < 3; i++) {      /* wrapping: no overflow */
        uint64_t u = (uint64_t)root[i];
        w->total[i] = (int64_t)((uint64_t)w->total[i] + (sign > 0 ? u : 0 - u));
    }
}

int store_tree_widths_begin(stxn *t, struct tree_widths *w)
{
    int rounding;
    memset(w, 0, sizeof *w);
    return store_wl_params_get(t, &w->eff, &rounding);
}

/* The record as le64 words, in the order of the struct's fields. */
#define WIDTHS_WORDS (sizeof(struct tree_widths) / 8)

int store_tree_widths_get(stxn *t, struct tree_widths *w)
{
    MDB_val v;
    int r = store_db_get(t, DB_META, widths_key(), &v);
    if (r != STORE_OK)
        return r;
    if (v.mv_size != WIDTHS_WORDS * 8)
        return STORE_NOTFOUND;     /* unreadable: as none (the check says so) */
    int64_t *out = (int64_t *)(void *)w;
    for (size_t i = 0; i < WIDTHS_WORDS; i++) {
        uint64_t u;
        memcpy(&u, (const unsigned char *)v.mv_data + 8 * i, 8);
        out[i] = (int64_t)le64toh(u);
    }
    return STORE_OK;
}

int store_tree_widths_put(stxn *t, const struct tree_widths *w)
{
    unsigned char buf[WIDTHS_WORDS * 8];
    const int64_t *in = (const int64_t *)(const void *)w;
    for (size_t i = 0; i < WIDTHS_WORDS; i++) {
        uint64_t u = htole64((uint64_t)in[i]);
        memcpy(buf + 8 * i, &u, 8);
    }
    return store_db_put(t, DB_META, widths_key(), (MDB_val){sizeof buf, buf}, 0);
}

int store_tree_widths_drop(stxn *t)
{
    int r = store_db_del(t, DB_META, widths_key(), NULL);
    return r == STORE_NOTFOUND ? STORE_OK : r;
}

int store_tree_widths_change(stxn *t, MDB_val k, MDB_val old, MDB_val now)
{
    struct tree_widths w;
    int r = store_tree_widths_get(t, &w);
    if (r != STORE_OK)
        return r == STORE_NOTFOUND ? STORE_OK : r;    /* none kept: none to keep */
    store_tree_widths_entry(&w, k, old, -1);
    store_tree_widths_entry(&w, k, now, 1);
    return store_tree_widths_put(t, &w);
}

bool store_tree_widths_equal(const struct tree_widths *a, const struct tree_widths *b)
{
    return memcmp(a, b, sizeof *a) == 0;
}

/* The widest width with a count (0: none). */
static int widest(const int64_t *h, int max)
{
    for (int w = max; w > 0; w--)
        if (h[w] != 0)
            return w;
    return 0;
}

int store_unit_tree_widths(stxn *t, int64_t effective_minutes, struct store_tree_widths *out)
{
    struct tree_widths w;
    int r = store_tree_widths_get(t, &w);
    if (r != STORE_OK)
        return r;
    if (w.eff != effective_minutes)
        return STORE_NOTFOUND;
    out->key = widest(w.key, TREE_WIDTHS_KEY_MAX);
    for (int i = 0; i < 4; i++)
        out->figure[i] = widest(w.figure[i], TREE_WIDTHS_DEC_MAX);
    out->ej = widest(w.ej, TREE_WIDTHS_EJ_MAX);
    out->named = w.named > 0;
    out->total = (struct wl_row){w.total[0], w.total[1], w.total[2]};
    return STORE_OK;
}
