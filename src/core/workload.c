/* ABK engine: need, gap, EJ and grade per position, roll-up over the unit
 * tree, grouping. Integer arithmetic throughout, so rounding and band
 * boundaries are exact. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "core/workload.h"

/* ---- figures of one row ------------------------------------------------ */

int64_t wl_need(int64_t workload_minutes, int32_t override, const struct policy *p)
{
    if (override >= 0)
        return override;
    int64_t e = p->effective_minutes;
    if (workload_minutes <= 0 || e <= 0)
        return 0;
    if (p->rounding == ROUND_UP)
        return (workload_minutes + e - 1) / e;
    /* half-up: floor(w/e + 1/2) = floor((2w + e) / 2e) */
    return (2 * workload_minutes + e) / (2 * e);
}

int64_t wl_gap(const struct wl_row *r)
{
    return r->existing - r->need;
}

int64_t wl_ej_hundredths(const struct wl_row *r, const struct policy *p)
{
    if (r->existing <= 0 || p->effective_minutes <= 0)
        return -1;
    int64_t den = r->existing * p->effective_minutes;
    return (200 * r->workload_minutes + den) / (2 * den);
}

/* EJ >= h/100 exactly: workload * 100 >= h * existing * effective. */
static int ej_at_least(const struct wl_row *r, const struct policy *p, int h)
{
    return r->workload_minutes * 100 >= (int64_t)h * r->existing * p->effective_minutes;
}

int wl_grade(const struct wl_row *r, const struct policy *p)
{
    if (r->existing <= 0 || p->effective_minutes <= 0)
        return WL_GRADE_NONE;
    if (r->workload_minutes * 100 >
        (int64_t)p->ej_a_above * r->existing * p->effective_minutes)
        return WL_GRADE_A;
    if (ej_at_least(r, p, p->ej_b_from))
        return WL_GRADE_B;
    if (ej_at_least(r, p, p->ej_c_from))
        return WL_GRADE_C;
    if (ej_at_least(r, p, p->ej_d_from))
        return WL_GRADE_D;
    return WL_GRADE_E;
}

const char *wl_grade_name(int grade)
{
    static const char *const names[] = {"", "A", "B", "C", "D", "E"};
    return grade >= 0 && grade <= WL_GRADE_E ? names[grade] : "";
}

size_t wl_format_ej(const struct wl_row *r, const struct policy *p, char out[24])
{
    int64_t h = wl_ej_hundredths(r, p);
    if (h < 0) {
        out[0] = '\0';
        return 0;
    }
    /* Formatted by hand: core does no I/O and this keeps it locale-free. */
    char tmp[24];
    size_t n = 0;
    int64_t whole = h / 100;
    do {
        tmp[n++] = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole > 0 && n < sizeof tmp);
    size_t len = 0;
    while (n > 0)
        out[len++] = tmp[--n];
    out[len++] = '.';
    out[len++] = (char)('0' + h / 10 % 10);
    out[len++] = (char)('0' + h % 10);
    out[len] = '\0';
    return len;
}

void wl_row_add(struct wl_row *a, const struct wl_row *b)
{
    a->workload_minutes += b->workload_minutes;
    a->need += b->need;
    a->existing += b->existing;
}

/* ---- code index: open addressing over borrowed, strided records -------- */

struct codeslot {
    int32_t idx;             /* record index, -1 empty */
    uint32_t tag;            /* high bits of the hash: most misses never
                                touch the record (a cache miss each) */
};

struct codeidx {
    const char *base;        /* first record's code field */
    size_t stride;           /* bytes between records */
    size_t mask;             /* capacity - 1 (power of two) */
    struct codeslot *slot;
};

static uint64_t hash_code(const char *s)
{
    uint64_t h = 14695981039346656037ull;    /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h ^ (h >> 29);
}

static const char *code_at(const struct codeidx *x, size_t i)
{
    return x->base + i * x->stride;
}

