/* The units whose labels show their parent's name (core/unit_repeats.h)
 * kept as a derived record in meta: the sorted code hashes, 8 bytes each
 * little-endian, recomputed from every unit in the write transaction
 * that changed a unit (store_write, before it commits), so that a screen
 * reads one value at its start instead of every unit (about 60 KB and
 * well under a millisecond at 132,000 units, where the walk and the
 * count took some 60 ms). */
#include <endian.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "core/unit_repeats.h"
#include "store/internal.h"

#define REPEATS_KEY "unit_repeats"
/* Beside it (schema 12): the units whose name another unit has, which
 * the Units screen shows with their parent's name (ui/unit_label.h), so
 * that it draws a few rows of the stored tree without every unit's name. */
#define NAMES_KEY "unit_names_repeat"

static MDB_val repeats_key(void)
{
    return (MDB_val){sizeof REPEATS_KEY - 1, (void *)REPEATS_KEY};
}

static MDB_val names_key(void)
{
    return (MDB_val){sizeof NAMES_KEY - 1, (void *)NAMES_KEY};
}

static int by_name(const void *x, const void *y)
{
    const struct unit_hashes *a = x, *b = y;
    return a->name < b->name ? -1 : a->name > b->name;
}

static int by_value(const void *x, const void *y)
{
    const uint64_t *a = x, *b = y;
    return *a < *b ? -1 : *a > *b;
}

/* The code hashes of the units whose name hash repeats, sorted, into out
 * (room for n); reorders u. Returns how many. */
static size_t names_repeat(struct unit_hashes *u, size_t n, uint64_t *out)
{
    size_t k = 0;
    if (n)
        qsort(u, n, sizeof *u, by_name);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && u[j].name == u[i].name; j++)
            ;
        for (size_t m = i; j - i > 1 && m < j; m++)
            out[k++] = u[m].code;
    }
    if (k)
        qsort(out, k, sizeof *out, by_value);
    return k;
}

struct gather {
    struct unit_hashes *u;
    size_t n, cap;
};

static int gather_unit(const struct unit *u, void *ctx)
{
    struct gather *g = ctx;
    if (GROW_ROOM(g->u, g->cap, g->n + 1, 1024) != 0)
        return 1;
    g->u[g->n++] = (struct unit_hashes){unit_key_hash(u->code), unit_key_hash(u->name),
                                        u->parent[0] ? unit_key_hash(u->parent) : 0};
    return 0;
}

/* The set worked out from every unit (the caller frees *codes), and when
 * rep is not NULL the units whose name repeats (*rep, *nrep, freed by the
 * caller too). */
static int recount_both(stxn *t, uint64_t **codes, size_t *n, uint64_t **rep, size_t *nrep)
{
    size_t units = store_count_units(t);
    struct gather g = {malloc((units ? units : 1) * sizeof *g.u), 0, units ? units : 1};
    uint64_t *out = NULL, *same = NULL;
    size_t k = (size_t)-1;
    int rc = g.u ? store_each_unit(t, gather_unit, &g) : 1;
    if (rc == 0 && (out = malloc((g.n ? g.n : 1) * sizeof *out)))
        k = unit_repeats_compute(g.u, g.n, out);
    if (k != (size_t)-1 && rep) {
        if ((same = malloc((g.n ? g.n : 1) * sizeof *same)) != NULL)
            *nrep = names_repeat(g.u, g.n, same), *rep = same;
        else
            k = (size_t)-1;
    }
    free(g.u);
    if (k == (size_t)-1) {
        free(out);
        return rc == STORE_ERROR ? STORE_ERROR : store_fail(t->s, _("out of memory"));
    }
    uint64_t *fit = realloc(out, (k ? k : 1) * sizeof *fit);
    *codes = fit ? fit : out;
    *n = k;
    return STORE_OK;
}

static int recount(stxn *t, uint64_t **codes, size_t *n)
{
    return recount_both(t, codes, n, NULL, NULL);
}

