/* Plan actions that change a plan: new, add, drop; and the pieces the
 * reading actions share (moves in memory, the facts of a move, judging).
 * See ops/plan.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "ops/access.h"
#include "ops/plan_internal.h"

/* --- shared ---------------------------------------------------------------- */

void shown_nip(const char *nip, char out[NIP_FMT_LEN + 1])
{
    nip_format(nip, out);
}

static int take_move(const struct move *m, void *ctx)
{
    struct plan_moves *pl = ctx;
    if (GROW_ROOM(pl->m, pl->cap, pl->n + 1, 16) != 0)
        return -1;
    pl->m[pl->n++] = *m;
    return 0;
}

int plan_moves_read(stxn *t, uint32_t plan, struct plan_moves *out)
{
    memset(out, 0, sizeof *out);
    return store_each_move(t, plan, take_move, out) == 0 ? STORE_OK : STORE_ERROR;
}

void plan_moves_free(struct plan_moves *pl)
{
    free(pl->m);
    free(pl->pm);
    memset(pl, 0, sizeof *pl);
}

struct plan_desc plan_moves_desc(struct plan_moves *pl)
{
    struct plan_desc d = {NULL, 0};
    free(pl->pm);
    pl->pm = calloc(pl->n ? pl->n : 1, sizeof *pl->pm);
    if (!pl->pm)
        return d;
    for (size_t i = 0; i < pl->n; i++) {
        const struct move *m = &pl->m[i];
        pl->pm[i] = (struct plan_move){m->nip, m->from_position, m->from_unit,
                                       m->to_position, m->to_unit};
    }
    d.moves = pl->pm;
    d.n = pl->n;
    return d;
}

static int figures(struct ops *o, stxn *t, const struct position *p, struct wl_row *out)
{
    size_t n;
    if (store_count_in_position(t, p->code, &n) != STORE_OK)
        return STORE_ERROR;
    out->workload_minutes = p->workload_minutes;
    out->need = wl_need(p->workload_minutes, p->need, ops_policy(o));
    out->existing = (int64_t)n;
    return STORE_OK;
}

int move_facts_read(struct ops *o, stxn *t, const char *nip, const char *target,
                    struct move_facts *f, struct ops_err *e)
{
    char shown[NIP_FMT_LEN + 1];
    memset(f, 0, sizeof *f);
    int r = store_get_staff(t, nip, &f->person);
    if (r == STORE_NOTFOUND) {
        shown_nip(nip, shown);
        ops_fail(e, _("no staff with NIP %s"), shown);
        return r;
    }
    if (r == STORE_OK) {
        r = store_get_position(t, target, &f->target);
        if (r == STORE_NOTFOUND) {
            ops_fail(e, _("no position with code \"%s\""), target);
            return r;
        }
    }
    if (r == STORE_OK && f->person.position[0]) {
        r = store_get_position(t, f->person.position, &f->origin);
        f->has_origin = r == STORE_OK;
        if (r == STORE_NOTFOUND)
            r = STORE_OK;       /* an unknown origin is judged as none */
    }
    if (r == STORE_OK && (figures(o, t, &f->target, &f->target_fig) != STORE_OK ||
                          (f->has_origin && figures(o, t, &f->origin, &f->origin_fig) != STORE_OK)))
        r = STORE_ERROR;
    if (r == STORE_ERROR)
        ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    return r;
}

static struct move_input judge_input(struct ops *o, const struct move_facts *f, int reason,
                                     const struct plan_desc *plan)
{
    return (struct move_input){
        .person = &f->person,
        .origin = f->has_origin ? &f->origin : NULL,
        .target = &f->target,
        .origin_fig = f->origin_fig,
        .target_fig = f->target_fig,
        .own_request = reason == REASON_OWN_REQUEST,
        .plan = plan,
        .today = o->today,
    };
}

int move_judge(struct ops *o, const struct move_facts *f, int reason,
               const struct plan_desc *plan, struct verdict v[RULE_COUNT], size_t *n)
{
    struct move_input m = judge_input(o, f, reason, plan);
    *n = rules_check_move(&m, ops_policy(o), v);
    return rules_summary(v, *n);
}

