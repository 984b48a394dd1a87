/* ABK engine: roll-up over the unit tree, grouping (the figures of one
 * row, need, gap, EJ and grade: workload_row.c). Integer arithmetic
 * throughout, so rounding and band boundaries are exact. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "core/hash.h"
#include "core/workload_internal.h"

/* ---- the engine -------------------------------------------------------- */

/* Only what the analysis needs is kept of each record, in parallel arrays
 * indexed by integer ids (the full records would cost several times the
 * memory at a million staff): per position its code in an arena, the id
 * of its unit's code, its job family, its need override and its figures
 * (about 60 bytes in all); per unit the ids of its code and parent code
 * and its district, then the tree. */
struct workload {
    /* units */
    struct strtab ucodes;     /* unit codes: of units, parents and positions' units */
    uint32_t *u_code, *u_parent;   /* per unit: ids in ucodes (parent NO_ID: root) */
    int32_t *u_district;      /* interned */
    size_t nunits, capu;
    /* positions */
    struct strtab pcodes;     /* position codes, id = position index */
    bool psorted;             /* codes came in strictly rising byte order */
    uint32_t *p_unit;         /* per position: id in ucodes */
    int32_t *p_family;        /* interned */
    int32_t *p_need;          /* override or NEED_FROM_ABK */
    struct wl_row *pos_rows;  /* workload at add, existing as counted, need */
    size_t npositions, capp;
    size_t hint;              /* the last position found: counts come in order */
    size_t unit_hint;         /* the unit after the last one a position named */
    struct names districts, families;
    bool built;
    struct policy policy;
    int32_t *unit_of_code;    /* per ucodes id: the first unit with it, -1 none */
    int32_t *parent;          /* per unit: parent index, -1 root */
    int32_t *order;           /* units in tree order (pre-order DFS) */
    int32_t *subtree_end;     /* per unit: order[pos..end) is its subtree */
    int32_t *order_pos;       /* per unit: its place in order */
    int32_t *depth;
    struct wl_row *unit_rows;
    struct wl_problems problems;
};

static long pos_unit(const struct workload *w, size_t i)
{
    return w->unit_of_code[w->p_unit[i]];
}

void workload_free(struct workload *w)
{
    if (!w)
        return;
    strtab_free(&w->ucodes);
    free(w->u_code), free(w->u_parent), free(w->u_district);
    strtab_free(&w->pcodes);
    free(w->p_unit), free(w->p_family), free(w->p_need), free(w->pos_rows);
    free(w->districts.name), hindex_free(&w->districts.ix);
    free(w->families.name), hindex_free(&w->families.ix);
    free(w->unit_of_code);
    free(w->parent);
    free(w->order);
    free(w->subtree_end);
    free(w->order_pos);
    free(w->depth);
    free(w->unit_rows);
    free(w);
}

/* Children lists in CSR form: kids[first[u] .. first[u+1]) are u's
 * children in input order. */
static int build_children(const int32_t *parent, size_t n, int32_t **first_out,
                          int32_t **kids_out)
{
    int32_t *first = calloc(n + 1, sizeof *first);
    int32_t *kids = malloc((n ? n : 1) * sizeof *kids);
    int32_t *fill = malloc((n + 1) * sizeof *fill);
    if (!first || !kids || !fill) {
        free(first), free(kids), free(fill);
        return -1;
    }
    for (size_t u = 0; u < n; u++)
        if (parent[u] >= 0)
            first[parent[u] + 1]++;
    for (size_t u = 0; u < n; u++)
        first[u + 1] += first[u];
    memcpy(fill, first, (n + 1) * sizeof *fill);
    for (size_t u = 0; u < n; u++)
        if (parent[u] >= 0)
            kids[fill[parent[u]]++] = (int32_t)u;
    free(fill);
    *first_out = first, *kids_out = kids;
    return 0;
}

/* Pre-order walk from one root with an explicit stack; writes order,
 * depth and subtree ends. Returns the next free place in order. */
