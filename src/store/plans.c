/* Plans and moves: records keyed by plan id and (plan id, NIP), the id
 * counter in meta and the version check of store_put_plan. See plans.h. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"
#include "store/plans.h"

#define LAST_ID_KEY "plan_last_id"
#define MOVE_KEY_LEN (4 + NIP_LEN)

static MDB_val val(const void *p, size_t n)
{
    MDB_val v = {n, (void *)p};
    return v;
}

static int need_write(stxn *t)
{
    if (!t->write)
        return store_fail(t->s, _("a change was attempted in a read transaction"));
    return STORE_OK;
}

static int get(stxn *t, int db, MDB_val k, MDB_val *v)
{
    int rc = mdb_get(t->txn, t->s->dbi[db], &k, v);
    if (rc == MDB_NOTFOUND)
        return STORE_NOTFOUND;
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    return STORE_OK;
}

static int put(stxn *t, int db, MDB_val k, MDB_val v)
{
    return store_db_put(t, db, k, v, 0);    /* keeps the data digest */
}

static int nip_ok(stxn *t, const char *nip)
{
    if (strnlen(nip, NIP_LEN + 1) != NIP_LEN)
        return store_fail(t->s, _("NIP \"%s\" must have %d digits"), nip, NIP_LEN);
    return STORE_OK;
}

static void move_key(uint32_t plan, const char *nip, unsigned char out[MOVE_KEY_LEN])
{
    codec_be32(out, plan);
    memcpy(out + 4, nip, NIP_LEN);
}

/* --- descriptors (schema.h) ----------------------------------------------- *
 * The plan descriptor encodes a plan without its timeline: plans are
 * written through store_put_plan / store_put_plan_step only, which keep
 * the stored timeline (the descriptor serves decoding and the check). */

static size_t plan_encode(const void *r, unsigned char *buf, size_t cap)
{
    return codec_put_plan(r, buf, cap);
}

static int plan_decode(const void *buf, size_t len, const void *key, size_t klen,
                       void *out)
{
    (void)key, (void)klen;
    return codec_get_plan(buf, len, out);
}

static size_t plan_key(stxn *t, const void *r, unsigned char *out)
{
    const struct plan *p = r;
    if (p->id == 0) {
        store_fail(t->s, _("a plan needs an id before it is saved"));
        return 0;
    }
    codec_be32(out, p->id);
    return 4;
}

static void plan_describe(const void *r, char *out, size_t size)
{
    snprintf(out, size, _("plan %u"), (unsigned)((const struct plan *)r)->id);
}

const struct store_record_desc store_desc_plan = {
    .what = N_("plan"), .db = DB_PLANS, .size = sizeof(struct plan),
    .encode = plan_encode, .decode = plan_decode, .key = plan_key,
    .version_field = offsetof(struct plan, version), .version_size = 4,
    .describe = plan_describe,
};

static size_t move_encode(const void *r, unsigned char *buf, size_t cap)
{
    return codec_put_move(r, buf, cap);
}

static int move_decode(const void *buf, size_t len, const void *key, size_t klen,
                       void *out)
{
    (void)key, (void)klen;
    return codec_get_move(buf, len, out);
}

static size_t move_key_of(stxn *t, const void *r, unsigned char *out)
{
    const struct move *m = r;
    if (nip_ok(t, m->nip) != STORE_OK)
        return 0;
    move_key(m->plan_id, m->nip, out);
    return MOVE_KEY_LEN;
}

static void move_describe(const void *r, char *out, size_t size)
{
    const struct move *m = r;
    snprintf(out, size, _("the move of %s in plan %u"), m->nip, (unsigned)m->plan_id);
}

const struct store_record_desc store_desc_move = {
    .what = N_("move"), .db = DB_MOVES, .size = sizeof(struct move),
    .encode = move_encode, .decode = move_decode, .key = move_key_of,
    .describe = move_describe,
};

/* --- plans --------------------------------------------------------------- */