int move_judge_failures(struct ops *o, const struct move_facts *f, int reason,
                        const struct plan_desc *plan, struct verdict v[RULE_COUNT], size_t *n)
{
    struct move_input m = judge_input(o, f, reason, plan);
    *n = rules_check_failures(&m, ops_policy(o), PLAN_CHECK_ALL, v);
    return rules_summary(v, *n);
}

/* A user name into a plan's field (users.yaml names are shorter). */
void copy_user(char dst[PLAN_USER_SIZE], const char *user)
{
    snprintf(dst, PLAN_USER_SIZE, "%.*s", PLAN_USER_SIZE - 1, user);
}

/* --- checks before a change ------------------------------------------------ */

int need_operator(struct ops *o, struct ops_err *e)
{
    return ops_require(o, OPS_DO_PLAN_EDIT, NULL, e);
}

int change_conflict(struct ops_err *e, const struct plan *now, uint32_t read)
{
    char when[OPS_WHEN_SIZE];
    ops_when_label(now->changed_at, OPS_WHEN_LONG, when);
    ops_fail(e, _("plan %u was changed by %s at %s (version %u; you had version %u): "
                  "nothing was saved; look at the plan again and redo the change"),
             (unsigned)now->id, now->changed_by, when, (unsigned)now->version, (unsigned)read);
    return OPS_CONFLICT;
}

/* The plan, the version check and the state check of every change. */
int plan_for_change(struct ops *o, stxn *t, uint32_t id, uint32_t expect, struct plan *p,
                    struct ops_err *e)
{
    int r = store_get_plan(t, id, p);
    if (r == STORE_NOTFOUND)
        return ops_fail(e, _("there is no plan %u"), (unsigned)id);
    if (r != STORE_OK)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    if (expect && p->version != expect)
        return change_conflict(e, p, expect);
    struct wf_plan wp = {.id = id, .state = p->state, .author = p->author, .tmt = p->sk.tmt};
    struct wf_verdict v;
    if (o->cfg->workflow.nstates == 0) {     /* a session without a route (tools, tests) */
        if (strcmp(p->state, PLAN_STATE_DRAFT) == 0)
            return OPS_OK;
        return ops_fail(e, _("plan %u is %s: only a plan in %s can be changed"), (unsigned)id,
                        p->state, PLAN_STATE_DRAFT);
    }
    if (wf_check_edit(&o->cfg->workflow, &wp, &v) != 0)
        return ops_fail(e, "%s", v.msg);
    return OPS_OK;
}

/* Saves the plan's next version (who and when) after a change of it. */
int plan_touch(struct ops *o, stxn *t, struct plan *p, struct ops_err *e)
{
    struct plan now;
    uint32_t read = p->version;
    copy_user(p->changed_by, o->user);
    p->changed_at = (int64_t)time(NULL);
    int r = store_put_plan(t, p, read, &now);
    if (r == STORE_CONFLICT)
        return change_conflict(e, &now, read);
    if (r != STORE_OK)
        return ops_fail(e, _("could not save the plan: %s"), store_errmsg(o->db));
    return OPS_OK;
}


int change_aborted(struct change *c, int rc)
{
    c->rc = rc;
    return rc == OPS_OK ? STORE_OK : 1;
}

int change_audit(struct change *c, stxn *t, const char *action, const char *object,
                 const char *before, const char *after)
{
    char user[OPS_AUDIT_USER_SIZE];
    ops_audit_user(c->o, user);
    if (store_audit_append(t, user, action, object, before, after) != STORE_OK)
        return ops_fail(c->e, _("could not write the audit log: %s"), store_errmsg(c->o->db));
    return OPS_OK;
}

int change_run(struct change *c, store_write_fn fn, void *ctx)
{
    c->rc = OPS_OK;
    int r = store_write(c->o->db, fn, ctx);
    if (r == STORE_OK)
        return OPS_OK;
    if (c->rc != OPS_OK && !store_write_out_of_room(c->o->db))
        return c->rc;
    return ops_fail(c->e, _("could not save the change: %s"), store_errmsg(c->o->db));
}

