/* Pass 1 of a staff file, whose rows are parsed and converted on a thread
 * of their own (io/import_pipe.c): the same problems, in the same order
 * and under the same cap, as converting the rows one by one on one
 * thread; every row handed over in file order; a stop honoured at once.
 * Files of more rows than the reader keeps in flight, so that it waits
 * for the taker and wraps around its batches. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "io/import.h"

#define ROWS 3000
#define HEADER "nip,name,sex,birth_date,status,rank,position,unit,post_since,pns_since," \
               "education,major,job_family,skp_2023,skp_2024,discipline,discipline_until," \
               "leave,home_district,competencies\n"

/* What goes wrong on row i (0-based): bits of these. */
enum { BAD_DATE = 1, BAD_POSITION = 2, BAD_RANK = 4, BAD_SEX = 8, BAD_STATUS = 16 };
typedef unsigned (*badness_fn)(int i);

static unsigned clean(int i)
{
    (void)i;
    return 0;
}

static unsigned some_bad(int i)
{
    return (i % 97 == 5 ? BAD_DATE : 0) | (i % 101 == 7 ? BAD_POSITION : 0) |
           (i % 211 == 3 ? BAD_RANK : 0);
}

/* Four conversion errors a row: 12,000, past the 10,000 kept. */
static unsigned all_bad(int i)
{
    (void)i;
    return BAD_DATE | BAD_RANK | BAD_SEX | BAD_STATUS;
}

/* A file of ROWS people in ascending NIP order; its path in path. */
static void write_file(char path[64], badness_fn bad)
{
    snprintf(path, 64, "/tmp/mutasi-pipe-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(HEADER, f);
    for (int i = 0; i < ROWS; i++) {
        int day = 1 + i / 120, seq = 1 + i % 120;
        unsigned b = bad(i);
        fprintf(f, "1986%02d%02d2015051%03d,\"Budi Santoso %d, S.E.\",%s,1986-%02d-%02d,%s,%s,"
                "%s,DINKES,%s,2016-06-01,S-1,Ekonomi,kesehatan,baik,baik,,,,Kota,\n",
                9, day, seq, i, b & BAD_SEX ? "Q" : "L", 9, day, b & BAD_STATUS ? "PNX" : "PNS",
                b & BAD_RANK ? "X/z" : "III/a", b & BAD_POSITION ? "NOPE" : "KADINKES",
                b & BAD_DATE ? "2021-02-30" : "2021-01-04");
    }
    assert_int_equal(fclose(f), 0);
}

static bool unit_exists(void *ctx, const char *code)
{
    (void)ctx;
    return strcmp(code, "DINKES") == 0;
}

static bool position_unit(void *ctx, const char *code, char unit[CODE_SIZE])
{
    (void)ctx;
    if (strcmp(code, "KADINKES") != 0)
        return false;
    snprintf(unit, CODE_SIZE, "DINKES");
    return true;
}

static const struct import_refs refs = {.unit_exists = unit_exists,
                                        .position_unit = position_unit};

static mdate today(void)
{
    return date_from_ymd(2026, 12, 3);
}

/* The problems of path found the plain way: each row converted on this
 * thread (import_staff_row), the reference problem for a good row whose
 * position is unknown, under the same cap; sorted like pass 1's. */
static void expected_problems(const char *path, struct import_problems *ps)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char text[ROWS * 256];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    csv_reader *r = csv_open_mem(text, len);
    struct csv_row row;
    struct import_header h;
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(import_header_parse(&h, IMPORT_STAFF, &row, ps), 0);
    while (csv_next(r, &row) == 1) {
        struct staff s;
        char unit[CODE_SIZE];
        if (import_staff_row(&h, &row, today(), &s, ps) == 0 &&
            !position_unit(NULL, s.position, unit))
            import_problem_add(ps, false, row.line, (unsigned)h.col[COL_POSITION] + 1,
                               "position", "unknown position \"%s\"", s.position);
    }
    csv_close(r);
    import_problems_sort(ps);
}

static void same_problems(const struct import_problems *got, const struct import_problems *want)
{
    assert_int_equal(got->errors, want->errors);
    assert_int_equal(got->warnings, want->warnings);
    assert_int_equal(got->n, want->n);
    for (size_t i = 0; i < want->n; i++) {
        assert_int_equal(got->p[i].line, want->p[i].line);
        assert_int_equal(got->p[i].col, want->p[i].col);
        assert_string_equal(got->p[i].column, want->p[i].column);
        assert_string_equal(got->p[i].msg, want->p[i].msg);
    }
}