static int last_id(stxn *t, uint32_t *id)
{
    MDB_val v;
    int r = get(t, DB_META, val(LAST_ID_KEY, sizeof LAST_ID_KEY - 1), &v);
    *id = 0;
    if (r == STORE_NOTFOUND)
        return STORE_OK;
    if (r != STORE_OK)
        return r;
    if (v.mv_size != 4)
        return store_fail(t->s, _("the plan counter in meta is damaged"));
    *id = codec_from_be32(v.mv_data);
    return STORE_OK;
}

int store_plan_new_id(stxn *t, uint32_t *id)
{
    uint32_t last;
    unsigned char b[4];
    if (need_write(t) || last_id(t, &last) != STORE_OK)
        return STORE_ERROR;
    if (last == UINT32_MAX)
        return store_fail(t->s, _("no plan ids are left"));
    codec_be32(b, last + 1);
    if (put(t, DB_META, val(LAST_ID_KEY, sizeof LAST_ID_KEY - 1), val(b, 4)) != STORE_OK)
        return STORE_ERROR;
    *id = last + 1;
    return STORE_OK;
}

int store_get_plan(stxn *t, uint32_t id, struct plan *out)
{
    unsigned char key[4];
    MDB_val v;
    codec_be32(key, id);
    int r = get(t, DB_PLANS, val(key, 4), &v);
    if (r != STORE_OK)
        return r;
    if (codec_get_plan(v.mv_data, v.mv_size, out) != 0)
        return store_fail(t->s, _("plan %u is damaged or from a newer mutasi"), (unsigned)id);
    return STORE_OK;
}

/* The stored plan's record and its timeline (tl: PLAN_TIMELINE_MAX room). */
static int get_plan_full(stxn *t, uint32_t id, struct plan *out, struct wf_event *tl,
                         size_t *ntl)
{
    unsigned char key[4];
    MDB_val v;
    codec_be32(key, id);
    int r = get(t, DB_PLANS, val(key, 4), &v);
    if (r != STORE_OK)
        return r;
    if (codec_get_plan_timeline(v.mv_data, v.mv_size, out, tl, PLAN_TIMELINE_MAX, ntl) != 0)
        return store_fail(t->s, _("plan %u is damaged or from a newer mutasi"), (unsigned)id);
    return STORE_OK;
}

int store_get_plan_timeline(stxn *t, uint32_t id, struct plan *p, struct wf_event **tl,
                            size_t *n)
{
    *tl = malloc(PLAN_TIMELINE_MAX * sizeof **tl);
    *n = 0;
    if (!*tl)
        return store_fail(t->s, "%s", _("out of memory"));
    int r = get_plan_full(t, id, p, *tl, n);
    if (r != STORE_OK) {
        free(*tl);
        *tl = NULL;
        *n = 0;
    }
    return r;
}

/* The version check, then p (with the stored timeline, plus ev when not
 * NULL) as the next version. */
static int put_plan(stxn *t, struct plan *p, uint32_t expect_version,
                    const struct wf_event *ev, struct plan *now)
{
    struct plan stored;
    size_t ntl = 0;
    unsigned char key[4];
    memset(&stored, 0, sizeof stored);     /* *now zeroed when the plan is gone */
    if (need_write(t))
        return STORE_ERROR;
    if (p->id == 0)
        return store_fail(t->s, _("a plan needs an id before it is saved"));
    struct wf_event *tl = malloc((PLAN_TIMELINE_MAX + 1) * sizeof *tl);
    unsigned char *buf = malloc(CODEC_PLAN_MAX);
    int r = tl && buf ? get_plan_full(t, p->id, &stored, tl, &ntl)
                      : store_fail(t->s, "%s", _("out of memory"));
    if (r == STORE_ERROR)
        goto out;
    uint32_t have = r == STORE_OK ? stored.version : 0;
    if (have != expect_version || (r == STORE_OK && expect_version == 0)) {
        if (now)
            *now = stored;
        r = STORE_CONFLICT;
        goto out;
    }
    if (ev && ntl >= PLAN_TIMELINE_MAX) {
        r = store_fail(t->s, _("plan %u has taken %d steps, as many as its record holds"),
                       (unsigned)p->id, PLAN_TIMELINE_MAX);
        goto out;
    }
    if (ev)
        tl[ntl++] = *ev;
    p->version = expect_version + 1;
    size_t n = codec_put_plan_timeline(p, tl, ntl, buf, CODEC_PLAN_MAX);
    if (n == 0) {
        r = store_fail(t->s, _("plan %u cannot be encoded"), (unsigned)p->id);
        goto out;
    }
    codec_be32(key, p->id);
    r = put(t, DB_PLANS, val(key, 4), val(buf, n));
out:
    free(tl);
    free(buf);
    return r;
}

