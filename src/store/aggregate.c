/* Stored workload aggregates (store.h, "Workload aggregates"): per unit and
 * job family the OWN figures of its positions (workload minutes, need,
 * holders, how many positions), kept in the write transaction of every
 * change to a position or to a person's position through the descriptors'
 * derive hook (schema.h), the batch and the bulk load.
 *
 * Own figures, not rolled up: a unit moved under another parent then
 * changes nothing here, and the roll-up over the tree is one pass over the
 * units that a reader makes anyway (132,000 at L). The key is the unit
 * code, a NUL, the job family, so one walk in unit code order meets the
 * units' walk in the same order. The key of one NUL byte counts the staff
 * whose position is no known position (workload's staff_without_position).
 *
 * need is per position with the rounding of the parameters in meta
 * (effective minutes, rounding); store_wl_params_set recounts everything
 * when a policy with others arrives.
 *
 * Every change to a unit entry goes through agg_apply, which carries it
 * into the sums per district and job family (aggregate_groups.c) in the
 * same transaction; the check recounts those too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/policy.h"
#include "core/workload.h"
#include "store/codec.h"
#include "store/internal.h"

#define PARAMS_KEY "wl_params"
#define AGG_VAL_LEN 32
/* No unit code is empty, so no unit's key starts with a NUL. */
static const unsigned char orphan_key[2] = {0, 0xff};

static void le64(unsigned char *p, int64_t v)
{
    uint64_t u = (uint64_t)v;
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(u >> 8 * i);
}

static int64_t get_le64(const unsigned char *p)
{
    uint64_t u = 0;
    for (int i = 8; i-- > 0;)
        u = u << 8 | p[i];
    return (int64_t)u;
}

static void agg_encode(const struct agg *a, unsigned char out[AGG_VAL_LEN])
{
    le64(out, a->minutes), le64(out + 8, a->need), le64(out + 16, a->existing);
    le64(out + 24, a->npos);
}

int store_agg_decode(MDB_val v, struct agg *a)
{
    if (v.mv_size != AGG_VAL_LEN)
        return -1;
    const unsigned char *p = v.mv_data;
    *a = (struct agg){get_le64(p), get_le64(p + 8), get_le64(p + 16), get_le64(p + 24)};
    return 0;
}

static bool agg_zero(const struct agg *a)
{
    return !a->minutes && !a->need && !a->existing && !a->npos;
}

void store_agg_sum(struct agg *a, const struct agg *b, int sign)
{
    a->minutes += sign * b->minutes, a->need += sign * b->need;
    a->existing += sign * b->existing, a->npos += sign * b->npos;
}

/* The key of a unit and family: unit, NUL, family. */
static size_t agg_key(const char *unit, const char *family, unsigned char out[AGG_KEY_MAX])
{
    size_t u = strnlen(unit, CODE_SIZE - 1), f = strnlen(family, FAMILY_SIZE - 1);
    memcpy(out, unit, u);
    out[u] = '\0';
    memcpy(out + u + 1, family, f);
    return u + 1 + f;
}

int store_agg_add(stxn *t, MDB_val k, const struct agg *d, int sign)
{
    MDB_val v;
    struct agg a = {0};
    if (agg_zero(d))
        return STORE_OK;
    int r = store_db_get(t, DB_WORKLOAD_AGG, k, &v);
    if (r == STORE_ERROR)
        return r;
    if (r == STORE_OK && store_agg_decode(v, &a) != 0)
        return store_damaged(t, DB_WORKLOAD_AGG, k);
    store_agg_sum(&a, d, sign);
    if (agg_zero(&a)) {
        r = store_db_del(t, DB_WORKLOAD_AGG, k, NULL);
        return r == STORE_NOTFOUND ? STORE_OK : r;
    }
    unsigned char buf[AGG_VAL_LEN];
    agg_encode(&a, buf);
    return store_db_put(t, DB_WORKLOAD_AGG, k, (MDB_val){sizeof buf, buf}, 0);
}

/* Adds sign * d to a unit and family's entry and to the sums of its
 * district and family (aggregate_groups.c); the entry of one NUL-led key
 * alone. */
