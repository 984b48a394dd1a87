/* Shared between ops/suggest.c (reading, solving) and ops/suggest_save.c
 * (judging and saving the moves) only. */
#ifndef MUTASI_OPS_SUGGEST_INTERNAL_H
#define MUTASI_OPS_SUGGEST_INTERNAL_H
#include "core/planner.h"
#include "core/preference.h"
#include "ops/plan_internal.h"
#include "ops/suggest.h"

/* What the workload does not keep of a position. */
struct pos_extra {
    uint8_t kind, level, min_rank, min_education, ncomp;
    uint32_t comp;                 /* first of its competencies in the pool */
};

/* A person who may move, before the pointers are fixed. */
struct mover {
    char nip[NIP_LEN + 1];
    uint32_t family, home, unit;   /* offsets into the string pool */
    uint32_t comp;                 /* offset into the competency pool */
    long wish;                     /* index into the run's wishes, -1: none */
};

/* A mover's preferences as the planner takes them: the lists point into
 * units and districts, districts into pref. */
struct suggest_wish {
    struct planner_wish w;
    struct preference pref;
    uint32_t *units[2];            /* the preferred units, the avoided */
    const char *districts[2 * PREF_PLACES_MAX];
};

/* One run of ops_plan_suggest: everything read, the planner, the result. */
struct suggest_run {
    struct ops *o;
    const struct ops_suggest_req *rq;
    struct ops_err *e;
    uint32_t version;              /* the plan's, when read */
    struct workload *w;
    uint8_t *unit_kind;            /* enum unit_kind, by workload unit index */
    size_t nunit_kind, unit_room;
    struct pos_extra *pos;
    size_t npos, pos_room;
    struct competency *comps;
    size_t ncomps, comps_room;
    char *strs;
    size_t nstrs, strs_room;
    struct planner_person *people;
    struct mover *movers;
    size_t npeople, people_room, movers_room, staff_seen;
    size_t staff_pi;               /* the position of the staff record being read */
    struct position origin;        /* scratch: the person rules' view of a position */
    size_t origin_pi;              /* origin is of position origin_pi - 1; 0: none */
    bool stopped;                  /* progress or cancel said stop */
    struct plan_moves fixed;       /* the plan's moves that are not struck */
    char (*in_plan)[NIP_LEN + 1];  /* the NIPs of every move, struck ones too, sorted */
    size_t nin_plan;
    int32_t *surplus;              /* per position: staff over its need after the plan */
    struct planner_unit *units;
    struct planner_cell *cells;    /* the positions that take part (make_cells) */
    uint32_t *cell_pos;            /* per cell: its workload position */
    size_t ncells;
    struct planner_fixed *fixes;
    size_t nfixes;
    struct planner *pl;
    struct ops_suggest_result *out;
    struct suggest_wish *wishes;   /* of the movers who stated any */
    size_t nwishes;
    uint32_t *child_first, *children;   /* the unit tree downwards, when a wish names a unit */
};

/* Judges every suggested move with the whole plan and saves them with the
 * plan's next version and one audit entry, in one store_write. Fills
 * run->out->moves. */
int suggest_save(struct suggest_run *run);
/* The workload position of the planner's cell c. */
static inline size_t suggest_position(const struct suggest_run *run, uint32_t c)
{
    return run->cell_pos[c];
}
bool suggest_stop(struct suggest_run *run, int phase, uint64_t done);
/* The movers' preferences (ops/suggest_wish.c): read in t once the region
 * is read; each mover's wish index set. OPS_OK, or refused. */
int suggest_read_wishes(struct suggest_run *run, stxn *t);
void suggest_wishes_free(struct suggest_run *run);
#endif