static size_t walk_tree(struct workload *w, int32_t root, size_t at,
                        const int32_t *first, const int32_t *kids, int32_t *stack)
{
    size_t sp = 0;
    stack[sp++] = root;
    w->depth[root] = 0;
    while (sp > 0) {
        int32_t u = stack[--sp];
        w->order_pos[u] = (int32_t)at;
        w->order[at++] = u;
        /* push children in reverse so that they come out in input order */
        for (int32_t k = first[u + 1] - 1; k >= first[u]; k--) {
            int32_t c = kids[k];
            w->depth[c] = w->depth[u] + 1;
            stack[sp++] = c;
        }
    }
    return at;
}

static int build_tree(struct workload *w)
{
    size_t n = w->nunits;
    for (size_t u = 0; u < n; u++) {
        w->parent[u] = -1;
        if (w->u_parent[u] != NO_ID) {
            long p = w->unit_of_code[w->u_parent[u]];
            if (p < 0 || (size_t)p == u)
                w->problems.units_without_parent++;
            else
                w->parent[u] = (int32_t)p;
        }
    }
    int32_t *first, *kids;
    int32_t *stack = malloc((n ? n : 1) * sizeof *stack);
    if (!stack || build_children(w->parent, n, &first, &kids) != 0) {
        free(stack);
        return -1;
    }
    for (size_t u = 0; u < n; u++)
        w->order_pos[u] = -1;
    size_t at = 0;
    for (size_t u = 0; u < n; u++)
        if (w->parent[u] < 0)
            at = walk_tree(w, (int32_t)u, at, first, kids, stack);
    /* Units never reached sit in a parent cycle: cut each cycle at the
     * first unit met and walk it as a root. */
    for (size_t u = 0; u < n && at < n; u++) {
        if (w->order_pos[u] >= 0)
            continue;
        int32_t p = w->parent[u];
        w->parent[u] = -1;
        for (int32_t k = first[p]; k < first[p + 1]; k++)
            if (kids[k] == (int32_t)u)
                kids[k] = -1;                      /* detach from the cycle */
        size_t before = at;
        /* walk_tree skips detached (-1) children via this filtered copy */
        size_t sp = 0;
        stack[sp++] = (int32_t)u;
        w->depth[u] = 0;
        while (sp > 0) {
            int32_t v = stack[--sp];
            w->order_pos[v] = (int32_t)at;
            w->order[at++] = v;
            for (int32_t k = first[v + 1] - 1; k >= first[v]; k--) {
                int32_t c = kids[k];
                if (c < 0 || w->order_pos[c] >= 0)
                    continue;
                w->depth[c] = w->depth[v] + 1;
                stack[sp++] = c;
            }
        }
        w->problems.units_in_cycle += at - before;
    }
    /* subtree end: walking the order backwards, a unit's subtree ends
     * where its last descendant's does. */
    for (size_t i = 0; i < n; i++)
        w->subtree_end[w->order[i]] = (int32_t)i + 1;
    for (size_t i = n; i-- > 0;) {
        int32_t u = w->order[i], p = w->parent[u];
        if (p >= 0 && w->subtree_end[u] > w->subtree_end[p])
            w->subtree_end[p] = w->subtree_end[u];
    }
    free(first), free(kids), free(stack);
    return 0;
}

struct workload *workload_begin(const struct policy *p)
{
    struct workload *w = calloc(1, sizeof *w);
    if (w) {
        w->policy = *p;
        w->psorted = true;
    }
    return w;
}

/* Grows one of the parallel arrays to cap elements, keeping it on failure;
 * tmp is a void * of the caller's (no aliasing through void **). */
#define GROW_ARRAY(arr, cap, tmp) \
    (((tmp) = realloc((arr), (cap) * sizeof *(arr))) != NULL ? ((arr) = (tmp), 0) : -1)

/* Grows the parallel arrays of units or positions to cap entries. */
static int grow_units(struct workload *w, size_t cap)
{
    void *tmp;
    if (GROW_ARRAY(w->u_code, cap, tmp) || GROW_ARRAY(w->u_parent, cap, tmp) ||
        GROW_ARRAY(w->u_district, cap, tmp))
        return -1;
    w->capu = cap;
    return 0;
}

