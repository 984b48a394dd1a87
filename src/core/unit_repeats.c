/* Which units show their parent's name (contract in unit_repeats.h). */
#include <stdbool.h>
#include <stdlib.h>
#include "core/hash.h"
#include "core/unit_repeats.h"

uint64_t unit_key_hash(const char *s)
{
    uint64_t h = hash_str(s);
    return h ? h : 1;           /* 0 stands for "none" */
}

/* Open addressing over hashes: a power of two at most half full. */
static size_t table_cap(size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    return cap;
}

static size_t slot_of(uint64_t key, size_t cap)
{
    return (size_t)(key >> 20) & (cap - 1);     /* hash_str mixes every bit */
}

/* How often each key was added, counted up to 2. */
struct tally {
    uint64_t *key;              /* 0: empty */
    uint8_t *count;
    size_t cap;
};

static bool tally_init(struct tally *t, size_t n)
{
    t->cap = table_cap(n);
    t->key = calloc(t->cap, sizeof *t->key);
    t->count = calloc(t->cap, sizeof *t->count);
    return t->key && t->count;
}

static size_t tally_find(const struct tally *t, uint64_t key)
{
    size_t k = slot_of(key, t->cap);
    while (t->key[k] && t->key[k] != key)
        k = (k + 1) & (t->cap - 1);
    return k;
}

static void tally_add(struct tally *t, uint64_t key)
{
    size_t k = tally_find(t, key);
    t->key[k] = key;
    if (t->count[k] < 2)
        t->count[k]++;
}

static bool tally_repeated(const struct tally *t, uint64_t key)
{
    return t->count[tally_find(t, key)] > 1;
}

static void tally_free(struct tally *t)
{
    free(t->key);
    free(t->count);
}

/* The units by their code's hash: slot[k] - 1 indexes u, 0 is empty. */
struct by_code {
    uint32_t *slot;
    size_t cap;
};

static bool by_code_init(struct by_code *c, const struct unit_hashes *u, size_t n)
{
    c->cap = table_cap(n);
    c->slot = calloc(c->cap, sizeof *c->slot);
    for (size_t i = 0; c->slot && i < n; i++) {
        size_t k = slot_of(u[i].code, c->cap);
        while (c->slot[k] && u[c->slot[k] - 1].code != u[i].code)
            k = (k + 1) & (c->cap - 1);
        c->slot[k] = (uint32_t)(i + 1);     /* a code seen twice: the last */
    }
    return c->slot != NULL;
}

/* The unit whose code hashes to code, or NULL. */
static const struct unit_hashes *by_code_get(const struct by_code *c, const struct unit_hashes *u,
                                       uint64_t code)
{
    size_t k = slot_of(code, c->cap);
    while (c->slot[k] && u[c->slot[k] - 1].code != code)
        k = (k + 1) & (c->cap - 1);
    return c->slot[k] ? &u[c->slot[k] - 1] : NULL;
}

/* A (name, parent's name) pair as one hash, never 0 (the order counts:
 * the parent's hash is mixed once more). */
static uint64_t pair_hash(uint64_t name, uint64_t parent_name)
{
    uint64_t h = hash_mix(name ^ hash_mix(parent_name));
    return h ? h : 1;
}

/* pair[i]: unit i's (name, parent's name) where its name repeats and its
 * parent is found, else 0. */
static bool pairs_of(const struct unit_hashes *u, size_t n, uint64_t *pair)
{
    struct tally names;
    struct by_code codes = {NULL, 0};
    bool ok = tally_init(&names, n) && by_code_init(&codes, u, n);
    for (size_t i = 0; ok && i < n; i++)
        tally_add(&names, u[i].name);
    for (size_t i = 0; ok && i < n; i++) {
        const struct unit_hashes *up = u[i].parent ? by_code_get(&codes, u, u[i].parent) : NULL;
        pair[i] = up && tally_repeated(&names, u[i].name) ? pair_hash(u[i].name, up->name) : 0;
    }
    tally_free(&names);
    free(codes.slot);
    return ok;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* The code hashes of the units whose pair is unique (the second step),
 * written over pair, sorted; returns how many, or (size_t)-1. */
static size_t keep_told_apart(const struct unit_hashes *u, size_t n, uint64_t *pair)
{
    struct tally pairs;
    size_t k = 0;
    bool ok = tally_init(&pairs, n);
    for (size_t i = 0; ok && i < n; i++)
        if (pair[i])
            tally_add(&pairs, pair[i]);
    for (size_t i = 0; ok && i < n; i++)
        if (pair[i] && !tally_repeated(&pairs, pair[i]))
            pair[k++] = u[i].code;      /* k <= i: read before written */
    tally_free(&pairs);
    if (!ok)
        return (size_t)-1;
    qsort(pair, k, sizeof *pair, cmp_u64);
    return k;
}

/* The first index of v in sorted[0..n), or n. */
size_t unit_repeats_find(const uint64_t *sorted, size_t n, uint64_t v)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && sorted[lo] == v ? lo : n;
}

size_t unit_repeats_compute(const struct unit_hashes *u, size_t n, uint64_t *out)
{
    if (n >= UINT32_MAX)
        return (size_t)-1;      /* the code table holds 32-bit indices */
    return pairs_of(u, n, out) ? keep_told_apart(u, n, out) : (size_t)-1;
}