static int agg_apply_in(stxn *t, MDB_val k, const struct agg *d, int sign,
                        struct wl_place *last)
{
    if (store_agg_add(t, k, d, sign) != STORE_OK)
        return STORE_ERROR;
    const unsigned char *key = k.mv_data;
    if (!k.mv_size || !key[0])
        return STORE_OK;
    /* the unit tree: a bulk write (with a place) has it built again once */
    if (last)
        store_unit_tree_touch(t);
    else if (store_unit_tree_add(t, (const char *)key, d, sign) != STORE_OK)
        return STORE_ERROR;
    return store_wl_groups_follow(t, k, d, sign, last);
}

static int agg_apply(stxn *t, MDB_val k, const struct agg *d, int sign)
{
    return agg_apply_in(t, k, d, sign, NULL);
}

static int orphans_add(stxn *t, int64_t n)
{
    struct agg d = {.existing = n};
    return agg_apply(t, (MDB_val){sizeof orphan_key, (void *)orphan_key}, &d, 1);
}

/* --- parameters -------------------------------------------------------------- */

static struct policy params_of(int64_t eff, int rounding)
{
    struct policy p;
    policy_defaults(&p);
    p.effective_minutes = eff;
    p.rounding = rounding;
    return p;
}

int store_wl_params_get(stxn *t, int64_t *eff, int *rounding)
{
    struct policy d;
    MDB_val v;
    policy_defaults(&d);
    *eff = d.effective_minutes;
    *rounding = d.rounding;
    int r = store_db_get(t, DB_META, (MDB_val){sizeof PARAMS_KEY - 1, PARAMS_KEY}, &v);
    if (r != STORE_OK)
        return r == STORE_NOTFOUND ? STORE_OK : r;
    if (v.mv_size != 9)
        return store_damaged(t, DB_META, (MDB_val){sizeof PARAMS_KEY - 1, PARAMS_KEY});
    *eff = get_le64(v.mv_data);
    *rounding = ((const unsigned char *)v.mv_data)[8];
    return STORE_OK;
}

/* The rounding policy the aggregates are kept with. */
static int stored_params(stxn *t, struct policy *out)
{
    int64_t eff;
    int rounding;
    if (store_wl_params_get(t, &eff, &rounding) != STORE_OK)
        return STORE_ERROR;
    *out = params_of(eff, rounding);
    return STORE_OK;
}

/* --- one position's share ------------------------------------------------------ */

static int64_t holders(stxn *t, const char *code)
{
    MDB_cursor *c;
    MDB_val k = {strnlen(code, CODE_SIZE - 1), (void *)code}, v;
    size_t n = 0;
    if (k.mv_size == 0 || mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_BY_POSITION], &c) != 0)
        return 0;
    if (mdb_cursor_get(c, &k, &v, MDB_SET) == 0)
        mdb_cursor_count(c, &n);
    mdb_cursor_close(c);
    return (int64_t)n;
}

static struct agg share(const struct position *p, int64_t nholders, const struct policy *pol)
{
    return (struct agg){p->workload_minutes, wl_need(p->workload_minutes, p->need, pol),
                        nholders, 1};
}

static int position_changed(stxn *t, const void *old_rec, const void *new_rec)
{
    const struct position *old = old_rec, *now = new_rec;
    const struct position *any = now ? now : old;
    struct policy pol;
    unsigned char k[AGG_KEY_MAX];
    if (stored_params(t, &pol) != STORE_OK)
        return STORE_ERROR;
    int64_t n = holders(t, any->code);
    if (old) {
        struct agg s = share(old, n, &pol);
        if (agg_apply(t, (MDB_val){agg_key(old->unit, old->job_family, k), k}, &s, -1))
            return STORE_ERROR;
    }
    if (now) {
        struct agg s = share(now, n, &pol);
        if (agg_apply(t, (MDB_val){agg_key(now->unit, now->job_family, k), k}, &s, 1))
            return STORE_ERROR;
    }
    /* holders of a code that was (or becomes) no position */
    if (!old != !now && n && orphans_add(t, old ? n : -n) != STORE_OK)
        return STORE_ERROR;
    return STORE_OK;
}

/* n more (or fewer) holders of position code. */
static int holders_changed(stxn *t, const char *code, int64_t n)
{
    struct position p;
    unsigned char k[AGG_KEY_MAX];
    if (!code[0] || n == 0)
        return STORE_OK;
    int r = store_rec_get(t, &store_desc_position, code, strnlen(code, CODE_SIZE - 1), &p);
    if (r == STORE_NOTFOUND)
        return orphans_add(t, n);
    if (r != STORE_OK)
        return r;
    struct agg d = {.existing = n};
    return agg_apply(t, (MDB_val){agg_key(p.unit, p.job_family, k), k}, &d, 1);
}

