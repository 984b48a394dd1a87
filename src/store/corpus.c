/* The Staff screen's search corpus: see corpus.h. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "core/fold.h"
#include "store/corpus.h"
#include "store/store.h"

#define NIP_DIGITS 18
#define NIP_CHUNK 2048          /* NIPs turned into text per memmem */

/* The arrays live in their own mappings, filled in by the kernel at once
 * (MAP_POPULATE): touching 30 MB page by page costs several times the
 * walk that fills them on some virtual machines. */
static void *region_resize(void *old, size_t oldsize, size_t size)
{
    if (!size) {
        if (old)
            munmap(old, oldsize);
        return NULL;
    }
    void *p;
    if (!old)
        p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE,
                 -1, 0);
    else
        p = mremap(old, oldsize, size, MREMAP_MAYMOVE);
    return p == MAP_FAILED ? NULL : p;
}

void corpus_init(struct corpus *c)
{
    memset(c, 0, sizeof *c);
}

void corpus_free(struct corpus *c)
{
    region_resize(c->text, c->cap, 0);
    region_resize(c->nips, c->ncap * sizeof *c->nips, 0);
    region_resize(c->block, c->nblock * sizeof *c->block, 0);
    corpus_init(c);
}

size_t corpus_bytes(const struct corpus *c)
{
    return c->cap + c->ncap * sizeof *c->nips + c->nblock * sizeof *c->block;
}

static bool nip_value(const char *nip, uint64_t *out)
{
    uint64_t v = 0;
    for (int i = 0; i < NIP_DIGITS; i++) {
        if (nip[i] < '0' || nip[i] > '9')
            return false;
        v = v * 10 + (uint64_t)(nip[i] - '0');
    }
    if (nip[NIP_DIGITS] != '\0')
        return false;
    *out = v;
    return true;
}

/* Writes the 18 digits of v, two at a time. */
static void nip_digits(uint64_t v, char *out)
{
    static const char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    for (int i = NIP_DIGITS - 2; i >= 0; i -= 2) {
        unsigned d = (unsigned)(v % 100);
        v /= 100;
        out[i] = pairs[2 * d];
        out[i + 1] = pairs[2 * d + 1];
    }
}

void corpus_nip(const struct corpus *c, size_t i, char out[19])
{
    nip_digits(c->nips[i], out);
    out[NIP_DIGITS] = '\0';
}

static int grow_rows(struct corpus *c, size_t want)
{
    size_t nc = c->ncap ? c->ncap * 2 : 4096;
    if (nc < want)
        nc = want;
    uint64_t *nips = region_resize(c->nips, c->ncap * sizeof *nips, nc * sizeof *nips);
    if (!nips)
        return -1;
    c->nips = nips;
    size_t nb = nc / CORPUS_BLOCK + 1;
    uint32_t *block = region_resize(c->block, c->nblock * sizeof *block, nb * sizeof *block);
    if (!block)
        return -1;
    c->block = block;
    c->nblock = nb;
    c->ncap = nc;
    return 0;
}

int corpus_add(struct corpus *c, const char *folded, size_t len, const char *nip)
{
    uint64_t v;
    if (!nip_value(nip, &v)) {
        c->broken = true;
        return -1;
    }
    return corpus_add_value(c, folded, len, v);
}

int corpus_add_value(struct corpus *c, const char *folded, size_t len, uint64_t v)
{
    if (c->broken || v >= UINT64_C(1000000000000000000) || c->len + len + 1 > UINT32_MAX) {
        c->broken = true;
        return -1;
    }
    if (c->n == c->ncap && grow_rows(c, 0) != 0) {
        c->broken = true;
        return -1;
    }
    if (c->len + len + 1 > c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 1 << 16;
        while (nc < c->len + len + 1)
            nc *= 2;
        char *t = region_resize(c->text, c->cap, nc);
        if (!t) {
            c->broken = true;
            return -1;
        }
        c->text = t;
        c->cap = nc;
    }
    if (c->n % CORPUS_BLOCK == 0)
        c->block[c->n / CORPUS_BLOCK] = (uint32_t)c->len;
    /* The index key is folded already: a copy, then the rare newline
     * inside a name becomes a space so that rows stay apart. */
    char *dst = c->text + c->len;
    memcpy(dst, folded, len);
    for (char *q = dst; (q = memchr(q, '\n', len - (size_t)(q - dst))) != NULL; q++)
        *q = ' ';
    dst[len] = '\n';
    c->len += len + 1;
    c->nips[c->n++] = v;
    return 0;
}

int corpus_reserve(struct corpus *c, size_t rows, size_t text_bytes)
{
    if (rows > c->ncap && grow_rows(c, rows) != 0)
        return -1;
    if (text_bytes > c->cap) {
        char *t = region_resize(c->text, c->cap, text_bytes);
        if (!t)
            return -1;
        c->text = t;
        c->cap = text_bytes;
    }
    return 0;
}

