/* Units, positions, staff and history: get, put, delete, iterate, and the
 * staff indexes (by unit, by position, by name) kept in the same write
 * transaction as the record.
 *
 * LMDB 0.9.24 has bugs in repeated cursor deletes and in-place overwrites
 * of MDB_DUPSORT values, so index entries are only ever removed with
 * mdb_del(key, value) and added with mdb_put(MDB_NODUPDATA). */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"
#include "store/keys.h"

/* --- small LMDB wrappers ----------------------------------------------- */

static MDB_val val(const void *p, size_t n)
{
    MDB_val v = {n, (void *)p};
    return v;
}

static MDB_val str_val(const char *s)
{
    return val(s, strlen(s));
}

static int need_write(stxn *t)
{
    if (!t->write)
        return store_fail(t->s, _("a change was attempted in a read transaction"));
    return STORE_OK;
}

static int db_get(stxn *t, int db, MDB_val k, MDB_val *out)
{
    if (k.mv_size == 0 || k.mv_size > 511)
        return STORE_NOTFOUND;
    int rc = mdb_get(t->txn, t->s->dbi[db], &k, out);
    if (rc == MDB_NOTFOUND)
        return STORE_NOTFOUND;
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    return STORE_OK;
}

static int db_put(stxn *t, int db, MDB_val k, MDB_val v, unsigned flags)
{
    int rc = mdb_put(t->txn, t->s->dbi[db], &k, &v, flags);
    if (rc == MDB_KEYEXIST && (flags & (MDB_NODUPDATA | MDB_NOOVERWRITE)))
        return STORE_OK;        /* the index entry is already there */
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    return STORE_OK;
}

/* v NULL: delete the key (plain databases); else exactly that dup value. */
static int db_del(stxn *t, int db, MDB_val k, const MDB_val *v)
{
    MDB_val vv = v ? *v : (MDB_val){0, NULL};
    int rc = mdb_del(t->txn, t->s->dbi[db], &k, v ? &vv : NULL);
    if (rc == MDB_NOTFOUND)
        return STORE_NOTFOUND;
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    return STORE_OK;
}

static int damaged(stxn *t, int db, MDB_val k)
{
    int n = (int)(k.mv_size > 64 ? 64 : k.mv_size);
    return store_fail(t->s, _("a record in %s (key \"%.*s\") is damaged or from a newer mutasi"),
                      store_db_name(db), n, (const char *)k.mv_data);
}

static int code_ok(stxn *t, const char *what, const char *code)
{
    size_t n = strlen(code);
    if (n == 0 || n >= CODE_SIZE)
        return store_fail(t->s, _("%s code \"%s\" must have 1 to %d bytes"), what, code,
                          CODE_SIZE - 1);
    return STORE_OK;
}

/* --- units and positions ------------------------------------------------ *
 * Both are keyed by their code; only the codec differs. */

static int put_by_code(stxn *t, int db, const char *what, const char *code,
                       const unsigned char *buf, size_t n)
{
    if (n == 0)
        return store_fail(t->s, _("%s %s cannot be encoded"), what, code);
    return db_put(t, db, str_val(code), val(buf, n), 0);
}

/* STORE_OK with the raw value in *v, STORE_NOTFOUND, or STORE_ERROR. */
static int get_by_code(stxn *t, int db, const char *code, MDB_val *v)
{
    return db_get(t, db, str_val(code), v);
}

static int del_by_code(stxn *t, int db, const char *code)
{
    if (need_write(t))
        return STORE_ERROR;
    if (*code == '\0')
        return STORE_NOTFOUND;
    return db_del(t, db, str_val(code), NULL);
}

int store_put_unit(stxn *t, const struct unit *u)
{
    unsigned char buf[CODEC_MAX];
    if (need_write(t) || code_ok(t, _("unit"), u->code))
        return STORE_ERROR;
    return put_by_code(t, DB_UNITS, _("unit"), u->code, buf,
                       codec_put_unit(u, buf, sizeof buf));
}

int store_get_unit(stxn *t, const char *code, struct unit *out)
{
    MDB_val v;
    int r = get_by_code(t, DB_UNITS, code, &v);
    if (r == STORE_OK && codec_get_unit(v.mv_data, v.mv_size, out) != 0)
        return damaged(t, DB_UNITS, str_val(code));
    return r;
}

int store_del_unit(stxn *t, const char *code)
{
    return del_by_code(t, DB_UNITS, code);
}

