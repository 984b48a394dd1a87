/* The workload sums per district and per job family (store.h, "Workload
 * aggregates"; internal.h): beside the (unit, family) entries of
 * aggregate.c, in the same table, under keys that start with a NUL (no
 * unit code is empty):
 *   NUL 'D' district   the entries of the units of that district
 *   NUL 'F' family     the entries of that family whose unit is known
 *   NUL 'U'            the entries whose unit is no known unit
 * so that the whole database's table by district or by job family is a
 * few thousand reads, with no pass over the units or positions. Kept in
 * the write transaction of every change: each change to a unit entry
 * follows into its groups (store_wl_groups_follow, called for every write
 * of aggregate.c, the bulk paths included), and a unit that comes, goes
 * or changes district moves its entries between groups (the unit
 * descriptor's derive hook). The consistency check recounts them from the
 * recount of the unit entries (aggregate.c, store_wl_check). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"

#define GROUP_DISTRICT 'D'
#define GROUP_FAMILY 'F'
#define GROUP_UNPLACED 'U'

static size_t group_key(int kind, const char *name, size_t len, unsigned char out[AGG_KEY_MAX])
{
    size_t max = AGG_KEY_MAX - 2;
    if (len > max)
        len = max;
    out[0] = '\0';
    out[1] = (unsigned char)kind;
    memcpy(out + 2, name, len);
    return len + 2;
}

/* The unit code of a unit entry's key (unit NUL family) into code. */
static bool split_key(MDB_val k, char code[CODE_SIZE], const char **family, size_t *flen)
{
    const char *key = k.mv_data, *nul = memchr(key, '\0', k.mv_size);
    size_t u = nul ? (size_t)(nul - key) : 0;
    if (!nul || u == 0 || u >= CODE_SIZE)
        return false;
    memcpy(code, key, u);
    code[u] = '\0';
    *family = nul + 1;
    *flen = k.mv_size - u - 1;
    return true;
}

/* Where the entries of unit code count: its district's group, or that of
 * no known unit. */
static int place_of(stxn *t, const char *code, struct wl_place *out)
{
    struct unit u;
    int r = store_get_unit(t, code, &u);
    if (r == STORE_ERROR)
        return STORE_ERROR;
    snprintf(out->unit, sizeof out->unit, "%s", code);
    out->known = r == STORE_OK;
    out->where.len = out->known ? group_key(GROUP_DISTRICT, u.district,
                                            strnlen(u.district, DISTRICT_SIZE - 1),
                                            out->where.key)
                                : group_key(GROUP_UNPLACED, "", 0, out->where.key);
    return STORE_OK;
}

/* The group keys of the unit entry under k, through last when it is the
 * same unit's place. */
static int group_keys(stxn *t, MDB_val k, struct wl_place *last, struct wl_group_key out[2])
{
    char code[CODE_SIZE];
    const char *family;
    size_t flen;
    struct wl_place here;
    if (!split_key(k, code, &family, &flen))
        return store_damaged(t, DB_WORKLOAD_AGG, k), -1;
    struct wl_place *p = last ? last : &here;
    if ((!last || strcmp(last->unit, code) != 0) && place_of(t, code, p) != STORE_OK)
        return -1;
    out[0] = p->where;
    if (!p->known)
        return 1;
    out[1].len = group_key(GROUP_FAMILY, family, flen, out[1].key);
    return 2;
}

int store_wl_group_keys(stxn *t, MDB_val k, struct wl_group_key out[2])
{
    return group_keys(t, k, NULL, out);
}

int store_wl_groups_follow(stxn *t, MDB_val k, const struct agg *d, int sign,
                           struct wl_place *last)
{
    struct wl_group_key g[2];
    int n = group_keys(t, k, last, g);
    for (int i = 0; i < n; i++)
        if (store_agg_add(t, (MDB_val){g[i].len, g[i].key}, d, sign) != STORE_OK)
            return STORE_ERROR;
    return n < 0 ? STORE_ERROR : STORE_OK;
}

