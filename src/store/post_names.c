/* The names of posts (store_post_names in store.h): a position's title
 * and a unit's name, as `staff find` prints them beside every match.
 *
 * Read from the records, they cost a look-up in positions (747,000
 * records of about 130 bytes at L: 23,700 pages) and one in units (3,900
 * pages) per match, each random, each faulting a new 64 KB window of the
 * map in, and reading memory no cache holds: for a common name most of
 * find's time. Two tables hold them densely instead:
 *   post_names  code NUL 'u' -> the unit's name, and
 *               code NUL 'p' -> the position's title id (3 bytes),
 *               packed in chunks (code_chunks.c)
 *   titles      'i' id -> title and 't' title -> id: each distinct title
 *               once (3,000 at L)
 * (at L 2,700 pages where the records take 27,600). A unit sorts just
 * before its positions when their codes start with its code, as they do
 * ("1101.BAPENDA" NUL 'u', "1101.BAPENDA-01" NUL 'p'): a person's
 * position and unit are most often found in one chunk, the second look-up
 * reading what the first brought into the cache. A title's id is never
 * reused; one that no position holds any more stays until the tables
 * are rebuilt (a rename adds one).
 *
 * They follow the records in the same write transaction: the derive hooks
 * of positions and units (put, delete, batch; a write of many changes
 * rebuilds them before its commit), the bulk loads (rebuilt when they
 * finish) and the migration to schema 13
 * (store_post_names_rebuild). store_check_indexes compares them with the
 * records (store_post_names_check). Derived data: not in the data
 * digest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "store/codec.h"
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

/* A row's code in post_names: the record's code, a NUL, its kind. */
#define ROW_MAX STORE_CC_CODE_MAX
#define UNIT 'u'
#define POSITION 'p'

static size_t row_code(const char *code, char kind, char out[ROW_MAX])
{
    size_t n = code_len(code);
    memcpy(out, code, n);
    out[n] = '\0';
    out[n + 1] = kind;
    return n + 2;
}

/* --- following the records ------------------------------------------------- */

/* The row's value for a record of kind named name: a unit's name as it
 * is, a position's title by its id (into v3). */
static int row_value(stxn *t, char kind, const char *name, unsigned char v3[ID_LEN], MDB_val *val)
{
    uint32_t id;
    if (kind == UNIT) {
        *val = mval(name, name_len(name));
        return STORE_OK;
    }
    if (title_id(t, name, &id) != STORE_OK)
        return STORE_ERROR;
    id_put(v3, id);
    *val = mval(v3, ID_LEN);
    return STORE_OK;
}

/* The record of kind with code now has name (NULL: it is gone). */
static int name_set(stxn *t, char kind, const char *code, const char *name)
{
    unsigned char v3[ID_LEN];
    char row[ROW_MAX];
    MDB_val val;
    if (name && row_value(t, kind, name, v3, &val) != STORE_OK)
        return STORE_ERROR;
    return store_cc_set(t, DB_POST_NAMES, row, row_code(code, kind, row), name ? &val : NULL);
}

/* Past this many changes in one write, the table is written anew before
 * the commit (0.4 s at 1,000,000 staff) rather than a chunk rewritten
 * for each (4 us each: 3 s for the 747,000 positions of an import). */
#define POSTS_DELTAS_MAX 4096

static int record_changed(stxn *t, char kind, const char *oldcode, const char *oldname,
                          const char *code, const char *name)
{
    bool same_code = oldcode && code && strncmp(oldcode, code, CODE_SIZE) == 0;
    if (t->posts_dirty || (same_code && strncmp(oldname, name, NAME_SIZE) == 0))
        return STORE_OK;
    if (++t->posts_deltas > POSTS_DELTAS_MAX) {
        t->posts_dirty = true;
        return STORE_OK;
    }
    if (oldcode && !same_code && name_set(t, kind, oldcode, NULL) != STORE_OK)
        return STORE_ERROR;
    return code ? name_set(t, kind, code, name) : STORE_OK;
}