int store_put_position(stxn *t, const struct position *p)
{
    unsigned char buf[CODEC_MAX];
    if (need_write(t) || code_ok(t, _("position"), p->code))
        return STORE_ERROR;
    return put_by_code(t, DB_POSITIONS, _("position"), p->code, buf,
                       codec_put_position(p, buf, sizeof buf));
}

int store_get_position(stxn *t, const char *code, struct position *out)
{
    MDB_val v;
    int r = get_by_code(t, DB_POSITIONS, code, &v);
    if (r == STORE_OK && codec_get_position(v.mv_data, v.mv_size, out) != 0)
        return damaged(t, DB_POSITIONS, str_val(code));
    return r;
}

int store_del_position(stxn *t, const char *code)
{
    return del_by_code(t, DB_POSITIONS, code);
}

/* --- staff and its indexes ---------------------------------------------- */

/* A dup index (unit or position -> NIP); an empty code has no entry. */
static int index_add(stxn *t, int db, const char *code, const char *nip)
{
    if (*code == '\0')
        return STORE_OK;
    return db_put(t, db, str_val(code), val(nip, NIP_LEN), MDB_NODUPDATA);
}

static int index_remove(stxn *t, int db, const char *code, const char *nip)
{
    if (*code == '\0')
        return STORE_OK;
    MDB_val v = val(nip, NIP_LEN);
    int r = db_del(t, db, str_val(code), &v);
    return r == STORE_NOTFOUND ? STORE_OK : r;
}

static int name_add(stxn *t, const struct staff *s)
{
    unsigned char key[STORE_NAME_KEY_MAX];
    size_t n = store_name_key(s->name, s->nip, key);
    /* The key holds the NIP, so an existing entry is this one: never rewrite it. */
    return db_put(t, DB_STAFF_BY_NAME, val(key, n), val(s->nip, NIP_LEN), MDB_NOOVERWRITE);
}

static int name_remove(stxn *t, const struct staff *s)
{
    unsigned char key[STORE_NAME_KEY_MAX];
    size_t n = store_name_key(s->name, s->nip, key);
    int r = db_del(t, DB_STAFF_BY_NAME, val(key, n), NULL);
    return r == STORE_NOTFOUND ? STORE_OK : r;
}

static int nip_ok(stxn *t, const char *nip)
{
    if (strnlen(nip, NIP_LEN + 1) != NIP_LEN)
        return store_fail(t->s, _("NIP \"%s\" must have %d digits"), nip, NIP_LEN);
    return STORE_OK;
}

/* Removes the entries of old (NULL: none) that no longer apply, then
 * makes sure every entry of s exists. Adding is idempotent (NODUPDATA /
 * NOOVERWRITE, never a rewrite), so putting a record again also repairs
 * its own missing entries. */
static int reindex(stxn *t, const struct staff *old, const struct staff *s)
{
    if (old) {
        if ((strcmp(old->unit, s->unit) != 0 &&
             index_remove(t, DB_STAFF_BY_UNIT, old->unit, old->nip)) ||
            (strcmp(old->position, s->position) != 0 &&
             index_remove(t, DB_STAFF_BY_POSITION, old->position, old->nip)) ||
            (store_name_differs(old->name, s->name) && name_remove(t, old)))
            return STORE_ERROR;
    }
    if (index_add(t, DB_STAFF_BY_UNIT, s->unit, s->nip) ||
        index_add(t, DB_STAFF_BY_POSITION, s->position, s->nip) || name_add(t, s))
        return STORE_ERROR;
    return STORE_OK;
}

int store_put_staff(stxn *t, const struct staff *s)
{
    unsigned char buf[CODEC_MAX];
    struct staff old;
    if (need_write(t) || nip_ok(t, s->nip))
        return STORE_ERROR;
    size_t n = codec_put_staff(s, buf, sizeof buf);
    if (n == 0)
        return store_fail(t->s, _("staff %s cannot be encoded"), s->nip);
    int r = store_get_staff(t, s->nip, &old);
    if (r == STORE_ERROR)
        return r;
    if (reindex(t, r == STORE_OK ? &old : NULL, s) != STORE_OK)
        return STORE_ERROR;
    return db_put(t, DB_STAFF, val(s->nip, NIP_LEN), val(buf, n), 0);
}

/* --- many staff at once --------------------------------------------------
 * Each database is written in its own key order: B-tree inserts in order
 * touch each page once instead of at random, several times faster than
 * store_put_staff row by row for an import. */

