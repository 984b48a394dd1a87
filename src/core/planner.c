/* The optimiser: grouping people into classes and types, the network of
 * planner.h, min-cost maximum flow, and the flow taken apart into moves. */
#include <stdlib.h>
#include <string.h>
#include "core/planner_internal.h"
#include "core/vocab.h"

/* ---- interning: strings and competency lists become small ids ----------- */

static void intern_free(struct intern *t)
{
    hindex_free(&t->ix);
    free(t->buf);
    free(t->off);
    free(t->len);
}

/* The id of a byte string (equal strings, equal ids), or -1: no memory. */
static long intern_id(struct intern *t, const void *key, size_t len)
{
    uint64_t h = hash_bytes(key, len);
    struct hprobe p;
    for (uint32_t id = hindex_first(&t->ix, h, &p); id != HINDEX_NONE;
         id = hindex_next(&t->ix, &p))
        if (t->len[id] == len && memcmp(t->buf + t->off[id], key, len) == 0)
            return id;
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
    if (hindex_add(&t->ix, h, t->n) != 0)
        return -1;
    t->blen += len + 1;
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
    CMP(education); CMP(wish); CMP(cell); CMP(index);
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
    free(pl->unit_wished);
    free(pl->existing);
    free(pl->fixed_out);
    free(pl->fixed_in);
    free(pl->members);
    free(pl->class_first);
    free(pl->class_count);
    free(pl->class_cell);
    free(pl->pt_class);
    free(pl->pt_nclass);
    free(pl->class_arc);
    free(pl->pt_person);
    free(pl->pt_key);
    free(pl->tcells);
    free(pl->tt_first);
    free(pl->tt_count);
    free(pl->tt_key);
    free(pl->cell_arc);
    planner_route_free(pl);
    mcf_free(pl->g);
    free(pl->moves);
    free(pl);
}

static bool units_in_range(const uint32_t *u, uint32_t n, size_t nunits)
{
    for (uint32_t i = 0; i < n; i++)
        if (u[i] >= nunits)
            return false;
    return true;
}

static bool wish_consistent(const struct planner_wish *w, size_t nunits)
{
    return !w ||
           ((w->nprefer_units == 0 || w->prefer_units) && (w->navoid_units == 0 || w->avoid_units) &&
            (w->nprefer_districts == 0 || w->prefer_districts) &&
            (w->navoid_districts == 0 || w->avoid_districts) &&
            units_in_range(w->prefer_units, w->nprefer_units, nunits) &&
            units_in_range(w->avoid_units, w->navoid_units, nunits));
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
        if (in->people[i].cell >= in->ncells || !wish_consistent(in->people[i].wish, in->nunits))
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
    pl->unit_wished = calloc(nu, sizeof *pl->unit_wished);
    if (!pl->unit_wished || !pl->cell_family || !pl->cell_district || !pl->cell_root || !pl->cell_comps ||
        !pl->cell_arc || !pl->existing || !pl->unit_district || !pl->fixed_out ||
        !pl->fixed_in) {
        planner_free(pl);
        return NULL;
    }
    return pl;
}

/* ---- grouping ------------------------------------------------------------ */

/* A wish as bytes: its four lists, each its length and then its units or
 * its districts' ids. Equal wishes, equal ids; 0: no wish at all. */
static int wish_put(char *key, size_t *len, size_t room, uint32_t v)
{
    if (*len + sizeof v > room)
        return -1;
    memcpy(key + *len, &v, sizeof v);
    *len += sizeof v;
    return 0;
}

static int wish_districts(struct intern *t, const char *const *d, uint32_t n, char *key,
                          size_t *len, size_t room)
{
    if (wish_put(key, len, room, n) != 0)
        return -1;
    for (uint32_t i = 0; i < n; i++) {
        long id = intern_str(t, d[i]);
        if (id < 0 || wish_put(key, len, room, (uint32_t)id) != 0)
            return -1;
    }
    return 0;
}

static int wish_units(const uint32_t *u, uint32_t n, char *key, size_t *len, size_t room)
{
    if (wish_put(key, len, room, n) != 0)
        return -1;
    for (uint32_t i = 0; i < n; i++)
        if (wish_put(key, len, room, u[i]) != 0)
            return -1;
    return 0;
}

static long intern_wish(struct planner *pl, const struct planner_wish *w)
{
    if (!w || (w->nprefer_units | w->navoid_units | w->nprefer_districts |
               w->navoid_districts) == 0)
        return 0;
    size_t room = sizeof(uint32_t) * (5 + (size_t)w->nprefer_units + w->navoid_units +
                                      w->nprefer_districts + w->navoid_districts);
    char *key = malloc(room);
    size_t len = 0;
    long id = -1;
    /* a key is never empty: its id is never 0, the empty string's */
    if (key && wish_put(key, &len, room, UINT32_MAX) == 0 &&
        wish_units(w->prefer_units, w->nprefer_units, key, &len, room) == 0 &&
        wish_units(w->avoid_units, w->navoid_units, key, &len, room) == 0 &&
        wish_districts(&pl->names, w->prefer_districts, w->nprefer_districts, key, &len,
                       room) == 0 &&
        wish_districts(&pl->names, w->avoid_districts, w->navoid_districts, key, &len,
                       room) == 0)
        id = intern_id(&pl->names, key, len);
    free(key);
    if (id > 0) {
        for (uint32_t i = 0; i < w->nprefer_units; i++)
            pl->unit_wished[w->prefer_units[i]] = true;
        for (uint32_t i = 0; i < w->navoid_units; i++)
            pl->unit_wished[w->avoid_units[i]] = true;
    }
    return id;
}

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
        long wish = intern_wish(pl, p->wish);
        if (fam < 0 || home < 0 || comps < 0 || wish < 0) {
            free(keys);
            return NULL;
        }
        keys[(*n)++] = (struct key){
            .root = pl->cell_root[c], .family = (uint32_t)fam,
            .district = pl->cell_district[c], .home = (uint32_t)home,
            .comps = (uint32_t)comps, .cell = c, .rank = p->rank,
            .education = p->education, .wish = (uint32_t)wish, .index = (uint32_t)i};
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
    if (!pl->members || !pl->class_first || !pl->class_count || !pl->class_cell ||
        !pl->class_arc || !pl->pt_person || !pl->pt_key || !pl->pt_class ||
        !pl->pt_nclass)
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
        pl->nwishing += keys[i].wish != 0;
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
        uint32_t u = in->cells[c].unit;
        keys[n++] = (struct key){
            .root = pl->cell_root[c], .family = pl->cell_family[c],
            .district = pl->cell_district[c], .comps = pl->cell_comps[c],
            .cell = (uint32_t)c, .rank = in->cells[c].min_rank,
            .education = in->cells[c].min_education,
            .wish = pl->unit_wished[u] ? u + 1 : 0, .index = (uint32_t)c};
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
        rc = planner_route(pl);
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
