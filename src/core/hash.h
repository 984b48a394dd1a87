/* The one string hash and hash index of the program: FNV-1a (64-bit),
 * with a finaliser, and an open-addressing index from a hash to dense ids
 * whose keys the caller keeps (an arena of strings, an array of entries).
 * The index stores for each id 32 bits of its hash beside it, so that a
 * probe compares keys only when those agree, and so that growing needs
 * no key hashed again.
 *
 * Usage:
 *     struct hindex ix = {0};
 *     uint64_t h = hash_str(key);
 *     struct hprobe p;
 *     for (uint32_t id = hindex_first(&ix, h, &p); id != HINDEX_NONE;
 *          id = hindex_next(&ix, &p))
 *         if (strcmp(keys[id], key) == 0)
 *             return id;                   found
 *     id = n++; keys[id] = key;             new
 *     if (hindex_add(&ix, h, id) != 0) ... out of memory
 *     hindex_free(&ix);
 */
#ifndef MUTASI_CORE_HASH_H
#define MUTASI_CORE_HASH_H
#include <stddef.h>
#include <stdint.h>

#define FNV1A64_OFFSET 14695981039346656037ULL    /* 0xcbf29ce484222325 */
#define FNV1A64_PRIME 1099511628211ULL            /* 0x100000001b3 */

/* FNV-1a over n bytes, and over a NUL-terminated string. */
uint64_t hash_fnv1a(const void *data, size_t n);
uint64_t hash_fnv1a_str(const char *s);
/* Spreads every bit of h over the whole word (MurmurHash3's fmix64):
 * FNV mixes only upwards, so the low bits a table masks with depend on
 * the low bits of each byte alone. */
uint64_t hash_mix(uint64_t h);
/* What the index wants: hash_mix(hash_fnv1a(...)). */
uint64_t hash_bytes(const void *data, size_t n);
uint64_t hash_str(const char *s);

#define HINDEX_NONE UINT32_MAX
struct hindex {
    uint64_t *slot;          /* (32 bits of the hash) << 32 | (id + 1); 0 empty */
    size_t mask;             /* slots - 1; no slots yet when slot is NULL */
    size_t n;                /* ids added */
};
/* A walk over the ids whose stored hash bits match h. */
struct hprobe {
    size_t j;
    uint32_t tag;
};
uint32_t hindex_first(const struct hindex *x, uint64_t h, struct hprobe *p);
uint32_t hindex_next(const struct hindex *x, struct hprobe *p);
/* Adds id under h (the caller has looked: no equal key is there). Grows
 * to keep the index at most half full. 0, or -1 when out of memory. */
/* Where a probe for h starts, and the id a slot's entry e holds when its
 * stored hash bits match h (HINDEX_NONE otherwise): for prefetching. */
size_t hindex_home(const struct hindex *x, uint64_t h);
uint32_t hindex_slot_id(uint64_t e, uint64_t h);
int hindex_add(struct hindex *x, uint64_t h, uint32_t id);
/* Room for n ids without growing. 0, or -1 when out of memory. */
int hindex_reserve(struct hindex *x, size_t n);
/* Bytes of the slot array (for callers that advise the kernel on it). */
size_t hindex_bytes(const struct hindex *x);
void hindex_free(struct hindex *x);
#endif
