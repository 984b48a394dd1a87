/* Shared by planner.c (grouping) and planner_flow.c (the network, its
 * solution and the moves): not part of the contract. */
#ifndef MUTASI_CORE_PLANNER_INTERNAL_H
#define MUTASI_CORE_PLANNER_INTERNAL_H
#include "core/hash.h"
#include "core/planner.h"

#define NONE UINT32_MAX

struct intern {
    struct hindex ix;              /* finds an id by its bytes */
    char *buf;
    size_t blen, broom;
    size_t *off;
    uint32_t *len, n, room;
};

/* Grouping keys: compared field by field, the index last. */
struct key {
    uint32_t root, family, district, home, comps, cell;
    uint32_t wish;                 /* person: its wish's id, 0 none; target:
                                      unit + 1 when a wish names the unit, else 0 */
    uint8_t rank, education;
    uint32_t index;
};

/* The cost of a (person type, target type) pair in its parts. */
struct pair {
    int64_t district, home, competency, wish;
    int missing;
    bool preferred, avoided;
};

struct router;

struct planner {
    struct planner_input in;
    struct planner_stats st;
    struct intern names;
    uint32_t *cell_family, *cell_district, *cell_root, *cell_comps;
    uint32_t *unit_district;
    bool *unit_wished;             /* a movable person's wish names the unit */
    size_t nwishing;               /* person types with a wish */
    int64_t *existing;             /* after the fixed moves */
    int64_t *fixed_out, *fixed_in; /* per unit */
    /* classes: members[class_first[k] ..+ class_count[k]] */
    size_t nclass;
    size_t *members, *class_first;
    uint32_t *class_count, *class_cell;
    long *class_arc;               /* class -> person type */
    /* person types: classes pt_class[p] ..+ pt_nclass[p] */
    size_t nperson_type;
    size_t *pt_person;             /* a member: its attributes stand for all */
    struct key *pt_key;
    size_t *pt_class;
    uint32_t *pt_nclass;
    /* target types: tcells[tt_first[g] ..+ tt_count[g]] */
    size_t ntarget_type, ntarget;
    uint32_t *tcells, *tt_first, *tt_count;
    struct key *tt_key;
    long *cell_arc;                /* target cell -> unit in */
    /* links: costed, uncapacitated arcs from the person types to the
     * target types, directly or through the lattices (planner_route.c),
     * arcs link_arc0 .. + nlinks of the network. Their ends are local
     * ids, node - pt0: person types 0 .., target types from
     * nperson_type .., lattice nodes from nperson_type + ntarget_type .. */
    struct router *router;         /* between planning and making them */
    size_t nlinks, link_bound;     /* link_bound: at most this many */
    uint32_t nlattice;             /* lattice nodes */
    uint32_t pt0;
    long link_arc0;
    struct mcf *g;
    uint32_t src, sink;
    struct planner_move *moves;
    size_t nmoves;
};

/* Classes, person types, target types and their costed pairs.
 * 0, or -1 when out of memory. */
int planner_group(struct planner *pl);
/* How person types will reach target types (planner_route.c): sets
 * nlattice and link_bound. 0, or -1 when out of memory. */
int planner_route(struct planner *pl);
/* The links themselves, added to the network (nodes from pt0 on); frees
 * what planner_route kept. 0, or -1 when out of memory. */
int planner_route_links(struct planner *pl);
/* What planner_route kept, if planner_route_links did not run. */
void planner_route_free(struct planner *pl);
/* Whether the fit rules let person type pt take target type tt, and the
 * cost of that move in parts. */
bool planner_pair(const struct planner *pl, size_t pt, size_t tt, struct pair *out);
/* The flow on the links taken apart into paths: calls take(ctx, pt, tt, n)
 * for n people of person type pt going to target type tt, person types in
 * order. 0, or -1 when out of memory. */
int planner_paths(const struct planner *pl,
                  void (*take)(void *ctx, uint32_t pt, uint32_t tt, int64_t n), void *ctx);
/* The network of planner.h from the groups. 0, or -1: no memory. */
int planner_build_network(struct planner *pl);
#endif
