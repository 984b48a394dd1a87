/* ops_plan_suggest: reading the region and solving. See ops/suggest.h;
 * the saving is in ops/suggest_save.c. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/i18n.h"
#include "ops/suggest_internal.h"

static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static bool grow(void **p, size_t *room, size_t need, size_t size)
{
    if (need <= *room)
        return true;
    size_t n = *room ? *room * 2 : 256;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return false;
    *p = q;
    *room = n;
    return true;
}

bool suggest_stop(struct suggest_run *run, int phase, uint64_t done)
{
    const struct ops_suggest_req *rq = run->rq;
    if ((rq->cancel && *rq->cancel) || (rq->progress && rq->progress(rq->ctx, phase, done)))
        run->stopped = true;
    return run->stopped;
}

/* --- reading ---------------------------------------------------------------- */

static int keep_comps(struct suggest_run *run, const struct competency *c, uint8_t n,
                      uint32_t *first)
{
    /* + 1: the pool exists even when nobody holds a competency */
    if (!grow((void **)&run->comps, &run->comps_room, run->ncomps + n + 1, sizeof *run->comps))
        return -1;
    *first = (uint32_t)run->ncomps;
    if (n)
        memcpy(run->comps + run->ncomps, c, n * sizeof *c);
    run->ncomps += n;
    return 0;
}

static int keep_str(struct suggest_run *run, const char *s, uint32_t *off)
{
    size_t n = strlen(s) + 1;
    if (!grow((void **)&run->strs, &run->strs_room, run->nstrs + n, 1))
        return -1;
    *off = (uint32_t)run->nstrs;
    memcpy(run->strs + run->nstrs, s, n);
    run->nstrs += n;
    return 0;
}

/* The workload tap: what the planner needs besides the workload's codes,
 * families and figures. */
static int take_unit(const struct unit *u, void *ctx)
{
    struct suggest_run *run = ctx;
    if (!grow((void **)&run->unit_kind, &run->unit_room, run->nunit_kind + 1, 1))
        return -1;
    run->unit_kind[run->nunit_kind++] = u->kind;
    return 0;
}

static int take_position(const struct position *p, void *ctx)
{
    struct suggest_run *run = ctx;
    if (!grow((void **)&run->pos, &run->pos_room, run->npos + 1, sizeof *run->pos))
        return -1;
    struct pos_extra *x = &run->pos[run->npos++];
    *x = (struct pos_extra){p->kind, p->level, p->min_rank, p->min_education, p->ncomp, 0};
    return keep_comps(run, p->comp, p->ncomp, &x->comp);
}

static int cmp_nip(const void *a, const void *b)
{
    return memcmp(a, b, NIP_LEN + 1);
}

static int read_plan_moves(struct suggest_run *run, stxn *t)
{
    struct plan_moves *f = &run->fixed;
    if (plan_moves_read(t, run->rq->plan, f) != STORE_OK)
        return -1;
    run->in_plan = malloc((f->n ? f->n : 1) * sizeof *run->in_plan);
    if (!run->in_plan)
        return -1;
    for (size_t i = 0; i < f->n; i++)
        memcpy(run->in_plan[i], f->m[i].nip, NIP_LEN + 1);
    qsort(run->in_plan, f->n, sizeof *run->in_plan, cmp_nip);
    run->nin_plan = f->n;
    /* a struck move is out of the plan (it counts for nothing), but its
     * person stays out of the suggestions: the reviewers struck them */
    plan_moves_drop_struck(f);
    return 0;
}

/* The person's current position as the person rules see it (retirement
 * asks for its code, kind, level and family). */
static void origin_of(const struct suggest_run *run, size_t pi, struct position *out)
{
    const struct pos_extra *x = &run->pos[pi];
    snprintf(out->code, sizeof out->code, "%s", workload_position_code(run->w, pi));
    snprintf(out->unit, sizeof out->unit, "%s", workload_position_unit_code(run->w, pi));
    snprintf(out->job_family, sizeof out->job_family, "%s",
             workload_position_family(run->w, pi));
    out->kind = x->kind;
    out->level = x->level;
}

static int add_mover(struct suggest_run *run, const struct staff *s, size_t pi)
{
    if (!grow((void **)&run->people, &run->people_room, run->npeople + 1, sizeof *run->people))
        return -1;
    if (!grow((void **)&run->movers, &run->movers_room, run->npeople + 1, sizeof *run->movers))
        return -1;
    struct mover *m = &run->movers[run->npeople];
    memcpy(m->nip, s->nip, sizeof m->nip);
    if (keep_str(run, s->job_family, &m->family) != 0 ||
        keep_str(run, s->home_district, &m->home) != 0 ||
        keep_comps(run, s->comp, s->ncomp, &m->comp) != 0)
        return -1;
    run->people[run->npeople++] = (struct planner_person){
        .cell = (uint32_t)pi, .rank = s->rank, .education = s->education, .ncomp = s->ncomp};
    return 0;
}

