/* The find text of staff (store_each_staff_match in store.h).
 *
 * `staff find` looks for a piece of a name (or of a NIP) in everyone. It
 * used to read the whole name index into memory first, which at a million
 * people cost far more than the search. The find text keeps what a search
 * reads in the store instead, ready to scan where it lies in the map: the
 * people in NIP order, packed into chunks of at most STORE_TEXT_CHUNK
 * bytes, each chunk
 *     n (2 bytes, big-endian) | n case-folded names, each ended by '\n'
 *     | n NIPs as 8-byte big-endian numbers (18 digits fit in 60 bits)
 * under the key of its first NIP (18 digits). The names lie together, so
 * a search is one memchr over the names of a chunk; a chunk fits in a
 * page (no overflow pages); a change rewrites one chunk.
 * The scan lets the page faults map the chunks: each maps 16 pages around
 * it. Mapping them ahead with MADV_POPULATE_READ measured slower (Linux
 * 6.18: it walks the pages one at a time): 10% at L for a needle that
 * matches nobody, 15% for one that matches 3,500 people.
 *
 * A needle with a letter is looked up in the words of names first
 * (words.c); this scan answers the rest.
 *
 * It follows the staff records in the same write transaction: the staff
 * descriptor's derive hook (put, delete, batch), the bulk load
 * (store_text_fill, people appended in NIP order) and the migration to
 * schema 4 (store_text_rebuild). store_check_indexes compares it with the
 * records (store_text_check). It is derived data: not in the data digest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/fold.h"
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"
#include "store/keys.h"

#define CHUNK_MAX STORE_TEXT_CHUNK
#define NAME_MAX_LEN STORE_GROUP_MAX
#define ROWS_MAX STORE_TEXT_ROWS     /* a row takes at least 9 bytes */
#define HEAD 2

/* --- chunks ------------------------------------------------------------------ */

/* A chunk taken apart: row i is NIP nip[i] and name[i] (len[i] bytes). */
struct chunk {
    size_t n;
    uint64_t nip[ROWS_MAX + 1];
    const unsigned char *name[ROWS_MAX + 1];
    size_t len[ROWS_MAX + 1];
};

/* A person's name as the find text holds it into out (NAME_MAX_LEN
 * bytes): the whole name with its titles, folded as the name index folds
 * it, a newline inside made a space so that names stay apart. Its
 * length. */
size_t store_text_name(const struct staff *s, unsigned char *out)
{
    size_t n = strnlen(s->name, NAME_SIZE - 1);
    for (size_t i = 0; i < n; i++)
        out[i] = s->name[i] == '\n' ? ' ' : fold_char((unsigned char)s->name[i]);
    return n;
}

/* The names of a chunk: [*from, *to) of p. False when it is damaged. */
static bool chunk_names(const unsigned char *p, size_t len, size_t *n, size_t *to)
{
    if (len < HEAD + 9)
        return false;
    *n = (size_t)p[0] << 8 | p[1];
    if (*n == 0 || *n > ROWS_MAX || HEAD + 9 * *n > len || p[len - 8 * *n - 1] != '\n')
        return false;
    *to = len - 8 * *n;
    return true;
}

static bool chunk_parse(const unsigned char *p, size_t len, struct chunk *c)
{
    size_t n, to, at = HEAD;
    if (!chunk_names(p, len, &n, &to))
        return false;
    for (c->n = 0; c->n < n; c->n++) {
        const unsigned char *nl = at < to ? memchr(p + at, '\n', to - at) : NULL;
        if (!nl)
            return false;
        c->name[c->n] = p + at;
        c->len[c->n] = (size_t)(nl - p) - at;
        c->nip[c->n] = codec_from_be64(p + to + 8 * c->n);
        at = (size_t)(nl - p) + 1;
    }
    return at == to;
}

