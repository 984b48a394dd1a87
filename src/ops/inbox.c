/* The Inbox; see ops/inbox.h. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "ops/approval.h"
#include "ops/inbox.h"
#include "store/plans.h"

struct inbox_ctx {
    struct ops *o;
    stxn *t;
    struct ops_inbox_item *items;
    size_t n, cap;
    bool count_only;
    bool failed;
};

static int count_live(const struct move *m, void *ctx)
{
    if (!MOVE_STRUCK(m))
        ++*(size_t *)ctx;
    return 0;
}

static bool grow(struct inbox_ctx *c)
{
    if (c->n < c->cap)
        return true;
    size_t cap = c->cap ? c->cap * 2 : 16;
    struct ops_inbox_item *ni = realloc(c->items, cap * sizeof *ni);
    if (!ni)
        return false;
    c->items = ni;
    c->cap = cap;
    return true;
}

static void join_steps(const struct wf_step *const *s, int k, char out[INBOX_STEPS_SIZE])
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < k && used < INBOX_STEPS_SIZE; i++) {
        int w = snprintf(out + used, INBOX_STEPS_SIZE - used, "%s%s", i ? "|" : "", s[i]->name);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* When the plan came into its state: its last step of the route (strikes
 * and objections on the way are not steps), else its creation. */
static int64_t came_into_state(const struct ops *o, const struct plan *p,
                               const struct wf_event *tl, size_t n)
{
    for (size_t i = n; i-- > 0;)
        if (o->cfg && wf_step_find(&o->cfg->workflow, tl[i].step))
            return tl[i].at;
    return p->created_at;
}

static int take_waiting(const struct plan *p, void *ctx)
{
    struct inbox_ctx *c = ctx;
    struct plan full;
    struct wf_event *tl = NULL;
    size_t ntl = 0;
    if (store_get_plan_timeline(c->t, p->id, &full, &tl, &ntl) != STORE_OK) {
        c->failed = true;
        return -1;
    }
    const struct wf_step *steps[WF_MAX_STEPS];
    int k = ops_plan_steps_for_me(c->o, &full, tl, ntl, true, steps);
    int64_t since = came_into_state(c->o, &full, tl, ntl);
    const struct wf_step *open[WF_MAX_STEPS];
    int nopen = k > 0 ? ops_plan_steps_for_me(c->o, &full, tl, ntl, false, open) : 0;
    free(tl);
    if (k <= 0)
        return 0;
    if (c->count_only) {
        c->n++;
        return 0;
    }
    if (!grow(c)) {
        c->failed = true;
        return -1;
    }
    struct ops_inbox_item *it = &c->items[c->n++];
    memset(it, 0, sizeof *it);
    it->plan = full;
    it->since = since;
    join_steps(steps, k, it->steps);
    join_steps(open, nopen, it->open);
    store_each_move(c->t, full.id, count_live, &it->nmoves);
    return 0;
}

static int oldest_first(const void *a, const void *b)
{
    const struct ops_inbox_item *x = a, *y = b;
    if (x->since != y->since)
        return x->since < y->since ? -1 : 1;
    return x->plan.id < y->plan.id ? -1 : x->plan.id > y->plan.id;
}

static int inbox_run(struct ops *o, struct inbox_ctx *c, struct ops_err *e)
{
    c->o = o;
    if (!(c->t = ops_read_begin(o, e)))
        return OPS_REFUSED;
    int r = store_each_plan(c->t, take_waiting, c);
    store_read_end(c->t);
    if (r != 0 || c->failed) {
        free(c->items);
        c->items = NULL;
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    }
    return OPS_OK;
}

int ops_inbox(struct ops *o, struct ops_inbox_item **out, size_t *n, struct ops_err *e)
{
    struct inbox_ctx c = {0};
    *out = NULL;
    *n = 0;
    int rc = inbox_run(o, &c, e);
    if (rc != OPS_OK)
        return rc;
    if (c.n > 1)
        qsort(c.items, c.n, sizeof *c.items, oldest_first);
    *out = c.items;
    *n = c.n;
    return OPS_OK;
}

int ops_inbox_count(struct ops *o, size_t *n, struct ops_err *e)
{
    struct inbox_ctx c = {.count_only = true};
    *n = 0;
    int rc = inbox_run(o, &c, e);
    if (rc == OPS_OK)
        *n = c.n;
    return rc;
}