static int take_staff(const struct staff *s, void *ctx)
{
    struct suggest_run *run = ctx;
    if (++run->staff_seen % 4096 == 0 && suggest_stop(run, OPS_SUGGEST_READ, run->staff_seen))
        return 1;
    if (bsearch(s->nip, run->in_plan, run->nin_plan, sizeof *run->in_plan, cmp_nip))
        return 0;
    long pi = workload_position_index(run->w, s->position);
    if (pi < 0 || workload_position_unit(run->w, (size_t)pi) < 0)
        return 0;           /* no position, or one in no unit: nowhere to move from */
    origin_of(run, (size_t)pi, &run->origin);
    if (!rules_person_may_move(s, &run->origin, ops_policy(run->o), run->o->today))
        return 0;
    return add_mover(run, s, (size_t)pi);
}

static int read_region(struct suggest_run *run, stxn *t)
{
    struct ops_workload_tap tap = {take_unit, take_position, run};
    struct ops_err *e = run->e;
    if (read_plan_moves(run, t) != 0 || !(run->w = ops_workload_read(run->o, t, &tap)))
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(run->o->db));
    if (store_each_staff(t, NULL, take_staff, run) != 0 && !run->stopped)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(run->o->db));
    if (run->stopped)
        return OPS_STOPPED;
    return suggest_read_wishes(run, t);
}

static int read_all(struct suggest_run *run)
{
    struct plan p;
    stxn *t = ops_read_begin(run->o, run->e);
    if (!t)
        return OPS_REFUSED;
    int rc = plan_for_change(run->o, t, run->rq->plan, run->rq->expect_version, &p, run->e);
    if (rc == OPS_OK) {
        run->version = p.version;
        rc = read_region(run, t);
    }
    store_read_end(t);
    return rc;
}

/* --- the planner's input -------------------------------------------------- */

/* The instansi a unit belongs to: the nearest one above it (or itself).
 * A kabupaten's instansi may sit under a province's, and moves stay
 * inside one regional government; a tree without one uses its top. */
static uint32_t instansi_of(const struct suggest_run *run, size_t u)
{
    long r = (long)u, up;
    while (run->unit_kind[r] != UKIND_INSTANSI && (up = workload_unit_parent(run->w, (size_t)r)) >= 0)
        r = up;
    return (uint32_t)r;
}

/* Every unit with its district and instansi; one more, last, for the
 * positions in no unit (they take part with neither surplus nor shortage). */
static int make_units(struct suggest_run *run, size_t nu)
{
    run->units = malloc((nu + 1) * sizeof *run->units);
    if (!run->units || run->nunit_kind != nu)
        return -1;
    for (size_t u = 0; u < nu; u++)
        run->units[u] = (struct planner_unit){workload_unit_district(run->w, u),
                                              instansi_of(run, u)};
    run->units[nu] = (struct planner_unit){"", (uint32_t)nu};
    return 0;
}

static int make_cells(struct suggest_run *run, size_t nu)
{
    size_t np = workload_position_count(run->w);
    run->cells = calloc(np ? np : 1, sizeof *run->cells);
    if (!run->cells || np != run->npos)
        return -1;
    for (size_t i = 0; i < np; i++) {
        const struct pos_extra *x = &run->pos[i];
        const struct wl_row *row = workload_position_row(run->w, i);
        long u = workload_position_unit(run->w, i);
        run->cells[i] = (struct planner_cell){
            .unit = u >= 0 ? (uint32_t)u : (uint32_t)nu,
            .family = workload_position_family(run->w, i),
            .min_rank = x->min_rank, .min_education = x->min_education,
            .ncomp = x->ncomp, .comp = run->comps + x->comp,
            .need = u >= 0 ? row->need : row->existing, .existing = row->existing};
    }
    return 0;
}

static void fix_people(struct suggest_run *run)
{
    for (size_t i = 0; i < run->npeople; i++) {
        const struct mover *m = &run->movers[i];
        run->people[i].family = run->strs + m->family;
        run->people[i].home_district = run->strs + m->home;
        run->people[i].comp = run->comps + m->comp;
        run->people[i].wish = m->wish >= 0 ? &run->wishes[m->wish].w : NULL;
    }
}

