/* Taking effect: the moves of a plan enter the staff records on the TMT,
 * in one transaction. See ops/approval.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/i18n.h"
#include "ops/access.h"
#include "ops/approval_internal.h"

struct apply_ctx {
    struct route_ctx r;          /* first: the write function gets this */
    const struct wf_step *s;
    struct ops_apply_result res;
};

/* Every person rule again, now: someone who retired, received a penalty
 * or moved since the plan was approved stops the apply. */
static int refuse_blocked(struct apply_ctx *c, stxn *t)
{
    struct ops_breach *b;
    size_t n;
    int rc = plan_check_in(c->r.c.o, t, c->r.id, RULE_SCOPE_BIT(RULE_SCOPE_PERSON), &b, &n,
                           c->r.c.e);
    if (rc != OPS_OK || n == 0) {
        free(b);
        return rc;
    }
    char list[OPS_MSG_SIZE - 200];
    breaches_text(b, n, list, sizeof list);
    free(b);
    return ops_fail(c->r.c.e, ngettext("plan %u cannot take effect: %zu move is blocked now, "
                                       "nothing was applied:%s",
                                       "plan %u cannot take effect: %zu moves are blocked now, "
                                       "nothing was applied:%s", n),
                    (unsigned)c->r.id, n, list);
}

/* One move into the records: position, unit, post_since = TMT; a history
 * line dated the TMT; an audit entry. */
static int apply_move(struct apply_ctx *c, stxn *t, const struct move *m)
{
    struct staff st;
    char object[64], before[128], after[128];
    struct ops *o = c->r.c.o;
    if (store_get_staff(t, m->nip, &st) != STORE_OK)
        return ops_fail(c->r.c.e, _("could not read the database: %s"), store_errmsg(o->db));
    snprintf(st.position, sizeof st.position, "%s", m->to_position);
    snprintf(st.unit, sizeof st.unit, "%s", m->to_unit);
    st.post_since = c->r.p.sk.tmt;
    struct history h;
    memset(&h, 0, sizeof h);
    memcpy(h.nip, st.nip, sizeof h.nip);
    h.since = c->r.p.sk.tmt;
    snprintf(h.position, sizeof h.position, "%s", m->to_position);
    snprintf(h.unit, sizeof h.unit, "%s", m->to_unit);
    h.rank = st.rank;
    h.plan_id = c->r.id;
    if (store_put_staff(t, &st) != STORE_OK || store_add_history(t, &h) != STORE_OK)
        return ops_fail(c->r.c.e, _("could not save the change: %s"), store_errmsg(o->db));
    snprintf(object, sizeof object, "%s", m->nip);
    snprintf(before, sizeof before, "%s/%s", m->from_unit, m->from_position);
    snprintf(after, sizeof after, "%s/%s (plan %u)", m->to_unit, m->to_position,
             (unsigned)c->r.id);
    return change_audit(&c->r.c, t, "staff move", object, before, after);
}

static int apply_moves(struct apply_ctx *c, stxn *t)
{
    struct plan_moves pl;
    int rc = OPS_OK;
    c->res = (struct ops_apply_result){0, 0};
    if (plan_moves_read(t, c->r.id, &pl) != STORE_OK)
        rc = ops_fail(c->r.c.e, _("could not read the database: %s"), store_errmsg(c->r.c.o->db));
    for (size_t i = 0; rc == OPS_OK && i < pl.n; i++) {
        if (MOVE_STRUCK(&pl.m[i])) {
            c->res.struck++;
            continue;
        }
        rc = apply_move(c, t, &pl.m[i]);
        if (rc == OPS_OK)
            c->res.applied++;
    }
    plan_moves_free(&pl);
    return rc;
}

static int write_apply(stxn *t, void *ctx)
{
    struct apply_ctx *c = ctx;
    char note[WF_NOTE_SIZE], tail[ROUTE_TAIL_SIZE], tmt[11];
    int rc = route_begin(&c->r, t, c->s, NULL);
    if (rc == OPS_OK)
        rc = refuse_blocked(c, t);
    if (rc == OPS_OK)
        rc = apply_moves(c, t);
    if (rc != OPS_OK)
        return change_aborted(&c->r.c, rc);
    c->r.p.applied_at = (int64_t)time(NULL);
    date_format(c->r.p.sk.tmt, tmt);
    snprintf(note, sizeof note, "TMT %s: %zu moves applied, %zu struck", tmt, c->res.applied,
             c->res.struck);
    snprintf(tail, sizeof tail, "; %s", note);
    return route_advance(&c->r, t, c->s, "plan apply", note, tail);
}

int ops_plan_apply(struct ops *o, uint32_t plan, uint32_t expect_version,
                   struct ops_apply_result *res, struct ops_err *e)
{
    struct apply_ctx c = {.r = {.c = {o, e, OPS_OK}, .id = plan, .expect = expect_version}};
    if (!o->cfg)
        return ops_fail(e, "%s", _("the approval route needs the configuration"));
    c.s = wf_step_taking_effect(&o->cfg->workflow);
    if (!c.s)
        return ops_fail(e, "%s", _("the approval route has no step that takes effect"));
    if (ops_require(o, OPS_DO_PLAN_STEP, c.s->name, e) != OPS_OK)
        return OPS_REFUSED;
    int rc = route_run(&c.r, write_apply);
    if (res)
        *res = rc == OPS_OK ? c.res : (struct ops_apply_result){0, 0};
    return rc;
}
