/* The optimiser: grouping people into classes and types, the network of
 * planner.h, min-cost maximum flow, and the flow taken apart into moves. */
#include <stdlib.h>
#include <string.h>
#include "core/planner_internal.h"
#include "core/vocab.h"

/* ---- interning: strings and competency lists become small ids ----------- */

static uint64_t hash_bytes(const void *p, size_t len)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

static void intern_free(struct intern *t)
{
    free(t->slot);
    free(t->buf);
    free(t->off);
    free(t->len);
}

static int intern_grow(struct intern *t)
{
    size_t nslot = t->nslot ? t->nslot * 2 : 256;
    uint32_t *slot = calloc(nslot, sizeof *slot);
    if (!slot)
        return -1;
    for (uint32_t id = 0; id < t->n; id++) {
        size_t i = hash_bytes(t->buf + t->off[id], t->len[id]) & (nslot - 1);
        while (slot[i])
            i = (i + 1) & (nslot - 1);
        slot[i] = id + 1;
    }
    free(t->slot);
    t->slot = slot;
    t->nslot = nslot;
    return 0;
}

/* The id of a byte string (equal strings, equal ids), or -1: no memory. */
static long intern_id(struct intern *t, const void *key, size_t len)
{
    if ((t->n + 1) * 2 > t->nslot && intern_grow(t) != 0)
        return -1;
    size_t i = hash_bytes(key, len) & (t->nslot - 1);
    for (; t->slot[i]; i = (i + 1) & (t->nslot - 1)) {
        uint32_t id = t->slot[i] - 1;
        if (t->len[id] == len && memcmp(t->buf + t->off[id], key, len) == 0)
            return id;
    }
    if (t->n == t->room) {
        uint32_t room = t->room ? t->room * 2 : 64;
        size_t *off = realloc(t->off, room * sizeof *off);
        if (off)
            t->off = off;
        uint32_t *ln = realloc(t->len, room * sizeof *ln);
        if (ln)
            t->len = ln;
        if (!off || !ln)
            return -1;
        t->room = room;
    }
    if (t->blen + len + 1 > t->broom) {
        size_t room = (t->broom + len + 1) * 2;
        char *b = realloc(t->buf, room);
        if (!b)
            return -1;
        t->buf = b;
        t->broom = room;
    }
    memcpy(t->buf + t->blen, key, len);
    t->off[t->n] = t->blen;
    t->len[t->n] = (uint32_t)len;
    t->blen += len + 1;
    t->slot[i] = t->n + 1;
    return t->n++;
}

static long intern_str(struct intern *t, const char *s)
{
    return intern_id(t, s ? s : "", s ? strlen(s) : 0);
}

static int comp_cmp(const void *a, const void *b)
{
    return strncmp(((const struct competency *)a)->code,
                   ((const struct competency *)b)->code, COMP_CODE_SIZE);
}

/* A competency list whatever its order: codes sorted, each with its level. */
static long intern_comps(struct intern *t, const struct competency *c, int n)
{
    struct competency sorted[COMP_MAX];
    char key[COMP_MAX * (COMP_CODE_SIZE + 1)];
    size_t len = 0;
    n = n < 0 ? 0 : n > COMP_MAX ? COMP_MAX : n;
    if (n)
        memcpy(sorted, c, (size_t)n * sizeof *c);
    qsort(sorted, (size_t)n, sizeof *sorted, comp_cmp);
    for (int i = 0; i < n; i++) {
        size_t cl = strnlen(sorted[i].code, COMP_CODE_SIZE - 1);
        memcpy(key + len, sorted[i].code, cl);
        len += cl;
        key[len++] = '\0';
        key[len++] = (char)sorted[i].level;
    }
    return intern_id(t, key, len);
}

/* ---- the planner's state ------------------------------------------------- */

static int key_cmp(const void *pa, const void *pb)
{
    const struct key *a = pa, *b = pb;
#define CMP(f) if (a->f != b->f) return a->f < b->f ? -1 : 1
    CMP(root); CMP(family); CMP(district); CMP(home); CMP(comps); CMP(rank);
    CMP(education); CMP(cell); CMP(index);
#undef CMP
    return 0;
}

