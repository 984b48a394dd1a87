/* The table by unit from the stored unit tree (ops.h, ops_workload_units):
 * the rolled-up figures of every unit read in tree order from one table,
 * so that the whole table by unit costs one walk, not a pass over the
 * units and the positions and a roll-up. */
#include <string.h>
#include "core/i18n.h"
#include "ops/ops.h"

/* The aggregates (and so the tree) were kept with the session's rounding
 * policy. */
static bool same_params(struct ops *o, stxn *t)
{
    int64_t eff;
    int rounding;
    const struct policy *p = ops_policy(o);
    return store_wl_params_get(t, &eff, &rounding) == STORE_OK &&
           eff == p->effective_minutes && rounding == p->rounding;
}

int ops_workload_units_open(struct ops *o, struct ops_wl_units *u, struct ops_err *e)
{
    uint64_t no_parent = 0;
    memset(u, 0, sizeof *u);
    u->o = o;
    u->t = ops_read_begin(o, e);
    if (!u->t)
        return OPS_REFUSED;
    if (store_unit_tree_state(u->t, &u->kept, &no_parent) != STORE_OK) {
        ops_workload_units_close(u);
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    }
    u->kept = u->kept && same_params(o, u->t);
    u->problems.units_without_parent = (size_t)no_parent;
    u->problems.positions_without_unit = (size_t)store_wl_unplaced_positions(u->t);
    u->problems.staff_without_position = (size_t)store_wl_orphan_staff(u->t);
    return OPS_OK;
}

/* The caller's callback, told apart from the store's own returns. */
struct relay {
    store_tree_cb cb;
    void *ctx;
    bool stopped;
};

static int relay_row(const struct store_tree_row *row, void *ctx)
{
    struct relay *r = ctx;
    r->stopped = r->cb(row, r->ctx) != 0;
    return r->stopped;
}

static int each_or_children(const struct ops_wl_units *u, const char *root, bool children,
                            store_tree_cb cb, void *ctx, struct ops_err *e)
{
    struct relay rl = {cb, ctx, false};
    int r = children ? store_tree_children(u->t, root, relay_row, &rl)
                     : store_each_tree_unit(u->t, root, relay_row, &rl);
    if (rl.stopped)
        return OPS_STOPPED;
    if (r == STORE_NOTFOUND)
        return ops_fail(e, _("no unit with code \"%s\""), root ? root : "");
    return r == STORE_OK ? OPS_OK
                         : ops_fail(e, _("could not read the database: %s"), store_errmsg(u->o->db));
}

int ops_workload_units_each(const struct ops_wl_units *u, const char *root, store_tree_cb cb,
                            void *ctx, struct ops_err *e)
{
    return each_or_children(u, root, false, cb, ctx, e);
}

int ops_workload_units_children(const struct ops_wl_units *u, const char *parent,
                                store_tree_cb cb, void *ctx, struct ops_err *e)
{
    return each_or_children(u, parent, true, cb, ctx, e);
}

void ops_workload_units_close(struct ops_wl_units *u)
{
    if (u->t)
        store_read_end(u->t);
    u->t = NULL;
}
