/* One kabupaten of the demo region made whole (kab_build in gen/kab.h):
 * holders that add up to its staff, ABK workloads that leave some units
 * short and others over-staffed, and the indexes careers look posts up
 * in. */
#include <stdlib.h>
#include <string.h>
#include "core/vocab.h"
#include "gen/kab.h"

#define EFFECTIVE_MINUTES 75000   /* 1,250 hours: the usual ABK figure */

struct share {
    uint64_t rem;
    uint32_t idx;
};

static int share_cmp(const void *a, const void *b)
{
    const struct share *x = a, *y = b;
    if (x->rem != y->rem)
        return x->rem < y->rem ? 1 : -1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sets holders so that they add up to exactly target: the planned counts
 * scaled by largest remainder. Structural posts keep their one holder
 * unless the kabupaten is too small even for them. */
static int apportion(struct kab *k, uint32_t target)
{
    uint64_t fixed = 0, flexible = 0;
    for (size_t i = 0; i < k->nslots; i++) {
        if (k->slots[i].job == STRUCTURAL)
            fixed += k->slots[i].planned;
        else
            flexible += k->slots[i].planned;
    }
    int keep_structural = target >= fixed * 2 && flexible > 0;
    uint64_t base = keep_structural ? flexible : fixed + flexible;
    uint64_t want = keep_structural ? target - fixed : target;
    struct share *sh = malloc((k->nslots + 1) * sizeof *sh);
    if (!sh)
        return -1;
    uint64_t given = 0;
    size_t n = 0;
    for (size_t i = 0; i < k->nslots; i++) {
        struct slot *s = &k->slots[i];
        if (keep_structural && s->job == STRUCTURAL) {
            s->holders = s->planned;
            continue;
        }
        uint64_t x = base ? (uint64_t)s->planned * want : 0;
        s->holders = base ? (uint32_t)(x / base) : 0;
        given += s->holders;
        if (s->planned)
            sh[n++] = (struct share){base ? x % base : 0, (uint32_t)i};
    }
    qsort(sh, n, sizeof *sh, share_cmp);
    for (size_t i = 0; given < want && n; i = (i + 1) % n) {
        k->slots[sh[i].idx].holders++;
        given++;
    }
    free(sh);
    return 0;
}

/* --- workload (ABK) ------------------------------------------------------ */

/* Annual workload so that EJ = workload / (holders x 75,000) lands in the
 * unit's band: short units (EJ > 1, grade A), balanced (B), slack (C),
 * over-staffed (D, E). Vacant posts carry work nobody does. */
static void set_workload(struct kab *k)
{
    static const int16_t centre[4][2] = {{110, 160}, {86, 99}, {70, 85}, {32, 64}};
    for (size_t i = 0; i < k->nunits; i++) {
        int pr = k->uinfo[i].profile;
        k->uinfo[i].profile = (uint8_t)rng_range(&k->rng, centre[pr][0], centre[pr][1]);
    }
    for (size_t i = 0; i < k->nslots; i++) {
        struct slot *s = &k->slots[i];
        int64_t wl;
        if (s->holders == 0) {
            wl = (int64_t)EFFECTIVE_MINUTES * rng_range(&k->rng, 45, 150) / 100;
        } else {
            int ej = s->job == STRUCTURAL ? rng_range(&k->rng, 85, 118)
                                          : k->uinfo[s->unit].profile + rng_range(&k->rng, -8, 8);
            wl = (int64_t)s->holders * EFFECTIVE_MINUTES * ej / 100;
        }
        wl += rng_range(&k->rng, -420, 420);
        s->p.workload_minutes = wl < 600 ? 600 : wl;
    }
}

/* --- indexes ------------------------------------------------------------- */

static void index_families(struct kab *k)
{
    for (int f = 0; f < FAM_COUNT; f++)
        k->nfamily[f] = 0;
    for (size_t i = 0; i < k->nslots; i++)
        for (int f = 0; f < FAM_COUNT; f++)
            if (strcmp(k->slots[i].p.job_family, family_names[f]) == 0) {
                k->by_family[f][k->nfamily[f]++] = (uint32_t)i;
                break;
            }
}

/* The sort key of a post by job and level: the same job at the next level
 * is where a career goes. Structural posts are keyed by their kind. */
static uint64_t job_key(int job, int kind, int level)
{
    uint64_t j = job >= 0 ? (uint64_t)job : (uint64_t)njobs + (uint64_t)kind;
    return j << 4 | (uint64_t)(level & 15);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int index_jobs(struct kab *k)
{
    free(k->by_job);
    k->by_job = malloc((k->nslots + 1) * sizeof *k->by_job);
    if (!k->by_job)
        return -1;
    for (size_t i = 0; i < k->nslots; i++)
        k->by_job[i] = job_key(k->slots[i].job, k->slots[i].p.kind, k->slots[i].p.level) << 32 |
                       (uint64_t)i;
    qsort(k->by_job, k->nslots, sizeof *k->by_job, cmp_u64);
    size_t n = 1024;
    while (n < (size_t)k->staff * 2)
        n *= 2;
    free(k->names);
    k->names = calloc(n, sizeof *k->names);
    k->names_mask = n - 1;
    return k->names ? 0 : -1;
}

const struct slot *kab_find_post(struct kab *k, int job, int kind, int level,
                                 const struct slot *not)
{
    uint64_t key = job_key(job, kind, level);
    size_t lo = 0, hi = k->nslots;
    while (lo < hi) {                         /* first entry >= key */
        size_t mid = (lo + hi) / 2;
        if (k->by_job[mid] >> 32 < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < k->nslots && k->by_job[end] >> 32 == key)
        end++;
    for (int tries = 0; tries < 4 && end > lo; tries++) {
        const struct slot *c = &k->slots[k->by_job[lo + rng_below(&k->rng, (uint32_t)(end - lo))]
                                         & 0xffffffffu];
        if (c != not)
            return c;
    }
    return NULL;
}

const struct slot *kab_find_pelaksana(struct kab *k, const char *family,
                                      const struct slot *not)
{
    for (int f = 0; f < FAM_COUNT; f++) {
        if (strcmp(family, family_names[f]) != 0 || !k->nfamily[f])
            continue;
        for (int tries = 0; tries < 12; tries++) {
            const struct slot *c =
                &k->slots[k->by_family[f][rng_below(&k->rng, (uint32_t)k->nfamily[f])]];
            if (c != not && c->p.kind == PKIND_PELAKSANA)
                return c;
        }
        /* a family with few pelaksana: look at every post (rare) */
        for (size_t i = 0; i < k->nfamily[f]; i++) {
            const struct slot *c = &k->slots[k->by_family[f][i]];
            if (c != not && c->p.kind == PKIND_PELAKSANA)
                return c;
        }
        break;
    }
    return NULL;
}

int kab_build(struct region *g, struct kab *k, const char *parent)
{
    if (kab_build_units(g, k, parent) < 0 || apportion(k, k->staff) < 0)
        return -1;
    set_workload(k);
    for (int f = 0; f < FAM_COUNT; f++) {
        free(k->by_family[f]);
        k->by_family[f] = malloc((k->nslots + 1) * sizeof(uint32_t));
        if (!k->by_family[f])
            return -1;
    }
    index_families(k);
    return index_jobs(k);
}

void kab_free(struct kab *k)
{
    free(k->units);
    free(k->uinfo);
    free(k->slots);
    for (int f = 0; f < FAM_COUNT; f++)
        free(k->by_family[f]);
    free(k->by_job);
    free(k->names);
    memset(k, 0, sizeof *k);
}
