/* Codes with a short value each, packed in chunks (the table of post
 * names, post_names.c; internal.h).
 *
 * A table of 747,000 position codes with a title id each, one entry a
 * code, takes 6,100 pages (LMDB's node header and the whole code each
 * time): random look-ups then still fault hundreds of 64 KB windows of
 * the map in. Codes in order share most of their bytes with the one
 * before ("1101.BAPENDA.1-01", "1101.BAPENDA.1-02"), so a chunk keeps,
 * for each code, only what differs from the one before it:
 *     n (2 bytes, big-endian) | n rows, each
 *         shared (1 byte: bytes in common with the code before; 0 for the
 *         first) | len (1 byte) | len bytes of the code after those |
 *         vlen (1 byte) | the value (vlen bytes)
 * under the key of its first code, at most STORE_CC_CHUNK bytes (several
 * fit in a page): about 8 bytes a code with a 3-byte value. A look-up is
 * one search for the chunk and a scan of some dozens of rows (small
 * chunks: the scan reads memory the page fault just mapped, cold); a
 * change rewrites one chunk (two when it outgrows its room). */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "store/internal.h"

#define HEAD 2
#define ROW_MIN (2 + 1 + 1)     /* codes differ: at least a byte each */
#define ROWS_MAX (STORE_CC_CHUNK / ROW_MIN + 2)
#define CODE_MAX STORE_CC_CODE_MAX

/* A chunk taken apart: row i is code[i] (len[i] bytes) with its value. */
struct store_cc_rows {
    size_t n;
    unsigned char code[ROWS_MAX + 1][CODE_MAX];
    unsigned char len[ROWS_MAX + 1];
    unsigned char val[ROWS_MAX + 1][STORE_CC_VAL_MAX];
    unsigned char vlen[ROWS_MAX + 1];
};

static size_t common(const unsigned char *a, size_t an, const unsigned char *b, size_t bn)
{
    size_t i = 0;
    while (i < an && i < bn && a[i] == b[i])
        i++;
    return i;
}

/* As LMDB orders keys: bytes, then the shorter first. */
static int code_cmp(const unsigned char *a, size_t an, const unsigned char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    return c ? c : (an > bn) - (an < bn);
}

static size_t row_size(const struct store_cc_rows *r, size_t first, size_t i)
{
    size_t s = i > first ? common(r->code[i - 1], r->len[i - 1], r->code[i], r->len[i]) : 0;
    return 2 + r->len[i] - s + 1 + r->vlen[i];
}

/* The bytes rows [a, b) take as a chunk. */
static size_t rows_size(const struct store_cc_rows *r, size_t a, size_t b)
{
    size_t size = HEAD;
    for (size_t i = a; i < b; i++)
        size += row_size(r, a, i);
    return size;
}

static size_t rows_build(const struct store_cc_rows *r, size_t a, size_t b, unsigned char *out)
{
    size_t at = HEAD;
    out[0] = (unsigned char)((b - a) >> 8);
    out[1] = (unsigned char)(b - a);
    for (size_t i = a; i < b; i++) {
        size_t s = i > a ? common(r->code[i - 1], r->len[i - 1], r->code[i], r->len[i]) : 0;
        out[at++] = (unsigned char)s;
        out[at++] = (unsigned char)(r->len[i] - s);
        memcpy(out + at, r->code[i] + s, r->len[i] - s);
        at += r->len[i] - s;
        out[at++] = r->vlen[i];
        memcpy(out + at, r->val[i], r->vlen[i]);
        at += r->vlen[i];
    }
    return at;
}

/* Steps through a chunk's rows without keeping them. */
struct reader {
    const unsigned char *p;
    size_t len, at, left;
    unsigned char code[CODE_MAX];
    size_t clen;
    MDB_val val;
};

static bool reader_open(struct reader *rd, MDB_val v)
{
    rd->p = v.mv_data;
    rd->len = v.mv_size;
    rd->clen = 0;
    rd->at = HEAD;
    if (v.mv_size < HEAD + ROW_MIN)
        return false;
    rd->left = (size_t)rd->p[0] << 8 | rd->p[1];
    return rd->left > 0;
}

/* The next row into rd: 1, 0 at the end, -1 when the chunk is damaged
 * (codes not ascending included). */
