/* What ops/workload.c shares with ops/workload_units.c; not for ui/ or cli/. */
#ifndef MUTASI_OPS_WORKLOAD_INTERNAL_H
#define MUTASI_OPS_WORKLOAD_INTERNAL_H

#include <stdbool.h>
#include "ops/ops.h"

/* The stored aggregates (and so the unit tree) were kept with the
 * session's rounding policy: their figures are the ones it would count. */
bool ops_wl_params_match(struct ops *o, stxn *t);

#endif
