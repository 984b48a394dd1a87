/* The steps of the approval route, striking a move and issuing the SK.
 * See ops/approval.h. Taking effect is ops/apply.c, the annex
 * ops/annex.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/i18n.h"
#include "ops/access.h"
#include "ops/approval.h"
#include "ops/approval_internal.h"

/* --- verbs to steps ------------------------------------------------------- */

static bool leads_from(const struct wf_step *s, const char *state)
{
    for (int i = 0; i < s->nfrom; i++)
        if (strcmp(s->from[i], state) == 0)
            return true;
    return false;
}

/* The step into the state the SK is issued from. */
static const struct wf_step *approving_step(const struct workflow_config *w)
{
    const struct wf_step *sk = wf_step_issuing_sk(w);
    for (int i = 0; sk && i < w->nsteps; i++)
        if (leads_from(sk, w->steps[i].to) && !w->steps[i].issues_sk)
            return &w->steps[i];
    return NULL;
}

static const struct wf_step *step_by_flags(const struct workflow_config *w, const char *verb)
{
    const char *first = wf_initial_state(w);
    for (int i = 0; i < w->nsteps; i++) {
        const struct wf_step *s = &w->steps[i];
        bool to_final = wf_state_final(w, s->to) && !s->takes_effect;
        bool match = (strcmp(verb, "submit") == 0 && s->checks_plan && leads_from(s, first)) ||
                     (strcmp(verb, "return") == 0 && s->needs_reason &&
                      strcmp(s->to, first) == 0) ||
                     (strcmp(verb, "reject") == 0 && s->needs_reason && to_final) ||
                     (strcmp(verb, "cancel") == 0 && !s->needs_reason && to_final &&
                      leads_from(s, first));
        if (match)
            return s;
    }
    return NULL;
}

const struct wf_step *ops_route_step(const struct workflow_config *w, const char *verb)
{
    char name[WF_NAME_SIZE];
    size_t n = strnlen(verb, sizeof name);
    if (n == 0 || n >= sizeof name)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        name[i] = verb[i] == '-' ? '_' : verb[i];
    const struct wf_step *s = wf_step_find(w, name);
    if (s)
        return s;
    if (strcmp(name, "issue_sk") == 0)
        return wf_step_issuing_sk(w);
    if (strcmp(name, "apply") == 0)
        return wf_step_taking_effect(w);
    if (strcmp(name, "approve") == 0)
        return approving_step(w);
    return step_by_flags(w, name);
}

/* --- shared by the route's actions ---------------------------------------- */

int route_read(struct route_ctx *r, stxn *t)
{
    free(r->tl);
    r->tl = NULL;
    int s = store_get_plan_timeline(t, r->id, &r->p, &r->tl, &r->ntl);
    if (s == STORE_NOTFOUND)
        return ops_fail(r->c.e, _("there is no plan %u"), (unsigned)r->id);
    if (s != STORE_OK)
        return ops_fail(r->c.e, _("could not read the database: %s"), store_errmsg(r->c.o->db));
    if (r->expect && r->p.version != r->expect)
        return change_conflict(r->c.e, &r->p, r->expect);
    return OPS_OK;
}

struct wf_plan route_plan(const struct route_ctx *r)
{
    return (struct wf_plan){.id = r->p.id, .state = r->p.state, .author = r->p.author,
                            .timeline = r->tl, .ntimeline = r->ntl, .tmt = r->p.sk.tmt};
}

struct wf_actor route_actor(const struct ops *o)
{
    return (struct wf_actor){.user = o->user, .roles = o->roles, .today = o->today};
}

static int route_check(struct route_ctx *r, const struct wf_step *s, const char *reason)
{
    struct wf_plan wp = route_plan(r);
    struct wf_actor a = route_actor(r->c.o);
    struct wf_verdict v;
    if (!wf_check(&r->c.o->cfg->workflow, &wp, &a, s->name, reason, &v))
        return ops_fail(r->c.e, "%s", v.msg);
    return OPS_OK;
}

int route_begin(struct route_ctx *r, stxn *t, const struct wf_step *s, const char *reason)
{
    int rc = route_read(r, t);
    return rc == OPS_OK ? route_check(r, s, reason) : rc;
}

