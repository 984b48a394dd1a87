/* The Staff screen's filtered list: the people who pass the filter, read
 * in one pass and sorted by any column; and the sort orders of both lists. */
#include <stdlib.h>
#include <string.h>
#include "core/name_title.h"
#include "core/i18n.h"
#include "ui/staff.h"

struct collect {
    struct staff_priv *p;
    mdate today;
    size_t cap;
    const char *unit;           /* walking this unit's people: stop past them */
};

/* Room for one more row; false (the list capped) when there is none. */
static bool room_for_row(struct collect *c)
{
    struct staff_priv *p = c->p;
    if (p->fn < c->cap)
        return true;
    size_t nc = c->cap ? c->cap * 2 : 1024;
    if (nc > FILTER_MAX)
        nc = FILTER_MAX;
    struct frow *n = nc > c->cap ? realloc(p->fl, nc * sizeof *n) : NULL;
    if (!n) {
        p->fcapped = true;
        return false;
    }
    p->fl = n;
    c->cap = nc;
    return true;
}

static void add_row(struct staff_priv *p, const struct staff *st, bool bad)
{
    struct frow *r = &p->fl[p->fn++];
    staff_copy_str(r->name, sizeof r->name, st->name);
    struct name_span core = name_core(r->name);
    r->core_start = (uint8_t)core.start;
    r->core_end = (uint8_t)core.end;
    staff_copy_str(r->nip, sizeof r->nip, st->nip);
    staff_copy_str(r->unit, sizeof r->unit, st->unit);
    r->rank = (int8_t)st->rank;
    r->skp = (int8_t)(st->nskp ? st->skp[st->nskp - 1].predikat : 0);
    r->post_since = bad ? MDATE_NONE : st->post_since;
    r->bad = bad;
}

/* 2 (ends the walk, not an error): past the unit walked. */
static int past_unit(const struct collect *c, const struct staff *st)
{
    return c->unit && strcmp(st->unit, c->unit) != 0 ? 2 : 0;
}

static int collect_cb(const struct staff *st, void *ctx)
{
    struct collect *c = ctx;
    if (past_unit(c, st))
        return 2;
    if (!staff_passes(c->p, st, c->today))
        return 0;
    if (!room_for_row(c))
        return 1;
    add_row(c->p, st, false);
    return 0;
}

/* A record that does not decode (store_page_staff's stand-in): listed as
 * a marked row, as the whole list does, so that the walk goes on past it
 * and the damage shows. Whether it would pass the filter cannot be told,
 * and hiding it would hide the damage. */
static int collect_damaged(const struct staff *stub, void *ctx)
{
    struct collect *c = ctx;
    if (past_unit(c, stub))
        return 2;
    if (!room_for_row(c))
        return 1;
    add_row(c->p, stub, true);
    c->p->fbad++;
    return 0;
}

/* The name index's order: names without their titles, ASCII letters
 * folded, then the NIP. */
static int frow_cmp(const void *a, const void *b)
{
    const struct frow *x = a, *y = b;
    int d = name_sort_cmp_spans(x->name, (struct name_span){x->core_start, x->core_end}, y->name,
                                (struct name_span){y->core_start, y->core_end});
    if (d)
        return d;
    return strcmp(x->nip, y->nip);
}

/* Longer in post first when ascending by years means an earlier date
 * last: years ascending = post_since descending; no date sorts last. */
static int years_cmp(const struct frow *x, const struct frow *y)
{
    bool nx = x->post_since == MDATE_NONE, ny = y->post_since == MDATE_NONE;
    if (nx || ny)
        return nx - ny;
    return x->post_since > y->post_since ? -1 : x->post_since < y->post_since;
}

static int sort_col;            /* the column qsort compares by */