static int staff_changed(stxn *t, const void *old_rec, const void *new_rec)
{
    const struct staff *old = old_rec, *now = new_rec;
    const char *was = old ? old->position : "", *is = now ? now->position : "";
    if (strncmp(was, is, CODE_SIZE) == 0)
        return STORE_OK;        /* the common case: nothing counted moves */
    if (holders_changed(t, was, -1) != STORE_OK || holders_changed(t, is, 1) != STORE_OK)
        return STORE_ERROR;
    return STORE_OK;
}

int store_wl_position_changed(stxn *t, const void *old, const void *rec)
{
    return position_changed(t, old, rec);
}

int store_wl_staff_changed(stxn *t, const void *old, const void *rec)
{
    return staff_changed(t, old, rec);
}

int store_wl_acc_add(stxn *t, struct store_wl_acc *acc, const char *code, int64_t n)
{
    struct position p;
    if (!code[0] || n == 0)
        return STORE_OK;
    int r = store_rec_get(t, &store_desc_position, code, strnlen(code, CODE_SIZE - 1), &p);
    if (r == STORE_NOTFOUND) {
        acc->orphans += n;
        return STORE_OK;
    }
    if (r != STORE_OK)
        return r;
    return store_wl_acc_add_to(t, acc, p.unit, p.job_family, n);
}

int store_wl_acc_add_to(stxn *t, struct store_wl_acc *acc, const char *unit,
                        const char *family, int64_t n)
{
    unsigned char k[AGG_KEY_MAX];
    size_t len = agg_key(unit, family, k);
    if (len != acc->klen || memcmp(k, acc->key, len) != 0) {
        if (store_wl_acc_flush(t, acc) != STORE_OK)
            return STORE_ERROR;
        memcpy(acc->key, k, len);
        acc->klen = len;
    }
    acc->existing += n;
    return STORE_OK;
}

int store_wl_acc_flush(stxn *t, struct store_wl_acc *acc)
{
    struct agg d = {.existing = acc->existing};
    MDB_val k = {acc->klen, acc->key};
    int r = STORE_OK;
    if (acc->klen && acc->defer) {      /* agg_apply_in, the groups gathered */
        r = store_agg_add(t, k, &d, 1);
        if (acc->key[0])
            store_unit_tree_touch(t);   /* built again once, as agg_apply_in has it */
        if (r == STORE_OK && acc->key[0] && d.existing)
            r = store_wl_acc_gather(t, acc, k, d.existing);
    } else if (acc->klen) {
        r = agg_apply_in(t, k, &d, 1, &acc->place);
    }
    if (r == STORE_OK && acc->orphans)
        r = orphans_add(t, acc->orphans);
    acc->existing = acc->orphans = 0;
    return r;
}

/* --- positions loaded in bulk ------------------------------------------------------ */

int store_wl_load_begin(stxn *t, struct store_wl_load *w)
{
    MDB_stat st;
    *w = (struct store_wl_load){.klen = 0};
    if (stored_params(t, &w->pol) != STORE_OK)
        return STORE_ERROR;
    int rc = mdb_stat(t->txn, t->s->dbi[DB_STAFF_BY_POSITION], &st);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_BY_POSITION));
    w->staffed = st.ms_entries != 0;
    return STORE_OK;
}

int store_wl_load_add(stxn *t, struct store_wl_load *w, const struct position *p)
{
    unsigned char k[AGG_KEY_MAX];
    /* a new position: its holders were counted as holding no position */
    int64_t n = w->staffed ? holders(t, p->code) : 0;
    size_t len = agg_key(p->unit, p->job_family, k);
    if (len != w->klen || memcmp(k, w->key, len) != 0) {
        if (store_wl_load_flush(t, w) != STORE_OK)
            return STORE_ERROR;
        memcpy(w->key, k, len);
        w->klen = len;
    }
    struct agg s = share(p, n, &w->pol);
    w->minutes += s.minutes, w->need += s.need, w->existing += s.existing, w->npos += s.npos;
    w->orphans -= n;
    return STORE_OK;
}

int store_wl_load_flush(stxn *t, struct store_wl_load *w)
{
    struct agg d = {w->minutes, w->need, w->existing, w->npos};
    int r = w->klen ? agg_apply_in(t, (MDB_val){w->klen, w->key}, &d, 1, &w->place) : STORE_OK;
    if (r == STORE_OK && w->orphans)
        r = orphans_add(t, w->orphans);
    w->minutes = w->need = w->existing = w->npos = w->orphans = 0;
    return r;
}

