/* The workload tables' fast writers (cli/workload_table.h) against the
 * general ones they stand for, byte for byte: a text line at fixed places
 * (wl_table_fast_line) and wl_table_line, the widths from the extremes
 * (wl_span) and wl_table_fit row by row, a CSV row built whole
 * (wl_table_csv_line, csv_format_text) and the CSV writer's cells. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "cli/workload_table.h"
#include "io/csv.h"

static struct policy pol(void)
{
    struct policy p;
    memset(&p, 0, sizeof p);
    p.effective_minutes = 75000;
    p.ej_a_above = 100;
    p.ej_b_from = 90;
    p.ej_c_from = 70;
    p.ej_d_from = 50;
    return p;
}

struct sample {
    int depth;
    const char *code, *name;
    struct wl_row row;
};

/* Negative gaps and figures, an EJ of 100.00, nobody holding,
 * no name, a name with trailing spaces, a deep unit, a non-ASCII code. */
static const struct sample rows[] = {
    {0, "PROV11", "Provinsi", {9699304323, 132647, 133058}},
    {1, "1101", "Kota", {640456533, 8770, 8714}},
    {2, "1101.A", "", {0, 0, 0}},
    {2, "1101.B", "Bagian  ", {75000, 1, 0}},
    {3, "1101.B.1", "Seksi", {7500000, 100, 1}},
    {3, "1101.B.2", "Seksi Ä", {-150000, -2, 3}},
    {9, "1101.B.2.X", "Dalam", {123, 0, 7}},
    {1, "KÖLN", "Ümlaut", {750000, 10, 12}},
};
#define NROWS (sizeof rows / sizeof *rows)

/* The table fitted row by row (as the roll-up does) or from the extremes. */
static void fitted(struct wl_table *t, const struct policy *p, bool by_span)
{
    struct wl_span s;
    memset(&s, 0, sizeof s);
    wl_table_init(t, p, true);
    for (size_t i = 0; i < NROWS; i++) {
        wl_table_fit_key(t, WL_COL_KEY1, 2 * rows[i].depth + (int)strlen(rows[i].code) -
                                             (rows[i].code[0] == 'K' ? 1 : 0));
        if (by_span)
            wl_span_add(&s, &rows[i].row, p);
        else
            wl_table_fit(t, &rows[i].row);
        t->named |= rows[i].name[0] != '\0';
    }
    if (by_span)
        wl_table_fit_span(t, &s);
}

static void the_widths_from_the_extremes_are_the_rows(void **state)
{
    (void)state;
    struct policy p = pol();
    struct wl_table a, b;
    fitted(&a, &p, false);
    fitted(&b, &p, true);
    assert_memory_equal(a.w, b.w, sizeof a.w);
    assert_int_equal(b.w[WL_COL_EJ], 6);        /* 100.00: an EJ past the quick test */
}

static void a_fast_line_is_the_line(void **state)
{
    (void)state;
    struct policy p = pol();
    struct wl_table t;
    static struct wl_places pl;
    fitted(&t, &p, true);
    wl_table_places(&t, &pl);
    size_t fast = 0;
    for (size_t i = 0; i < NROWS; i++) {
        char want[WL_LINE_MAX], got[WL_LINE_MAX];
        const struct sample *r = &rows[i];
        size_t n = wl_table_line(&t, want, 2 * r->depth, r->code, NULL, &r->row, r->name);
        size_t m = wl_table_fast_line(&t, &pl, got, 2 * r->depth, r->code, strlen(r->code),
                                      &r->row, r->name, strlen(r->name));
        if (m == 0) {
            assert_true(r->code[0] == 'K');       /* only the key that is not ASCII */
            continue;
        }
        fast++;
        assert_int_equal(m, n);
        assert_memory_equal(got, want, n);
    }
    assert_int_equal(fast, NROWS - 1);
}

static void a_line_that_does_not_fit_is_left_to_the_general_writer(void **state)
{
    (void)state;
    struct policy p = pol();
    struct wl_table t;
    static struct wl_places pl;
    fitted(&t, &p, true);
    wl_table_places(&t, &pl);
    char out[WL_LINE_MAX], name[WL_LINE_MAX];
    struct wl_row wide = {99999999999999, 1, 1};
    assert_int_equal(wl_table_fast_line(&t, &pl, out, 0, "X", 1, &wide, "n", 1), 0);
    memset(name, 'n', sizeof name - 1);
    struct wl_row ok = {1, 1, 1};
    assert_int_equal(wl_table_fast_line(&t, &pl, out, 0, "X", 1, &ok, name, sizeof name - 1), 0);
    assert_int_equal(wl_table_fast_line(&t, &pl, out, 60, "X", 1, &ok, "n", 1), 0);
}

/* The CSV writer's row for key and r, as the roll-up writes it. */
static size_t writer_row(const char *key, const struct wl_row *r, const struct policy *p,
                         char *out, size_t cap)
{
    FILE *f = fmemopen(out, cap, "w");
    assert_non_null(f);
    csv_writer *cw = csv_writer_new(f);
    csv_put_text(cw, key);
    wl_table_csv_figures(cw, r, p);
    assert_int_equal(csv_writer_free(cw), 0);
    long n = ftell(f);
    fclose(f);
    return (size_t)n;
}

static void a_csv_row_built_whole_is_the_writers(void **state)
{
    (void)state;
    struct policy p = pol();
    const char *keys[] = {"PROV11", "=SUM(A1)", "-12", "-x", "a,b", "say \"hi\"", " lead",
                          "trail\t", "semi;colon", "'quoted", "KÖLN", ""};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        for (size_t j = 0; j < NROWS; j++) {
            char want[512], got[512];
            size_t n = writer_row(keys[i], &rows[j].row, &p, want, sizeof want);
            size_t m = wl_table_csv_line(got, keys[i], strlen(keys[i]), &rows[j].row, &p);
            assert_int_equal(m, n);
            assert_memory_equal(got, want, n);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_widths_from_the_extremes_are_the_rows),
        cmocka_unit_test(a_fast_line_is_the_line),
        cmocka_unit_test(a_line_that_does_not_fit_is_left_to_the_general_writer),
        cmocka_unit_test(a_csv_row_built_whole_is_the_writers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
