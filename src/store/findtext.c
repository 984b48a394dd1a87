/* The find text of staff (store_each_staff_match in store.h).
 *
 * `staff find` looks for a piece of a name (or of a NIP) in everyone. It
 * used to read the whole name index into memory first, which at a million
 * people cost far more than the search. The find text keeps what a search
 * reads in the store instead, ready to scan where it lies in the map:
 * one row per person, "NIP (18 digits), case-folded name, newline", rows
 * in NIP order packed into chunks of at most CHUNK_MAX bytes. A chunk's
 * key is the NIP of its first row. A chunk fits in a page (no overflow
 * pages), so a search is a walk of a few tens of thousands of values with
 * one memmem over each, and a change rewrites one chunk.
 *
 * It follows the staff records in the same write transaction: the staff
 * descriptor's derive hook (put, delete, batch), the bulk load
 * (store_text_fill, rows appended in NIP order) and the migration to
 * schema 4 (store_text_rebuild). store_check_indexes compares it with the
 * records (store_text_check). It is derived data: not in the data digest. */
#include <stdio.h>
#include <string.h>
#include "core/fold.h"
#include "core/i18n.h"
#include "store/internal.h"

#define CHUNK_MAX 1792          /* a node of a 4 KiB page holds it inline */
#define ROW_MAX (NIP_LEN + STORE_GROUP_MAX + 1)
#define ROWS_MAX (CHUNK_MAX / (NIP_LEN + 1) + 1)
_Static_assert(sizeof ((struct store_text_fill *)0)->buf >= CHUNK_MAX,
               "a fill buffer holds a chunk");

/* --- rows ------------------------------------------------------------------- */

static const struct store_index_desc *name_index(void)
{
    for (int i = 0; i < store_desc_staff.nindexes; i++)
        if (store_desc_staff.index[i].db == DB_STAFF_BY_NAME)
            return &store_desc_staff.index[i];
    return NULL;
}

/* The row of a person into out (ROW_MAX bytes); its length. The name is
 * folded as the name index folds it; a newline inside becomes a space so
 * that rows stay apart. */
static size_t text_row(const struct staff *s, unsigned char *out)
{
    const struct store_index_desc *ix = name_index();
    memcpy(out, s->nip, NIP_LEN);
    size_t n = ix ? ix->group(s, out + NIP_LEN) : 0;
    for (size_t i = 0; i < n; i++)
        if (out[NIP_LEN + i] == '\n')
            out[NIP_LEN + i] = ' ';
    out[NIP_LEN + n] = '\n';
    return NIP_LEN + n + 1;
}

/* Where the row after the one at `at` starts (len when it is the last). */
static size_t next_row(const unsigned char *p, size_t len, size_t at)
{
    const unsigned char *nl = memchr(p + at, '\n', len - at);
    return nl ? (size_t)(nl - p) + 1 : len;
}

/* --- changes ---------------------------------------------------------------- */

/* The chunk that holds (or would hold) nip: the last whose first NIP is
 * <= nip, else the first. MDB_NOTFOUND when there is no chunk. */
static int chunk_of(MDB_cursor *c, const char *nip, MDB_val *k, MDB_val *v)
{
    *k = (MDB_val){NIP_LEN, (void *)nip};
    int rc = mdb_cursor_get(c, k, v, MDB_SET_RANGE);
    if (rc == 0 && k->mv_size == NIP_LEN && memcmp(k->mv_data, nip, NIP_LEN) == 0)
        return 0;
    if (rc == 0)
        rc = mdb_cursor_get(c, k, v, MDB_PREV);
    else if (rc == MDB_NOTFOUND)
        rc = mdb_cursor_get(c, k, v, MDB_LAST);
    if (rc == MDB_NOTFOUND)
        rc = mdb_cursor_get(c, k, v, MDB_FIRST);
    return rc;
}

static int put_chunk(stxn *t, const unsigned char *p, size_t len)
{
    return store_db_put(t, DB_STAFF_TEXT, (MDB_val){NIP_LEN, (void *)p},
                        (MDB_val){len, (void *)p}, 0);
}

/* Writes buf[0..len) back in place of the chunk that had key old (NULL:
 * none), in two chunks when it grew past CHUNK_MAX. */
static int write_back(stxn *t, const unsigned char *old, unsigned char *buf, size_t len)
{
    if (old && (len == 0 || memcmp(old, buf, NIP_LEN) != 0) &&
        store_db_del(t, DB_STAFF_TEXT, (MDB_val){NIP_LEN, (void *)old}, NULL) == STORE_ERROR)
        return STORE_ERROR;
    if (len == 0)
        return STORE_OK;
    if (len <= CHUNK_MAX)
        return put_chunk(t, buf, len);
    size_t mid = next_row(buf, len, len / 2);
    if (mid >= len)                 /* cannot happen: a row is much shorter */
        mid = next_row(buf, len, 0);
    if (put_chunk(t, buf, mid) != STORE_OK)
        return STORE_ERROR;
    return put_chunk(t, buf + mid, len - mid);
}

