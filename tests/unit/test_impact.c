/* Impact of a plan's moves on the workload figures, on a small tree:
 *     PEMDA > DINKES > PKM1, PKM2;  PEMDA > DISDIK
 * positions (workload in minutes, effective time 75,000 a person):
 *     PKM1: BIDAN1 150,000 (need 2), PERAWAT1 75,000 (need 1)
 *     PKM2: BIDAN2 150,000 (need 2)
 *     DISDIK: GURU 300,000 (need 4)
 * holders before: BIDAN1 1, PERAWAT1 2, BIDAN2 0, GURU 5. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include "core/impact.h"

static struct policy pol(void)
{
    struct policy p;
    memset(&p, 0, sizeof p);
    p.effective_minutes = 75000;
    p.rounding = ROUND_HALF_UP;
    p.ej_a_above = 100;
    p.ej_b_from = 90;
    p.ej_c_from = 70;
    p.ej_d_from = 50;
    return p;
}

static struct unit unit(const char *code, const char *parent)
{
    struct unit u;
    memset(&u, 0, sizeof u);
    snprintf(u.code, sizeof u.code, "%s", code);
    snprintf(u.parent, sizeof u.parent, "%s", parent);
    return u;
}

static struct position position(const char *code, const char *unit_code, int64_t minutes)
{
    struct position p;
    memset(&p, 0, sizeof p);
    snprintf(p.code, sizeof p.code, "%s", code);
    snprintf(p.unit, sizeof p.unit, "%s", unit_code);
    p.workload_minutes = minutes;
    p.need = NEED_FROM_ABK;
    return p;
}

struct fx {
    struct policy p;
    struct workload *w;
    struct impact *im;
};

static int setup(void **state)
{
    static struct fx fx;
    fx.p = pol();
    struct unit u[] = {unit("PEMDA", ""), unit("DINKES", "PEMDA"), unit("PKM1", "DINKES"),
                       unit("PKM2", "DINKES"), unit("DISDIK", "PEMDA")};
    struct position ps[] = {position("BIDAN1", "PKM1", 150000),
                            position("PERAWAT1", "PKM1", 75000),
                            position("BIDAN2", "PKM2", 150000),
                            position("GURU", "DISDIK", 300000)};
    fx.w = workload_new(u, 5, ps, 4, &fx.p);
    assert_non_null(fx.w);
    workload_add_staff(fx.w, "BIDAN1", 1);
    workload_add_staff(fx.w, "PERAWAT1", 2);
    workload_add_staff(fx.w, "GURU", 5);
    workload_compute(fx.w);
    fx.im = impact_new(fx.w);
    assert_non_null(fx.im);
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    struct fx *fx = *state;
    impact_free(fx->im);
    workload_free(fx->w);
    return 0;
}

static long pos(struct fx *fx, const char *code)
{
    return workload_position_index(fx->w, code);
}

static long unit_ix(struct fx *fx, const char *code)
{
    return workload_unit_index(fx->w, code);
}

/* The row of a unit or position in the impact list, NULL when absent. */
static const struct impact_row *find_row(const struct impact_row *rows, size_t n, int kind,
                                         long index)
{
    for (size_t i = 0; i < n; i++)
        if (rows[i].kind == kind && (long)rows[i].index == index)
            return &rows[i];
    return NULL;
}