struct batch_sort {
    const struct staff *a;
    int by;                     /* 0 NIP, 1 unit, 2 position, 3 name */
};

static int batch_cmp(const void *x, const void *y, void *ctx)
{
    const struct batch_sort *bs = ctx;
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    const struct staff *p = &bs->a[i], *q = &bs->a[j];
    int c = 0;
    if (bs->by == 1)
        c = strcmp(p->unit, q->unit);
    else if (bs->by == 2)
        c = strcmp(p->position, q->position);
    else if (bs->by == 3)
        c = store_name_cmp(p->name, q->name);
    if (c == 0)
        c = memcmp(p->nip, q->nip, NIP_LEN);
    return c ? c : (i > j) - (i < j);   /* stable: the later row sorts last */
}

/* Phase one, in NIP order: the records, and old index entries that no
 * longer apply. A NIP given twice keeps its last row. Returns the number
 * of distinct rows left in ord, or -1. */
static long batch_records(stxn *t, const struct staff *a, size_t *ord, size_t n)
{
    struct batch_sort bs = {a, 0};
    unsigned char buf[CODEC_MAX];
    struct staff old;
    struct store_appender app;
    size_t m = 0;
    /* An importer hands rows in NIP order already: sort only when not. */
    size_t sorted = 1;
    while (sorted < n && batch_cmp(&ord[sorted - 1], &ord[sorted], &bs) < 0)
        sorted++;
    if (sorted < n)
        qsort_r(ord, n, sizeof *ord, batch_cmp, &bs);
    if (store_appender_open(&app, t, DB_STAFF, false) != STORE_OK)
        return -1;
    for (size_t k = 0; k < n; k++) {
        const struct staff *s = &a[ord[k]];
        if (k + 1 < n && memcmp(a[ord[k + 1]].nip, s->nip, NIP_LEN) == 0)
            continue;           /* a later row of the same NIP wins */
        ord[m++] = ord[k];
        size_t len = codec_put_staff(s, buf, sizeof buf);
        if (len == 0)
            goto fail_encode;
        MDB_val key = val(s->nip, NIP_LEN);
        int r = store_appender_is_new(&app, key, key) ? STORE_NOTFOUND
                                                 : store_get_staff(t, s->nip, &old);
        if (r == STORE_ERROR)
            goto fail;
        if (r == STORE_OK &&
            ((strcmp(old.unit, s->unit) != 0 &&
              index_remove(t, DB_STAFF_BY_UNIT, old.unit, old.nip)) ||
             (strcmp(old.position, s->position) != 0 &&
              index_remove(t, DB_STAFF_BY_POSITION, old.position, old.nip)) ||
             (store_name_differs(old.name, s->name) && name_remove(t, &old))))
            goto fail;
        if (store_appender_put(&app, key, val(buf, len), 0) != STORE_OK)
            goto fail;
        continue;
    fail_encode:
        store_fail(t->s, _("staff %s cannot be encoded"), s->nip);
    fail:
        store_appender_close(&app);
        return -1;
    }
    store_appender_close(&app);
    return (long)m;
}

/* Phase two: one index, its entries in that index's key order. */
static int batch_index(stxn *t, const struct staff *a, size_t *ord, size_t m, int by)
{
    static const int dbs[] = {0, DB_STAFF_BY_UNIT, DB_STAFF_BY_POSITION, DB_STAFF_BY_NAME};
    struct batch_sort bs = {a, by};
    struct store_appender app;
    unsigned char key[STORE_NAME_KEY_MAX];
    int r = STORE_OK;
    qsort_r(ord, m, sizeof *ord, batch_cmp, &bs);
    if (store_appender_open(&app, t, dbs[by], by != 3) != STORE_OK)
        return STORE_ERROR;
    for (size_t k = 0; k < m && r == STORE_OK; k++) {
        const struct staff *s = &a[ord[k]];
        MDB_val nip = val(s->nip, NIP_LEN);
        if (by == 3)
            r = store_appender_put(&app, val(key, store_name_key(s->name, s->nip, key)), nip,
                             MDB_NOOVERWRITE);
        else {
            const char *code = by == 1 ? s->unit : s->position;
            if (*code)
                r = store_appender_put(&app, str_val(code), nip, MDB_NODUPDATA);
        }
    }
    store_appender_close(&app);
    return r;
}

