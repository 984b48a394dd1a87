/* Units, positions, staff and history: the typed functions of store.h over
 * the record descriptors (schema.h), history lines, counts and iteration.
 * Index entries are kept by rec.c from the descriptors. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "core/name_title.h"
#include "core/preference.h"
#include "store/codec.h"
#include "store/internal.h"
#include "store/keys.h"

static MDB_val val(const void *p, size_t n)
{
    MDB_val v = {n, (void *)p};
    return v;
}

static MDB_val str_val(const char *s)
{
    return val(s, strlen(s));
}

/* --- records by descriptor ---------------------------------------------------- */

int store_put_unit(stxn *t, const struct unit *u)
{
    return store_rec_put(t, &store_desc_unit, u);
}

int store_get_unit(stxn *t, const char *code, struct unit *out)
{
    return store_rec_get(t, &store_desc_unit, code, strlen(code), out);
}

int store_del_unit(stxn *t, const char *code)
{
    return store_rec_del(t, &store_desc_unit, code, strlen(code));
}

int store_put_position(stxn *t, const struct position *p)
{
    return store_rec_put(t, &store_desc_position, p);
}

int store_get_position(stxn *t, const char *code, struct position *out)
{
    return store_rec_get(t, &store_desc_position, code, strlen(code), out);
}

int store_del_position(stxn *t, const char *code)
{
    return store_rec_del(t, &store_desc_position, code, strlen(code));
}

int store_put_staff(stxn *t, const struct staff *s)
{
    return store_rec_put(t, &store_desc_staff, s);
}

int store_put_staff_batch(stxn *t, const struct staff *a, size_t n)
{
    return store_rec_put_batch(t, &store_desc_staff, a, n);
}

int store_get_staff(stxn *t, const char *nip, struct staff *out)
{
    return store_rec_get(t, &store_desc_staff, nip, strlen(nip), out);
}

int store_del_staff(stxn *t, const char *nip)
{
    return store_rec_del(t, &store_desc_staff, nip, strnlen(nip, NIP_LEN + 1));
}

/* --- history: key = packed NIP, since (biased big-endian), sequence (keys.h) */

#define HIST_KEY_LEN STORE_HIST_KEY_LEN

int store_add_history(stxn *t, const struct history *h)
{
    unsigned char buf[CODEC_MAX], key[HIST_KEY_LEN];
    if (store_need_write(t))
        return STORE_ERROR;
    if (strnlen(h->nip, NIP_LEN + 1) != NIP_LEN || !store_history_key(h->nip, h->since, 0, key))
        return store_fail(t->s, _("NIP \"%s\" must have %d digits"), h->nip, NIP_LEN);
    size_t n = codec_put_history(h, buf, sizeof buf);
    if (n == 0)
        return store_fail(t->s, _("history of %s cannot be encoded"), h->nip);
    /* Several lines on one day keep their order by a sequence number. */
    for (unsigned seq = 0; seq <= 0xffff; seq++) {
        MDB_val v;
        store_history_key(h->nip, h->since, seq, key);
        int r = store_db_get(t, DB_HISTORY, val(key, sizeof key), &v);
        if (r == STORE_ERROR)
            return r;
        if (r == STORE_NOTFOUND)    /* a new key: the digest need not look for an old value */
            return store_db_put(t, DB_HISTORY, val(key, sizeof key), val(buf, n),
                                MDB_NOOVERWRITE);
    }
    return store_fail(t->s, _("too many history lines for %s on one day"), h->nip);
}

/* Collects the keys first and deletes each with mdb_del: no repeated
 * cursor deletes (LMDB 0.9.24 has bugs there). */
