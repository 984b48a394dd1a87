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

/* How often each key was added, counted up to 2: the distinct keys and
 * their counts by id, found through core's hash index (the keys are
 * hashes already: they index themselves). */
struct tally {
    struct hindex ix;
    uint64_t *key;
    uint8_t *count;
    uint32_t n;
};

static bool tally_init(struct tally *t, size_t n)
{
    *t = (struct tally){.n = 0};
    t->key = malloc((n ? n : 1) * sizeof *t->key);
    t->count = malloc((n ? n : 1) * sizeof *t->count);
    return t->key && t->count && hindex_reserve(&t->ix, n) == 0;
}

static uint32_t tally_find(const struct tally *t, uint64_t key)
{
    struct hprobe p;
    uint32_t id = hindex_first(&t->ix, key, &p);
    while (id != HINDEX_NONE && t->key[id] != key)
        id = hindex_next(&t->ix, &p);
    return id;
}

/* Room was reserved for every key: adding cannot fail. */
static void tally_add(struct tally *t, uint64_t key)
{
    uint32_t id = tally_find(t, key);
    if (id == HINDEX_NONE) {
        id = t->n++;
        t->key[id] = key;
        t->count[id] = 0;
        hindex_add(&t->ix, key, id);
    }
    if (t->count[id] < 2)
        t->count[id]++;
}

static bool tally_repeated(const struct tally *t, uint64_t key)
{
    uint32_t id = tally_find(t, key);
    return id != HINDEX_NONE && t->count[id] > 1;
}

static void tally_free(struct tally *t)
{
    hindex_free(&t->ix);
    free(t->key);
    free(t->count);
}

/* The units by their code's hash (a code seen twice: the last). */
static bool by_code_init(struct hindex *c, const struct unit_hashes *u, size_t n);

static const struct unit_hashes *by_code_get(const struct hindex *c, const struct unit_hashes *u,
                                             uint64_t code)
{
    struct hprobe p;
    uint32_t id = hindex_first(c, code, &p);
    while (id != HINDEX_NONE && u[id].code != code)
        id = hindex_next(c, &p);
    return id != HINDEX_NONE ? &u[id] : NULL;
}

static bool by_code_init(struct hindex *c, const struct unit_hashes *u, size_t n)
{
    if (hindex_reserve(c, n) != 0)
        return false;
    /* from the last, so that the last of a repeated code is the one found */
    for (size_t i = n; i-- > 0;)
        if (!by_code_get(c, u, u[i].code))
            hindex_add(c, u[i].code, (uint32_t)i);
    return true;
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
    struct hindex codes = {0};
    bool ok = tally_init(&names, n) && by_code_init(&codes, u, n);
    for (size_t i = 0; ok && i < n; i++)
        tally_add(&names, u[i].name);
    for (size_t i = 0; ok && i < n; i++) {
        const struct unit_hashes *up = u[i].parent ? by_code_get(&codes, u, u[i].parent) : NULL;
        pair[i] = up && tally_repeated(&names, u[i].name) ? pair_hash(u[i].name, up->name) : 0;
    }
    tally_free(&names);
    hindex_free(&codes);
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
