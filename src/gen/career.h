/* A civil servant's career in the demo region: who holds each kind of
 * post (rank band, age band, education, the rank and age of entry) and
 * the posts that led to the current one. Internal to gen/; no I/O, and
 * randomness only from the PRNG passed in, so a seed gives one career.
 *
 * Usage (gen/person.c):
 *     int lo, hi;
 *     career_rank_band(kind, level, &lo, &hi);
 *     int edu = career_pick_education(rng, kind, level, track, min_education);
 *     struct career_posts posts = {same_job, pelaksana, ctx};
 *     const struct position *chain[CAREER_MAX];
 *     int n = career_plan(&current, entry_rank, moved, &posts, chain);
 *     n = career_history(&person, chain, n, cpns_start, in_post_since,
 *                        entry_rank, is_pppk, lines);
 */
#ifndef MUTASI_GEN_CAREER_H
#define MUTASI_GEN_CAREER_H
#include "core/date.h"
#include "core/record.h"
#include "gen/rng.h"
#include "gen/tables.h"

/* History lines of one person at most (entry post .. current post). */
#define CAREER_MAX 6

/* Fungsional keahlian (ahli pertama .. ahli utama). */
int career_is_keahlian(int level);
/* Lowest and highest rank (1..17) of the people who usually hold a post
 * of this kind and level. */
void career_rank_band(int kind, int level, int *lo, int *hi);
/* The minimum education (enum education) of a post; j: the job of a
 * pelaksana post (its own minimum), else unused (may be NULL). */
int career_min_education(int kind, int level, int track, const struct job *j);
/* Age (lo, mode, hi) of the people at each kind of post. */
void career_age_band(int kind, int level, int *lo, int *mode, int *hi);
/* Youngest age at which someone with this education becomes CPNS. */
int career_entry_age(int edu, int track);
/* The rank a CPNS starts at with this diploma (III/a = 9 for S-1/D-IV,
 * III/b for doctors, II/c for D-III, II/a for SMA). */
int career_entry_rank(int edu, int track);
/* The PPPK grade (RANK_PPPK_BASE + I..XVII) of a post's level. */
int career_pppk_grade(int level);
/* An education for a holder of this post, at least min; a fungsional's
 * exists for their profession (names.c's schooling table). */
int career_pick_education(struct rng *r, int kind, int level, int track, int min);
/* TMTs fall on the first of a month. */
mdate career_first_of_month(mdate t);

/* Where a career can pass, in the kabupaten of the current post; each
 * returns a post other than the current one, chosen with the region's
 * PRNG, or NULL when there is none:
 *   same_job: a post of the current one's job (or, for officials, of the
 *             structural kind) at this kind and level;
 *   pelaksana: a pelaksana post of the current one's job family. */
struct career_posts {
    const struct position *(*same_job)(void *ctx, int kind, int level);
    const struct position *(*pelaksana)(void *ctx);
    void *ctx;
};

/* The posts of a career that ends at now, oldest first (now last): from
 * an entry post the entry rank allows (pelaksana, pemula or terampil;
 * ahli pertama from III/a), up the levels of the job (pelaksana,
 * pengawas, administrator for officials), another post at every line.
 * moved: the person came to now from elsewhere at the same level. Posts
 * the kabupaten lacks are skipped. Returns the count (1..CAREER_MAX). */
int career_plan(const struct position *now, int entry_rank, int moved,
                const struct career_posts *posts, const struct position *chain[CAREER_MAX]);
/* The history lines of the chain into h: the first at start (CPNS), the
 * last at post, those between spread evenly, each on the first of a
 * month; the rank of each line rises from base_rank one step in four
 * years up to s->rank (a PPPK keeps their grade). Fewer lines when the
 * months between start and post are too few. Returns the count. */
int career_history(const struct staff *s, const struct position *const *chain, int n,
                   mdate start, mdate post, int base_rank, int pppk, struct history *h);
#endif