int store_del_history_of(stxn *t, const char *nip)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_HISTORY], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, "history");
    unsigned char (*keys)[HIST_KEY_LEN] = NULL, ref[STORE_NIP_REF_LEN];
    size_t nkeys = 0, cap = 0;
    MDB_val k = val(ref, sizeof ref), v;
    int r = STORE_OK;
    if (!store_nip_pack(nip, ref))
        rc = MDB_NOTFOUND;      /* no NIP: no lines */
    else
        rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
    for (; rc == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (k.mv_size != HIST_KEY_LEN || memcmp(k.mv_data, ref, sizeof ref) != 0)
            break;
        if (nkeys == cap) {
            cap = cap ? cap * 2 : 8;
            void *p = realloc(keys, cap * HIST_KEY_LEN);
            if (!p) {
                r = store_fail(t->s, _("out of memory"));
                break;
            }
            keys = p;
        }
        memcpy(keys[nkeys++], k.mv_data, HIST_KEY_LEN);
    }
    mdb_cursor_close(c);
    for (size_t i = 0; i < nkeys && r == STORE_OK; i++) {
        int d = store_db_del(t, DB_HISTORY, val(keys[i], HIST_KEY_LEN), NULL);
        r = d == STORE_NOTFOUND ? STORE_OK : d;
    }
    free(keys);
    return r;
}

/* --- counts ------------------------------------------------------------- */

static size_t count(stxn *t, int db)
{
    MDB_stat st;
    if (mdb_stat(t->txn, t->s->dbi[db], &st) != 0)
        return 0;
    return st.ms_entries;
}

size_t store_count_units(stxn *t) { return count(t, DB_UNITS); }
size_t store_count_positions(stxn *t) { return count(t, DB_POSITIONS); }
size_t store_count_staff(stxn *t) { return count(t, DB_STAFF); }

/* --- iteration ----------------------------------------------------------- */

int store_walk(stxn *t, int db, const MDB_val *from, bool backward, store_visit_fn visit,
               void *ctx)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    MDB_val k = {0, NULL}, v;
    MDB_cursor_op op = backward ? MDB_LAST : MDB_FIRST;
    if (from && from->mv_size > 0) {
        k = *from;
        op = MDB_SET_RANGE;
    }
    rc = mdb_cursor_get(c, &k, &v, op);
    if (backward && op == MDB_SET_RANGE) {
        /* The last key < from: step back from the first key >= from. */
        rc = rc == MDB_NOTFOUND ? mdb_cursor_get(c, &k, &v, MDB_LAST)
                                : mdb_cursor_get(c, &k, &v, MDB_PREV);
    }
    int r = 0;
    for (; rc == 0; rc = mdb_cursor_get(c, &k, &v, backward ? MDB_PREV : MDB_NEXT)) {
        r = visit(t, &k, &v, ctx);
        if (r != 0)
            break;
    }
    if (r == 0 && rc != 0 && rc != MDB_NOTFOUND)
        r = store_fail_mdb(t, rc, store_db_name(db));
    mdb_cursor_close(c);
    return r;
}

struct visit_ctx {
    void *cb;
    void *ctx;
    store_staff_cb damaged;     /* paging past damage (store_page_staff) */
    int index_db;               /* the index walked, for the stand-in */
};

/* A staff record that does not decode: passed on as a stand-in when the
 * walk pages past damage, else the walk ends with the error. index_key is
 * the key of the index walked (folded name, or unit code), or NULL. */
static int staff_damaged(stxn *t, const struct visit_ctx *vc, MDB_val k, const char *nip,
                         int db, const MDB_val *index_key)
{
    if (!vc->damaged)
        return store_damaged(t, DB_STAFF, k);
    struct staff stub;
    memset(&stub, 0, sizeof stub);
    snprintf(stub.nip, sizeof stub.nip, "%s", nip);
    if (index_key && db == DB_STAFF_BY_NAME) {   /* the folded whole name, from its sort key */
        const unsigned char *key = index_key->mv_data;
        const unsigned char *nul = memchr(key, '\0', index_key->mv_size);
        unsigned char name[NAME_SORT_KEY_MAX];
        size_t n = nul ? name_sort_key_name(key, (size_t)(nul - key), name, sizeof name) : 0;
        snprintf(stub.name, sizeof stub.name, "%.*s", (int)(n < NAME_SIZE ? n : NAME_SIZE - 1),
                 (const char *)name);
    } else if (index_key && db == DB_STAFF_BY_UNIT) {
        size_t n = index_key->mv_size < CODE_SIZE ? index_key->mv_size : CODE_SIZE - 1;
        snprintf(stub.unit, sizeof stub.unit, "%.*s", (int)n, (const char *)index_key->mv_data);
    }
    return vc->damaged(&stub, vc->ctx);
}

