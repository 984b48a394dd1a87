/* Staff objections to moves and their answers; see ops/objection.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/i18n.h"
#include "ops/access.h"
#include "ops/approval_internal.h"
#include "ops/objection.h"

struct object_ctx {
    struct route_ctx r;
    const char *nip, *reason;
    bool answer;
};

/* The plan still takes objections: on its way, before the approval. */
static int open_to_objection(struct object_ctx *c)
{
    const struct workflow_config *w = &c->r.c.o->cfg->workflow;
    const struct wf_step *approve = ops_route_step(w, "approve");
    if (wf_state_final(w, c->r.p.state) || c->r.p.sk.number[0] ||
        (approve && strcmp(c->r.p.state, approve->to) == 0))
        return ops_fail(c->r.c.e, _("plan %u is %s: objections are heard before it is "
                                    "approved"), (unsigned)c->r.id, c->r.p.state);
    return OPS_OK;
}

static int may_record(struct object_ctx *c)
{
    return ops_require(c->r.c.o, c->answer ? OPS_DO_PLAN_ANSWER : OPS_DO_PLAN_OBJECT, NULL,
                       c->r.c.e);
}

static int change_move(struct object_ctx *c, struct move *m, const char *shown)
{
    int64_t now = (int64_t)time(NULL);
    if (MOVE_STRUCK(m))
        return ops_fail(c->r.c.e, _("the move of %s was struck: there is nothing to object to"),
                        shown);
    if (c->answer) {
        if (!MOVE_OBJECTION_OPEN(m))
            return ops_fail(c->r.c.e, _("the move of %s has no objection waiting for an answer"),
                            shown);
        copy_user(m->answered_by, c->r.c.o->user);
        m->answered_at = now;
        snprintf(m->answer, sizeof m->answer, "%s", c->reason);
        return OPS_OK;
    }
    if (MOVE_OBJECTION_OPEN(m))
        return ops_fail(c->r.c.e, _("the move of %s already has an objection waiting for an "
                                    "answer: %s"), shown, m->objection);
    copy_user(m->objected_by, c->r.c.o->user);
    m->objected_at = now;
    snprintf(m->objection, sizeof m->objection, "%s", c->reason);
    m->answered_by[0] = m->answer[0] = '\0';
    m->answered_at = 0;
    return OPS_OK;
}

static int write_objection(stxn *t, void *ctx)
{
    struct object_ctx *c = ctx;
    struct move m;
    char shown[NIP_FMT_LEN + 1], object[64], note[WF_NOTE_SIZE], after[256];
    const char *step = c->answer ? "answer" : "object";
    int rc = route_read(&c->r, t);
    if (rc == OPS_OK)
        rc = may_record(c);
    if (rc == OPS_OK)
        rc = open_to_objection(c);
    if (rc != OPS_OK)
        return change_aborted(&c->r.c, rc);
    shown_nip(c->nip, shown);
    int s = store_get_move(t, c->r.id, c->nip, &m);
    if (s == STORE_NOTFOUND)
        rc = ops_fail(c->r.c.e, _("NIP %s has no move in plan %u"), shown, (unsigned)c->r.id);
    else if (s != STORE_OK)
        rc = ops_fail(c->r.c.e, _("could not read the database: %s"), store_errmsg(c->r.c.o->db));
    if (rc == OPS_OK)
        rc = change_move(c, &m, shown);
    if (rc == OPS_OK && store_put_move(t, &m) != STORE_OK)
        rc = ops_fail(c->r.c.e, _("could not save the move: %s"), store_errmsg(c->r.c.o->db));
    snprintf(note, sizeof note, "%s: %.200s", c->nip, c->reason);
    if (rc == OPS_OK)
        rc = route_save(&c->r, t, step, note);
    if (rc != OPS_OK)
        return change_aborted(&c->r.c, rc);
    snprintf(object, sizeof object, "plan %u %s", (unsigned)c->r.id, c->nip);
    snprintf(after, sizeof after, "%s: %.200s", step, c->reason);
    char action[32];
    snprintf(action, sizeof action, "plan %s", step);
    return change_aborted(&c->r.c, change_audit(&c->r.c, t, action, object, "", after));
}

static int record(struct ops *o, uint32_t plan, const char *nip, const char *reason,
                  uint32_t expect_version, bool answer, struct ops_err *e)
{
    struct object_ctx c = {.r = {.c = {o, e, OPS_OK}, .id = plan, .expect = expect_version},
                           .nip = nip, .reason = reason, .answer = answer};
    if (!reason || !reason[0])
        return ops_fail(e, "%s", answer ? _("an answer needs its text (--reason TEXT)")
                                        : _("an objection needs its text (--reason TEXT)"));
    if (plan_text_ok(reason, MOVE_NOTE_SIZE) != 0)
        return ops_fail(e, _("a reason has at most %d bytes and no control characters"),
                        MOVE_NOTE_SIZE - 1);
    return route_run(&c.r, write_objection);
}

int ops_plan_object(struct ops *o, uint32_t plan, const char *nip, const char *reason,
                    uint32_t expect_version, struct ops_err *e)
{
    return record(o, plan, nip, reason, expect_version, false, e);
}

int ops_plan_answer(struct ops *o, uint32_t plan, const char *nip, const char *reason,
                    uint32_t expect_version, struct ops_err *e)
{
    return record(o, plan, nip, reason, expect_version, true, e);
}

/* --- what the route and the check see ---------------------------------------- */

struct open_ctx {
    char *out;
    size_t size, used, n;
};

static int note_open(const struct move *m, void *ctx)
{
    struct open_ctx *c = ctx;
    if (MOVE_STRUCK(m) || !MOVE_OBJECTION_OPEN(m))
        return 0;
    c->n++;
    if (c->used + 1 >= c->size)
        return 0;
    char shown[NIP_FMT_LEN + 1];
    shown_nip(m->nip, shown);
    int k = snprintf(c->out + c->used, c->size - c->used, "\n  %s  %s", shown, m->objection);
    if (k > 0)
        c->used += (size_t)k < c->size - c->used ? (size_t)k : c->size - c->used - 1;
    return 0;
}

int plan_open_objections(stxn *t, uint32_t plan, char *list, size_t size, size_t *n)
{
    struct open_ctx c = {list, size, 0, 0};
    list[0] = '\0';
    int r = store_each_move(t, plan, note_open, &c);
    *n = c.n;
    return r;
}

struct collect_ctx {
    struct move *m;
    size_t n, cap;
    bool oom;
};

static int collect_open(const struct move *m, void *ctx)
{
    struct collect_ctx *c = ctx;
    if (MOVE_STRUCK(m) || !MOVE_OBJECTION_OPEN(m))
        return 0;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 8;
        struct move *nm = realloc(c->m, cap * sizeof *nm);
        if (!nm) {
            c->oom = true;
            return -1;
        }
        c->m = nm;
        c->cap = cap;
    }
    c->m[c->n++] = *m;
    return 0;
}

int ops_plan_open_objections(struct ops *o, uint32_t plan, struct move **out, size_t *n,
                             struct ops_err *e)
{
    struct collect_ctx c = {0};
    struct plan p;
    *out = NULL;
    *n = 0;
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int s = store_get_plan(t, plan, &p);
    int r = s == STORE_OK ? store_each_move(t, plan, collect_open, &c) : 0;
    store_read_end(t);
    if (s == STORE_NOTFOUND)
        return ops_fail(e, _("there is no plan %u"), (unsigned)plan);
    if (s != STORE_OK || r != 0 || c.oom) {
        free(c.m);
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    }
    *out = c.m;
    *n = c.n;
    return OPS_OK;
}