static void move_inside_one_unit(void **state)
{
    struct fx *fx = *state;
    /* a nurse of PKM1 becomes a midwife of PKM1 */
    assert_int_equal(impact_add_codes(fx->im, "PERAWAT1", "BIDAN1"), 0);
    struct impact_row *rows;
    size_t n = impact_rows(fx->im, &rows);
    /* named: PKM1, BIDAN1, PERAWAT1; nothing above PKM1 changes */
    assert_int_equal(n, 3);
    const struct impact_row *r = find_row(rows, n, IMPACT_UNIT, unit_ix(fx, "PKM1"));
    assert_non_null(r);
    assert_memory_equal(&r->before, &r->after, sizeof r->before);
    assert_null(find_row(rows, n, IMPACT_UNIT, unit_ix(fx, "DINKES")));
    assert_null(find_row(rows, n, IMPACT_UNIT, unit_ix(fx, "PEMDA")));
    r = find_row(rows, n, IMPACT_POSITION, pos(fx, "BIDAN1"));
    assert_int_equal(r->before.existing, 1);
    assert_int_equal(r->after.existing, 2);
    assert_int_equal(wl_gap(&r->after), 0);
    /* EJ 150,000 / (2 x 75,000) = 1.00: grade B; before 2.00, A */
    assert_int_equal(wl_ej_hundredths(&r->before, &fx->p), 200);
    assert_int_equal(wl_ej_hundredths(&r->after, &fx->p), 100);
    assert_int_equal(wl_grade(&r->after, &fx->p), WL_GRADE_B);
    r = find_row(rows, n, IMPACT_POSITION, pos(fx, "PERAWAT1"));
    assert_int_equal(r->after.existing, 1);
    /* units come before positions */
    assert_int_equal(rows[0].kind, IMPACT_UNIT);
    free(rows);
}

static void move_into_empty_position(void **state)
{
    struct fx *fx = *state;
    /* GURU -> BIDAN2 (nobody holds BIDAN2: no EJ before) */
    assert_int_equal(impact_add_codes(fx->im, "GURU", "BIDAN2"), 0);
    struct impact_row *rows;
    size_t n = impact_rows(fx->im, &rows);
    const struct impact_row *r = find_row(rows, n, IMPACT_POSITION, pos(fx, "BIDAN2"));
    assert_non_null(r);
    assert_int_equal(wl_ej_hundredths(&r->before, &fx->p), -1);
    assert_int_equal(wl_grade(&r->before, &fx->p), WL_GRADE_NONE);
    /* 150,000 / 75,000 = 2.00, grade A */
    assert_int_equal(wl_ej_hundredths(&r->after, &fx->p), 200);
    assert_int_equal(wl_grade(&r->after, &fx->p), WL_GRADE_A);
    /* PKM2 and DINKES gain one, DISDIK loses one, PEMDA is unchanged
     * (not named, no change: not listed) */
    r = find_row(rows, n, IMPACT_UNIT, unit_ix(fx, "DINKES"));
    assert_non_null(r);
    assert_int_equal(r->after.existing - r->before.existing, 1);
    r = find_row(rows, n, IMPACT_UNIT, unit_ix(fx, "DISDIK"));
    assert_int_equal(r->after.existing - r->before.existing, -1);
    assert_null(find_row(rows, n, IMPACT_UNIT, unit_ix(fx, "PEMDA")));
    /* 5 rows: PKM2, DINKES, DISDIK, BIDAN2, GURU */
    assert_int_equal(n, 5);
    free(rows);
}

static void chain_of_moves(void **state)
{
    struct fx *fx = *state;
    /* a: GURU -> PERAWAT1, b: PERAWAT1 -> BIDAN2, c: PERAWAT1 -> BIDAN1 */
    assert_int_equal(impact_add_codes(fx->im, "GURU", "PERAWAT1"), 0);
    assert_int_equal(impact_add_codes(fx->im, "PERAWAT1", "BIDAN2"), 0);
    assert_int_equal(impact_add_codes(fx->im, "PERAWAT1", "BIDAN1"), 0);
    struct wl_row r = impact_position_after(fx->im, (size_t)pos(fx, "PERAWAT1"));
    assert_int_equal(r.existing, 2 + 1 - 2);
    assert_int_equal(impact_position_after(fx->im, (size_t)pos(fx, "BIDAN1")).existing, 2);
    assert_int_equal(impact_position_after(fx->im, (size_t)pos(fx, "BIDAN2")).existing, 1);
    assert_int_equal(impact_position_after(fx->im, (size_t)pos(fx, "GURU")).existing, 4);
    /* PKM1: 3 before, +1 -2 +1 = 3; PKM2 +1; DINKES +1; DISDIK -1; PEMDA 0 */
    assert_int_equal(impact_unit_after(fx->im, (size_t)unit_ix(fx, "PKM1")).existing, 3);
    assert_int_equal(impact_unit_after(fx->im, (size_t)unit_ix(fx, "PKM2")).existing, 1);
    assert_int_equal(impact_unit_after(fx->im, (size_t)unit_ix(fx, "DINKES")).existing, 4);
    assert_int_equal(impact_unit_after(fx->im, (size_t)unit_ix(fx, "DISDIK")).existing, 4);
    assert_int_equal(impact_unit_after(fx->im, (size_t)unit_ix(fx, "PEMDA")).existing, 8);
    /* the unit rows equal the sums of their positions after the moves too */
    struct wl_row sum = {0, 0, 0};
    struct wl_row a = impact_position_after(fx->im, (size_t)pos(fx, "BIDAN1"));
    struct wl_row b = impact_position_after(fx->im, (size_t)pos(fx, "PERAWAT1"));
    wl_row_add(&sum, &a);
    wl_row_add(&sum, &b);
    struct wl_row pkm1 = impact_unit_after(fx->im, (size_t)unit_ix(fx, "PKM1"));
    assert_memory_equal(&sum, &pkm1, sizeof sum);
}

