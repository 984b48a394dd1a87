/* Where could one person go? Every position judged as a target for them
 * (ops_move_targets, ops.h): the plan editor's position picker. */
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/ops.h"

struct targets {
    struct ops *o;
    const struct workload *w;
    struct staff person;
    struct position origin;
    bool has_origin;
    struct wl_row origin_fig;
    /* The person rules do not depend on the target: judged once. */
    struct verdict pv[RULE_COUNT];
    size_t npv;
    struct ops_target *t;
    size_t n, cap;
};

static struct wl_row figures_of(const struct workload *w, const char *code)
{
    struct wl_row none = {0};
    long i = w ? workload_position_index(w, code) : -1;
    return i >= 0 ? *workload_position_row(w, (size_t)i) : none;
}

/* The reasons of every warning and block, "; "-joined; NULL when none. */
static char *reasons_of(const struct verdict *v, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i].result == VERDICT_WARN || v[i].result == VERDICT_BLOCK)
            len += strlen(v[i].reason) + 2;
    if (!len)
        return NULL;
    char *s = malloc(len + 1);
    if (!s)
        return NULL;
    s[0] = '\0';
    /* Blocks first: they are what the picker's user must read. */
    for (int pass = VERDICT_BLOCK; pass >= VERDICT_WARN; pass--)
        for (size_t i = 0; i < n; i++)
            if (v[i].result == pass) {
                if (s[0])
                    strcat(s, "; ");
                strcat(s, v[i].reason);
            }
    return s;
}

static int judge_position(const struct position *pos, void *ctx)
{
    struct targets *g = ctx;
    if (!strcmp(pos->code, g->person.position))
        return 0;
    if (GROW_ROOM(g->t, g->cap, g->n + 1, 256) != 0)
        return 1;
    struct move_input m = {
        .person = &g->person,
        .origin = g->has_origin ? &g->origin : NULL,
        .target = pos,
        .origin_fig = g->origin_fig,
        .target_fig = figures_of(g->w, pos->code),
        .today = g->o->today,
    };
    /* Without an origin the retirement age comes from the target: then
     * every rule is judged per position. */
    struct verdict v[2 * RULE_COUNT];
    size_t nv = 0;
    unsigned scopes = RULE_SCOPE_BIT(RULE_SCOPE_TARGET);
    if (g->has_origin) {
        memcpy(v, g->pv, g->npv * sizeof *v);
        nv = g->npv;
    } else {
        scopes |= RULE_SCOPE_BIT(RULE_SCOPE_PERSON);
    }
    nv += rules_check_scope(&m, ops_policy(g->o), scopes, v + nv);
    struct ops_target *t = &g->t[g->n];
    memset(t, 0, sizeof *t);
    snprintf(t->code, sizeof t->code, "%s", pos->code);
    snprintf(t->unit, sizeof t->unit, "%s", pos->unit);
    t->summary = (uint8_t)rules_summary(v, nv);
    t->name = strdup(pos->name);
    t->why = reasons_of(v, nv);
    if (!t->name) {
        free(t->why);
        return 1;
    }
    g->n++;
    return 0;
}

int ops_move_targets(struct ops *o, const char *nip, const struct workload *w,
                     struct ops_target **out, size_t *n, struct ops_err *e)
{
    *out = NULL;
    *n = 0;
    struct targets g = {.o = o, .w = w};
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int rc = OPS_OK;
    if (store_get_staff(t, nip, &g.person) != STORE_OK) {
        char shown[NIP_FMT_LEN + 1];
        nip_format(nip, shown);
        rc = ops_fail(e, _("no staff with NIP %s"), shown);
    } else {
        g.has_origin = g.person.position[0] &&
                       store_get_position(t, g.person.position, &g.origin) == STORE_OK;
        g.origin_fig = figures_of(w, g.person.position);
        struct move_input pm = {.person = &g.person,
                                .origin = g.has_origin ? &g.origin : NULL,
                                .origin_fig = g.origin_fig,
                                .today = o->today};
        g.npv = rules_check_scope(&pm, ops_policy(o), RULE_SCOPE_BIT(RULE_SCOPE_PERSON), g.pv);
        if (store_each_position(t, judge_position, &g) != 0)
            rc = ops_fail(e, "%s", _("out of memory"));
    }
    store_read_end(t);
    if (rc != OPS_OK) {
        ops_targets_free(g.t, g.n);
        return rc;
    }
    *out = g.t;
    *n = g.n;
    return OPS_OK;
}

void ops_targets_free(struct ops_target *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(t[i].name);
        free(t[i].why);
    }
    free(t);
}
