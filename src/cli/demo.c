/* mutasi demo [--staff N] [--seed S]: fills an empty database with the
 * synthetic region of gen/, in batches of write transactions so that
 * memory stays bounded however many staff are asked for. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "gen/gen.h"

/* Records per write transaction (a person with their history counts as
 * one): some 40 MB of buffered records at most. */
#define BATCH_RECORDS 50000

/* store_write passes back what the batch function returns. */
enum { DEMO_NOT_EMPTY = 100 };

/* Staff and history are keyed by NIP, which starts with the birth date,
 * and people come out of the generator in no such order: batch after
 * batch would rewrite pages all over the growing tables (23 GB written
 * for a 1.3 GB database of a million staff). So a large region's people
 * are first sorted into buckets by birth month, in unlinked temporary
 * files (generated records only, gone when the process ends), and then
 * written bucket by bucket in ascending NIP order: each batch lands at
 * the end of those tables. */
#define BUCKET_STAFF 40000u     /* staff per bucket, about: under one batch */
#define MAX_BUCKETS 256
#define MONTHS 2400             /* birth months from 1900 on */

struct batch {
    store *db;
    const struct cli_env *env;
    struct unit *units;
    struct position *positions;
    struct staff *people;
    struct history *history_lines;   /* up to 2 per person */
    size_t nunits, npositions, npeople, nhistory;
    int first, last;                 /* first and last transaction */
    uint64_t seed;
    struct gen_counts done;          /* written so far */
    uint64_t history;
    uint32_t total_staff;
    int progress;                    /* stderr is a terminal */
    size_t existing_units, existing_positions, existing_staff;
    /* buckets: people born in months cut[i]..cut[i+1]-1 go to spool[i] */
    int nbuckets;
    int cut[MAX_BUCKETS + 1];
    FILE *spool[MAX_BUCKETS];
    int spool_failed;
};

/* Months since 1900-01 of the birth date in a NIP. */
static int birth_month(const char *nip)
{
    int y = (nip[0] - '0') * 1000 + (nip[1] - '0') * 100 + (nip[2] - '0') * 10 + (nip[3] - '0');
    int m = (nip[4] - '0') * 10 + (nip[5] - '0');
    int v = (y - 1900) * 12 + m - 1;
    return v < 0 ? 0 : v >= MONTHS ? MONTHS - 1 : v;
}

static size_t batch_size(const struct batch *b)
{
    return b->nunits + b->npositions + b->npeople;
}

/* One write transaction: the buffered records, the emptiness check in the
 * first one, the audit entry in the last one. May run again from the start
 * when the map grows, so it changes nothing outside the transaction. */
