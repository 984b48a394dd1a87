/* Pass 1 of a staff file on several threads (see import_internal.h): a
 * reader thread parses and converts rows in batches; with a pipe_prep, a
 * preparer thread runs it on each batch next (the reader alone was the
 * slower end of the pipe, with a core to spare); the caller's thread
 * takes the batches in file order. A fourth thread hashes the file
 * meanwhile: the taker waits for the reader often enough to leave it
 * room, and a hash at the end would keep the taker waiting for it. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include "core/hex.h"
#include "io/import_internal.h"

/* Rows a batch holds, and batches in flight: enough that neither thread
 * waits on the other for a row that is slow (a long name, a cache miss),
 * few enough that the rows stay in the cache between the two. */
#define PIPE_BATCH 256
#define PIPE_SLOTS 6

/* The most problems one row's conversion can add (import_row.c: the
 * field count, each column once, each skp column, the validator's
 * kept errors): a batch ends before its list could reach the cap of
 * import_problem_add, so that it keeps every problem. */
#define ROW_PROBLEMS_MAX (1 + COL_COUNT + IMPORT_SKP_COLS + VERR_MAX)

struct import_pipe {
    csv_reader *r;
    const struct import_header *h;
    mdate today;
    struct import_memo *memo;
    struct pipe_prep prep;
    unsigned char *prep_area[PIPE_SLOTS];   /* PIPE_BATCH results a batch */
    struct pipe_batch slot[PIPE_SLOTS];
    size_t head, count;         /* next batch to take; batches filled */
    size_t parsed;              /* of count, those not prepared yet (the
                                 * batches from head + count - parsed on) */
    bool stop;                  /* the taker wants no more */
    bool hash;                  /* to hash the file once it is read */
    bool threaded;              /* false: batches are filled when asked */
    bool preparing;             /* preparer runs (else fill prepares) */
    bool hashed;                /* sha holds the file's SHA-256 */
    bool hashing;               /* hasher runs */
    char sha[65];
    pthread_t thread, preparer, hasher;
    pthread_mutex_t mu;
    pthread_cond_t filled, freed, to_prepare;
};

static const enum import_col at_col[PIPE_AT_COUNT] = {
    [PIPE_AT_NIP] = COL_NIP, [PIPE_AT_UNIT] = COL_UNIT, [PIPE_AT_POSITION] = COL_POSITION,
    [PIPE_AT_DISCIPLINE_UNTIL] = COL_DISCIPLINE_UNTIL};

/* How many rows ahead of the one prepared the look-ahead's stage 1 runs
 * (stage 0: twice as many): enough rows' work to cover a cache miss. */
#define PIPE_AHEAD 4

static void *prep_of(struct import_pipe *p, struct pipe_batch *b, size_t i)
{
    return p->prep_area[b - p->slot] + i * p->prep.size;
}

static void look_ahead(struct import_pipe *p, struct pipe_batch *b, size_t i, int stage)
{
    if (i < b->n && !b->row[i].errors)
        p->prep.ahead(p->prep.ctx, &b->row[i].s, prep_of(p, b, i), stage);
}

/* Runs pipe_prep on b's good rows, each some rows after its look-ahead,
 * so that the look-ups of several rows wait for memory at once. */
static void prepare(struct import_pipe *p, struct pipe_batch *b)
{
    size_t d = p->prep.ahead ? PIPE_AHEAD : 0;
    for (size_t i = 0; i < b->n + 2 * d; i++) {
        if (d) {
            look_ahead(p, b, i, 0);
            if (i >= d)
                look_ahead(p, b, i - d, 1);
        }
        if (i < 2 * d || b->row[i - 2 * d].errors)
            continue;
        struct pipe_row *pr = &b->row[i - 2 * d];
        pr->prep = prep_of(p, b, i - 2 * d);
        p->prep.fn(p->prep.ctx, &pr->s, pr->prep);
    }
}

/* Reads and converts rows into b until it is full or the file ends. */
static void fill(struct import_pipe *p, struct pipe_batch *b)
{
    struct csv_row row;
    b->n = 0;
    b->ps.n = b->ps.errors = b->ps.warnings = 0;
    b->rc = 1;
    while (b->n < PIPE_BATCH && b->ps.n + ROW_PROBLEMS_MAX <= IMPORT_PROBLEMS_KEPT) {
        struct pipe_row *pr = &b->row[b->n];
        csv_tell(p->r, &pr->offset, &pr->line);
        int rc = csv_next(p->r, &row);
        if (rc <= 0) {
            b->rc = rc;
            break;
        }
        size_t before = b->ps.n;
        pr->errors = import_staff_row_ex(p->h, &row, p->today, &pr->s, &b->ps, true, p->memo);
        pr->nprob = (unsigned)(b->ps.n - before);
        pr->row_line = row.line;
        pr->prep = NULL;
        for (int k = 0; k < PIPE_AT_COUNT; k++)
            pr->at[k].col = import_col_where(p->h, &row, at_col[k], &pr->at[k].line);
        b->n++;
    }
    if (p->prep.fn && !p->preparing)
        prepare(p, b);
    b->offset = csv_offset(p->r);
}

/* Hands a batch on: to the preparer when there is one, else to the taker. */
static void pass_on(struct import_pipe *p)
{
    pthread_mutex_lock(&p->mu);
    p->count++;
    if (p->preparing) {
        p->parsed++;
        pthread_cond_signal(&p->to_prepare);
    } else {
        pthread_cond_signal(&p->filled);
    }
    pthread_mutex_unlock(&p->mu);
}

