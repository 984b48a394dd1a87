/* ABK engine: worked examples computed by hand in the comments. The policy
 * numbers are set here, not taken from the defaults, so that every figure
 * below can be checked with pencil and paper. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/workload.h"

static struct policy pol(int rounding)
{
    struct policy p;
    memset(&p, 0, sizeof p);
    p.effective_minutes = 75000;      /* 1,250 hours */
    p.rounding = rounding;
    p.ej_a_above = 100;               /* A > 1.00 */
    p.ej_b_from = 90;                 /* B 0.90 - 1.00 */
    p.ej_c_from = 70;                 /* C 0.70 - 0.89 */
    p.ej_d_from = 50;                 /* D 0.50 - 0.69, E below */
    return p;
}

static void need_rounding(void **state)
{
    (void)state;
    struct policy h = pol(ROUND_HALF_UP), u = pol(ROUND_UP);
    /* A position with two tasks:
     *   verify documents: 3,000 a year x 25 min = 75,000
     *   draft letters:    1,500 a year x 25 min = 37,500
     *   workload = 112,500 min; 112,500 / 75,000 = 1.5
     *   half-up: 1.5 -> 2 (exactly .5 goes up); up: 1.5 -> 2 */
    int64_t wl = 3000 * 25 + 1500 * 25;
    assert_int_equal(wl, 112500);
    assert_int_equal(wl_need(wl, NEED_FROM_ABK, &h), 2);
    assert_int_equal(wl_need(wl, NEED_FROM_ABK, &u), 2);
    /* 108,750 / 75,000 = 1.45: half-up 1, up 2 */
    assert_int_equal(wl_need(108750, NEED_FROM_ABK, &h), 1);
    assert_int_equal(wl_need(108750, NEED_FROM_ABK, &u), 2);
    /* exactly .5 once more, larger: 262,500 / 75,000 = 3.5 -> half-up 4;
     * one minute less, 262,499 -> 3.49998 -> 3 (up still 4) */
    assert_int_equal(wl_need(262500, NEED_FROM_ABK, &h), 4);
    assert_int_equal(wl_need(262499, NEED_FROM_ABK, &h), 3);
    assert_int_equal(wl_need(262499, NEED_FROM_ABK, &u), 4);
    /* whole numbers do not round up: 150,000 / 75,000 = 2 exactly */
    assert_int_equal(wl_need(150000, NEED_FROM_ABK, &u), 2);
    assert_int_equal(wl_need(150001, NEED_FROM_ABK, &u), 3);
    /* zero workload needs nobody, whatever the rounding */
    assert_int_equal(wl_need(0, NEED_FROM_ABK, &h), 0);
    assert_int_equal(wl_need(0, NEED_FROM_ABK, &u), 0);
    /* a small workload: 37,499 / 75,000 = 0.49999 -> half-up 0, up 1 */
    assert_int_equal(wl_need(37499, NEED_FROM_ABK, &h), 0);
    assert_int_equal(wl_need(37499, NEED_FROM_ABK, &u), 1);
    /* an override wins, even 0 against a large workload */
    assert_int_equal(wl_need(112500, 5, &h), 5);
    assert_int_equal(wl_need(112500, 0, &u), 0);
}

static struct wl_row row(int64_t workload, int64_t need, int64_t existing)
{
    struct wl_row r = {workload, need, existing};
    return r;
}