/* --- recounting ------------------------------------------------------------------ */

struct recount {
    struct policy pol;
    struct wl_place place;
    MDB_cursor *by_position;
    /* the pending entry: positions of one unit and family come together */
    unsigned char key[AGG_KEY_MAX];
    size_t klen;
    struct agg pending;
};

static int flush(stxn *t, struct recount *rc)
{
    int r = agg_apply_in(t, (MDB_val){rc->klen, rc->key}, &rc->pending, 1, &rc->place);
    rc->pending = (struct agg){0};
    return r;
}

static int count_position(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct recount *rc = ctx;
    struct position p;
    unsigned char key[AGG_KEY_MAX];
    if (codec_get_position(v->mv_data, v->mv_size, &p) != 0)
        return store_damaged(t, DB_POSITIONS, *k);
    size_t n = agg_key(p.unit, p.job_family, key);
    if (n != rc->klen || memcmp(key, rc->key, n) != 0) {
        if (rc->klen && flush(t, rc) != STORE_OK)
            return STORE_ERROR;
        memcpy(rc->key, key, n);
        rc->klen = n;
    }
    struct agg s = share(&p, holders(t, p.code), &rc->pol);
    store_agg_sum(&rc->pending, &s, 1);
    return 0;
}

/* Staff filed under a code that is no position. */
static int64_t orphans_recount(stxn *t)
{
    MDB_cursor *c;
    MDB_val k, v, pv;
    int64_t n = 0;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_BY_POSITION], &c);
    if (rc != 0)
        return -1;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT_NODUP)) {
        size_t cnt = 0;
        if (store_db_get(t, DB_POSITIONS, k, &pv) == STORE_NOTFOUND &&
            mdb_cursor_count(c, &cnt) == 0)
            n += (int64_t)cnt;
    }
    mdb_cursor_close(c);
    return n;
}

int store_wl_recount(stxn *t)
{
    struct recount rc = {.klen = 0};
    store_unit_tree_touch(t);
    if (store_need_write(t) || stored_params(t, &rc.pol) != STORE_OK)
        return STORE_ERROR;
    int e = mdb_drop(t->txn, t->s->dbi[DB_WORKLOAD_AGG], 0);
    if (e != 0)
        return store_fail_mdb(t, e, store_db_name(DB_WORKLOAD_AGG));
    if (store_walk(t, DB_POSITIONS, NULL, false, count_position, &rc) != 0 ||
        (rc.klen && flush(t, &rc) != STORE_OK))
        return STORE_ERROR;
    int64_t n = orphans_recount(t);
    return n < 0 ? store_fail(t->s, _("cannot count the staff by position")) : orphans_add(t, n);
}

int store_wl_params_set(stxn *t, int64_t eff, int rounding)
{
    int64_t had_eff;
    int had_rounding;
    if (store_wl_params_get(t, &had_eff, &had_rounding) != STORE_OK)
        return STORE_ERROR;
    if (had_eff == eff && had_rounding == rounding)
        return STORE_OK;
    if (store_need_write(t))
        return STORE_ERROR;
    unsigned char buf[9];
    le64(buf, eff);
    buf[8] = (unsigned char)rounding;
    if (store_db_put(t, DB_META, (MDB_val){sizeof PARAMS_KEY - 1, PARAMS_KEY},
                     (MDB_val){sizeof buf, buf}, 0) != STORE_OK)
        return STORE_ERROR;
    return store_wl_recount(t);
}

/* --- reading ------------------------------------------------------------------------ */

/* Every (unit, family) entry in key order, or (only != NULL) those of one
 * unit: the range whose keys start with its code and a NUL. */