/* Same group: equal but for the index; same type: equal but for the
 * index and the cell. */
static bool key_same(const struct key *a, const struct key *b, bool any_cell)
{
    struct key x = *a, y = *b;
    x.index = y.index = 0;
    if (any_cell)
        x.cell = y.cell = 0;
    return key_cmp(&x, &y) == 0;
}

void planner_free(struct planner *pl)
{
    if (!pl)
        return;
    intern_free(&pl->names);
    free(pl->cell_family);
    free(pl->cell_district);
    free(pl->cell_root);
    free(pl->cell_comps);
    free(pl->unit_district);
    free(pl->existing);
    free(pl->fixed_out);
    free(pl->fixed_in);
    free(pl->members);
    free(pl->class_first);
    free(pl->class_count);
    free(pl->class_cell);
    free(pl->pt_class);
    free(pl->pt_pair);
    free(pl->pt_nclass);
    free(pl->pt_npair);
    free(pl->class_arc);
    free(pl->pt_person);
    free(pl->pt_key);
    free(pl->tcells);
    free(pl->tt_first);
    free(pl->tt_count);
    free(pl->tt_key);
    free(pl->cell_arc);
    free(pl->pairs);
    mcf_free(pl->g);
    free(pl->moves);
    free(pl);
}

static bool input_consistent(const struct planner_input *in)
{
    if (!in->policy || (in->nunits && !in->units) || (in->ncells && !in->cells) ||
        (in->npeople && !in->people) || (in->nfixed && !in->fixed))
        return false;
    for (size_t u = 0; u < in->nunits; u++)
        if (in->units[u].root >= in->nunits)
            return false;
    for (size_t c = 0; c < in->ncells; c++)
        if (in->cells[c].unit >= in->nunits)
            return false;
    for (size_t i = 0; i < in->npeople; i++)
        if (in->people[i].cell >= in->ncells)
            return false;
    for (size_t i = 0; i < in->nfixed; i++)
        if (in->fixed[i].to_cell >= in->ncells ||
            (in->fixed[i].from_cell >= 0 && (size_t)in->fixed[i].from_cell >= in->ncells))
            return false;
    return true;
}

/* Staff of every cell and moves per unit once the fixed moves are made. */
static void count_fixed(struct planner *pl)
{
    const struct planner_input *in = &pl->in;
    for (size_t c = 0; c < in->ncells; c++)
        pl->existing[c] = in->cells[c].existing;
    for (size_t i = 0; i < in->nfixed; i++) {
        const struct planner_fixed *f = &in->fixed[i];
        if (f->from_cell >= 0) {
            pl->existing[f->from_cell]--;
            pl->fixed_out[in->cells[f->from_cell].unit]++;
        }
        pl->existing[f->to_cell]++;
        pl->fixed_in[in->cells[f->to_cell].unit]++;
    }
    for (size_t c = 0; c < in->ncells; c++) {
        int64_t gap = pl->existing[c] - in->cells[c].need;
        if (gap > 0)
            pl->st.surplus += gap;
        else
            pl->st.shortage -= gap;
    }
}

static int intern_cells(struct planner *pl)
{
    const struct planner_input *in = &pl->in;
    for (size_t u = 0; u < in->nunits; u++) {
        long d = intern_str(&pl->names, in->units[u].district);
        if (d < 0)
            return -1;
        pl->unit_district[u] = (uint32_t)d;
    }
    for (size_t c = 0; c < in->ncells; c++) {
        const struct planner_cell *cell = &in->cells[c];
        long f = intern_str(&pl->names, cell->family);
        long k = intern_comps(&pl->names, cell->comp, cell->comp ? cell->ncomp : 0);
        if (f < 0 || k < 0)
            return -1;
        pl->cell_family[c] = (uint32_t)f;
        pl->cell_comps[c] = (uint32_t)k;
        pl->cell_district[c] = pl->unit_district[cell->unit];
        pl->cell_root[c] = in->across_roots ? 0 : in->units[cell->unit].root;
    }
    return 0;
}

