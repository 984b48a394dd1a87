/* Workload analysis (ABK): per position the staff needed by its annual
 * workload, the staff who hold it, the gap, the efficiency EJ and its grade;
 * the roll-up over the unit tree; grouping by district and job family.
 *
 * Pure: callers feed records and staff counts and read arrays back. All
 * arithmetic is integer, so the rounding of `need` and the grade at a band
 * boundary are exact.
 *
 * Usage:
 *     struct workload *w = workload_begin(&policy);
 *     for each unit u: workload_add_unit(w, u);        (any order)
 *     for each position p: workload_add_position(w, p);
 *     workload_build(w);
 *     for each staff s: workload_add_staff(w, s->position, 1);
 *     workload_compute(w);
 *     ... workload_position_row(w, i), workload_unit_row(w, i) ...
 *     workload_free(w);
 * Only the fields the analysis needs are copied (codes, parent, district,
 * job family, workload, need), so the records may be passed one at a time
 * straight from a database scan. Units and positions are numbered in the
 * order they were added. */
#ifndef MUTASI_CORE_WORKLOAD_H
#define MUTASI_CORE_WORKLOAD_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/policy.h"
#include "core/record.h"

/* The figures of one position, one unit (with its sub-units) or one group.
 * gap = existing - need: negative when short of staff, positive when
 * over-staffed (the optimiser's "surplus"). */
struct wl_row {
    int64_t workload_minutes;
    int64_t need;
    int64_t existing;
};

enum wl_grade { WL_GRADE_NONE, WL_GRADE_A, WL_GRADE_B, WL_GRADE_C, WL_GRADE_D,
                WL_GRADE_E };

/* Staff needed for a workload: workload / effective minutes, rounded as the
 * policy says (half-up or up). A non-negative override wins. */
int64_t wl_need(int64_t workload_minutes, int32_t override, const struct policy *p);
/* Existing minus need: negative when short. Inline: a table of half a
 * million rows asks it of every row. */
static inline int64_t wl_gap(const struct wl_row *r)
{
    return r->existing - r->need;
}
/* EJ x 100 rounded half-up (150 = 1.50), or -1 when nobody holds it. */
int64_t wl_ej_hundredths(const struct wl_row *r, const struct policy *p);
/* Grade by the policy bands of the EJ as shown (wl_ej_hundredths: 1.004
 * is 1.00, grade B), so that every reader can check it; WL_GRADE_NONE
 * when existing = 0 (EJ undefined). */
int wl_grade(const struct wl_row *r, const struct policy *p);
/* The same from an EJ of h hundredths (wl_ej_hundredths), for a writer
 * that needs both without working out the EJ twice. */
int wl_grade_of(int64_t h, const struct policy *p);
/* -1 short, 0 balanced, 1 over: the gap beyond policy balanced_within. */
int wl_balance(const struct wl_row *r, const struct policy *p);
/* "A".."E", "" for none. */
const char *wl_grade_name(int grade);
/* "1.50", or "" when nobody holds it. Returns the length. */
size_t wl_format_ej(const struct wl_row *r, const struct policy *p, char out[24]);
/* The length wl_format_ej would return, without formatting: a table's
 * column width from a pass that writes nothing. */
size_t wl_ej_width(const struct wl_row *r, const struct policy *p);
/* The characters of v in decimal, as the tables write it (a minus sign
 * counted): a figure column's width. */
int wl_decimal_width(int64_t v);
/* The key column's characters for a unit at depth (indented two a level)
 * whose code is n bytes of UTF-8 at code: a table by unit's key width. */
int wl_key_width(int depth, const char *code, size_t n);
/* Adds b to a. */
void wl_row_add(struct wl_row *a, const struct wl_row *b);

struct workload;

struct workload *workload_begin(const struct policy *p);   /* NULL: no memory */
/* Room for this many records (e.g. the database's counts): saves the
 * copying of growing arrays. 0, or -1 when out of memory. */
int workload_reserve(struct workload *w, size_t nunits, size_t npositions);
/* 0, or -1 when out of memory or after workload_build. */
int workload_add_unit(struct workload *w, const struct unit *u);
int workload_add_position(struct workload *w, const struct position *p);
/* Builds the unit tree and the code indexes. Units whose parent is unknown
 * (or that sit in or under a parent cycle) become roots; positions whose
 * unit is unknown count in no unit (see workload_problems). A duplicate
 * code: the first record wins the lookup. 0, or -1 when out of memory. */