static int codeidx_build(struct codeidx *x, const char *base, size_t stride, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    x->base = base, x->stride = stride, x->mask = cap - 1;
    x->slot = malloc(cap * sizeof *x->slot);
    if (!x->slot)
        return -1;
    memset(x->slot, 0xff, cap * sizeof *x->slot);
    for (size_t i = 0; i < n; i++) {
        uint64_t hv = hash_code(code_at(x, i));
        uint32_t tag = (uint32_t)(hv >> 32);
        size_t h = (size_t)hv & x->mask;
        while (x->slot[h].idx >= 0) {
            if (x->slot[h].tag == tag &&
                strcmp(code_at(x, (size_t)x->slot[h].idx), code_at(x, i)) == 0)
                break;       /* duplicate code: the first one wins */
            h = (h + 1) & x->mask;
        }
        if (x->slot[h].idx < 0)
            x->slot[h] = (struct codeslot){(int32_t)i, tag};
    }
    return 0;
}

static long codeidx_find(const struct codeidx *x, const char *code)
{
    if (!code || !x->slot)
        return -1;
    uint64_t hv = hash_code(code);
    uint32_t tag = (uint32_t)(hv >> 32);
    size_t h = (size_t)hv & x->mask;
    while (x->slot[h].idx >= 0) {
        if (x->slot[h].tag == tag && strcmp(code_at(x, (size_t)x->slot[h].idx), code) == 0)
            return x->slot[h].idx;
        h = (h + 1) & x->mask;
    }
    return -1;
}

/* ---- interned names (districts, job families): few distinct values --- */

struct names {
    char (*name)[NAME_SIZE];
    size_t n, cap;
    int32_t *slot;            /* open addressing, capacity 2 * cap */
    size_t mask;
};

static int names_grow(struct names *t)
{
    size_t cap = t->cap ? t->cap * 2 : 64;
    char(*nn)[NAME_SIZE] = realloc(t->name, cap * sizeof *nn);
    if (!nn)
        return -1;
    t->name = nn;
    int32_t *slot = malloc(2 * cap * sizeof *slot);
    if (!slot)
        return -1;
    free(t->slot);
    t->slot = slot, t->cap = cap, t->mask = 2 * cap - 1;
    memset(slot, 0xff, 2 * cap * sizeof *slot);
    for (size_t i = 0; i < t->n; i++) {
        size_t h = (size_t)hash_code(t->name[i]) & t->mask;
        while (slot[h] >= 0)
            h = (h + 1) & t->mask;
        slot[h] = (int32_t)i;
    }
    return 0;
}

/* The id of a name, added when new; -1 when out of memory. */
static int32_t names_intern(struct names *t, const char *s, size_t maxlen)
{
    char key[NAME_SIZE];
    size_t len = strnlen(s, maxlen < NAME_SIZE ? maxlen : NAME_SIZE - 1);
    memcpy(key, s, len);
    key[len] = '\0';
    if (t->n == t->cap && names_grow(t) != 0)
        return -1;
    size_t h = (size_t)hash_code(key) & t->mask;
    while (t->slot[h] >= 0) {
        if (strcmp(t->name[t->slot[h]], key) == 0)
            return t->slot[h];
        h = (h + 1) & t->mask;
    }
    memcpy(t->name[t->n], key, len + 1);
    t->slot[h] = (int32_t)t->n;
    return (int32_t)t->n++;
}

/* ---- the engine -------------------------------------------------------- */

/* Only what the analysis needs is kept of each record (the full records
 * would cost several times the memory at a million staff). */
struct wl_unit {
    char code[CODE_SIZE];
    char parent[CODE_SIZE];
    int32_t district;         /* interned */
};
struct wl_pos {
    char unit[CODE_SIZE];
    int32_t family;           /* interned */
    int32_t need;             /* override or NEED_FROM_ABK */
    int64_t workload;
};

struct workload {
    struct wl_unit *units;
    struct wl_pos *positions;
    char (*pcode)[CODE_SIZE];   /* position codes apart: the lookup of a
                                   million staff touches only these */
    size_t capc;
    size_t nunits, npositions, capu, capp;
    struct names districts, families;
    bool built;
    struct policy policy;
    struct codeidx unit_idx, pos_idx;
    int32_t *parent;          /* per unit: parent index, -1 root */
    int32_t *pos_unit;        /* per position: unit index, -1 unknown */
    int32_t *order;           /* units in tree order (pre-order DFS) */
    int32_t *subtree_end;     /* per unit: order[pos..end) is its subtree */
    int32_t *order_pos;       /* per unit: its place in order */
    int32_t *depth;
    int64_t *existing;        /* per position */
    struct wl_row *pos_rows, *unit_rows;
    struct wl_problems problems;
};

