/* The names of posts (store_post_names in store.h): a position's title
 * and a unit's name, as `staff find` prints them beside every match.
 *
 * Read from the records, they cost a look-up in positions (747,000
 * records of about 130 bytes at L: 23,700 pages) and one in units (3,900
 * pages) per match, each random, each faulting a new 64 KB window of the
 * map in: for a common name most of find's time. Three tables hold the
 * names densely instead:
 *   position_titles  position code -> title id (ID_LEN bytes, big-endian)
 *   titles           'i' id -> title and 't' title -> id: the few
 *                    thousand distinct titles, each once
 *   unit_names       unit code -> name
 * A title's id is never reused; one that no position holds any more
 * stays until the tables are rebuilt (titles are few: a rename adds one).
 *
 * They follow the records in the same write transaction: the derive hooks
 * of positions and units (put, delete, batch), the bulk loads (appended
 * in code order, pages filled whole) and the migration to schema 13
 * (store_post_names_rebuild). store_check_indexes compares them with the
 * records (store_post_names_check). Derived data: not in the data
 * digest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "store/internal.h"

#define ID_LEN 3
#define ID_LIMIT (1u << 24)
#define TITLE_KEY_MAX (1 + NAME_SIZE)

static MDB_val mval(const void *p, size_t n)
{
    return (MDB_val){n, (void *)p};
}

static size_t name_len(const char *s)
{
    return strnlen(s, NAME_SIZE - 1);
}

static size_t code_len(const char *s)
{
    return strnlen(s, CODE_SIZE - 1);
}

static void id_put(unsigned char *p, uint32_t id)
{
    p[0] = (unsigned char)(id >> 16);
    p[1] = (unsigned char)(id >> 8);
    p[2] = (unsigned char)id;
}

static uint32_t id_get(const unsigned char *p)
{
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/* The key of title id: 'i', the id. */
static MDB_val id_key(uint32_t id, unsigned char k[1 + ID_LEN])
{
    k[0] = 'i';
    id_put(k + 1, id);
    return mval(k, 1 + ID_LEN);
}

/* The key of a title's id: 't', the title. */
static MDB_val title_key(const char *title, unsigned char k[TITLE_KEY_MAX])
{
    size_t n = name_len(title);
    k[0] = 't';
    memcpy(k + 1, title, n);
    return mval(k, 1 + n);
}

/* The id the next new title gets: one past the last 'i' key. */
static int next_id(stxn *t, uint32_t *id)
{
    MDB_cursor *c;
    MDB_val k = mval("j", 1), v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_TITLES], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_TITLES));
    rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
    rc = rc == 0 ? mdb_cursor_get(c, &k, &v, MDB_PREV) : mdb_cursor_get(c, &k, &v, MDB_LAST);
    mdb_cursor_close(c);
    *id = 0;
    if (rc == 0 && k.mv_size == 1 + ID_LEN && ((const unsigned char *)k.mv_data)[0] == 'i')
        *id = id_get((const unsigned char *)k.mv_data + 1) + 1;
    else if (rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(DB_TITLES));
    if (*id >= ID_LIMIT)
        return store_fail(t->s, _("too many distinct position titles"));
    return STORE_OK;
}

/* The id of title, given one when new. */
static int title_id(stxn *t, const char *title, uint32_t *id)
{
    unsigned char tk[TITLE_KEY_MAX], ik[1 + ID_LEN], v3[ID_LEN];
    MDB_val k = title_key(title, tk), v;
    int r = store_db_get(t, DB_TITLES, k, &v);
    if (r == STORE_OK && v.mv_size != ID_LEN)
        return store_damaged(t, DB_TITLES, k);
    if (r == STORE_OK) {
        *id = id_get(v.mv_data);
        return STORE_OK;
    }
    if (r != STORE_NOTFOUND || next_id(t, id) != STORE_OK)
        return STORE_ERROR;
    id_put(v3, *id);
    if (store_db_put(t, DB_TITLES, id_key(*id, ik), mval(title, name_len(title)), 0) != STORE_OK)
        return STORE_ERROR;
    return store_db_put(t, DB_TITLES, k, mval(v3, ID_LEN), 0);
}