static void add_then_remove_restores(void **state)
{
    struct fx *fx = *state;
    assert_int_equal(impact_add_codes(fx->im, "GURU", "BIDAN2"), 0);
    assert_int_equal(impact_add_codes(fx->im, "PERAWAT1", "BIDAN1"), 0);
    assert_int_equal(impact_remove_codes(fx->im, "GURU", "BIDAN2"), 0);
    assert_int_equal(impact_remove_codes(fx->im, "PERAWAT1", "BIDAN1"), 0);
    struct impact_row *rows;
    assert_int_equal(impact_rows(fx->im, &rows), 0);
    assert_null(rows);
    for (size_t i = 0; i < workload_unit_count(fx->w); i++) {
        struct wl_row r = impact_unit_after(fx->im, i);
        assert_memory_equal(&r, workload_unit_row(fx->w, i), sizeof r);
    }
    for (size_t i = 0; i < workload_position_count(fx->w); i++) {
        struct wl_row r = impact_position_after(fx->im, i);
        assert_memory_equal(&r, workload_position_row(fx->w, i), sizeof r);
    }
}

static void person_without_position(void **state)
{
    struct fx *fx = *state;
    /* no origin: only the target side changes; an unknown code is none */
    assert_int_equal(impact_add_codes(fx->im, "", "BIDAN2"), 0);
    assert_int_equal(impact_add_codes(fx->im, "NOSUCH", "BIDAN2"), 0);
    assert_int_equal(impact_unit_after(fx->im, (size_t)unit_ix(fx, "PEMDA")).existing, 10);
    assert_int_equal(impact_position_after(fx->im, (size_t)pos(fx, "BIDAN2")).existing, 2);
}

/* Many moves: the table grows and every figure stays exact. */
static void many_moves_grow_the_table(void **state)
{
    struct fx *fx = *state;
    for (int i = 0; i < 500; i++)
        assert_int_equal(impact_add_codes(fx->im, i % 2 ? "GURU" : "BIDAN1", "BIDAN2"), 0);
    assert_int_equal(impact_position_after(fx->im, (size_t)pos(fx, "BIDAN2")).existing, 500);
    assert_int_equal(impact_position_after(fx->im, (size_t)pos(fx, "GURU")).existing, 5 - 250);
    impact_clear(fx->im);
    assert_int_equal(impact_position_after(fx->im, (size_t)pos(fx, "BIDAN2")).existing, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(move_inside_one_unit, setup, teardown),
        cmocka_unit_test_setup_teardown(move_into_empty_position, setup, teardown),
        cmocka_unit_test_setup_teardown(chain_of_moves, setup, teardown),
        cmocka_unit_test_setup_teardown(add_then_remove_restores, setup, teardown),
        cmocka_unit_test_setup_teardown(person_without_position, setup, teardown),
        cmocka_unit_test_setup_teardown(many_moves_grow_the_table, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
