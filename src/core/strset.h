/* A set of strings with dense ids: each distinct string once,
 * NUL-terminated, in one arena; ids 0, 1, 2... in the order they were
 * added. For large lookup tables built once (an import's codes): about
 * the strings' bytes plus 24 bytes an entry, no allocation per string.
 *
 * Usage:
 *     struct strset s = {0};
 *     uint32_t id = strset_add(&s, "1808.DISDIK", 11);   STRSET_NONE: no memory
 *     uint32_t at = strset_find(&s, "1808.DISDIK", 11);  STRSET_NONE: absent
 *     const char *text = strset_str(&s, id);
 *     strset_free(&s);
 */
#ifndef MUTASI_CORE_STRSET_H
#define MUTASI_CORE_STRSET_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "core/hash.h"

#define STRSET_NONE UINT32_MAX
struct strset {
    char *arena;
    size_t len, cap;
    uint32_t *off;              /* where string id starts in the arena */
    uint32_t n;
    size_t capn;
    struct hindex ix;
    size_t vsize;               /* bytes of value kept with each string
                                 * (strset_val), set before the first add */
};
/* The id of s (n bytes, no NUL among them), added when new. */
uint32_t strset_add(struct strset *set, const char *s, size_t n);
uint32_t strset_find(const struct strset *set, const char *s, size_t n);
/* strset_find, and *str = strset_str of what it found (without reading
 * its offset: one cache miss fewer for a caller that keeps both). */
uint32_t strset_find_str(const struct strset *set, const char *s, size_t n, const char **str);
/* strset_add of a string the caller knows is not in the set (the codes
 * of a table, each once): no look-up first. */
uint32_t strset_add_new(struct strset *set, const char *s, size_t n);
/* Room for n strings of bytes in all (their NULs included) without
 * growing: -1 when out of memory (the set grows as needed then). */
int strset_reserve(struct strset *set, size_t n, size_t bytes);
static inline const char *strset_str(const struct strset *set, uint32_t id)
{
    return set->arena + set->off[id];
}
/* The id of the string str (as strset_str or strset_find_str gave it):
 * kept just before it. */
static inline uint32_t strset_id_of(const struct strset *set, const char *str)
{
    uint32_t id;
    (void)set;
    memcpy(&id, str - sizeof id, sizeof id);
    return id;
}
/* The value of the string str (as strset_str or strset_find_str gave
 * it): vsize bytes, zero until the caller writes them. */
static inline void *strset_val(const struct strset *set, const char *str)
{
    return (char *)str - sizeof(uint32_t) - set->vsize;
}
void strset_free(struct strset *set);
#endif