/* The stored set under key: STORE_OK, STORE_NOTFOUND (no record: a
 * database older than the record, or damaged) or STORE_ERROR. */
static int read_set(stxn *t, MDB_val key, uint64_t **codes, size_t *n)
{
    MDB_val v;
    int rc = store_db_get(t, DB_META, key, &v);
    if (rc != STORE_OK)
        return rc;
    if (v.mv_size % 8 != 0)
        return STORE_NOTFOUND;
    size_t k = v.mv_size / 8;
    uint64_t *out = malloc((k ? k : 1) * sizeof *out);
    if (!out)
        return store_fail(t->s, _("out of memory"));
    for (size_t i = 0; i < k; i++) {
        uint64_t le;
        memcpy(&le, (const unsigned char *)v.mv_data + 8 * i, 8);
        out[i] = le64toh(le);
    }
    *codes = out;
    *n = k;
    return STORE_OK;
}

static int read_stored(stxn *t, uint64_t **codes, size_t *n)
{
    return read_set(t, repeats_key(), codes, n);
}

int store_unit_names_repeat(stxn *t, uint64_t **codes, size_t *n)
{
    uint64_t *told = NULL;
    size_t nt = 0;
    int rc = read_set(t, names_key(), codes, n);
    if (rc != STORE_NOTFOUND)
        return rc;
    rc = recount_both(t, &told, &nt, codes, n);
    free(told);
    return rc;
}

/* A set as a record: little-endian, in place. */
static int write_set(stxn *t, MDB_val key, uint64_t *codes, size_t n)
{
    for (size_t i = 0; i < n; i++)
        codes[i] = htole64(codes[i]);
    return store_db_put(t, DB_META, key, (MDB_val){n * 8, codes}, 0);
}

int store_unit_repeats(stxn *t, uint64_t **codes, size_t *n)
{
    int rc = read_stored(t, codes, n);
    return rc == STORE_NOTFOUND ? recount(t, codes, n) : rc;
}

int store_unit_repeats_refresh(stxn *t)
{
    uint64_t *codes = NULL, *rep = NULL;
    size_t n = 0, nrep = 0;
    if (recount_both(t, &codes, &n, &rep, &nrep) != STORE_OK)
        return STORE_ERROR;
    int rc = write_set(t, repeats_key(), codes, n);
    if (rc == STORE_OK)
        rc = write_set(t, names_key(), rep, nrep);
    free(codes);
    free(rep);
    t->units_changed = false;
    return rc;
}

int store_unit_repeats_check(stxn *t, char *why, size_t whylen)
{
    uint64_t *stored = NULL, *want = NULL;
    size_t ns = 0, nw = 0;
    int problems = 0;
    int rc = read_stored(t, &stored, &ns);
    if (rc == STORE_NOTFOUND) {
        snprintf(why, whylen, "%s", _("the record of the units that show their parent is missing"));
        return 1;
    }
    uint64_t *rep = NULL, *rep_want = NULL;
    size_t nrep = 0, nrep_want = 0;
    if (rc != STORE_OK || recount_both(t, &want, &nw, &rep_want, &nrep_want) != STORE_OK) {
        snprintf(why, whylen, "%s", store_errmsg(t->s));
        problems = 1;
    } else if (ns != nw || (nw && memcmp(stored, want, nw * sizeof *want) != 0)) {
        snprintf(why, whylen,
                 _("the record of the units that show their parent differs from a recount "
                   "(%zu units stored, %zu counted)"),
                 ns, nw);
        problems = 1;
    } else if (read_set(t, names_key(), &rep, &nrep) != STORE_OK || nrep != nrep_want ||
               (nrep && memcmp(rep, rep_want, nrep * sizeof *rep) != 0)) {
        snprintf(why, whylen, "%s",
                 _("the record of the units whose name repeats differs from a recount"));
        problems = 1;
    }
    free(stored);
    free(want);
    free(rep);
    free(rep_want);
    return problems;
}