void corpus_trim(struct corpus *c)
{
    /* Byte counts, four at a time to keep the adds independent. */
    size_t h[4][256] = {{0}};
    size_t i = 0;
    for (; i + 4 <= c->len; i += 4) {
        h[0][(unsigned char)c->text[i]]++;
        h[1][(unsigned char)c->text[i + 1]]++;
        h[2][(unsigned char)c->text[i + 2]]++;
        h[3][(unsigned char)c->text[i + 3]]++;
    }
    for (; i < c->len; i++)
        h[0][(unsigned char)c->text[i]]++;
    for (int b = 0; b < 256; b++)
        c->freq[b] = h[0][b] + h[1][b] + h[2][b] + h[3][b];
    if (c->len && c->len < c->cap) {
        char *t = region_resize(c->text, c->cap, c->len);
        if (t) {
            c->text = t;
            c->cap = c->len;
        }
    }
    if (c->n && c->n < c->ncap) {
        uint64_t *nips = region_resize(c->nips, c->ncap * sizeof *nips, c->n * sizeof *nips);
        if (nips) {
            c->nips = nips;
            c->ncap = c->n;
        }
    }
}

static size_t row_offset(const struct corpus *c, size_t i)
{
    if (i >= c->n)
        return c->len;
    size_t off = c->block[i / CORPUS_BLOCK];
    for (size_t k = i % CORPUS_BLOCK; k > 0; k--)
        off = (size_t)((const char *)memchr(c->text + off, '\n', c->len - off) - c->text) + 1;
    return off;
}

const char *corpus_name(const struct corpus *c, size_t i, size_t *len)
{
    size_t off = row_offset(c, i);
    const char *nl = memchr(c->text + off, '\n', c->len - off);
    *len = (size_t)(nl - (c->text + off));
    return c->text + off;
}