/* The bytes rows [a, b) of c take as a chunk. */
static size_t chunk_size(const struct chunk *c, size_t a, size_t b)
{
    size_t size = HEAD;
    for (size_t i = a; i < b; i++)
        size += c->len[i] + 1 + 8;
    return size;
}

/* Rows [a, b) of c as a chunk into out; its key (18 digits) into key. */
static size_t chunk_build(const struct chunk *c, size_t a, size_t b, unsigned char *out,
                          char key[NIP_LEN + 1])
{
    size_t at = HEAD;
    out[0] = (unsigned char)((b - a) >> 8);
    out[1] = (unsigned char)(b - a);
    for (size_t i = a; i < b; i++) {
        memcpy(out + at, c->name[i], c->len[i]);
        out[at + c->len[i]] = '\n';
        at += c->len[i] + 1;
    }
    for (size_t i = a; i < b; i++, at += 8)
        codec_be64(out + at, c->nip[i]);
    store_nip_text(c->nip[a], key);
    return at;
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

static int put_rows(stxn *t, const struct chunk *c, size_t a, size_t b)
{
    unsigned char buf[CHUNK_MAX];
    char key[NIP_LEN + 1];
    size_t len = chunk_build(c, a, b, buf, key);
    return store_db_put(t, DB_STAFF_TEXT, (MDB_val){NIP_LEN, key}, (MDB_val){len, buf}, 0);
}

/* Writes c back in place of the chunk that had key old (NULL: none), in
 * two chunks when it grew past CHUNK_MAX. */
static int write_back(stxn *t, const char *old, const struct chunk *c)
{
    char key[NIP_LEN + 1];
    if (c->n)
        store_nip_text(c->nip[0], key);
    if (old && (c->n == 0 || memcmp(old, key, NIP_LEN) != 0) &&
        store_db_del(t, DB_STAFF_TEXT, (MDB_val){NIP_LEN, (void *)old}, NULL) == STORE_ERROR)
        return STORE_ERROR;
    if (c->n == 0)
        return STORE_OK;
    if (chunk_size(c, 0, c->n) <= CHUNK_MAX)
        return put_rows(t, c, 0, c->n);
    size_t mid = 1;             /* the first half: half the bytes or just under */
    while (mid + 1 < c->n && chunk_size(c, 0, mid + 1) <= chunk_size(c, 0, c->n) / 2)
        mid++;
    if (put_rows(t, c, 0, mid) != STORE_OK)
        return STORE_ERROR;
    return put_rows(t, c, mid, c->n);
}

/* Gives nip the name (len bytes; NULL: takes nip's row out). */
static int text_set(stxn *t, const char *nip, const unsigned char *name, size_t len)
{
    static struct chunk c;      /* one write transaction at a time */
    unsigned char copy[CHUNK_MAX];
    char old[NIP_LEN];
    uint64_t v64;
    bool have = false;
    MDB_cursor *cur;
    MDB_val k, v;
    if (!store_nip_number(nip, &v64))
        return store_fail(t->s, _("staff %s has no NIP of 18 digits"), nip);
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_TEXT], &cur);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_TEXT));
    c.n = 0;
    rc = chunk_of(cur, nip, &k, &v);
    if (rc == 0) {
        if (k.mv_size != NIP_LEN || v.mv_size > CHUNK_MAX ||
            !chunk_parse(memcpy(copy, v.mv_data, v.mv_size), v.mv_size, &c)) {
            mdb_cursor_close(cur);
            return store_damaged(t, DB_STAFF_TEXT, k);
        }
        memcpy(old, k.mv_data, NIP_LEN);
        have = true;
    }
    mdb_cursor_close(cur);
    if (rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_TEXT));
    size_t at = 0;
    while (at < c.n && c.nip[at] < v64)
        at++;
    bool found = at < c.n && c.nip[at] == v64;
    if (!name && !found)
        return STORE_OK;
    if (name && found && c.len[at] == len && memcmp(c.name[at], name, len) == 0)
        return STORE_OK;
    if (!name || !found) {      /* a row out, or room for one */
        size_t keep = c.n - at - (found ? 1 : 0);
        size_t to = at + (name ? 1 : 0), from = at + (found ? 1 : 0);
        memmove(&c.nip[to], &c.nip[from], keep * sizeof *c.nip);
        memmove(&c.name[to], &c.name[from], keep * sizeof *c.name);
        memmove(&c.len[to], &c.len[from], keep * sizeof *c.len);
        c.n = to + keep;
    }
    if (name) {
        c.nip[at] = v64;
        c.name[at] = name;
        c.len[at] = len;
    }
    return write_back(t, have ? old : NULL, &c);
}