/* --- new ------------------------------------------------------------------ */

struct new_ctx {
    struct change c;
    struct plan p;
};

static int write_new(stxn *t, void *ctx)
{
    struct new_ctx *n = ctx;
    char after[256];
    if (store_plan_new_id(t, &n->p.id) != STORE_OK)
        return change_aborted(&n->c, ops_fail(n->c.e, _("could not save the plan: %s"),
                                       store_errmsg(n->c.o->db)));
    n->p.version = 0;
    struct plan now;
    if (store_put_plan(t, &n->p, 0, &now) != STORE_OK)
        return change_aborted(&n->c, ops_fail(n->c.e, _("could not save the plan: %s"),
                                       store_errmsg(n->c.o->db)));
    char object[32];
    snprintf(object, sizeof object, "plan %u", (unsigned)n->p.id);
    snprintf(after, sizeof after, "%s; %s; %s", n->p.name, n->p.period, n->p.state);
    return change_aborted(&n->c, change_audit(&n->c, t, "plan new", object, "", after));
}

int ops_plan_new(struct ops *o, const char *name, const char *period, uint32_t *id,
                 struct ops_err *e)
{
    struct new_ctx n;
    memset(&n, 0, sizeof n);
    n.c = (struct change){o, e, OPS_OK};
    if (need_operator(o, e) != OPS_OK)
        return OPS_REFUSED;
    if (strlen(name) >= sizeof n.p.name || (period && strlen(period) >= sizeof n.p.period))
        return ops_fail(e, _("a plan's name has at most %d bytes and its period %d"),
                        PLAN_NAME_SIZE - 1, PLAN_PERIOD_SIZE - 1);
    snprintf(n.p.name, sizeof n.p.name, "%s", name);
    snprintf(n.p.period, sizeof n.p.period, "%s", period ? period : "");
    snprintf(n.p.state, sizeof n.p.state, "%s", PLAN_STATE_DRAFT);
    copy_user(n.p.author, o->user);
    copy_user(n.p.changed_by, o->user);
    n.p.created_at = n.p.changed_at = (int64_t)time(NULL);
    struct verrs v = {0};
    if (plan_validate(&n.p, &v) > 0)
        return ops_fail(e, "%s", v.e[0].msg);
    int rc = change_run(&n.c, write_new, &n);
    if (rc == OPS_OK)
        *id = n.p.id;
    return rc;
}

/* --- list ----------------------------------------------------------------- */

struct list_ctx {
    stxn *t;
    struct ops_plan_item *items;
    size_t n, cap;
};

static int take_plan(const struct plan *p, void *ctx)
{
    struct list_ctx *l = ctx;
    if (GROW_ROOM(l->items, l->cap, l->n + 1, 16) != 0)
        return -1;
    l->items[l->n].plan = *p;
    l->items[l->n].nmoves = store_count_moves(l->t, p->id);
    l->n++;
    return 0;
}

int ops_plan_list(struct ops *o, struct ops_plan_item **out, size_t *n, struct ops_err *e)
{
    struct list_ctx l = {0};
    *out = NULL;
    *n = 0;
    if (!(l.t = store_read_begin(o->db)))
        return ops_fail(e, "%s", store_errmsg(o->db));
    int r = store_each_plan(l.t, take_plan, &l);
    store_read_end(l.t);
    if (r != 0) {
        free(l.items);
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    }
    *out = l.items;
    *n = l.n;
    return OPS_OK;
}

/* --- add ------------------------------------------------------------------ */

struct add_ctx {
    struct change c;
    const struct ops_move_req *rq;
    struct move m;
    struct verdict v[RULE_COUNT];
    size_t nv;
};

