/* The table by unit from the stored unit tree (ops.h, ops_workload_units):
 * the rolled-up figures of every unit read in tree order from one table,
 * so that the whole table by unit costs one walk, not a pass over the
 * units and the positions and a roll-up. */
#include <string.h>
#include "core/i18n.h"
#include "ops/ops.h"
#include "ops/workload_internal.h"

int ops_workload_units_open(struct ops *o, struct ops_wl_units *u, unsigned want,
                            struct ops_err *e)
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
    u->kept = u->kept && ops_wl_params_match(o, u->t);
    u->problems.units_without_parent = (size_t)no_parent;
    if (want & OPS_WLU_PROBLEMS) {
        u->problems.positions_without_unit = (size_t)store_wl_unplaced_positions(u->t);
        u->problems.staff_without_position = (size_t)store_wl_orphan_staff(u->t);
    }
    return OPS_OK;
}

int ops_workload_units_repeats(const struct ops_wl_units *u, uint64_t **codes, size_t *n,
                               struct ops_err *e)
{
    *codes = NULL, *n = 0;
    if (store_unit_names_repeat(u->t, codes, n) != STORE_OK)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(u->o->db));
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

/* A walk's store return as the ops' one. */
static int walk_result(const struct ops_wl_units *u, const char *root, int r, bool stopped,
                       struct ops_err *e)
{
    if (stopped)
        return OPS_STOPPED;
    if (r == STORE_NOTFOUND)
        return ops_fail(e, _("no unit with code \"%s\""), root ? root : "");
    return r == STORE_OK ? OPS_OK
                         : ops_fail(e, _("could not read the database: %s"), store_errmsg(u->o->db));
}

static int each_or_children(const struct ops_wl_units *u, const char *root, bool children,
                            store_tree_cb cb, void *ctx, struct ops_err *e)
{
    struct relay rl = {cb, ctx, false};
    int r = children ? store_tree_children(u->t, root, relay_row, &rl)
                     : store_each_tree_unit(u->t, root, relay_row, &rl);
    return walk_result(u, root, r, rl.stopped, e);
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

/* The caller's view callback, told apart from the store's own returns. */
struct view_relay {
    store_tree_view_cb cb;
    void *ctx;
    bool stopped;
};

static int relay_view(const struct store_tree_view *v, void *ctx)
{
    struct view_relay *r = ctx;
    r->stopped = r->cb(v, r->ctx) != 0;
    return r->stopped;
}

int ops_workload_units_views(const struct ops_wl_units *u, const char *root,
                             store_tree_view_cb cb, void *ctx, store_tree_kept **kept,
                             struct ops_err *e)
{
    struct view_relay rl = {cb, ctx, false};
    int r = store_each_tree_view(u->t, root, relay_view, &rl, kept);
    return walk_result(u, root, r, rl.stopped, e);
}

void ops_workload_units_close(struct ops_wl_units *u)
{
    if (u->t)
        store_read_end(u->t);
    u->t = NULL;
}