void workload_free(struct workload *w)
{
    if (!w)
        return;
    free(w->units);
    free(w->positions);
    free(w->pcode);
    free(w->districts.name), free(w->districts.slot);
    free(w->families.name), free(w->families.slot);
    free(w->unit_idx.slot);
    free(w->pos_idx.slot);
    free(w->parent);
    free(w->pos_unit);
    free(w->order);
    free(w->subtree_end);
    free(w->order_pos);
    free(w->depth);
    free(w->existing);
    free(w->pos_rows);
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
        if (w->units[u].parent[0]) {
            long p = codeidx_find(&w->unit_idx, w->units[u].parent);
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
    if (w)
        w->policy = *p;
    return w;
}

static void copy_code(char dst[CODE_SIZE], const char *src)
{
    size_t n = strnlen(src, CODE_SIZE - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static int grow(void **arr, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 256;
    void *p = realloc(*arr, c * size);
    if (!p)
        return -1;
    *arr = p, *cap = c;
    return 0;
}

int workload_reserve(struct workload *w, size_t nunits, size_t npositions)
{
    if (w->built)
        return -1;
    if (nunits > w->capu) {
        void *p = realloc(w->units, nunits * sizeof *w->units);
        if (!p)
            return -1;
        w->units = p, w->capu = nunits;
    }
    if (npositions > w->capp) {
        void *p = realloc(w->positions, npositions * sizeof *w->positions);
        if (!p)
            return -1;
        w->positions = p, w->capp = npositions;
        p = realloc(w->pcode, npositions * sizeof *w->pcode);
        if (!p)
            return -1;
        w->pcode = p, w->capc = npositions;
    }
    return 0;
}

int workload_add_unit(struct workload *w, const struct unit *u)
{
    if (w->built || grow((void **)&w->units, &w->capu, w->nunits, sizeof *w->units))
        return -1;
    struct wl_unit *r = &w->units[w->nunits];
    copy_code(r->code, u->code);
    copy_code(r->parent, u->parent);
    r->district = names_intern(&w->districts, u->district, DISTRICT_SIZE);
    if (r->district < 0)
        return -1;
    w->nunits++;
    return 0;
}

int workload_add_position(struct workload *w, const struct position *p)
{
    if (w->built ||
        grow((void **)&w->positions, &w->capp, w->npositions, sizeof *w->positions) ||
        grow((void **)&w->pcode, &w->capc, w->npositions, sizeof *w->pcode))
        return -1;
    struct wl_pos *r = &w->positions[w->npositions];
    copy_code(w->pcode[w->npositions], p->code);
    copy_code(r->unit, p->unit);
    r->family = names_intern(&w->families, p->job_family, FAMILY_SIZE);
    r->need = p->need;
    r->workload = p->workload_minutes;
    if (r->family < 0)
        return -1;
    w->npositions++;
    return 0;
}

int workload_build(struct workload *w)
{
    if (w->built)
        return -1;
    size_t nu = w->nunits ? w->nunits : 1, np = w->npositions ? w->npositions : 1;
    w->parent = malloc(nu * sizeof *w->parent);
    w->order = malloc(nu * sizeof *w->order);
    w->subtree_end = malloc(nu * sizeof *w->subtree_end);
    w->order_pos = malloc(nu * sizeof *w->order_pos);
    w->depth = malloc(nu * sizeof *w->depth);
    w->unit_rows = calloc(nu, sizeof *w->unit_rows);
    w->pos_unit = malloc(np * sizeof *w->pos_unit);
    w->existing = calloc(np, sizeof *w->existing);
    w->pos_rows = calloc(np, sizeof *w->pos_rows);
    if (!w->parent || !w->order || !w->subtree_end || !w->order_pos || !w->depth ||
        !w->unit_rows || !w->pos_unit || !w->existing || !w->pos_rows ||
        codeidx_build(&w->unit_idx, w->units ? w->units[0].code : NULL,
                      sizeof *w->units, w->nunits) ||
        codeidx_build(&w->pos_idx, w->pcode ? w->pcode[0] : NULL, sizeof *w->pcode,
                      w->npositions) ||
        build_tree(w) != 0)
        return -1;
    long u = -1;
    for (size_t i = 0; i < w->npositions; i++) {
        /* positions usually come grouped by unit: reuse the last lookup */
        if (i == 0 || strcmp(w->positions[i].unit, w->positions[i - 1].unit) != 0)
            u = codeidx_find(&w->unit_idx, w->positions[i].unit);
        w->pos_unit[i] = (int32_t)u;
        if (u < 0)
            w->problems.positions_without_unit++;
    }
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
    return w->units[unit].code;
}

const char *workload_unit_district(const struct workload *w, size_t unit)
{
    return w->districts.name[w->units[unit].district];
}

const char *workload_position_code(const struct workload *w, size_t position)
{
    return w->pcode[position];
}

const char *workload_position_unit_code(const struct workload *w, size_t position)
{
    return w->positions[position].unit;
}

const char *workload_position_family(const struct workload *w, size_t position)
{
    return w->families.name[w->positions[position].family];
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
    return codeidx_find(&w->unit_idx, code);
}

long workload_position_index(const struct workload *w, const char *code)
{
    return codeidx_find(&w->pos_idx, code);
}

int workload_add_staff(struct workload *w, const char *position_code, uint32_t n)
{
    if (!w->built)
        return -1;
    long i = codeidx_find(&w->pos_idx, position_code);
    if (i < 0) {
        w->problems.staff_without_position += n;
        return -1;
    }
    w->existing[i] += n;
    return 0;
}

void workload_set_existing(struct workload *w, size_t position, int64_t n)
{
    if (position < w->npositions)
        w->existing[position] = n;
}

void workload_clear_staff(struct workload *w)
{
    memset(w->existing, 0, (w->npositions ? w->npositions : 1) * sizeof *w->existing);
    w->problems.staff_without_position = 0;
}

void workload_compute(struct workload *w)
{
    if (!w->built)
        return;
    memset(w->unit_rows, 0, (w->nunits ? w->nunits : 1) * sizeof *w->unit_rows);
    for (size_t i = 0; i < w->npositions; i++) {
        const struct wl_pos *p = &w->positions[i];
        struct wl_row *r = &w->pos_rows[i];
        r->workload_minutes = p->workload;
        r->need = wl_need(p->workload, p->need, &w->policy);
        r->existing = w->existing[i];
        if (w->pos_unit[i] >= 0)
            wl_row_add(&w->unit_rows[w->pos_unit[i]], r);
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
    return w->pos_unit[position];
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
        int32_t u = w->pos_unit[i];
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
        int32_t u = w->pos_unit[i];
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
        copy_name((*out)[i].name, w->units[units[i]].code);
        (*out)[i].depth = w->depth[units[i]];
        (*out)[i].row = w->unit_rows[units[i]];
    }
    free(units);
    return n;
}

/* Sums the positions of a subtree by a key (district or job family): a
 * small hash from key to group, then a sort by name. */
static size_t group_by_key(const struct workload *w, long root, int by, struct wl_group **out)
{
    size_t *pos;
    size_t n = workload_positions_in(w, root, &pos);
    *out = NULL;
    if (!pos)
        return 0;
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    int32_t *slot = malloc(cap * sizeof *slot);
    struct wl_group *g = calloc(n ? n : 1, sizeof *g);
    if (!slot || !g) {
        free(slot), free(g), free(pos);
        return 0;
    }
    memset(slot, 0xff, cap * sizeof *slot);
    size_t ng = 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = pos[k];
        const char *key = by == WL_BY_DISTRICT
                              ? w->districts.name[w->units[w->pos_unit[i]].district]
                              : w->families.name[w->positions[i].family];
        size_t h = (size_t)hash_code(key) & (cap - 1);
        while (slot[h] >= 0 && strcmp(g[slot[h]].name, key) != 0)
            h = (h + 1) & (cap - 1);
        if (slot[h] < 0) {
            slot[h] = (int32_t)ng;
            copy_name(g[ng++].name, key);
        }
        wl_row_add(&g[slot[h]].row, &w->pos_rows[i]);
    }
    free(slot), free(pos);
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