/* Puts row (rlen bytes; NULL: takes nip's row out). */
static int text_set(stxn *t, const char *nip, const unsigned char *row, size_t rlen)
{
    unsigned char buf[CHUNK_MAX + ROW_MAX], old[NIP_LEN];
    size_t len = 0;
    bool have = false;
    MDB_cursor *c;
    MDB_val k, v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_TEXT], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_TEXT));
    rc = chunk_of(c, nip, &k, &v);
    if (rc == 0 && (k.mv_size != NIP_LEN || v.mv_size > CHUNK_MAX || v.mv_size < NIP_LEN)) {
        mdb_cursor_close(c);
        return store_damaged(t, DB_STAFF_TEXT, k);
    }
    if (rc == 0) {
        memcpy(buf, v.mv_data, v.mv_size);
        memcpy(old, k.mv_data, NIP_LEN);
        len = v.mv_size;
        have = true;
    }
    mdb_cursor_close(c);
    if (rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_TEXT));
    size_t at = 0;
    while (at < len && memcmp(buf + at, nip, NIP_LEN) < 0)
        at = next_row(buf, len, at);
    bool found = at < len && memcmp(buf + at, nip, NIP_LEN) == 0;
    size_t end = found ? next_row(buf, len, at) : at;
    if (!row && !found)
        return STORE_OK;
    if (row && found && end - at == rlen && memcmp(buf + at, row, rlen) == 0)
        return STORE_OK;
    memmove(buf + at + rlen, buf + end, len - end);
    if (row)
        memcpy(buf + at, row, rlen);
    len = len - (end - at) + rlen;
    return write_back(t, have ? old : NULL, buf, len);
}

int store_text_changed(stxn *t, const struct staff *old, const struct staff *rec)
{
    unsigned char a[ROW_MAX], b[ROW_MAX];
    size_t na = old ? text_row(old, a) : 0, nb = rec ? text_row(rec, b) : 0;
    if (old && rec && na == nb && memcmp(a, b, na) == 0)
        return STORE_OK;            /* the name did not change */
    if (old && rec && memcmp(old->nip, rec->nip, NIP_LEN) != 0 &&
        text_set(t, old->nip, NULL, 0) != STORE_OK)
        return STORE_ERROR;
    return text_set(t, rec ? rec->nip : old->nip, rec ? b : NULL, nb);
}

/* --- filling in NIP order ------------------------------------------------------ */

int store_text_fill_open(struct store_text_fill *f, stxn *t)
{
    f->len = 0;
    return store_appender_open(&f->app, t, DB_STAFF_TEXT, false);
}

static int fill_flush(struct store_text_fill *f)
{
    if (!f->len)
        return STORE_OK;
    int r = store_appender_put(&f->app, (MDB_val){NIP_LEN, f->buf}, (MDB_val){f->len, f->buf}, 0);
    f->len = 0;
    return r;
}

int store_text_fill_add(struct store_text_fill *f, const struct staff *s)
{
    unsigned char row[ROW_MAX];
    size_t n = text_row(s, row);
    if (f->len + n > CHUNK_MAX && fill_flush(f) != STORE_OK)
        return STORE_ERROR;
    memcpy(f->buf + f->len, row, n);
    f->len += n;
    return STORE_OK;
}

int store_text_fill_close(struct store_text_fill *f, bool keep)
{
    int r = keep ? fill_flush(f) : STORE_OK;
    store_appender_close(&f->app);
    return r;
}

static int fill_one(const struct staff *s, void *ctx)
{
    return store_text_fill_add(ctx, s) == STORE_OK ? 0 : -1;
}

int store_text_rebuild(stxn *t)
{
    struct store_text_fill f;
    int e = mdb_drop(t->txn, t->s->dbi[DB_STAFF_TEXT], 0);
    if (e != 0)
        return store_fail_mdb(t, e, store_db_name(DB_STAFF_TEXT));
    if (store_text_fill_open(&f, t) != STORE_OK)
        return STORE_ERROR;
    int r = store_each_staff(t, NULL, fill_one, &f);
    return store_text_fill_close(&f, r == 0) == STORE_OK && r == 0 ? STORE_OK : STORE_ERROR;
}

/* --- the check ------------------------------------------------------------------- */

struct text_check {
    MDB_cursor *c;
    MDB_val k, v;
    size_t at;                  /* the next row in v */
    bool more;                  /* v holds a chunk */
    int problems;
    char *why;
    size_t whylen;
};

/* Counts a problem; true when it is the first, to be told in why. */
static bool first_problem(struct text_check *x)
{
    return x->problems++ == 0 && x->why;
}

/* The next chunk, each checked for its shape. */
static void next_chunk(struct text_check *x, MDB_cursor_op op)
{
    x->more = mdb_cursor_get(x->c, &x->k, &x->v, op) == 0;
    x->at = 0;
    if (x->more && (x->k.mv_size != NIP_LEN || x->v.mv_size < NIP_LEN + 1 ||
                    x->v.mv_size > CHUNK_MAX || memcmp(x->k.mv_data, x->v.mv_data, NIP_LEN) != 0 ||
                    ((const char *)x->v.mv_data)[x->v.mv_size - 1] != '\n')) {
        if (first_problem(x))
            snprintf(x->why, x->whylen, "%s", _("a chunk of the find text of staff is damaged"));
        x->more = false;
    }
}

