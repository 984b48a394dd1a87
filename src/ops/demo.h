/* The demo region's plans (ops/demo_plans.c), made after `mutasi demo`
 * filled the region, through the plan and route actions.
 *
 * Usage:
 *     struct ops o;  ops_open(&o, env, OPS_WRITE, &e);   (with the configuration)
 *     size_t made;   ops_demo_plans(&o, &made, &e);
 * made: how many of the four plans (took effect with its SK, approved,
 * waiting for verification, draft) could be made: a tiny region may have
 * no one the rules let move. Each plan's moves are people of over-staffed
 * positions moving to short positions of the same job family, judged by
 * every rule (ops_plan_add); at most a few hundred adds are tried, so the
 * time does not grow with the region. */
#ifndef MUTASI_OPS_DEMO_H
#define MUTASI_OPS_DEMO_H
#include <stddef.h>
#include "ops/ops.h"

int ops_demo_plans(struct ops *o, size_t *made, struct ops_err *e);
#endif
