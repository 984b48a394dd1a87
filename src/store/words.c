/* The words of staff names (store_words_* in internal.h).
 *
 * `staff find` used to scan the whole find text (findtext.c) for every
 * needle: 32 MB at a million people, most of its time spent mapping the
 * pages. Names are made of few distinct words (titles, given names,
 * family names: 841 in the demo region at a million people), so the store
 * also files every person under each word of their name:
 *     staff_words  word -> the person's NIP as an 8-byte big-endian number
 *                  (MDB_DUPSORT | MDB_DUPFIXED: the NIPs of a word lie
 *                  packed, in NIP order)
 *     staff_vocab  word -> how many people have it (4 bytes, big-endian)
 * A word is a longest run of bytes other than a space in the name as the
 * find text holds it (store_text_name: folded, a newline made a space).
 * A piece of a needle between spaces lies inside one word, so the people
 * whose name may hold the needle are those filed under a word holding its
 * most selective piece: the vocabulary (a few pages) is read whole, the
 * postings of those words only. A needle that is a single piece matches
 * every one of them; other needles are compared with the name.
 *
 * It follows the staff records in the same write transaction as the find
 * text does: the derive hook (store_words_changed), the bulk load
 * (through the find text's filling), the migration to schema 8
 * (store_words_rebuild); store_check_indexes compares it with the records
 * (store_words_check). Derived data: not in the data digest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "core/strset.h"
#include "store/codec.h"
#include "store/internal.h"
#include "store/keys.h"

#define WORD_MAX STORE_GROUP_MAX     /* a word is never longer than a name */

/* --- words of a name ------------------------------------------------------------ */

/* The next word of name[*at, n): its start into *w, its length returned;
 * 0 at the end. */
static size_t next_word(const unsigned char *name, size_t n, size_t *at, const unsigned char **w)
{
    while (*at < n && name[*at] == ' ')
        (*at)++;
    size_t from = *at;
    while (*at < n && name[*at] != ' ')
        (*at)++;
    *w = name + from;
    return *at - from;
}

/* The distinct words of a person's name, in the order they come. */
struct word_list {
    const unsigned char *w[WORD_MAX / 2 + 1];
    size_t len[WORD_MAX / 2 + 1];
    size_t n;
};

static bool listed(const struct word_list *l, const unsigned char *w, size_t len)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->len[i] == len && memcmp(l->w[i], w, len) == 0)
            return true;
    return false;
}

/* The words of name (n bytes as store_text_name gives it), which stays
 * where it is while l is used. */
static void words_in(const unsigned char *name, size_t n, struct word_list *l)
{
    size_t at = 0, len;
    const unsigned char *w;
    l->n = 0;
    while ((len = next_word(name, n, &at, &w)) != 0)
        if (!listed(l, w, len)) {
            l->w[l->n] = w;
            l->len[l->n++] = len;
        }
}

/* --- words in memory (bulk load, rebuild, check) ------------------------------- */

struct word_entry {             /* entry i is word i of the set */
    uint32_t len;
    uint64_t *nips;             /* ascending when people come in NIP order */
    size_t n, cap;
    size_t written;             /* NIPs written already (streaming), not in nips */
};

/* NIPs a word gathers before a streaming accumulator writes them: some
 * pages of postings at a time, 8 KB of memory a word. */
#define STREAM_AT 1024

struct store_words_acc {
    stxn *t;                    /* streaming: the postings are written as they fill */
    MDB_cursor *cur;            /* into staff_words, when streaming */
    struct strset words;
    struct word_entry *e;
    size_t n, cap;
};

struct store_words_acc *store_words_acc_new(void)
{
    return calloc(1, sizeof(struct store_words_acc));
}

void store_words_acc_free(struct store_words_acc *a)
{
    if (!a)
        return;
    if (a->cur)
        mdb_cursor_close(a->cur);
    for (size_t i = 0; i < a->n; i++)
        free(a->e[i].nips);
    free(a->e);
    strset_free(&a->words);
    free(a);
}

