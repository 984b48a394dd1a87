/* Where could one person go? Every position judged as a target for them
 * (ops_move_targets, ops.h): the plan editor's position picker. Judged by
 * the quick paths of the rules; the reasons in words only for the one
 * position asked about (ops_target_reasons). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/ops.h"

struct judging {
    struct ops *o;
    struct ops_targets *g;
    size_t cap;
    /* The person rules do not depend on the target when the person holds
     * a position: judged once, then only the target rules per position. */
    unsigned scopes;
    int person_summary;
    /* Positions come in code order, and so does the workload: the next
     * position's row is usually the one after the last found. */
    size_t next_row;
    size_t names_cap;
};

static struct wl_row figures_of(const struct workload *w, const char *code)
{
    struct wl_row none = {0};
    long i = w ? workload_position_index(w, code) : -1;
    return i >= 0 ? *workload_position_row(w, (size_t)i) : none;
}

static struct move_input move_to(struct ops *o, const struct ops_targets *g,
                                 const struct position *target, struct wl_row target_fig)
{
    struct move_input m = {
        .person = &g->person,
        .origin = g->has_origin ? &g->origin : NULL,
        .target = target,
        .origin_fig = g->origin_fig,
        .target_fig = target_fig,
        .today = o->today,
    };
    return m;
}

/* figures_of for positions read in code order. */
static struct wl_row figures_next(struct judging *j, const char *code)
{
    const struct workload *w = j->g->w;
    if (w && j->next_row < workload_position_count(w) &&
        strcmp(workload_position_code(w, j->next_row), code) == 0)
        return *workload_position_row(w, j->next_row++);
    long i = w ? workload_position_index(w, code) : -1;
    if (i < 0)
        return (struct wl_row){0};
    j->next_row = (size_t)i + 1;
    return *workload_position_row(w, (size_t)i);
}

/* The names go into one buffer (t[i].name holds the offset until
 * name_pointers): tens of thousands of strdups cost more than the rules. */
static int keep_name(struct judging *j, struct ops_target *t, const char *name)
{
    struct ops_targets *g = j->g;
    size_t len = strlen(name) + 1;
    if (GROW_ROOM(g->names, j->names_cap, g->names_len + len, 1 << 16) != 0)
        return -1;
    memcpy(g->names + g->names_len, name, len);
    t->name = (const char *)(uintptr_t)g->names_len;
    g->names_len += len;
    return 0;
}

static void name_pointers(struct ops_targets *g)
{
    for (size_t i = 0; i < g->n; i++)
        g->t[i].name = g->names + (uintptr_t)g->t[i].name;
}

static int worse(int a, int b)
{
    return a > b ? a : b;   /* enum move_summary rises with the trouble */
}

static int judge_position(const struct position *pos, void *ctx)
{
    struct judging *j = ctx;
    struct ops_targets *g = j->g;
    /* The figures first: the person's own position moves the cursor too. */
    struct wl_row fig = figures_next(j, pos->code);
    if (!strcmp(pos->code, g->person.position))
        return 0;
    if (GROW_ROOM(g->t, j->cap, g->n + 1, 1024) != 0)
        return 1;
    struct move_input m = move_to(j->o, g, pos, fig);
    struct ops_target *t = &g->t[g->n];
    memcpy(t->code, pos->code, sizeof t->code);
    memcpy(t->unit, pos->unit, sizeof t->unit);
    t->summary = (uint8_t)worse(j->person_summary, rules_quick_summary(&m, ops_policy(j->o),
                                                                       j->scopes));
    if (keep_name(j, t, pos->name) != 0)
        return 1;
    g->n++;
    return 0;
}

/* The person and their origin, and the scopes to judge per position. */
static int read_person(struct ops *o, stxn *t, const char *nip, struct judging *j,
                       struct ops_err *e)
{
    struct ops_targets *g = j->g;
    if (store_get_staff(t, nip, &g->person) != STORE_OK) {
        char shown[NIP_FMT_LEN + 1];
        nip_format(nip, shown);
        return ops_fail(e, _("no staff with NIP %s"), shown);
    }
    g->has_origin = g->person.position[0] &&
                    store_get_position(t, g->person.position, &g->origin) == STORE_OK;
    g->origin_fig = figures_of(g->w, g->person.position);
    j->scopes = RULE_SCOPE_BIT(RULE_SCOPE_TARGET);
    j->person_summary = MOVE_ALLOWED;
    if (g->has_origin) {
        struct move_input m = move_to(o, g, NULL, (struct wl_row){0});
        j->person_summary = rules_quick_summary(&m, ops_policy(o),
                                                RULE_SCOPE_BIT(RULE_SCOPE_PERSON));
    } else {
        /* Without an origin the retirement age comes from the target. */
        j->scopes |= RULE_SCOPE_BIT(RULE_SCOPE_PERSON);
    }
    return OPS_OK;
}

int ops_move_targets(struct ops *o, const char *nip, const struct workload *w,
                     struct ops_targets *out, struct ops_err *e)
{
    memset(out, 0, sizeof *out);
    out->w = w;
    struct judging j = {.o = o, .g = out};
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int rc = read_person(o, t, nip, &j, e);
    if (rc == OPS_OK && store_each_position(t, judge_position, &j) != 0)
        rc = ops_fail(e, "%s", _("out of memory"));
    store_read_end(t);
    if (rc != OPS_OK) {
        out->n = 0;     /* the names are offsets yet */
        ops_targets_free(out);
        return rc;
    }
    name_pointers(out);
    return OPS_OK;
}

int ops_target_reasons(struct ops *o, const struct ops_targets *g, size_t i, char *out,
                       size_t size)
{
    struct ops_err e;
    struct position pos;
    out[0] = '\0';
    if (i >= g->n)
        return OPS_REFUSED;
    stxn *t = ops_read_begin(o, &e);
    int r = t ? store_get_position(t, g->t[i].code, &pos) : STORE_ERROR;
    if (t)
        store_read_end(t);
    if (r != STORE_OK) {
        snprintf(out, size, _("position %s could not be read"), g->t[i].code);
        return OPS_REFUSED;
    }
    struct move_input m = move_to(o, g, &pos, figures_of(g->w, pos.code));
    struct verdict v[RULE_COUNT];
    size_t n = rules_check_scope(&m, ops_policy(o), RULE_SCOPE_BIT(RULE_SCOPE_PERSON) |
                                                        RULE_SCOPE_BIT(RULE_SCOPE_TARGET), v);
    /* Blocks first: they are what the picker's user must read. */
    verdict_reasons(v, n, VERDICT_BLOCK, "; ", out, size);
    size_t used = strlen(out);
    if (used + 3 < size) {
        verdict_reasons(v, n, VERDICT_WARN, "; ", out + used + (used ? 2 : 0),
                        size - used - (used ? 2 : 0));
        if (used && out[used + 2])
            memcpy(out + used, "; ", 2);
    }
    return OPS_OK;
}

void ops_targets_free(struct ops_targets *g)
{
    free(g->t);
    free(g->names);
    g->t = NULL;
    g->names = NULL;
    g->n = g->names_len = 0;
}
