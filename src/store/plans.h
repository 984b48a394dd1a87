/* Plans and their moves in the store (the `plans` and `moves` databases).
 *
 * plans: key = plan id, 4 bytes big-endian -> the plan record.
 * moves: key = plan id (4 bytes big-endian) then the NIP (18 bytes) -> the
 *        move record; a plan's moves are one key range, in NIP order, and
 *        a person is at most once in a plan by construction.
 * meta:  "plan_last_id" = the last id given (4 bytes big-endian); ids are
 *        never reused.
 *
 * Versions: every change of a plan (its record or one of its moves) goes
 * through store_put_plan with the version the caller read, in the same
 * write transaction as the change; the version rises by one. Saving over
 * another version is STORE_CONFLICT, and the stored plan (changed_by,
 * changed_at) says who changed it and when. store_put_plan keeps the
 * plan's timeline as it is stored. */
#ifndef MUTASI_STORE_PLANS_H
#define MUTASI_STORE_PLANS_H
#include <stddef.h>
#include <stdint.h>
#include "core/plan.h"
#include "core/workflow.h"
#include "store/store.h"

/* The next plan id (1, 2, ...), recorded in meta; needs a write
 * transaction. */
int store_plan_new_id(stxn *t, uint32_t *id);

/* STORE_OK, STORE_NOTFOUND or STORE_ERROR. */
int store_get_plan(stxn *t, uint32_t id, struct plan *out);
/* Writes p as the plan's next version. expect_version: the version the
 * caller read (0 for a plan not yet stored). When the stored plan has
 * another version (or exists while 0 was expected): STORE_CONFLICT,
 * nothing is written, and *now (when not NULL) holds the stored plan.
 * On success p->version = expect_version + 1. changed_by and changed_at
 * are the caller's to set. */
int store_put_plan(stxn *t, struct plan *p, uint32_t expect_version, struct plan *now);
/* The same, and writes ev at the end of the plan's timeline (one step
 * taken: kept in the plan's record). STORE_ERROR when the timeline is
 * full (PLAN_TIMELINE_MAX steps). */
int store_put_plan_step(stxn *t, struct plan *p, uint32_t expect_version,
                        const struct wf_event *ev, struct plan *now);
/* The plan and its timeline, oldest first: *tl malloc'ed (caller frees),
 * *n steps. STORE_OK, STORE_NOTFOUND or STORE_ERROR (*tl NULL then). */
int store_get_plan_timeline(stxn *t, uint32_t id, struct plan *p, struct wf_event **tl,
                            size_t *n);
typedef int (*store_plan_cb)(const struct plan *p, void *ctx);
/* Every plan in id order; cb returns 0 to go on. */
int store_each_plan(stxn *t, store_plan_cb cb, void *ctx);
size_t store_count_plans(stxn *t);

/* A move of plan m->plan_id for person m->nip: put replaces that
 * person's move in the plan. The plan's version is the caller's (see
 * above). */
int store_put_move(stxn *t, const struct move *m);
int store_get_move(stxn *t, uint32_t plan, const char *nip, struct move *out);
int store_del_move(stxn *t, uint32_t plan, const char *nip);
typedef int (*store_move_cb)(const struct move *m, void *ctx);
/* A plan's moves in NIP order; cb returns 0 to go on. */
int store_each_move(stxn *t, uint32_t plan, store_move_cb cb, void *ctx);
size_t store_count_moves(stxn *t, uint32_t plan);

/* How many people hold a position, from the position index alone. */
int store_count_in_position(stxn *t, const char *code, size_t *n);

/* Consistency of plans and moves: every move's key matches its record and
 * names an existing plan, every plan's key its id, no id beyond the last
 * given. Returns the number of problems; the first is written to why.
 * store_check_indexes includes it. */
int store_check_plans(stxn *t, char *why, size_t whylen);
#endif
