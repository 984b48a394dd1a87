/* The codes of units and positions in memory (store_codes_load in
 * store.h): one pass over each table instead of a B-tree search for each
 * reference an import checks. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/strset.h"
#include "store/internal.h"
#include "util/hugepage.h"

struct store_codes {
    struct strset units;        /* ids below nunits: units on record; above:
                                 * codes positions name but no unit has */
    uint32_t nunits;
    struct strset positions;
    uint32_t *pos_unit;         /* position id -> its unit's id in units */
    size_t cap_pos;
    bool failed;                /* out of memory during the load */
};

static int take_unit(const struct unit *u, void *ctx)
{
    store_codes *c = ctx;
    if (strset_add(&c->units, u->code, strlen(u->code)) == STRSET_NONE) {
        c->failed = true;
        return 1;
    }
    return 0;
}

static int take_position(const struct position *p, void *ctx)
{
    store_codes *c = ctx;
    uint32_t id = strset_add(&c->positions, p->code, strlen(p->code));
    uint32_t unit = strset_add(&c->units, p->unit, strlen(p->unit));
    if (id == STRSET_NONE || unit == STRSET_NONE) {
        c->failed = true;
        return 1;
    }
    if (id >= c->cap_pos) {
        size_t cap = c->cap_pos ? 2 * c->cap_pos : 4096;
        uint32_t *a = realloc(c->pos_unit, cap * sizeof *a);
        if (!a) {
            c->failed = true;
            return 1;
        }
        c->pos_unit = a;
        c->cap_pos = cap;
    }
    c->pos_unit[id] = unit;
    return 0;
}

/* Sizes the sets once from the table counts: no copying while they grow. */
static void presize(struct strset *set, size_t n)
{
    if (hindex_reserve(&set->ix, n) == 0)
        want_huge_pages(set->ix.slot, hindex_bytes(&set->ix));
}

int store_codes_load(stxn *t, bool positions, store_codes **out)
{
    *out = NULL;
    store_codes *c = calloc(1, sizeof *c);
    if (!c)
        return store_fail(t->s, _("out of memory"));
    presize(&c->units, store_count_units(t));
    int r = store_each_unit(t, take_unit, c);
    c->nunits = c->units.n;
    if (r == 0 && positions) {
        presize(&c->positions, store_count_positions(t));
        r = store_each_position(t, take_position, c);
    }
    if (c->failed)
        r = store_fail(t->s, _("out of memory"));
    if (r != 0) {
        store_codes_free(c);
        return r < 0 ? r : STORE_ERROR;
    }
    *out = c;
    return STORE_OK;
}

bool store_codes_has_unit(const store_codes *c, const char *code)
{
    return strset_find(&c->units, code, strlen(code)) < c->nunits;
}

const char *store_codes_position_unit(const store_codes *c, const char *code)
{
    uint32_t id = strset_find(&c->positions, code, strlen(code));
    return id == STRSET_NONE ? NULL : strset_str(&c->units, c->pos_unit[id]);
}

void store_codes_free(store_codes *c)
{
    if (!c)
        return;
    strset_free(&c->units);
    strset_free(&c->positions);
    free(c->pos_unit);
    free(c);
}