static int reader_next(struct reader *rd)
{
    if (!rd->left)
        return rd->at == rd->len ? 0 : -1;
    if (rd->at + 3 > rd->len)
        return -1;
    size_t s = rd->p[rd->at], n = rd->p[rd->at + 1];
    if (s > rd->clen || (rd->at == HEAD && s != 0) || n == 0 || s + n > CODE_MAX ||
        rd->at + 2 + n + 1 > rd->len)
        return -1;
    const unsigned char *rest = rd->p + rd->at + 2;
    size_t vl = rest[n];
    if (vl > STORE_CC_VAL_MAX || rd->at + 2 + n + 1 + vl > rd->len)
        return -1;
    if (rd->at > HEAD && code_cmp(rd->code + s, rd->clen - s, rest, n) >= 0)
        return -1;
    memcpy(rd->code + s, rest, n);
    rd->clen = s + n;
    rd->val = (MDB_val){vl, (void *)(rest + n + 1)};
    rd->at += 2 + n + 1 + vl;
    rd->left--;
    return 1;
}

/* The chunk's rows into r; false when it is damaged. */
static bool rows_parse(MDB_val v, struct store_cc_rows *r)
{
    struct reader rd;
    int got;
    r->n = 0;
    if (!reader_open(&rd, v))
        return false;
    while ((got = reader_next(&rd)) == 1) {
        memcpy(r->code[r->n], rd.code, rd.clen);
        r->len[r->n] = (unsigned char)rd.clen;
        memcpy(r->val[r->n], rd.val.mv_data, rd.val.mv_size);
        r->vlen[r->n++] = (unsigned char)rd.val.mv_size;
    }
    return got == 0;
}

/* The chunk that holds (or would hold) code: the last whose first code
 * is <= code, else the first. MDB_NOTFOUND when there is none. */
static int chunk_of(MDB_cursor *c, const char *code, size_t n, MDB_val *k, MDB_val *v)
{
    *k = (MDB_val){n, (void *)code};
    int rc = mdb_cursor_get(c, k, v, MDB_SET_RANGE);
    if (rc == 0 && k->mv_size == n && memcmp(k->mv_data, code, n) == 0)
        return 0;
    if (rc == 0)
        rc = mdb_cursor_get(c, k, v, MDB_PREV);
    else if (rc == MDB_NOTFOUND)
        rc = mdb_cursor_get(c, k, v, MDB_LAST);
    if (rc == MDB_NOTFOUND)
        rc = mdb_cursor_get(c, k, v, MDB_FIRST);
    return rc;
}

/* The value of code (n bytes) in the chunk v: 1 found, 0 not there, -1
 * damaged. Front coding lets the scan compare almost nothing: m is what
 * the code at hand shares with the one sought; a row sharing more than m
 * with the code before it is still below the one sought, a row sharing
 * less is past it, only a row sharing exactly m is compared. */
static int chunk_find(MDB_val v, const unsigned char *code, size_t n, MDB_val *val)
{
    const unsigned char *p = v.mv_data;
    size_t len = v.mv_size, at = HEAD, m = 0, clen = 0;
    if (len < HEAD + ROW_MIN)
        return -1;
    for (size_t left = (size_t)p[0] << 8 | p[1]; left; left--) {
        if (at + 3 > len)
            return -1;
        size_t s = p[at], k = p[at + 1];
        const unsigned char *rest = p + at + 2;
        if (s > clen || k == 0 || s + k > CODE_MAX || at + 2 + k + 1 > len)
            return -1;
        size_t vl = rest[k];
        if (at + 2 + k + 1 + vl > len)
            return -1;
        at += 2 + k + 1 + vl;
        clen = s + k;
        if (s > m)
            continue;           /* below, as the row before */
        if (s < m)
            return 0;           /* past it */
        size_t c = common(rest, k, code + m, n - m);
        m += c;
        if (c == k && m == n) {
            *val = (MDB_val){vl, (void *)(rest + k + 1)};
            return 1;
        }
        if (c < k && (m == n || rest[c] > code[m]))
            return 0;           /* past it */
    }
    return 0;
}

/* The chunk for code, the cursor on the chunk (k, v) of a code looked
 * up before when placed: stepping forward from there when that chunk
 * starts at or before code (a unit's positions follow it), else
 * searching from the root. */
static int chunk_from(MDB_cursor *c, bool placed, const char *code, size_t n, MDB_val *k,
                      MDB_val *v)
{
    const unsigned char *want = (const unsigned char *)code;
    if (!placed || code_cmp(k->mv_data, k->mv_size, want, n) > 0)
        return chunk_of(c, code, n, k, v);
    for (int steps = 0; steps < 4; steps++) {
        MDB_val nk, nv;
        int rc = mdb_cursor_get(c, &nk, &nv, MDB_NEXT);
        if (rc == MDB_NOTFOUND || (rc == 0 && code_cmp(nk.mv_data, nk.mv_size, want, n) > 0))
            return 0;           /* (k, v) holds it, if any does */
        if (rc != 0)
            return rc;
        *k = nk;
        *v = nv;
    }
    return chunk_of(c, code, n, k, v);
}

