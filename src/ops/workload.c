/* The ABK table: units, positions and the staff counts read in one read
 * transaction, and the roll-up computed. */
#include "core/i18n.h"
#include "ops/ops.h"

static int take_unit(const struct unit *u, void *ctx)
{
    return workload_add_unit(ctx, u);
}

static int take_position(const struct position *p, void *ctx)
{
    return workload_add_position(ctx, p);
}

static int count_holders(const char *position, size_t n, void *ctx)
{
    workload_add_staff(ctx, position, (uint32_t)n);
    return 0;
}

struct workload *ops_workload_load(struct ops *o, struct wl_problems *pr, struct ops_err *e)
{
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return NULL;
    struct workload *w = workload_begin(ops_policy(o));
    if (!w || store_each_unit(t, take_unit, w) != 0 ||
        store_each_position(t, take_position, w) != 0 || workload_build(w) != 0 ||
        store_each_position_count(t, count_holders, w) != 0) {
        ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
        workload_free(w);
        w = NULL;
    }
    store_read_end(t);
    if (w) {
        workload_compute(w);
        workload_problems(w, pr);
    }
    return w;
}
