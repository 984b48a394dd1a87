/* Checking a move: the verbs' `check` and the screens' `:check` and
 * person detail read the same figures and the same rule table here. */
#include <string.h>
#include "core/i18n.h"
#include "core/nip.h"
#include "core/workload.h"
#include "ops/ops.h"

static int count_one(const struct staff *s, void *ctx)
{
    (void)s;
    (*(int64_t *)ctx)++;
    return 0;
}

/* A position's need and the number of people holding it (only its
 * holders are read). */
static int position_figures(stxn *t, const struct position *pos, const struct policy *p,
                            struct wl_row *out)
{
    memset(out, 0, sizeof *out);
    out->workload_minutes = pos->workload_minutes;
    out->need = wl_need(pos->workload_minutes, pos->need, p);
    return store_each_staff_in_position(t, pos->code, count_one, &out->existing);
}

/* The person, the target and the origin. */
static int read_move(stxn *t, const char *nip, const char *target, struct ops_move_check *c,
                     struct ops_err *e)
{
    if (store_get_staff(t, nip, &c->person) != STORE_OK) {
        char shown[NIP_FMT_LEN + 1];
        nip_format(nip, shown);
        return ops_fail(e, _("no staff with NIP %s"), shown);
    }
    if (store_get_position(t, target, &c->target) != STORE_OK)
        return ops_fail(e, _("no position with code \"%s\""), target);
    if (strcmp(c->person.position, target) == 0)
        return ops_fail(e, _("%s already holds position %s"), c->person.name, target);
    c->has_origin = c->person.position[0] &&
                    store_get_position(t, c->person.position, &c->origin) == STORE_OK;
    return OPS_OK;
}

int ops_check_move(struct ops *o, const char *nip, const char *target, bool own_request,
                   struct ops_move_check *out, struct ops_err *e)
{
    memset(out, 0, sizeof *out);
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int rc = read_move(t, nip, target, out, e);
    struct wl_row ofig = {0}, tfig = {0};
    const struct policy *p = ops_policy(o);
    if (rc == OPS_OK && (position_figures(t, &out->target, p, &tfig) < 0 ||
                         (out->has_origin && position_figures(t, &out->origin, p, &ofig) < 0)))
        rc = ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    store_read_end(t);
    if (rc != OPS_OK)
        return rc;
    struct move_input m = {
        .person = &out->person,
        .origin = out->has_origin ? &out->origin : NULL,
        .target = &out->target,
        .origin_fig = ofig,
        .target_fig = tfig,
        .own_request = own_request,
        .today = o->today,
    };
    out->n = rules_check_move(&m, p, out->v);
    out->summary = rules_summary(out->v, out->n);
    return OPS_OK;
}

size_t ops_person_verdicts(const struct ops *o, const struct staff *st,
                           const struct position *origin, struct verdict out[RULE_COUNT],
                           int *summary)
{
    struct move_input m = {
        .person = st,
        .origin = origin,
        .own_request = true,
        .today = o->today,
    };
    size_t n = rules_check_scope(&m, ops_policy(o), RULE_SCOPE_BIT(RULE_SCOPE_PERSON), out);
    *summary = rules_summary(out, n);
    return n;
}