void store_name_change_of(struct store_name_change *c, const struct staff *old,
                          const struct staff *rec)
{
    c->old = old;
    c->rec = rec;
    c->nwas = old ? store_text_name(old, c->was) : 0;
    c->nnow = rec ? store_text_name(rec, c->now) : 0;
}

int store_text_changed(stxn *t, const struct store_name_change *c)
{
    const struct staff *old = c->old, *rec = c->rec;
    if (old && rec && strcmp(old->nip, rec->nip) == 0 && c->nwas == c->nnow &&
        memcmp(c->was, c->now, c->nwas) == 0)
        return STORE_OK;            /* the name did not change */
    if (old && rec && strcmp(old->nip, rec->nip) != 0 &&
        text_set(t, old->nip, NULL, 0) != STORE_OK)
        return STORE_ERROR;
    return text_set(t, rec ? rec->nip : old->nip, rec ? c->now : NULL, c->nnow);
}

/* --- filling in NIP order ------------------------------------------------------ */

/* The words of the names are filed as the text fills: the same people,
 * once each, written in word order at the close. */
int store_text_fill_open(struct store_text_fill *f, stxn *t)
{
    f->len = f->n = 0;
    f->words = NULL;
    if (store_words_clear(t) != STORE_OK)
        return STORE_ERROR;
    f->words = store_words_acc_new();
    if (!f->words)
        return store_fail(t->s, _("out of memory"));
    /* People come in NIP order: their words are written as they fill. */
    if (store_words_acc_stream(f->words, t) != STORE_OK) {
        store_words_acc_free(f->words);
        f->words = NULL;
        return STORE_ERROR;
    }
    if (store_appender_open(&f->app, t, DB_STAFF_TEXT, false) != STORE_OK) {
        store_words_acc_free(f->words);
        f->words = NULL;
        return STORE_ERROR;
    }
    return STORE_OK;
}

static int fill_flush(struct store_text_fill *f)
{
    static struct chunk c;      /* one write transaction at a time */
    unsigned char buf[CHUNK_MAX];
    char key[NIP_LEN + 1];
    if (!f->n)
        return STORE_OK;
    c.n = 0;
    for (size_t at = 0; c.n < f->n; c.n++) {
        const unsigned char *nl = memchr(f->names + at, '\n', f->len - at);
        c.nip[c.n] = f->nips[c.n];
        c.name[c.n] = f->names + at;
        c.len[c.n] = (size_t)(nl - f->names) - at;
        at += c.len[c.n] + 1;
    }
    size_t len = chunk_build(&c, 0, c.n, buf, key);
    f->len = f->n = 0;
    return store_appender_put(&f->app, (MDB_val){NIP_LEN, key}, (MDB_val){len, buf}, 0);
}

int store_text_fill_add_name(struct store_text_fill *f, const struct staff *s,
                             const unsigned char *name, size_t n)
{
    uint64_t v;
    if (!store_nip_number(s->nip, &v))
        return store_fail(f->app.t->s, _("staff %s has no NIP of 18 digits"), s->nip);
    if (HEAD + f->len + 8 * f->n + n + 1 + 8 > CHUNK_MAX && fill_flush(f) != STORE_OK)
        return STORE_ERROR;
    memcpy(f->names + f->len, name, n);
    f->names[f->len + n] = '\n';
    f->len += n + 1;
    f->nips[f->n++] = v;
    int r = store_words_acc_add_name(f->words, name, n, v);
    if (r == -1)
        return store_fail(f->app.t->s, _("out of memory"));
    return r == 0 ? STORE_OK : STORE_ERROR;
}