static void fill_move(struct add_ctx *a, const struct move_facts *f, int summary)
{
    struct move *m = &a->m;
    const struct ops_move_req *rq = a->rq;
    memset(m, 0, sizeof *m);
    m->plan_id = rq->plan;
    memcpy(m->nip, f->person.nip, sizeof m->nip);
    snprintf(m->from_position, sizeof m->from_position, "%s", f->person.position);
    snprintf(m->from_unit, sizeof m->from_unit, "%s", f->person.unit);
    snprintf(m->to_position, sizeof m->to_position, "%s", f->target.code);
    snprintf(m->to_unit, sizeof m->to_unit, "%s", f->target.unit);
    m->reason = (uint8_t)rq->reason;
    snprintf(m->note, sizeof m->note, "%s", rq->note ? rq->note : "");
    copy_user(m->added_by, a->c.o->user);
    m->added_at = (int64_t)time(NULL);
    m->summary = (uint8_t)summary;
    for (size_t i = 0; i < a->nv && i < MOVE_VERDICT_MAX; i++)
        m->verdicts[m->nverdicts++] = (struct move_verdict){(uint8_t)a->v[i].rule,
                                                           (uint8_t)a->v[i].result};
    verdict_reasons(a->v, a->nv, VERDICT_WARN, "; ", m->why, sizeof m->why);
}

/* Refusals that do not need the rules: the person's own position, a
 * person already in the plan. */
static int refuse_early(struct add_ctx *a, stxn *t, const struct move_facts *f)
{
    char shown[NIP_FMT_LEN + 1];
    struct move old;
    shown_nip(f->person.nip, shown);
    if (strcmp(f->person.position, f->target.code) == 0)
        return ops_fail(a->c.e, _("%s (%s) already holds position %s"), f->person.name, shown,
                        f->target.code);
    int r = store_get_move(t, a->rq->plan, f->person.nip, &old);
    if (r == STORE_OK)
        return ops_fail(a->c.e, _("%s (%s) is already in plan %u (to %s); drop that move "
                                  "first"), f->person.name, shown, (unsigned)a->rq->plan,
                        old.to_position);
    if (r != STORE_NOTFOUND)
        return ops_fail(a->c.e, _("could not read the database: %s"), store_errmsg(a->c.o->db));
    return OPS_OK;
}

static int judge_add(struct add_ctx *a, stxn *t, const struct move_facts *f, int *summary)
{
    struct plan_moves pl;
    if (plan_moves_read(t, a->rq->plan, &pl) != STORE_OK) {
        plan_moves_free(&pl);
        return ops_fail(a->c.e, _("could not read the database: %s"), store_errmsg(a->c.o->db));
    }
    struct plan_desc d = plan_moves_desc(&pl);
    if (pl.n && !d.moves) {
        plan_moves_free(&pl);
        return ops_fail(a->c.e, "%s", _("out of memory"));
    }
    *summary = move_judge(a->c.o, f, a->rq->reason, &d, a->v, &a->nv);
    plan_moves_free(&pl);
    if (*summary != MOVE_BLOCKED)
        return OPS_OK;
    char why[OPS_MSG_SIZE - 256], shown[NIP_FMT_LEN + 1];
    shown_nip(f->person.nip, shown);
    verdict_reasons(a->v, a->nv, VERDICT_BLOCK, "\n  ", why, sizeof why);
    return ops_fail(a->c.e, _("%s (%s) cannot move to %s:\n  %s"), f->person.name, shown,
                    f->target.code, why);
}

static int write_add(stxn *t, void *ctx)
{
    struct add_ctx *a = ctx;
    struct plan p;
    struct move_facts f;
    int summary = MOVE_ALLOWED;
    a->nv = 0;
    int rc = plan_for_change(a->c.o, t, a->rq->plan, a->rq->expect_version, &p, a->c.e);
    if (rc != OPS_OK)
        return change_aborted(&a->c, rc);
    if (move_facts_read(a->c.o, t, a->rq->nip, a->rq->position, &f, a->c.e) != STORE_OK)
        return change_aborted(&a->c, OPS_REFUSED);
    if ((rc = refuse_early(a, t, &f)) != OPS_OK || (rc = judge_add(a, t, &f, &summary)) != OPS_OK)
        return change_aborted(&a->c, rc);
    fill_move(a, &f, summary);
    if (store_put_move(t, &a->m) != STORE_OK)
        return change_aborted(&a->c, ops_fail(a->c.e, _("could not save the move: %s"),
                                       store_errmsg(a->c.o->db)));
    if ((rc = plan_touch(a->c.o, t, &p, a->c.e)) != OPS_OK)
        return change_aborted(&a->c, rc);
    char object[64], after[256];
    snprintf(object, sizeof object, "plan %u %s", (unsigned)p.id, a->m.nip);
    snprintf(after, sizeof after, "%s -> %s (%s); %s", a->m.from_position, a->m.to_position,
             move_reason_name(a->m.reason), verdict_result_name(summary == MOVE_ALLOWED
                                                                    ? VERDICT_PASS
                                                                    : VERDICT_WARN));
    return change_aborted(&a->c, change_audit(&a->c, t, "plan add", object, "", after));
}