static struct planner *planner_alloc(const struct planner_input *in)
{
    struct planner *pl = calloc(1, sizeof *pl);
    if (!pl)
        return NULL;
    pl->in = *in;
    size_t nc = in->ncells + 1, nu = in->nunits + 1;
    pl->cell_family = malloc(nc * sizeof *pl->cell_family);
    pl->cell_district = malloc(nc * sizeof *pl->cell_district);
    pl->cell_root = malloc(nc * sizeof *pl->cell_root);
    pl->cell_comps = malloc(nc * sizeof *pl->cell_comps);
    pl->cell_arc = malloc(nc * sizeof *pl->cell_arc);
    pl->existing = malloc(nc * sizeof *pl->existing);
    pl->unit_district = malloc(nu * sizeof *pl->unit_district);
    pl->fixed_out = calloc(nu, sizeof *pl->fixed_out);
    pl->fixed_in = calloc(nu, sizeof *pl->fixed_in);
    if (!pl->cell_family || !pl->cell_district || !pl->cell_root || !pl->cell_comps ||
        !pl->cell_arc || !pl->existing || !pl->unit_district || !pl->fixed_out ||
        !pl->fixed_in) {
        planner_free(pl);
        return NULL;
    }
    return pl;
}

/* ---- grouping ------------------------------------------------------------ */

/* One key per person who may leave a cell over its need. */
static struct key *movable_keys(struct planner *pl, size_t *n)
{
    const struct planner_input *in = &pl->in;
    struct key *keys = malloc((in->npeople + 1) * sizeof *keys);
    *n = 0;
    if (!keys)
        return NULL;
    for (size_t i = 0; i < in->npeople; i++) {
        const struct planner_person *p = &in->people[i];
        uint32_t c = p->cell;
        if (pl->existing[c] <= in->cells[c].need)
            continue;
        if (in->may_move && !in->may_move(in->may_move_ctx, i))
            continue;
        long fam = intern_str(&pl->names, p->family);
        long home = intern_str(&pl->names, p->home_district);
        long comps = intern_comps(&pl->names, p->comp, p->comp ? p->ncomp : 0);
        if (fam < 0 || home < 0 || comps < 0) {
            free(keys);
            return NULL;
        }
        keys[(*n)++] = (struct key){
            .root = pl->cell_root[c], .family = (uint32_t)fam,
            .district = pl->cell_district[c], .home = (uint32_t)home,
            .comps = (uint32_t)comps, .cell = c, .rank = p->rank,
            .education = p->education, .index = (uint32_t)i};
    }
    qsort(keys, *n, sizeof *keys, key_cmp);
    return keys;
}

/* Classes are runs of equal keys; person types runs of classes equal but
 * for the cell (the sort puts the cell last). */
static int make_classes(struct planner *pl, const struct key *keys, size_t n)
{
    size_t room = n + 1;
    pl->members = malloc(room * sizeof *pl->members);
    pl->class_first = malloc(room * sizeof *pl->class_first);
    pl->class_count = malloc(room * sizeof *pl->class_count);
    pl->class_cell = malloc(room * sizeof *pl->class_cell);
    pl->class_arc = malloc(room * sizeof *pl->class_arc);
    pl->pt_person = malloc(room * sizeof *pl->pt_person);
    pl->pt_key = malloc(room * sizeof *pl->pt_key);
    pl->pt_class = malloc(room * sizeof *pl->pt_class);
    pl->pt_nclass = malloc(room * sizeof *pl->pt_nclass);
    pl->pt_pair = calloc(room, sizeof *pl->pt_pair);
    pl->pt_npair = calloc(room, sizeof *pl->pt_npair);
    if (!pl->members || !pl->class_first || !pl->class_count || !pl->class_cell ||
        !pl->class_arc || !pl->pt_person || !pl->pt_key || !pl->pt_class ||
        !pl->pt_nclass || !pl->pt_pair || !pl->pt_npair)
        return -1;
    for (size_t i = 0; i < n; i++) {
        pl->members[i] = keys[i].index;
        if (i > 0 && key_same(&keys[i], &keys[i - 1], false)) {
            pl->class_count[pl->nclass - 1]++;
            continue;
        }
        size_t k = pl->nclass++;
        pl->class_first[k] = i;
        pl->class_count[k] = 1;
        pl->class_cell[k] = keys[i].cell;
        if (i > 0 && key_same(&keys[i], &keys[i - 1], true)) {
            pl->pt_nclass[pl->nperson_type - 1]++;
            continue;
        }
        size_t p = pl->nperson_type++;
        pl->pt_person[p] = keys[i].index;
        pl->pt_key[p] = keys[i];
        pl->pt_class[p] = k;
        pl->pt_nclass[p] = 1;
    }
    pl->st.movable = n;
    pl->st.classes = pl->nclass;
    pl->st.person_types = pl->nperson_type;
    return 0;
}