int route_advance(struct route_ctx *r, stxn *t, const struct wf_step *s, const char *action,
                  const char *note, const char *tail)
{
    char before[PLAN_STATE_SIZE], object[32], after[PLAN_STATE_SIZE + ROUTE_TAIL_SIZE];
    snprintf(before, sizeof before, "%s", r->p.state);
    snprintf(r->p.state, sizeof r->p.state, "%s", s->to);
    int rc = route_save(r, t, s->name, note);
    if (rc != OPS_OK)
        return change_aborted(&r->c, rc);
    route_object(r->id, object);
    snprintf(after, sizeof after, "%s%s", s->to, tail);
    return change_aborted(&r->c, change_audit(&r->c, t, action, object, before, after));
}

int route_save(struct route_ctx *r, stxn *t, const char *step, const char *note)
{
    struct wf_event ev;
    struct plan now;
    memset(&ev, 0, sizeof ev);
    snprintf(ev.step, sizeof ev.step, "%s", step);
    snprintf(ev.user, sizeof ev.user, "%.*s", WF_USER_SIZE - 1, r->c.o->user);
    ev.at = (int64_t)time(NULL);
    snprintf(ev.note, sizeof ev.note, "%s", note ? note : "");
    copy_user(r->p.changed_by, r->c.o->user);
    r->p.changed_at = ev.at;
    uint32_t read = r->p.version;
    int s = store_put_plan_step(t, &r->p, read, &ev, &now);
    if (s == STORE_CONFLICT)
        return change_conflict(r->c.e, &now, read);
    if (s != STORE_OK)
        return ops_fail(r->c.e, _("could not save the plan: %s"), store_errmsg(r->c.o->db));
    return OPS_OK;
}

int route_run(struct route_ctx *r, store_write_fn fn)
{
    if (!r->c.o->cfg)
        return ops_fail(r->c.e, "%s", _("the approval route needs the configuration"));
    int rc = change_run(&r->c, fn, r);
    free(r->tl);
    r->tl = NULL;
    return rc;
}

void route_object(uint32_t id, char out[32])
{
    snprintf(out, 32, "plan %u", (unsigned)id);
}

/* "  19860926 201505 1 001  tenure: 3 months in post, policy needs 24" */
void breaches_text(const struct ops_breach *b, size_t n, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && used + 1 < size; i++) {
        char shown[NIP_FMT_LEN + 1];
        shown_nip(b[i].nip, shown);
        int k = b[i].rule >= 0
                    ? snprintf(out + used, size - used, "\n  %s  %s: %s", shown,
                               rule_label(b[i].rule), b[i].reason)
                    : snprintf(out + used, size - used, "\n  %s  %s", shown, b[i].reason);
        if (k < 0)
            break;
        used += (size_t)k < size - used ? (size_t)k : size - used - 1;
    }
}

/* --- a step --------------------------------------------------------------- */

struct step_ctx {
    struct route_ctx r;          /* first: the write function gets this */
    const struct ops_step_req *rq;
    const struct wf_step *s;
};

static size_t live_moves(const struct route_ctx *r, stxn *t)
{
    struct plan_moves pl;
    if (plan_moves_read(t, r->id, &pl) != STORE_OK) {
        plan_moves_free(&pl);
        return 0;
    }
    plan_moves_drop_struck(&pl);
    size_t n = pl.n;
    plan_moves_free(&pl);
    return n;
}

/* The plan check of a checks_plan step: nothing may block. */
static int refuse_blocked(struct step_ctx *c, stxn *t)
{
    struct ops_breach *b;
    size_t n;
    int rc = plan_check_in(c->r.c.o, t, c->r.id, PLAN_CHECK_ALL, &b, &n, c->r.c.e);
    if (rc != OPS_OK)
        return rc;
    if (n == 0) {
        free(b);
        if (live_moves(&c->r, t) == 0)
            return ops_fail(c->r.c.e, _("plan %u has no moves: nothing to %s"),
                            (unsigned)c->r.id, c->s->name);
        return OPS_OK;
    }
    char list[OPS_MSG_SIZE - 200];
    breaches_text(b, n, list, sizeof list);
    free(b);
    return ops_fail(c->r.c.e, ngettext("plan %u cannot be sent on (%s): %zu move is blocked:%s",
                                       "plan %u cannot be sent on (%s): %zu moves are blocked:%s",
                                       n),
                    (unsigned)c->r.id, c->s->name, n, list);
}