/* --- group sums gathered by a bulk count (store_wl_acc) ------------------------ */

void store_wl_acc_defer_groups(struct store_wl_acc *acc)
{
    acc->defer = true;
}

int store_wl_acc_gather(stxn *t, struct store_wl_acc *acc, MDB_val k, int64_t n)
{
    struct wl_group_key g[2];
    int m = group_keys(t, k, &acc->place, g);
    for (int i = 0; i < m; i++) {
        /* the leading NUL left out: a set's strings have none */
        uint32_t before = acc->groups.n;
        uint32_t id = strset_add(&acc->groups, (const char *)g[i].key + 1, g[i].len - 1);
        if (id == STRSET_NONE || GROW_ROOM(acc->sums, acc->cap, (size_t)id + 1, 64) != 0)
            return store_fail(t->s, _("out of memory"));
        if (id >= before)
            acc->sums[id] = 0;
        acc->sums[id] += n;
    }
    return m < 0 ? STORE_ERROR : STORE_OK;
}

/* Group keys in the table's order (no NUL inside: strcmp is memcmp,
 * the shorter first). */
static int group_cmp(const void *x, const void *y, void *ctx)
{
    const struct strset *set = ctx;
    return strcmp(strset_str(set, *(const uint32_t *)x), strset_str(set, *(const uint32_t *)y));
}

void store_wl_acc_discard(struct store_wl_acc *acc)
{
    strset_free(&acc->groups);
    free(acc->sums);
    acc->sums = NULL;
    acc->cap = 0;
}

int store_wl_acc_finish(stxn *t, struct store_wl_acc *acc)
{
    int r = store_wl_acc_flush(t, acc);
    uint32_t n = acc->groups.n;
    uint32_t *order = malloc(((size_t)n + 1) * sizeof *order);
    if (r == STORE_OK && !order)
        r = store_fail(t->s, _("out of memory"));
    for (uint32_t i = 0; order && i < n; i++)
        order[i] = i;
    if (r == STORE_OK)
        qsort_r(order, n, sizeof *order, group_cmp, &acc->groups);
    for (uint32_t i = 0; r == STORE_OK && i < n; i++) {
        const char *name = strset_str(&acc->groups, order[i]);
        unsigned char key[AGG_KEY_MAX];
        size_t len = strlen(name);
        key[0] = '\0';
        memcpy(key + 1, name, len);
        struct agg d = {.existing = acc->sums[order[i]]};
        r = store_agg_add(t, (MDB_val){len + 1, key}, &d, 1);
    }
    free(order);
    store_wl_acc_discard(acc);
    return r;
}

/* --- a unit that comes, goes or moves to another district ------------------- */

struct family_sum {
    char family[FAMILY_SIZE];
    size_t len;
    struct agg a;
};

/* The unit's entries, one per family, read before any write (the writes
 * go to the same table). *out malloc'ed; the count, or -1. */
static long unit_entries(stxn *t, const char *code, struct family_sum **out)
{
    MDB_cursor *c;
    size_t u = strnlen(code, CODE_SIZE - 1), n = 0, cap = 0;
    unsigned char prefix[CODE_SIZE];
    memcpy(prefix, code, u);
    prefix[u] = '\0';
    MDB_val k = {u + 1, prefix}, v;
    *out = NULL;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_WORKLOAD_AGG], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_WORKLOAD_AGG)), -1;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
         rc == 0 && k.mv_size >= u + 1 && memcmp(k.mv_data, prefix, u + 1) == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (GROW_ROOM(*out, cap, n + 1, 16) != 0) {
            mdb_cursor_close(c);
            return store_fail(t->s, _("out of memory")), -1;
        }
        struct family_sum *f = &(*out)[n];
        f->len = k.mv_size - u - 1;
        if (f->len >= FAMILY_SIZE || store_agg_decode(v, &f->a) != 0) {
            mdb_cursor_close(c);
            return store_damaged(t, DB_WORKLOAD_AGG, k), -1;
        }
        memcpy(f->family, (const char *)k.mv_data + u + 1, f->len);
        n++;
    }
    mdb_cursor_close(c);
    if (rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(DB_WORKLOAD_AGG)), -1;
    return (long)n;
}