int store_put_staff_batch(stxn *t, const struct staff *a, size_t n)
{
    if (need_write(t))
        return STORE_ERROR;
    for (size_t i = 0; i < n; i++)
        if (nip_ok(t, a[i].nip))
            return STORE_ERROR;
    size_t *ord = malloc((n ? n : 1) * sizeof *ord);
    if (!ord)
        return store_fail(t->s, _("out of memory"));
    for (size_t i = 0; i < n; i++)
        ord[i] = i;
    int r = STORE_OK;
    long m = batch_records(t, a, ord, n);
    if (m < 0)
        r = STORE_ERROR;
    for (int by = 1; by <= 3 && r == STORE_OK; by++)
        r = batch_index(t, a, ord, (size_t)m, by);
    free(ord);
    return r;
}

int store_get_staff(stxn *t, const char *nip, struct staff *out)
{
    MDB_val v, k = str_val(nip);
    int r = db_get(t, DB_STAFF, k, &v);
    if (r != STORE_OK)
        return r;
    if (codec_get_staff(v.mv_data, v.mv_size, out) != 0)
        return damaged(t, DB_STAFF, k);
    return STORE_OK;
}

static int del_history(stxn *t, const char *nip);

int store_del_staff(stxn *t, const char *nip)
{
    struct staff old;
    if (need_write(t))
        return STORE_ERROR;
    int r = store_get_staff(t, nip, &old);
    if (r != STORE_OK)
        return r;
    if (index_remove(t, DB_STAFF_BY_UNIT, old.unit, old.nip) ||
        index_remove(t, DB_STAFF_BY_POSITION, old.position, old.nip) ||
        name_remove(t, &old) || del_history(t, nip))
        return STORE_ERROR;
    return db_del(t, DB_STAFF, val(nip, NIP_LEN), NULL);
}

/* --- history: key = NIP, since (biased big-endian), 2-byte sequence ------ */

#define HIST_KEY_LEN STORE_HIST_KEY_LEN

int store_add_history(stxn *t, const struct history *h)
{
    unsigned char buf[CODEC_MAX], key[HIST_KEY_LEN];
    if (need_write(t) || nip_ok(t, h->nip))
        return STORE_ERROR;
    size_t n = codec_put_history(h, buf, sizeof buf);
    if (n == 0)
        return store_fail(t->s, _("history of %s cannot be encoded"), h->nip);
    /* Several lines on one day keep their order by a sequence number. */
    for (unsigned seq = 0; seq <= 0xffff; seq++) {
        MDB_val v;
        store_history_key(h->nip, h->since, seq, key);
        int r = db_get(t, DB_HISTORY, val(key, sizeof key), &v);
        if (r == STORE_ERROR)
            return r;
        if (r == STORE_NOTFOUND)
            return db_put(t, DB_HISTORY, val(key, sizeof key), val(buf, n), 0);
    }
    return store_fail(t->s, _("too many history lines for %s on one day"), h->nip);
}

/* Collects the keys first and deletes each with mdb_del: no repeated
 * cursor deletes (see the top of this file). */
static int del_history(stxn *t, const char *nip)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_HISTORY], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, "history");
    unsigned char (*keys)[HIST_KEY_LEN] = NULL;
    size_t nkeys = 0, cap = 0;
    MDB_val k = val(nip, NIP_LEN), v;
    int r = STORE_OK;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (k.mv_size != HIST_KEY_LEN || memcmp(k.mv_data, nip, NIP_LEN) != 0)
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
        int d = db_del(t, DB_HISTORY, val(keys[i], HIST_KEY_LEN), NULL);
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
};

static int visit_unit(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct visit_ctx *vc = ctx;
    struct unit u;
    if (codec_get_unit(v->mv_data, v->mv_size, &u) != 0)
        return damaged(t, DB_UNITS, *k);
    return ((store_unit_cb)vc->cb)(&u, vc->ctx);
}

static int visit_position(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct visit_ctx *vc = ctx;
    struct position p;
    if (codec_get_position(v->mv_data, v->mv_size, &p) != 0)
        return damaged(t, DB_POSITIONS, *k);
    return ((store_position_cb)vc->cb)(&p, vc->ctx);
}

static int visit_staff(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct visit_ctx *vc = ctx;
    struct staff s;
    if (codec_get_staff(v->mv_data, v->mv_size, &s) != 0)
        return damaged(t, DB_STAFF, *k);
    return ((store_staff_cb)vc->cb)(&s, vc->ctx);
}