/* --- following the records ------------------------------------------------- */

int store_post_position_changed(stxn *t, const struct position *old, const struct position *now)
{
    unsigned char v3[ID_LEN];
    uint32_t id;
    bool same_code = old && now && strncmp(old->code, now->code, CODE_SIZE) == 0;
    if (same_code && strncmp(old->name, now->name, NAME_SIZE) == 0)
        return STORE_OK;
    if (old && !same_code &&
        store_db_del(t, DB_POSITION_TITLES, mval(old->code, code_len(old->code)), NULL) ==
            STORE_ERROR)
        return STORE_ERROR;
    if (!now)
        return STORE_OK;
    if (title_id(t, now->name, &id) != STORE_OK)
        return STORE_ERROR;
    id_put(v3, id);
    return store_db_put(t, DB_POSITION_TITLES, mval(now->code, code_len(now->code)),
                        mval(v3, ID_LEN), 0);
}

int store_post_unit_changed(stxn *t, const struct unit *old, const struct unit *now)
{
    bool same_code = old && now && strncmp(old->code, now->code, CODE_SIZE) == 0;
    if (same_code && strncmp(old->name, now->name, NAME_SIZE) == 0)
        return STORE_OK;
    if (old && !same_code &&
        store_db_del(t, DB_UNIT_NAMES, mval(old->code, code_len(old->code)), NULL) ==
            STORE_ERROR)
        return STORE_ERROR;
    if (!now)
        return STORE_OK;
    return store_db_put(t, DB_UNIT_NAMES, mval(now->code, code_len(now->code)),
                        mval(now->name, name_len(now->name)), 0);
}

/* --- filling in code order ---------------------------------------------------- */

int store_post_fill_open(struct store_post_fill *f, stxn *t, bool positions)
{
    memset(f, 0, sizeof *f);
    f->positions = positions;
    f->titles.vsize = sizeof(uint32_t);
    if (store_appender_open(&f->app, t, positions ? DB_POSITION_TITLES : DB_UNIT_NAMES,
                            false) != STORE_OK)
        return STORE_ERROR;
    f->open = true;
    return STORE_OK;
}

/* title's id through the fill's memory of the titles met: a few thousand
 * distinct ones among hundreds of thousands of positions. */
static int fill_title_id(struct store_post_fill *f, const char *title, uint32_t *id)
{
    const char *str;
    size_t n = name_len(title);
    if (strset_find_str(&f->titles, title, n, &str) != STRSET_NONE) {
        memcpy(id, strset_val(&f->titles, str), sizeof *id);
        return STORE_OK;
    }
    if (title_id(f->app.t, title, id) != STORE_OK)
        return STORE_ERROR;
    uint32_t at = strset_add_new(&f->titles, title, n);
    if (at == STRSET_NONE)
        return store_fail(f->app.t->s, _("out of memory"));
    memcpy(strset_val(&f->titles, strset_str(&f->titles, at)), id, sizeof *id);
    return STORE_OK;
}

int store_post_fill_position(struct store_post_fill *f, const struct position *p)
{
    unsigned char v3[ID_LEN];
    uint32_t id;
    if (fill_title_id(f, p->name, &id) != STORE_OK)
        return STORE_ERROR;
    id_put(v3, id);
    return store_appender_put(&f->app, mval(p->code, code_len(p->code)), mval(v3, ID_LEN), 0);
}

int store_post_fill_unit(struct store_post_fill *f, const struct unit *u)
{
    return store_appender_put(&f->app, mval(u->code, code_len(u->code)),
                              mval(u->name, name_len(u->name)), 0);
}

void store_post_fill_close(struct store_post_fill *f)
{
    if (f->open)
        store_appender_close(&f->app);
    f->open = false;
    strset_free(&f->titles);
}

static int fill_position(const struct position *p, void *ctx)
{
    return store_post_fill_position(ctx, p) == STORE_OK ? 0 : -1;
}

static int fill_unit(const struct unit *u, void *ctx)
{
    return store_post_fill_unit(ctx, u) == STORE_OK ? 0 : -1;
}