int store_cc_get_each(stxn *t, int db, size_t count, const MDB_val *codes, MDB_val *vals,
                      int *found)
{
    MDB_cursor *c;
    MDB_val k, v;
    bool placed = false;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    for (size_t i = 0; i < count; i++)
        found[i] = STORE_NOTFOUND;
    for (size_t i = 0; i < count; i++) {
        if (codes[i].mv_size == 0 || codes[i].mv_size > CODE_MAX)
            continue;
        rc = chunk_from(c, placed, codes[i].mv_data, codes[i].mv_size, &k, &v);
        if (rc == MDB_NOTFOUND)
            break;              /* no chunks */
        if (rc != 0) {
            mdb_cursor_close(c);
            return store_fail_mdb(t, rc, store_db_name(db));
        }
        placed = true;
        int got = chunk_find(v, codes[i].mv_data, codes[i].mv_size, &vals[i]);
        if (got < 0) {
            mdb_cursor_close(c);
            return store_damaged(t, db, k);
        }
        found[i] = got ? STORE_OK : STORE_NOTFOUND;
    }
    mdb_cursor_close(c);
    return STORE_OK;
}

/* --- changes ---------------------------------------------------------------- */

static int put_rows(stxn *t, int db, const struct store_cc_rows *r, size_t a, size_t b)
{
    unsigned char buf[STORE_CC_CHUNK + STORE_CC_VAL_MAX + CODE_MAX + 4];
    size_t len = rows_build(r, a, b, buf);
    return store_db_put(t, db, (MDB_val){r->len[a], (void *)r->code[a]}, (MDB_val){len, buf}, 0);
}

/* r back in place of the chunk under old (size 0: none), in two chunks
 * when it outgrew STORE_CC_CHUNK. */
static int write_back(stxn *t, int db, MDB_val old, const struct store_cc_rows *r)
{
    bool moved = r->n == 0 || old.mv_size != r->len[0] ||
                 memcmp(old.mv_data, r->code[0], old.mv_size) != 0;
    if (old.mv_size && moved && store_db_del(t, db, old, NULL) == STORE_ERROR)
        return STORE_ERROR;
    if (r->n == 0)
        return STORE_OK;
    size_t all = rows_size(r, 0, r->n);
    if (all <= STORE_CC_CHUNK || r->n == 1)
        return put_rows(t, db, r, 0, r->n);
    size_t mid = 1;             /* the first half: half the bytes or just under */
    while (mid + 1 < r->n && rows_size(r, 0, mid + 1) <= all / 2)
        mid++;
    if (put_rows(t, db, r, 0, mid) != STORE_OK)
        return STORE_ERROR;
    return put_rows(t, db, r, mid, r->n);
}

static int bad_row(stxn *t, const char *code, size_t n, const MDB_val *val)
{
    if (n == 0 || n > CODE_MAX)
        return store_fail(t->s, _("code \"%.*s\" must have 1 to %d bytes"), (int)n, code,
                          CODE_MAX);
    if (val && val->mv_size > STORE_CC_VAL_MAX)
        return store_fail(t->s, _("the name of %.*s is too long"), (int)n, code);
    return STORE_OK;
}