int store_put_plan(stxn *t, struct plan *p, uint32_t expect_version, struct plan *now)
{
    return put_plan(t, p, expect_version, NULL, now);
}

int store_put_plan_step(stxn *t, struct plan *p, uint32_t expect_version,
                        const struct wf_event *ev, struct plan *now)
{
    return put_plan(t, p, expect_version, ev, now);
}

struct walk {
    void *cb;
    void *ctx;
    uint32_t plan;               /* moves of this plan */
    size_t count;
};

static int visit_plan(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct walk *w = ctx;
    struct plan p;
    if (codec_get_plan(v->mv_data, v->mv_size, &p) != 0)
        return store_fail(t->s, _("plan %u is damaged or from a newer mutasi"),
                          k->mv_size == 4 ? (unsigned)codec_from_be32(k->mv_data) : 0u);
    return ((store_plan_cb)w->cb)(&p, w->ctx);
}

int store_each_plan(stxn *t, store_plan_cb cb, void *ctx)
{
    struct walk w = {(void *)cb, ctx, 0, 0};
    return store_walk(t, DB_PLANS, NULL, false, visit_plan, &w);
}

size_t store_count_plans(stxn *t)
{
    MDB_stat st;
    return mdb_stat(t->txn, t->s->dbi[DB_PLANS], &st) == 0 ? st.ms_entries : 0;
}

/* --- moves --------------------------------------------------------------- */

int store_put_move(stxn *t, const struct move *m)
{
    return store_rec_put(t, &store_desc_move, m);
}

int store_get_move(stxn *t, uint32_t plan, const char *nip, struct move *out)
{
    unsigned char key[MOVE_KEY_LEN];
    MDB_val v;
    if (strnlen(nip, NIP_LEN + 1) != NIP_LEN)
        return STORE_NOTFOUND;
    move_key(plan, nip, key);
    int r = get(t, DB_MOVES, val(key, sizeof key), &v);
    if (r != STORE_OK)
        return r;
    if (codec_get_move(v.mv_data, v.mv_size, out) != 0)
        return store_fail(t->s, _("the move of %s in plan %u is damaged"), nip, (unsigned)plan);
    return STORE_OK;
}

int store_del_move(stxn *t, uint32_t plan, const char *nip)
{
    unsigned char key[MOVE_KEY_LEN];
    if (strnlen(nip, NIP_LEN + 1) != NIP_LEN)
        return store_need_write(t) ? STORE_ERROR : STORE_NOTFOUND;
    move_key(plan, nip, key);
    return store_rec_del(t, &store_desc_move, key, sizeof key);
}

static bool in_plan(const MDB_val *k, uint32_t plan)
{
    return k->mv_size == MOVE_KEY_LEN && codec_from_be32(k->mv_data) == plan;
}

static int visit_move(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct walk *w = ctx;
    struct move m;
    if (!in_plan(k, w->plan))
        return -2;              /* past the plan's range: stop */
    if (codec_get_move(v->mv_data, v->mv_size, &m) != 0)
        return store_fail(t->s, _("a move of plan %u is damaged"), (unsigned)w->plan);
    w->count++;
    return w->cb ? ((store_move_cb)w->cb)(&m, w->ctx) : 0;
}

/* Walks a plan's range; -2 from visit_move means the range ended. */
static int walk_moves(stxn *t, struct walk *w)
{
    unsigned char from[4];
    codec_be32(from, w->plan);
    MDB_val f = val(from, 4);
    int r = store_walk(t, DB_MOVES, &f, false, visit_move, w);
    return r == -2 ? 0 : r;
}

