/* A transfer problem shaped like the demo region, solved by core/planner:
 * writes the network in DIMACS (for glpsol --mincost) and prints its
 * figures. Used by tests/e2e/t_planner_glpk.sh (objective = glpsol's) and
 * `make bench-planner` (solver time, medians).
 *   plangen STAFF SEED [DIMACS-FILE|-] [RUNS]
 * Per kabupaten of 5,000 staff: 20 districts, 300 units, 3,735 positions
 * (0.747 per person, as the generator's L: 747,000 for 1,000,000), job
 * families mostly education and health, need and staff differing by a
 * person or two, 60% of the staff movable (the person rules passed).
 * Output lines: "name: value", times in ms of CPU (median of RUNS). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/planner.h"

static uint64_t rng;
static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

static double cpu_ms(void)
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

static const char *const families[] = {"pendidikan", "pendidikan", "pendidikan", "kesehatan",
                                       "kesehatan", "administrasi umum", "administrasi umum",
                                       "keuangan", "teknik", ""};
static const char *const comp_codes[] = {"pedagogi", "klinis", "triase", "akuntansi", "k3"};
static char districts[400][16];

struct instance {
    struct planner_unit *units;
    struct planner_cell *cells;
    struct planner_person *people;
    struct competency *comps;          /* one per cell, one per person */
    size_t nunits, ncells, npeople;
};

static void make_cells(struct instance *in, long regions)
{
    size_t per_units = 300, per_cells = 3735;
    for (long r = 0; r < regions; r++) {
        uint32_t root = (uint32_t)in->nunits;
        for (size_t u = 0; u < per_units; u++)
            in->units[in->nunits++] = (struct planner_unit){
                districts[(r % 20) * 20 + rnd(20)], root};
        for (size_t c = 0; c < per_cells; c++) {
            struct planner_cell *cell = &in->cells[in->ncells];
            cell->unit = root + rnd((uint32_t)per_units);
            cell->family = families[rnd(10)];
            cell->min_rank = rnd(3) ? 0 : (uint8_t)(5 + rnd(8));
            cell->min_education = rnd(2) ? 0 : (uint8_t)(3 + rnd(6));
            if (rnd(4) == 0) {
                in->comps[in->ncells] = (struct competency){"", (uint8_t)(1 + rnd(3))};
                strcpy(in->comps[in->ncells].code, comp_codes[rnd(5)]);
                cell->comp = &in->comps[in->ncells];
                cell->ncomp = 1;
            }
            cell->need = 1 + (rnd(4) == 0);
            static const int delta[20] = {-1, -1, -1, -1, 0, 0, 0, 0, 0, 0,
                                          0, 0, 0, 0, 0, 1, 1, 1, 2, 2};
            int64_t e = cell->need + delta[rnd(20)];
            cell->existing = e < 0 ? 0 : e;
            in->ncells++;
        }
    }
}

static void make_people(struct instance *in, size_t comp_base)
{
    for (size_t c = 0; c < in->ncells; c++) {
        const struct planner_cell *cell = &in->cells[c];
        for (int64_t k = 0; k < cell->existing; k++) {
            if (rnd(10) >= 6)
                continue;               /* stopped by a person rule */
            struct planner_person *p = &in->people[in->npeople];
            p->cell = (uint32_t)c;
            p->rank = (uint8_t)(5 + rnd(10));
            p->education = (uint8_t)(3 + rnd(7));
            p->family = rnd(20) ? cell->family : families[rnd(10)];
            p->home_district = rnd(10) < 7 ? in->units[cell->unit].district
                                           : districts[rnd(400)];
            if (rnd(2)) {
                struct competency *h = &in->comps[comp_base + in->npeople];
                strcpy(h->code, comp_codes[rnd(5)]);
                h->level = (uint8_t)(1 + rnd(3));
                p->comp = h;
                p->ncomp = 1;
            }
            in->npeople++;
        }
    }
}

static int to_file(void *ctx, const char *line, size_t len)
{
    return fwrite(line, 1, len, ctx) == len ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: plangen STAFF SEED [DIMACS-FILE] [RUNS]\n");
        return 2;
    }
    long staff = atol(argv[1]);
    rng = 0x9E3779B97F4A7C15ull ^ (uint64_t)atol(argv[2]) * 0x2545F4914F6CDD1Dull;
    int runs = argc > 4 ? atoi(argv[4]) : 1;
    for (int d = 0; d < 400; d++)
        snprintf(districts[d], sizeof districts[d], "kec-%d", d);
    long regions = staff / 5000 > 0 ? staff / 5000 : 1;
    double scale = (double)staff / (double)(regions * 5000);
    struct instance in = {0};
    size_t max_cells = (size_t)regions * 3735, max_people = (size_t)(staff * 2 + 100);
    in.units = calloc((size_t)regions * 300, sizeof *in.units);
    in.cells = calloc(max_cells, sizeof *in.cells);
    in.people = calloc(max_people, sizeof *in.people);
    in.comps = calloc(max_cells + max_people, sizeof *in.comps);
    if (!in.units || !in.cells || !in.people || !in.comps)
        return 1;
    make_cells(&in, regions);
    in.ncells = (size_t)((double)in.ncells * (scale < 1 ? scale : 1));   /* small N */
    make_people(&in, max_cells);

    struct policy pol;
    policy_defaults(&pol);
    struct planner_input pin = {.policy = &pol, .units = in.units, .nunits = in.nunits,
                                .cells = in.cells, .ncells = in.ncells, .people = in.people,
                                .npeople = in.npeople, .max_moves = -1};
    double *whole = calloc((size_t)runs, sizeof *whole), *solve = calloc((size_t)runs, sizeof *solve);
    struct planner *pl = NULL;
    for (int r = 0; r < runs; r++) {
        planner_free(pl);
        double t0 = cpu_ms();
        pl = planner_new(&pin);
        double t1 = cpu_ms();
        if (!pl || planner_solve(pl, NULL) != PLANNER_OK) {
            fprintf(stderr, "plangen: the planner failed\n");
            return 1;
        }
        double t2 = cpu_ms();
        whole[r] = t2 - t0;
        solve[r] = t2 - t1;
    }
    qsort(whole, (size_t)runs, sizeof *whole, cmp_double);
    qsort(solve, (size_t)runs, sizeof *solve, cmp_double);
    const struct planner_stats *st = planner_stats(pl);
    printf("staff: %ld\ncells: %zu\nmovable: %zu\nclasses: %zu\nperson_types: %zu\n"
           "target_types: %zu\nlattice_nodes: %zu\nnodes: %u\narcs: %zu\nshortage: %lld\nmax_fill: %lld\n"
           "objective: %lld\npivots: %llu\nplanner_ms: %.1f\nsolver_ms: %.1f\n",
           staff, in.ncells, st->movable, st->classes, st->person_types, st->target_types,
           st->lattice_nodes, st->nodes, st->arcs, (long long)st->shortage, (long long)st->max_fill,
           (long long)st->objective, (unsigned long long)st->simplex_pivots,
           whole[runs / 2], solve[runs / 2]);
    if (argc > 3 && strcmp(argv[3], "-") != 0) {
        FILE *f = fopen(argv[3], "w");
        if (!f || planner_write_dimacs(pl, "mutasi plangen", to_file, f) != 0 || fclose(f) != 0) {
            perror(argv[3]);
            return 1;
        }
    }
    planner_free(pl);
    free(whole);
    free(solve);
    free(in.units);
    free(in.cells);
    free(in.people);
    free(in.comps);
    return 0;
}