static void ej_and_grade_boundaries(void **state)
{
    (void)state;
    struct policy p = pol(ROUND_HALF_UP);
    char buf[24];
    struct wl_row r;
    /* 112,500 / (1 x 75,000) = 1.50 -> A */
    r = row(112500, 2, 1);
    assert_int_equal(wl_ej_hundredths(&r, &p), 150);
    wl_format_ej(&r, &p, buf);
    assert_string_equal(buf, "1.50");
    assert_string_equal(wl_grade_name(wl_grade(&r, &p)), "A");
    assert_int_equal(wl_gap(&r), -1);          /* one short */
    /* exactly 0.90: 135,000 / (2 x 75,000) -> B */
    r = row(135000, 2, 2);
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_B);
    wl_format_ej(&r, &p, buf);
    assert_string_equal(buf, "0.90");
    /* 0.8999: 10,000 staff x 75,000 = 750,000,000; x 0.8999 = 674,925,000.
     * Displayed 0.90 (two decimals) and graded as shown: B, so that a
     * reader can check the grade against the bands. */
    r = row(674925000, 0, 10000);
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_B);
    wl_format_ej(&r, &p, buf);
    assert_string_equal(buf, "0.90");
    /* 0.8949 is shown 0.89: C */
    r = row(671175000, 0, 10000);
    wl_format_ej(&r, &p, buf);
    assert_string_equal(buf, "0.89");
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_C);
    /* exactly 1.00 -> B (A needs more than 1.00) */
    r = row(750000000, 0, 10000);
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_B);
    /* 1.0001 and 1.004 are shown 1.00: B, not A */
    r = row(750075000, 0, 10000);
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_B);
    wl_format_ej(&r, &p, buf);
    assert_string_equal(buf, "1.00");
    r = row(753000000, 0, 10000);
    wl_format_ej(&r, &p, buf);
    assert_string_equal(buf, "1.00");
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_B);
    /* 1.005 is shown 1.01 (half-up): A */
    r = row(753750000, 0, 10000);
    wl_format_ej(&r, &p, buf);
    assert_string_equal(buf, "1.01");
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_A);
    /* 0.70 exactly -> C; 0.695 is shown 0.70 -> C; 0.6949 is shown 0.69 -> D */
    r = row(52500, 0, 1);
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_C);
    r = row(52125, 0, 1);
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_C);
    r = row(521175, 0, 10);
    wl_format_ej(&r, &p, buf);
    assert_string_equal(buf, "0.69");
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_D);
    /* 0.50 exactly -> D; 0.4949 (shown 0.49) -> E */
    r = row(37500, 0, 1);
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_D);
    r = row(371175, 0, 10);
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_E);
    /* zero workload held by 3 people: EJ 0.00, E */
    r = row(0, 0, 3);
    wl_format_ej(&r, &p, buf);
    assert_string_equal(buf, "0.00");
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_E);
    assert_int_equal(wl_gap(&r), 3);
    /* an empty position: EJ and grade empty, the gap is the whole need */
    r = row(112500, 2, 0);
    assert_int_equal(wl_ej_hundredths(&r, &p), -1);
    assert_int_equal(wl_format_ej(&r, &p, buf), 0);
    assert_string_equal(buf, "");
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_NONE);
    assert_string_equal(wl_grade_name(wl_grade(&r, &p)), "");
    assert_int_equal(wl_gap(&r), -2);
    /* display rounding half-up: 2/3 = 0.6666.. -> 0.67; 1/8 = 0.125 -> 0.13 */
    r = row(50000, 0, 1);
    wl_format_ej(&r, &p, buf);
    assert_string_equal(buf, "0.67");
    r = row(75000, 0, 8);
    wl_format_ej(&r, &p, buf);
    assert_string_equal(buf, "0.13");
    /* other bands from the policy are honoured */
    p.ej_a_above = 120;
    r = row(112500, 2, 1);                     /* 1.50 > 1.20 still A */
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_A);
    r = row(90000, 1, 1);                      /* 1.20 exactly: B now */
    assert_int_equal(wl_grade(&r, &p), WL_GRADE_B);
}

/* wl_ej_width is the length wl_format_ej writes: none, and 1 to 11 whole digits. */
static void ej_width_is_the_formatted_length(void **state)
{
    (void)state;
    struct policy p = pol(ROUND_HALF_UP);
    char buf[24];
    struct wl_row r = row(112500, 2, 0);
    assert_int_equal(wl_ej_width(&r, &p), wl_format_ej(&r, &p, buf));
    for (int64_t w = 0; w <= INT64_MAX / 150000000; w = w * 10 + 7) {
        r = row(w * 75000, 0, 1);
        size_t len = wl_format_ej(&r, &p, buf);
        assert_int_equal(len, strlen(buf));
        assert_int_equal(wl_ej_width(&r, &p), len);
        assert_int_equal(buf[len - 3], '.');
    }
    r = row(99999, 0, 1);                      /* 1.33: whole digits from the rounded EJ */
    assert_int_equal(wl_ej_width(&r, &p), wl_format_ej(&r, &p, buf));
}

