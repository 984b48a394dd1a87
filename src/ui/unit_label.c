/* A unit's name with its parent's where the name repeats (contract in
 * unit_label.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/hash.h"
#include "ui/unit_label.h"

/* An open-addressed table of indices into names: the first index seen
 * of each name; a second sighting marks both. */
bool *ui_names_repeated(char *const *names, size_t n)
{
    bool *dup = calloc(n ? n : 1, sizeof *dup);
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    size_t *slot = malloc(cap * sizeof *slot);
    if (!dup || !slot) {
        free(slot);
        free(dup);
        return NULL;
    }
    for (size_t k = 0; k < cap; k++)
        slot[k] = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (!names[i])
            continue;
        size_t k = (size_t)hash_str(names[i]) & (cap - 1);
        while (slot[k] != (size_t)-1 && strcmp(names[slot[k]], names[i]) != 0)
            k = (k + 1) & (cap - 1);
        if (slot[k] == (size_t)-1)
            slot[k] = i;
        else
            dup[i] = dup[slot[k]] = true;
    }
    free(slot);
    return dup;
}

bool *ui_names_told_apart(char *const *names, const long *parent, size_t n)
{
    bool *show = ui_names_repeated(names, n);
    char **pairs = calloc(n ? n : 1, sizeof *pairs);
    bool ok = show && pairs;
    for (size_t i = 0; ok && i < n; i++) {
        if (!show[i] || parent[i] < 0 || !names[parent[i]]) {
            show[i] = false;
            continue;
        }
        size_t len = strlen(names[i]) + strlen(names[parent[i]]) + 2;
        pairs[i] = malloc(len);
        ok = pairs[i] != NULL;
        if (ok)
            snprintf(pairs[i], len, "%s\x1f%s", names[i], names[parent[i]]);
    }
    bool *same = ok ? ui_names_repeated(pairs, n) : NULL;
    for (size_t i = 0; same && i < n; i++)
        show[i] = show[i] && !same[i];
    for (size_t i = 0; pairs && i < n; i++)
        free(pairs[i]);
    free(pairs);
    if (!same) {
        free(show);
        return NULL;
    }
    free(same);
    return show;
}

void ui_unit_label_format(char *out, size_t size, const char *name, const char *parent)
{
    if (parent && parent[0])
        snprintf(out, size, "%s (%s)", name, parent);
    else
        snprintf(out, size, "%s", name);
}

/* ---- by code, for the Staff screen -------------------------------------- */
/* Every unit as three 64-bit hashes, of its code, its name and its
 * parent's code (0: none): 24 bytes a unit where the strings took some
 * 250. Two different strings with one hash (about one chance in 10^9 at
 * 500,000 units) would at worst show or hide one parent's name. */
struct uhash {
    uint64_t code, name, parent;
};

struct gather {
    struct uhash *u;
    size_t n, cap;
};

static uint64_t key_hash(const char *s)
{
    uint64_t h = hash_str(s);
    return h ? h : 1;           /* 0 stands for "none" */
}

static int gather_unit(const struct unit *u, void *ctx)
{
    struct gather *g = ctx;
    if (g->n == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 1024;
        struct uhash *n = realloc(g->u, cap * sizeof *n);
        if (!n)
            return 1;
        g->u = n;
        g->cap = cap;
    }
    g->u[g->n++] = (struct uhash){key_hash(u->code), key_hash(u->name),
                                  u->parent[0] ? key_hash(u->parent) : 0};
    return 0;
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

static bool by_code_init(struct by_code *c, const struct uhash *u, size_t n)
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
static const struct uhash *by_code_get(const struct by_code *c, const struct uhash *u,
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
 * parent is found, else 0 (ui_names_told_apart's first step). */
static bool pairs_of(const struct uhash *u, size_t n, uint64_t *pair)
{
    struct tally names;
    struct by_code codes = {NULL, 0};
    bool ok = tally_init(&names, n) && by_code_init(&codes, u, n);
    for (size_t i = 0; ok && i < n; i++)
        tally_add(&names, u[i].name);
    for (size_t i = 0; ok && i < n; i++) {
        const struct uhash *up = u[i].parent ? by_code_get(&codes, u, u[i].parent) : NULL;
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
static size_t keep_told_apart(const struct uhash *u, size_t n, uint64_t *pair)
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

int ui_unit_repeats_load(struct unit_repeats *r, stxn *t)
{
    ui_unit_repeats_free(r);
    size_t units = store_count_units(t);
    struct gather g = {malloc((units ? units : 1) * sizeof *g.u), 0, units ? units : 1};
    uint64_t *pair = NULL;
    size_t k = (size_t)-1;
    if (g.u && store_each_unit(t, gather_unit, &g) == 0 && g.n < UINT32_MAX &&
        (pair = malloc((g.n ? g.n : 1) * sizeof *pair)) && pairs_of(g.u, g.n, pair))
        k = keep_told_apart(g.u, g.n, pair);
    free(g.u);
    if (k == (size_t)-1) {
        free(pair);
        return -1;
    }
    uint64_t *fit = realloc(pair, (k ? k : 1) * sizeof *fit);
    *r = (struct unit_repeats){fit ? fit : pair, k, true};
    return 0;
}

/* The first index of v in sorted[0..n), or n. */
static size_t find_u64(const uint64_t *sorted, size_t n, uint64_t v)
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

bool ui_unit_repeats_has(const struct unit_repeats *r, const char *code)
{
    return r->n && find_u64(r->codes, r->n, key_hash(code)) < r->n;
}

void ui_unit_repeats_free(struct unit_repeats *r)
{
    free(r->codes);
    *r = (struct unit_repeats){0};
}

void ui_unit_label(stxn *t, const struct unit_repeats *r, const char *code, char *out,
                   size_t size)
{
    struct unit u, parent;
    if (!code[0] || store_get_unit(t, code, &u) != STORE_OK) {
        snprintf(out, size, "%s", code);
        return;
    }
    bool show_parent = ui_unit_repeats_has(r, code) && u.parent[0] &&
                       store_get_unit(t, u.parent, &parent) == STORE_OK;
    ui_unit_label_format(out, size, u.name, show_parent ? parent.name : NULL);
}
