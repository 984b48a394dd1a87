/* Plan actions that read: show (moves and impact), the impact for an
 * editor, and the submit check. See ops/plan.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "ops/plan_internal.h"

/* --- the workload of the database now ----------------------------------- */

/* The workload and the impact of moves m[0..n). */
static int build_impact(struct ops *o, stxn *t, const struct move *m, size_t n,
                        struct workload **w, struct impact **im, struct ops_err *e)
{
    *im = NULL;
    if (!(*w = ops_workload_read(o, t, NULL)))
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    if (!(*im = impact_new(*w)))
        goto oom;
    for (size_t i = 0; i < n; i++)
        if (impact_add_codes(*im, m[i].from_position, m[i].to_position) != 0)
            goto oom;
    return OPS_OK;
oom:
    impact_free(*im);
    workload_free(*w);
    *im = NULL;
    *w = NULL;
    return ops_fail(e, "%s", _("out of memory"));
}

/* The refusal of a plan's reading that returned r (a store code). */
static int plan_read(struct ops *o, uint32_t id, int r, struct ops_err *e)
{
    if (r == STORE_NOTFOUND)
        return ops_fail(e, _("there is no plan %u"), (unsigned)id);
    if (r != STORE_OK)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    return OPS_OK;
}

static int read_plan(struct ops *o, stxn *t, uint32_t id, struct plan *p, struct ops_err *e)
{
    return plan_read(o, id, store_get_plan(t, id, p), e);
}

int ops_plan_impact(struct ops *o, uint32_t id, struct workload **w, struct impact **im,
                    struct ops_err *e)
{
    struct plan p;
    struct plan_moves pl = {0};
    *w = NULL;
    *im = NULL;
    stxn *t = store_read_begin(o->db);
    if (!t)
        return ops_fail(e, "%s", store_errmsg(o->db));
    int rc = read_plan(o, t, id, &p, e);
    if (rc == OPS_OK && plan_moves_read(t, id, &pl) != STORE_OK)
        rc = ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    if (rc == OPS_OK)
        rc = build_impact(o, t, pl.m, pl.n, w, im, e);
    store_read_end(t);
    plan_moves_free(&pl);
    return rc;
}

/* --- show ----------------------------------------------------------------- */

static void impact_copy(const struct workload *w, const struct impact_row *r,
                        struct ops_impact_row *out)
{
    memset(out, 0, sizeof *out);
    out->kind = r->kind;
    out->before = r->before;
    out->after = r->after;
    if (r->kind == IMPACT_UNIT) {
        snprintf(out->code, sizeof out->code, "%s", workload_unit_code(w, r->index));
        out->depth = workload_unit_depth(w, r->index);
        return;
    }
    snprintf(out->code, sizeof out->code, "%s", workload_position_code(w, r->index));
    snprintf(out->unit, sizeof out->unit, "%s", workload_position_unit_code(w, r->index));
    long u = workload_position_unit(w, r->index);
    out->depth = u >= 0 ? workload_unit_depth(w, (size_t)u) + 1 : 0;
}

static int view_moves(struct ops *o, stxn *t, struct plan_moves *pl, struct ops_plan_view *v,
                      struct ops_err *e)
{
    v->moves = calloc(pl->n ? pl->n : 1, sizeof *v->moves);
    if (!v->moves)
        return ops_fail(e, "%s", _("out of memory"));
    for (size_t i = 0; i < pl->n; i++) {
        struct staff s;
        v->moves[i].move = pl->m[i];
        int r = store_get_staff(t, pl->m[i].nip, &s);
        if (r == STORE_OK)
            memcpy(v->moves[i].name, s.name, sizeof s.name);
        else if (r != STORE_NOTFOUND)
            return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    }
    v->nmoves = pl->n;
    return OPS_OK;
}

static int view_impact(struct ops *o, stxn *t, struct plan_moves *pl, struct ops_plan_view *v,
                       struct ops_err *e)
{
    struct workload *w;
    struct impact *im;
    struct impact_row *rows = NULL;
    int rc = build_impact(o, t, pl->m, pl->n, &w, &im, e);
    if (rc != OPS_OK)
        return rc;
    size_t n = impact_rows(im, &rows);
    if (n && (v->impact = calloc(n, sizeof *v->impact)) != NULL) {
        for (size_t i = 0; i < n; i++)
            impact_copy(w, &rows[i], &v->impact[i]);
        v->nimpact = n;
    } else if (pl->n) {
        rc = ops_fail(e, "%s", _("out of memory"));
    }
    free(rows);
    impact_free(im);
    workload_free(w);
    return rc;
}

/* The plan and its moves with the people's names; with full, its
 * timeline and the impact of its moves too. */
static int plan_view(struct ops *o, uint32_t id, bool full, struct ops_plan_view *out,
                     struct ops_err *e)
{
    struct plan_moves pl = {0};
    memset(out, 0, sizeof *out);
    stxn *t = store_read_begin(o->db);
    if (!t)
        return ops_fail(e, "%s", store_errmsg(o->db));
    int rc = plan_read(o, id,
                       full ? store_get_plan_timeline(t, id, &out->plan, &out->timeline,
                                                      &out->ntimeline)
                            : store_get_plan(t, id, &out->plan),
                       e);
    if (rc == OPS_OK && plan_moves_read(t, id, &pl) != STORE_OK)
        rc = ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    if (rc == OPS_OK)
        rc = view_moves(o, t, &pl, out, e);
    plan_moves_drop_struck(&pl);        /* struck moves have no impact */
    /* Once applied, the records already hold the moves: no impact left. */
    if (full && rc == OPS_OK && out->plan.applied_at == 0)
        rc = view_impact(o, t, &pl, out, e);
    store_read_end(t);
    plan_moves_free(&pl);
    if (rc != OPS_OK)
        ops_plan_view_free(out);
    return rc;
}