/* The district group of a unit (or the group of no known unit). */
static size_t place_key(const struct unit *u, unsigned char out[AGG_KEY_MAX])
{
    if (!u)
        return group_key(GROUP_UNPLACED, "", 0, out);
    return group_key(GROUP_DISTRICT, u->district, strnlen(u->district, DISTRICT_SIZE - 1), out);
}

/* Moves one entry's figures from the old place to the new; the family's
 * sum counts only entries of a known unit. */
static int move_entry(stxn *t, const struct family_sum *f, const struct unit *old,
                      const struct unit *now)
{
    unsigned char from[AGG_KEY_MAX], to[AGG_KEY_MAX], fam[AGG_KEY_MAX];
    size_t nf = group_key(GROUP_FAMILY, f->family, f->len, fam);
    if (store_agg_add(t, (MDB_val){place_key(old, from), from}, &f->a, -1) != STORE_OK ||
        store_agg_add(t, (MDB_val){place_key(now, to), to}, &f->a, 1) != STORE_OK)
        return STORE_ERROR;
    if (!old != !now)
        return store_agg_add(t, (MDB_val){nf, fam}, &f->a, now ? 1 : -1);
    return STORE_OK;
}

int store_wl_unit_changed(stxn *t, const void *old_rec, const void *new_rec)
{
    const struct unit *old = old_rec, *now = new_rec;
    if (old && now && strncmp(old->district, now->district, DISTRICT_SIZE) == 0)
        return STORE_OK;        /* the common case: a name or a parent */
    struct family_sum *f;
    long n = unit_entries(t, (now ? now : old)->code, &f);
    int r = n < 0 ? STORE_ERROR : STORE_OK;
    for (long i = 0; i < n && r == STORE_OK; i++)
        r = move_entry(t, &f[i], old, now);
    free(f);
    return r;
}

/* --- reading -------------------------------------------------------------------- */

int store_each_wl_group(stxn *t, enum store_wl_by by, store_wl_group_cb cb, void *ctx)
{
    MDB_cursor *c;
    unsigned char from[2] = {0, by == STORE_WL_DISTRICT ? GROUP_DISTRICT : GROUP_FAMILY};
    MDB_val k = {sizeof from, from}, v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_WORKLOAD_AGG], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_WORKLOAD_AGG));
    int r = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
         rc == 0 && r == 0 && k.mv_size >= 2 && memcmp(k.mv_data, from, 2) == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        struct agg a;
        char name[AGG_KEY_MAX];
        if (store_agg_decode(v, &a) != 0) {
            r = store_damaged(t, DB_WORKLOAD_AGG, k);
            break;
        }
        memcpy(name, (const char *)k.mv_data + 2, k.mv_size - 2);
        name[k.mv_size - 2] = '\0';
        struct wl_row row = {a.minutes, a.need, a.existing};
        r = cb(name, &row, (uint64_t)a.npos, ctx);
    }
    mdb_cursor_close(c);
    if (r == 0 && rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(DB_WORKLOAD_AGG));
    return r;
}

uint64_t store_wl_unplaced_positions(stxn *t)
{
    unsigned char key[AGG_KEY_MAX];
    MDB_val v;
    struct agg a;
    size_t n = group_key(GROUP_UNPLACED, "", 0, key);
    if (store_db_get(t, DB_WORKLOAD_AGG, (MDB_val){n, key}, &v) != STORE_OK ||
        store_agg_decode(v, &a) != 0)
        return 0;
    return (uint64_t)a.npos;
}