static int visit_unit(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct visit_ctx *vc = ctx;
    struct unit u;
    if (codec_get_unit(v->mv_data, v->mv_size, &u) != 0)
        return store_damaged(t, DB_UNITS, *k);
    return ((store_unit_cb)vc->cb)(&u, vc->ctx);
}

static int visit_position(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct visit_ctx *vc = ctx;
    struct position p;
    if (codec_get_position(v->mv_data, v->mv_size, &p) != 0)
        return store_damaged(t, DB_POSITIONS, *k);
    return ((store_position_cb)vc->cb)(&p, vc->ctx);
}

static int visit_staff(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct visit_ctx *vc = ctx;
    struct staff s;
    if (codec_get_staff(v->mv_data, v->mv_size, k->mv_data, k->mv_size, &s) != 0) {
        char nip[NIP_LEN + 1];
        size_t n = k->mv_size < NIP_LEN ? k->mv_size : NIP_LEN;
        memcpy(nip, k->mv_data, n);
        nip[n] = '\0';
        return staff_damaged(t, vc, *k, nip, DB_STAFF, NULL);
    }
    return ((store_staff_cb)vc->cb)(&s, vc->ctx);
}

/* The person an index entry names (ref: their packed NIP, keys.h): the
 * record looked up. */
static int visit_staff_nip(stxn *t, MDB_val ref, struct visit_ctx *vc, const MDB_val *k)
{
    char nip[NIP_LEN + 1];
    struct staff s;
    if (ref.mv_size != STORE_NIP_REF_LEN || !store_nip_unpack(ref.mv_data, nip))
        return store_fail(t->s, _("a staff index entry is damaged"));
    if (vc->damaged) {          /* one read: a record that does not decode goes on */
        MDB_val rk = {NIP_LEN, nip}, rv;
        if (store_db_get(t, DB_STAFF, rk, &rv) == STORE_OK) {
            if (codec_get_staff(rv.mv_data, rv.mv_size, rk.mv_data, rk.mv_size, &s) != 0)
                return staff_damaged(t, vc, rk, nip, vc->index_db, k);
            return ((store_staff_cb)vc->cb)(&s, vc->ctx);
        }
    }
    int r = store_get_staff(t, nip, &s);
    if (r == STORE_NOTFOUND)
        return store_fail(t->s, _("the staff index names %s, who is not in the database"), nip);
    if (r != STORE_OK)
        return r;
    return ((store_staff_cb)vc->cb)(&s, vc->ctx);
}

/* For the dup indexes: the value is a packed NIP. */
static int visit_staff_ref(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    return visit_staff_nip(t, *v, ctx, k);
}

/* For the name index: the key ends with the packed NIP. */
static int visit_staff_named(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    (void)v;
    if (k->mv_size < STORE_NIP_REF_LEN)
        return store_fail(t->s, _("a staff index entry is damaged"));
    return visit_staff_nip(t, (MDB_val){STORE_NIP_REF_LEN,
                                        (char *)k->mv_data + k->mv_size - STORE_NIP_REF_LEN},
                           ctx, k);
}

static int visit_history(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct visit_ctx *vc = ctx;
    struct history h;
    if (codec_get_history(v->mv_data, v->mv_size, k->mv_data, k->mv_size, &h) != 0)
        return store_damaged(t, DB_HISTORY, *k);
    return ((store_history_cb)vc->cb)(&h, vc->ctx);
}

int store_each_unit(stxn *t, store_unit_cb cb, void *ctx)
{
    struct visit_ctx vc = {(void *)cb, ctx};
    return store_walk(t, DB_UNITS, NULL, false, visit_unit, &vc);
}

int store_each_position(stxn *t, store_position_cb cb, void *ctx)
{
    struct visit_ctx vc = {(void *)cb, ctx};
    return store_walk(t, DB_POSITIONS, NULL, false, visit_position, &vc);
}