static void balanced_within_a_tolerance(void **state)
{
    (void)state;
    struct policy p = pol(ROUND_HALF_UP);
    struct wl_row r = row(0, 10, 9);           /* one short */
    assert_int_equal(p.balanced_within, 0);    /* the default */
    assert_int_equal(wl_balance(&r, &p), -1);
    p.balanced_within = 1;
    assert_int_equal(wl_balance(&r, &p), 0);
    r = row(0, 10, 8);                         /* two short: beyond it */
    assert_int_equal(wl_balance(&r, &p), -1);
    r = row(0, 10, 11);
    assert_int_equal(wl_balance(&r, &p), 0);
    r = row(0, 10, 12);
    assert_int_equal(wl_balance(&r, &p), 1);
    r = row(0, 10, 10);
    assert_int_equal(wl_balance(&r, &p), 0);
}

/* A three-level tree:
 *   PEMDA (district Kota)
 *   +-- DINKES (Kota)
 *   |   +-- PKM1 (Sukamaju)  positions P3 perawat, P4 bidan
 *   |   +-- PKM2 (Sukajaya)  position  P5 perawat
 *   |   DINKES itself        position  P2 kepala (override need 1)
 *   +-- DISDIK (Kota)        position  P6 guru
 *   PEMDA itself             position  P1 sekda
 * The units come in an order where children precede parents, which the
 * engine must not depend on. */
static struct unit U(const char *code, const char *parent, const char *district)
{
    struct unit u;
    memset(&u, 0, sizeof u);
    strcpy(u.code, code);
    strcpy(u.parent, parent);
    strcpy(u.district, district);
    return u;
}

static struct position P(const char *code, const char *unit, const char *family,
                         int64_t workload, int32_t need)
{
    struct position p;
    memset(&p, 0, sizeof p);
    strcpy(p.code, code);
    strcpy(p.unit, unit);
    strcpy(p.job_family, family);
    p.workload_minutes = workload;
    p.need = need;
    return p;
}

struct fixture {
    struct unit units[5];
    struct position pos[6];
    struct policy p;
    struct workload *w;
};

static int setup_tree(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->units[0] = U("PKM2", "DINKES", "Sukajaya");
    f->units[1] = U("PKM1", "DINKES", "Sukamaju");
    f->units[2] = U("DINKES", "PEMDA", "Kota");
    f->units[3] = U("PEMDA", "", "Kota");
    f->units[4] = U("DISDIK", "PEMDA", "Kota");
    /* workloads and needs (half-up, 75,000 a person):
     *   P1 sekda    75,000 -> 1
     *   P2 kepala   60,000 -> override 1
     *   P3 perawat 300,000 -> 4
     *   P4 bidan   112,500 -> 1.5 -> 2
     *   P5 perawat 187,500 -> 2.5 -> 3
     *   P6 guru    450,000 -> 6 */
    f->pos[0] = P("P1", "PEMDA", "administrasi umum", 75000, NEED_FROM_ABK);
    f->pos[1] = P("P2", "DINKES", "kesehatan", 60000, 1);
    f->pos[2] = P("P3", "PKM1", "kesehatan", 300000, NEED_FROM_ABK);
    f->pos[3] = P("P4", "PKM1", "kesehatan", 112500, NEED_FROM_ABK);
    f->pos[4] = P("P5", "PKM2", "kesehatan", 187500, NEED_FROM_ABK);
    f->pos[5] = P("P6", "DISDIK", "pendidikan", 450000, NEED_FROM_ABK);
    f->p = pol(ROUND_HALF_UP);
    f->w = workload_new(f->units, 5, f->pos, 6, &f->p);
    assert_non_null(f->w);
    /* staff: P1 1, P2 1, P3 5, P4 0, P5 2, P6 8 (one by one, as from a scan
     * over the staff) and two people in a position that does not exist */
    const char *holders[] = {"P1", "P2", "P3", "P3", "P3", "P3", "P3", "P5", "P5",
                             "P6", "P6", "P6", "P6", "P6", "P6", "P6", "P6"};
    for (size_t i = 0; i < sizeof holders / sizeof *holders; i++)
        assert_int_equal(workload_add_staff(f->w, holders[i], 1), 0);
    assert_int_equal(workload_add_staff(f->w, "NOPE", 2), -1);
    workload_compute(f->w);
    *state = f;
    return 0;
}

