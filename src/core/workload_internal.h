/* Shared by workload.c (the engine) and workload_strtab.c (its string
 * tables): not part of the contract, which is core/workload.h.
 *
 * Codes live in one arena each (NUL-terminated, addressed by a 32-bit
 * offset) instead of fixed 32-byte fields: at a million staff the
 * positions' codes take about 15 MB instead of 24, and a unit's code is
 * kept once however many positions and sub-units name it. An optional
 * hash index (core/hash.h) finds a string. */
#ifndef MUTASI_CORE_WORKLOAD_INTERNAL_H
#define MUTASI_CORE_WORKLOAD_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
#include "core/hash.h"
#include "core/workload.h"

#define NO_ID UINT32_MAX

struct strtab {
    char *buf;
    size_t len, cap;
    uint32_t *off;            /* id -> offset in buf */
    size_t n, ncap;
    struct hindex ix;         /* ix.slot NULL when not indexed */
};

void strtab_free(struct strtab *t);

static inline const char *strtab_get(const struct strtab *t, uint32_t id)
{
    return t->buf + t->off[id];
}

/* Room for n ids and bytes bytes of text; 0, or -1 when out of memory. */
int strtab_reserve(struct strtab *t, size_t n, size_t bytes);
/* Appends a copy of s (at most maxlen - 1 bytes), not indexed; its id, or
 * NO_ID when out of memory. */
uint32_t strtab_push(struct strtab *t, const char *s, size_t maxlen);
/* (Re)builds the index for every id, with room for room ids; with
 * duplicates the first id wins. 0, or -1 when out of memory. */
int strtab_index(struct strtab *t, size_t room);
/* The id of s; NO_ID when absent, s is NULL or t is not indexed. */
uint32_t strtab_find(const struct strtab *t, const char *s);
/* The id of s, added when new (s cut to maxlen - 1 bytes); indexes t
 * first when it is not. NO_ID when out of memory. */
uint32_t strtab_intern(struct strtab *t, const char *s, size_t maxlen);

/* Interned names (districts, job families): few distinct values. */
struct names {
    char (*name)[NAME_SIZE];
    size_t n, cap;
    struct hindex ix;
};

/* The id of a name (cut to maxlen bytes), added when new; -1 when out of
 * memory. */
int32_t names_intern(struct names *t, const char *s, size_t maxlen);

#endif