static int grow_positions(struct workload *w, size_t cap)
{
    void *tmp;
    if (GROW_ARRAY(w->p_unit, cap, tmp) || GROW_ARRAY(w->p_family, cap, tmp) ||
        GROW_ARRAY(w->p_need, cap, tmp) || GROW_ARRAY(w->pos_rows, cap, tmp))
        return -1;
    w->capp = cap;
    return 0;
}

int workload_reserve(struct workload *w, size_t nunits, size_t npositions)
{
    if (w->built)
        return -1;
    if (nunits > w->capu && grow_units(w, nunits) != 0)
        return -1;
    if (npositions > w->capp &&
        (grow_positions(w, npositions) != 0 ||
         /* codes of about 20 bytes; the arena grows when they are longer */
         strtab_reserve(&w->pcodes, npositions, npositions * 21) != 0))
        return -1;
    return 0;
}

/* The id of u's parent code. Units in code order: the parent is mostly
 * the unit before (its first child) or that unit's parent (a sibling). */
static uint32_t unit_parent_id(struct workload *w, const struct unit *u)
{
    size_t i = w->nunits;
    if (i > 0) {
        uint32_t prev = w->u_code[i - 1], prev_parent = w->u_parent[i - 1];
        if (strncmp(strtab_get(&w->ucodes, prev), u->parent, CODE_SIZE) == 0)
            return prev;
        if (prev_parent != NO_ID &&
            strncmp(strtab_get(&w->ucodes, prev_parent), u->parent, CODE_SIZE) == 0)
            return prev_parent;
    }
    return strtab_intern(&w->ucodes, u->parent, CODE_SIZE);
}

int workload_add_unit(struct workload *w, const struct unit *u)
{
    if (w->built || (w->nunits == w->capu && grow_units(w, w->capu ? w->capu * 2 : 256)))
        return -1;
    size_t i = w->nunits;
    w->u_code[i] = strtab_intern(&w->ucodes, u->code, CODE_SIZE);
    w->u_parent[i] = u->parent[0] ? unit_parent_id(w, u) : NO_ID;
    /* Units in code order: a sub-unit mostly lies in the district of the
     * unit before it, found without hashing. */
    if (i > 0 && strncmp(w->districts.name[w->u_district[i - 1]], u->district,
                         DISTRICT_SIZE) == 0)
        w->u_district[i] = w->u_district[i - 1];
    else
        w->u_district[i] = names_intern(&w->districts, u->district, DISTRICT_SIZE);
    if (w->u_code[i] == NO_ID || (u->parent[0] && w->u_parent[i] == NO_ID) ||
        w->u_district[i] < 0)
        return -1;
    w->nunits++;
    return 0;
}

/* The id of a position's unit code. When units and positions both come
 * in code order (database walks), the next position's unit is mostly one
 * of the next few units: found without hashing. */
static uint32_t next_unit_id(struct workload *w, const char *unit)
{
    for (size_t k = w->unit_hint; k < w->nunits && k < w->unit_hint + 4; k++)
        if (strncmp(strtab_get(&w->ucodes, w->u_code[k]), unit, CODE_SIZE - 1) == 0) {
            w->unit_hint = k + 1;
            return w->u_code[k];
        }
    return strtab_intern(&w->ucodes, unit, CODE_SIZE);
}

int workload_add_position(struct workload *w, const struct position *p)
{
    if (w->built ||
        (w->npositions == w->capp && grow_positions(w, w->capp ? w->capp * 2 : 256)))
        return -1;
    size_t i = w->npositions;
    uint32_t id = strtab_push(&w->pcodes, p->code, CODE_SIZE);
    if (id == NO_ID)
        return -1;
    if (i > 0 && w->psorted && strcmp(strtab_get(&w->pcodes, id - 1), strtab_get(&w->pcodes, id)) >= 0)
        w->psorted = false;
    /* Positions come grouped by unit: most name the same unit as the
     * one before, found without hashing. */
    if (i > 0 && w->p_unit[i - 1] != NO_ID &&
        strncmp(strtab_get(&w->ucodes, w->p_unit[i - 1]), p->unit, CODE_SIZE - 1) == 0)
        w->p_unit[i] = w->p_unit[i - 1];
    else
        w->p_unit[i] = next_unit_id(w, p->unit);
    w->p_family[i] = names_intern(&w->families, p->job_family, FAMILY_SIZE);
    w->p_need[i] = p->need;
    w->pos_rows[i] = (struct wl_row){.workload_minutes = p->workload_minutes};
    if (w->p_unit[i] == NO_ID || w->p_family[i] < 0)
        return -1;
    w->npositions++;
    return 0;
}