int store_each_staff(stxn *t, const char *from_nip, store_staff_cb cb, void *ctx)
{
    struct visit_ctx vc = {(void *)cb, ctx};
    MDB_val from = str_val(from_nip ? from_nip : "");
    return store_walk(t, DB_STAFF, &from, false, visit_staff, &vc);
}

struct where_ctx {
    store_staff_where_fn want;
    store_staff_cb cb;
    void *ctx;
};

static int visit_staff_where(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct where_ctx *wc = ctx;
    char position[CODE_SIZE];
    struct staff s;
    if (codec_staff_position(v->mv_data, v->mv_size, position) != 0)
        return store_damaged(t, DB_STAFF, *k);
    int want = wc->want(position, wc->ctx);
    if (want != 1)
        return want;
    if (codec_get_staff(v->mv_data, v->mv_size, k->mv_data, k->mv_size, &s) != 0)
        return store_damaged(t, DB_STAFF, *k);
    return wc->cb(&s, wc->ctx);
}

int store_each_staff_where(stxn *t, store_staff_where_fn want, store_staff_cb cb, void *ctx)
{
    struct where_ctx wc = {want, cb, ctx};
    MDB_val from = str_val("");
    return store_walk(t, DB_STAFF, &from, false, visit_staff_where, &wc);
}

/* The dups of one key of an index, in NIP order. */
static int each_dup(stxn *t, int db, const char *code, store_staff_cb cb, void *ctx)
{
    struct visit_ctx vc = {(void *)cb, ctx};
    if (!code || *code == '\0' || strlen(code) > 511)
        return 0;
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    MDB_val k = str_val(code), v;
    int r = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_KEY); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT_DUP)) {
        r = visit_staff_ref(t, &k, &v, &vc);
        if (r != 0)
            break;
    }
    if (r == 0 && rc != 0 && rc != MDB_NOTFOUND)
        r = store_fail_mdb(t, rc, store_db_name(db));
    mdb_cursor_close(c);
    return r;
}

int store_each_staff_in_unit(stxn *t, const char *unit, store_staff_cb cb, void *ctx)
{
    return each_dup(t, DB_STAFF_BY_UNIT, unit, cb, ctx);
}

int store_each_staff_in_position(stxn *t, const char *position, store_staff_cb cb, void *ctx)
{
    return each_dup(t, DB_STAFF_BY_POSITION, position, cb, ctx);
}

static int page_by_name(stxn *t, const char *name, const char *nip, bool backward,
                        struct visit_ctx *vc)
{
    unsigned char key[STORE_NAME_KEY_MAX + 1];
    MDB_val from = {0, NULL};
    if (name) {
        size_t n = store_name_key(name, nip ? nip : "", key);
        if (nip && !backward)
            key[n++] = 0xff;    /* strictly after (name, nip) */
        from = val(key, n);
    } else if (!backward) {
        from = val("", 0);
    }
    vc->index_db = DB_STAFF_BY_NAME;
    return store_walk(t, DB_STAFF_BY_NAME, &from, backward, visit_staff_named, vc);
}

int store_each_staff_by_name_from(stxn *t, const char *name, const char *nip, bool backward,
                                  store_staff_cb cb, void *ctx)
{
    struct visit_ctx vc = {(void *)cb, ctx};
    return page_by_name(t, name, nip, backward, &vc);
}

int store_each_staff_by_name(stxn *t, const char *from_name, store_staff_cb cb, void *ctx)
{
    return store_each_staff_by_name_from(t, from_name ? from_name : "", NULL, false, cb, ctx);
}

int store_each_staff_by_name_rev(stxn *t, const char *before_name, store_staff_cb cb, void *ctx)
{
    return store_each_staff_by_name_from(t, before_name, NULL, true, cb, ctx);
}

static int page_by_nip(stxn *t, const char *nip, bool backward, struct visit_ctx *vc)
{
    char key[NIP_LEN + 2];
    MDB_val from = {0, NULL};
    if (nip) {
        size_t n = strnlen(nip, NIP_LEN);
        memcpy(key, nip, n);
        if (!backward)
            key[n++] = (char)0xff;      /* strictly after nip */
        from = val(key, n);
    } else if (!backward) {
        from = val("", 0);
    }
    return store_walk(t, DB_STAFF, &from, backward, visit_staff, vc);
}