static int frow_sort_cmp(const void *a, const void *b)
{
    const struct frow *x = a, *y = b;
    int d = 0;
    switch (sort_col) {
    case SORT_NIP:
        return strcmp(x->nip, y->nip);
    case SORT_UNIT:
        d = strcmp(x->unit, y->unit);
        break;
    case SORT_RANK:
        d = x->rank - y->rank;
        break;
    case SORT_YEARS:
        d = years_cmp(x, y);
        break;
    case SORT_SKP:
        d = x->skp - y->skp;
        break;
    default:
        break;
    }
    return d ? d : frow_cmp(a, b);
}

static void reverse_rows(struct staff_priv *p)
{
    for (size_t i = 0, j = p->fn; i + 1 < j; i++, j--) {
        struct frow tmp = p->fl[i];
        p->fl[i] = p->fl[j - 1];
        p->fl[j - 1] = tmp;
    }
}

void staff_sort_filtered(struct staff_priv *p)
{
    sort_col = p->sort;
    if (p->fn)
        qsort(p->fl, p->fn, sizeof *p->fl, frow_sort_cmp);
    if (p->desc)
        reverse_rows(p);
}

/* The people of a unit filter's units through the unit index when they
 * are few units; else every record in NIP order (the fastest walk). Both
 * page past a damaged record (collect_damaged) as the whole list does. */
static int walk_candidates(struct staff_priv *p, stxn *t, struct collect *c)
{
    const struct flt_term *u = flt_find(&p->flt, FLT_UNIT);
    struct store_page pg = {.cb = collect_cb, .damaged = collect_damaged, .ctx = c};
    if (!u || u->ncodes > 256) {
        pg.order = STORE_PAGE_NIP;
        return store_page_staff(t, &pg);
    }
    int rc = 0;
    pg.order = STORE_PAGE_UNIT;
    for (size_t i = 0; i < u->ncodes && rc >= 0 && !p->fcapped; i++) {
        c->unit = pg.unit = u->codes[i];    /* from the unit's first holder */
        rc = store_page_staff(t, &pg);
    }
    c->unit = NULL;
    return rc;
}

/* One pass over the candidates, then sorted by name. */
void staff_build_filtered(struct screen *s)
{
    struct staff_priv *p = s->priv;
    free(p->fl);
    p->fl = NULL;
    p->fn = 0;
    lv_reset(&p->flist);
    p->fcapped = false;
    p->fbad = 0;
    stxn *t = s->app->db ? store_read_begin(s->app->db) : NULL;
    if (!t)
        return;
    struct collect c = {.p = p, .today = s->app->env->today};
    stxn *was = p->t;
    p->t = t;                   /* the eligible filter reads positions */
    int rc = walk_candidates(p, t, &c);
    p->t = was;
    if (rc < 0)
        ui_app_message(s->app, _("could not read the database: %s"), store_errmsg(s->app->db));
    store_read_end(t);
    staff_sort_filtered(p);
}

/* s goes round the columns, each ascending then descending: name, NIP,
 * unit, and for a filtered list rank, years in post and SKP. */
void staff_next_sort(struct screen *s, bool filtered)
{
    struct staff_priv *p = s->priv;
    static const char *const cols[] = {
        N_("name"), N_("NIP"), N_("unit"), N_("rank"), N_("years in post"), N_("SKP"),
    };
    int last = filtered ? SORT_SKP : SORT_UNIT;
    bool wrapped = false;
    if (!p->desc) {
        p->desc = true;
    } else {
        p->desc = false;
        if (++p->sort > last) {
            p->sort = SORT_NAME;
            wrapped = true;
        }
    }
    if (p->sort == SORT_NAME && !filtered && wrapped)
        ui_app_message(s->app, "%s",
                       _("sorted by name, A to Z (to sort by rank, years or SKP, filter first: f)"));
    else if (p->sort == SORT_NAME)
        ui_app_message(s->app, "%s", p->desc ? _("sorted by name, Z to A") : _("sorted by name, A to Z"));
    else
        ui_app_message(s->app, _("sorted by %s, %s"), _(cols[p->sort]),
                       p->desc ? _("descending") : _("ascending"));
}
