/* String tables of the workload engine: codes in arenas with a hash
 * index, and interned names (districts, job families). The contract is
 * core/workload_internal.h. */
#include <stdlib.h>
#include <string.h>
#include "core/hash.h"
#include "core/workload_internal.h"

void strtab_free(struct strtab *t)
{
    free(t->buf), free(t->off);
    hindex_free(&t->ix);
    memset(t, 0, sizeof *t);
}

int strtab_reserve(struct strtab *t, size_t n, size_t bytes)
{
    if (n > t->ncap) {
        uint32_t *off = realloc(t->off, n * sizeof *off);
        if (!off)
            return -1;
        t->off = off, t->ncap = n;
    }
    if (bytes > t->cap) {
        char *buf = realloc(t->buf, bytes);
        if (!buf)
            return -1;
        t->buf = buf, t->cap = bytes;
    }
    return 0;
}

/* Appends a copy of s (at most maxlen - 1 bytes); its id, or NO_ID when
 * out of memory. */
uint32_t strtab_push(struct strtab *t, const char *s, size_t maxlen)
{
    size_t len = strnlen(s, maxlen - 1);
    if (t->len + len + 1 > UINT32_MAX || t->n >= NO_ID - 1)
        return NO_ID;
    size_t need = t->len + len + 1;
    if ((t->n == t->ncap && strtab_reserve(t, t->ncap ? t->ncap * 2 : 256, t->cap) != 0) ||
        (need > t->cap && strtab_reserve(t, t->ncap, t->cap * 2 > need ? t->cap * 2
                                                                        : need + 4096) != 0))
        return NO_ID;
    memcpy(t->buf + t->len, s, len);
    t->buf[t->len + len] = '\0';
    t->off[t->n] = (uint32_t)t->len;
    t->len += len + 1;
    return (uint32_t)t->n++;
}

static uint32_t strtab_lookup(const struct strtab *t, const char *s, uint64_t h)
{
    struct hprobe p;
    for (uint32_t id = hindex_first(&t->ix, h, &p); id != HINDEX_NONE;
         id = hindex_next(&t->ix, &p))
        if (strcmp(strtab_get(t, id), s) == 0)
            return id;
    return NO_ID;
}

/* (Re)builds the index for every id; with duplicates the first id wins. */
int strtab_index(struct strtab *t, size_t room)
{
    hindex_free(&t->ix);
    if (hindex_reserve(&t->ix, room) != 0)
        return -1;
    for (size_t i = 0; i < t->n; i++) {
        const char *s = strtab_get(t, (uint32_t)i);
        uint64_t h = hash_str(s);
        if (strtab_lookup(t, s, h) == NO_ID && hindex_add(&t->ix, h, (uint32_t)i) != 0)
            return -1;
    }
    return 0;
}

uint32_t strtab_find(const struct strtab *t, const char *s)
{
    if (!s || !t->ix.slot)
        return NO_ID;
    return strtab_lookup(t, s, hash_str(s));
}

/* The id of s, added when new (s cut to maxlen - 1 bytes). */
uint32_t strtab_intern(struct strtab *t, const char *s, size_t maxlen)
{
    char key[NAME_SIZE];
    size_t len = strnlen(s, (maxlen < NAME_SIZE ? maxlen : NAME_SIZE) - 1);
    memcpy(key, s, len);
    key[len] = '\0';
    if (!t->ix.slot && strtab_index(t, t->n + 1) != 0)
        return NO_ID;
    uint64_t h = hash_str(key);
    uint32_t id = strtab_lookup(t, key, h);
    if (id != NO_ID)
        return id;
    id = strtab_push(t, key, sizeof key);
    if (id != NO_ID && hindex_add(&t->ix, h, id) != 0)
        return NO_ID;
    return id;
}

/* The id of a name, added when new; -1 when out of memory. */
int32_t names_intern(struct names *t, const char *s, size_t maxlen)
{
    char key[NAME_SIZE];
    size_t len = strnlen(s, maxlen < NAME_SIZE ? maxlen : NAME_SIZE - 1);
    memcpy(key, s, len);
    key[len] = '\0';
    uint64_t h = hash_str(key);
    struct hprobe p;
    for (uint32_t id = hindex_first(&t->ix, h, &p); id != HINDEX_NONE;
         id = hindex_next(&t->ix, &p))
        if (strcmp(t->name[id], key) == 0)
            return (int32_t)id;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        char(*nn)[NAME_SIZE] = realloc(t->name, cap * sizeof *nn);
        if (!nn)
            return -1;
        t->name = nn, t->cap = cap;
    }
    if (t->n >= INT32_MAX || hindex_add(&t->ix, h, (uint32_t)t->n) != 0)
        return -1;
    memcpy(t->name[t->n], key, len + 1);
    return (int32_t)t->n++;
}