/* The approving step waits for every objection to be answered. */
static int refuse_unanswered(struct step_ctx *c, stxn *t)
{
    if (ops_route_step(&c->r.c.o->cfg->workflow, "approve") != c->s)
        return OPS_OK;
    char list[OPS_MSG_SIZE - 200];
    size_t n;
    if (plan_open_objections(t, c->r.id, list, sizeof list, &n) != 0)
        return ops_fail(c->r.c.e, _("could not read the database: %s"),
                        store_errmsg(c->r.c.o->db));
    if (n == 0)
        return OPS_OK;
    return ops_fail(c->r.c.e, ngettext("plan %u cannot be approved: %zu objection waits for "
                                       "an answer (plan answer ID NIP --reason TEXT):%s",
                                       "plan %u cannot be approved: %zu objections wait for "
                                       "an answer (plan answer ID NIP --reason TEXT):%s", n),
                    (unsigned)c->r.id, n, list);
}

static int write_step(stxn *t, void *ctx)
{
    struct step_ctx *c = ctx;
    char action[48], tail[ROUTE_TAIL_SIZE];
    int rc = route_begin(&c->r, t, c->s, c->rq->note);
    if (rc == OPS_OK && c->s->checks_plan)
        rc = refuse_blocked(c, t);
    if (rc == OPS_OK)
        rc = refuse_unanswered(c, t);
    if (rc != OPS_OK)
        return change_aborted(&c->r.c, rc);
    snprintf(action, sizeof action, "plan %s", c->s->name);
    snprintf(tail, sizeof tail, "%s%.200s", c->rq->note && c->rq->note[0] ? "; " : "",
             c->rq->note ? c->rq->note : "");
    return route_advance(&c->r, t, c->s, action, c->rq->note, tail);
}

int ops_plan_step(struct ops *o, const struct ops_step_req *rq, struct ops_err *e)
{
    struct step_ctx c = {.r = {.c = {o, e, OPS_OK}, .id = rq->plan, .expect = rq->expect_version},
                         .rq = rq};
    if (!o->cfg)
        return ops_fail(e, "%s", _("the approval route needs the configuration"));
    c.s = wf_step_find(&o->cfg->workflow, rq->step);
    if (!c.s)
        return ops_fail(e, _("the approval route has no step \"%s\""), rq->step);
    if (c.s->issues_sk)
        return ops_fail(e, _("step %s records the decree: use 'mutasi plan issue-sk'"), c.s->name);
    if (c.s->takes_effect)
        return ops_fail(e, _("step %s takes effect: use 'mutasi plan apply'"), c.s->name);
    if (ops_require(o, OPS_DO_PLAN_STEP, c.s->name, e) != OPS_OK)
        return OPS_REFUSED;
    if (rq->note && plan_text_ok(rq->note, WF_NOTE_SIZE) != 0)
        return ops_fail(e, _("a note or reason has at most %d bytes and no control characters"),
                        WF_NOTE_SIZE - 1);
    return route_run(&c.r, write_step);
}

/* --- strike --------------------------------------------------------------- */

struct strike_ctx {
    struct route_ctx r;
    const char *nip, *reason;
};

