/* The ABK table: units, positions and the staff counts read in one read
 * transaction, and the roll-up computed. The one loader of the workload
 * from the database: the workload verb, the plan views and the optimiser
 * all read it here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "ops/ops.h"
#include "ops/workload_internal.h"

struct feed {
    struct workload *w;
    const struct ops_workload_tap *tap;
};

static int take_unit(const struct unit *u, void *ctx)
{
    struct feed *f = ctx;
    if (workload_add_unit(f->w, u) != 0)
        return -1;
    return f->tap && f->tap->unit ? f->tap->unit(u, f->tap->ctx) : 0;
}

static int take_position(const struct position *p, void *ctx)
{
    struct feed *f = ctx;
    if (workload_add_position(f->w, p) != 0)
        return -1;
    return f->tap && f->tap->position ? f->tap->position(p, f->tap->ctx) : 0;
}

static int count_holders(const char *position, size_t n, void *ctx)
{
    workload_add_staff(ctx, position, (uint32_t)n);
    return 0;
}

struct workload *ops_workload_read(struct ops *o, stxn *t, const struct ops_workload_tap *tap)
{
    struct feed f = {workload_begin(ops_policy(o)), tap};
    if (!f.w || workload_reserve(f.w, store_count_units(t), store_count_positions(t)) != 0 ||
        store_each_unit(t, take_unit, &f) != 0 || store_each_position(t, take_position, &f) != 0 ||
        workload_build(f.w) != 0 || store_each_position_count(t, count_holders, f.w) != 0) {
        workload_free(f.w);
        return NULL;
    }
    workload_compute(f.w);
    return f.w;
}

struct workload *ops_workload_load(struct ops *o, struct wl_problems *pr, struct ops_err *e)
{
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return NULL;
    struct workload *w = ops_workload_read(o, t, NULL);
    if (!w)
        ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    store_read_end(t);
    if (w)
        workload_problems(w, pr);
    return w;
}

int ops_keep_workload_params(const struct policy *p, stxn *t)
{
    if (!p)
        return STORE_OK;        /* no configuration: they stay as they are */
    return store_wl_params_set(t, p->effective_minutes, p->rounding);
}

/* The stored aggregates as one summary "position" each. */
struct summary {
    struct workload *w;
    struct position p;           /* reused: only the fields the roll-up reads */
    size_t n;
    uint64_t *npos;              /* per summary: positions it stands for */
    int64_t *existing;
    size_t cap;
    bool too_big;
};

/* Summaries carry rising codes, so that the roll-up needs no code index. */
static void summary_code(size_t n, char out[CODE_SIZE])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--, n >>= 4)
        out[i] = hex[n & 15];
    out[16] = '\0';
}

static int take_summary(const char *unit, const char *family, const struct wl_row *own,
                        uint64_t npositions, void *ctx)
{
    struct summary *s = ctx;
    if (own->need < 0 || own->need > INT32_MAX) {
        s->too_big = true;
        return 1;
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 4096;
        uint64_t *np = realloc(s->npos, cap * sizeof *np);
        if (np)
            s->npos = np;
        int64_t *ex = np ? realloc(s->existing, cap * sizeof *ex) : NULL;
        if (!ex)
            return -1;
        s->existing = ex, s->cap = cap;
    }
    summary_code(s->n, s->p.code);
    /* both fit: the store gives them shorter than their fields */
    memcpy(s->p.unit, unit, strlen(unit) + 1);
    memcpy(s->p.job_family, family, strlen(family) + 1);
    s->p.workload_minutes = own->workload_minutes;
    s->p.need = (int32_t)own->need;     /* an override: taken as it is */
    s->npos[s->n] = npositions;
    s->existing[s->n++] = own->existing;
    return workload_add_position(s->w, &s->p);
}

bool ops_wl_params_match(struct ops *o, stxn *t)
{
    int64_t eff;
    int rounding;
    const struct policy *p = ops_policy(o);
    return store_wl_params_get(t, &eff, &rounding) == STORE_OK &&
           eff == p->effective_minutes && rounding == p->rounding;
}

static void summary_problems(struct summary *s, int64_t orphans, struct wl_problems *pr)
{
    workload_problems(s->w, pr);
    pr->positions_without_unit = 0;
    for (size_t i = 0; i < s->n; i++)
        if (workload_position_unit(s->w, i) < 0)
            pr->positions_without_unit += s->npos[i];
    pr->staff_without_position = (size_t)orphans;
}

