/* The demo fill: an empty database filled with the synthetic region of
 * gen/, all in one write transaction. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/i18n.h"
#include "gen/gen.h"
#include "ops/access.h"
#include "ops/ops.h"

/* store_write passes back what the write function returns. */
enum { DEMO_NOT_EMPTY = 100, DEMO_SPOOL_FAILED = 101 };

/* The whole region goes into the database in ONE write transaction, so
 * that a demo killed or failing at any moment leaves the database empty,
 * never half filled. Memory stays bounded however many staff are asked
 * for because the generated records wait in unlinked temporary files
 * ($TMPDIR, else /tmp; generated records only, gone when the process
 * ends), and are read back a part at a time inside the transaction:
 * - units and positions in chunks, each sorted by code before it is
 *   written, so that B-tree pages are touched in order;
 * - staff sorted into buckets by birth month on the way out of the
 *   generator. A NIP starts with the birth date, so the buckets follow
 *   one another in NIP order; each is read back whole, sorted by NIP and
 *   handed to the store's bulk load, which appends records and history
 *   and builds the three staff indexes once at the end. */
#define CHUNK_RECORDS 16384     /* units or positions sorted at a time */
#define BUCKET_STAFF 20000u     /* staff per bucket, about */
#define MAX_BUCKETS 256
#define MONTHS 2400             /* birth months from 1900 on */
/* Database bytes per person, about, with their share of units, positions,
 * history and indexes (707 MB for a million): the map is made that large
 * before the transaction, which would otherwise start again from the
 * beginning each time the map fills up and doubles. */
#define BYTES_PER_STAFF 900u

/* A person as spooled: the record and up to two history lines. */
struct spooled {
    struct staff s;
    struct history h[2];
    uint8_t nh;
};

struct demo {
    store *db;
    const struct ops *o;
    struct ops_demo *req;            /* what was asked, and what is reported */
    struct ops_err *e;
    uint64_t seed;
    uint32_t total_staff;
    struct gen_counts made;          /* what the generator emitted */
    FILE *units, *positions;         /* spooled units and positions */
    /* buckets: people born in months cut[i]..cut[i+1]-1 go to spool[i] */
    int nbuckets;
    int cut[MAX_BUCKETS + 1];
    FILE *spool[MAX_BUCKETS];
    /* read-back buffers, kept across buckets (and attempts) */
    void *chunk;                     /* CHUNK_RECORDS positions (or units) */
    struct spooled *people;
    struct spooled **order;
    size_t cap_people;
    /* what the current attempt wrote */
    uint64_t units_written, positions_written, staff_written, history_written;
    size_t existing_units, existing_positions, existing_staff;
};

/* Months since 1900-01 of the birth date in a NIP. */
static int birth_month(const char *nip)
{
    int y = (nip[0] - '0') * 1000 + (nip[1] - '0') * 100 + (nip[2] - '0') * 10 + (nip[3] - '0');
    int m = (nip[4] - '0') * 10 + (nip[5] - '0');
    int v = (y - 1900) * 12 + m - 1;
    return v < 0 ? 0 : v >= MONTHS ? MONTHS - 1 : v;
}

static int say_not_empty(const struct demo *d)
{
    return ops_fail(d->e, _("the database %s already holds %zu units, %zu positions and %zu staff; "
                "demo fills only an empty database (choose another --db)"),
                    d->o->env->db_dir, d->existing_units, d->existing_positions,
                    d->existing_staff);
}

static bool count_existing(struct demo *d, stxn *t)
{
    d->existing_units = store_count_units(t);
    d->existing_positions = store_count_positions(t);
    d->existing_staff = store_count_staff(t);
    return d->existing_units || d->existing_positions || d->existing_staff;
}

/* Looks before generating anything; the write transaction looks again,
 * in case another process wrote meanwhile. Returns 0 when empty. */
static int check_empty(struct demo *d)
{
    stxn *t = ops_read_begin((struct ops *)d->o, d->e);
    if (!t)
        return -1;
    bool filled = count_existing(d, t);
    store_read_end(t);
    if (filled) {
        say_not_empty(d);
        return -1;
    }
    return 0;
}

/* --- temporary files ------------------------------------------------------ */

/* An unlinked temporary file in $TMPDIR (else /tmp), readable by us only. */
static FILE *spool_file(void)
{
    const char *dir = secure_getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/mutasi-demo-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    unlink(path);
    FILE *f = fdopen(fd, "w+b");
    if (!f)
        close(fd);
    return f;
}

