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

/* A bounded copy (snprintf's cost, a hundred thousand times, showed). */
static void copy_code(char *dst, size_t size, const char *src)
{
    size_t n = strnlen(src, size - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* The person's current position as the person rules see it (retirement
 * asks for its code, kind, level and family); kept while the next person
 * holds the same one. */
static void origin_of(struct suggest_run *run, size_t pi)
{
    struct position *out = &run->origin;
    if (run->origin_pi == pi + 1)
        return;
    run->origin_pi = pi + 1;
    const struct pos_extra *x = &run->pos[pi];
    copy_code(out->code, sizeof out->code, workload_position_code(run->w, pi));
    copy_code(out->unit, sizeof out->unit, workload_position_unit_code(run->w, pi));
    copy_code(out->job_family, sizeof out->job_family, workload_position_family(run->w, pi));
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
        keep_str(run, s->unit, &m->unit) != 0 ||
        keep_comps(run, s->comp, s->ncomp, &m->comp) != 0)
        return -1;
    run->people[run->npeople++] = (struct planner_person){
        .cell = (uint32_t)pi, .rank = s->rank, .education = s->education, .ncomp = s->ncomp};
    return 0;
}

/* Staff over need per position once the plan's moves are made: the
 * planner takes nobody from a position without (planner.h), so the people
 * of the others need not be kept (five in six of them, at national scale). */
static int count_surplus(struct suggest_run *run)
{
    size_t np = workload_position_count(run->w);
    run->surplus = malloc((np + 1) * sizeof *run->surplus);
    if (!run->surplus)
        return -1;
    for (size_t i = 0; i < np; i++) {
        const struct wl_row *row = workload_position_row(run->w, i);
        int64_t over = row->existing - row->need;
        run->surplus[i] = over < INT32_MIN ? INT32_MIN : over > INT32_MAX ? INT32_MAX : (int32_t)over;
    }
    for (size_t i = 0; i < run->fixed.n; i++) {
        const struct move *m = &run->fixed.m[i];
        long to = workload_position_index(run->w, m->to_position);
        long from = m->from_position[0] ? workload_position_index(run->w, m->from_position) : -1;
        if (to < 0)
            continue;       /* as make_fixed: a move to a position now gone counts nowhere */
        run->surplus[to] += run->surplus[to] < INT32_MAX;
        if (from >= 0)
            run->surplus[from] -= run->surplus[from] > INT32_MIN;
    }
    return 0;
}

/* Before a staff record is decoded: counted (progress), and wanted only
 * when its position may give somebody (five in six are not, and are never
 * decoded). */
static int want_staff(const char *position, void *ctx)
{
    struct suggest_run *run = ctx;
    if (++run->staff_seen % 4096 == 0 && suggest_stop(run, OPS_SUGGEST_READ, run->staff_seen))
        return 2;
    long pi = workload_position_index(run->w, position);
    if (pi < 0 || workload_position_unit(run->w, (size_t)pi) < 0)
        return 0;           /* no position, or one in no unit: nowhere to move from */
    if (run->surplus[pi] <= 0)
        return 0;           /* a position at or below its need gives nobody */
    run->staff_pi = (size_t)pi;
    return 1;
}

static int take_staff(const struct staff *s, void *ctx)
{
    struct suggest_run *run = ctx;
    if (bsearch(s->nip, run->in_plan, run->nin_plan, sizeof *run->in_plan, cmp_nip))
        return 0;
    origin_of(run, run->staff_pi);
    if (!rules_person_may_move(s, &run->origin, ops_policy(run->o), run->o->today))
        return 0;
    return add_mover(run, s, run->staff_pi);
}

static int read_region(struct suggest_run *run, stxn *t)
{
    struct ops_workload_tap tap = {take_unit, take_position, run};
    struct ops_err *e = run->e;
    if (read_plan_moves(run, t) != 0 || !(run->w = ops_workload_read(run->o, t, &tap)))
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(run->o->db));
    if (workload_index_positions(run->w) != 0 || count_surplus(run) != 0)
        return ops_fail(e, "%s", _("out of memory"));
    if (store_each_staff_where(t, want_staff, take_staff, run) != 0 && !run->stopped)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(run->o->db));
    workload_unindex_positions(run->w);     /* the few look-ups left can bisect */
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

