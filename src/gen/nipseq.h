/* NIPs for the demo region: the sequence number (the last three digits)
 * of every person, unique over the whole region and spread over each
 * appointment batch as in real NIPs. Internal to gen/.
 *
 * The sequence is national: everyone born on the same day, of the same
 * sex and appointed (CPNS) in the same month shares one space, so a
 * region sees numbers spread over the batch (001 for small intakes, up
 * to a few dozen for the large national ones of January, March and
 * April). Deterministic: the spread is a function of the month alone,
 * the draw comes from the PRNG passed in.
 *
 *     struct nipseq q;
 *     nipseq_init(&q, staff);               (-1: out of memory)
 *     nipseq_assign(&q, rng, birth, cpns_start, sex, s.nip);
 *     nipseq_free(&q);
 */
#ifndef MUTASI_GEN_NIPSEQ_H
#define MUTASI_GEN_NIPSEQ_H
#include <stddef.h>
#include <stdint.h>
#include "core/date.h"
#include "core/record.h"
#include "gen/rng.h"

struct nipseq {
    uint64_t *slot;               /* key << 10 | sequence, 0 = empty */
    size_t mask;
};

/* Room for the NIPs of staff people. 0, or -1 when out of memory. */
int nipseq_init(struct nipseq *q, uint32_t staff);
void nipseq_free(struct nipseq *q);
/* The NIP (18 digits and a NUL) of a person born on birth, CPNS since
 * start, of sex (enum sex): a sequence number not yet given in that
 * batch. 0, or -1 when all 999 numbers of the batch are taken. */
int nipseq_assign(struct nipseq *q, struct rng *r, mdate birth, mdate start, int sex,
                  char nip[NIP_LEN + 1]);
#endif