/* Short cells, sorted into target types of equal requirements. */
static int make_target_types(struct planner *pl)
{
    const struct planner_input *in = &pl->in;
    size_t room = in->ncells + 1;
    struct key *keys = malloc(room * sizeof *keys);
    pl->tcells = malloc(room * sizeof *pl->tcells);
    pl->tt_first = malloc(room * sizeof *pl->tt_first);
    pl->tt_count = malloc(room * sizeof *pl->tt_count);
    pl->tt_key = malloc(room * sizeof *pl->tt_key);
    if (!keys || !pl->tcells || !pl->tt_first || !pl->tt_count || !pl->tt_key) {
        free(keys);
        return -1;
    }
    size_t n = 0;
    for (size_t c = 0; c < in->ncells; c++) {
        if (pl->existing[c] >= in->cells[c].need)
            continue;
        keys[n++] = (struct key){
            .root = pl->cell_root[c], .family = pl->cell_family[c],
            .district = pl->cell_district[c], .comps = pl->cell_comps[c],
            .cell = (uint32_t)c, .rank = in->cells[c].min_rank,
            .education = in->cells[c].min_education, .index = (uint32_t)c};
    }
    qsort(keys, n, sizeof *keys, key_cmp);
    for (size_t i = 0; i < n; i++) {
        pl->tcells[i] = keys[i].cell;
        if (i > 0 && key_same(&keys[i], &keys[i - 1], true)) {
            pl->tt_count[pl->ntarget_type - 1]++;
            continue;
        }
        size_t g = pl->ntarget_type++;
        pl->tt_first[g] = (uint32_t)i;
        pl->tt_count[g] = 1;
        pl->tt_key[g] = keys[i];
    }
    pl->ntarget = n;
    pl->st.target_types = pl->ntarget_type;
    free(keys);
    return 0;
}

/* Target types [*lo, *hi) of one root and family (any family: all of the
 * root's). They are sorted by root, then family. */
static void tt_range(const struct planner *pl, uint32_t root, uint32_t family,
                     bool any_family, size_t *lo, size_t *hi)
{
    size_t a = 0, b = pl->ntarget_type;
    while (a < b) {             /* first >= (root, family) */
        size_t mid = (a + b) / 2;
        const struct key *k = &pl->tt_key[mid];
        if (k->root < root || (k->root == root && !any_family && k->family < family))
            a = mid + 1;
        else
            b = mid;
    }
    *lo = a;
    b = pl->ntarget_type;
    while (a < b) {             /* first > (root, family) */
        size_t mid = (a + b) / 2;
        const struct key *k = &pl->tt_key[mid];
        if (k->root < root || (k->root == root && (any_family || k->family <= family)))
            a = mid + 1;
        else
            b = mid;
    }
    *hi = a;
}

static int held_level(const struct planner_person *p, const char *code)
{
    for (int i = 0; p->comp && i < p->ncomp && i < COMP_MAX; i++)
        if (strncmp(p->comp[i].code, code, COMP_CODE_SIZE) == 0)
            return p->comp[i].level;
    return 0;
}

