/* The string set (see strset.h). Each string sits in the arena after its
 * value (vsize bytes) and its id (4 bytes), and the index holds where the
 * string starts instead of its id: a look-up reads the index slot and then the string, with its id
 * beside it, two cache misses where id -> offset -> string made three (a
 * million look-ups all over a large set are mostly misses). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/strset.h"
#include <xxhash.h>

#define ID_BYTES sizeof(uint32_t)

static uint32_t id_at(const struct strset *set, uint32_t at)
{
    uint32_t id;
    memcpy(&id, set->arena + at - ID_BYTES, sizeof id);
    return id;
}

/* The id of s, and where it is kept in *str. */
uint32_t strset_find_hashed(const struct strset *set, const char *s, size_t n, uint64_t h,
                            const char **str)
{
    struct hprobe p;
    for (uint32_t at = hindex_first(&set->ix, h, &p); at != HINDEX_NONE;
         at = hindex_next(&set->ix, &p)) {
        const char *had = set->arena + at;
        if (memcmp(had, s, n) == 0 && had[n] == '\0') {
            *str = had;
            return id_at(set, at);
        }
    }
    return STRSET_NONE;
}

uint32_t strset_find(const struct strset *set, const char *s, size_t n)
{
    const char *str;
    return strset_find_hashed(set, s, n, strset_hash(s, n), &str);
}

uint32_t strset_find_str(const struct strset *set, const char *s, size_t n, const char **str)
{
    return strset_find_hashed(set, s, n, strset_hash(s, n), str);
}

uint32_t strset_add_hashed(struct strset *set, const char *s, size_t n, uint64_t h)
{
    size_t at = set->len + set->vsize + ID_BYTES;
    if (set->n >= STRSET_NONE - 1 || at + n + 1 >= UINT32_MAX ||
        GROW_ROOM(set->arena, set->cap, at + n + 1, 1024) != 0 ||
        GROW_ROOM(set->off, set->capn, (size_t)set->n + 1, 1024) != 0 ||
        hindex_add(&set->ix, h, (uint32_t)at) != 0)
        return STRSET_NONE;
    memset(set->arena + set->len, 0, set->vsize);
    memcpy(set->arena + at - ID_BYTES, &set->n, ID_BYTES);
    memcpy(set->arena + at, s, n);
    set->arena[at + n] = '\0';
    set->off[set->n] = (uint32_t)at;
    set->len = at + n + 1;
    return set->n++;
}

/* XXH3 rather than hash_bytes: several times faster on strings of 20 to
 * 40 bytes, and nothing of a set depends on its hash but its look-ups. */
uint64_t strset_hash(const char *s, size_t n)
{
    return XXH3_64bits(s, n);
}

void strset_prefetch(const struct strset *set, uint64_t h, int stage)
{
    if (!set->ix.slot)
        return;
    const uint64_t *slot = &set->ix.slot[hindex_home(&set->ix, h)];
    if (stage == 0) {
        __builtin_prefetch(slot);
        return;
    }
    /* the first slot of the probe, when it is this hash's: a later one is
     * rare at an index at most half full */
    uint32_t at = hindex_slot_id(*slot, h);
    if (at != HINDEX_NONE) {
        __builtin_prefetch(set->arena + at - ID_BYTES - set->vsize);    /* its value */
        __builtin_prefetch(set->arena + at);
    }
}

uint32_t strset_add(struct strset *set, const char *s, size_t n)
{
    uint64_t h = strset_hash(s, n);
    const char *str;
    uint32_t id = strset_find_hashed(set, s, n, h, &str);
    return id != STRSET_NONE ? id : strset_add_hashed(set, s, n, h);
}

uint32_t strset_add_new(struct strset *set, const char *s, size_t n)
{
    return strset_add_hashed(set, s, n, strset_hash(s, n));
}

int strset_reserve(struct strset *set, size_t n, size_t bytes)
{
    if (GROW_ROOM(set->arena, set->cap, bytes + n * (set->vsize + ID_BYTES), 1024) != 0 ||
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
