/* One kabupaten/kota of the demo region while it is being made: its
 * units, its positions (slots, with how many people will hold each) and
 * the indexes that careers look posts up in. Internal to gen/: region.c
 * makes the kabupaten one after another, units.c builds its units and
 * positions, kab.c sizes them to the staff count and gives them their
 * ABK workload, person.c makes up the holders.
 *
 *     struct kab k = {...rng, index, staff, style, prefix...};
 *     kab_build(&g, &k, province_code);     (-1: out of memory)
 *     for each slot, holders times: person_make(&g, &k, slot, &s, h, &nh);
 *     kab_free(&k);
 */
#ifndef MUTASI_GEN_KAB_H
#define MUTASI_GEN_KAB_H
#include <stddef.h>
#include <stdint.h>
#include "core/policy.h"
#include "core/record.h"
#include "gen/gen.h"
#include "gen/names.h"
#include "gen/nipseq.h"
#include "gen/rng.h"
#include "gen/tables.h"

#define MAX_KEC 32
#define STRUCTURAL (-1)           /* slot.job of a structural post */

struct uinfo {
    uint8_t family, track, profile;
    uint8_t npos;                 /* positions numbered so far */
    uint16_t district;
};

/* A position and what the generator knows of its holders. p comes first:
 * a slot's position is (const struct position *)slot. */
struct slot {
    struct position p;
    int16_t job;                  /* index in jobs[], or STRUCTURAL */
    uint8_t track, female, pppk;
    uint16_t unit;
    uint32_t planned, holders;
};

struct kab {
    struct rng rng;
    uint32_t index, staff;
    int style, is_kota;
    char prefix[8];               /* "3204." or "" */
    char name[40];
    char district[MAX_KEC][DISTRICT_SIZE];
    int ndist;
    int scale_pct;                /* OPD job counts grow with the kabupaten */
    struct unit *units;
    struct uinfo *uinfo;
    size_t nunits, capunits, capuinfo;
    struct slot *slots;
    size_t nslots, capslots;
    uint32_t *by_family[FAM_COUNT];
    size_t nfamily[FAM_COUNT];
    uint64_t *by_job;             /* (job, level) << 32 | slot, sorted */
    uint64_t *names;              /* full names given (hash << 2 | count) */
    size_t names_mask;
};

/* The whole region: what every kabupaten shares. */
struct region {
    const struct gen_params *p;
    const struct policy *policy;  /* retirement ages (rules_bup) */
    const struct gen_sink *sink;
    struct gen_counts *counts;
    struct nipseq seq;
    int today_y, today_m, today_d;
    uint32_t nkab, nprov, kab_per_prov;
    uint32_t style_used[STYLE_COUNT];
    int style_offset;
};

/* units.c: the units and positions of k (its name and districts first),
 * with planned holders that reach at least k->staff. 0 or -1 (memory). */
int kab_build_units(struct region *g, struct kab *k, const char *parent);
/* kab.c: kab_build_units, then holders that add up to exactly k->staff,
 * the ABK workloads and the indexes below. 0 or -1 (memory). */
int kab_build(struct region *g, struct kab *k, const char *parent);
/* A post of this job (or STRUCTURAL kind) at this level, other than
 * `not`, chosen at random; NULL when the kabupaten has none. */
const struct slot *kab_find_post(struct kab *k, int job, int kind, int level,
                                 const struct slot *not);
/* A pelaksana post in the job family, other than `not`; NULL: none. */
const struct slot *kab_find_pelaksana(struct kab *k, const char *family,
                                      const struct slot *not);
void kab_free(struct kab *k);

/* person.c: makes up a holder of slot sl: the person and their history
 * (*nh lines, at most CAREER_MAX). 0, or -1 when no NIP is left. */
int person_make(struct region *g, struct kab *k, const struct slot *sl, struct staff *s,
                struct history *h, int *nh);
#endif