int store_post_names_rebuild(stxn *t)
{
    static const int dbs[] = {DB_POSITION_TITLES, DB_TITLES, DB_UNIT_NAMES};
    struct store_post_fill f;
    for (size_t i = 0; i < sizeof dbs / sizeof *dbs; i++) {
        int rc = mdb_drop(t->txn, t->s->dbi[dbs[i]], 0);
        if (rc != 0)
            return store_fail_mdb(t, rc, store_db_name(dbs[i]));
    }
    if (store_post_fill_open(&f, t, true) != STORE_OK)
        return STORE_ERROR;
    int r = store_each_position(t, fill_position, &f);
    store_post_fill_close(&f);
    if (r != 0 || store_post_fill_open(&f, t, false) != STORE_OK)
        return STORE_ERROR;
    r = store_each_unit(t, fill_unit, &f);
    store_post_fill_close(&f);
    return r == 0 ? STORE_OK : STORE_ERROR;
}

/* --- reading ------------------------------------------------------------------- */

/* The value under key into out (NAME_SIZE bytes, NUL-ended), "" when
 * there is none. */
static int name_of(stxn *t, int db, MDB_val k, char *out)
{
    MDB_val v;
    int r = store_db_get(t, db, k, &v);
    if (r == STORE_NOTFOUND)
        return STORE_OK;
    if (r != STORE_OK)
        return r;
    if (v.mv_size >= NAME_SIZE)
        return store_damaged(t, db, k);
    memcpy(out, v.mv_data, v.mv_size);
    out[v.mv_size] = '\0';
    return STORE_OK;
}

/* The title of the position under k, which has one (its id's title
 * missing is damage). */
static int title_of(stxn *t, MDB_val k, char *out)
{
    unsigned char ik[1 + ID_LEN];
    MDB_val v, tv;
    int r = store_db_get(t, DB_POSITION_TITLES, k, &v);
    if (r != STORE_OK)
        return r == STORE_NOTFOUND ? STORE_OK : r;
    if (v.mv_size != ID_LEN)
        return store_damaged(t, DB_POSITION_TITLES, k);
    r = store_db_get(t, DB_TITLES, id_key(id_get(v.mv_data), ik), &tv);
    if (r == STORE_NOTFOUND || (r == STORE_OK && tv.mv_size >= NAME_SIZE))
        return store_damaged(t, DB_POSITION_TITLES, k);
    if (r != STORE_OK)
        return r;
    memcpy(out, tv.mv_data, tv.mv_size);
    out[tv.mv_size] = '\0';
    return STORE_OK;
}

int store_post_names(stxn *t, const char *position, const char *unit, char title[NAME_SIZE],
                     char unit_name[NAME_SIZE])
{
    title[0] = unit_name[0] = '\0';
    if (position[0] && title_of(t, mval(position, strlen(position)), title) != STORE_OK)
        return STORE_ERROR;
    if (unit[0])
        return name_of(t, DB_UNIT_NAMES, mval(unit, strlen(unit)), unit_name);
    return STORE_OK;
}

/* --- the check ------------------------------------------------------------------- */

/* One table walked beside its records (both in code order). */
struct post_check {
    stxn *t;
    int db;
    MDB_cursor *c;
    MDB_val k, v;
    bool more;                  /* the cursor is on an entry */
    struct store_findings *f;
};

static void step(struct post_check *x, MDB_cursor_op op)
{
    x->more = mdb_cursor_get(x->c, &x->k, &x->v, op) == 0;
}

/* As LMDB orders keys: bytes, then the shorter first. */
static int key_cmp(MDB_val k, const char *code, size_t n)
{
    int c = memcmp(k.mv_data, code, k.mv_size < n ? k.mv_size : n);
    return c ? c : (k.mv_size > n) - (k.mv_size < n);
}

/* The name the entry at the cursor gives (a title through its id). */
static bool entry_name(struct post_check *x, char out[NAME_SIZE])
{
    MDB_val v = x->v, tv;
    unsigned char ik[1 + ID_LEN];
    if (x->db == DB_POSITION_TITLES) {
        if (v.mv_size != ID_LEN)
            return false;
        MDB_val k = id_key(id_get(v.mv_data), ik);
        if (mdb_get(x->t->txn, x->t->s->dbi[DB_TITLES], &k, &tv) != 0)
            return false;
        v = tv;
    }
    if (v.mv_size >= NAME_SIZE)
        return false;
    memcpy(out, v.mv_data, v.mv_size);
    out[v.mv_size] = '\0';
    return true;
}