int store_cc_set(stxn *t, int db, const char *code, size_t n, const MDB_val *val)
{
    static struct store_cc_rows r;      /* one write transaction at a time */
    unsigned char oldkey[CODE_MAX];
    MDB_val old = {0, oldkey};
    MDB_cursor *c;
    MDB_val k, v;
    if (bad_row(t, code, n, val) != STORE_OK)
        return STORE_ERROR;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    r.n = 0;
    rc = chunk_of(c, code, n, &k, &v);
    if (rc == 0 && (k.mv_size > CODE_MAX || !rows_parse(v, &r))) {
        mdb_cursor_close(c);
        return store_damaged(t, db, k);
    }
    if (rc == 0) {
        memcpy(oldkey, k.mv_data, k.mv_size);
        old.mv_size = k.mv_size;
    }
    mdb_cursor_close(c);
    if (rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(db));
    size_t at = 0;
    while (at < r.n && code_cmp(r.code[at], r.len[at], (const unsigned char *)code, n) < 0)
        at++;
    bool found = at < r.n && code_cmp(r.code[at], r.len[at], (const unsigned char *)code, n) == 0;
    if (!val && !found)
        return STORE_OK;
    if (val && found && r.vlen[at] == val->mv_size &&
        memcmp(r.val[at], val->mv_data, val->mv_size) == 0)
        return STORE_OK;
    if (!val || !found) {       /* a row out, or room for one */
        size_t keep = r.n - at - (found ? 1 : 0);
        size_t to = at + (val ? 1 : 0), from = at + (found ? 1 : 0);
        memmove(r.code[to], r.code[from], keep * sizeof *r.code);
        memmove(&r.len[to], &r.len[from], keep * sizeof *r.len);
        memmove(r.val[to], r.val[from], keep * sizeof *r.val);
        memmove(&r.vlen[to], &r.vlen[from], keep * sizeof *r.vlen);
        r.n = to + keep;
    }
    if (val) {
        memcpy(r.code[at], code, n);
        r.len[at] = (unsigned char)n;
        memcpy(r.val[at], val->mv_data, val->mv_size);
        r.vlen[at] = (unsigned char)val->mv_size;
    }
    return write_back(t, db, old, &r);
}

/* --- filling in code order ------------------------------------------------------ */

int store_cc_fill_open(struct store_cc_fill *f, stxn *t, int db)
{
    f->db = db;
    f->size = HEAD;
    f->rows = calloc(1, sizeof *f->rows);
    if (!f->rows)
        return store_fail(t->s, _("out of memory"));
    if (store_appender_open(&f->app, t, db, false) != STORE_OK) {
        free(f->rows);
        f->rows = NULL;
        return STORE_ERROR;
    }
    return STORE_OK;
}

static int fill_flush(struct store_cc_fill *f)
{
    unsigned char buf[STORE_CC_CHUNK];
    struct store_cc_rows *r = f->rows;
    if (!r->n)
        return STORE_OK;
    size_t len = rows_build(r, 0, r->n, buf);
    MDB_val k = {r->len[0], r->code[0]};
    int rc = store_appender_put(&f->app, k, (MDB_val){len, buf}, 0);
    r->n = 0;
    f->size = HEAD;
    return rc;
}

int store_cc_fill_add(struct store_cc_fill *f, const char *code, size_t n, MDB_val val)
{
    struct store_cc_rows *r = f->rows;
    if (bad_row(f->app.t, code, n, &val) != STORE_OK)
        return STORE_ERROR;
    size_t s = r->n ? common(r->code[r->n - 1], r->len[r->n - 1], (const unsigned char *)code, n)
                    : 0;
    if (r->n && f->size + 2 + n - s + 1 + val.mv_size > STORE_CC_CHUNK) {
        if (fill_flush(f) != STORE_OK)
            return STORE_ERROR;
        s = 0;
    }
    memcpy(r->code[r->n], code, n);
    r->len[r->n] = (unsigned char)n;
    memcpy(r->val[r->n], val.mv_data, val.mv_size);
    r->vlen[r->n++] = (unsigned char)val.mv_size;
    f->size += 2 + n - s + 1 + val.mv_size;
    return STORE_OK;
}

int store_cc_fill_close(struct store_cc_fill *f, bool keep)
{
    if (!f->rows)
        return STORE_OK;
    int r = keep ? fill_flush(f) : STORE_OK;
    store_appender_close(&f->app);
    free(f->rows);
    f->rows = NULL;
    return r;
}

/* --- every row ---------------------------------------------------------------------- */

int store_cc_each(stxn *t, int db, store_cc_fn fn, void *ctx)
{
    MDB_cursor *c;
    MDB_val k, v;
    unsigned char last[CODE_MAX];
    size_t lastlen = 0;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    int r = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && r == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        struct reader rd;
        int got = reader_open(&rd, v) ? reader_next(&rd) : -1;
        /* the key is the first code, after every code before it */
        if (got != 1 || k.mv_size != rd.clen || memcmp(k.mv_data, rd.code, rd.clen) != 0 ||
            (lastlen && code_cmp(last, lastlen, rd.code, rd.clen) >= 0)) {
            r = store_damaged(t, db, k);
            break;
        }
        for (; got == 1 && r == 0; got = reader_next(&rd))
            r = fn((const char *)rd.code, rd.clen, rd.val, ctx);
        if (r == 0 && got < 0) {
            r = store_damaged(t, db, k);
            break;
        }
        memcpy(last, rd.code, rd.clen);
        lastlen = rd.clen;
    }
    mdb_cursor_close(c);
    if (r == 0 && rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(db));
    return r;
}