int workload_build(struct workload *w);
/* All of the above from arrays; NULL when out of memory. */
struct workload *workload_new(const struct unit *units, size_t nunits,
                              const struct position *positions, size_t npositions,
                              const struct policy *p);
void workload_free(struct workload *w);

size_t workload_unit_count(const struct workload *w);
size_t workload_position_count(const struct workload *w);
const char *workload_unit_code(const struct workload *w, size_t unit);
const char *workload_unit_district(const struct workload *w, size_t unit);
const char *workload_position_code(const struct workload *w, size_t position);
const char *workload_position_unit_code(const struct workload *w, size_t position);
const char *workload_position_family(const struct workload *w, size_t position);

/* Index of a unit / position by code, -1 when unknown. */
long workload_unit_index(const struct workload *w, const char *code);
long workload_position_index(const struct workload *w, const char *code);
/* Makes workload_position_index a hash look-up instead of a bisection, for
 * callers about to look up many codes in no order (every staff record).
 * 0, or -1 when out of memory (the bisection stays). */
int workload_index_positions(struct workload *w);
/* Frees that index (the bisection, or the index codes out of order need,
 * stays). */
void workload_unindex_positions(struct workload *w);

/* Staff counts: add n holders of a position (by code or index). Returns
 * -1 when the code is unknown (the staff are not counted), else 0. */
int workload_add_staff(struct workload *w, const char *position_code, uint32_t n);
void workload_set_existing(struct workload *w, size_t position, int64_t n);
void workload_clear_staff(struct workload *w);

/* Computes every position's need and the unit roll-up: one pass over the
 * positions, one bottom-up pass over the tree. Call after the counts. */
void workload_compute(struct workload *w);

const struct wl_row *workload_position_row(const struct workload *w, size_t position);
/* A unit's figures: its own positions and every sub-unit's. */
const struct wl_row *workload_unit_row(const struct workload *w, size_t unit);
/* Index of a position's unit, -1 when unknown. */
long workload_position_unit(const struct workload *w, size_t position);
/* Index of a unit's parent, -1 for a root (after workload_build). */
long workload_unit_parent(const struct workload *w, size_t unit);
/* A unit's place in tree order (that of workload_units_in(w, -1, ...)). */
size_t workload_unit_order(const struct workload *w, size_t unit);
/* Depth of a unit in the tree (roots 0). */
int workload_unit_depth(const struct workload *w, size_t unit);

/* Problems found while building: positions with an unknown unit, units
 * with an unknown parent, units in a parent cycle. */
struct wl_problems {
    size_t positions_without_unit;
    size_t units_without_parent;
    size_t units_in_cycle;
    size_t staff_without_position;   /* workload_add_staff with unknown code */
};
void workload_problems(const struct workload *w, struct wl_problems *out);

/* The units of a subtree in tree order (parents before children, siblings
 * in input order). root -1 = every tree. Returns the count; *out is
 * malloc'ed (caller frees), NULL on allocation failure with count 0. */
size_t workload_units_in(const struct workload *w, long root, size_t **out);
/* The positions of a subtree, by their unit in tree order, then in input
 * order. Same conventions. */
size_t workload_positions_in(const struct workload *w, long root, size_t **out);

/* Grouping of the positions of a subtree. */
enum wl_by { WL_BY_UNIT, WL_BY_DISTRICT, WL_BY_JOB_FAMILY };
struct wl_group {
    char name[NAME_SIZE];            /* unit code, district or job family */
    int depth;                       /* tree depth for WL_BY_UNIT, else 0 */
    struct wl_row row;
};
/* WL_BY_UNIT: every unit of the subtree in tree order with its rolled-up
 * figures. WL_BY_DISTRICT / WL_BY_JOB_FAMILY: the positions of the subtree
 * summed by their unit's district / their job family, sorted by name
 * (byte order; "" sorts first). Returns the count; *out malloc'ed. */
size_t workload_group(const struct workload *w, long root, int by, struct wl_group **out);
#endif
