/* Shared by planner.c (grouping) and planner_flow.c (the network, its
 * solution and the moves): not part of the contract. */
#ifndef MUTASI_CORE_PLANNER_INTERNAL_H
#define MUTASI_CORE_PLANNER_INTERNAL_H
#include "core/planner.h"

#define NONE UINT32_MAX

struct intern {
    uint32_t *slot;                /* id + 1; 0 = empty */
    size_t nslot;
    char *buf;
    size_t blen, broom;
    size_t *off;
    uint32_t *len, n, room;
};

/* Grouping keys: compared field by field, the index last. */
struct key {
    uint32_t root, family, district, home, comps, cell;
    uint8_t rank, education;
    uint32_t index;
};

/* A (person type, target type) pair joined by one costed arc. */
struct pair {
    uint32_t pt, tt;
    long arc;
    int64_t district, home, competency;
    int missing;
};

struct planner {
    struct planner_input in;
    struct planner_stats st;
    struct intern names;
    uint32_t *cell_family, *cell_district, *cell_root, *cell_comps;
    uint32_t *unit_district;
    int64_t *existing;             /* after the fixed moves */
    int64_t *fixed_out, *fixed_in; /* per unit */
    /* classes: members[class_first[k] ..+ class_count[k]] */
    size_t nclass;
    size_t *members, *class_first;
    uint32_t *class_count, *class_cell;
    long *class_arc;               /* class -> person type */
    /* person types: classes pt_class[p] ..+ pt_nclass[p], pairs
     * pt_pair[p] ..+ pt_npair[p] */
    size_t nperson_type;
    size_t *pt_person;             /* a member: its attributes stand for all */
    struct key *pt_key;
    size_t *pt_class, *pt_pair;
    uint32_t *pt_nclass, *pt_npair;
    /* target types: tcells[tt_first[g] ..+ tt_count[g]] */
    size_t ntarget_type, ntarget;
    uint32_t *tcells, *tt_first, *tt_count;
    struct key *tt_key;
    long *cell_arc;                /* target cell -> unit in */
    struct pair *pairs;
    size_t npairs, pair_room;
    struct mcf *g;
    uint32_t src, sink;
    struct planner_move *moves;
    size_t nmoves;
};

/* Classes, person types, target types and their costed pairs.
 * 0, or -1 when out of memory. */
int planner_group(struct planner *pl);
/* The network of planner.h from the groups. 0, or -1: no memory. */
int planner_build_network(struct planner *pl);
#endif
