/* FNV-1a and the hash index (see hash.h). */
#include <stdlib.h>
#include "core/hash.h"

uint64_t hash_fnv1a(const void *data, size_t n)
{
    const unsigned char *b = data;
    uint64_t h = FNV1A64_OFFSET;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * FNV1A64_PRIME;
    return h;
}

uint64_t hash_fnv1a_str(const char *s)
{
    uint64_t h = FNV1A64_OFFSET;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * FNV1A64_PRIME;
    return h;
}

uint64_t hash_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

uint64_t hash_bytes(const void *data, size_t n)
{
    return hash_mix(hash_fnv1a(data, n));
}

uint64_t hash_str(const char *s)
{
    return hash_mix(hash_fnv1a_str(s));
}

/* The high half picks the slot and is kept in it, so growing places every
 * id again from its slot alone. */
static uint32_t tag_of(uint64_t h)
{
    return (uint32_t)(h >> 32);
}

static uint32_t scan(const struct hindex *x, struct hprobe *p)
{
    for (uint64_t e; (e = x->slot[p->j]) != 0; p->j = (p->j + 1) & x->mask)
        if ((uint32_t)(e >> 32) == p->tag)
            return (uint32_t)e - 1;
    return HINDEX_NONE;
}

uint32_t hindex_first(const struct hindex *x, uint64_t h, struct hprobe *p)
{
    p->tag = tag_of(h);
    if (!x->slot)
        return HINDEX_NONE;
    p->j = p->tag & x->mask;
    return scan(x, p);
}

uint32_t hindex_next(const struct hindex *x, struct hprobe *p)
{
    p->j = (p->j + 1) & x->mask;
    return scan(x, p);
}

size_t hindex_home(const struct hindex *x, uint64_t h)
{
    return tag_of(h) & x->mask;
}

uint32_t hindex_slot_id(uint64_t e, uint64_t h)
{
    return e && (uint32_t)(e >> 32) == tag_of(h) ? (uint32_t)e - 1 : HINDEX_NONE;
}

static void place(uint64_t *slot, size_t mask, uint64_t e)
{
    size_t j = (uint32_t)(e >> 32) & mask;
    while (slot[j])
        j = (j + 1) & mask;
    slot[j] = e;
}

static int regrow(struct hindex *x, size_t nslots)
{
    uint64_t *slot = calloc(nslots, sizeof *slot);
    if (!slot)
        return -1;
    for (size_t j = 0; x->slot && j <= x->mask; j++)
        if (x->slot[j])
            place(slot, nslots - 1, x->slot[j]);
    free(x->slot);
    x->slot = slot;
    x->mask = nslots - 1;
    return 0;
}

int hindex_reserve(struct hindex *x, size_t n)
{
    if (x->slot && 2 * n + 2 <= x->mask + 1)
        return 0;
    size_t nslots = 16;
    while (nslots < 2 * n + 2)
        nslots *= 2;
    return regrow(x, nslots);
}

int hindex_add(struct hindex *x, uint64_t h, uint32_t id)
{
    if ((!x->slot || (x->n + 1) * 2 > x->mask + 1) && hindex_reserve(x, x->n + 1) != 0)
        return -1;
    place(x->slot, x->mask, (uint64_t)tag_of(h) << 32 | ((uint64_t)id + 1));
    x->n++;
    return 0;
}

size_t hindex_bytes(const struct hindex *x)
{
    return x->slot ? (x->mask + 1) * sizeof *x->slot : 0;
}

void hindex_free(struct hindex *x)
{
    free(x->slot);
    x->slot = NULL;
    x->mask = 0;
    x->n = 0;
}
