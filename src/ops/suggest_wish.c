/* The staff's wishes for the optimiser: each mover's preferences read
 * from the store and turned into the planner's terms (core/planner.h
 * struct planner_wish). A unit code names the unit and every unit below
 * it; any other place is a district. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "ops/suggest_internal.h"

struct by_nip {
    const char *nip;
    size_t mover;
};

struct wish_read {
    struct suggest_run *run;
    struct by_nip *by_nip;         /* the movers in NIP order */
    size_t room;
    uint32_t *list, *mark, stamp;  /* scratch: one list of units, and which are in it */
    bool failed;
};

static int nip_cmp(const void *a, const void *b)
{
    return strcmp(((const struct by_nip *)a)->nip, ((const struct by_nip *)b)->nip);
}

static long mover_of(const struct wish_read *c, const char *nip)
{
    size_t lo = 0, hi = c->run->npeople;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int d = strcmp(c->by_nip[mid].nip, nip);
        if (d == 0)
            return (long)c->by_nip[mid].mover;
        if (d < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* The tree downwards, built once: children of u are
 * children[child_first[u] .. child_first[u + 1]). */
static int unit_tree(struct suggest_run *run)
{
    size_t nu = workload_unit_count(run->w);
    if (run->child_first)
        return 0;
    run->child_first = calloc(nu + 2, sizeof *run->child_first);
    run->children = malloc((nu + 1) * sizeof *run->children);
    if (!run->child_first || !run->children)
        return -1;
    for (size_t u = 0; u < nu; u++) {
        long p = workload_unit_parent(run->w, u);
        if (p >= 0)
            run->child_first[p + 2]++;
    }
    for (size_t u = 0; u < nu; u++)
        run->child_first[u + 2] += run->child_first[u + 1];
    for (size_t u = 0; u < nu; u++) {
        long p = workload_unit_parent(run->w, u);
        if (p >= 0)
            run->children[run->child_first[p + 1]++] = (uint32_t)u;
    }
    return 0;
}

/* Adds unit u and the units below it to the scratch list, once each. */
static void add_subtree(struct wish_read *c, uint32_t u, uint32_t *n)
{
    const struct suggest_run *run = c->run;
    if (c->mark[u] == c->stamp)
        return;
    uint32_t from = *n;
    c->mark[u] = c->stamp;
    c->list[(*n)++] = u;
    for (uint32_t i = from; i < *n; i++)    /* the list is the queue */
        for (uint32_t k = run->child_first[c->list[i]]; k < run->child_first[c->list[i] + 1];
             k++) {
            uint32_t v = run->children[k];
            if (c->mark[v] != c->stamp) {
                c->mark[v] = c->stamp;
                c->list[(*n)++] = v;
            }
        }
}

/* One list of places: its units (with those below) into *units, a copy
 * of their exact size; the other places as districts. */
static int resolve(struct wish_read *c, const char (*places)[PREF_PLACE_SIZE], uint8_t n,
                   uint32_t **units, uint32_t *nunits, const char **districts, uint32_t *nd)
{
    struct suggest_run *run = c->run;
    uint32_t k = 0;
    c->stamp++;
    for (uint8_t i = 0; i < n; i++) {
        long u = workload_unit_index(run->w, places[i]);
        if (u < 0) {
            districts[(*nd)++] = places[i];
            continue;
        }
        if (unit_tree(run) != 0)
            return -1;
        add_subtree(c, (uint32_t)u, &k);
    }
    *units = malloc((k ? k : 1) * sizeof **units);
    if (!*units)
        return -1;
    memcpy(*units, c->list, k * sizeof **units);
    *nunits = k;
    return 0;
}

static int make_wish(struct wish_read *c, struct suggest_wish *sw)
{
    const struct preference *p = &sw->pref;
    struct planner_wish *w = &sw->w;
    memset(w, 0, sizeof *w);
    w->prefer_districts = sw->districts;
    if (resolve(c, p->prefer, p->nprefer, &sw->units[0], &w->nprefer_units, sw->districts,
                &w->nprefer_districts) != 0)
        return -1;
    w->avoid_districts = sw->districts + w->nprefer_districts;
    if (resolve(c, p->avoid, p->navoid, &sw->units[1], &w->navoid_units,
                sw->districts + w->nprefer_districts, &w->navoid_districts) != 0)
        return -1;
    w->prefer_units = sw->units[0];
    w->avoid_units = sw->units[1];
    return 0;
}

static int take_preference(const struct preference *p, void *ctx)
{
    struct wish_read *c = ctx;
    struct suggest_run *run = c->run;
    long m = mover_of(c, p->nip);
    if (m < 0 || (p->nprefer == 0 && p->navoid == 0))
        return 0;
    if (run->nwishes == c->room) {
        c->failed = true;          /* the table grew under a read transaction: cannot */
        return 1;
    }
    struct suggest_wish *sw = &run->wishes[run->nwishes];
    memset(sw, 0, sizeof *sw);
    sw->pref = *p;
    run->nwishes++;
    if (make_wish(c, sw) != 0) {
        c->failed = true;
        return 1;
    }
    run->movers[m].wish = (long)(sw - run->wishes);
    return 0;
}

int suggest_read_wishes(struct suggest_run *run, stxn *t)
{
    for (size_t i = 0; i < run->npeople; i++)
        run->movers[i].wish = -1;
    size_t n = store_count_preferences(t);
    if (n == 0 || run->npeople == 0)
        return OPS_OK;
    size_t nu = workload_unit_count(run->w);
    struct wish_read c = {.run = run, .room = n};
    c.by_nip = malloc(run->npeople * sizeof *c.by_nip);
    c.list = malloc((nu + 1) * sizeof *c.list);
    c.mark = calloc(nu + 1, sizeof *c.mark);
    run->wishes = calloc(n, sizeof *run->wishes);
    int r = -1;
    if (c.by_nip && c.list && c.mark && run->wishes) {
        for (size_t i = 0; i < run->npeople; i++)
            c.by_nip[i] = (struct by_nip){run->movers[i].nip, i};
        qsort(c.by_nip, run->npeople, sizeof *c.by_nip, nip_cmp);
        r = store_each_preference(t, take_preference, &c);
    } else {
        c.failed = true;
    }
    free(c.by_nip);
    free(c.list);
    free(c.mark);
    if (c.failed)
        return ops_fail(run->e, "%s", _("out of memory"));
    if (r < 0)
        return ops_fail(run->e, _("could not read the database: %s"), store_errmsg(run->o->db));
    return OPS_OK;
}

void suggest_wishes_free(struct suggest_run *run)
{
    for (size_t i = 0; i < run->nwishes; i++) {
        free(run->wishes[i].units[0]);
        free(run->wishes[i].units[1]);
    }
    free(run->wishes);
    free(run->child_first);
    free(run->children);
    run->wishes = NULL;
    run->nwishes = 0;
}
