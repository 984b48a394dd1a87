/* Which units a label must show with their parent's name: those whose
 * name repeats and whose (name, parent's name) pair is unique, so that
 * the parent tells them apart, worked out over 64-bit hashes of the
 * units' codes and names (tests/unit/test_unit_label.c states the rule
 * over the names themselves and compares). Shared by the
 * store, which keeps the result as a record recomputed whenever units
 * change (store_unit_repeats), and by nothing else: the screens read
 * that record.
 *
 * Usage:
 *
 *     struct unit_hashes u[n];               // one per unit, any order
 *     u[i] = (struct unit_hashes){unit_key_hash(code), unit_key_hash(name),
 *                                 parent[0] ? unit_key_hash(parent) : 0};
 *     uint64_t out[n];
 *     size_t k = unit_repeats_compute(u, n, out);   // (size_t)-1: no memory
 *     // out[0..k): the code hashes of the units that show their parent, sorted
 *
 * Two different strings with one hash (about one chance in 10^9 at
 * 500,000 units) would at worst show or hide one parent's name. Time
 * O(n) (two hash tables, about 40 bytes a unit while it runs), then a
 * sort of the k results. */
#ifndef MUTASI_CORE_UNIT_REPEATS_H
#define MUTASI_CORE_UNIT_REPEATS_H
#include <stddef.h>
#include <stdint.h>

struct unit_hashes {
    uint64_t code, name, parent;        /* parent 0: none */
};

/* hash_str(s), never 0 (0 stands for "none"). */
uint64_t unit_key_hash(const char *s);

/* The code hashes of the units that show their parent, sorted ascending,
 * into out (room for n); returns how many, or (size_t)-1 without memory. */
size_t unit_repeats_compute(const struct unit_hashes *u, size_t n, uint64_t *out);

/* The index of code (a unit_key_hash) in sorted[0..n), or n. */
size_t unit_repeats_find(const uint64_t *sorted, size_t n, uint64_t code);
#endif