static void *reader(void *arg)
{
    struct import_pipe *p = arg;
    size_t tail = 0;
    bool more = true;
    while (more) {
        pthread_mutex_lock(&p->mu);
        while (p->count == PIPE_SLOTS && !p->stop)
            pthread_cond_wait(&p->freed, &p->mu);
        bool stop = p->stop;
        pthread_mutex_unlock(&p->mu);
        if (stop)
            return NULL;
        struct pipe_batch *b = &p->slot[tail];
        fill(p, b);
        more = b->rc == 1;
        tail = (tail + 1) % PIPE_SLOTS;
        pass_on(p);
    }
    return NULL;
}

/* Prepares the batches the reader has filled, in order, until the last. */
static void *preparer(void *arg)
{
    struct import_pipe *p = arg;
    size_t at = 0;
    for (bool more = true; more;) {
        pthread_mutex_lock(&p->mu);
        while (p->parsed == 0 && !p->stop)
            pthread_cond_wait(&p->to_prepare, &p->mu);
        bool stop = p->stop;
        pthread_mutex_unlock(&p->mu);
        if (stop)
            return NULL;
        struct pipe_batch *b = &p->slot[at];
        prepare(p, b);
        more = b->rc == 1;
        at = (at + 1) % PIPE_SLOTS;
        pthread_mutex_lock(&p->mu);
        p->parsed--;
        pthread_cond_signal(&p->filled);
        pthread_mutex_unlock(&p->mu);
    }
    return NULL;
}

/* The file's checksum (csv_data: the whole file, read by nobody else's
 * position). */
static void *hasher(void *arg)
{
    struct import_pipe *p = arg;
    size_t len;
    const char *data = csv_data(p->r, &len);
    p->hashed = import_sha256_hex(data, len, p->sha);
    return NULL;
}

bool import_sha256_hex(const char *data, size_t len, char out[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned mdlen = 0;
    if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL))
        mdlen = 0;
    hex_encode(md, mdlen < 32 ? mdlen : 32, out);
    return mdlen >= 32;
}

static void stop_preparer(struct import_pipe *p)
{
    pthread_mutex_lock(&p->mu);
    p->stop = true;
    pthread_cond_signal(&p->to_prepare);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->preparer, NULL);
}

static void pipe_free(struct import_pipe *p)
{
    for (int i = 0; i < PIPE_SLOTS; i++) {
        free(p->slot[i].row);
        free(p->prep_area[i]);
        import_problems_free(&p->slot[i].ps);
    }
    free(p);
}

import_pipe *import_pipe_start(csv_reader *r, const struct import_header *h, mdate today,
                               struct import_memo *memo, bool hash, const struct pipe_prep *prep)
{
    struct import_pipe *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    *p = (struct import_pipe){.r = r, .h = h, .today = today, .memo = memo,
                              .hash = hash};
    if (prep && prep->fn)
        p->prep = *prep;
    for (int i = 0; i < PIPE_SLOTS; i++)
        if (!(p->slot[i].row = malloc(PIPE_BATCH * sizeof *p->slot[i].row)) ||
            (p->prep.fn && !(p->prep_area[i] = malloc(PIPE_BATCH * p->prep.size)))) {
            pipe_free(p);
            return NULL;
        }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->filled, NULL);
    pthread_cond_init(&p->freed, NULL);
    pthread_cond_init(&p->to_prepare, NULL);
    /* Without a second thread the rows are read as they are asked for,
     * without a third they are prepared as they are read: slower, the
     * same result. */
    p->preparing = p->prep.fn && pthread_create(&p->preparer, NULL, preparer, p) == 0;
    p->threaded = pthread_create(&p->thread, NULL, reader, p) == 0;
    if (!p->threaded && p->preparing) {
        stop_preparer(p);
        p->preparing = false;
    }
    p->hashing = p->hash && pthread_create(&p->hasher, NULL, hasher, p) == 0;
    return p;
}

const struct pipe_batch *import_pipe_next(import_pipe *p)
{
    if (!p->threaded) {
        fill(p, &p->slot[0]);
        return &p->slot[0];
    }
    pthread_mutex_lock(&p->mu);
    while (p->count - p->parsed == 0)
        pthread_cond_wait(&p->filled, &p->mu);
    const struct pipe_batch *b = &p->slot[p->head];
    pthread_mutex_unlock(&p->mu);
    return b;
}

void import_pipe_done(import_pipe *p, const struct pipe_batch *b)
{
    (void)b;
    if (!p->threaded)
        return;
    pthread_mutex_lock(&p->mu);
    p->head = (p->head + 1) % PIPE_SLOTS;
    p->count--;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->mu);
}

bool import_pipe_end(import_pipe *p, char sha[65])
{
    if (p->threaded) {
        pthread_mutex_lock(&p->mu);
        p->stop = true;
        pthread_cond_signal(&p->freed);
        pthread_mutex_unlock(&p->mu);
        pthread_join(p->thread, NULL);
    }
    if (p->preparing)
        stop_preparer(p);
    if (p->hashing)
        pthread_join(p->hasher, NULL);
    bool hashed = p->hashed;
    if (hashed)
        memcpy(sha, p->sha, sizeof p->sha);
    pthread_cond_destroy(&p->to_prepare);
    pthread_cond_destroy(&p->freed);
    pthread_cond_destroy(&p->filled);
    pthread_mutex_destroy(&p->mu);
    pipe_free(p);
    return hashed;
}