/* The pair of a person type and a target type, or false when the fit
 * rules keep them apart. */
static bool pair_of(const struct planner *pl, size_t pt, size_t tt, struct pair *out)
{
    const struct policy *pol = pl->in.policy;
    const struct planner_person *p = &pl->in.people[pl->pt_person[pt]];
    const struct planner_cell *c = &pl->in.cells[pl->tcells[pl->tt_first[tt]]];
    if (pol->fit.severity != SEV_OFF) {
        if (c->min_rank != RANK_NONE &&
            (p->rank == RANK_NONE || !rank_comparable(p->rank, c->min_rank) ||
             p->rank < c->min_rank))
            return false;
        if (c->min_education != EDU_NONE && p->education < c->min_education)
            return false;
    }
    int missing = 0;
    for (int i = 0; c->comp && i < c->ncomp && i < COMP_MAX; i++) {
        int held = held_level(p, c->comp[i].code);
        if (held < c->comp[i].level)
            missing += c->comp[i].level - held;
    }
    if (missing > 0 && pol->fit.competency_severity == SEV_BLOCK)
        return false;
    const struct key *pk = &pl->pt_key[pt], *tk = &pl->tt_key[tt];
    *out = (struct pair){
        .pt = (uint32_t)pt, .tt = (uint32_t)tt, .arc = -1,
        .district = pk->district != tk->district ? pol->optimiser.district_cost : 0,
        .home = pk->home != 0 && pk->home == tk->district ? -pol->optimiser.home_bonus : 0,
        .competency = (int64_t)missing * pol->optimiser.competency_cost,
        .missing = missing};
    return true;
}

static int add_pair(struct planner *pl, const struct pair *p)
{
    if (pl->npairs == pl->pair_room) {
        size_t room = pl->pair_room ? pl->pair_room * 2 : 256;
        struct pair *n = realloc(pl->pairs, room * sizeof *n);
        if (!n)
            return -1;
        pl->pairs = n;
        pl->pair_room = room;
    }
    pl->pairs[pl->npairs++] = *p;
    return 0;
}

/* Every fitting pair, grouped by person type. The person's family: the
 * target types of that family and those that name none ("" is id 0). */
static int make_pairs(struct planner *pl)
{
    bool any = pl->in.policy->fit.severity == SEV_OFF;
    for (size_t pt = 0; pt < pl->nperson_type; pt++) {
        const struct key *k = &pl->pt_key[pt];
        size_t range[2][2] = {{0, 0}, {0, 0}};
        tt_range(pl, k->root, 0, any, &range[0][0], &range[0][1]);
        if (!any && k->family != 0)
            tt_range(pl, k->root, k->family, false, &range[1][0], &range[1][1]);
        pl->pt_pair[pt] = pl->npairs;
        for (int r = 0; r < 2; r++)
            for (size_t tt = range[r][0]; tt < range[r][1]; tt++) {
                struct pair p;
                if (pair_of(pl, pt, tt, &p) && add_pair(pl, &p) != 0)
                    return -1;
            }
        pl->pt_npair[pt] = (uint32_t)(pl->npairs - pl->pt_pair[pt]);
    }
    return 0;
}

int planner_group(struct planner *pl)
{
    size_t n;
    struct key *keys = movable_keys(pl, &n);
    if (!keys)
        return -1;
    int rc = make_classes(pl, keys, n);
    free(keys);
    if (rc == 0)
        rc = make_target_types(pl);
    if (rc == 0)
        rc = make_pairs(pl);
    return rc;
}

struct planner *planner_new(const struct planner_input *in)
{
    if (!in || !input_consistent(in))
        return NULL;
    struct planner *pl = planner_alloc(in);
    if (!pl)
        return NULL;
    count_fixed(pl);
    if (intern_str(&pl->names, "") != 0 || intern_cells(pl) != 0 ||
        planner_group(pl) != 0 || planner_build_network(pl) != 0) {
        planner_free(pl);
        return NULL;
    }
    return pl;
}
