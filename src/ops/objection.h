/* A staff objection (sanggah) to one move of a plan, and the reviewer's
 * answer (DESIGN `plan object|answer`): the staff's voice before the
 * decision. The objection is kept on the move (core/plan.h: who took it
 * in, when, the text; then who answered, when, the answer), shown with a
 * mark in `plan show` and the editor, listed by `plan check`, and the
 * approving step (ops_route_step "approve") is refused while any move not
 * struck has an objection unanswered.
 *
 * Usage:
 *     ops_plan_object(&o, id, nip, "my mother is ill in Sukamaju", 0, &e);
 *     ops_plan_answer(&o, id, nip, "heard: the move stands, reviewed", 0, &e);
 *
 * Who: an objection is recorded by an operator or an admin (the agency
 * takes it in), while the plan is on its way (not final, not yet
 * approved, no SK); an answer by a reviewer. Each is one store_write:
 * the move, a timeline entry ("object" / "answer" with "NIP: text"), the
 * plan's version and an audit entry ("plan object" / "plan answer",
 * object "plan ID NIP"). A new objection after an answer starts afresh. */
#ifndef MUTASI_OPS_OBJECTION_H
#define MUTASI_OPS_OBJECTION_H
#include <stdint.h>
#include "ops/ops.h"

int ops_plan_object(struct ops *o, uint32_t plan, const char *nip, const char *reason,
                    uint32_t expect_version, struct ops_err *e);
int ops_plan_answer(struct ops *o, uint32_t plan, const char *nip, const char *reason,
                    uint32_t expect_version, struct ops_err *e);
/* The moves (not struck) of a plan whose objection waits for an answer,
 * NIP order, for `plan check`; *out malloc'ed (caller frees). */
struct move;
int ops_plan_open_objections(struct ops *o, uint32_t plan, struct move **out, size_t *n,
                             struct ops_err *e);
#endif