static int teardown_tree(void **state)
{
    struct fixture *f = *state;
    workload_free(f->w);
    free(f);
    return 0;
}

static const struct wl_row *unit_row(struct workload *w, const char *code)
{
    long u = workload_unit_index(w, code);
    assert_true(u >= 0);
    return workload_unit_row(w, (size_t)u);
}

static void tree_rollup(void **state)
{
    struct fixture *f = *state;
    struct workload *w = f->w;
    char buf[24];
    /* PKM1: workload 300,000 + 112,500 = 412,500; need 4 + 2 = 6;
     * existing 5 + 0 = 5; gap -1; EJ 412,500 / 375,000 = 1.10 -> A */
    const struct wl_row *r = unit_row(w, "PKM1");
    assert_int_equal(r->workload_minutes, 412500);
    assert_int_equal(r->need, 6);
    assert_int_equal(r->existing, 5);
    assert_int_equal(wl_gap(r), -1);
    wl_format_ej(r, &f->p, buf);
    assert_string_equal(buf, "1.10");
    assert_int_equal(wl_grade(r, &f->p), WL_GRADE_A);
    /* DINKES: own P2 (60,000, need 1, 1 person) + PKM1 + PKM2 (187,500, 3, 2)
     *   workload 60,000 + 412,500 + 187,500 = 660,000
     *   need 1 + 6 + 3 = 10; existing 1 + 5 + 2 = 8; gap -2
     *   EJ 660,000 / 600,000 = 1.10 -> A */
    r = unit_row(w, "DINKES");
    assert_int_equal(r->workload_minutes, 660000);
    assert_int_equal(r->need, 10);
    assert_int_equal(r->existing, 8);
    wl_format_ej(r, &f->p, buf);
    assert_string_equal(buf, "1.10");
    /* PEMDA: P1 (75,000, 1, 1) + DINKES + DISDIK (450,000, 6, 8)
     *   workload 75,000 + 660,000 + 450,000 = 1,185,000
     *   need 1 + 10 + 6 = 17; existing 1 + 8 + 8 = 17; gap 0
     *   EJ 1,185,000 / (17 x 75,000 = 1,275,000) = 0.929.. -> 0.93, B */
    r = unit_row(w, "PEMDA");
    assert_int_equal(r->workload_minutes, 1185000);
    assert_int_equal(r->need, 17);
    assert_int_equal(r->existing, 17);
    assert_int_equal(wl_gap(r), 0);
    wl_format_ej(r, &f->p, buf);
    assert_string_equal(buf, "0.93");
    assert_int_equal(wl_grade(r, &f->p), WL_GRADE_B);
    /* DISDIK: 450,000 / (8 x 75,000) = 0.75 -> C, gap +2 */
    r = unit_row(w, "DISDIK");
    assert_int_equal(wl_gap(r), 2);
    assert_int_equal(wl_grade(r, &f->p), WL_GRADE_C);
    /* the override is the position's need */
    long p2 = workload_position_index(w, "P2");
    assert_int_equal(workload_position_row(w, (size_t)p2)->need, 1);
    /* the empty position P4 */
    long p4 = workload_position_index(w, "P4");
    const struct wl_row *r4 = workload_position_row(w, (size_t)p4);
    assert_int_equal(r4->existing, 0);
    assert_int_equal(r4->need, 2);
    assert_int_equal(wl_grade(r4, &f->p), WL_GRADE_NONE);
    struct wl_problems pr;
    workload_problems(w, &pr);
    assert_int_equal(pr.staff_without_position, 2);
    assert_int_equal(pr.positions_without_unit, 0);
    assert_int_equal(pr.units_without_parent, 0);
}