/* The record with code and name: the entry at the cursor is its, and
 * entries before it name no record. */
static void check_one(struct post_check *x, const char *code, const char *name)
{
    size_t n = code_len(code);
    char got[NAME_SIZE];
    const char *table = store_db_name(x->db);
    for (; x->more && key_cmp(x->k, code, n) < 0; step(x, MDB_NEXT))
        store_finding(x->f, _("%s has an entry for %.*s, which has no record"), table,
                      (int)x->k.mv_size, (const char *)x->k.mv_data);
    if (!x->more || key_cmp(x->k, code, n) != 0) {
        store_finding(x->f, _("%s has no entry for %s"), table, code);
        return;
    }
    if (!entry_name(x, got) || strncmp(got, name, NAME_SIZE) != 0)
        store_finding(x->f, _("%s gives %s another name than its record"), table, code);
    step(x, MDB_NEXT);
}

static int check_position(const struct position *p, void *ctx)
{
    check_one(ctx, p->code, p->name);
    return 0;
}

static int check_unit(const struct unit *u, void *ctx)
{
    check_one(ctx, u->code, u->name);
    return 0;
}

static void check_table(stxn *t, int db, struct store_findings *f)
{
    struct post_check x = {.t = t, .db = db, .f = f};
    int rc = mdb_cursor_open(t->txn, t->s->dbi[db], &x.c);
    if (rc != 0) {
        store_finding(f, "%s", mdb_strerror(rc));
        return;
    }
    step(&x, MDB_FIRST);
    int r = db == DB_UNIT_NAMES ? store_each_unit(t, check_unit, &x)
                                : store_each_position(t, check_position, &x);
    if (r != 0)
        store_finding(f, "%s", store_errmsg(t->s));
    for (; r == 0 && x.more; step(&x, MDB_NEXT))
        store_finding(f, _("%s has an entry for %.*s, which has no record"), store_db_name(db),
                      (int)x.k.mv_size, (const char *)x.k.mv_data);
    mdb_cursor_close(x.c);
}

/* Every id's title gives that id back, and there are as many titles as
 * ids (so each title names one id). */
static void check_titles(stxn *t, struct store_findings *f)
{
    MDB_cursor *c;
    MDB_val k, v;
    size_t ids = 0, titles = 0;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_TITLES], &c);
    if (rc != 0) {
        store_finding(f, "%s", mdb_strerror(rc));
        return;
    }
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        const unsigned char *key = k.mv_data;
        unsigned char tk[TITLE_KEY_MAX];
        MDB_val back;
        if (key[0] == 't') {
            titles++;
            continue;
        }
        ids++;
        if (key[0] != 'i' || k.mv_size != 1 + ID_LEN || v.mv_size >= NAME_SIZE) {
            store_finding(f, _("an entry of %s is damaged"), store_db_name(DB_TITLES));
            continue;
        }
        tk[0] = 't';
        memcpy(tk + 1, v.mv_data, v.mv_size);
        if (mdb_get(t->txn, t->s->dbi[DB_TITLES], &(MDB_val){1 + v.mv_size, tk}, &back) != 0 ||
            back.mv_size != ID_LEN || memcmp(back.mv_data, key + 1, ID_LEN) != 0)
            store_finding(f, _("title %u of %s is not filed under its text"),
                          (unsigned)id_get(key + 1), store_db_name(DB_TITLES));
    }
    mdb_cursor_close(c);
    if (ids != titles)
        store_finding(f, _("%s has %zu titles for %zu ids"), store_db_name(DB_TITLES), titles,
                      ids);
}

int store_post_names_check(stxn *t, char *why, size_t whylen)
{
    struct store_findings f = {0, why, whylen};
    check_titles(t, &f);
    check_table(t, DB_POSITION_TITLES, &f);
    check_table(t, DB_UNIT_NAMES, &f);
    return f.problems;
}