static void close_spools(struct demo *d)
{
    for (int i = 0; i < d->nbuckets; i++)
        if (d->spool[i])
            fclose(d->spool[i]);
    d->nbuckets = 0;
    if (d->units)
        fclose(d->units);
    if (d->positions)
        fclose(d->positions);
    d->units = d->positions = NULL;
}

static int spool_failed(struct demo *d)
{
    ops_fail(d->e, _("cannot write a temporary file: %s"), strerror(errno));
    return DEMO_SPOOL_FAILED;
}

/* Back to the start of a spool file, for reading it (again). */
static int rewind_spool(struct demo *d, FILE *f)
{
    if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0) {
        ops_fail(d->e, _("cannot read a temporary file: %s"), strerror(errno));
        return DEMO_SPOOL_FAILED;
    }
    return 0;
}

/* Counts birth months only: a small sample of the region tells where to
 * cut it into buckets of about equal size. */
static int count_month(void *ctx, const struct staff *s, const struct history *h, int nh)
{
    (void)h, (void)nh;
    ((uint32_t *)ctx)[birth_month(s->nip)]++;
    return 0;
}

/* Chooses the birth-month boundaries of the buckets. One bucket for a
 * small region. Returns -1 when out of memory. */
static int plan_buckets(struct demo *d, const struct gen_params *p)
{
    /* tests make small regions use several buckets too */
    const char *env = secure_getenv("MUTASI_DEMO_BUCKET_STAFF");
    unsigned long per_bucket = env && *env ? strtoul(env, NULL, 10) : 0;
    if (per_bucket == 0)
        per_bucket = BUCKET_STAFF;
    int n = (int)((p->staff + per_bucket - 1) / per_bucket);
    if (n > MAX_BUCKETS)
        n = MAX_BUCKETS;
    if (n < 1)
        n = 1;
    d->cut[0] = 0;
    d->cut[n] = MONTHS;
    if (n > 1) {
        uint32_t *hist = calloc(MONTHS, sizeof *hist);
        if (!hist)
            return -1;
        struct gen_params sample = *p;
        sample.staff = p->staff < 20000 ? p->staff : 20000;
        struct gen_sink sink = {NULL, NULL, count_month, hist};
        gen_region(&sample, &sink, NULL);
        uint64_t sum = 0;
        int k = 1;
        for (int m = 0; m < MONTHS && k < n; m++) {
            sum += hist[m];
            while (k < n && sum * (uint64_t)n >= (uint64_t)sample.staff * (uint64_t)k)
                d->cut[k++] = m + 1;
        }
        while (k < n) {               /* a sample that missed some: empty buckets */
            d->cut[k] = d->cut[k - 1];
            k++;
        }
        free(hist);
    }
    d->nbuckets = n;
    return 0;
}

/* Opens the spool files. Returns 0, or DEMO_SPOOL_FAILED (said). */
static int open_spools(struct demo *d)
{
    if (!(d->units = spool_file()) || !(d->positions = spool_file()))
        return spool_failed(d);
    for (int i = 0; i < d->nbuckets; i++)
        if (!(d->spool[i] = spool_file()))
            return spool_failed(d);
    return 0;
}

/* --- generating into the spool files --------------------------------------- */

static int take_unit(void *ctx, const struct unit *u)
{
    struct demo *d = ctx;
    return fwrite(u, sizeof *u, 1, d->units) == 1 ? 0 : spool_failed(d);
}

static int take_position(void *ctx, const struct position *p)
{
    struct demo *d = ctx;
    return fwrite(p, sizeof *p, 1, d->positions) == 1 ? 0 : spool_failed(d);
}

/* Puts a person (and their history) in their bucket's spool file. */
static int take_staff(void *ctx, const struct staff *s, const struct history *h, int nh)
{
    struct demo *d = ctx;
    int m = birth_month(s->nip), i = 0;
    while (i + 1 < d->nbuckets && m >= d->cut[i + 1])
        i++;
    struct spooled p;
    memset(&p, 0, sizeof p);        /* no stray bytes in the file */
    p.s = *s;
    p.nh = (uint8_t)(nh > 2 ? 2 : nh);
    memcpy(p.h, h, p.nh * sizeof *h);
    return fwrite(&p, sizeof p, 1, d->spool[i]) == 1 ? 0 : spool_failed(d);
}

/* --- writing, in one transaction ------------------------------------------ */

static int unit_cmp(const void *x, const void *y)
{
    return strcmp(((const struct unit *)x)->code, ((const struct unit *)y)->code);
}

static int position_cmp(const void *x, const void *y)
{
    return strcmp(((const struct position *)x)->code, ((const struct position *)y)->code);
}

static int put_unit(stxn *t, const void *rec)
{
    return store_put_unit(t, rec);
}