int store_text_fill_add(struct store_text_fill *f, const struct staff *s)
{
    unsigned char name[NAME_MAX_LEN];
    size_t n = store_text_name(s, name);
    return store_text_fill_add_name(f, s, name, n);
}

int store_text_fill_close(struct store_text_fill *f, bool keep)
{
    int r = keep ? fill_flush(f) : STORE_OK;
    if (keep && r == STORE_OK)
        r = store_words_acc_write(f->app.t, f->words);
    store_appender_close(&f->app);
    store_words_acc_free(f->words);
    f->words = NULL;
    return r;
}

static int fill_one(const struct staff *s, void *ctx)
{
    return store_text_fill_add(ctx, s) == STORE_OK ? 0 : -1;
}

int store_text_rebuild(stxn *t)
{
    struct store_text_fill *f = malloc(sizeof *f);
    if (!f)
        return store_fail(t->s, _("out of memory"));
    int e = mdb_drop(t->txn, t->s->dbi[DB_STAFF_TEXT], 0);
    if (e != 0) {
        free(f);
        return store_fail_mdb(t, e, store_db_name(DB_STAFF_TEXT));
    }
    if (store_text_fill_open(f, t) != STORE_OK) {
        free(f);
        return STORE_ERROR;
    }
    int r = store_each_staff(t, NULL, fill_one, f);
    r = store_text_fill_close(f, r == 0) == STORE_OK && r == 0 ? STORE_OK : STORE_ERROR;
    free(f);
    return r;
}

/* --- the check ------------------------------------------------------------------- */

struct text_check {
    MDB_cursor *c;
    MDB_val k;
    struct chunk ch;
    size_t at;                  /* the next row of ch */
    bool more;                  /* ch holds a chunk */
    int problems;
    char *why;
    size_t whylen;
};

/* Counts a problem; true when it is the first, to be told in why. */
static bool first_problem(struct text_check *x)
{
    return x->problems++ == 0 && x->why;
}

/* The next chunk, each checked for its shape and key. */
static void next_chunk(struct text_check *x, MDB_cursor_op op)
{
    MDB_val v;
    char key[NIP_LEN + 1];
    x->more = mdb_cursor_get(x->c, &x->k, &v, op) == 0;
    x->at = 0;
    if (!x->more)
        return;
    if (!chunk_parse(v.mv_data, v.mv_size, &x->ch) || v.mv_size > CHUNK_MAX ||
        (store_nip_text(x->ch.nip[0], key), x->k.mv_size != NIP_LEN) ||
        memcmp(x->k.mv_data, key, NIP_LEN) != 0) {
        if (first_problem(x))
            snprintf(x->why, x->whylen, "%s", _("a chunk of the find text of staff is damaged"));
        x->more = false;
    }
}

static int check_person(const struct staff *s, void *ctx)
{
    struct text_check *x = ctx;
    unsigned char want[NAME_MAX_LEN];
    size_t n = store_text_name(s, want);
    uint64_t v = 0;
    if (x->more && x->at >= x->ch.n)
        next_chunk(x, MDB_NEXT);
    if (!x->more || !store_nip_number(s->nip, &v) || x->ch.nip[x->at] != v ||
        x->ch.len[x->at] != n || memcmp(x->ch.name[x->at], want, n) != 0) {
        if (first_problem(x))
            snprintf(x->why, x->whylen, _("the find text of staff differs from the record of %s"),
                     s->nip);
        return 1;               /* the rest would differ too: one finding */
    }
    x->at++;
    return 0;
}