int ops_plan_show(struct ops *o, uint32_t id, struct ops_plan_view *out, struct ops_err *e)
{
    return plan_view(o, id, true, out, e);
}

int ops_plan_moves(struct ops *o, uint32_t id, struct ops_plan_view *out, struct ops_err *e)
{
    return plan_view(o, id, false, out, e);
}

void ops_plan_view_free(struct ops_plan_view *v)
{
    free(v->moves);
    free(v->impact);
    free(v->timeline);
    v->moves = NULL;
    v->impact = NULL;
    v->timeline = NULL;
    v->ntimeline = 0;
    v->nmoves = v->nimpact = 0;
}

/* --- check ---------------------------------------------------------------- */

struct breaches {
    struct ops_breach *b;
    size_t n, cap;
};

static int breach(struct breaches *bs, const char *nip, int rule, const char *reason)
{
    if (GROW_ROOM(bs->b, bs->cap, bs->n + 1, 16) != 0)
        return -1;
    struct ops_breach *b = &bs->b[bs->n++];
    memcpy(b->nip, nip, sizeof b->nip);
    b->rule = rule;
    snprintf(b->reason, sizeof b->reason, "%s", reason);
    return 0;
}

/* A person or target that is no longer as the move recorded it. */
static int changed_record(const struct move *m, const struct move_facts *f, char *why,
                          size_t size)
{
    if (strcmp(f->person.position, m->from_position) != 0) {
        snprintf(why, size, _("now holds position %s, not %s as when the move was added"),
                 f->person.position[0] ? f->person.position : _("(none)"),
                 m->from_position[0] ? m->from_position : _("(none)"));
        return 1;
    }
    if (strcmp(f->target.unit, m->to_unit) != 0) {
        snprintf(why, size, _("position %s now belongs to unit %s, not %s"), m->to_position,
                 f->target.unit, m->to_unit);
        return 1;
    }
    return 0;
}

static int check_move(struct ops *o, stxn *t, const struct move *m, const struct plan_desc *d,
                      unsigned scopes, struct breaches *bs, struct ops_err *e)
{
    struct move_facts f;
    struct ops_err missing;
    char why[VERDICT_REASON_SIZE];
    int r = move_facts_read(o, t, m->nip, m->to_position, &f, &missing);
    if (r == STORE_NOTFOUND)
        return breach(bs, m->nip, -1, missing.msg) == 0 ? OPS_OK
                                                         : ops_fail(e, "%s", _("out of memory"));
    if (r != STORE_OK)
        return ops_fail(e, "%s", missing.msg);
    if (changed_record(m, &f, why, sizeof why) && breach(bs, m->nip, -1, why) != 0)
        return ops_fail(e, "%s", _("out of memory"));
    struct verdict v[RULE_COUNT];
    size_t n;
    move_judge(o, &f, m->reason, d, v, &n);
    for (size_t i = 0; i < n; i++)
        if (v[i].result == VERDICT_BLOCK &&
            (scopes & RULE_SCOPE_BIT(rule_table[v[i].rule].scope)) &&
            breach(bs, m->nip, v[i].rule, v[i].reason) != 0)
            return ops_fail(e, "%s", _("out of memory"));
    return OPS_OK;
}

/* Struck moves are out of the plan: dropped from pl (the rules' plan
 * sanity sees the others only). */
void plan_moves_drop_struck(struct plan_moves *pl)
{
    size_t k = 0;
    for (size_t i = 0; i < pl->n; i++)
        if (!MOVE_STRUCK(&pl->m[i]))
            pl->m[k++] = pl->m[i];
    pl->n = k;
}

int plan_check_in(struct ops *o, stxn *t, uint32_t id, unsigned scopes,
                  struct ops_breach **out, size_t *n, struct ops_err *e)
{
    struct plan_moves pl = {0};
    struct breaches bs = {0};
    *out = NULL;
    *n = 0;
    int rc = OPS_OK;
    if (plan_moves_read(t, id, &pl) != STORE_OK)
        rc = ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    plan_moves_drop_struck(&pl);
    struct plan_desc d = plan_moves_desc(&pl);
    if (rc == OPS_OK && pl.n && !d.moves)
        rc = ops_fail(e, "%s", _("out of memory"));
    for (size_t i = 0; rc == OPS_OK && i < pl.n; i++)
        rc = check_move(o, t, &pl.m[i], &d, scopes, &bs, e);
    plan_moves_free(&pl);
    if (rc != OPS_OK) {
        free(bs.b);
        return rc;
    }
    *out = bs.b;
    *n = bs.n;
    return OPS_OK;
}

int ops_plan_check(struct ops *o, uint32_t id, struct ops_breach **out, size_t *n,
                   struct ops_err *e)
{
    struct plan p;
    *out = NULL;
    *n = 0;
    stxn *t = store_read_begin(o->db);
    if (!t)
        return ops_fail(e, "%s", store_errmsg(o->db));
    int rc = read_plan(o, t, id, &p, e);
    if (rc == OPS_OK)
        rc = plan_check_in(o, t, id, PLAN_CHECK_ALL, out, n, e);
    store_read_end(t);
    return rc;
}