static int check_person(const struct staff *s, void *ctx)
{
    struct text_check *x = ctx;
    unsigned char want[ROW_MAX];
    size_t n = text_row(s, want);
    if (x->more && x->at >= x->v.mv_size)
        next_chunk(x, MDB_NEXT);
    const unsigned char *p = x->v.mv_data;
    size_t end = x->more ? next_row(p, x->v.mv_size, x->at) : 0;
    if (!x->more || end - x->at != n || memcmp(p + x->at, want, n) != 0) {
        if (first_problem(x))
            snprintf(x->why, x->whylen, _("the find text of staff differs from the record of %s"),
                     s->nip);
        return 1;               /* the rest would differ too: one finding */
    }
    x->at = end;
    return 0;
}

int store_text_check(stxn *t, char *why, size_t whylen)
{
    struct text_check x = {.why = why, .whylen = whylen};
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_TEXT], &x.c);
    if (rc != 0) {
        snprintf(why, whylen, "%s", mdb_strerror(rc));
        return 1;
    }
    next_chunk(&x, MDB_FIRST);
    int r = store_each_staff(t, NULL, check_person, &x);
    if (r < 0 && first_problem(&x))
        snprintf(why, whylen, "%s", store_errmsg(t->s));
    if (r == 0 && x.more && x.at >= x.v.mv_size)
        next_chunk(&x, MDB_NEXT);
    if (r == 0 && x.more && first_problem(&x))
        snprintf(why, whylen, _("the find text of staff has a row for %.18s, who is not in staff"),
                 (const char *)x.v.mv_data + x.at);
    mdb_cursor_close(x.c);
    return x.problems;
}

/* --- searching ---------------------------------------------------------------------- */

struct needle {
    char text[256];             /* folded */
    size_t len;
    char digits[NIP_LEN + 1];   /* the digits, when the text is nothing else */
    size_t dlen;
};

/* As the screen's search (store/corpus.c): the text folded, spaces kept,
 * against the names; its digits, spaces left out, against the NIPs when
 * it holds nothing but digits and spaces. */
static bool needle_of(const char *text, struct needle *n)
{
    bool all_digits = true;
    n->len = n->dlen = 0;
    for (const char *p = text; *p; p++) {
        if (n->len == sizeof n->text || *p == '\n')
            return false;
        n->text[n->len++] = (char)fold_char((unsigned char)*p);
        if (*p == ' ')
            continue;
        if (*p < '0' || *p > '9' || n->dlen == NIP_LEN)
            all_digits = false;
        else
            n->digits[n->dlen++] = *p;
    }
    if (!all_digits)
        n->dlen = 0;
    return n->len > 0;
}

/* The row start before offset off. */
static size_t row_start(const unsigned char *p, size_t off)
{
    const unsigned char *nl = memrchr(p, '\n', off);
    return nl ? (size_t)(nl - p) + 1 : 0;
}

/* Rows of the chunk whose name holds the needle (nip false) or whose NIP
 * holds it (nip true): their starts into rows, ascending; how many. */
static size_t chunk_hits(const unsigned char *p, size_t len, const char *s, size_t n, bool nip,
                         size_t *rows)
{
    size_t m = 0, from = 0;
    while (from + n <= len && m < ROWS_MAX) {
        const unsigned char *h = memmem(p + from, len - from, s, n);
        if (!h)
            break;
        size_t off = (size_t)(h - p), rs = row_start(p, off);
        bool ok = nip ? off + n <= rs + NIP_LEN : off >= rs + NIP_LEN;
        if (ok) {
            rows[m++] = rs;
            from = next_row(p, len, off);
        } else {
            from = off + 1;
        }
    }
    return m;
}

int store_each_staff_match(stxn *t, const char *text, store_match_cb cb, void *ctx)
{
    struct needle n;
    if (!needle_of(text, &n))
        return 0;
    MDB_cursor *c;
    MDB_val k, v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_TEXT], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_TEXT));
    int r = 0;
    size_t a[ROWS_MAX], b[ROWS_MAX];
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && r == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        const unsigned char *p = v.mv_data;
        size_t na = chunk_hits(p, v.mv_size, n.text, n.len, false, a);
        size_t nb = n.dlen ? chunk_hits(p, v.mv_size, n.digits, n.dlen, true, b) : 0;
        /* both lists ascend: merged, a row once */
        for (size_t i = 0, j = 0; r == 0 && (i < na || j < nb);) {
            size_t at = j >= nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
            i += i < na && a[i] == at;
            j += j < nb && b[j] == at;
            char nip[NIP_LEN + 1];
            memcpy(nip, p + at, NIP_LEN);
            nip[NIP_LEN] = '\0';
            r = cb(nip, ctx);
        }
    }
    mdb_cursor_close(c);
    if (r == 0 && rc != MDB_NOTFOUND && rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_TEXT));
    return r;
}
