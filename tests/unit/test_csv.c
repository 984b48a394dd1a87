/* The CSV reader (dialects, positions) and writer (quoting, neutralising). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "io/csv.h"

static csv_reader *open_str(const char *s)
{
    csv_reader *r = csv_open_mem(s, strlen(s));
    assert_non_null(r);
    return r;
}

static void assert_field(const struct csv_row *row, unsigned i, const char *want)
{
    assert_true(i < row->n);
    assert_int_equal(row->f[i].len, strlen(want));
    assert_memory_equal(row->f[i].p, want, strlen(want));
}

static void comma_lf(void **state)
{
    (void)state;
    csv_reader *r = open_str("code,name\nA1,Dinas\nB2,  Badan  \n");
    struct csv_row row;
    assert_int_equal(csv_delimiter(r), ',');
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(row.n, 2);
    assert_field(&row, 0, "code");
    assert_field(&row, 1, "name");
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(row.line, 2);
    assert_field(&row, 1, "Dinas");
    assert_int_equal(csv_next(r, &row), 1);
    assert_field(&row, 1, "Badan");     /* unquoted fields are trimmed */
    assert_int_equal(row.f[1].col, 2);
    assert_int_equal(row.f[1].byte_col, 6);
    assert_int_equal(csv_next(r, &row), 0);
    csv_close(r);
}

static void bom_semicolon_crlf(void **state)
{
    (void)state;
    csv_reader *r = open_str("\xEF\xBB\xBFnip;name;unit\r\n1;\"Siti, S.Kep.\";X\r\n\r\n2;Budi;Y\r\n");
    struct csv_row row;
    assert_int_equal(csv_delimiter(r), ';');
    assert_int_equal(csv_next(r, &row), 1);
    assert_field(&row, 0, "nip");       /* BOM skipped */
    assert_field(&row, 2, "unit");      /* CR not part of the field */
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(row.n, 3);
    assert_field(&row, 1, "Siti, S.Kep.");
    assert_field(&row, 2, "X");
    assert_int_equal(csv_next(r, &row), 1);  /* blank line skipped */
    assert_int_equal(row.line, 4);
    assert_field(&row, 1, "Budi");
    assert_int_equal(csv_next(r, &row), 0);
    csv_close(r);
}

static void semicolon_detected_only_outside_quotes(void **state)
{
    (void)state;
    csv_reader *r = open_str("\"a;b;c\",d\n");
    assert_int_equal(csv_delimiter(r), ',');
    csv_close(r);
    r = open_str("\"a,b,c\";d;e\n");
    assert_int_equal(csv_delimiter(r), ';');
    csv_close(r);
}

static void quotes_newlines_and_escapes(void **state)
{
    (void)state;
    csv_reader *r = open_str("a,b,c\n"
                             "\"x \"\"q\"\" y\",\"line1\nline2\",\"\"\n"
                             "z,\"p,\"\"\",w\n");
    struct csv_row row;
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(row.line, 2);
    assert_int_equal(row.n, 3);
    assert_field(&row, 0, "x \"q\" y");
    assert_true(row.f[0].quoted);
    assert_field(&row, 1, "line1\nline2");
    assert_field(&row, 2, "");
    assert_int_equal(row.f[2].line, 3);      /* after the embedded newline */
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(row.line, 4);
    assert_field(&row, 1, "p,\"");
    assert_field(&row, 2, "w");
    assert_int_equal(row.f[2].col, 3);
    assert_int_equal(row.f[2].byte_col, 10);
    assert_int_equal(csv_next(r, &row), 0);
    /* The input is unchanged: a second pass reads the same. */
    csv_rewind(r);
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(csv_next(r, &row), 1);
    assert_field(&row, 0, "x \"q\" y");
    csv_close(r);
}

static void last_line_without_newline_and_empty_fields(void **state)
{
    (void)state;
    csv_reader *r = open_str("a,b,c\n,,\n1,2,3");
    struct csv_row row;
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(row.n, 3);
    assert_field(&row, 0, "");
    assert_field(&row, 2, "");
    assert_int_equal(csv_next(r, &row), 1);
    assert_field(&row, 2, "3");
    assert_int_equal(csv_next(r, &row), 0);
    csv_close(r);
}

static void malformed_input_names_the_place(void **state)
{
    (void)state;
    unsigned line, col;
    struct csv_row row;
    csv_reader *r = open_str("a,b\n1,\"open\n2,3\n");
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(csv_next(r, &row), -1);
    assert_non_null(csv_error(r, &line, &col));
    assert_int_equal(line, 2);
    assert_int_equal(col, 2);          /* the second field */
    assert_non_null(strstr(csv_error(r, NULL, NULL), "3"));  /* byte 3 */
    csv_close(r);
    r = open_str("a,b\n\"x\"y,2\n");
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(csv_next(r, &row), -1);
    csv_error(r, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 1);
    csv_close(r);
}

