/* The string set (see strset.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/strset.h"

static uint32_t find_hashed(const struct strset *set, const char *s, size_t n, uint64_t h)
{
    struct hprobe p;
    for (uint32_t id = hindex_first(&set->ix, h, &p); id != HINDEX_NONE;
         id = hindex_next(&set->ix, &p)) {
        const char *had = set->arena + set->off[id];
        if (memcmp(had, s, n) == 0 && had[n] == '\0')
            return id;
    }
    return STRSET_NONE;
}

uint32_t strset_find(const struct strset *set, const char *s, size_t n)
{
    return find_hashed(set, s, n, hash_bytes(s, n));
}

uint32_t strset_add(struct strset *set, const char *s, size_t n)
{
    uint64_t h = hash_bytes(s, n);
    uint32_t id = find_hashed(set, s, n, h);
    if (id != STRSET_NONE)
        return id;
    if (set->n >= STRSET_NONE - 1 || set->len + n + 1 > UINT32_MAX ||
        GROW_ROOM(set->arena, set->cap, set->len + n + 1, 1024) != 0 ||
        GROW_ROOM(set->off, set->capn, (size_t)set->n + 1, 1024) != 0 ||
        hindex_add(&set->ix, h, set->n) != 0)
        return STRSET_NONE;
    memcpy(set->arena + set->len, s, n);
    set->arena[set->len + n] = '\0';
    set->off[set->n] = (uint32_t)set->len;
    set->len += n + 1;
    return set->n++;
}

int strset_reserve(struct strset *set, size_t n, size_t bytes)
{
    if (GROW_ROOM(set->arena, set->cap, bytes, 1024) != 0 ||
        GROW_ROOM(set->off, set->capn, n, 1024) != 0)
        return -1;
    return hindex_reserve(&set->ix, n);
}

void strset_free(struct strset *set)
{
    free(set->arena);
    free(set->off);
    hindex_free(&set->ix);
    memset(set, 0, sizeof *set);
}
