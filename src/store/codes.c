/* The codes of units and positions in memory (store_codes_load in
 * store.h): one pass over each table instead of a B-tree search for each
 * reference an import checks. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/strset.h"
#include "store/internal.h"
#include "util/hugepage.h"

/* A code found, and its text in the set: asked again, it costs no look-up
 * and no cache miss (its id's offset is not read). */
struct code_memo {
    uint32_t id;                /* STRSET_NONE: none yet */
    const char *str;
};

struct store_codes {
    struct strset units;        /* ids below nunits: units on record; above:
                                 * codes positions name but no unit has */
    uint32_t nunits;
    struct strset positions;
    /* each position's value (strset_val): struct pos_val, beside its code
     * so that the look-up that finds the code finds its unit too */
    struct strset families;
    bool failed;                /* out of memory during the load */
    /* The last code found of each kind: an import asks for a row's
     * position, its unit, and the bulk load again for both. */
    struct code_memo last_unit, last_pos, last_family;
};

/* What a position's code keeps beside it: POS_VAL bytes, packed (3
 * bytes a position fewer than the struct's padding would take). */
struct pos_val {
    uint32_t unit;              /* its unit's id in units */
    uint8_t family;             /* its job family's id in families */
};
#define POS_VAL (sizeof(uint32_t) + 1)

static struct pos_val pos_val_of(const store_codes *c, const char *str)
{
    const unsigned char *p = strset_val(&c->positions, str);
    struct pos_val v;
    memcpy(&v.unit, p, sizeof v.unit);
    v.family = p[sizeof v.unit];
    return v;
}

static void pos_val_set(store_codes *c, uint32_t id, struct pos_val v)
{
    unsigned char *p = strset_val(&c->positions, strset_str(&c->positions, id));
    memcpy(p, &v.unit, sizeof v.unit);
    p[sizeof v.unit] = v.family;
}

/* id of code in set, trying last first (and remembering what was found). */
static uint32_t find_code(const struct strset *set, struct code_memo *last, const char *code,
                          size_t n)
{
    if (last->id != STRSET_NONE && memcmp(last->str, code, n) == 0 && last->str[n] == '\0')
        return last->id;
    const char *str;
    uint32_t id = strset_find_str(set, code, n, &str);
    if (id != STRSET_NONE)
        *last = (struct code_memo){id, str};
    return id;
}

static void remember(struct code_memo *last, const struct strset *set, uint32_t id)
{
    *last = (struct code_memo){id, strset_str(set, id)};
}

static int take_unit(const struct unit *u, void *ctx)
{
    store_codes *c = ctx;
    /* keys of a table: each once */
    if (strset_add_new(&c->units, u->code, strlen(u->code)) == STRSET_NONE) {
        c->failed = true;
        return 1;
    }
    return 0;
}

/* Positions come in code order, a unit's one after another: their unit
 * (and often family) is the one before. */
static uint32_t add_again(struct strset *set, struct code_memo *last, const char *s)
{
    size_t n = strlen(s);
    uint32_t id = find_code(set, last, s, n);
    if (id == STRSET_NONE && (id = strset_add(set, s, n)) != STRSET_NONE)
        remember(last, set, id);
    return id;
}

static int take_position(const struct position *p, void *ctx)
{
    store_codes *c = ctx;
    uint32_t id = strset_add_new(&c->positions, p->code, strlen(p->code));
    uint32_t unit = add_again(&c->units, &c->last_unit, p->unit);
    uint32_t family = add_again(&c->families, &c->last_family, p->job_family);
    if (id == STRSET_NONE || unit == STRSET_NONE || family > UINT8_MAX) {
        c->failed = true;
        return 1;
    }
    pos_val_set(c, id, (struct pos_val){unit, (uint8_t)family});
    return 0;
}

/* Sizes a set once from its table's count (codes of 24 bytes on
 * average): no copying while it grows, and 2 MB pages for the look-ups
 * all over it (a TLB miss each otherwise). */
static void presize(struct strset *set, size_t n)
{
    if (strset_reserve(set, n, 24 * n) != 0)
        return;
    want_huge_pages(set->ix.slot, hindex_bytes(&set->ix));
    want_huge_pages(set->arena, set->cap);
}

int store_codes_load(stxn *t, bool positions, store_codes **out)
{
    *out = NULL;
    store_codes *c = calloc(1, sizeof *c);
    if (!c)
        return store_fail(t->s, _("out of memory"));
    c->last_unit = c->last_pos = c->last_family = (struct code_memo){STRSET_NONE, NULL};
    presize(&c->units, store_count_units(t));
    int r = store_each_unit(t, take_unit, c);
    c->nunits = c->units.n;
    if (r == 0 && positions) {
        c->positions.vsize = POS_VAL;
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

uint32_t store_codes_unit_id(store_codes *c, const char *code, size_t n)
{
    uint32_t id = find_code(&c->units, &c->last_unit, code, n);
    return id < c->nunits ? id : STRSET_NONE;
}

void store_codes_unit_seen(store_codes *c, const char *unit)
{
    uint32_t id = strset_id_of(&c->units, unit);
    /* only a code of c's units, as position_find gives it: else nothing */
    if (id < c->units.n && strset_str(&c->units, id) == unit)
        c->last_unit = (struct code_memo){id, unit};
}

uint32_t store_codes_position_id(store_codes *c, const char *code, size_t n)
{
    uint32_t id = find_code(&c->positions, &c->last_pos, code, n);
    if (id != STRSET_NONE)      /* its unit is most likely asked next */
        remember(&c->last_unit, &c->units, pos_val_of(c, c->last_pos.str).unit);
    return id;
}

size_t store_codes_count(const store_codes *c, bool positions)
{
    return positions ? c->positions.n : c->nunits;
}

const char *store_codes_str(const store_codes *c, bool positions, uint32_t id)
{
    return positions ? strset_str(&c->positions, id) : strset_str(&c->units, id);
}

void store_codes_agg(const store_codes *c, uint32_t pos, const char **unit, const char **family)
{
    struct pos_val v = pos_val_of(c, strset_str(&c->positions, pos));
    *unit = strset_str(&c->units, v.unit);
    *family = strset_str(&c->families, v.family);
}

bool store_codes_has_unit(store_codes *c, const char *code)
{
    return store_codes_unit_id(c, code, strlen(code)) != STRSET_NONE;
}

uint32_t store_codes_position_find(const store_codes *c, const char *code, const char **unit)
{
    const char *str;
    uint32_t id = strset_find_str(&c->positions, code, strlen(code), &str);
    *unit = id == STRSET_NONE ? NULL : strset_str(&c->units, pos_val_of(c, str).unit);
    return id;
}

const char *store_codes_position_unit(store_codes *c, const char *code)
{
    uint32_t id = store_codes_position_id(c, code, strlen(code));
    return id == STRSET_NONE ? NULL : c->last_unit.str;     /* position_id's remember */
}

void store_codes_free(store_codes *c)
{
    if (!c)
        return;
    strset_free(&c->units);
    strset_free(&c->positions);
    strset_free(&c->families);
    free(c);
}