/* For indexes: the value is a NIP; look the record up. */
static int visit_staff_ref(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct visit_ctx *vc = ctx;
    char nip[NIP_LEN + 1];
    struct staff s;
    (void)k;
    if (v->mv_size != NIP_LEN)
        return store_fail(t->s, _("a staff index entry is damaged"));
    memcpy(nip, v->mv_data, NIP_LEN);
    nip[NIP_LEN] = '\0';
    int r = store_get_staff(t, nip, &s);
    if (r == STORE_NOTFOUND)
        return store_fail(t->s, _("the staff index names %s, who is not in the database"), nip);
    if (r != STORE_OK)
        return r;
    return ((store_staff_cb)vc->cb)(&s, vc->ctx);
}

static int visit_history(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct visit_ctx *vc = ctx;
    struct history h;
    if (codec_get_history(v->mv_data, v->mv_size, &h) != 0)
        return damaged(t, DB_HISTORY, *k);
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

int store_each_staff_by_name_from(stxn *t, const char *name, const char *nip, bool backward,
                                  store_staff_cb cb, void *ctx)
{
    struct visit_ctx vc = {(void *)cb, ctx};
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
    return store_walk(t, DB_STAFF_BY_NAME, &from, backward, visit_staff_ref, &vc);
}

int store_each_staff_by_name(stxn *t, const char *from_name, store_staff_cb cb, void *ctx)
{
    return store_each_staff_by_name_from(t, from_name ? from_name : "", NULL, false, cb, ctx);
}

int store_each_staff_by_name_rev(stxn *t, const char *before_name, store_staff_cb cb, void *ctx)
{
    return store_each_staff_by_name_from(t, before_name, NULL, true, cb, ctx);
}

int store_each_staff_from(stxn *t, const char *nip, bool backward, store_staff_cb cb, void *ctx)
{
    struct visit_ctx vc = {(void *)cb, ctx};
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
    return store_walk(t, DB_STAFF, &from, backward, visit_staff, &vc);
}

/* Puts the cursor on the first (unit, nip) pair strictly after the given
 * one (forward) or strictly before it (backward). */
static int unit_cursor_start(MDB_cursor *c, const char *unit, const char *nip, bool backward,
                             MDB_val *k, MDB_val *v)
{
    if (!unit)
        return mdb_cursor_get(c, k, v, backward ? MDB_LAST : MDB_FIRST);
    *k = str_val(unit);
    *v = str_val(nip ? nip : "");
    int rc = v->mv_size ? mdb_cursor_get(c, k, v, MDB_GET_BOTH_RANGE) : MDB_NOTFOUND;
    if (rc == 0) {
        /* on the first holder >= nip of this unit */
        bool same = v->mv_size == strlen(nip) && memcmp(v->mv_data, nip, v->mv_size) == 0;
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

int store_each_staff_by_unit_from(stxn *t, const char *unit, const char *nip, bool backward,
                                  store_staff_cb cb, void *ctx)
{
    struct visit_ctx vc = {(void *)cb, ctx};
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
        r = visit_staff_ref(t, &k, &v, &vc);
        if (r != 0)
            break;
    }
    if (r == 0 && rc != 0 && rc != MDB_NOTFOUND)
        r = store_fail_mdb(t, rc, store_db_name(DB_STAFF_BY_UNIT));
    mdb_cursor_close(c);
    return r;
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
    if (!nul || k->mv_size - (size_t)(nul - key) - 1 != NIP_LEN)
        return store_fail(t->s, _("a staff index entry is damaged"));
    char nip[NIP_LEN + 1];
    memcpy(nip, nul + 1, NIP_LEN);
    nip[NIP_LEN] = '\0';
    return w->cb(key, (size_t)(nul - key), nip, w->ctx);
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
    const char *nip;
    struct visit_ctx vc;
    bool past;                  /* walked past this person's lines */
};

static int visit_history_of(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct history_walk *hw = ctx;
    if (k->mv_size != HIST_KEY_LEN || memcmp(k->mv_data, hw->nip, NIP_LEN) != 0)
    {
        hw->past = true;
        return 1;
    }
    return visit_history(t, k, v, &hw->vc);
}

int store_each_history(stxn *t, const char *nip, store_history_cb cb, void *ctx)
{
    if (strnlen(nip, NIP_LEN + 1) != NIP_LEN)
        return 0;
    struct history_walk hw = {nip, {(void *)cb, ctx}, false};
    MDB_val from = val(nip, NIP_LEN);
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