static void subtree_order(void **state)
{
    struct fixture *f = *state;
    struct workload *w = f->w;
    size_t *idx;
    /* the tree order: parents first, siblings in input order */
    size_t n = workload_units_in(w, -1, &idx);
    assert_int_equal(n, 5);
    const char *want[] = {"PEMDA", "DINKES", "PKM2", "PKM1", "DISDIK"};
    for (size_t i = 0; i < n; i++)
        assert_string_equal(f->units[idx[i]].code, want[i]);
    free(idx);
    /* the positions under DINKES: P2 (DINKES), P5 (PKM2), P3 P4 (PKM1) */
    n = workload_positions_in(w, workload_unit_index(w, "DINKES"), &idx);
    assert_int_equal(n, 4);
    const char *wantp[] = {"P2", "P5", "P3", "P4"};
    for (size_t i = 0; i < n; i++)
        assert_string_equal(f->pos[idx[i]].code, wantp[i]);
    free(idx);
    /* a leaf's subtree is itself */
    n = workload_positions_in(w, workload_unit_index(w, "PKM2"), &idx);
    assert_int_equal(n, 1);
    assert_string_equal(f->pos[idx[0]].code, "P5");
    free(idx);
    assert_int_equal(workload_unit_depth(w, (size_t)workload_unit_index(w, "PKM1")), 2);
}

static void grouping(void **state)
{
    struct fixture *f = *state;
    struct workload *w = f->w;
    struct wl_group *g;
    /* by district over everything:
     *   Kota     = P1 + P2 + P6: workload 75,000 + 60,000 + 450,000 = 585,000,
     *              need 1 + 1 + 6 = 8, existing 1 + 1 + 8 = 10
     *   Sukajaya = P5: 187,500, 3, 2
     *   Sukamaju = P3 + P4: 412,500, 6, 5 */
    size_t n = workload_group(w, -1, WL_BY_DISTRICT, &g);
    assert_int_equal(n, 3);
    assert_string_equal(g[0].name, "Kota");
    assert_int_equal(g[0].row.workload_minutes, 585000);
    assert_int_equal(g[0].row.need, 8);
    assert_int_equal(g[0].row.existing, 10);
    assert_string_equal(g[1].name, "Sukajaya");
    assert_int_equal(g[1].row.existing, 2);
    assert_string_equal(g[2].name, "Sukamaju");
    assert_int_equal(g[2].row.need, 6);
    free(g);
    /* by job family under DINKES: only kesehatan,
     *   60,000 + 300,000 + 112,500 + 187,500 = 660,000, need 10, existing 8 */
    n = workload_group(w, workload_unit_index(w, "DINKES"), WL_BY_JOB_FAMILY, &g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].name, "kesehatan");
    assert_int_equal(g[0].row.workload_minutes, 660000);
    assert_int_equal(g[0].row.need, 10);
    assert_int_equal(g[0].row.existing, 8);
    free(g);
    /* by job family overall: administrasi umum, kesehatan, pendidikan */
    n = workload_group(w, -1, WL_BY_JOB_FAMILY, &g);
    assert_int_equal(n, 3);
    assert_string_equal(g[0].name, "administrasi umum");
    assert_string_equal(g[2].name, "pendidikan");
    assert_int_equal(g[2].row.existing, 8);
    free(g);
    /* by unit: every unit of the subtree with its rolled-up figures */
    n = workload_group(w, workload_unit_index(w, "DINKES"), WL_BY_UNIT, &g);
    assert_int_equal(n, 3);
    assert_string_equal(g[0].name, "DINKES");
    assert_int_equal(g[0].row.need, 10);
    assert_int_equal(g[0].depth, 1);
    assert_string_equal(g[2].name, "PKM1");
    assert_int_equal(g[2].row.existing, 5);
    free(g);
}