int store_post_position_changed(stxn *t, const struct position *old, const struct position *now)
{
    return record_changed(t, POSITION, old ? old->code : NULL, old ? old->name : NULL,
                          now ? now->code : NULL, now ? now->name : NULL);
}

int store_post_unit_changed(stxn *t, const struct unit *old, const struct unit *now)
{
    return record_changed(t, UNIT, old ? old->code : NULL, old ? old->name : NULL,
                          now ? now->code : NULL, now ? now->name : NULL);
}

/* --- rebuilding ---------------------------------------------------------------- */

/* One record table walked in code order: its current row code, kind and
 * name. */
struct source {
    MDB_cursor *c;
    char kind;
    bool more;
    char row[ROW_MAX];
    size_t rowlen;
    char name[NAME_SIZE];
};

/* The next record into src (src->more false at the end). */
static int source_next(stxn *t, struct source *src, MDB_cursor_op op)
{
    MDB_val k, v;
    union { struct unit u; struct position p; } rec;
    int rc = mdb_cursor_get(src->c, &k, &v, op);
    src->more = rc == 0;
    if (rc == MDB_NOTFOUND)
        return STORE_OK;
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(src->kind == UNIT ? DB_UNITS : DB_POSITIONS));
    int bad = src->kind == UNIT ? codec_get_unit(v.mv_data, v.mv_size, &rec.u)
                                : codec_get_position(v.mv_data, v.mv_size, &rec.p);
    if (bad)
        return store_damaged(t, src->kind == UNIT ? DB_UNITS : DB_POSITIONS, k);
    const char *code = src->kind == UNIT ? rec.u.code : rec.p.code;
    src->rowlen = row_code(code, src->kind, src->row);
    memcpy(src->name, src->kind == UNIT ? rec.u.name : rec.p.name, NAME_SIZE);
    src->name[NAME_SIZE - 1] = '\0';
    return STORE_OK;
}

/* Whether a's row comes before b's. */
static bool first_of(const struct source *a, const struct source *b)
{
    if (!b->more)
        return true;
    size_t n = a->rowlen < b->rowlen ? a->rowlen : b->rowlen;
    int c = memcmp(a->row, b->row, n);
    return c < 0 || (c == 0 && a->rowlen < b->rowlen);
}

/* title's id through titles, the ones met so far with their ids: a few
 * thousand among hundreds of thousands of positions. */
static int remembered_title_id(stxn *t, struct strset *titles, const char *title, uint32_t *id)
{
    const char *str;
    size_t n = name_len(title);
    if (strset_find_str(titles, title, n, &str) != STRSET_NONE) {
        memcpy(id, strset_val(titles, str), sizeof *id);
        return STORE_OK;
    }
    if (title_id(t, title, id) != STORE_OK)
        return STORE_ERROR;
    uint32_t at = strset_add_new(titles, title, n);
    if (at == STRSET_NONE)
        return store_fail(t->s, _("out of memory"));
    memcpy(strset_val(titles, strset_str(titles, at)), id, sizeof *id);
    return STORE_OK;
}

/* The units and the positions merged in row order, appended to the
 * emptied table. */
static int fill_all(stxn *t, struct source src[2], struct store_cc_fill *f, struct strset *titles)
{
    int r = STORE_OK;
    for (int i = 0; i < 2 && r == STORE_OK; i++)
        r = source_next(t, &src[i], MDB_FIRST);
    while (r == STORE_OK && (src[0].more || src[1].more)) {
        struct source *s = src[0].more && first_of(&src[0], &src[1]) ? &src[0] : &src[1];
        unsigned char v3[ID_LEN];
        uint32_t id;
        MDB_val val = mval(s->name, name_len(s->name));
        if (s->kind == POSITION) {
            if (remembered_title_id(t, titles, s->name, &id) != STORE_OK)
                return STORE_ERROR;
            id_put(v3, id);
            val = mval(v3, ID_LEN);
        }
        r = store_cc_fill_add(f, s->row, s->rowlen, val);
        if (r == STORE_OK)
            r = source_next(t, s, MDB_NEXT);
    }
    return r;
}

