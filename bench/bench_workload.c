/* Micro-benchmark of the ABK roll-up (core only, no database): a synthetic
 * country of kabupaten with ~800 units and ~1,600 positions per 5,000
 * staff, then the roll-up of N staff, timed several times; prints the
 * median of each phase in milliseconds of CPU time.
 *   build/bench/bench_workload [STAFF] [RUNS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/workload.h"

/* CPU time of this process: steadier than the wall clock on a shared
 * machine (page faults are counted, waiting for a CPU is not). */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return rng;
}

int main(int argc, char **argv)
{
    long staff = argc > 1 ? atol(argv[1]) : 1000000;
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    long regions = staff / 5000 > 0 ? staff / 5000 : 1;
    static const char *const families[] = {"pendidikan", "kesehatan", "keuangan",
                                           "administrasi umum", "teknik", "pertanian"};
    /* units: per region 1 instansi, 40 OPD x (4 bidang x 3 seksi), 100 UPT */
    size_t per = 1 + 40 * (1 + 4 * (1 + 3)) + 100;
    size_t nu = (size_t)regions * per, np = nu * 2;
    struct unit *u = calloc(nu, sizeof *u);
    struct position *p = calloc(np, sizeof *p);
    if (!u || !p)
        return 1;
    size_t k = 0;
    for (long r = 0; r < regions; r++) {
        size_t root = k;
        snprintf(u[k].code, CODE_SIZE, "R%ld", r);
        snprintf(u[k++].district, DISTRICT_SIZE, "Kab %ld", r);
        for (int o = 0; o < 40; o++) {
            size_t opd = k;
            snprintf(u[k].code, CODE_SIZE, "R%ld.O%d", r, o);
            strcpy(u[k].parent, u[root].code);
            snprintf(u[k++].district, DISTRICT_SIZE, "Kec %ld.%d", r, o % 15);
            for (int b = 0; b < 4; b++) {
                size_t bid = k;
                snprintf(u[k].code, CODE_SIZE, "R%ld.O%d.B%d", r, o, b);
                strcpy(u[k].parent, u[opd].code);
                strcpy(u[k++].district, u[opd].district);
                for (int s = 0; s < 3; s++) {
                    snprintf(u[k].code, CODE_SIZE, "R%ld.O%d.B%d.S%d", r, o, b, s);
                    strcpy(u[k].parent, u[bid].code);
                    strcpy(u[k++].district, u[opd].district);
                }
            }
        }
        for (int t = 0; t < 100; t++) {
            snprintf(u[k].code, CODE_SIZE, "R%ld.UPT%d", r, t);
            snprintf(u[k].parent, CODE_SIZE, "R%ld.O%d", r, t % 2);
            snprintf(u[k++].district, DISTRICT_SIZE, "Kec %ld.%d", r, t % 15);
        }
    }
    for (size_t i = 0; i < np; i++) {
        snprintf(p[i].code, CODE_SIZE, "P%zu", i);
        strcpy(p[i].unit, u[i / 2].code);
        strcpy(p[i].job_family, families[next() % 6]);
        p[i].workload_minutes = (int64_t)(next() % 600000);
        p[i].need = NEED_FROM_ABK;
    }
    /* staff: position codes as a database scan would hand them over */
    char (*holds)[CODE_SIZE] = malloc((size_t)staff * CODE_SIZE);
    if (!holds)
        return 1;
    for (long i = 0; i < staff; i++)
        memcpy(holds[i], p[next() % np].code, CODE_SIZE);
    struct policy pol = {.effective_minutes = 75000, .rounding = ROUND_HALF_UP,
                         .ej_a_above = 100, .ej_b_from = 90, .ej_c_from = 70,
                         .ej_d_from = 50};
    double *t_build = calloc((size_t)runs, sizeof *t_build);
    double *t_count = calloc((size_t)runs, sizeof *t_count);
    double *t_compute = calloc((size_t)runs, sizeof *t_compute);
    double *t_total = calloc((size_t)runs, sizeof *t_total);
    double *t_setcompute = calloc((size_t)runs, sizeof *t_setcompute);
    int64_t *per_pos = calloc(np, sizeof *per_pos);
    for (long i = 0; i < staff; i++)
        per_pos[atol(holds[i] + 1)]++;
    long long check = 0;
    for (int run = 0; run < runs; run++) {
        double t0 = now_ms();
        struct workload *w = workload_new(u, nu, p, np, &pol);
        double t1 = now_ms();
        for (long i = 0; i < staff; i++)
            workload_add_staff(w, holds[i], 1);
        double t2 = now_ms();
        workload_compute(w);
        double t3 = now_ms();
        /* the same counts handed over per position (as from an index of
         * staff by position), then the roll-up again */
        workload_clear_staff(w);
        for (size_t i = 0; i < np; i++)
            workload_set_existing(w, i, per_pos[i]);
        workload_compute(w);
        double t4 = now_ms();
        t_setcompute[run] = t4 - t3;
        check += workload_unit_row(w, 0)->existing;
        workload_free(w);
        t_build[run] = t1 - t0, t_count[run] = t2 - t1, t_compute[run] = t3 - t2;
        t_total[run] = t3 - t0;
    }
    qsort(t_build, (size_t)runs, sizeof *t_build, cmp_double);
    qsort(t_count, (size_t)runs, sizeof *t_count, cmp_double);
    qsort(t_compute, (size_t)runs, sizeof *t_compute, cmp_double);
    qsort(t_total, (size_t)runs, sizeof *t_total, cmp_double);
    qsort(t_setcompute, (size_t)runs, sizeof *t_setcompute, cmp_double);
    printf("workload roll-up: %ld staff, %zu units, %zu positions, %d runs (check %lld)\n",
           staff, nu, np, runs, check / runs);
    printf("  build tree+indexes   %8.2f ms median\n", t_build[runs / 2]);
    printf("  count staff (1/rec)  %8.2f ms median\n", t_count[runs / 2]);
    printf("  compute + roll-up    %8.2f ms median\n", t_compute[runs / 2]);
    printf("  total                %8.2f ms median\n", t_total[runs / 2]);
    printf("  roll-up from per-position counts (set + compute) %8.2f ms median\n",
           t_setcompute[runs / 2]);
    free(t_build), free(t_count), free(t_compute), free(t_total), free(t_setcompute);
    free(per_pos);
    free(holds), free(u), free(p);
    return 0;
}
