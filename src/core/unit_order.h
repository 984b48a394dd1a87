/* The unit tree alone, compact: codes and parent links, for walks that
 * need the tree order of the units (the per-position workload listing)
 * but none of the figures that struct workload keeps per unit: a code
 * and three links, some 40 bytes a unit (twice that while it is built:
 * the parents' codes), and no hash table: units come in code order, so a
 * code is found by bisection. 132,000 units: about 5 MB.
 *
 * The order is workload_units_in's (core/workload.h): pre-order, children
 * in code order, roots in code order; a unit whose parent is unknown (or
 * itself) is a root; units in a parent cycle are cut at the first unit
 * met in code order and walked as roots after the others.
 *
 * Usage:
 *     struct unit_order *t = unit_order_new();
 *     for each unit u in rising code order: unit_order_add(t, u->code, u->parent);
 *     unit_order_build(t);
 *     long root = unit_order_find(t, code);                 (or -1: every tree)
 *     for (long u = unit_order_first(t, root); u >= 0; u = unit_order_next(t, root, u))
 *         ... unit_order_code(t, u) ...
 *     unit_order_free(t);
 * Units are numbered in the order they were added (code order). */
#ifndef MUTASI_CORE_UNIT_ORDER_H
#define MUTASI_CORE_UNIT_ORDER_H
#include <stdbool.h>
#include <stddef.h>

struct unit_order;

struct unit_order *unit_order_new(void);                 /* NULL: no memory */
/* Room for this many units (the database's count): no copying of growing
 * arrays. 0, or -1 when out of memory. */
int unit_order_reserve(struct unit_order *t, size_t units);
/* 0; -1 when out of memory, after unit_order_build, or when code does not
 * sort strictly after the code added before it (byte order). parent ""
 * or NULL: a root. */
int unit_order_add(struct unit_order *t, const char *code, const char *parent);
/* Resolves the parents and orders the tree. 0, or -1 when out of memory. */
int unit_order_build(struct unit_order *t);
void unit_order_free(struct unit_order *t);

size_t unit_order_count(const struct unit_order *t);
const char *unit_order_code(const struct unit_order *t, size_t unit);
/* The unit with this code, -1 when unknown. */
long unit_order_find(const struct unit_order *t, const char *code);
/* The first unit of root's subtree in tree order (root itself), or of
 * every tree for root -1; -1 when there is none. */
long unit_order_first(const struct unit_order *t, long root);
/* The unit after u in the tree order of root's subtree; -1 after its last. */
long unit_order_next(const struct unit_order *t, long root, long u);
/* Units with a parent that is unknown or themselves, and units that sat
 * in (or under) a parent cycle: as workload_problems counts them. */
void unit_order_problems(const struct unit_order *t, size_t *without_parent, size_t *in_cycle);
#endif