static int write_batch(stxn *t, void *ctx)
{
    struct batch *b = ctx;
    int rc;
    if (b->first) {
        b->existing_units = store_count_units(t);
        b->existing_positions = store_count_positions(t);
        b->existing_staff = store_count_staff(t);
        if (b->existing_units || b->existing_positions || b->existing_staff)
            return DEMO_NOT_EMPTY;
    }
    for (size_t i = 0; i < b->nunits; i++)
        if ((rc = store_put_unit(t, &b->units[i])) != STORE_OK)
            return rc;
    for (size_t i = 0; i < b->npositions; i++)
        if ((rc = store_put_position(t, &b->positions[i])) != STORE_OK)
            return rc;
    if (b->npeople && (rc = store_put_staff_batch(t, b->people, b->npeople)) != STORE_OK)
        return rc;
    for (size_t i = 0; i < b->nhistory; i++)
        if ((rc = store_add_history(t, &b->history_lines[i])) != STORE_OK)
            return rc;
    if (b->last) {
        char object[64], after[256];
        snprintf(object, sizeof object, "seed %llu", (unsigned long long)b->seed);
        snprintf(after, sizeof after,
                 "units %llu, positions %llu, staff %llu, history %llu, kabupaten %u",
                 (unsigned long long)(b->done.units + b->nunits),
                 (unsigned long long)(b->done.positions + b->npositions),
                 (unsigned long long)(b->done.staff + b->npeople),
                 (unsigned long long)(b->history + b->nhistory), (unsigned)b->done.kabupaten);
        if ((rc = store_audit_append(t, b->env->user, "demo", object, "", after)) != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

static void say_not_empty(const struct batch *b)
{
    cli_error(_("the database %s already holds %zu units, %zu positions and %zu staff; "
                "demo fills only an empty database (choose another --db)"),
              b->env->db_dir, b->existing_units, b->existing_positions, b->existing_staff);
}

/* Looks before generating anything; the first write transaction looks
 * again, in case another process wrote meanwhile. Returns 0 when empty. */
static int check_empty(struct batch *b)
{
    stxn *t = store_read_begin(b->db);
    if (!t) {
        cli_error("%s", store_errmsg(b->db));
        return -1;
    }
    b->existing_units = store_count_units(t);
    b->existing_positions = store_count_positions(t);
    b->existing_staff = store_count_staff(t);
    store_read_end(t);
    if (b->existing_units || b->existing_positions || b->existing_staff) {
        say_not_empty(b);
        return -1;
    }
    return 0;
}

static int unit_cmp(const void *x, const void *y)
{
    return strcmp(((const struct unit *)x)->code, ((const struct unit *)y)->code);
}

static int position_cmp(const void *x, const void *y)
{
    return strcmp(((const struct position *)x)->code, ((const struct position *)y)->code);
}

static int history_cmp(const void *x, const void *y)
{
    const struct history *a = x, *b = y;
    int c = memcmp(a->nip, b->nip, NIP_LEN);
    return c ? c : (a->since > b->since) - (a->since < b->since);
}

/* Writes what is buffered; returns 0 or a positive code for the
 * generator to stop with (the message is already printed). Each table is
 * written in key order: B-tree pages are then touched once, not at random.
 * Parents may follow children within a batch; all are there at commit. */
static int flush(struct batch *b)
{
    qsort(b->units, b->nunits, sizeof *b->units, unit_cmp);
    qsort(b->positions, b->npositions, sizeof *b->positions, position_cmp);
    qsort(b->history_lines, b->nhistory, sizeof *b->history_lines, history_cmp);
    int rc = store_write(b->db, write_batch, b);
    if (rc == DEMO_NOT_EMPTY) {
        say_not_empty(b);
        return 1;
    }
    if (rc != STORE_OK) {
        cli_error(_("cannot write the demo region: %s"), store_errmsg(b->db));
        return 1;
    }
    b->first = 0;
    b->done.units += b->nunits;
    b->done.positions += b->npositions;
    b->done.staff += b->npeople;
    b->history += b->nhistory;
    b->nunits = b->npositions = b->npeople = b->nhistory = 0;
    if (b->progress) {
        fputc('\r', stderr);
        fprintf(stderr, _("demo: %llu of %u staff written"),
                (unsigned long long)b->done.staff, (unsigned)b->total_staff);
        fflush(stderr);
    }
    return 0;
}

static int maybe_flush(struct batch *b)
{
    return batch_size(b) >= BATCH_RECORDS ? flush(b) : 0;
}

static int take_unit(void *ctx, const struct unit *u)
{
    struct batch *b = ctx;
    b->units[b->nunits++] = *u;
    return maybe_flush(b);
}

static int take_position(void *ctx, const struct position *p)
{
    struct batch *b = ctx;
    b->positions[b->npositions++] = *p;
    return maybe_flush(b);
}

/* Counts birth months only: a small sample of the region tells where to
 * cut it into buckets of about equal size. */
static int count_month(void *ctx, const struct staff *s, const struct history *h, int nh)
{
    (void)h, (void)nh;
    ((uint32_t *)ctx)[birth_month(s->nip)]++;
    return 0;
}

/* An unlinked temporary file in $TMPDIR (else /tmp), readable by us only. */
static FILE *spool_file(void)
{
    const char *dir = getenv("TMPDIR");
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

static void close_buckets(struct batch *b)
{
    for (int i = 0; i < b->nbuckets; i++)
        if (b->spool[i])
            fclose(b->spool[i]);
    b->nbuckets = 0;
}

/* Chooses the birth-month boundaries of the buckets and opens a spool file
 * for each. One bucket (no spooling) for a small region, or when the
 * temporary files cannot be made: then people are written as they come. */
static void plan_buckets(struct batch *b, const struct gen_params *p)
{
    /* tests make small regions use several buckets too */
    const char *env = getenv("MUTASI_DEMO_BUCKET_STAFF");
    unsigned long per_bucket = env && *env ? strtoul(env, NULL, 10) : 0;
    if (per_bucket == 0)
        per_bucket = BUCKET_STAFF;
    int n = (int)((p->staff + per_bucket - 1) / per_bucket);
    if (n > MAX_BUCKETS)
        n = MAX_BUCKETS;
    b->nbuckets = 0;
    if (n <= 1)
        return;
    uint32_t *hist = calloc(MONTHS, sizeof *hist);
    if (!hist)
        return;
    struct gen_params sample = *p;
    sample.staff = p->staff < 20000 ? p->staff : 20000;
    struct gen_sink sink = {NULL, NULL, count_month, hist};
    gen_region(&sample, &sink, NULL);
    uint64_t sum = 0;
    int k = 1;
    b->cut[0] = 0;
    for (int m = 0; m < MONTHS && k < n; m++) {
        sum += hist[m];
        while (k < n && sum * (uint64_t)n >= (uint64_t)sample.staff * (uint64_t)k)
            b->cut[k++] = m + 1;
    }
    while (k < n) {                   /* a sample that missed some: empty buckets */
        b->cut[k] = b->cut[k - 1];
        k++;
    }
    b->cut[n] = MONTHS;
    free(hist);
    for (int i = 0; i < n; i++) {
        b->spool[i] = spool_file();
        b->nbuckets = i + 1;
        if (!b->spool[i]) {
            cli_warn(_("no temporary files (%s): writing the demo region unsorted, more slowly"),
                     strerror(errno));
            close_buckets(b);
            return;
        }
    }
}

/* Puts a person (and their history) in their bucket's spool file. */
static int spool_staff(struct batch *b, const struct staff *s, const struct history *h, int nh)
{
    int m = birth_month(s->nip), i = 0;
    while (i + 1 < b->nbuckets && m >= b->cut[i + 1])
        i++;
    unsigned char n = (unsigned char)(nh > 2 ? 2 : nh);
    FILE *f = b->spool[i];
    if (fwrite(s, sizeof *s, 1, f) != 1 || fwrite(&n, 1, 1, f) != 1 ||
        (n && fwrite(h, sizeof *h, n, f) != n)) {
        cli_error(_("cannot write a temporary file: %s"), strerror(errno));
        return 1;
    }
    return 0;
}

static int take_staff(void *ctx, const struct staff *s, const struct history *h, int nh)
{
    struct batch *b = ctx;
    if (b->nbuckets > 1)
        return spool_staff(b, s, h, nh);
    b->people[b->npeople++] = *s;
    for (int i = 0; i < nh && i < 2; i++)
        b->history_lines[b->nhistory++] = h[i];
    return maybe_flush(b);
}

/* Writes the spooled people bucket by bucket, in birth order. */
static int write_buckets(struct batch *b)
{
    for (int i = 0; i < b->nbuckets; i++) {
        FILE *f = b->spool[i];
        if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0) {
            cli_error(_("cannot read a temporary file: %s"), strerror(errno));
            return 1;
        }
        unsigned char n;
        while (fread(&b->people[b->npeople], sizeof *b->people, 1, f) == 1) {
            if (fread(&n, 1, 1, f) != 1 || n > 2 ||
                (n && fread(&b->history_lines[b->nhistory], sizeof *b->history_lines, n, f) != n)) {
                cli_error(_("a temporary file was cut short"));
                return 1;
            }
            b->npeople++;
            b->nhistory += n;
            int rc = maybe_flush(b);
            if (rc)
                return rc;
        }
        if (ferror(f)) {
            cli_error(_("cannot read a temporary file: %s"), strerror(errno));
            return 1;
        }
        fclose(f);
        b->spool[i] = NULL;
        /* one transaction per bucket: the next one starts past its keys */
        int rc = batch_size(b) ? flush(b) : 0;
        if (rc)
            return rc;
    }
    return 0;
}

/* A whole decimal number from lo to hi, nothing else. */
static int parse_count(const char *s, unsigned long long lo, unsigned long long hi,
                       unsigned long long *out)
{
    if (!s || *s < '0' || *s > '9')
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* The value of --NAME V or --NAME=V at argv[*i]; NULL when argv[*i] is
 * another option. *i is advanced past the value. */
static const char *option_value(int argc, char **argv, int *i, const char *name, int *missing)
{
    size_t n = strlen(name);
    *missing = 0;
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

int cli_demo(const struct cli_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("demo");
    unsigned long long staff = GEN_DEFAULT_STAFF, seed = GEN_DEFAULT_SEED;
    for (int i = 1; i < argc; i++) {
        int missing;
        const char *v;
        if ((v = option_value(argc, argv, &i, "--staff", &missing)) || missing) {
            if (missing || parse_count(v, 1, GEN_MAX_STAFF, &staff) < 0)
                return cli_usage_error(env, "demo", _("--staff needs a number from 1 to %u"),
                                       (unsigned)GEN_MAX_STAFF);
        } else if ((v = option_value(argc, argv, &i, "--seed", &missing)) || missing) {
            if (missing || parse_count(v, 0, UINT64_MAX, &seed) < 0)
                return cli_usage_error(env, "demo", _("--seed needs a whole number from 0 to %llu"),
                                       (unsigned long long)UINT64_MAX);
        } else {
            return cli_usage_error(env, "demo", _("unexpected argument \"%s\""), argv[i]);
        }
    }

    store *db = cli_open_store(env, STORE_CREATE);
    if (!db)
        return EXIT_REFUSED;
    struct batch b = {
        .db = db, .env = env, .first = 1, .seed = seed,
        .total_staff = (uint32_t)staff, .progress = isatty(STDERR_FILENO),
        .units = malloc(BATCH_RECORDS * sizeof *b.units),
        .positions = malloc(BATCH_RECORDS * sizeof *b.positions),
        .people = malloc(BATCH_RECORDS * sizeof *b.people),
        .history_lines = malloc(2 * BATCH_RECORDS * sizeof *b.history_lines),
    };
    int status = EXIT_OK;
    if (!b.units || !b.positions || !b.people || !b.history_lines) {
        cli_error(_("out of memory"));
        status = EXIT_REFUSED;
    } else if (check_empty(&b) != 0) {
        status = EXIT_REFUSED;
    } else {
        struct gen_params p = {.seed = seed, .staff = (uint32_t)staff, .today = env->today};
        struct gen_sink sink = {take_unit, take_position, take_staff, &b};
        struct gen_counts counts;
        plan_buckets(&b, &p);
        int rc = gen_region(&p, &sink, &counts);
        if (rc == GEN_OK && b.nbuckets > 1)
            rc = write_buckets(&b);
        if (rc == GEN_OK) {
            b.done.kabupaten = counts.kabupaten;
            b.last = 1;
            rc = flush(&b);
        } else if (rc < 0) {
            cli_error(_("cannot generate the demo region (out of memory)"));
        }
        if (b.progress)
            fputc('\n', stderr);
        if (rc == 0)
            fprintf(stderr, _("demo: %llu units, %llu positions, %llu staff in %u kabupaten/kota "
                              "written to %s\n"),
                    (unsigned long long)b.done.units, (unsigned long long)b.done.positions,
                    (unsigned long long)b.done.staff, (unsigned)counts.kabupaten, env->db_dir);
        else
            status = EXIT_REFUSED;
    }
    close_buckets(&b);
    free(b.units);
    free(b.positions);
    free(b.people);
    free(b.history_lines);
    store_close(db);
    return status;
}
