/* Following up a plan that took effect; see ops/followup.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/impact.h"
#include "ops/access.h"
#include "ops/followup.h"
#include "ops/plan_internal.h"

/* --- SKP around the TMT --------------------------------------------------- */

static void skp_around(const struct staff *s, mdate tmt, struct ops_followup_row *r)
{
    int y, m, d;
    date_to_ymd(tmt, &y, &m, &d);
    int first_after = (m == 1 && d == 1) ? y : y + 1;
    r->skp_before = r->skp_after = SKP_NONE;
    for (int i = 0; i < s->nskp; i++) {   /* sorted by year ascending */
        int year = s->skp[i].year;
        if (year < y) {
            r->year_before = year;
            r->skp_before = s->skp[i].predikat;
        } else if (year >= first_after && !r->year_after) {
            r->year_after = year;
            r->skp_after = s->skp[i].predikat;
        }
    }
    r->fell = r->skp_before != SKP_NONE && r->skp_after != SKP_NONE &&
              r->skp_after < r->skp_before;
}

static void row_of(stxn *t, const struct move *m, mdate tmt, struct ops_followup_row *r)
{
    struct staff s;
    struct position target;
    memset(r, 0, sizeof *r);
    snprintf(r->nip, sizeof r->nip, "%s", m->nip);
    snprintf(r->from_position, sizeof r->from_position, "%s", m->from_position);
    snprintf(r->to_position, sizeof r->to_position, "%s", m->to_position);
    snprintf(r->to_unit, sizeof r->to_unit, "%s", m->to_unit);
    r->tmt = tmt;
    r->skp_before = r->skp_after = SKP_NONE;
    if (store_get_staff(t, m->nip, &s) != STORE_OK)
        return;
    snprintf(r->name, sizeof r->name, "%s", s.name);
    skp_around(&s, tmt, r);
    if (store_get_position(t, m->to_position, &target) == STORE_OK)
        r->ngaps = competency_gaps(&s, &target, r->gaps);
}

void ops_followup_training(const struct ops_followup_row *r, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->ngaps && used < size; i++) {
        int w = snprintf(out + used, size - used, "%s%s:%d", i ? "|" : "", r->gaps[i].code,
                         r->gaps[i].required);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* --- the units before and after ------------------------------------------- */

/* The database holds the plan's outcome: undoing the moves (to -> from)
 * on the workload of now gives the figures before the plan. */
static int units_around(struct ops *o, stxn *t, const struct plan_moves *pl,
                        struct ops_followup *f, struct ops_err *e)
{
    struct workload *w = ops_workload_read(o, t, NULL);
    struct impact *im = w ? impact_new(w) : NULL;
    struct impact_row *rows = NULL;
    int rc = OPS_OK;
    if (!im) {
        rc = ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
        goto out;
    }
    for (size_t i = 0; i < pl->n; i++)
        impact_add_codes(im, pl->m[i].to_position, pl->m[i].from_position);
    size_t n = impact_rows(im, &rows);
    f->units = calloc(n ? n : 1, sizeof *f->units);
    if (!f->units) {
        rc = ops_fail(e, "%s", _("out of memory"));
        goto out;
    }
    for (size_t i = 0; i < n && rows[i].kind == IMPACT_UNIT; i++) {
        struct ops_followup_unit *u = &f->units[f->nunits++];
        snprintf(u->code, sizeof u->code, "%s", workload_unit_code(w, rows[i].index));
        u->depth = workload_unit_depth(w, rows[i].index);
        u->before = rows[i].after;
        u->after = rows[i].before;
    }
out:
    free(rows);
    impact_free(im);
    workload_free(w);
    return rc;
}

static int followup_read(struct ops *o, stxn *t, uint32_t id, struct ops_followup *f,
                         struct ops_err *e)
{
    struct plan_moves pl = {0};
    int r = store_get_plan(t, id, &f->plan);
    if (r == STORE_NOTFOUND)
        return ops_fail(e, _("there is no plan %u"), (unsigned)id);
    if (r != STORE_OK || plan_moves_read(t, id, &pl) != STORE_OK)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    if (f->plan.applied_at == 0) {
        plan_moves_free(&pl);
        return ops_fail(e, _("plan %u has not taken effect (state %s): there is nothing to "
                             "follow up yet"), (unsigned)id, f->plan.state);
    }
    plan_moves_drop_struck(&pl);
    int rc = OPS_OK;
    f->rows = calloc(pl.n ? pl.n : 1, sizeof *f->rows);
    if (!f->rows)
        rc = ops_fail(e, "%s", _("out of memory"));
    for (size_t i = 0; rc == OPS_OK && i < pl.n; i++)
        row_of(t, &pl.m[i], f->plan.sk.tmt, &f->rows[f->n++]);
    if (rc == OPS_OK)
        rc = units_around(o, t, &pl, f, e);
    plan_moves_free(&pl);
    return rc;
}

int ops_followup(struct ops *o, uint32_t plan, struct ops_followup *out, struct ops_err *e)
{
    memset(out, 0, sizeof *out);
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int rc = followup_read(o, t, plan, out, e);
    store_read_end(t);
    if (rc != OPS_OK)
        ops_followup_free(out);
    return rc;
}

void ops_followup_free(struct ops_followup *f)
{
    free(f->rows);
    free(f->units);
    memset(f, 0, sizeof *f);
}

/* --- training, grouped ------------------------------------------------------ */

static struct ops_training_group *group_for(struct ops_training *t, const struct comp_gap *g)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->g[i].code, g->code) == 0 && t->g[i].level == g->required)
            return &t->g[i];
    struct ops_training_group *ng = realloc(t->g, (t->n + 1) * sizeof *ng);
    if (!ng)
        return NULL;
    t->g = ng;
    struct ops_training_group *x = &t->g[t->n++];
    memset(x, 0, sizeof *x);
    snprintf(x->code, sizeof x->code, "%s", g->code);
    x->level = g->required;
    return x;
}