static void recount_and_set(void **state)
{
    struct fixture *f = *state;
    struct workload *w = f->w;
    /* counts may be set per position (e.g. from an index) and recomputed:
     * P4 gets 2 people -> PKM1 existing 5 + 2 = 7, PEMDA 17 + 2 = 19 */
    workload_set_existing(w, (size_t)workload_position_index(w, "P4"), 2);
    workload_compute(w);
    assert_int_equal(unit_row(w, "PKM1")->existing, 7);
    assert_int_equal(unit_row(w, "PEMDA")->existing, 19);
    workload_clear_staff(w);
    workload_compute(w);
    assert_int_equal(unit_row(w, "PEMDA")->existing, 0);
    assert_int_equal(unit_row(w, "PEMDA")->need, 17);
}

static void broken_trees(void **state)
{
    (void)state;
    /* A and B are each other's parent; C hangs under an unknown unit; the
     * position Q sits in a unit that does not exist. Nothing loops and
     * every unit still has its figures. */
    struct unit u[3] = {U("A", "B", "x"), U("B", "A", "x"), U("C", "ZZ", "y")};
    struct position p[3] = {P("PA", "A", "f", 75000, NEED_FROM_ABK),
                            P("PB", "B", "f", 75000, NEED_FROM_ABK),
                            P("Q", "NONE", "f", 75000, NEED_FROM_ABK)};
    struct policy pl = pol(ROUND_UP);
    struct workload *w = workload_new(u, 3, p, 3, &pl);
    assert_non_null(w);
    workload_compute(w);
    struct wl_problems pr;
    workload_problems(w, &pr);
    assert_int_equal(pr.units_in_cycle, 2);
    assert_int_equal(pr.units_without_parent, 1);
    assert_int_equal(pr.positions_without_unit, 1);
    /* the cycle was cut at A (first met): A is the root above B */
    assert_int_equal(workload_unit_row(w, 0)->need, 2);
    assert_int_equal(workload_unit_row(w, 1)->need, 1);
    size_t *idx;
    assert_int_equal(workload_units_in(w, -1, &idx), 3);
    free(idx);
    workload_free(w);
    /* no units, no positions */
    w = workload_new(NULL, 0, NULL, 0, &pl);
    assert_non_null(w);
    workload_compute(w);
    assert_int_equal(workload_units_in(w, -1, &idx), 0);
    free(idx);
    workload_free(w);
}

static void records_one_at_a_time(void **state)
{
    (void)state;
    /* Fed from a database scan, each record lives only during its callback:
     * the engine keeps its own copy of what it needs. */
    struct policy pl = pol(ROUND_HALF_UP);
    struct workload *w = workload_begin(&pl);
    assert_non_null(w);
    struct unit u = U("ROOT", "", "Kota");
    assert_int_equal(workload_add_unit(w, &u), 0);
    u = U("LEAF", "ROOT", "Desa");
    assert_int_equal(workload_add_unit(w, &u), 0);
    memset(&u, 'x', sizeof u);               /* the caller's buffer is reused */
    struct position p = P("Q1", "LEAF", "keuangan", 150000, NEED_FROM_ABK);
    assert_int_equal(workload_add_position(w, &p), 0);
    memset(&p, 'y', sizeof p);
    assert_int_equal(workload_build(w), 0);
    assert_int_equal(workload_add_unit(w, &u), -1);   /* closed after build */
    assert_int_equal(workload_unit_count(w), 2);
    assert_int_equal(workload_position_count(w), 1);
    assert_string_equal(workload_unit_code(w, 1), "LEAF");
    assert_string_equal(workload_unit_district(w, 1), "Desa");
    assert_string_equal(workload_position_code(w, 0), "Q1");
    assert_string_equal(workload_position_unit_code(w, 0), "LEAF");
    assert_string_equal(workload_position_family(w, 0), "keuangan");
    assert_int_equal(workload_position_unit(w, 0), 1);
    /* 150,000 / 75,000 = 2 needed; 3 hold it: gap +1, EJ 150,000/225,000 = 0.67 D */
    assert_int_equal(workload_add_staff(w, "Q1", 3), 0);
    workload_compute(w);
    const struct wl_row *r = workload_unit_row(w, 0);
    assert_int_equal(r->need, 2);
    assert_int_equal(wl_gap(r), 1);
    assert_int_equal(wl_grade(r, &pl), WL_GRADE_D);
    workload_free(w);
}