static const unsigned char *word_text(const struct store_words_acc *a, const struct word_entry *e)
{
    return (const unsigned char *)strset_str(&a->words, (uint32_t)(e - a->e));
}

static int stream_out(struct store_words_acc *a, struct word_entry *e);

/* The entry of word w, made when new; NULL when out of memory. */
static struct word_entry *entry_of(struct store_words_acc *a, const unsigned char *w, size_t len)
{
    uint32_t id = strset_add(&a->words, (const char *)w, len);
    if (id == STRSET_NONE || GROW_ROOM(a->e, a->cap, (size_t)id + 1, 256) != 0)
        return NULL;
    if (id == a->n)                     /* ids are dense: a new word */
        a->e[a->n++] = (struct word_entry){.len = (uint32_t)len};
    return &a->e[id];
}

int store_words_acc_add(struct store_words_acc *a, const struct staff *s)
{
    unsigned char name[WORD_MAX];
    uint64_t nip;
    if (!store_nip_number(s->nip, &nip))
        return -1;
    return store_words_acc_add_name(a, name, store_text_name(s, name), nip);
}

int store_words_acc_add_name(struct store_words_acc *a, const unsigned char *name, size_t n,
                             uint64_t nip)
{
    struct word_list l;
    words_in(name, n, &l);
    for (size_t i = 0; i < l.n; i++) {
        struct word_entry *e = entry_of(a, l.w[i], l.len[i]);
        if (!e)
            return -1;
        if (GROW_ROOM(e->nips, e->cap, e->n + 1, 4) != 0)
            return -1;
        e->nips[e->n++] = nip;
        if (a->cur && e->n == STREAM_AT && stream_out(a, e) != STORE_OK)
            return -2;
    }
    return 0;
}

/* The entries in key order (as LMDB orders the words: bytes, then the
 * shorter first). */
static int entry_cmp(const void *x, const void *y, void *ctx)
{
    const struct word_entry *a = *(struct word_entry *const *)x;
    const struct word_entry *b = *(struct word_entry *const *)y;
    size_t n = a->len < b->len ? a->len : b->len;
    int d = memcmp(word_text(ctx, a), word_text(ctx, b), n);
    return d ? d : (a->len > b->len) - (a->len < b->len);
}

static struct word_entry **sorted_entries(const struct store_words_acc *a)
{
    struct word_entry **v = malloc((a->n + 1) * sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i < a->n; i++)
        v[i] = &a->e[i];
    qsort_r(v, a->n, sizeof *v, entry_cmp, (void *)a);
    return v;
}

/* --- writing ------------------------------------------------------------------------ */

static int put_postings(stxn *t, MDB_cursor *c, MDB_val k, uint64_t *nips, size_t n)
{
    for (size_t i = 0; i < n; i++)          /* big-endian: the order of the NIPs */
        codec_be64((unsigned char *)&nips[i], nips[i]);
    size_t done = 0;
    while (done < n) {
        MDB_val v[2] = {{8, nips + done}, {n - done, NULL}};
        int rc = mdb_cursor_put(c, &k, v, MDB_MULTIPLE | MDB_APPENDDUP);   /* pages filled whole */
        if (rc != 0)
            return store_fail_mdb(t, rc, store_db_name(DB_STAFF_WORDS));
        done += v[1].mv_size ? v[1].mv_size : n - done;
    }
    return STORE_OK;
}

int store_words_acc_stream(struct store_words_acc *a, stxn *t)
{
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_WORDS], &a->cur);
    if (rc != 0) {
        a->cur = NULL;
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_WORDS));
    }
    a->t = t;
    return STORE_OK;
}

/* The NIPs e gathered, written after those it wrote before. */
static int stream_out(struct store_words_acc *a, struct word_entry *e)
{
    MDB_val k = {e->len, (void *)word_text(a, e)};
    int r = put_postings(a->t, a->cur, k, e->nips, e->n);
    e->written += e->n;
    e->n = 0;
    return r;
}

