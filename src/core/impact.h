/* The impact of a plan: every position and unit its moves touch, with the
 * workload figures (existing, need, gap, EJ, grade) before and after.
 *
 * Built on the workload engine: "before" is what workload_compute gave,
 * "after" the same row with existing changed by the moves. Need and
 * workload never change with a move, so no ABK arithmetic is repeated
 * here; EJ and grade of an after row come from wl_ej_hundredths / wl_grade.
 *
 * Incremental: adding or removing one move touches its two positions and
 * the units from each up to the root (O(tree depth)), so an editor can
 * update the impact per key at a million staff.
 *
 * Usage:
 *     struct workload *w = ...;   workload_compute(w);   (the database now)
 *     struct impact *im = impact_new(w);
 *     for each move: impact_add(im, from_position, to_position);
 *     n = impact_rows(im, &rows);          (malloc'ed; caller frees)
 *     ... rows[i].before, rows[i].after ...
 *     impact_remove(im, from, to);          (a dropped move)
 *     impact_free(im);
 * w must outlive im and stay unchanged (no workload_compute in between). */
#ifndef MUTASI_CORE_IMPACT_H
#define MUTASI_CORE_IMPACT_H
#include <stddef.h>
#include "core/workload.h"

struct impact;

struct impact *impact_new(const struct workload *w);    /* NULL: no memory */
void impact_free(struct impact *im);

/* One person leaving position from (index in w, -1 = held none) for
 * position to (-1 = none). Returns 0, or -1 when out of memory (the
 * impact is then unchanged). */
int impact_add(struct impact *im, long from, long to);
/* Undoes one impact_add with the same positions. */
int impact_remove(struct impact *im, long from, long to);
/* The same by position code ("" or NULL = none; an unknown code counts as
 * none, as the workload does for a position it does not know). */
int impact_add_codes(struct impact *im, const char *from, const char *to);
int impact_remove_codes(struct impact *im, const char *from, const char *to);
/* Forgets every move. */
void impact_clear(struct impact *im);

enum impact_kind { IMPACT_UNIT, IMPACT_POSITION };
struct impact_row {
    int kind;                   /* enum impact_kind */
    size_t index;               /* unit or position index in w */
    struct wl_row before, after;
};
/* The affected rows: every unit and position a move names (a position's
 * unit counts as named), and every unit above them whose figures change.
 * A move between two positions of one unit names that unit but changes
 * nothing at unit level, so its row shows before = after. Units first in
 * tree order, then positions in the order of their units and their own
 * input order. Returns the count; *out malloc'ed (caller frees), NULL with
 * count 0 when there is none or no memory. */
size_t impact_rows(const struct impact *im, struct impact_row **out);
/* The figures of one unit / position after the moves. */
struct wl_row impact_unit_after(const struct impact *im, size_t unit);
struct wl_row impact_position_after(const struct impact *im, size_t position);
#endif