int store_each_staff_from(stxn *t, const char *nip, bool backward, store_staff_cb cb, void *ctx)
{
    struct visit_ctx vc = {(void *)cb, ctx};
    return page_by_nip(t, nip, backward, &vc);
}

/* Puts the cursor on the first (unit, nip) pair strictly after the given
 * one (forward) or strictly before it (backward). */
static int unit_cursor_start(MDB_cursor *c, const char *unit, const char *nip, bool backward,
                             MDB_val *k, MDB_val *v)
{
    unsigned char ref[STORE_NIP_REF_LEN];
    if (!unit)
        return mdb_cursor_get(c, k, v, backward ? MDB_LAST : MDB_FIRST);
    *k = str_val(unit);
    *v = nip && store_nip_pack(nip, ref) ? val(ref, sizeof ref) : val("", 0);
    int rc = v->mv_size ? mdb_cursor_get(c, k, v, MDB_GET_BOTH_RANGE) : MDB_NOTFOUND;
    if (rc == 0) {
        /* on the first holder >= nip of this unit */
        bool same = v->mv_size == sizeof ref && memcmp(v->mv_data, ref, sizeof ref) == 0;
        if (backward || same)
            return mdb_cursor_get(c, k, v, backward ? MDB_PREV : MDB_NEXT);
        return 0;
    }
    if (rc != MDB_NOTFOUND)
        return rc;
    /* every holder of this unit sorts before nip, or the unit has none */
    *k = str_val(unit);
    rc = mdb_cursor_get(c, k, v, MDB_SET_RANGE);
    if (rc == MDB_NOTFOUND)
        return backward ? mdb_cursor_get(c, k, v, MDB_LAST) : MDB_NOTFOUND;
    if (rc != 0)
        return rc;
    bool same_unit = k->mv_size == strlen(unit) && memcmp(k->mv_data, unit, k->mv_size) == 0;
    if (same_unit && v->mv_size && nip && nip[0])
        return backward ? mdb_cursor_get(c, k, v, MDB_LAST_DUP)
                        : mdb_cursor_get(c, k, v, MDB_NEXT_NODUP);
    /* a later unit (or this unit with no NIP given: all of it) */
    return backward ? mdb_cursor_get(c, k, v, MDB_PREV) : 0;
}

static int page_by_unit(stxn *t, const char *unit, const char *nip, bool backward,
                        struct visit_ctx *vc)
{
    vc->index_db = DB_STAFF_BY_UNIT;
    if (unit && (!*unit || strlen(unit) > 511))
        unit = NULL;
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_BY_UNIT], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_BY_UNIT));
    MDB_val k, v;
    int r = 0;
    for (rc = unit_cursor_start(c, unit, nip, backward, &k, &v); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, backward ? MDB_PREV : MDB_NEXT)) {
        r = visit_staff_ref(t, &k, &v, vc);
        if (r != 0)
            break;
    }
    if (r == 0 && rc != 0 && rc != MDB_NOTFOUND)
        r = store_fail_mdb(t, rc, store_db_name(DB_STAFF_BY_UNIT));
    mdb_cursor_close(c);
    return r;
}

int store_each_staff_by_unit_from(stxn *t, const char *unit, const char *nip, bool backward,
                                  store_staff_cb cb, void *ctx)
{
    struct visit_ctx vc = {(void *)cb, ctx};
    return page_by_unit(t, unit, nip, backward, &vc);
}

int store_page_staff(stxn *t, const struct store_page *pg)
{
    struct visit_ctx vc = {(void *)pg->cb, pg->ctx, pg->damaged, DB_STAFF};
    if (pg->order == STORE_PAGE_NIP)
        return page_by_nip(t, pg->nip, pg->backward, &vc);
    if (pg->order == STORE_PAGE_UNIT)
        return page_by_unit(t, pg->unit, pg->nip, pg->backward, &vc);
    return page_by_name(t, pg->name, pg->nip, pg->backward, &vc);
}

