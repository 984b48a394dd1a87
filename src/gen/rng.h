/* The generator's own PRNG: xoshiro256** seeded through splitmix64
 * (Blackman & Vigna). Integer-only, so a seed gives the same stream on
 * every machine; never rand(), never floating point. */
#ifndef MUTASI_GEN_RNG_H
#define MUTASI_GEN_RNG_H
#include <stdint.h>

struct rng {
    uint64_t s[4];
};

static inline uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* A stream for (seed, stream): independent streams for each kabupaten so
 * that one kabupaten's records do not depend on how many came before. */
static inline void rng_seed(struct rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed ^ (stream * 0xd1342543de82ef95ull);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl64(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static inline uint64_t rng_next(struct rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl64(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl64(s[3], 45);
    return result;
}

/* Uniform in [0, n) by the multiply-high method (n > 0). */
static inline uint32_t rng_below(struct rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi], inclusive. */
static inline int rng_range(struct rng *r, int lo, int hi)
{
    return hi <= lo ? lo : lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

/* True with probability per_mille / 1000. */
static inline int rng_permille(struct rng *r, int per_mille)
{
    return (int)rng_below(r, 1000) < per_mille;
}

/* Triangular on [lo, hi] with its peak at mode: the larger of two
 * uniforms left of the mode, the smaller of two right of it. */
static inline int rng_tri(struct rng *r, int lo, int mode, int hi)
{
    if (hi <= lo)
        return lo;
    if (rng_below(r, (uint32_t)(hi - lo)) < (uint32_t)(mode - lo)) {
        int a = rng_range(r, lo, mode), b = rng_range(r, lo, mode);
        return a > b ? a : b;
    }
    int a = rng_range(r, mode, hi), b = rng_range(r, mode, hi);
    return a < b ? a : b;
}

/* Index chosen with the given integer weights (sum > 0). */
static inline int rng_weighted(struct rng *r, const uint16_t *w, int n)
{
    uint32_t sum = 0;
    for (int i = 0; i < n; i++)
        sum += w[i];
    uint32_t x = rng_below(r, sum);
    for (int i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}
#endif