static int make_fixed(struct suggest_run *run)
{
    const struct plan_moves *f = &run->fixed;
    run->fixes = malloc((f->n ? f->n : 1) * sizeof *run->fixes);
    if (!run->fixes)
        return -1;
    for (size_t i = 0; i < f->n; i++) {
        long to = workload_position_index(run->w, f->m[i].to_position);
        if (to < 0)
            continue;       /* the target is gone: plan check reports it */
        long from = f->m[i].from_position[0]
                        ? workload_position_index(run->w, f->m[i].from_position) : -1;
        run->fixes[run->nfixes++] = (struct planner_fixed){from, (uint32_t)to};
    }
    return 0;
}

static int build(struct suggest_run *run)
{
    size_t nu = workload_unit_count(run->w);
    if (make_units(run, nu) != 0 || make_cells(run, nu) != 0 || make_fixed(run) != 0)
        return ops_fail(run->e, "%s", _("out of memory"));
    fix_people(run);
    struct planner_input in = {
        .policy = ops_policy(run->o), .units = run->units, .nunits = nu + 1,
        .cells = run->cells, .ncells = workload_position_count(run->w),
        .people = run->people, .npeople = run->npeople,
        .fixed = run->fixes, .nfixed = run->nfixes, .max_moves = run->rq->max_moves};
    if (!(run->pl = planner_new(&in)))
        return ops_fail(run->e, "%s", _("out of memory"));
    return OPS_OK;
}

/* --- solving ----------------------------------------------------------------- */

static int solve_progress(void *ctx, uint64_t steps)
{
    struct suggest_run *run = ctx;
    return suggest_stop(run, OPS_SUGGEST_SOLVE, steps);
}

static int solve(struct suggest_run *run)
{
    struct mcf_control ctl = {solve_progress, run, run->rq->cancel, 0};
    int r = planner_solve(run->pl, &ctl);
    if (r == PLANNER_CANCELLED)
        return OPS_STOPPED;
    if (r != PLANNER_OK)
        return ops_fail(run->e, "%s", r == PLANNER_NOMEM ? _("out of memory")
                                          : _("the optimiser could not solve this plan"));
    const struct planner_stats *st = planner_stats(run->pl);
    struct ops_suggest_result *out = run->out;
    out->objective = st->objective;
    out->shortage = st->shortage;
    out->max_fill = st->max_fill;
    out->nodes = st->nodes;
    out->arcs = st->arcs;
    out->movable = st->movable;
    out->classes = st->classes;
    return OPS_OK;
}

static int dump(struct suggest_run *run)
{
    char comment[160];
    if (!run->rq->emit)
        return OPS_OK;
    snprintf(comment, sizeof comment,
             "mutasi plan suggest %u: min-cost flow of value %lld (the most places filled)",
             (unsigned)run->rq->plan, (long long)run->out->max_fill);
    return planner_write_dimacs(run->pl, comment, run->rq->emit, run->rq->emit_ctx) == 0
               ? OPS_OK : OPS_STOPPED;
}

static void run_free(struct suggest_run *run)
{
    planner_free(run->pl);
    workload_free(run->w);
    plan_moves_free(&run->fixed);
    free(run->pos);
    free(run->unit_kind);
    free(run->comps);
    free(run->strs);
    free(run->people);
    free(run->movers);
    free(run->in_plan);
    free(run->units);
    free(run->cells);
    free(run->fixes);
    suggest_wishes_free(run);
}

int ops_plan_suggest(struct ops *o, const struct ops_suggest_req *rq,
                     struct ops_suggest_result *out, struct ops_err *e)
{
    struct suggest_run run = {.o = o, .rq = rq, .e = e, .out = out};
    memset(out, 0, sizeof *out);
    if (need_operator(o, e) != OPS_OK)
        return OPS_REFUSED;
    double t0 = cpu_ms();
    int rc = read_all(&run);
    double t1 = cpu_ms();
    if (rc == OPS_OK)
        rc = build(&run);
    double t2 = cpu_ms();
    if (rc == OPS_OK)
        rc = solve(&run);
    double t3 = cpu_ms();
    if (rc == OPS_OK)
        rc = dump(&run);
    if (rc == OPS_OK && suggest_stop(&run, OPS_SUGGEST_SAVE, 0))
        rc = OPS_STOPPED;
    double t4 = cpu_ms();
    if (rc == OPS_OK)
        rc = suggest_save(&run);
    out->staff = run.staff_seen;
    out->read_ms = t1 - t0;
    out->build_ms = t2 - t1;
    out->solve_ms = t3 - t2;
    out->save_ms = cpu_ms() - t4;
    run_free(&run);
    if (rc != OPS_OK)
        ops_suggest_result_free(out);
    return rc;
}

void ops_suggest_result_free(struct ops_suggest_result *r)
{
    free(r->moves);
    r->moves = NULL;
    r->nmoves = 0;
}
