/* The per-position workload listing, streamed: the unit tree alone
 * (core/unit_order: codes and links, no figures), then the positions unit
 * by unit in tree order, each handed on as it is read with its holders
 * counted from the staff index. No array grows with the positions, and the
 * pages of the map read go back now and then (store_read_release), so the
 * peak memory follows the number of units (some 40 bytes each), not of
 * rows. The text form's total comes from the stored sums (store.h): the
 * job families' for every tree, the units' own entries for a subtree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/unit_order.h"
#include "ops/ops.h"

/* Rows between two releases of the map pages read (store_read_release):
 * under 1 MB of records and index at L, where the positions lie together
 * in the file. The aggregates lie scattered, and a page touched maps the
 * whole folio of the page cache around it (up to 2 MB): they release
 * more often. */
#define RELEASE_EVERY 4096
#define RELEASE_EVERY_AGGREGATE 1024

/* read_tree's "out of memory": a value no store call returns (they give
 * STORE_ERROR, -1), which store_each_unit hands back from take_link. */
#define TREE_NO_MEMORY 1

struct tree_read {
    struct unit_order *tree;
    stxn *t;
    size_t n;
};

/* Units are read in code order: the tree's own order needs no sort. */
static int take_link(const struct unit *u, void *ctx)
{
    struct tree_read *r = ctx;
    if (++r->n % RELEASE_EVERY == 0)
        store_read_release(r->t);
    return unit_order_add(r->tree, u->code, u->parent) == 0 ? 0 : TREE_NO_MEMORY;
}

/* 0, TREE_NO_MEMORY, or the store's error (the database cannot be read). */
static int read_tree(stxn *t, struct unit_order **out)
{
    struct tree_read r = {unit_order_new(), t, 0};
    int rc = !r.tree || unit_order_reserve(r.tree, store_count_units(t)) != 0 ? TREE_NO_MEMORY : 0;
    if (rc == 0)
        rc = store_each_unit(t, take_link, &r);
    if (rc == 0 && unit_order_build(r.tree) != 0)
        rc = TREE_NO_MEMORY;
    if (rc != 0) {
        unit_order_free(r.tree);
        return rc;
    }
    *out = r.tree;
    return 0;
}

int ops_workload_listing_open(struct ops *o, struct ops_wl_listing *l, struct ops_err *e)
{
    memset(l, 0, sizeof *l);
    l->o = o;
    l->t = ops_read_begin(o, e);
    if (!l->t)
        return OPS_REFUSED;
    store_read_release(l->t);           /* and the map's pages come one by one from now */
    int r = read_tree(l->t, &l->tree);
    if (r != 0) {
        if (r == TREE_NO_MEMORY)
            ops_fail(e, "%s", _("out of memory"));
        else
            ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
        ops_workload_listing_close(l);
        return OPS_REFUSED;
    }
    store_read_release(l->t);
    unit_order_problems(l->tree, &l->problems.units_without_parent, &l->problems.units_in_cycle);
    l->problems.positions_without_unit = (size_t)store_wl_unplaced_positions(l->t);
    l->problems.staff_without_position = (size_t)store_wl_orphan_staff(l->t);
    return OPS_OK;
}

void ops_workload_listing_close(struct ops_wl_listing *l)
{
    unit_order_free(l->tree);
    if (l->t)
        store_read_end(l->t);
    l->tree = NULL;
    l->t = NULL;
}

long ops_workload_listing_unit(const struct ops_wl_listing *l, const char *code)
{
    return unit_order_find(l->tree, code);
}

/* ---- the total ------------------------------------------------------------------ */

/* The aggregates were kept with the session's rounding policy. */
static bool sums_serve(const struct ops_wl_listing *l)
{
    int64_t eff;
    int rounding;
    const struct policy *p = ops_policy(l->o);
    return store_wl_params_get(l->t, &eff, &rounding) == STORE_OK &&
           eff == p->effective_minutes && rounding == p->rounding;
}

static int sum_own(const char *unit, const char *family, const struct wl_row *own,
                   uint64_t npositions, void *ctx)
{
    (void)unit, (void)family, (void)npositions;
    wl_row_add(ctx, own);
    return 0;
}

static int sum_group(const char *name, const struct wl_row *sum, uint64_t npositions, void *ctx)
{
    (void)name, (void)npositions;
    wl_row_add(ctx, sum);
    return 0;
}

/* The stored sums: of every tree, the job families' (the positions of
 * every known unit, a few dozen entries); of a subtree, its units' own. */