static int put_position(stxn *t, const void *rec)
{
    return store_put_position(t, rec);
}

/* Writes the records spooled in f, a chunk at a time, each chunk in key
 * order. *written counts them. */
static int write_records(stxn *t, struct demo *d, FILE *f, size_t size,
                         int (*cmp)(const void *, const void *),
                         int (*put)(stxn *, const void *), uint64_t *written)
{
    int rc = rewind_spool(d, f);
    if (rc)
        return rc;
    if (!d->chunk && !(d->chunk = malloc(CHUNK_RECORDS * sizeof(struct position)))) {
        ops_fail(d->e, _("out of memory"));
        return DEMO_SPOOL_FAILED;
    }
    size_t n;
    while ((n = fread(d->chunk, size, CHUNK_RECORDS, f)) > 0) {
        qsort(d->chunk, n, size, cmp);
        for (size_t i = 0; i < n; i++)
            if ((rc = put(t, (const char *)d->chunk + i * size)) != STORE_OK)
                return rc;
        *written += n;
    }
    if (ferror(f)) {
        ops_fail(d->e, _("cannot read a temporary file: %s"), strerror(errno));
        return DEMO_SPOOL_FAILED;
    }
    return STORE_OK;
}

static int spooled_cmp(const void *x, const void *y)
{
    const struct spooled *a = *(const struct spooled *const *)x;
    const struct spooled *b = *(const struct spooled *const *)y;
    return memcmp(a->s.nip, b->s.nip, NIP_LEN);
}

/* Reads bucket f whole into d->people (grown as needed); *n = how many. */
static int read_bucket(struct demo *d, FILE *f, size_t *n)
{
    *n = 0;
    if (fflush(f) != 0 || fseek(f, 0, SEEK_END) != 0) {
        ops_fail(d->e, _("cannot read a temporary file: %s"), strerror(errno));
        return DEMO_SPOOL_FAILED;
    }
    long bytes = ftell(f);
    if (bytes < 0 || rewind_spool(d, f) != 0) {
        ops_fail(d->e, _("cannot read a temporary file: %s"), strerror(errno));
        return DEMO_SPOOL_FAILED;
    }
    size_t want = (size_t)bytes / sizeof(struct spooled);
    if (want > d->cap_people) {
        free(d->people);
        free(d->order);
        d->people = malloc(want * sizeof *d->people);
        d->order = malloc(want * sizeof *d->order);
        d->cap_people = d->people && d->order ? want : 0;
        if (!d->cap_people) {
            ops_fail(d->e, _("out of memory"));
            return DEMO_SPOOL_FAILED;
        }
    }
    if (fread(d->people, sizeof *d->people, want, f) != want) {
        ops_fail(d->e, _("a temporary file was cut short"));
        return DEMO_SPOOL_FAILED;
    }
    *n = want;
    return 0;
}

/* One bucket's people, in NIP order, into the bulk load. */
static int write_bucket(struct demo *d, store_bulk *bulk, FILE *f)
{
    size_t n;
    int rc = read_bucket(d, f, &n);
    if (rc)
        return rc;
    for (size_t i = 0; i < n; i++)
        d->order[i] = &d->people[i];
    qsort(d->order, n, sizeof *d->order, spooled_cmp);
    for (size_t i = 0; i < n; i++) {
        const struct spooled *p = d->order[i];
        rc = store_bulk_add(bulk, &p->s, p->nh ? &p->h[0] : NULL);
        for (int j = 1; j < p->nh && rc == STORE_OK; j++)
            rc = store_bulk_add_history(bulk, &p->h[j]);
        if (rc != STORE_OK)
            return rc;
        d->history_written += p->nh;
    }
    d->staff_written += n;
    if (d->req->progress)
        d->req->progress(d->staff_written, d->total_staff, d->req->ctx);
    return STORE_OK;
}

/* The read-back buffers; made again when the transaction is retried. */
static void free_buffers(struct demo *d)
{
    free(d->chunk);
    free(d->people);
    free(d->order);
    d->chunk = NULL;
    d->people = NULL;
    d->order = NULL;
    d->cap_people = 0;
}

static int write_staff(stxn *t, struct demo *d)
{
    free(d->chunk);             /* units and positions are written */
    d->chunk = NULL;
    store_bulk *bulk;
    int rc = store_bulk_begin(t, d->total_staff, &bulk);
    if (rc != STORE_OK)
        return rc;
    for (int i = 0; i < d->nbuckets && rc == STORE_OK; i++)
        rc = write_bucket(d, bulk, d->spool[i]);
    free_buffers(d);            /* room for building the indexes */
    if (rc == STORE_OK)
        return store_bulk_finish(bulk);
    store_bulk_free(bulk);
    return rc;
}

