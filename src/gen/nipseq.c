/* NIP sequence numbers of the demo region (gen/nipseq.h). */
#include <stdlib.h>
#include "core/vocab.h"
#include "gen/nipseq.h"
#include "gen/text.h"

int nipseq_init(struct nipseq *q, uint32_t staff)
{
    size_t n = 1024;
    while (n < (size_t)staff + staff / 3)
        n *= 2;
    q->slot = calloc(n, sizeof *q->slot);
    q->mask = n - 1;
    return q->slot ? 0 : -1;
}

/* Adds key|seq; false when that NIP is already taken. */
static int nipseq_take(struct nipseq *q, uint64_t key, int seq)
{
    uint64_t want = key << 10 | (uint64_t)seq, h = want;
    size_t i = (size_t)splitmix64(&h) & q->mask;
    for (;;) {
        uint64_t v = q->slot[i];
        if (v == 0) {
            q->slot[i] = want;
            return 1;
        }
        if (v == want)
            return 0;
        i = (i + 1) & q->mask;
    }
}

/* How far the sequences of an appointment month reach: the national
 * intakes (TMT in January, March or April) are large, other months small.
 * A function of the month alone, so every region agrees. */
static int batch_spread(int year, int month)
{
    uint64_t h = (uint64_t)(year * 12 + month) * 0x9e3779b97f4a7c15ull;
    int spread = 1 + (int)(splitmix64(&h) % 4);
    if (month == 1 || month == 3 || month == 4)
        spread *= 6;
    return spread;
}

/* A free sequence number for this prefix, drawn over the batch (low
 * numbers more often), or 0 when all 999 are used. */
static int nipseq_next(struct nipseq *q, struct rng *r, uint64_t key, int spread)
{
    int seq = rng_tri(r, 1, 1, spread);
    for (int n = 0; n < 999; n++, seq = seq % 999 + 1)
        if (nipseq_take(q, key, seq))
            return seq;
    return 0;
}

void nipseq_free(struct nipseq *q)
{
    free(q->slot);
    q->slot = NULL;
}

int nipseq_assign(struct nipseq *q, struct rng *r, mdate birth, mdate start, int sex,
                  char nip[NIP_LEN + 1])
{
    int by, bm, bd, cy, cm, cd;
    date_to_ymd(birth, &by, &bm, &bd);
    date_to_ymd(start, &cy, &cm, &cd);
    uint64_t key = ((uint64_t)(by * 10000 + bm * 100 + bd) * 1000000u +
                    (uint64_t)(cy * 100 + cm)) * 10u + (uint64_t)sex;
    int seq = nipseq_next(q, r, key, batch_spread(cy, cm));
    if (seq == 0)
        return -1;
    char *d = gen_digits(nip, 4, (unsigned long)by);
    d = gen_digits(d, 2, (unsigned long)bm);
    d = gen_digits(d, 2, (unsigned long)bd);
    d = gen_digits(d, 4, (unsigned long)cy);
    d = gen_digits(d, 2, (unsigned long)cm);
    d = gen_digits(d, 1, sex == SEX_P ? 2 : 1);
    *gen_digits(d, 3, (unsigned long)seq) = '\0';
    return 0;
}