static int write_strike(stxn *t, void *ctx)
{
    struct strike_ctx *c = ctx;
    struct move m;
    char shown[NIP_FMT_LEN + 1], object[64], note[WF_NOTE_SIZE];
    int rc = route_read(&c->r, t);
    struct wf_plan wp = route_plan(&c->r);
    struct wf_actor a = route_actor(c->r.c.o);
    struct wf_verdict v;
    if (rc == OPS_OK && wf_check_strike(&c->r.c.o->cfg->workflow, &wp, &a, c->reason, &v) != 0)
        rc = ops_fail(c->r.c.e, "%s", v.msg);
    if (rc != OPS_OK)
        return change_aborted(&c->r.c, rc);
    shown_nip(c->nip, shown);
    int s = store_get_move(t, c->r.id, c->nip, &m);
    if (s == STORE_NOTFOUND)
        return change_aborted(&c->r.c, ops_fail(c->r.c.e, _("NIP %s has no move in plan %u"),
                                                shown, (unsigned)c->r.id));
    if (s != STORE_OK)
        return change_aborted(&c->r.c, ops_fail(c->r.c.e, _("could not read the database: %s"),
                                                store_errmsg(c->r.c.o->db)));
    if (MOVE_STRUCK(&m))
        return change_aborted(&c->r.c, ops_fail(c->r.c.e, _("the move of %s was already struck "
                                                            "by %s: %s"),
                                                shown, m.struck_by, m.struck_why));
    copy_user(m.struck_by, c->r.c.o->user);
    m.struck_at = (int64_t)time(NULL);
    snprintf(m.struck_why, sizeof m.struck_why, "%s", c->reason);
    if (store_put_move(t, &m) != STORE_OK)
        return change_aborted(&c->r.c, ops_fail(c->r.c.e, _("could not save the move: %s"),
                                                store_errmsg(c->r.c.o->db)));
    snprintf(note, sizeof note, "%s: %.200s", c->nip, c->reason);
    if ((rc = route_save(&c->r, t, "strike", note)) != OPS_OK)
        return change_aborted(&c->r.c, rc);
    snprintf(object, sizeof object, "plan %u %s", (unsigned)c->r.id, c->nip);
    char before[128], after[256];
    snprintf(before, sizeof before, "%s -> %s", m.from_position, m.to_position);
    snprintf(after, sizeof after, "struck: %.200s", c->reason);
    return change_aborted(&c->r.c, change_audit(&c->r.c, t, "plan strike", object, before, after));
}