int ops_plan_add(struct ops *o, const struct ops_move_req *rq, struct move *added,
                 struct verdict verdicts[RULE_COUNT], size_t *nverdicts, struct ops_err *e)
{
    struct add_ctx *a = calloc(1, sizeof *a);
    if (!a)
        return ops_fail(e, "%s", _("out of memory"));
    a->c = (struct change){o, e, OPS_OK};
    a->rq = rq;
    int rc = need_operator(o, e);
    if (rc == OPS_OK && !move_reason_name(rq->reason))
        rc = ops_fail(e, "%s", _("unknown reason for a move"));
    if (rc == OPS_OK && rq->note && plan_text_ok(rq->note, MOVE_NOTE_SIZE) != 0)
        rc = ops_fail(e, _("a note has at most %d bytes and no control characters"),
                      MOVE_NOTE_SIZE - 1);
    if (rc == OPS_OK)
        rc = change_run(&a->c, write_add, a);
    if (rc == OPS_OK && added)
        *added = a->m;
    if (verdicts && nverdicts) {
        memcpy(verdicts, a->v, a->nv * sizeof *a->v);
        *nverdicts = a->nv;
    }
    free(a);
    return rc;
}

/* --- drop ----------------------------------------------------------------- */

struct drop_ctx {
    struct change c;
    uint32_t plan, expect;
    const char *const *nips;
    size_t n;
};

static int drop_one(struct drop_ctx *d, stxn *t, const struct plan *p, const char *nip)
{
    struct move m;
    char shown[NIP_FMT_LEN + 1];
    int r = store_get_move(t, d->plan, nip, &m);
    if (r == STORE_NOTFOUND) {
        shown_nip(nip, shown);
        return ops_fail(d->c.e, _("NIP %s has no move in plan %u"), shown, (unsigned)d->plan);
    }
    if (r != STORE_OK || store_del_move(t, d->plan, nip) != STORE_OK)
        return ops_fail(d->c.e, _("could not save the change: %s"), store_errmsg(d->c.o->db));
    char object[64], before[256];
    snprintf(object, sizeof object, "plan %u %s", (unsigned)p->id, m.nip);
    snprintf(before, sizeof before, "%s -> %s (%s)", m.from_position, m.to_position,
             move_reason_name(m.reason));
    return change_audit(&d->c, t, "plan drop", object, before, "");
}

static int write_drop(stxn *t, void *ctx)
{
    struct drop_ctx *d = ctx;
    struct plan p;
    int rc = plan_for_change(d->c.o, t, d->plan, d->expect, &p, d->c.e);
    for (size_t i = 0; rc == OPS_OK && i < d->n; i++)
        rc = drop_one(d, t, &p, d->nips[i]);
    if (rc == OPS_OK)
        rc = plan_touch(d->c.o, t, &p, d->c.e);
    return change_aborted(&d->c, rc);
}

int ops_plan_drop(struct ops *o, uint32_t plan, const char *nip, uint32_t expect_version,
                  struct ops_err *e)
{
    return ops_plan_drop_many(o, plan, &nip, 1, expect_version, e);
}

int ops_plan_drop_many(struct ops *o, uint32_t plan, const char *const *nips, size_t n,
                       uint32_t expect_version, struct ops_err *e)
{
    struct drop_ctx d = {{o, e, OPS_OK}, plan, expect_version, nips, n};
    if (need_operator(o, e) != OPS_OK)
        return OPS_REFUSED;
    return change_run(&d.c, write_drop, &d);
}