static void check_like_one_thread(badness_fn bad, bool past_cap)
{
    char path[64];
    char err[256];
    struct import_problems want = {0};
    write_file(path, bad);
    expected_problems(path, &want);
    assert_int_equal(want.errors > IMPORT_PROBLEMS_KEPT, past_cap);
    assert_true(want.errors > 0);
    importer *im = import_open(path, IMPORT_STAFF, today(), err, sizeof err);
    assert_non_null(im);
    /* twice: a pass may run again (a write transaction retried) */
    for (int run = 0; run < 2; run++) {
        assert_int_equal(import_check(im, &refs), want.errors);
        same_problems(import_problems(im), &want);
        assert_int_equal(import_rows(im), ROWS);
        assert_int_equal(strlen(import_sha256(im)), 64);
    }
    import_close(im);
    import_problems_free(&want);
    unlink(path);
}

static void problems_as_on_one_thread(void **state)
{
    (void)state;
    check_like_one_thread(some_bad, false);
}

static void problems_past_the_cap_as_on_one_thread(void **state)
{
    (void)state;
    check_like_one_thread(all_bad, true);
}

struct taken {
    size_t n;
    char last[NIP_LEN + 1];
    bool in_order;
    size_t stop_at;             /* 0: never */
};

static int take(void *ctx, const void *record)
{
    struct taken *t = ctx;
    const struct staff *s = record;
    t->in_order &= strcmp(t->last, s->nip) < 0;
    memcpy(t->last, s->nip, sizeof t->last);
    return ++t->n == t->stop_at ? 42 : 0;
}

/* A clean sorted file: every row handed over, in file order, and the
 * checksum is the file's as pass 1 alone gives it. */
static void every_row_handed_over_in_order(void **state)
{
    (void)state;
    char path[64], err[256], sha[65];
    size_t errors = 99;
    write_file(path, clean);
    importer *im = import_open(path, IMPORT_STAFF, today(), err, sizeof err);
    assert_non_null(im);
    assert_int_equal(import_check(im, &refs), 0);
    snprintf(sha, sizeof sha, "%s", import_sha256(im));
    struct taken t = {.in_order = true};
    assert_int_equal(import_check_each(im, &refs, take, &t, &errors), 0);
    assert_int_equal(errors, 0);
    assert_int_equal(t.n, ROWS);
    assert_true(t.in_order);
    assert_true(import_streamed(im));
    assert_string_equal(import_sha256(im), sha);
    import_close(im);
    unlink(path);
}

/* The callback says stop: the pass stops there, nothing more handed over. */
static void a_stop_ends_the_pass(void **state)
{
    (void)state;
    char path[64], err[256];
    size_t errors = 99;
    write_file(path, clean);
    importer *im = import_open(path, IMPORT_STAFF, today(), err, sizeof err);
    assert_non_null(im);
    struct taken t = {.in_order = true, .stop_at = ROWS / 2 + 1};
    assert_int_equal(import_check_each(im, &refs, take, &t, &errors), 42);
    assert_int_equal(t.n, ROWS / 2 + 1);
    assert_int_equal(import_rows(im), ROWS / 2 + 1);
    assert_false(import_streamed(im));
    import_close(im);
    unlink(path);
}

/* Errors: rows are handed over only until the first one. */
static void errors_stop_the_handing_over(void **state)
{
    (void)state;
    char path[64], err[256];
    size_t errors = 0;
    write_file(path, some_bad);
    importer *im = import_open(path, IMPORT_STAFF, today(), err, sizeof err);
    assert_non_null(im);
    struct taken t = {.in_order = true};
    assert_int_equal(import_check_each(im, &refs, take, &t, &errors), 0);
    assert_true(errors > 0);
    int first_bad = 0;
    while (!some_bad(first_bad))
        first_bad++;
    assert_int_equal(t.n, (size_t)first_bad);
    assert_false(import_streamed(im));
    assert_int_equal(import_rows(im), ROWS);
    import_close(im);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(problems_as_on_one_thread),
        cmocka_unit_test(problems_past_the_cap_as_on_one_thread),
        cmocka_unit_test(every_row_handed_over_in_order),
        cmocka_unit_test(a_stop_ends_the_pass),
        cmocka_unit_test(errors_stop_the_handing_over),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
