/* The synthetic demo region: a deterministic generator of units, positions
 * and staff that look like a real Indonesian kabupaten (or, for large
 * counts, many kabupaten/kota grouped in provinces).
 *
 * Same parameters => the same records in the same order on every machine:
 * the generator has its own integer PRNG and uses no floating point, no
 * clock and no locale. It uses core/ only and does no I/O: records are
 * handed to callbacks, so the caller decides where they go. */
#ifndef MUTASI_GEN_GEN_H
#define MUTASI_GEN_GEN_H
#include <stdint.h>
#include "core/policy.h"
#include "core/record.h"

#define GEN_DEFAULT_STAFF 5000u
#define GEN_MAX_STAFF 4300000u      /* all ASN of the country */
#define GEN_DEFAULT_SEED 1u
/* One kabupaten/kota holds at most this many staff; more staff means more
 * kabupaten. */
#define GEN_KAB_MAX_STAFF 10000u

struct gen_params {
    uint64_t seed;
    uint32_t staff;                 /* exactly this many staff, 1..GEN_MAX_STAFF */
    mdate today;                    /* ages, time in post, SKP years, penalties */
    /* retirement ages by rules_bup (nobody is made past theirs, no penalty
     * runs past it); NULL = policy_defaults */
    const struct policy *policy;
};

/* Each callback returns 0 to go on or a positive value to stop the
 * generator (gen_region then returns that value). Records are valid only
 * during the call. Order: for each kabupaten its units (parents before
 * children; a province's unit before its first kabupaten), then its
 * positions, then its staff. */
struct gen_sink {
    int (*unit)(void *ctx, const struct unit *u);
    int (*position)(void *ctx, const struct position *p);
    /* A person and their position history, oldest line first; the last
     * line is the current post. */
    int (*staff)(void *ctx, const struct staff *s, const struct history *h, int nh);
    void *ctx;
};

struct gen_counts {
    uint64_t units, positions, staff, history;
    uint32_t kabupaten, provinces;
};

enum { GEN_OK = 0, GEN_ENOMEM = -1, GEN_EINVAL = -2 };

/* Number of kabupaten/kota the region will have for this many staff. */
uint32_t gen_kabupaten_count(uint32_t staff);

/* Generates the whole region into sink. counts (may be NULL) receives
 * what was emitted. Returns GEN_OK, a callback's stop value, GEN_ENOMEM,
 * or GEN_EINVAL for staff outside 1..GEN_MAX_STAFF. */
int gen_region(const struct gen_params *p, const struct gen_sink *sink,
               struct gen_counts *counts);
#endif