int workload_build(struct workload *w)
{
    if (w->built)
        return -1;
    size_t nu = w->nunits ? w->nunits : 1, nc = w->ucodes.n ? w->ucodes.n : 1;
    w->unit_of_code = malloc(nc * sizeof *w->unit_of_code);
    w->parent = malloc(nu * sizeof *w->parent);
    w->order = malloc(nu * sizeof *w->order);
    w->subtree_end = malloc(nu * sizeof *w->subtree_end);
    w->order_pos = malloc(nu * sizeof *w->order_pos);
    w->depth = malloc(nu * sizeof *w->depth);
    w->unit_rows = calloc(nu, sizeof *w->unit_rows);
    if (!w->unit_of_code || !w->parent || !w->order || !w->subtree_end || !w->order_pos ||
        !w->depth || !w->unit_rows)
        return -1;
    for (size_t c = 0; c < w->ucodes.n; c++)
        w->unit_of_code[c] = -1;
    for (size_t u = 0; u < w->nunits; u++)
        if (w->unit_of_code[w->u_code[u]] < 0)
            w->unit_of_code[w->u_code[u]] = (int32_t)u;     /* the first one wins */
    /* Codes in rising order (as a database walk gives them) are found by
     * bisection; others through a hash table. */
    if (!w->psorted && strtab_index(&w->pcodes, w->pcodes.n) != 0)
        return -1;
    if (build_tree(w) != 0)
        return -1;
    for (size_t i = 0; i < w->npositions; i++)
        if (pos_unit(w, i) < 0)
            w->problems.positions_without_unit++;
    w->built = true;
    return 0;
}

struct workload *workload_new(const struct unit *units, size_t nunits,
                              const struct position *positions, size_t npositions,
                              const struct policy *p)
{
    struct workload *w = workload_begin(p);
    if (!w || workload_reserve(w, nunits, npositions) != 0)
        goto fail;
    for (size_t i = 0; i < nunits; i++)
        if (workload_add_unit(w, &units[i]) != 0)
            goto fail;
    for (size_t i = 0; i < npositions; i++)
        if (workload_add_position(w, &positions[i]) != 0)
            goto fail;
    if (workload_build(w) == 0)
        return w;
fail:
    workload_free(w);
    return NULL;
}

const char *workload_unit_code(const struct workload *w, size_t unit)
{
    return strtab_get(&w->ucodes, w->u_code[unit]);
}

const char *workload_unit_district(const struct workload *w, size_t unit)
{
    return w->districts.name[w->u_district[unit]];
}

const char *workload_position_code(const struct workload *w, size_t position)
{
    return strtab_get(&w->pcodes, (uint32_t)position);
}

const char *workload_position_unit_code(const struct workload *w, size_t position)
{
    return strtab_get(&w->ucodes, w->p_unit[position]);
}

const char *workload_position_family(const struct workload *w, size_t position)
{
    return w->families.name[w->p_family[position]];
}

size_t workload_unit_count(const struct workload *w)
{
    return w->nunits;
}

size_t workload_position_count(const struct workload *w)
{
    return w->npositions;
}

long workload_unit_index(const struct workload *w, const char *code)
{
    if (!w->built || !code)
        return -1;
    uint32_t id = strtab_find(&w->ucodes, code);
    return id == NO_ID ? -1 : w->unit_of_code[id];
}