/* Positions found by code whether their codes came in rising order (as
 * from a database walk: bisection) or not (hash); counts in any order; a
 * duplicate code: the first position wins. */
static void position_lookup_orders(void **state)
{
    (void)state;
    struct policy pl = pol(ROUND_HALF_UP);
    enum { N = 300 };
    for (int sorted = 0; sorted < 2; sorted++) {
        struct workload *w = workload_begin(&pl);
        assert_non_null(w);
        struct unit u = U("ROOT", "", "Kota");
        assert_int_equal(workload_add_unit(w, &u), 0);
        char code[CODE_SIZE];
        for (int i = 0; i < N; i++) {
            int k = sorted ? i : (i * 7) % N;           /* 7 and 300 are coprime */
            snprintf(code, sizeof code, "P%04d", k);
            struct position p = P(code, "ROOT", "umum", 75000, NEED_FROM_ABK);
            assert_int_equal(workload_add_position(w, &p), 0);
        }
        if (!sorted) {   /* a duplicate would end the rising order */
            struct position dup = P("P0000", "ROOT", "umum", 75000, NEED_FROM_ABK);
            assert_int_equal(workload_add_position(w, &dup), 0);
        }
        assert_int_equal(workload_build(w), 0);
        /* counts every third code, forwards then a few backwards */
        for (int k = 0; k < N; k += 3) {
            snprintf(code, sizeof code, "P%04d", k);
            assert_int_equal(workload_add_staff(w, code, (uint32_t)(k % 5 + 1)), 0);
        }
        for (int k = N - 1; k > N - 20; k--) {
            snprintf(code, sizeof code, "P%04d", k);
            assert_int_equal(workload_add_staff(w, code, 1), 0);
        }
        assert_int_equal(workload_add_staff(w, "P9999", 1), -1);
        assert_int_equal(workload_add_staff(w, "A", 1), -1);
        workload_compute(w);
        int64_t total = 0;
        for (int k = 0; k < N; k++) {
            snprintf(code, sizeof code, "P%04d", k);
            long i = workload_position_index(w, code);
            assert_true(i >= 0 && i < N);               /* the first of a duplicate */
            assert_string_equal(workload_position_code(w, (size_t)i), code);
            int64_t want = (k % 3 == 0 ? k % 5 + 1 : 0) + (k > N - 20 ? 1 : 0);
            assert_int_equal(workload_position_row(w, (size_t)i)->existing, want);
            total += want;
        }
        assert_int_equal(workload_unit_row(w, 0)->existing, total);
        /* a hash index, and without it again: the same answers */
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 0)
                assert_int_equal(workload_index_positions(w), 0);
            else
                workload_unindex_positions(w);
            for (int k = 0; k < N; k += 7) {
                snprintf(code, sizeof code, "P%04d", k);
                long i = workload_position_index(w, code);
                assert_true(i >= 0);
                assert_string_equal(workload_position_code(w, (size_t)i), code);
            }
            assert_int_equal(workload_position_index(w, "P9999"), -1);
        }
        struct wl_problems pr;
        workload_problems(w, &pr);
        assert_int_equal(pr.staff_without_position, 2);
        workload_free(w);
    }
}