/* The row that holds text offset off. */
static size_t row_at(const struct corpus *c, size_t off)
{
    size_t lo = 0, hi = (c->n + CORPUS_BLOCK - 1) / CORPUS_BLOCK;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (c->block[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    size_t row = lo * CORPUS_BLOCK;
    for (const char *p = c->text + c->block[lo], *end = c->text + off;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        row++;
    return row;
}

/* Orders the row against (folded name, NIP value) as the index does. */
static int row_cmp(const struct corpus *c, size_t i, const char *name, size_t nlen,
                   uint64_t nip)
{
    size_t rlen;
    const char *r = corpus_name(c, i, &rlen);
    size_t m = rlen < nlen ? rlen : nlen;
    int d = memcmp(r, name, m);
    if (d)
        return d;
    if (rlen != nlen)
        return rlen < nlen ? -1 : 1;
    return c->nips[i] < nip ? -1 : c->nips[i] > nip;
}

size_t corpus_find(const struct corpus *c, const char *name, const char *nip)
{
    char key[256];
    size_t nlen = 0;
    for (; name[nlen] && nlen < sizeof key; nlen++) {
        unsigned char ch = fold_char((unsigned char)name[nlen]);
        key[nlen] = ch == '\n' ? ' ' : (char)ch;
    }
    uint64_t v = 0;
    nip_value(nip, &v);
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (row_cmp(c, mid, key, nlen, v) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ---- searching ---------------------------------------------------------- */
/* A needle is found by looking for its rarest byte with memchr (or
 * memrchr going backwards), which runs at memory speed, and comparing the
 * whole needle only where that byte occurs: a miss or a far match costs a
 * few milliseconds at a million names, in either direction. */
struct needle {
    const char *s;
    size_t len;
    size_t k;                   /* index of its rarest byte */
};

static struct needle needle_of(const struct corpus *c, const char *s, size_t len)
{
    struct needle n = {s, len, 0};
    for (size_t i = 1; i < len; i++)
        if (c->freq[(unsigned char)s[i]] < c->freq[(unsigned char)s[n.k]])
            n.k = i;
    return n;
}

/* The first (fwd) or last occurrence of the needle wholly inside
 * text[lo, hi), or NULL. */
static const char *find_in(const struct corpus *c, size_t lo, size_t hi,
                           const struct needle *n, bool fwd)
{
    if (hi < lo + n->len)
        return NULL;
    const char *first = c->text + lo + n->k;            /* where the byte may be */
    const char *end = c->text + hi - n->len + n->k + 1;
    int b = (unsigned char)n->s[n->k];
    while (first < end) {
        const char *q = fwd ? memchr(first, b, (size_t)(end - first))
                            : memrchr(first, b, (size_t)(end - first));
        if (!q)
            return NULL;
        const char *start = q - n->k;
        if (memcmp(start, n->s, n->len) == 0)
            return start;
        if (fwd)
            first = q + 1;
        else
            end = q;
    }
    return NULL;
}

#define NONE ((size_t)-1)

static size_t name_search(const struct corpus *c, const char *needle, size_t nl, size_t from,
                          int dir)
{
    struct needle n = needle_of(c, needle, nl);
    const char *p;
    if (dir > 0) {
        size_t start = row_offset(c, from);
        p = find_in(c, start, c->len, &n, true);
        if (!p)
            p = find_in(c, 0, start, &n, true);
    } else {
        size_t end = row_offset(c, from + 1);
        p = find_in(c, 0, end, &n, false);
        if (!p)
            p = find_in(c, end, c->len, &n, false);
    }
    return p ? row_at(c, (size_t)(p - c->text)) : NONE;
}

/* Rows [lo, hi) in direction dir: the first (dir 1) or last (dir -1)
 * whose NIP holds the digits. */
static size_t nip_scan(const struct corpus *c, const char *digits, size_t dl, size_t lo,
                       size_t hi, int dir)
{
    char buf[NIP_CHUNK * (NIP_DIGITS + 1)];
    while (lo < hi) {
        size_t a = dir > 0 ? lo : (hi - lo > NIP_CHUNK ? hi - NIP_CHUNK : lo);
        size_t b = dir > 0 ? (hi - lo > NIP_CHUNK ? lo + NIP_CHUNK : hi) : hi;
        for (size_t i = a; i < b; i++) {
            nip_digits(c->nips[i], buf + (i - a) * (NIP_DIGITS + 1));
            buf[(i - a) * (NIP_DIGITS + 1) + NIP_DIGITS] = '\n';
        }
        size_t blen = (b - a) * (NIP_DIGITS + 1);
        const char *hit = NULL;
        for (const char *p = memmem(buf, blen, digits, dl); p;
             p = memmem(p + 1, blen - (size_t)(p + 1 - buf), digits, dl)) {
            hit = p;
            if (dir > 0)
                break;
        }
        if (hit)
            return a + (size_t)(hit - buf) / (NIP_DIGITS + 1);
        if (dir > 0)
            lo = b;
        else
            hi = a;
    }
    return NONE;
}

static size_t nip_search(const struct corpus *c, const char *digits, size_t dl, size_t from,
                         int dir)
{
    size_t r;
    if (dir > 0) {
        r = nip_scan(c, digits, dl, from, c->n, 1);
        if (r == NONE)
            r = nip_scan(c, digits, dl, 0, from, 1);
    } else {
        r = nip_scan(c, digits, dl, 0, from + 1, -1);
        if (r == NONE)
            r = nip_scan(c, digits, dl, from + 1, c->n, -1);
    }
    return r;
}

size_t corpus_search(const struct corpus *c, const char *text, size_t from, int dir,
                     bool *wrapped)
{
    *wrapped = false;
    if (!c->n || !text[0])
        return NONE;
    if (from >= c->n)
        from = dir > 0 ? 0 : c->n - 1;
    char needle[256], digits[NIP_DIGITS + 1];
    size_t nl = 0, dl = 0;
    bool all_digits = true;
    for (const char *t = text; *t && nl < sizeof needle; t++) {
        needle[nl++] = (char)fold_char((unsigned char)*t);
        if (*t == ' ')
            continue;
        if (*t < '0' || *t > '9' || dl == NIP_DIGITS)
            all_digits = false;
        else
            digits[dl++] = *t;
    }
    size_t best = name_search(c, needle, nl, from, dir);
    if (all_digits && dl) {
        size_t r = nip_search(c, digits, dl, from, dir);
        if (r != NONE) {
            size_t dn = dir > 0 ? (best - from + c->n) % c->n : (from - best + c->n) % c->n;
            size_t dr = dir > 0 ? (r - from + c->n) % c->n : (from - r + c->n) % c->n;
            if (best == NONE || dr < dn)
                best = r;
        }
    }
    if (best != NONE)
        *wrapped = dir > 0 ? best < from : best > from;
    return best;
}

static int add_key(const char *folded, size_t len, uint64_t nip, void *ctx)
{
    return corpus_add_value(ctx, folded, len, nip) == 0 ? 0 : 1;
}

int corpus_load(struct corpus *c, stxn *t)
{
    corpus_free(c);
    /* Room for the people there are now, and names of about 24 bytes;
     * the rest is given back. */
    size_t count = store_count_staff(t);
    corpus_reserve(c, count + 1, (count + 1) * 28);
    if (store_each_name_key(t, add_key, c) != 0 || c->broken) {
        corpus_free(c);
        return -1;
    }
    corpus_trim(c);
    c->ready = true;
    c->stamp = store_stamp(t);
    return 0;
}