/* The full load in t, with what it left out. */
static struct workload *full_in(struct ops *o, stxn *t, const struct ops_workload_tap *tap,
                                struct wl_problems *pr)
{
    struct workload *w = ops_workload_read(o, t, tap);
    if (w)
        workload_problems(w, pr);
    return w;
}

/* The summary in t: from the stored aggregates, or the full load (same
 * figures) where they were kept with another rounding policy or do not
 * fit. NULL when the database cannot be read. */
static struct workload *summary_in(struct ops *o, stxn *t, const struct ops_workload_tap *tap,
                                   struct wl_problems *pr)
{
    struct ops_workload_tap units_only = {tap ? tap->unit : NULL, NULL, tap ? tap->ctx : NULL};
    if (!ops_wl_params_match(o, t))
        return full_in(o, t, &units_only, pr);
    struct summary s = {.w = workload_begin(ops_policy(o))};
    struct feed f = {s.w, &units_only};
    int r = !s.w || store_each_unit(t, take_unit, &f) != 0 ||
            store_each_wl_aggregate(t, take_summary, &s) != 0 || workload_build(s.w) != 0;
    int64_t orphans = store_wl_orphan_staff(t);
    if (s.too_big || r) {
        workload_free(s.w);
        free(s.npos), free(s.existing);
        return s.too_big ? full_in(o, t, NULL, pr) : NULL;   /* the units were tapped */
    }
    for (size_t i = 0; i < s.n; i++)
        workload_set_existing(s.w, i, s.existing[i]);
    workload_compute(s.w);
    summary_problems(&s, orphans, pr);
    free(s.npos), free(s.existing);
    return s.w;
}

struct workload *ops_workload_summary_tap(struct ops *o, const struct ops_workload_tap *tap,
                                          struct wl_problems *pr, struct ops_err *e)
{
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return NULL;
    struct workload *w = summary_in(o, t, tap, pr);
    if (!w)
        ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    store_read_end(t);
    return w;
}

/* ---- the tables by district and job family -------------------------------- */

struct groups {
    struct wl_group *g;
    size_t n, cap;
};

static int take_group(const char *name, const struct wl_row *sum, uint64_t npositions, void *ctx)
{
    struct groups *gs = ctx;
    (void)npositions;
    if (gs->n == gs->cap) {
        size_t cap = gs->cap ? 2 * gs->cap : 256;
        struct wl_group *g = realloc(gs->g, cap * sizeof *g);
        if (!g)
            return -1;
        gs->g = g, gs->cap = cap;
    }
    struct wl_group *g = &gs->g[gs->n++];
    memset(g, 0, sizeof *g);
    snprintf(g->name, sizeof g->name, "%s", name);
    g->row = *sum;
    return 0;
}

/* The grouping of the summary, where the sums do not serve. */
static int groups_of_summary(struct ops *o, stxn *t, int by, struct groups *gs,
                             struct wl_problems *pr)
{
    struct workload *w = summary_in(o, t, NULL, pr);
    if (!w)
        return -1;
    gs->n = workload_group(w, -1, by, &gs->g);
    workload_free(w);
    return gs->g ? 0 : -1;
}

int ops_workload_groups(struct ops *o, int by, struct wl_group **out, size_t *n,
                        struct wl_problems *pr, struct ops_err *e)
{
    struct groups gs = {NULL, 0, 0};
    memset(pr, 0, sizeof *pr);
    *out = NULL, *n = 0;
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int r;
    if (ops_wl_params_match(o, t)) {
        r = store_each_wl_group(t, by == WL_BY_DISTRICT ? STORE_WL_DISTRICT : STORE_WL_FAMILY,
                                take_group, &gs);
        pr->positions_without_unit = (size_t)store_wl_unplaced_positions(t);
        pr->staff_without_position = (size_t)store_wl_orphan_staff(t);
    } else {
        r = groups_of_summary(o, t, by, &gs, pr);
    }
    store_read_end(t);
    if (r != 0) {
        free(gs.g);
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    }
    *out = gs.g, *n = gs.n;
    return OPS_OK;
}