int store_post_names_rebuild(stxn *t)
{
    struct source src[2] = {{.kind = UNIT}, {.kind = POSITION}};
    t->posts_dirty = false;
    struct strset titles = {.vsize = sizeof(uint32_t)};
    struct store_cc_fill f;
    int rc = mdb_drop(t->txn, t->s->dbi[DB_POST_NAMES], 0);
    if (rc == 0)
        rc = mdb_drop(t->txn, t->s->dbi[DB_TITLES], 0);
    if (rc == 0)
        rc = mdb_cursor_open(t->txn, t->s->dbi[DB_UNITS], &src[0].c);
    if (rc == 0 && (rc = mdb_cursor_open(t->txn, t->s->dbi[DB_POSITIONS], &src[1].c)) != 0)
        mdb_cursor_close(src[0].c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_POST_NAMES));
    int r = store_cc_fill_open(&f, t, DB_POST_NAMES);
    if (r == STORE_OK) {
        r = fill_all(t, src, &f, &titles);
        if (store_cc_fill_close(&f, r == STORE_OK) != STORE_OK)
            r = STORE_ERROR;
    }
    mdb_cursor_close(src[0].c);
    mdb_cursor_close(src[1].c);
    strset_free(&titles);
    return r;
}

/* --- reading ------------------------------------------------------------------- */

/* The title a position's row value names: the titles' entry under its
 * id. */
static int title_of(stxn *t, MDB_val row, MDB_val *title)
{
    unsigned char ik[1 + ID_LEN];
    if (row.mv_size != ID_LEN)
        return STORE_NOTFOUND;
    MDB_val k = id_key(id_get(row.mv_data), ik);
    int r = store_db_get(t, DB_TITLES, k, title);
    return r == STORE_OK && title->mv_size > STORE_CC_VAL_MAX ? STORE_NOTFOUND : r;
}

/* The row of kind for code into row as an MDB_val; size 0 for an empty
 * or too long code (no row). */
static MDB_val row_of(char kind, const char *code, char row[ROW_MAX])
{
    if (!code[0] || strlen(code) >= CODE_SIZE)
        return mval(row, 0);
    return mval(row, row_code(code, kind, row));
}

static void name_copy(MDB_val v, char *out)
{
    memcpy(out, v.mv_data, v.mv_size);
    out[v.mv_size] = '\0';
}

/* The unit's row first: its positions' rows follow it, most often in the
 * same chunk. */
int store_post_names(stxn *t, const char *position, const char *unit, char title[NAME_SIZE],
                     char unit_name[NAME_SIZE])
{
    char rows[2][ROW_MAX];
    MDB_val codes[2] = {row_of(UNIT, unit, rows[0]), row_of(POSITION, position, rows[1])};
    MDB_val vals[2], tv;
    int found[2];
    title[0] = unit_name[0] = '\0';
    if (store_cc_get_each(t, DB_POST_NAMES, 2, codes, vals, found) != STORE_OK)
        return STORE_ERROR;
    if (found[0] == STORE_OK && vals[0].mv_size > STORE_CC_VAL_MAX)
        return store_damaged(t, DB_POST_NAMES, codes[0]);
    if (found[0] == STORE_OK)
        name_copy(vals[0], unit_name);
    if (found[1] != STORE_OK)
        return STORE_OK;
    int tr = title_of(t, vals[1], &tv);
    if (tr != STORE_OK)         /* a position has its title: none is damage */
        return tr == STORE_ERROR ? tr : store_damaged(t, DB_POST_NAMES, codes[1]);
    name_copy(tv, title);
    return STORE_OK;
}

/* --- the check ------------------------------------------------------------------- */

struct post_check {
    stxn *t;
    size_t units, positions;
    struct store_findings *f;
};