/* A position by code: bisection over rising codes, else the hash table. */
static long find_position(const struct workload *w, const char *code, size_t hint)
{
    if (!code)
        return -1;
    if (!w->psorted || w->pcodes.ix.slot) {
        uint32_t id = strtab_find(&w->pcodes, code);
        return id == NO_ID ? -1 : (long)id;
    }
    size_t n = w->npositions;
    size_t lo = 0, hi = n;
    /* Counts usually come in code order too: gallop forward from the last
     * one found, so that each costs a few comparisons. */
    if (hint < n && strcmp(strtab_get(&w->pcodes, (uint32_t)hint), code) <= 0) {
        size_t step = 1;
        lo = hint;
        while (lo + step < n && strcmp(strtab_get(&w->pcodes, (uint32_t)(lo + step)), code) <= 0) {
            lo += step;
            step *= 2;
        }
        hi = lo + step < n ? lo + step + 1 : n;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(strtab_get(&w->pcodes, (uint32_t)mid), code);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

long workload_position_index(const struct workload *w, const char *code)
{
    return w->built ? find_position(w, code, 0) : -1;
}

int workload_index_positions(struct workload *w)
{
    if (!w->built || w->pcodes.ix.slot)
        return 0;
    if (strtab_index(&w->pcodes, w->pcodes.n) == 0)
        return 0;
    hindex_free(&w->pcodes.ix);     /* a partial index would miss codes */
    return -1;
}

void workload_unindex_positions(struct workload *w)
{
    if (w->built && w->psorted)
        hindex_free(&w->pcodes.ix);
}

int workload_add_staff(struct workload *w, const char *position_code, uint32_t n)
{
    if (!w->built)
        return -1;
    long i = find_position(w, position_code, w->hint);
    if (i < 0) {
        w->problems.staff_without_position += n;
        return -1;
    }
    w->hint = (size_t)i;
    w->pos_rows[i].existing += n;
    return 0;
}

void workload_set_existing(struct workload *w, size_t position, int64_t n)
{
    if (position < w->npositions)
        w->pos_rows[position].existing = n;
}

void workload_clear_staff(struct workload *w)
{
    for (size_t i = 0; i < w->npositions; i++)
        w->pos_rows[i].existing = 0;
    w->problems.staff_without_position = 0;
}

void workload_compute(struct workload *w)
{
    if (!w->built)
        return;
    memset(w->unit_rows, 0, (w->nunits ? w->nunits : 1) * sizeof *w->unit_rows);
    for (size_t i = 0; i < w->npositions; i++) {
        struct wl_row *r = &w->pos_rows[i];
        r->need = wl_need(r->workload_minutes, w->p_need[i], &w->policy);
        long u = pos_unit(w, i);
        if (u >= 0)
            wl_row_add(&w->unit_rows[u], r);
    }
    /* bottom-up: in reverse tree order every child comes before its parent */
    for (size_t i = w->nunits; i-- > 0;) {
        int32_t u = w->order[i], p = w->parent[u];
        if (p >= 0)
            wl_row_add(&w->unit_rows[p], &w->unit_rows[u]);
    }
}

const struct wl_row *workload_position_row(const struct workload *w, size_t position)
{
    return &w->pos_rows[position];
}

const struct wl_row *workload_unit_row(const struct workload *w, size_t unit)
{
    return &w->unit_rows[unit];
}

long workload_position_unit(const struct workload *w, size_t position)
{
    return pos_unit(w, position);
}

long workload_unit_parent(const struct workload *w, size_t unit)
{
    return w->parent[unit];
}

size_t workload_unit_order(const struct workload *w, size_t unit)
{
    return (size_t)w->order_pos[unit];
}

int workload_unit_depth(const struct workload *w, size_t unit)
{
    return w->depth[unit];
}

void workload_problems(const struct workload *w, struct wl_problems *out)
{
    *out = w->problems;
}

/* The range [lo, hi) of the tree order covered by root (-1 = all). */
static void subtree_range(const struct workload *w, long root, size_t *lo, size_t *hi)
{
    if (root < 0 || (size_t)root >= w->nunits) {
        *lo = 0, *hi = w->nunits;
        return;
    }
    *lo = (size_t)w->order_pos[root];
    *hi = (size_t)w->subtree_end[root];
}

size_t workload_units_in(const struct workload *w, long root, size_t **out)
{
    size_t lo, hi;
    subtree_range(w, root, &lo, &hi);
    *out = malloc((hi - lo ? hi - lo : 1) * sizeof **out);
    if (!*out)
        return 0;
    for (size_t i = lo; i < hi; i++)
        (*out)[i - lo] = (size_t)w->order[i];
    return hi - lo;
}

size_t workload_positions_in(const struct workload *w, long root, size_t **out)
{
    size_t lo, hi;
    subtree_range(w, root, &lo, &hi);
    /* Bucket the positions by their unit's place in the tree order
     * (counting sort: stable, so input order holds within a unit). */
    size_t span = hi - lo;
    size_t *count = calloc(span + 1, sizeof *count);
    *out = NULL;
    if (!count)
        return 0;
    size_t total = 0;
    for (size_t i = 0; i < w->npositions; i++) {
        long u = pos_unit(w, i);
        if (u < 0)
            continue;
        size_t at = (size_t)w->order_pos[u];
        if (at >= lo && at < hi)
            count[at - lo + 1]++, total++;
    }
    for (size_t k = 0; k < span; k++)
        count[k + 1] += count[k];
    *out = malloc((total ? total : 1) * sizeof **out);
    if (!*out) {
        free(count);
        return 0;
    }
    for (size_t i = 0; i < w->npositions; i++) {
        long u = pos_unit(w, i);
        if (u < 0)
            continue;
        size_t at = (size_t)w->order_pos[u];
        if (at >= lo && at < hi)
            (*out)[count[at - lo]++] = i;
    }
    free(count);
    return total;
}

static int group_cmp(const void *a, const void *b)
{
    return strcmp(((const struct wl_group *)a)->name, ((const struct wl_group *)b)->name);
}

static void copy_name(char *dst, const char *src)
{
    size_t n = strnlen(src, NAME_SIZE - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static size_t group_units(const struct workload *w, long root, struct wl_group **out)
{
    size_t *units;
    size_t n = workload_units_in(w, root, &units);
    *out = NULL;
    if (!units)
        return 0;
    *out = calloc(n ? n : 1, sizeof **out);
    if (!*out) {
        free(units);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        copy_name((*out)[i].name, workload_unit_code(w, units[i]));
        (*out)[i].depth = w->depth[units[i]];
        (*out)[i].row = w->unit_rows[units[i]];
    }
    free(units);
    return n;
}

/* Sums the positions of a subtree by a key (district or job family):
 * the keys are interned, so one row per distinct key, then a sort by
 * name. */
static size_t group_by_key(const struct workload *w, long root, int by, struct wl_group **out)
{
    size_t lo, hi;
    subtree_range(w, root, &lo, &hi);
    *out = NULL;
    const struct names *keys = by == WL_BY_DISTRICT ? &w->districts : &w->families;
    size_t nk = keys->n ? keys->n : 1;
    int32_t *group_of = malloc(nk * sizeof *group_of);
    struct wl_group *g = calloc(nk, sizeof *g);
    if (!group_of || !g) {
        free(group_of), free(g);
        return 0;
    }
    memset(group_of, 0xff, nk * sizeof *group_of);
    size_t ng = 0;
    /* Straight over the positions (no list of a million indexes): those
     * whose unit lies in the subtree's range of the tree order. */
    for (size_t i = 0; i < w->npositions; i++) {
        long u = pos_unit(w, i);
        if (u < 0 || (size_t)w->order_pos[u] < lo || (size_t)w->order_pos[u] >= hi)
            continue;
        int32_t key = by == WL_BY_DISTRICT ? w->u_district[u] : w->p_family[i];
        if (group_of[key] < 0) {
            group_of[key] = (int32_t)ng;
            copy_name(g[ng++].name, keys->name[key]);
        }
        wl_row_add(&g[group_of[key]].row, &w->pos_rows[i]);
    }
    free(group_of);
    qsort(g, ng, sizeof *g, group_cmp);
    *out = g;
    return ng;
}

size_t workload_group(const struct workload *w, long root, int by, struct wl_group **out)
{
    if (by == WL_BY_UNIT)
        return group_units(w, root, out);
    return group_by_key(w, root, by, out);
}