static int each_aggregate(stxn *t, const char *only, store_wl_cb cb, void *ctx)
{
    unsigned char from[CODE_SIZE + 1];
    size_t want = only ? strlen(only) + 1 : 0;  /* with its NUL: the unit's first key */
    if (only && (want == 1 || want > CODE_SIZE))
        return 0;                    /* no entry has such a key */
    if (only)
        memcpy(from, only, want);
    MDB_cursor *c;
    MDB_val k = {want, from}, v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_WORKLOAD_AGG], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_WORKLOAD_AGG));
    int r = 0;
    for (rc = mdb_cursor_get(c, &k, &v, only ? MDB_SET_RANGE : MDB_FIRST);
         rc == 0 && r == 0 && (!only || (k.mv_size >= want && memcmp(k.mv_data, from, want) == 0));
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        struct agg a;
        char unit[CODE_SIZE], family[FAMILY_SIZE];
        const char *key = k.mv_data, *nul = memchr(key, '\0', k.mv_size);
        if (!nul || store_agg_decode(v, &a) != 0) {
            r = store_damaged(t, DB_WORKLOAD_AGG, k);
            break;
        }
        size_t u = (size_t)(nul - key), f = k.mv_size - u - 1;
        if (u == 0)
            continue;           /* the count of staff without a known position */
        if (u >= sizeof unit || f >= sizeof family) {
            r = store_damaged(t, DB_WORKLOAD_AGG, k);
            break;
        }
        memcpy(unit, key, u), unit[u] = '\0';
        memcpy(family, nul + 1, f), family[f] = '\0';
        struct wl_row row = {a.minutes, a.need, a.existing};
        r = cb(unit, family, &row, (uint64_t)a.npos, ctx);
    }
    mdb_cursor_close(c);
    if (r == 0 && rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(DB_WORKLOAD_AGG));
    return r;
}

int store_each_wl_aggregate(stxn *t, store_wl_cb cb, void *ctx)
{
    return each_aggregate(t, NULL, cb, ctx);
}

int store_each_wl_aggregate_of(stxn *t, const char *unit, store_wl_cb cb, void *ctx)
{
    return each_aggregate(t, unit, cb, ctx);
}

int64_t store_wl_orphan_staff(stxn *t)
{
    MDB_val v;
    struct agg a;
    if (store_db_get(t, DB_WORKLOAD_AGG, (MDB_val){sizeof orphan_key, (void *)orphan_key}, &v) !=
            STORE_OK ||
        store_agg_decode(v, &a) != 0)
        return 0;
    return a.existing;
}

/* --- the consistency check ---------------------------------------------------------- */

struct expect {
    unsigned char key[AGG_KEY_MAX];
    uint8_t klen;
    struct agg a;
};

struct expected {
    struct policy pol;
    struct expect *e;
    size_t n, cap;
    bool oom;
};

/* A new entry at the end of the recount; NULL when out of memory. */
static struct expect *expect_push(struct expected *x, const unsigned char *key, size_t n)
{
    if (x->n == x->cap) {
        size_t cap = x->cap ? 2 * x->cap : 1024;
        struct expect *e = realloc(x->e, cap * sizeof *e);
        if (!e) {
            x->oom = true;
            return NULL;
        }
        x->e = e, x->cap = cap;
    }
    struct expect *last = &x->e[x->n++];
    memcpy(last->key, key, n);
    last->klen = (uint8_t)n;
    last->a = (struct agg){0};
    return last;
}

static int expect_position(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct expected *x = ctx;
    struct position p;
    unsigned char key[AGG_KEY_MAX];
    if (codec_get_position(v->mv_data, v->mv_size, &p) != 0)
        return store_damaged(t, DB_POSITIONS, *k);
    size_t n = agg_key(p.unit, p.job_family, key);
    struct expect *last = x->n ? &x->e[x->n - 1] : NULL;
    if (!last || last->klen != n || memcmp(last->key, key, n) != 0)
        last = expect_push(x, key, n);
    if (!last)
        return 1;
    struct agg s = share(&p, holders(t, p.code), &x->pol);
    store_agg_sum(&last->a, &s, 1);
    return 0;
}

static int expect_cmp(const void *x, const void *y)
{
    const struct expect *a = x, *b = y;
    int c = memcmp(a->key, b->key, a->klen < b->klen ? a->klen : b->klen);
    return c ? c : (a->klen > b->klen) - (a->klen < b->klen);
}

/* Sorts the recount and sums entries of the same key. */
static void expect_merge(struct expected *x)
{
    if (x->n)
        qsort(x->e, x->n, sizeof *x->e, expect_cmp);
    size_t m = 0;
    for (size_t i = 0; i < x->n; i++) {
        if (m && expect_cmp(&x->e[m - 1], &x->e[i]) == 0)
            store_agg_sum(&x->e[m - 1].a, &x->e[i].a, 1);
        else
            x->e[m++] = x->e[i];
    }
    x->n = m;
}

static bool agg_equal(const struct agg *a, const struct agg *b)
{
    return a->minutes == b->minutes && a->need == b->need && a->existing == b->existing &&
           a->npos == b->npos;
}