int store_text_check(stxn *t, char *why, size_t whylen)
{
    struct text_check *x = calloc(1, sizeof *x);
    if (!x) {
        snprintf(why, whylen, "%s", _("out of memory"));
        return 1;
    }
    x->why = why;
    x->whylen = whylen;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_TEXT], &x->c);
    if (rc != 0) {
        snprintf(why, whylen, "%s", mdb_strerror(rc));
        free(x);
        return 1;
    }
    next_chunk(x, MDB_FIRST);
    int r = store_each_staff(t, NULL, check_person, x);
    if (r < 0 && first_problem(x))
        snprintf(why, whylen, "%s", store_errmsg(t->s));
    if (r == 0 && x->more && x->at >= x->ch.n)
        next_chunk(x, MDB_NEXT);
    if (r == 0 && x->more && first_problem(x)) {
        char nip[NIP_LEN + 1];
        store_nip_text(x->ch.nip[x->at], nip);
        snprintf(why, whylen, _("the find text of staff has a row for %s, who is not in staff"),
                 nip);
    }
    mdb_cursor_close(x->c);
    int problems = x->problems;
    free(x);
    return problems;
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

/* How common a byte is in the names, roughly (0 rare .. 9 common): the
 * letters as Indonesian names use them; digits rank last, as they are
 * everywhere in the text of NIPs.
 * A search looks for the needle's rarest byte with memchr, which runs at
 * memory speed, and compares the whole needle only where it occurs. */
static int commonness(unsigned char c)
{
    static const char order[] = "xqzvfcjwbpgoylkdmthsrueni a";  /* rare .. common */
    if (c >= '0' && c <= '9')
        return 9;
    const char *at = c ? strchr(order, c) : NULL;
    return at ? 1 + (int)((at - order) * 8 / (int)(sizeof order - 1)) : 0;
}

/* Where to look first in a needle: its two rarest bytes (the same one
 * twice for a needle of one byte). */
struct probe {
    const char *s;
    size_t n, k1, k2;
};

static struct probe probe_of(const char *s, size_t n)
{
    struct probe pr = {s, n, 0, 0};
    for (size_t i = 1; i < n; i++)
        if (commonness((unsigned char)s[i]) < commonness((unsigned char)s[pr.k1]))
            pr.k1 = i;
    pr.k2 = pr.k1 == 0 && n > 1 ? 1 : 0;
    for (size_t i = 0; i < n; i++)
        if (i != pr.k1 && commonness((unsigned char)s[i]) < commonness((unsigned char)s[pr.k2]))
            pr.k2 = i;
    return pr;
}

/* Sixteen bytes at a time: where both rare bytes sit at their distance
 * from each other (GCC's vector extension: SSE2 on x86-64, NEON on arm64,
 * plain code elsewhere); the whole needle is compared only there. */
typedef unsigned char v16 __attribute__((vector_size(16)));

static bool match_at(const unsigned char *at, const struct probe *pr)
{
    return memcmp(at, pr->s, pr->n) == 0;
}

/* The first occurrence of the needle in p[from, len). */
static const unsigned char *find(const unsigned char *p, size_t len, size_t from,
                                 const struct probe *pr)
{
    if (from + pr->n > len)
        return NULL;
    size_t last = len - pr->n;          /* the last place it can start */
    v16 b1 = (v16){0} + (unsigned char)pr->s[pr->k1];
    v16 b2 = (v16){0} + (unsigned char)pr->s[pr->k2];
    size_t i = from;
    for (; i + 16 <= last + 1; i += 16) {
        v16 x, y, m;
        memcpy(&x, p + i + pr->k1, 16);
        memcpy(&y, p + i + pr->k2, 16);
        m = (v16)((x == b1) & (y == b2));
        uint64_t lo, hi;
        memcpy(&lo, &m, 8);
        memcpy(&hi, (const unsigned char *)&m + 8, 8);
        if (!(lo | hi))
            continue;
        for (size_t j = 0; j < 16; j++)
            if (m[j] && match_at(p + i + j, pr))
                return p + i + j;
    }
    for (; i <= last; i++)
        if (p[i + pr->k1] == (unsigned char)pr->s[pr->k1] && match_at(p + i, pr))
            return p + i;
    return NULL;
}