static void deep_chain(void **state)
{
    (void)state;
    /* 50,000 units each the parent of the next (no recursion may overflow)
     * with one position of 75,000 minutes each (need 1) and one holder:
     * the root's figures are 50,000 of each; the unit at depth d has
     * 50,000 - d. Listed leaf first, so parents always come later. */
    enum { N = 50000 };
    struct unit *u = calloc(N, sizeof *u);
    struct position *p = calloc(N, sizeof *p);
    assert_non_null(u);
    assert_non_null(p);
    for (int i = 0; i < N; i++) {
        int d = N - 1 - i;                     /* depth of the unit at i */
        snprintf(u[i].code, CODE_SIZE, "U%d", d);
        if (d > 0)
            snprintf(u[i].parent, CODE_SIZE, "U%d", d - 1);
        snprintf(p[i].code, CODE_SIZE, "P%d", d);
        strcpy(p[i].unit, u[i].code);
        p[i].workload_minutes = 75000;
        p[i].need = NEED_FROM_ABK;
    }
    struct policy pl = pol(ROUND_HALF_UP);
    struct workload *w = workload_new(u, N, p, N, &pl);
    assert_non_null(w);
    for (int i = 0; i < N; i++)
        workload_set_existing(w, (size_t)i, 1);
    workload_compute(w);
    const struct wl_row *root = unit_row(w, "U0");
    assert_int_equal(root->need, N);
    assert_int_equal(root->existing, N);
    assert_int_equal(root->workload_minutes, (int64_t)N * 75000);
    assert_int_equal(unit_row(w, "U1000")->need, N - 1000);
    assert_int_equal(workload_unit_depth(w, (size_t)workload_unit_index(w, "U49999")), N - 1);
    size_t *idx;
    assert_int_equal(workload_positions_in(w, workload_unit_index(w, "U49990"), &idx), 10);
    free(idx);
    workload_free(w);
    free(u);
    free(p);
}

/* A figure's width is the length printf gives it, sign included. */
static void decimal_width_counts_printf_chars(void **state)
{
    (void)state;
    const int64_t v[] = {0, 7, 9, 10, 99, 100, -1, -9, -10, 123456789, -987654321,
                         INT64_MAX, INT64_MIN, INT64_MIN + 1};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)v[i]);
        assert_int_equal(wl_decimal_width(v[i]), n);
    }
}

/* A key's width: two a level, one a character however many bytes it takes. */
static void key_width_counts_characters(void **state)
{
    (void)state;
    const char *ascii = "1101.BAPENDA", *wide = "1101.\xC3\x9C\xE2\x82\xAC";   /* "1101.Ü€" */
    assert_int_equal(wl_key_width(0, ascii, strlen(ascii)), (int)strlen(ascii));
    assert_int_equal(wl_key_width(3, ascii, strlen(ascii)), 6 + (int)strlen(ascii));
    /* Ü and € are one character each, as "1101.AB" has two */
    assert_int_equal(wl_key_width(1, wide, strlen(wide)), wl_key_width(1, "1101.AB", 7));
    assert_int_equal(wl_key_width(2, "", 0), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(need_rounding),
        cmocka_unit_test(ej_and_grade_boundaries),
        cmocka_unit_test(ej_width_is_the_formatted_length),
        cmocka_unit_test(balanced_within_a_tolerance),
        cmocka_unit_test_setup_teardown(tree_rollup, setup_tree, teardown_tree),
        cmocka_unit_test_setup_teardown(subtree_order, setup_tree, teardown_tree),
        cmocka_unit_test_setup_teardown(grouping, setup_tree, teardown_tree),
        cmocka_unit_test_setup_teardown(recount_and_set, setup_tree, teardown_tree),
        cmocka_unit_test(broken_trees),
        cmocka_unit_test(records_one_at_a_time),
        cmocka_unit_test(position_lookup_orders),
        cmocka_unit_test(deep_chain),
        cmocka_unit_test(decimal_width_counts_printf_chars),
        cmocka_unit_test(key_width_counts_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