int store_each_move(stxn *t, uint32_t plan, store_move_cb cb, void *ctx)
{
    struct walk w = {(void *)cb, ctx, plan, 0};
    return walk_moves(t, &w);
}

static int count_key(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct walk *w = ctx;
    (void)t, (void)v;
    if (!in_plan(k, w->plan))
        return -2;
    w->count++;
    return 0;
}

size_t store_count_moves(stxn *t, uint32_t plan)
{
    unsigned char from[4];
    struct walk w = {NULL, NULL, plan, 0};
    codec_be32(from, plan);
    MDB_val f = val(from, 4);
    store_walk(t, DB_MOVES, &f, false, count_key, &w);
    return w.count;
}

int store_count_in_position(stxn *t, const char *code, size_t *n)
{
    MDB_cursor *c;
    *n = 0;
    size_t len = strlen(code);
    if (len == 0 || len > 511)
        return STORE_OK;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_BY_POSITION], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, "staff_by_position");
    MDB_val k = val(code, len), v;
    rc = mdb_cursor_get(c, &k, &v, MDB_SET_KEY);
    if (rc == 0)
        rc = mdb_cursor_count(c, n);
    mdb_cursor_close(c);
    if (rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, "staff_by_position");
    return STORE_OK;
}

/* --- consistency ---------------------------------------------------------- */

struct check {
    struct store_findings f;
    uint32_t last_id;
};

static int check_plan(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct check *ck = ctx;
    struct plan p;
    (void)t;
    uint32_t id = k->mv_size == 4 ? codec_from_be32(k->mv_data) : 0;
    if (codec_get_plan(v->mv_data, v->mv_size, &p) != 0)
        store_finding(&ck->f, _("plan %u cannot be decoded"), (unsigned)id);
    else if (k->mv_size != 4 || p.id != id)
        store_finding(&ck->f, _("plan record under key %u holds id %u"), (unsigned)id, (unsigned)p.id);
    else if (id > ck->last_id)
        store_finding(&ck->f, _("plan %u lies beyond the last id given (%u)"), (unsigned)id,
                (unsigned)ck->last_id);
    return 0;
}

static int check_move(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct check *ck = ctx;
    struct move m;
    struct plan p;
    if (k->mv_size != MOVE_KEY_LEN) {
        store_finding(&ck->f, "%s", _("a move has a malformed key"));
        return 0;
    }
    uint32_t id = codec_from_be32(k->mv_data);
    const char *nip = (const char *)k->mv_data + 4;
    if (codec_get_move(v->mv_data, v->mv_size, &m) != 0) {
        store_finding(&ck->f, _("the move of %.*s in plan %u cannot be decoded"), NIP_LEN, nip,
                (unsigned)id);
        return 0;
    }
    if (m.plan_id != id || memcmp(m.nip, nip, NIP_LEN) != 0)
        store_finding(&ck->f, _("the move under plan %u, NIP %.*s holds plan %u, NIP %s"), (unsigned)id,
                NIP_LEN, nip, (unsigned)m.plan_id, m.nip);
    int r = store_get_plan(t, id, &p);
    if (r == STORE_NOTFOUND)
        store_finding(&ck->f, _("the move of %s belongs to plan %u, which does not exist"), m.nip,
                (unsigned)id);
    else if (r != STORE_OK)
        store_finding(&ck->f, "%s", store_errmsg(t->s));
    return 0;
}

int store_check_plans(stxn *t, char *why, size_t whylen)
{
    struct check ck = {{0, why, whylen}, 0};
    if (why && whylen)
        why[0] = '\0';
    if (last_id(t, &ck.last_id) != STORE_OK)
        store_finding(&ck.f, "%s", store_errmsg(t->s));
    if (store_walk(t, DB_PLANS, NULL, false, check_plan, &ck) != 0 ||
        store_walk(t, DB_MOVES, NULL, false, check_move, &ck) != 0)
        store_finding(&ck.f, "%s", store_errmsg(t->s));
    return ck.f.problems;
}
