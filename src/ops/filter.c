/* The filters of the list screens over the database: what a unit: or
 * district: term stands for (the unit's subtree, the units of a district)
 * and whether a person passes every term (contract in ops.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "core/grow.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "ops/ops.h"

struct unit_list {
    struct unit *u;
    size_t n, cap;
};

static int take_unit(const struct unit *u, void *ctx)
{
    struct unit_list *l = ctx;
    if (GROW_ROOM(l->u, l->cap, l->n + 1, 256) != 0)
        return 1;
    l->u[l->n++] = *u;
    return 0;
}

static int unit_cmp(const void *a, const void *b)
{
    return strcmp(((const struct unit *)a)->code, ((const struct unit *)b)->code);
}

static const struct unit *find_unit(const struct unit_list *l, const char *code)
{
    struct unit key;
    snprintf(key.code, sizeof key.code, "%s", code);
    return bsearch(&key, l->u, l->n, sizeof *l->u, unit_cmp);
}

/* The unit whose code is code, ignoring case. */
static const struct unit *find_unit_nocase(const struct unit_list *l, const char *code)
{
    const struct unit *u = find_unit(l, code);
    for (size_t i = 0; !u && i < l->n; i++)
        if (!strcasecmp(l->u[i].code, code))
            u = &l->u[i];
    return u;
}

/* True when u is root or lies below it (parents are followed up to the
 * tree's depth; a cycle in bad data ends the walk). */
static bool under(const struct unit_list *l, const struct unit *u, const char *root)
{
    for (int depth = 0; u && depth < 64; depth++) {
        if (!strcmp(u->code, root))
            return true;
        u = u->parent[0] ? find_unit(l, u->parent) : NULL;
    }
    return false;
}

static int add_code(struct flt_term *t, const char *code)
{
    char (*nc)[32] = realloc(t->codes, (t->ncodes + 1) * sizeof *nc);
    if (!nc)
        return -1;
    t->codes = nc;
    snprintf(t->codes[t->ncodes++], sizeof *nc, "%s", code);
    return 0;
}

static int resolve_term(const struct unit_list *l, struct flt_term *t, struct ops_err *e)
{
    const struct unit *root = NULL;
    if (t->kind == FLT_UNIT) {
        root = find_unit_nocase(l, t->arg);
        if (!root)
            return ops_fail(e, _("no unit with the code \"%s\""), t->arg);
    }
    /* l is sorted by code, so the codes come out sorted. */
    for (size_t i = 0; i < l->n; i++) {
        bool in = root ? under(l, &l->u[i], root->code)
                       : fold_contains(l->u[i].district, t->arg, strlen(t->arg));
        if (in && add_code(t, l->u[i].code) != 0)
            return ops_fail(e, "%s", _("out of memory"));
    }
    if (!root && !t->ncodes)
        return ops_fail(e, _("no unit lies in a district called \"%s\""), t->arg);
    return OPS_OK;
}

int ops_filter_resolve(stxn *t, struct flt *f, struct ops_err *e)
{
    if (!flt_find(f, FLT_UNIT) && !flt_find(f, FLT_DISTRICT))
        return OPS_OK;
    struct unit_list l = {0};
    if (store_each_unit(t, take_unit, &l) != 0) {
        free(l.u);
        return ops_fail(e, "%s", _("the units could not be read"));
    }
    qsort(l.u, l.n, sizeof *l.u, unit_cmp);
    int rc = OPS_OK;
    for (int i = 0; i < f->n && rc == OPS_OK; i++)
        if (f->t[i].kind == FLT_UNIT || f->t[i].kind == FLT_DISTRICT)
            rc = resolve_term(&l, &f->t[i], e);
    free(l.u);
    return rc;
}

void ops_filter_free(struct flt *f)
{
    for (int i = 0; i < f->n; i++) {
        free(f->t[i].codes);
        f->t[i].codes = NULL;
        f->t[i].ncodes = 0;
    }
}

static bool person_may_move(const struct staff *st, stxn *t, const struct policy *pol, mdate today)
{
    struct position pos;
    bool have = t && st->position[0] && store_get_position(t, st->position, &pos) == STORE_OK;
    return rules_person_may_move(st, have ? &pos : NULL, pol, today);
}

static bool term_passes(const struct flt_term *term, const struct staff *st, stxn *t,
                        const struct policy *pol, mdate today)
{
    switch (term->kind) {
    case FLT_UNIT:
    case FLT_DISTRICT:
        return flt_term_has_code(term, st->unit);
    case FLT_RANK:
        return st->rank == term->value;
    case FLT_STATUS:
        return st->status == term->value;
    case FLT_FAMILY:
        return fold_contains(st->job_family, term->arg, strlen(term->arg));
    case FLT_ROTATION:
        return rules_rotation_candidate(st, pol, today);
    case FLT_ELIGIBLE:
        return person_may_move(st, t, pol, today);
    case FLT_TEXT:
        return fold_contains(st->name, term->arg, strlen(term->arg));
    default:
        return true;
    }
}

bool ops_staff_passes(const struct flt *f, const struct staff *st, stxn *t,
                      const struct policy *pol, mdate today)
{
    for (int i = 0; i < f->n; i++)
        if (!term_passes(&f->t[i], st, t, pol, today))
            return false;
    return true;
}