static int drop_words(stxn *t)
{
    int db[] = {DB_STAFF_WORDS, DB_STAFF_VOCAB};
    for (size_t i = 0; i < 2; i++) {
        int rc = mdb_drop(t->txn, t->s->dbi[db[i]], 0);
        if (rc != 0)
            return store_fail_mdb(t, rc, store_db_name(db[i]));
    }
    return STORE_OK;
}

int store_words_acc_write(stxn *t, struct store_words_acc *a)
{
    struct word_entry **v = sorted_entries(a);
    MDB_cursor *c;
    if (!v)
        return store_fail(t->s, _("out of memory"));
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_WORDS], &c);
    if (rc != 0) {
        free(v);
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_WORDS));
    }
    int r = STORE_OK;
    for (size_t i = 0; i < a->n && r == STORE_OK; i++) {
        MDB_val k = {v[i]->len, (void *)word_text(a, v[i])};
        unsigned char count[4];
        codec_be32(count, (uint32_t)(v[i]->written + v[i]->n));
        r = put_postings(t, c, k, v[i]->nips, v[i]->n);
        if (r == STORE_OK)
            r = store_db_put(t, DB_STAFF_VOCAB, k, (MDB_val){4, count}, 0);
    }
    mdb_cursor_close(c);
    free(v);
    return r;
}

static int acc_one(const struct staff *s, void *ctx)
{
    return store_words_acc_add(ctx, s);
}

int store_words_rebuild(stxn *t)
{
    struct store_words_acc *a = store_words_acc_new();
    if (!a)
        return store_fail(t->s, _("out of memory"));
    int r = drop_words(t);
    if (r == STORE_OK) {
        int e = store_each_staff(t, NULL, acc_one, a);
        r = e == 0 ? store_words_acc_write(t, a)
                   : e < 0 ? STORE_ERROR : store_fail(t->s, _("out of memory"));
    }
    store_words_acc_free(a);
    return r;
}

int store_words_clear(stxn *t)
{
    return drop_words(t);
}

/* --- changes ------------------------------------------------------------------------ */

/* Adds (by +1) or takes (-1) one person from a word's count. */
static int count_word(stxn *t, MDB_val k, int by)
{
    MDB_val v;
    unsigned char buf[4];
    uint32_t n = 0;
    int r = store_db_get(t, DB_STAFF_VOCAB, k, &v);
    if (r == STORE_ERROR)
        return r;
    if (r == STORE_OK) {
        if (v.mv_size != 4)
            return store_damaged(t, DB_STAFF_VOCAB, k);
        n = codec_from_be32(v.mv_data);
    }
    if (by < 0 && n == 0)
        return store_damaged(t, DB_STAFF_VOCAB, k);
    n = by < 0 ? n - 1 : n + 1;
    if (n == 0)
        return store_db_del(t, DB_STAFF_VOCAB, k, NULL);
    codec_be32(buf, n);
    return store_db_put(t, DB_STAFF_VOCAB, k, (MDB_val){4, buf}, 0);
}

/* Files (add) or unfiles the person nip under word w. */
static int file_word(stxn *t, const unsigned char *w, size_t len, uint64_t nip, bool add)
{
    unsigned char be[8];
    codec_be64(be, nip);
    MDB_val k = {len, (void *)w}, v = {8, be};
    int rc = add ? mdb_put(t->txn, t->s->dbi[DB_STAFF_WORDS], &k, &v, MDB_NODUPDATA)
                 : mdb_del(t->txn, t->s->dbi[DB_STAFF_WORDS], &k, &v);
    if (rc == MDB_KEYEXIST || rc == MDB_NOTFOUND)
        return STORE_OK;        /* already so: the count stays as it is */
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_WORDS));
    return count_word(t, k, add ? 1 : -1);
}

/* Files or unfiles every word of l but those in `except` (NULL: none). */
static int file_words(stxn *t, const struct word_list *l, const struct word_list *except,
                      uint64_t nip, bool add)
{
    for (size_t i = 0; i < l->n; i++)
        if ((!except || !listed(except, l->w[i], l->len[i])) &&
            file_word(t, l->w[i], l->len[i], nip, add) != STORE_OK)
            return STORE_ERROR;
    return STORE_OK;
}