/* The planner sees only the positions that take part: those over or under
 * their need (before the plan) and those a fixed move touches. Two in
 * three are at their need at national scale; they would be nodes with
 * neither supply nor demand. run->cell_pos maps the planner's cells back
 * to workload positions, run->surplus (no longer needed once the staff are
 * read) becomes the way there, UINT32_MAX where a position is left out. */
static void mark_fixed(struct suggest_run *run, uint32_t *cell_of)
{
    for (size_t i = 0; i < run->fixed.n; i++) {
        const struct move *m = &run->fixed.m[i];
        long to = workload_position_index(run->w, m->to_position);
        long from = m->from_position[0] ? workload_position_index(run->w, m->from_position) : -1;
        if (to >= 0)
            cell_of[to] = 0;
        if (to >= 0 && from >= 0)
            cell_of[from] = 0;
    }
}

static size_t pick_cells(struct suggest_run *run, size_t np)
{
    uint32_t *cell_of = (uint32_t *)run->surplus;
    for (size_t i = 0; i < np; i++) {
        const struct wl_row *row = workload_position_row(run->w, i);
        bool apart = workload_position_unit(run->w, i) < 0 || row->existing == row->need;
        cell_of[i] = apart ? UINT32_MAX : 0;
    }
    mark_fixed(run, cell_of);
    size_t nc = 0;
    for (size_t i = 0; i < np; i++)
        if (cell_of[i] != UINT32_MAX)
            cell_of[i] = (uint32_t)nc++;
    return nc;
}

static int make_cells(struct suggest_run *run, size_t nu)
{
    size_t np = workload_position_count(run->w);
    if (np != run->npos || np >= UINT32_MAX)
        return -1;
    size_t nc = pick_cells(run, np);
    const uint32_t *cell_of = (const uint32_t *)run->surplus;
    run->cells = calloc(nc ? nc : 1, sizeof *run->cells);
    run->cell_pos = malloc((nc ? nc : 1) * sizeof *run->cell_pos);
    if (!run->cells || !run->cell_pos)
        return -1;
    run->ncells = nc;
    for (size_t i = 0; i < np; i++) {
        if (cell_of[i] == UINT32_MAX)
            continue;
        const struct pos_extra *x = &run->pos[i];
        const struct wl_row *row = workload_position_row(run->w, i);
        long u = workload_position_unit(run->w, i);
        run->cell_pos[cell_of[i]] = (uint32_t)i;
        run->cells[cell_of[i]] = (struct planner_cell){
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
        run->people[i].cell = ((const uint32_t *)run->surplus)[run->people[i].cell];
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
        const uint32_t *cell_of = (const uint32_t *)run->surplus;
        run->fixes[run->nfixes++] = (struct planner_fixed){from >= 0 ? (long)cell_of[from] : -1,
                                                           cell_of[to]};
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
        .cells = run->cells, .ncells = run->ncells,
        .people = run->people, .npeople = run->npeople,
        .fixed = run->fixes, .nfixed = run->nfixes, .max_moves = run->rq->max_moves};
    if (!(run->pl = planner_new(&in)))
        return ops_fail(run->e, "%s", _("out of memory"));
    free(run->pos);                /* the cells have what the planner needs of it */
    free(run->surplus);            /* and the people and fixes their cells */
    run->pos = NULL;
    run->surplus = NULL;
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

/* Before saving: what saving does not read goes, so that the network and
 * the moves' records in the write transaction are not in memory at once. */
static void release_solved(struct suggest_run *run)
{
    planner_release(run->pl);
    free(run->pos);
    free(run->unit_kind);
    free(run->comps);
    free(run->people);
    free(run->units);
    free(run->cells);
    free(run->fixes);
    run->pos = NULL;
    run->unit_kind = NULL;
    run->comps = NULL;
    run->people = NULL;
    run->units = NULL;
    run->cells = NULL;
    run->fixes = NULL;
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
    free(run->surplus);
    free(run->units);
    free(run->cells);
    free(run->cell_pos);
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
    if (rc == OPS_OK) {
        release_solved(&run);
        rc = suggest_save(&run);
    }
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
    free(r->text);
    r->moves = NULL;
    r->nmoves = 0;
    r->text = NULL;
    r->ntext = r->text_room = 0;
}