/* A row names a record of its kind and code and gives its name. */
static int check_row(const char *row, size_t n, MDB_val val, void *ctx)
{
    struct post_check *x = ctx;
    union { struct position p; struct unit u; } rec;
    char c[CODE_SIZE], want[NAME_SIZE];
    MDB_val got = val;
    const char *table = store_db_name(DB_POST_NAMES);
    char kind = n >= 3 ? row[n - 1] : 0;
    if (n < 3 || n - 2 >= CODE_SIZE || row[n - 2] != '\0' || (kind != UNIT && kind != POSITION) ||
        memchr(row, '\0', n - 2)) {
        store_finding(x->f, _("an entry of %s is damaged"), table);
        return 0;
    }
    memcpy(c, row, n - 2);
    c[n - 2] = '\0';
    *(kind == UNIT ? &x->units : &x->positions) += 1;
    int r = kind == UNIT ? store_get_unit(x->t, c, &rec.u) : store_get_position(x->t, c, &rec.p);
    if (r == STORE_ERROR)
        return -1;
    if (r != STORE_OK) {
        store_finding(x->f, _("%s has an entry for %s %s, which has no record"), table,
                      kind == UNIT ? _("unit") : _("position"), c);
        return 0;
    }
    memcpy(want, kind == UNIT ? rec.u.name : rec.p.name, NAME_SIZE);
    want[NAME_SIZE - 1] = '\0';
    if (kind == POSITION && title_of(x->t, val, &got) != STORE_OK)
        got = (MDB_val){NAME_SIZE, NULL};   /* no title: differs from any */
    if (got.mv_size != strlen(want) || memcmp(got.mv_data, want, got.mv_size) != 0)
        store_finding(x->f, _("%s gives %s %s another name than its record"), table,
                      kind == UNIT ? _("unit") : _("position"), c);
    return 0;
}

/* Every row is right, and there are as many of each kind as records
 * (rows ascend: no code twice). */
static void check_rows(stxn *t, struct store_findings *f)
{
    struct post_check x = {.t = t, .f = f};
    const char *table = store_db_name(DB_POST_NAMES);
    if (store_cc_each(t, DB_POST_NAMES, check_row, &x) != 0) {
        store_finding(f, "%s", store_errmsg(t->s));
        return;
    }
    size_t units = store_count_units(t), positions = store_count_positions(t);
    if (x.units != units)
        store_finding(f, _("%s has %zu units for %zu records"), table, x.units, units);
    if (x.positions != positions)
        store_finding(f, _("%s has %zu positions for %zu records"), table, x.positions,
                      positions);
}
/* Every id's title gives that id back, and there are as many titles as
 * ids (so each title names one id). */
static void check_titles(stxn *t, struct store_findings *f)
{
    MDB_cursor *c;
    MDB_val k, v;
    size_t ids = 0, titles = 0;
    const char *table = store_db_name(DB_TITLES);
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_TITLES], &c);
    if (rc != 0) {
        store_finding(f, "%s", mdb_strerror(rc));
        return;
    }
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        const unsigned char *key = k.mv_data;
        unsigned char tk[TITLE_KEY_MAX];
        MDB_val back, bk = {1 + v.mv_size, tk};
        if (key[0] == 't') {
            titles++;
            continue;
        }
        ids++;
        if (key[0] != 'i' || k.mv_size != 1 + ID_LEN || v.mv_size > STORE_CC_VAL_MAX) {
            store_finding(f, _("an entry of %s is damaged"), table);
            continue;
        }
        tk[0] = 't';
        memcpy(tk + 1, v.mv_data, v.mv_size);
        if (mdb_get(t->txn, t->s->dbi[DB_TITLES], &bk, &back) != 0 ||
            back.mv_size != ID_LEN || memcmp(back.mv_data, key + 1, ID_LEN) != 0)
            store_finding(f, _("title %u of %s is not filed under its text"),
                          (unsigned)id_get(key + 1), table);
    }
    mdb_cursor_close(c);
    if (ids != titles)
        store_finding(f, _("%s has %zu titles for %zu ids"), table, titles, ids);
}

int store_post_names_check(stxn *t, char *why, size_t whylen)
{
    struct store_findings f = {0, why, whylen};
    check_titles(t, &f);
    check_rows(t, &f);
    return f.problems;
}