int store_words_changed(stxn *t, const struct store_name_change *c)
{
    static struct word_list a, b;       /* one write transaction at a time */
    const struct staff *old = c->old, *rec = c->rec;
    uint64_t na = 0, nb = 0;
    if (old && rec && strcmp(old->nip, rec->nip) == 0 && c->nwas == c->nnow &&
        memcmp(c->was, c->now, c->nwas) == 0)
        return STORE_OK;                /* the same words (most edits touch no name) */
    if ((old && !store_nip_number(old->nip, &na)) || (rec && !store_nip_number(rec->nip, &nb)))
        return store_fail(t->s, _("staff %s has no NIP of 18 digits"), rec ? rec->nip : old->nip);
    a.n = b.n = 0;
    if (old)
        words_in(c->was, c->nwas, &a);
    if (rec)
        words_in(c->now, c->nnow, &b);
    bool same = old && rec && na == nb;     /* only the words that differ change */
    if (old && file_words(t, &a, same ? &b : NULL, na, false) != STORE_OK)
        return STORE_ERROR;
    return rec ? file_words(t, &b, same ? &a : NULL, nb, true) : STORE_OK;
}

/* --- the check ------------------------------------------------------------------------ */

struct words_check {
    int problems;
    char *why;
    size_t whylen;
};

/* Counts a problem; the first is told in why: at word w, in the counts
 * (vocab) or in the people filed under it. */
static void found(struct words_check *x, bool vocab, const void *w, size_t len)
{
    if (x->problems++ != 0 || !x->why)
        return;
    if (vocab)
        snprintf(x->why, x->whylen,
                 _("the count of the word \"%.*s\" of staff names differs from the records"),
                 (int)len, (const char *)w);
    else
        snprintf(x->why, x->whylen,
                 _("the people filed under the word \"%.*s\" of staff names differ from the "
                   "records"),
                 (int)len, (const char *)w);
}

/* The vocabulary against the words' counts, in key order. */
static void check_vocab(stxn *t, const struct store_words_acc *a, struct word_entry **v,
                        struct words_check *x)
{
    MDB_cursor *c;
    MDB_val k, val;
    if (mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_VOCAB], &c) != 0) {
        found(x, true, "", 0);
        return;
    }
    size_t i = 0;
    for (int rc = mdb_cursor_get(c, &k, &val, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &val, MDB_NEXT), i++) {
        if (i >= a->n || k.mv_size != v[i]->len ||
            memcmp(k.mv_data, word_text(a, v[i]), k.mv_size) != 0 || val.mv_size != 4 ||
            codec_from_be32(val.mv_data) != v[i]->n) {
            found(x, true, k.mv_data, k.mv_size);
            break;
        }
    }
    if (!x->problems && i < a->n)
        found(x, true, word_text(a, v[i]), v[i]->len);
    mdb_cursor_close(c);
}

/* The people filed under each word against the records, in key order. */
static void check_postings(stxn *t, const struct store_words_acc *a, struct word_entry **v,
                           struct words_check *x)
{
    MDB_cursor *c;
    MDB_val k, val;
    if (mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_WORDS], &c) != 0) {
        found(x, false, "", 0);
        return;
    }
    size_t i = 0, j = 0;
    int rc;
    for (rc = mdb_cursor_get(c, &k, &val, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &val, MDB_NEXT)) {
        while (i < a->n && j == v[i]->n)
            i++, j = 0;
        if (i >= a->n || k.mv_size != v[i]->len ||
            memcmp(k.mv_data, word_text(a, v[i]), k.mv_size) != 0 || val.mv_size != 8 ||
            codec_from_be64(val.mv_data) != v[i]->nips[j]) {
            found(x, false, k.mv_data, k.mv_size);
            break;
        }
        j++;
    }
    while (rc != 0 && i < a->n && j == v[i]->n)
        i++, j = 0;
    if (rc == MDB_NOTFOUND && i < a->n)
        found(x, false, word_text(a, v[i]), v[i]->len);
    mdb_cursor_close(c);
}