static void many_fields_grow(void **state)
{
    (void)state;
    char buf[4000] = "";
    for (int i = 0; i < 500; i++)
        strcat(buf, i ? ",x" : "x");
    csv_reader *r = open_str(buf);
    struct csv_row row;
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(row.n, 500);
    assert_int_equal(row.f[499].col, 500);
    csv_close(r);
}

/* Writes the given fields (text = neutralised) into one row and returns it. */
static char *write_row(int text, int n, ...)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    csv_writer *w = csv_writer_new(f);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        const char *s = va_arg(ap, const char *);
        if (text)
            csv_put_text(w, s);
        else
            csv_put_str(w, s);
    }
    va_end(ap);
    csv_end_row(w);
    assert_int_equal(csv_writer_free(w), 0);
    fclose(f);
    return out;
}

static void writer_quotes_when_needed(void **state)
{
    (void)state;
    char *s = write_row(0, 5, "plain", "Dr. Siti Aminah, S.Kep.", "say \"hi\"", "two\nlines", " pad");
    assert_string_equal(s, "plain,\"Dr. Siti Aminah, S.Kep.\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\"\n");
    free(s);
    s = write_row(0, 2, "", "");
    assert_string_equal(s, ",\n");
    free(s);
}

static void writer_neutralises_formulas(void **state)
{
    (void)state;
    char *s = write_row(1, 8, "=SUM(A1)", "+1", "-x", "@me", "-5", "-2.5", "'=x", "a=b");
    assert_string_equal(s, "'=SUM(A1),'+1,'-x,'@me,-5,-2.5,''=x,a=b\n");
    free(s);
    s = write_row(1, 1, "=HYPERLINK(\"x\",\"y\")");
    assert_string_equal(s, "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\n");
    free(s);
}

/* Integers as printf writes them, the extremes included. */
static void writer_integers(void **state)
{
    (void)state;
    static const long long v[] = {0, 7, -7, 10, -10, 1234567890123LL, LLONG_MAX, LLONG_MIN};
    char *out = NULL, want[512];
    size_t len = 0, at = 0;
    FILE *f = open_memstream(&out, &len);
    csv_writer *w = csv_writer_new(f);
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        csv_put_int(w, v[i]);
        at += (size_t)snprintf(want + at, sizeof want - at, "%s%lld", i ? "," : "", v[i]);
    }
    csv_end_row(w);
    snprintf(want + at, sizeof want - at, "\n");
    assert_int_equal(csv_writer_free(w), 0);
    fclose(f);
    assert_string_equal(out, want);
    free(out);
}

static void unneutralise_is_the_inverse(void **state)
{
    (void)state;
    const char *vals[] = {"=SUM(A1)", "+1", "-x", "@me", "-5", "'=x", "''@y", "'plain",
                          "it's", "", "'", "=", "-"};
    for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
        char buf[32];
        size_t n = strlen(vals[i]);
        if (csv_needs_neutralising(vals[i], n))
            snprintf(buf, sizeof buf, "'%s", vals[i]);
        else
            snprintf(buf, sizeof buf, "%s", vals[i]);
        const char *p = buf;
        size_t len = csv_unneutralise(&p, strlen(buf));
        assert_int_equal(len, n);
        assert_memory_equal(p, vals[i], n);
    }
}

static void write_then_read_round_trip(void **state)
{
    (void)state;
    char *s = write_row(1, 4, "Dr. A, \"B\"", "x\r\ny", "-3", "=1+1");
    csv_reader *r = open_str(s);
    struct csv_row row;
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(row.n, 4);
    assert_field(&row, 0, "Dr. A, \"B\"");
    assert_field(&row, 1, "x\r\ny");
    assert_field(&row, 2, "-3");
    assert_field(&row, 3, "'=1+1");
    csv_close(r);
    free(s);
}

static void reads_a_file(void **state)
{
    (void)state;
    char path[] = "/tmp/test_csv_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("a;b\r\n\"1;2\";3\r\n", f);
    fclose(f);
    char err[128];
    csv_reader *r = csv_open_file(path, err, sizeof err);
    assert_non_null(r);
    struct csv_row row;
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(csv_next(r, &row), 1);
    assert_field(&row, 0, "1;2");
    assert_field(&row, 1, "3");
    assert_int_equal(csv_offset(r), csv_size(r));
    csv_close(r);
    unlink(path);
    assert_null(csv_open_file(path, err, sizeof err));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(comma_lf),
        cmocka_unit_test(bom_semicolon_crlf),
        cmocka_unit_test(semicolon_detected_only_outside_quotes),
        cmocka_unit_test(quotes_newlines_and_escapes),
        cmocka_unit_test(last_line_without_newline_and_empty_fields),
        cmocka_unit_test(malformed_input_names_the_place),
        cmocka_unit_test(many_fields_grow),
        cmocka_unit_test(writer_quotes_when_needed),
        cmocka_unit_test(writer_neutralises_formulas),
        cmocka_unit_test(writer_integers),
        cmocka_unit_test(unneutralise_is_the_inverse),
        cmocka_unit_test(write_then_read_round_trip),
        cmocka_unit_test(reads_a_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
