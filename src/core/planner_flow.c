/* The optimiser's network, its min-cost maximum flow, and the flow taken
 * apart into moves of single people. */
#include <stdlib.h>
#include <string.h>
#include "core/planner_internal.h"

/* An arc's capacity: counts of people and places, uncapacitated past what
 * the network keeps in 32 bits (no flow gets there: one unit is one
 * movable person, and there are fewer than that). */
static int64_t arc_cap(int64_t k)
{
    return k > MCF_CAP_MAX ? MCF_INF : k < 0 ? 0 : k;
}

/* Room left for moves out of / into a unit under the plan caps. */
static int64_t unit_cap(const struct planner *pl, int max, int64_t fixed)
{
    if (pl->in.policy->plan.severity == SEV_OFF || max <= 0)
        return MCF_INF;
    return arc_cap(max > fixed ? max - fixed : 0);
}

static int64_t total_cap(const struct planner *pl)
{
    long k = pl->in.max_moves < 0 ? pl->in.policy->optimiser.max_moves : pl->in.max_moves;
    return k <= 0 ? 0 : arc_cap(k);
}

/* Node numbers by layer; NONE where a unit or cell has no node. */
struct layout {
    uint32_t hub, *unit_out, *cell_out, class0, pt0, tt0, *unit_in;
    uint32_t nodes;
};

static int lay_out(const struct planner *pl, struct layout *l)
{
    const struct planner_input *in = &pl->in;
    l->unit_out = malloc((in->nunits + 1) * sizeof *l->unit_out);
    l->unit_in = malloc((in->nunits + 1) * sizeof *l->unit_in);
    l->cell_out = malloc((in->ncells + 1) * sizeof *l->cell_out);
    if (!l->unit_out || !l->unit_in || !l->cell_out)
        return -1;
    for (size_t u = 0; u < in->nunits; u++)
        l->unit_out[u] = l->unit_in[u] = NONE;
    for (size_t c = 0; c < in->ncells; c++)
        l->cell_out[c] = NONE;
    uint32_t n = 2;
    l->hub = total_cap(pl) > 0 ? n++ : 0;      /* 0: the source itself */
    for (size_t k = 0; k < pl->nclass; k++) {
        uint32_t c = pl->class_cell[k], u = in->cells[c].unit;
        if (l->unit_out[u] == NONE)
            l->unit_out[u] = n++;
        if (l->cell_out[c] == NONE)
            l->cell_out[c] = n++;
    }
    l->class0 = n;
    n += (uint32_t)pl->nclass;
    l->pt0 = n;
    n += (uint32_t)pl->nperson_type;
    l->tt0 = n;
    n += (uint32_t)pl->ntarget_type + pl->nlattice;
    for (size_t i = 0; i < pl->ntarget; i++) {
        uint32_t u = in->cells[pl->tcells[i]].unit;
        if (l->unit_in[u] == NONE)
            l->unit_in[u] = n++;
    }
    l->nodes = n;
    return 0;
}

/* Arcs from the source to the classes: source -> hub -> unit out -> cell
 * out -> class. */
static int origin_arcs(struct planner *pl, const struct layout *l)
{
    const struct planner_input *in = &pl->in;
    int64_t k = total_cap(pl);
    if (k > 0 && mcf_add_arc(pl->g, pl->src, l->hub, k, 0) < 0)
        return -1;
    for (size_t u = 0; u < in->nunits; u++)
        if (l->unit_out[u] != NONE &&
            mcf_add_arc(pl->g, l->hub, l->unit_out[u],
                        unit_cap(pl, in->policy->plan.max_moves_out, pl->fixed_out[u]), 0) < 0)
            return -1;
    for (size_t c = 0; c < in->ncells; c++) {
        if (l->cell_out[c] == NONE)
            continue;
        pl->st.origin_cells++;
        if (mcf_add_arc(pl->g, l->unit_out[in->cells[c].unit], l->cell_out[c],
                        arc_cap(pl->existing[c] - in->cells[c].need), 0) < 0)
            return -1;
    }
    for (size_t k2 = 0; k2 < pl->nclass; k2++)
        if (mcf_add_arc(pl->g, l->cell_out[pl->class_cell[k2]], l->class0 + (uint32_t)k2,
                        arc_cap(pl->class_count[k2]), 0) < 0)
            return -1;
    return 0;
}

/* Arcs from the classes to the sink: class -> person type -> (lattice)
 * -> target type -> unit in -> sink, the links carrying the costs. */