struct name_key_walk {
    store_name_key_cb cb;
    void *ctx;
};

static int visit_name_key(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct name_key_walk *w = ctx;
    const char *key = k->mv_data;
    const char *nul = memchr(key, '\0', k->mv_size);
    (void)v;
    uint64_t nip = nul ? codec_from_be64((const unsigned char *)nul + 1) : 0;
    if (!nul || k->mv_size - (size_t)(nul - key) - 1 != STORE_NIP_REF_LEN ||
        nip >= UINT64_C(1000000000000000000))
        return store_fail(t->s, _("a staff index entry is damaged"));
    unsigned char name[NAME_SORT_KEY_MAX];
    size_t n = name_sort_key_name((const unsigned char *)key, (size_t)(nul - key), name,
                                  sizeof name);
    return w->cb((const char *)name, n, nip, w->ctx);
}

int store_each_name_key(stxn *t, store_name_key_cb cb, void *ctx)
{
    struct name_key_walk w = {cb, ctx};
    return store_walk(t, DB_STAFF_BY_NAME, NULL, false, visit_name_key, &w);
}

uint64_t store_stamp(stxn *t)
{
    return (uint64_t)mdb_txn_id(t->txn);
}

struct history_walk {
    unsigned char ref[STORE_NIP_REF_LEN];   /* the packed NIP */
    struct visit_ctx vc;
    bool past;                  /* walked past this person's lines */
};

static int visit_history_of(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct history_walk *hw = ctx;
    if (k->mv_size != HIST_KEY_LEN || memcmp(k->mv_data, hw->ref, sizeof hw->ref) != 0) {
        hw->past = true;
        return 1;
    }
    return visit_history(t, k, v, &hw->vc);
}

int store_each_history(stxn *t, const char *nip, store_history_cb cb, void *ctx)
{
    struct history_walk hw = {{0}, {(void *)cb, ctx}, false};
    if (strnlen(nip, NIP_LEN + 1) != NIP_LEN || !store_nip_pack(nip, hw.ref))
        return 0;
    MDB_val from = val(hw.ref, sizeof hw.ref);
    int r = store_walk(t, DB_HISTORY, &from, false, visit_history_of, &hw);
    return hw.past ? 0 : r;
}

int store_each_position_count(stxn *t, store_count_cb cb, void *ctx)
{
    MDB_cursor *c;
    MDB_val k, v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_BY_POSITION], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_BY_POSITION));
    int r = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && r == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT_NODUP)) {
        char code[CODE_SIZE];
        size_t n = 0;
        if (k.mv_size >= sizeof code || mdb_cursor_count(c, &n) != 0)
            continue;           /* not a code this store writes */
        memcpy(code, k.mv_data, k.mv_size);
        code[k.mv_size] = '\0';
        r = cb(code, n, ctx);
    }
    mdb_cursor_close(c);
    if (r == 0 && rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_BY_POSITION));
    return r;
}

/* --- preferences ------------------------------------------------------------ */

int store_put_preference(stxn *t, const struct preference *p)
{
    return store_rec_put(t, &store_desc_preference, p);
}

int store_get_preference(stxn *t, const char *nip, struct preference *out)
{
    return store_rec_get(t, &store_desc_preference, nip, strnlen(nip, NIP_LEN + 1), out);
}

struct pref_walk {
    store_preference_cb cb;
    void *ctx;
};

static int visit_preference(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct pref_walk *w = ctx;
    struct preference p;
    if (codec_get_preference(v->mv_data, v->mv_size, &p) != 0)
        return store_fail(t->s, _("the preferences of %.*s cannot be decoded"),
                          (int)k->mv_size, (const char *)k->mv_data);
    return w->cb(&p, w->ctx);
}

int store_each_preference(stxn *t, store_preference_cb cb, void *ctx)
{
    struct pref_walk w = {cb, ctx};
    return store_walk(t, DB_PREFERENCES, NULL, false, visit_preference, &w);
}

size_t store_count_preferences(stxn *t)
{
    return count(t, DB_PREFERENCES);
}

