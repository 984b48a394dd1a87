/* The Units screen's tree read lazily from the stored unit tree
 * (ops_workload_units): the roots and the children of the open units,
 * each with its rolled-up figures, so that the first draw reads a few
 * dozen entries instead of every unit and the aggregates. Opening a unit
 * reads its children then. What needs every unit (another view, a sort,
 * a filter, a search, Enter) makes units.c load the whole tree first
 * (its go_full), which keeps the open units and the selection. */
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "core/unit_repeats.h"
#include "ui/unit_label.h"
#include "ui/units_internal.h"

/* The children of one unit as read, before they become rows. */
struct kids {
    struct store_tree_row *k;
    size_t n, cap;
    bool oom;
};

static int take_kid(const struct store_tree_row *r, void *ctx)
{
    struct kids *k = ctx;
    if (GROW_ROOM(k->k, k->cap, k->n + 1, 16) != 0) {
        k->oom = true;
        return 1;
    }
    k->k[k->n++] = *r;
    return 0;
}

bool ui_units_lazy_is_open(const struct units_priv *p, const char *code)
{
    for (size_t i = 0; i < p->nopen; i++)
        if (strcmp(p->open[i], code) == 0)
            return true;
    return false;
}

int ui_units_lazy_set_open(struct units_priv *p, const char *code, bool open)
{
    for (size_t i = 0; i < p->nopen; i++)
        if (strcmp(p->open[i], code) == 0) {
            if (!open)
                memmove(p->open[i], p->open[i + 1], (p->nopen-- - i - 1) * sizeof *p->open);
            return 0;
        }
    if (!open)
        return 0;
    if (GROW_ROOM(p->open, p->capopen, p->nopen + 1, 16) != 0)
        return -1;
    snprintf(p->open[p->nopen++], CODE_SIZE, "%s", code);
    return 0;
}

static bool name_repeats(const struct units_priv *p, const char *code)
{
    return p->nrep && unit_repeats_find(p->rep, p->nrep, unit_key_hash(code)) < p->nrep;
}

static int push(struct units_priv *p, const struct store_tree_row *k, int depth,
                const char *parent_name)
{
    char label[2 * NAME_SIZE + 4];
    if (GROW_ROOM(p->rows, p->caprows, p->nrows + 1, 64) != 0)
        return -1;
    ui_unit_label_format(label, sizeof label, k->name,
                         depth > 0 && name_repeats(p, k->code) ? parent_name : NULL);
    struct urow *r = &p->rows[p->nrows];
    *r = (struct urow){.unit = UROW_LAZY, .depth = depth, .has_children = k->has_children,
                       .fig = k->row};
    snprintf(r->code, sizeof r->code, "%s", k->code);
    r->open = k->has_children && ui_units_lazy_is_open(p, k->code);
    if (!(r->name = strdup(label)))
        return -1;
    p->nrows++;
    return 0;
}

/* The rows of parent's children (NULL: the roots) and, below each open
 * one, its own, depth first. */
static int visit(struct units_priv *p, const struct ops_wl_units *w, const char *parent,
                 const char *parent_name, int depth, struct ops_err *e)
{
    struct kids k = {NULL, 0, 0, false};
    int r = ops_workload_units_children(w, parent, take_kid, &k, e);
    if (r != OPS_OK || k.oom) {
        free(k.k);
        return -1;
    }
    for (size_t i = 0; i < k.n && r == 0; i++) {
        r = push(p, &k.k[i], depth, parent_name);
        if (r == 0 && p->rows[p->nrows - 1].open)
            r = visit(p, w, k.k[i].code, k.k[i].name, depth + 1, e);
    }
    free(k.k);
    return r;
}

bool ui_units_lazy_rows(struct screen *s)
{
    struct units_priv *p = s->priv;
    struct ops_wl_units w;
    struct ops_err e;
    if (ops_workload_units_open(&s->app->ops, &w, &e) != OPS_OK)
        return false;
    bool ok = w.kept;
    if (ok && !p->rep_read) {
        p->rep_read = true;     /* one record; without it no name shows its parent */
        if (store_unit_names_repeat(w.t, &p->rep, &p->nrep) != STORE_OK)
            p->rep = NULL, p->nrep = 0;
    }
    if (ok && visit(p, &w, NULL, "", 0, &e) != 0)
        ok = false;
    ops_workload_units_close(&w);
    return ok;
}

bool ui_units_lazy_open(struct screen *s)
{
    struct units_priv *p = s->priv;
    struct ops_wl_units w;
    struct ops_err e;
    struct kids roots = {NULL, 0, 0, false};
    if (ops_workload_units_open(&s->app->ops, &w, &e) != OPS_OK)
        return false;
    bool ok = w.kept && ops_workload_units_children(&w, NULL, take_kid, &roots, &e) == OPS_OK &&
              !roots.oom;
    ops_workload_units_close(&w);
    /* the roots open, as the whole tree's first screen has them */
    for (size_t i = 0; ok && i < roots.n; i++)
        if (roots.k[i].has_children && ui_units_lazy_set_open(p, roots.k[i].code, true) != 0)
            ok = false;
    free(roots.k);
    if (!ok) {
        ui_units_lazy_free(p);
        return false;
    }
    return true;
}

void ui_units_lazy_free(struct units_priv *p)
{
    free(p->open);
    free(p->rep);
    p->open = NULL;
    p->rep = NULL;
    p->nopen = p->capopen = p->nrep = 0;
    p->rep_read = false;
}