/* The write transaction: the emptiness check, every record, one audit
 * entry. Runs again from the start when the map grows, so it resets what
 * it counts and rereads the spool files from their start. */
static int write_region(stxn *t, void *ctx)
{
    struct demo *d = ctx;
    int rc;
    d->units_written = d->positions_written = d->staff_written = d->history_written = 0;
    if (count_existing(d, t))
        return DEMO_NOT_EMPTY;
    if ((rc = ops_keep_workload_params(d->req->policy, t)) != STORE_OK)
        return rc;
    if ((rc = write_records(t, d, d->units, sizeof(struct unit), unit_cmp, put_unit,
                            &d->units_written)) != STORE_OK ||
        (rc = write_records(t, d, d->positions, sizeof(struct position), position_cmp,
                            put_position, &d->positions_written)) != STORE_OK ||
        (rc = write_staff(t, d)) != STORE_OK)
        return rc;
    char object[64], after[256];
    snprintf(object, sizeof object, "seed %llu", (unsigned long long)d->seed);
    snprintf(after, sizeof after,
             "units %llu, positions %llu, staff %llu, history %llu, kabupaten %u",
             (unsigned long long)d->units_written, (unsigned long long)d->positions_written,
             (unsigned long long)d->staff_written, (unsigned long long)d->history_written,
             (unsigned)d->made.kabupaten);
    return store_audit_append(t, d->o->user, "demo", object, "", after);
}

/* Generates the region into the spool files, then writes it. Returns
 * OPS_OK or OPS_REFUSED (d->e says why). */
static int make_region(struct demo *d, const struct gen_params *p)
{
    if (plan_buckets(d, p) < 0)
        return ops_fail(d->e, "%s", _("cannot generate the demo region (out of memory)"));
    if (open_spools(d) != 0)
        return OPS_REFUSED;
    struct gen_sink sink = {take_unit, take_position, take_staff, d};
    int rc = gen_region(p, &sink, &d->made);
    if (rc < 0)
        return ops_fail(d->e, "%s", _("cannot generate the demo region (out of memory)"));
    if (rc != GEN_OK)
        return OPS_REFUSED;
    /* When the map cannot be made larger now, store_write still grows it
     * as it fills (more slowly): no reason to give up, only to say so.
     * Tests switch the reservation off to see the transaction start over. */
    const char *reserve = secure_getenv("MUTASI_DEMO_RESERVE");
    if (!(reserve && strcmp(reserve, "0") == 0) &&
        store_reserve(d->db, (size_t)d->total_staff * BYTES_PER_STAFF) != STORE_OK)
        snprintf(d->req->warning, sizeof d->req->warning, "%s", store_errmsg(d->db));
    rc = store_write(d->db, write_region, d);
    if (rc == DEMO_NOT_EMPTY)
        return say_not_empty(d);
    if (rc == DEMO_SPOOL_FAILED)
        return OPS_REFUSED;
    if (rc != STORE_OK)
        return ops_fail(d->e, _("cannot write the demo region: %s"), store_errmsg(d->db));
    return OPS_OK;
}

int ops_demo(struct ops *o, struct ops_demo *req, struct ops_err *e)
{
    struct demo d = {
        .db = o->db, .o = o, .req = req, .e = e, .seed = req->seed,
        .total_staff = req->staff,
    };
    req->warning[0] = '\0';
    if (ops_require(o, OPS_DO_DEMO, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    int rc = check_empty(&d) != 0 ? OPS_REFUSED : OPS_OK;
    if (rc == OPS_OK) {
        struct gen_params p = {.seed = req->seed, .staff = req->staff, .today = o->today,
                               .policy = req->policy};
        rc = make_region(&d, &p);
    }
    req->units = d.units_written;
    req->positions = d.positions_written;
    req->staff_written = d.staff_written;
    req->kabupaten = d.made.kabupaten;
    close_spools(&d);
    free_buffers(&d);
    return rc;
}

int ops_demo_policy(const struct ops_env *env, struct policy *out, struct ops_err *e)
{
    policy_defaults(out);
    char path[4096];
    snprintf(path, sizeof path, "%s/policy.yaml", env->config_dir ? env->config_dir : ".");
    if (access(path, R_OK) != 0)
        return OPS_OK;
    struct ops pc;
    if (ops_open(&pc, env, OPS_NO_DB, e) != OPS_OK)
        return OPS_REFUSED;
    *out = *ops_policy(&pc);
    ops_close(&pc);
    return OPS_OK;
}
