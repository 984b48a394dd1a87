/* Store micro-benchmark: puts N synthetic staff into a fresh database in
 * one write transaction (as an import does), row by row or in batches,
 * then pages by name and checks the indexes.
 *   build/bench/store_bench DIR [N] [single|batch] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "store/store.h"

#define CHUNK 50000

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Deterministic, spread over the key space like real NIPs and names. */
static void make_row(int i, struct staff *s)
{
    unsigned x = (unsigned)i * 2654435761u;
    memset(s, 0, sizeof *s);
    snprintf(s->nip, sizeof s->nip, "19%02u%02u%02u", 60 + x % 40, 1 + x % 12, 1 + x % 28);
    snprintf(s->nip + 8, 11, "%010d", i);
    snprintf(s->name, sizeof s->name, "Nama %08u Pegawai, S.Kom.", x % 100000000u);
    snprintf(s->unit, sizeof s->unit, "U%04u", x % 2000);
    snprintf(s->position, sizeof s->position, "P%06u", x % 40000);
    strcpy(s->major, "Ilmu Komputer");
    strcpy(s->job_family, "administrasi umum");
    strcpy(s->home_district, "Sukamaju");
    s->nskp = 2;
    s->skp[0].year = 2024;
    s->skp[0].predikat = 4;
    s->skp[1].year = 2025;
    s->skp[1].predikat = 5;
}

struct job {
    int n;
    int batch;
    struct staff *rows;
};

static int put_all(stxn *t, void *ctx)
{
    struct job *j = ctx;
    for (int i = 0; i < j->n; i += CHUNK) {
        int m = j->n - i < CHUNK ? j->n - i : CHUNK;
        for (int k = 0; k < m; k++)
            make_row(i + k, &j->rows[k]);
        if (j->batch) {
            if (store_put_staff_batch(t, j->rows, (size_t)m) != STORE_OK)
                return STORE_ERROR;
        } else {
            for (int k = 0; k < m; k++)
                if (store_put_staff(t, &j->rows[k]) != STORE_OK)
                    return STORE_ERROR;
        }
    }
    return store_audit_append(t, "bench", "import staff", "bench", "", "");
}

static int count_page(const struct staff *s, void *ctx)
{
    (void)s;
    return ++*(int *)ctx >= 24;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR [N] [single|batch]\n", argv[0]);
        return 2;
    }
    struct job j = {argc > 2 ? atoi(argv[2]) : 100000, !(argc > 3 && !strcmp(argv[3], "single")),
                    malloc(CHUNK * sizeof(struct staff))};
    char err[640];
    store *s = store_open(argv[1], STORE_CREATE, err, sizeof err);
    if (!s || !j.rows) {
        fprintf(stderr, "%s\n", s ? "out of memory" : err);
        return 1;
    }
    double t0 = now();
    if (store_write(s, put_all, &j) != STORE_OK) {
        fprintf(stderr, "%s\n", store_errmsg(s));
        return 1;
    }
    double t1 = now();
    printf("put %d staff (%s, one transaction): %.2f s, %.0f rows/s\n", j.n,
           j.batch ? "batch" : "single", t1 - t0, j.n / (t1 - t0));
    stxn *t = store_read_begin(s);
    t0 = now();
    for (int k = 0; k < 1000; k++) {
        char from[32];
        int got = 0;
        snprintf(from, sizeof from, "nama %08d", k * 99991 % 100000000);
        store_each_staff_by_name(t, from, count_page, &got);
    }
    printf("name page of 24 from a random name: %.3f ms\n", (now() - t0));
    t0 = now();
    char why[300];
    int problems = store_check_indexes(t, why, sizeof why);
    printf("check_indexes: %d problems, %.2f s\n", problems, now() - t0);
    printf("map size: %zu MiB\n", store_map_size(s) >> 20);
    store_read_end(t);
    store_close(s);
    free(j.rows);
    return problems != 0;
}