static int add_person(struct ops_training_group *g, const char *nip)
{
    char(*nn)[NIP_LEN + 1] = realloc(g->nips, (g->people + 1) * sizeof *nn);
    if (!nn)
        return -1;
    g->nips = nn;
    snprintf(g->nips[g->people++], NIP_LEN + 1, "%s", nip);
    return 0;
}

static int by_code_level(const void *a, const void *b)
{
    const struct ops_training_group *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    return c ? c : x->level - y->level;
}

static int group_gaps(const struct ops_followup *f, struct ops_training *out)
{
    for (size_t i = 0; i < f->n; i++)     /* rows are in NIP order: so is each group */
        for (size_t k = 0; k < f->rows[i].ngaps; k++) {
            struct ops_training_group *g = group_for(out, &f->rows[i].gaps[k]);
            if (!g || add_person(g, f->rows[i].nip) != 0)
                return -1;
        }
    if (out->n > 1)
        qsort(out->g, out->n, sizeof *out->g, by_code_level);
    return 0;
}

int ops_training(struct ops *o, uint32_t plan, const char *format, struct ops_training *out,
                 struct ops_err *e)
{
    struct ops_followup f;
    memset(out, 0, sizeof *out);
    if (ops_require(o, OPS_DO_EXPORT_PERSONAL, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    int rc = ops_followup(o, plan, &f, e);
    if (rc != OPS_OK)
        return rc;
    if (group_gaps(&f, out) != 0)
        rc = ops_fail(e, "%s", _("out of memory"));
    ops_followup_free(&f);
    char object[32], after[64];
    snprintf(object, sizeof object, "plan %u", (unsigned)plan);
    snprintf(after, sizeof after, "%zu groups, %s", out->n, format);
    if (rc == OPS_OK && (rc = ops_need_write(o, e)) == OPS_OK)
        rc = ops_audit_note(o, "export training", object, "", after, e);
    if (rc != OPS_OK)
        ops_training_free(out);
    return rc;
}

void ops_training_free(struct ops_training *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->g[i].nips);
    free(t->g);
    memset(t, 0, sizeof *t);
}