static int sum_stored(const struct ops_wl_listing *l, long root, struct wl_row *out)
{
    if (root < 0)
        return store_each_wl_group(l->t, STORE_WL_FAMILY, sum_group, out);
    int r = 0;
    size_t n = 0;
    for (long u = unit_order_first(l->tree, root); u >= 0 && r == 0;
         u = unit_order_next(l->tree, root, u)) {
        r = store_each_wl_aggregate_of(l->t, unit_order_code(l->tree, (size_t)u), sum_own, out);
        if (++n % RELEASE_EVERY_AGGREGATE == 0)
            store_read_release(l->t);
    }
    return r;
}

static int sum_row(const struct ops_wl_line *line, void *ctx)
{
    wl_row_add(ctx, &line->row);
    return 0;
}

int ops_workload_listing_total(const struct ops_wl_listing *l, long root, struct wl_row *out,
                               struct ops_err *e)
{
    memset(out, 0, sizeof *out);
    if (!sums_serve(l))         /* kept with another policy: the rows themselves */
        return ops_workload_listing_each(l, root, false, sum_row, out, e);
    if (sum_stored(l, root, out) != 0)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(l->o->db));
    store_read_release(l->t);
    return OPS_OK;
}

/* ---- the rows --------------------------------------------------------------------- */

int ops_workload_listing_measure(const struct ops_wl_listing *l, long root,
                                 struct ops_wl_measure *m, struct ops_err *e)
{
    memset(m, 0, sizeof *m);
    store_pos_reader *pr = store_pos_reader_open(l->t);
    int r = pr ? OPS_OK : ops_fail(e, _("could not read the database: %s"), store_errmsg(l->o->db));
    for (long u = unit_order_first(l->tree, root); u >= 0 && r == OPS_OK;
         u = unit_order_next(l->tree, root, u)) {
        const char *code = unit_order_code(l->tree, (size_t)u);
        size_t count, longest;
        if (store_pos_reader_codes(pr, code, &count, &longest) != STORE_OK) {
            r = ops_fail(e, _("could not read the database: %s"), store_errmsg(l->o->db));
        } else if (count) {
            if (m->positions / RELEASE_EVERY != (m->positions + count) / RELEASE_EVERY)
                store_read_release(l->t);
            m->positions += count;
            if (strlen(code) > m->longest_unit)
                m->longest_unit = strlen(code);
            if (longest > m->longest_position)
                m->longest_position = longest;
        }
    }
    store_pos_reader_close(pr);
    return r;
}

struct lister {
    const struct ops_wl_listing *l;
    const char *unit;            /* code */
    bool names, named;           /* names asked for; this unit's read */
    struct unit rec;             /* with names: the unit's record */
    size_t since_release;        /* rows read since the pages were released */
    ops_wl_row_cb cb;
    void *ctx;
};

static int list_position(const struct position *p, size_t holders, void *ctx)
{
    struct lister *s = ctx;
    if (s->names && !s->named) {         /* read at its first position: most have none */
        if (store_get_unit(s->l->t, s->unit, &s->rec) == STORE_ERROR)
            return -1;
        s->named = true;
    }
    s->since_release++;
    struct ops_wl_line line = {
        .unit = s->unit, .unit_name = s->rec.name, .position = p,
        .row = {p->workload_minutes, wl_need(p->workload_minutes, p->need, ops_policy(s->l->o)),
                (int64_t)holders},
    };
    return s->cb(&line, s->ctx);
}

int ops_workload_listing_each(const struct ops_wl_listing *l, long root, bool names,
                              ops_wl_row_cb cb, void *ctx, struct ops_err *e)
{
    struct lister s = {.l = l, .names = names, .cb = cb, .ctx = ctx};
    store_pos_reader *pr = store_pos_reader_open(l->t);
    int r = pr ? 0 : -1;
    for (long u = unit_order_first(l->tree, root); u >= 0 && r == 0;
         u = unit_order_next(l->tree, root, u)) {
        s.unit = unit_order_code(l->tree, (size_t)u);
        s.rec.name[0] = '\0';
        s.named = false;
        r = store_pos_reader_unit(pr, s.unit, list_position, &s);
        if (s.since_release >= RELEASE_EVERY) {
            store_read_release(l->t);
            s.since_release = 0;
        }
    }
    store_pos_reader_close(pr);
    if (r < 0)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(l->o->db));
    return r ? OPS_STOPPED : OPS_OK;
}