int store_words_check(stxn *t, char *why, size_t whylen)
{
    struct words_check x = {0, why, whylen};
    struct store_words_acc *a = store_words_acc_new();
    struct word_entry **v = NULL;
    int e = a ? store_each_staff(t, NULL, acc_one, a) : 1;
    if (e == 0)
        v = sorted_entries(a);
    if (!v) {
        snprintf(why, whylen, "%s", e < 0 ? store_errmsg(t->s) : _("out of memory"));
        store_words_acc_free(a);
        return 1;
    }
    check_vocab(t, a, v, &x);
    if (!x.problems)
        check_postings(t, a, v, &x);
    free(v);
    store_words_acc_free(a);
    return x.problems;
}

/* --- searching ------------------------------------------------------------------------ */

/* A piece of a needle between its spaces; start: a space comes before it
 * (the word begins with it), end: one comes after it (the word ends with
 * it). */
struct piece {
    const char *s;
    size_t n;
    bool start, end;
    uint64_t total;             /* people filed under the words that fit */
};

#define PIECES_MAX 128          /* a needle holds at most 256 bytes */

static size_t pieces_of(const char *needle, size_t len, struct piece *p)
{
    size_t n = 0, at = 0, wl;
    const unsigned char *w;
    while ((wl = next_word((const unsigned char *)needle, len, &at, &w)) != 0 && n < PIECES_MAX) {
        size_t from = (size_t)((const char *)w - needle);
        p[n++] = (struct piece){needle + from, wl, from > 0, at < len, 0};
    }
    return n;
}

static bool fits(const struct piece *p, const unsigned char *w, size_t len)
{
    if (len < p->n)
        return false;
    if (p->start && p->end)
        return len == p->n && memcmp(w, p->s, len) == 0;
    if (p->start)
        return memcmp(w, p->s, p->n) == 0;
    if (p->end)
        return memcmp(w + len - p->n, p->s, p->n) == 0;
    return memmem(w, len, p->s, p->n) != NULL;
}

/* Walks the vocabulary: with words NULL adds each word's count to the
 * totals of the pieces it fits; else keeps the words that fit *best. */
struct fitting {
    MDB_val *w;
    size_t n, cap;
};

static int walk_vocab(stxn *t, struct piece *p, size_t np, const struct piece *best,
                      struct fitting *words)
{
    MDB_cursor *c;
    MDB_val k, v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_VOCAB], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_VOCAB));
    int r = STORE_OK;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && r == STORE_OK;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (v.mv_size != 4) {
            r = store_damaged(t, DB_STAFF_VOCAB, k);
            break;
        }
        if (!words) {
            for (size_t i = 0; i < np; i++)
                if (fits(&p[i], k.mv_data, k.mv_size))
                    p[i].total += codec_from_be32(v.mv_data);
            continue;
        }
        if (!fits(best, k.mv_data, k.mv_size))
            continue;
        if (GROW_ROOM(words->w, words->cap, words->n + 1, 16) != 0) {
            r = store_fail(t->s, _("out of memory"));
            break;
        }
        words->w[words->n++] = k;
    }
    mdb_cursor_close(c);
    if (r == STORE_OK && rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_VOCAB));
    return r;
}

/* Who is filed under the words, and what to do with each. */
struct hits {
    const char *needle;         /* folded */
    size_t len;
    bool sure;                  /* every person filed matches: no need to look */
    store_match_cb cb;
    void *ctx;
};

/* One person filed under a word that fits: to the caller when the name
 * holds the needle. */
static int hit(stxn *t, const struct hits *h, uint64_t nip)
{
    char text[NIP_LEN + 1];
    store_nip_text(nip, text);
    if (h->sure)
        return h->cb(text, h->ctx);
    struct staff s;
    unsigned char name[WORD_MAX];
    int g = store_get_staff(t, text, &s);
    if (g == STORE_NOTFOUND)
        return 0;
    if (g != STORE_OK)
        return STORE_ERROR;
    size_t n = store_text_name(&s, name);
    return memmem(name, n, h->needle, h->len) ? h->cb(text, h->ctx) : 0;
}