static int target_arcs(struct planner *pl, const struct layout *l)
{
    const struct planner_input *in = &pl->in;
    for (size_t p = 0; p < pl->nperson_type; p++)
        for (uint32_t i = 0; i < pl->pt_nclass[p]; i++) {
            size_t k = pl->pt_class[p] + i;
            pl->class_arc[k] = mcf_add_arc(pl->g, l->class0 + (uint32_t)k,
                                           l->pt0 + (uint32_t)p, MCF_INF, 0);
            if (pl->class_arc[k] < 0)
                return -1;
        }
    pl->link_arc0 = (long)mcf_arcs(pl->g);
    pl->pt0 = l->pt0;
    if (planner_route_links(pl) != 0)
        return -1;
    for (size_t g = 0; g < pl->ntarget_type; g++)
        for (uint32_t i = 0; i < pl->tt_count[g]; i++) {
            uint32_t c = pl->tcells[pl->tt_first[g] + i];
            pl->cell_arc[c] = mcf_add_arc(pl->g, l->tt0 + (uint32_t)g,
                                          l->unit_in[in->cells[c].unit],
                                          arc_cap(in->cells[c].need - pl->existing[c]), 0);
            if (pl->cell_arc[c] < 0)
                return -1;
        }
    pl->st.target_cells = pl->ntarget;
    for (size_t u = 0; u < in->nunits; u++)
        if (l->unit_in[u] != NONE &&
            mcf_add_arc(pl->g, l->unit_in[u], pl->sink,
                        unit_cap(pl, in->policy->plan.max_moves_in, pl->fixed_in[u]), 0) < 0)
            return -1;
    return 0;
}

int planner_build_network(struct planner *pl)
{
    struct layout l = {0};
    int rc = -1;
    if (lay_out(pl, &l) != 0)
        goto out;
    pl->src = 0;
    pl->sink = 1;
    pl->g = mcf_new(l.nodes);
    if (!pl->g || mcf_reserve(pl->g, pl->in.nunits * 2 + pl->in.ncells + 2 * pl->nclass +
                                         pl->link_bound + pl->ntarget + 1) != 0)
        goto out;
    if (origin_arcs(pl, &l) != 0 || target_arcs(pl, &l) != 0)
        goto out;
    pl->st.nodes = mcf_nodes(pl->g);
    pl->st.arcs = mcf_arcs(pl->g);
    rc = 0;
out:
    free(l.unit_out);
    free(l.unit_in);
    free(l.cell_out);
    return rc;
}

/* ---- from flow to moves ------------------------------------------------- */

/* Some people of one class who go to one target type. */
struct chunk {
    uint32_t tt, pt, cls;
    int64_t n;
};

/* Matches each person type's class outflows with its paths, in order:
 * any matching is right, since the classes of a type differ only in their
 * cell. */
struct chunker {
    const struct planner *pl;
    struct chunk *out;
    size_t n;
    uint32_t pt;                   /* person type of the class cursor */
    size_t k;                      /* the class cursor */
    int64_t fk;                    /* flow of class k not yet in a chunk */
};

static void take_path(void *ctx, uint32_t pt, uint32_t tt, int64_t n)
{
    struct chunker *c = ctx;
    const struct planner *pl = c->pl;
    if (pt != c->pt) {
        c->pt = pt;
        c->k = pl->pt_class[pt];
        c->fk = mcf_flow(pl->g, (size_t)pl->class_arc[c->k]);
    }
    size_t kend = pl->pt_class[pt] + pl->pt_nclass[pt];
    while (n > 0 && c->k < kend) {
        if (c->fk == 0) {
            if (++c->k < kend)
                c->fk = mcf_flow(pl->g, (size_t)pl->class_arc[c->k]);
            continue;
        }
        int64_t m = c->fk < n ? c->fk : n;
        c->out[c->n++] = (struct chunk){tt, pt, (uint32_t)c->k, m};
        c->fk -= m;
        n -= m;
    }
}

static int move_order(const void *pa, const void *pb)
{
    const struct planner_move *a = pa, *b = pb;
    if (a->to_cell != b->to_cell)
        return a->to_cell < b->to_cell ? -1 : 1;
    if (a->from_cell != b->from_cell)
        return a->from_cell < b->from_cell ? -1 : 1;
    return (a->person > b->person) - (a->person < b->person);
}

static void add_moves(struct planner *pl, const struct chunk *ch, uint32_t cell, int64_t n,
                      uint32_t *used)
{
    struct pair q0 = {0}, *q = &q0;
    planner_pair(pl, ch->pt, ch->tt, q);        /* fits: the flow took it */
    int64_t move = pl->in.policy->optimiser.move_cost;
    for (int64_t i = 0; i < n; i++) {
        size_t person = pl->members[pl->class_first[ch->cls] + used[ch->cls]++];
        pl->moves[pl->nmoves++] = (struct planner_move){
            .person = person, .from_cell = pl->class_cell[ch->cls], .to_cell = cell,
            .cost = move + q->district + q->home + q->competency + q->wish, .cost_move = move,
            .cost_district = q->district, .cost_home = q->home,
            .cost_competency = q->competency, .cost_wish = q->wish,
            .preferred = q->preferred, .avoided = q->avoided, .missing_levels = q->missing};
    }
}

