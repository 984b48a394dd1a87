/* The ABK table: units, positions and the staff counts read in one read
 * transaction, and the roll-up computed. The one loader of the workload
 * from the database: the workload verb, the plan views and the optimiser
 * all read it here. */
#include "core/i18n.h"
#include "ops/ops.h"

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