/* The district and family sums from the recount of the unit entries
 * (aggregate_groups.c), merged in. */
static int expect_groups(stxn *t, struct expected *x)
{
    size_t units = x->n;
    for (size_t i = 0; i < units; i++) {
        struct wl_group_key g[2];
        int n = store_wl_group_keys(t, (MDB_val){x->e[i].klen, x->e[i].key}, g);
        if (n < 0)
            return -1;
        for (int j = 0; j < n; j++) {
            struct expect *e = expect_push(x, g[j].key, g[j].len);
            if (!e)
                return -1;
            e->a = x->e[i].a;
        }
    }
    expect_merge(x);
    return 0;
}

/* The first difference in words. */
static void describe(const struct expect *at, char *why, size_t whylen)
{
    char text[AGG_KEY_MAX + 1];
    const char *key = (const char *)at->key;
    memcpy(text, key, at->klen);
    text[at->klen] = '\0';
    if (at->klen < 2 || key[0] != '\0')
        snprintf(why, whylen, _("the workload aggregate of unit %s (%s) differs from a recount"),
                 text, text + strlen(text) + 1 <= text + at->klen ? text + strlen(text) + 1 : "");
    else if (key[1] == 'D')
        snprintf(why, whylen, _("the workload sum of district \"%s\" differs from a recount"),
                 text + 2);
    else if (key[1] == 'F')
        snprintf(why, whylen, _("the workload sum of job family \"%s\" differs from a recount"),
                 text + 2);
    else
        snprintf(why, whylen, "%s",
                 _("the workload sum of positions in no known unit differs from a recount"));
}

/* Compares the stored entries with the recount, both in key order. */
static int compare_stored(stxn *t, const struct expected *x, char *why, size_t whylen)
{
    MDB_cursor *c;
    MDB_val k, v;
    int problems = 0;
    size_t i = 0;
    if (mdb_cursor_open(t->txn, t->s->dbi[DB_WORKLOAD_AGG], &c) != 0)
        return 1;
    int rc = mdb_cursor_get(c, &k, &v, MDB_FIRST);
    while (rc == 0 || i < x->n) {
        struct expect got = {.klen = 0};
        bool have = rc == 0 && k.mv_size <= AGG_KEY_MAX;
        if (rc == 0 && k.mv_size > AGG_KEY_MAX)
            problems++;
        if (have) {
            memcpy(got.key, k.mv_data, k.mv_size);
            got.klen = (uint8_t)k.mv_size;
            if (k.mv_size == sizeof orphan_key &&
                memcmp(got.key, orphan_key, sizeof orphan_key) == 0) {   /* checked apart */
                rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
                continue;
            }
            if (store_agg_decode(v, &got.a) != 0)
                problems++;
        }
        int cmp = !have ? 1 : i >= x->n ? -1 : expect_cmp(&got, &x->e[i]);
        const struct expect *at = cmp <= 0 ? &got : &x->e[i];
        if (cmp != 0 || !agg_equal(&got.a, &x->e[i].a)) {
            if (problems++ == 0 && why)
                describe(at, why, whylen);
        }
        if (cmp <= 0 && have)
            rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
        if (cmp >= 0)
            i++;
        if (!have && rc != 0 && rc != MDB_NOTFOUND)
            break;
    }
    mdb_cursor_close(c);
    return problems;
}

int store_wl_check(stxn *t, char *why, size_t whylen)
{
    struct expected x = {.n = 0};
    if (stored_params(t, &x.pol) != STORE_OK) {
        snprintf(why, whylen, "%s", store_errmsg(t->s));
        return 1;
    }
    int r = store_walk(t, DB_POSITIONS, NULL, false, expect_position, &x);
    if (r != 0 || x.oom) {
        snprintf(why, whylen, "%s", x.oom ? _("out of memory") : store_errmsg(t->s));
        free(x.e);
        return 1;
    }
    expect_merge(&x);
    if (expect_groups(t, &x) != 0) {
        snprintf(why, whylen, "%s", x.oom ? _("out of memory") : store_errmsg(t->s));
        free(x.e);
        return 1;
    }
    int problems = compare_stored(t, &x, why, whylen);
    free(x.e);
    if (orphans_recount(t) != store_wl_orphan_staff(t) && problems++ == 0)
        snprintf(why, whylen, "%s",
                 _("the stored count of staff without a known position differs from a recount"));
    return problems;
}