/* Each target type's incoming chunks against its cells' flows. */
static void moves_by_target_type(struct planner *pl, struct chunk *ch, size_t nch,
                                 uint32_t *used)
{
    for (size_t i = 0, j; i < nch; i = j) {
        uint32_t g = ch[i].tt;
        for (j = i; j < nch && ch[j].tt == g; j++)
            ;
        size_t c = 0, cend = pl->tt_count[g];
        int64_t fc = 0;
        for (size_t x = i; x < j; x++) {
            while (ch[x].n > 0 && c < cend) {
                uint32_t cell = pl->tcells[pl->tt_first[g] + c];
                if (fc == 0)
                    fc = mcf_flow(pl->g, (size_t)pl->cell_arc[cell]);
                if (fc == 0) {
                    c++;
                    continue;
                }
                int64_t m = fc < ch[x].n ? fc : ch[x].n;
                add_moves(pl, &ch[x], cell, m, used);
                ch[x].n -= m;
                fc -= m;
                if (fc == 0)
                    c++;
            }
        }
    }
}

static int chunk_by_target(const void *pa, const void *pb)
{
    const struct chunk *a = pa, *b = pb;
    if (a->tt != b->tt)
        return a->tt < b->tt ? -1 : 1;
    if (a->pt != b->pt)
        return a->pt < b->pt ? -1 : 1;
    return (a->cls > b->cls) - (a->cls < b->cls);
}

/* The figures of each move: staff before it, after the fixed moves and
 * the moves listed before it. */
static void move_figures(struct planner *pl)
{
    int64_t *now = malloc((pl->in.ncells + 1) * sizeof *now);
    if (!now)
        return;
    memcpy(now, pl->existing, pl->in.ncells * sizeof *now);
    for (size_t i = 0; i < pl->nmoves; i++) {
        struct planner_move *m = &pl->moves[i];
        m->to_need = pl->in.cells[m->to_cell].need;
        m->to_existing = now[m->to_cell]++;
        m->from_need = pl->in.cells[m->from_cell].need;
        m->from_existing = now[m->from_cell]--;
    }
    free(now);
}

static int take_apart(struct planner *pl)
{
    /* every chunk holds one move or more */
    struct chunk *ch = malloc(((size_t)pl->st.max_fill + 1) * sizeof *ch);
    uint32_t *used = calloc(pl->nclass + 1, sizeof *used);
    pl->moves = malloc(((size_t)pl->st.max_fill + 1) * sizeof *pl->moves);
    if (!ch || !used || !pl->moves) {
        free(ch);
        free(used);
        return -1;
    }
    struct chunker c = {.pl = pl, .out = ch, .pt = NONE};
    if (planner_paths(pl, take_path, &c) != 0) {
        free(ch);
        free(used);
        return -1;
    }
    size_t nch = c.n;
    qsort(ch, nch, sizeof *ch, chunk_by_target);
    moves_by_target_type(pl, ch, nch, used);
    qsort(pl->moves, pl->nmoves, sizeof *pl->moves, move_order);
    move_figures(pl);
    free(ch);
    free(used);
    return 0;
}

static int planner_code(int mcf_rc)
{
    switch (mcf_rc) {
    case MCF_OPTIMAL: return PLANNER_OK;
    case MCF_CANCELLED: return PLANNER_CANCELLED;
    case MCF_NOMEM: return PLANNER_NOMEM;
    default: return PLANNER_BAD_INPUT;
    }
}

int planner_solve(struct planner *pl, const struct mcf_control *ctl)
{
    if (pl->released)
        return PLANNER_BAD_INPUT;
    free(pl->moves);
    pl->moves = NULL;
    pl->nmoves = 0;
    int64_t f;
    int rc = mcf_min_cost_max_flow(pl->g, pl->src, pl->sink, &f, ctl);
    pl->st.flow_steps = mcf_steps(pl->g);
    pl->st.simplex_pivots = mcf_pivots(pl->g);
    if (rc != MCF_OPTIMAL)
        return planner_code(rc);
    pl->st.max_fill = f;
    pl->st.objective = mcf_objective(pl->g);
    return take_apart(pl) == 0 ? PLANNER_OK : PLANNER_NOMEM;
}

const struct planner_stats *planner_stats(const struct planner *pl) { return &pl->st; }
size_t planner_move_count(const struct planner *pl) { return pl->nmoves; }
const struct planner_move *planner_move(const struct planner *pl, size_t i)
{
    return i < pl->nmoves ? &pl->moves[i] : NULL;
}
struct mcf *planner_graph(struct planner *pl) { return pl->g; }
uint32_t planner_source(const struct planner *pl) { return pl->src; }
uint32_t planner_sink(const struct planner *pl) { return pl->sink; }

int planner_write_dimacs(const struct planner *pl, const char *comment,
                         int (*emit)(void *ctx, const char *line, size_t len), void *ctx)
{
    return pl->released ? -1 : mcf_write_dimacs(pl->g, comment, emit, ctx);
}