/* The rows of a chunk whose name holds the needle: their numbers into
 * rows, ascending; how many. Names lie in p[HEAD, to), each ended by a
 * newline, so a match inside the text is inside one name. */
static size_t name_hits(const unsigned char *p, size_t to, const struct probe *pr, size_t *rows)
{
    size_t m = 0, from = HEAD, row = 0, counted = HEAD;
    const unsigned char *h;
    while ((h = find(p, to, from, pr)) != NULL) {
        size_t off = (size_t)(h - p);
        for (const unsigned char *q; (q = memchr(p + counted, '\n', off - counted)) != NULL;) {
            row++;
            counted = (size_t)(q - p) + 1;
        }
        rows[m++] = row;
        const unsigned char *nl = memchr(h, '\n', to - off);
        from = counted = (size_t)(nl - p) + 1;
        row++;
    }
    return m;
}

/* The rows whose NIP holds the digits (the NIPs written out as text). */
static size_t nip_hits(const unsigned char *p, size_t to, size_t n, const struct needle *nd,
                       size_t *rows)
{
    char text[ROWS_MAX * (NIP_LEN + 1)];
    size_t m = 0;
    struct probe pr = probe_of(nd->digits, nd->dlen);
    for (size_t i = 0; i < n; i++) {
        store_nip_text(codec_from_be64(p + to + 8 * i), text + i * (NIP_LEN + 1));
        text[i * (NIP_LEN + 1) + NIP_LEN] = '\n';
    }
    const unsigned char *t = (const unsigned char *)text, *h;
    size_t len = n * (NIP_LEN + 1), from = 0;
    while ((h = find(t, len, from, &pr)) != NULL) {
        rows[m++] = (size_t)(h - t) / (NIP_LEN + 1);
        from = rows[m - 1] * (NIP_LEN + 1) + NIP_LEN + 1;
    }
    return m;
}

int store_each_staff_match(stxn *t, const char *text, store_match_cb cb, void *ctx)
{
    struct needle nd;
    bool scan = true;
    if (!needle_of(text, &nd))
        return 0;
    if (!nd.dlen) {             /* NIPs are not filed by word */
        int w = store_words_match(t, nd.text, nd.len, cb, ctx, &scan);
        if (!scan)
            return w;
    }
    struct probe pr = probe_of(nd.text, nd.len);
    MDB_cursor *c;
    MDB_val key, v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_TEXT], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_TEXT));
    int r = 0;
    size_t a[ROWS_MAX], b[ROWS_MAX];
    for (rc = mdb_cursor_get(c, &key, &v, MDB_FIRST); rc == 0 && r == 0;
         rc = mdb_cursor_get(c, &key, &v, MDB_NEXT)) {
        const unsigned char *p = v.mv_data;
        size_t n, to;
        if (!chunk_names(p, v.mv_size, &n, &to)) {
            r = store_damaged(t, DB_STAFF_TEXT, key);
            break;
        }
        size_t na = name_hits(p, to, &pr, a);
        size_t nb = nd.dlen ? nip_hits(p, to, n, &nd, b) : 0;
        /* both lists ascend: merged, a row once */
        for (size_t i = 0, j = 0; r == 0 && (i < na || j < nb);) {
            size_t row = j >= nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
            i += i < na && a[i] == row;
            j += j < nb && b[j] == row;
            char nip[NIP_LEN + 1];
            store_nip_text(codec_from_be64(p + to + 8 * row), nip);
            r = cb(nip, ctx);
        }
    }
    mdb_cursor_close(c);
    if (r == 0 && rc != MDB_NOTFOUND && rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_TEXT));
    return r;
}