int ops_plan_strike(struct ops *o, uint32_t plan, const char *nip, const char *reason,
                    uint32_t expect_version, struct ops_err *e)
{
    struct strike_ctx c = {.r = {.c = {o, e, OPS_OK}, .id = plan, .expect = expect_version},
                           .nip = nip, .reason = reason};
    if (ops_require(o, OPS_DO_PLAN_STRIKE, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    if (reason && plan_text_ok(reason, MOVE_NOTE_SIZE) != 0)
        return ops_fail(e, _("a reason has at most %d bytes and no control characters"),
                        MOVE_NOTE_SIZE - 1);
    return route_run(&c.r, write_strike);
}

/* --- the decree ----------------------------------------------------------- */

struct sk_ctx {
    struct route_ctx r;
    const struct ops_sk_req *rq;
    const struct wf_step *s;
};

struct sk_dup {
    uint32_t self;
    const char *number;
    uint32_t other;
};

static int find_sk(const struct plan *p, void *ctx)
{
    struct sk_dup *d = ctx;
    if (p->id != d->self && strcmp(p->sk.number, d->number) == 0) {
        d->other = p->id;
        return 1;
    }
    return 0;
}

/* The signer as on record now: name, NIP, title = position and unit. */
static int read_signer(struct sk_ctx *c, stxn *t, struct plan_sk *sk)
{
    struct staff st;
    struct position pos;
    struct unit u;
    char shown[NIP_FMT_LEN + 1];
    shown_nip(c->rq->signer_nip, shown);
    int s = store_get_staff(t, c->rq->signer_nip, &st);
    if (s == STORE_NOTFOUND)
        return ops_fail(c->r.c.e, _("the signing official %s is not on record"), shown);
    if (s != STORE_OK)
        return ops_fail(c->r.c.e, _("could not read the database: %s"), store_errmsg(c->r.c.o->db));
    snprintf(sk->signer_name, sizeof sk->signer_name, "%s", st.name);
    snprintf(sk->signer_nip, sizeof sk->signer_nip, "%s", st.nip);
    bool has_pos = st.position[0] && store_get_position(t, st.position, &pos) == STORE_OK;
    bool has_unit = st.unit[0] && store_get_unit(t, st.unit, &u) == STORE_OK;
    snprintf(sk->signer_title, sizeof sk->signer_title, "%.70s%s%.54s",
             has_pos ? pos.name : st.position, has_unit ? ", " : "", has_unit ? u.name : "");
    return OPS_OK;
}

static int sk_fill(struct sk_ctx *c, stxn *t)
{
    struct plan_sk sk;
    struct sk_dup d = {c->r.id, c->rq->number, 0};
    memset(&sk, 0, sizeof sk);
    if (store_each_plan(t, find_sk, &d) < 0)
        return ops_fail(c->r.c.e, _("could not read the database: %s"), store_errmsg(c->r.c.o->db));
    if (d.other)
        return ops_fail(c->r.c.e, _("SK number %s is already the decree of plan %u"),
                        c->rq->number, (unsigned)d.other);
    int rc = read_signer(c, t, &sk);
    if (rc != OPS_OK)
        return rc;
    snprintf(sk.number, sizeof sk.number, "%s", c->rq->number);
    sk.date = c->rq->date;
    sk.tmt = c->rq->tmt;
    copy_user(sk.issued_by, c->r.c.o->user);
    sk.issued_at = (int64_t)time(NULL);
    c->r.p.sk = sk;
    return OPS_OK;
}

static int write_sk(stxn *t, void *ctx)
{
    struct sk_ctx *c = ctx;
    char date[11], tmt[11], note[WF_NOTE_SIZE], tail[ROUTE_TAIL_SIZE];
    int rc = route_begin(&c->r, t, c->s, c->rq->note);
    if (rc == OPS_OK)
        rc = sk_fill(c, t);
    if (rc != OPS_OK)
        return change_aborted(&c->r.c, rc);
    date_format(c->rq->date, date);
    date_format(c->rq->tmt, tmt);
    snprintf(note, sizeof note, "SK %s, %s, TMT %s%s%.100s", c->rq->number, date, tmt,
             c->rq->note && c->rq->note[0] ? "; " : "", c->rq->note ? c->rq->note : "");
    snprintf(tail, sizeof tail, "; %s; signed by %.60s (%s)", note, c->r.p.sk.signer_name,
             c->r.p.sk.signer_nip);
    return route_advance(&c->r, t, c->s, "plan issue-sk", note, tail);
}

int ops_plan_issue_sk(struct ops *o, const struct ops_sk_req *rq, struct ops_err *e)
{
    struct sk_ctx c = {.r = {.c = {o, e, OPS_OK}, .id = rq->plan, .expect = rq->expect_version},
                       .rq = rq};
    if (!o->cfg)
        return ops_fail(e, "%s", _("the approval route needs the configuration"));
    c.s = wf_step_issuing_sk(&o->cfg->workflow);
    if (!c.s)
        return ops_fail(e, "%s", _("the approval route has no step that issues the SK"));
    if (ops_require(o, OPS_DO_PLAN_STEP, c.s->name, e) != OPS_OK)
        return OPS_REFUSED;
    if (!rq->number || sk_number_ok(rq->number) != 0)
        return ops_fail(e, _("an SK number has 1 to %d bytes of letters, digits, spaces and "
                             ". / - _ ( ) :, e.g. 800/123/BKPSDM/2026"), SK_NUMBER_SIZE - 1);
    if (rq->date == MDATE_NONE || rq->tmt == MDATE_NONE)
        return ops_fail(e, "%s", _("an SK needs its date and its TMT"));
    if (rq->tmt < rq->date)
        return ops_fail(e, "%s", _("the TMT may not lie before the SK's date"));
    if (!rq->signer_nip || strnlen(rq->signer_nip, NIP_LEN + 1) != NIP_LEN)
        return ops_fail(e, "%s", _("name the signing official by NIP (--signer NIP)"));
    if (rq->note && plan_text_ok(rq->note, WF_NOTE_SIZE) != 0)
        return ops_fail(e, _("a note or reason has at most %d bytes and no control characters"),
                        WF_NOTE_SIZE - 1);
    return route_run(&c.r, write_sk);
}

/* --- reading -------------------------------------------------------------- */

int ops_plan_timeline(struct ops *o, uint32_t plan, struct plan *p, struct wf_event **tl,
                      size_t *n, struct ops_err *e)
{
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int s = store_get_plan_timeline(t, plan, p, tl, n);
    store_read_end(t);
    if (s == STORE_NOTFOUND)
        return ops_fail(e, _("there is no plan %u"), (unsigned)plan);
    if (s != STORE_OK)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    return OPS_OK;
}

int ops_plan_steps_for_me(const struct ops *o, const struct plan *p, const struct wf_event *tl,
                          size_t n, bool waiting, const struct wf_step *out[WF_MAX_STEPS])
{
    if (!o->cfg)
        return 0;
    struct wf_plan wp = {.id = p->id, .state = p->state, .author = p->author,
                         .timeline = tl, .ntimeline = n, .tmt = p->sk.tmt};
    struct wf_actor a = route_actor(o);
    return waiting ? wf_waiting_steps(&o->cfg->workflow, &wp, &a, out)
                   : wf_open_steps(&o->cfg->workflow, &wp, &a, out);
}