/* The people filed under word k, as they lie (in NIP order), a page at a
 * time: n 8-byte big-endian NIPs to fn, which returns non-zero to stop
 * (the value returned). */
typedef int (*postings_fn)(const unsigned char *nips, size_t n, void *ctx);

static int each_posting_page(stxn *t, MDB_val k, postings_fn fn, void *ctx)
{
    MDB_cursor *c;
    MDB_val v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_STAFF_WORDS], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_WORDS));
    int r = 0;
    rc = mdb_cursor_get(c, &k, &v, MDB_SET);
    if (rc == 0)
        rc = mdb_cursor_get(c, &k, &v, MDB_GET_MULTIPLE);
    for (; rc == 0 && r == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT_MULTIPLE)) {
        if (v.mv_size % 8) {
            r = store_damaged(t, DB_STAFF_WORDS, k);
            break;
        }
        r = fn(v.mv_data, v.mv_size / 8, ctx);
    }
    mdb_cursor_close(c);
    if (r == 0 && rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(DB_STAFF_WORDS));
    return r;
}

struct page_hits {
    stxn *t;
    const struct hits *h;
};

static int hit_page(const unsigned char *nips, size_t n, void *ctx)
{
    struct page_hits *p = ctx;
    int r = 0;
    for (size_t i = 0; i < n && r == 0; i++)
        r = hit(p->t, p->h, codec_from_be64(nips + 8 * i));
    return r;
}

/* The people of one word, to the caller as they lie. */
static int hits_of_word(stxn *t, MDB_val k, const struct hits *h)
{
    struct page_hits p = {t, h};
    return each_posting_page(t, k, hit_page, &p);
}

static int u64_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

struct kept {
    stxn *t;
    uint64_t *nips;
    size_t n, cap;
};

static int keep_page(const unsigned char *nips, size_t n, void *ctx)
{
    struct kept *k = ctx;
    if (GROW_ROOM(k->nips, k->cap, k->n + n, 1024) != 0)
        return store_fail(k->t->s, _("out of memory"));
    for (size_t i = 0; i < n; i++)
        k->nips[k->n++] = codec_from_be64(nips + 8 * i);
    return STORE_OK;
}

/* The people of several words: gathered, sorted, each once. */
static int hits_of_words(stxn *t, const struct fitting *words, const struct hits *h)
{
    struct kept k = {t, NULL, 0, 0};
    int r = STORE_OK;
    for (size_t i = 0; i < words->n && r == STORE_OK; i++)
        r = each_posting_page(t, words->w[i], keep_page, &k);
    if (r == STORE_OK) {
        qsort(k.nips, k.n, sizeof *k.nips, u64_cmp);
        r = 0;
        for (size_t i = 0; i < k.n && r == 0; i++)
            if (i == 0 || k.nips[i] != k.nips[i - 1])
                r = hit(t, h, k.nips[i]);
    }
    free(k.nips);
    return r;
}

int store_words_match(stxn *t, const char *needle, size_t len, store_match_cb cb, void *ctx,
                      bool *scan)
{
    static struct piece p[PIECES_MAX];
    size_t np = pieces_of(needle, len, p);
    *scan = true;
    if (np == 0)
        return 0;               /* only spaces: words do not tell */
    if (walk_vocab(t, p, np, NULL, NULL) != STORE_OK)
        return STORE_ERROR;
    const struct piece *best = &p[0];
    for (size_t i = 1; i < np; i++)
        if (p[i].total < best->total)
            best = &p[i];
    /* Past this many, a pass over the find text costs less than the
     * people's records. */
    size_t limit = store_count_staff(t) / 8;
    if (best->total > (limit > 4096 ? limit : 4096))
        return 0;
    *scan = false;
    if (best->total == 0)
        return 0;
    struct fitting words = {0};
    struct hits h = {needle, len, np == 1 && best->n == len, cb, ctx};
    int r = walk_vocab(t, p, np, best, &words);
    if (r == STORE_OK)
        r = words.n == 1 ? hits_of_word(t, words.w[0], &h) : hits_of_words(t, &words, &h);
    free(words.w);
    return r;
}
