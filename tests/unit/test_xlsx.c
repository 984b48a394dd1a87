/* The xlsx reader on hand-written workbook parts (zipped in memory):
 * strings of every kind, numbers, date serials in both date systems,
 * cell references that skip columns, and damaged sheets. Files written by
 * real spreadsheet programs are read by tests/e2e/t_xlsx.sh. A workbook of
 * a table and a document sheet (io/xlsx_write) is read back sheet by
 * sheet. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unistd.h>
#include "io/xlsx_read.h"
#include "io/xlsx_write.h"
#include "zipmem.h"

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""

/* The rows read, as "row:col=value|col=value" lines. */
struct seen {
    char text[4096];
    size_t len;
};

static int collect(void *ctx, unsigned row, const struct xlsx_cell *c, unsigned n)
{
    struct seen *s = ctx;
    s->len += (size_t)snprintf(s->text + s->len, sizeof s->text - s->len, "%u:", row);
    for (unsigned i = 0; i < n; i++)
        s->len += (size_t)snprintf(s->text + s->len, sizeof s->text - s->len, "%s%u=%.*s",
                                   i ? "|" : "", c[i].col, (int)c[i].len, c[i].p);
    s->len += (size_t)snprintf(s->text + s->len, sizeof s->text - s->len, "\n");
    return 0;
}

/* Reads the workbook; returns xlsx_each_row's result, rows in *s. */
static int read_book(const char *sheet, const char *shared, const char *styles,
                     const char *pr, struct seen *s, char *err, size_t errlen)
{
    size_t len;
    char *zip = zipmem_workbook(sheet, shared, styles, pr, &len);
    assert_non_null(zip);
    memset(s, 0, sizeof *s);
    xlsx_reader *r = xlsx_open_mem(zip, len, err, errlen);
    int rc = -2;
    if (r) {
        assert_string_equal(xlsx_sheet_name(r), "Data");
        rc = xlsx_each_row(r, collect, s);
        if (rc)
            snprintf(err, errlen, "%s", xlsx_error(r));
        xlsx_close(r);
    }
    free(zip);
    return rc;
}

static const char styles[] =
    "<styleSheet " NS "><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"DD/MM/YYYY\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"&quot;day&quot;0.00\"/></numFmts>"
    "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/>"
    "<xf numFmtId=\"165\"/></cellXfs></styleSheet>";

static void strings_of_every_kind(void **state)
{
    (void)state;
    const char *shared =
        "<sst " NS " count=\"3\"><si><t>nip</t></si>"
        "<si><r><t>Siti </t></r><r><rPr><b/></rPr><t>Aminah, S.Kep.</t></r>"
        "<rPh><t>PHONETIC</t></rPh></si><si><t xml:space=\"preserve\"> 1 &amp; 2 </t></si></sst>";
    const char *sheet =
        "<worksheet " NS "><sheetData>"
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
        "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>198609262015051001</t></is></c>"
        "<c r=\"B4\" t=\"str\"><f>A4&amp;\"\"</f><v>formula result</v></c>"
        "<c r=\"D4\" t=\"b\"><v>1</v></c><c r=\"E4\" t=\"e\"><v>#N/A</v></c>"
        "<c r=\"F4\" t=\"s\"><v>2</v></c><c r=\"G4\" s=\"1\"/></row>"
        "<row r=\"5\"><c r=\"A5\"/></row>"
        "</sheetData></worksheet>";
    struct seen s;
    char err[512] = "";
    assert_int_equal(read_book(sheet, shared, styles, NULL, &s, err, sizeof err), 0);
    assert_string_equal(s.text, "1:1=nip|3=Siti Aminah, S.Kep.\n"
                                "4:1=198609262015051001|2=formula result|4=TRUE|5=#N/A|6= 1 & 2 \n");
}

static void numbers_and_dates(void **state)
{
    (void)state;
    const char *sheet =
        "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<x:sheetData><x:row>"
        "<x:c><x:v>12000</x:v></x:c>"                           /* A: a plain number */
        "<x:c><x:v>1.2E+4</x:v></x:c>"                          /* B: integral, exponent */
        "<x:c><x:v>75000.0</x:v></x:c>"                         /* C: integral, .0 */
        "<x:c><x:v>0.85</x:v></x:c>"                            /* D: a fraction stays */
        "<x:c><x:v>1.96711231990031E+17</x:v></x:c>"            /* E: a rounded NIP stays */
        "<x:c s=\"1\"><x:v>24799</x:v></x:c>"                   /* F: 23/11/1967 */
        "<x:c s=\"2\"><x:v>24799.75</x:v></x:c>"                /* G: the time is dropped */
        "<x:c s=\"1\"><x:v>59</x:v></x:c>"                      /* H: before the phantom day */
        "<x:c s=\"1\"><x:v>61</x:v></x:c>"                      /* I: after it */
        "<x:c s=\"3\"><x:v>5</x:v></x:c>"                       /* J: \"day\" is quoted text */
        "<x:c t=\"d\"><x:v>1990-01-15T00:00:00</x:v></x:c>"     /* K: an ISO date cell */
        "<x:c s=\"9\"><x:v>7</x:v></x:c>"                       /* L: unknown style: a number */
        "</x:row></x:sheetData></x:worksheet>";
    struct seen s;
    char err[512] = "";
    assert_int_equal(read_book(sheet, NULL, styles, NULL, &s, err, sizeof err), 0);
    assert_string_equal(s.text, "1:1=12000|2=12000|3=75000|4=0.85|5=1.96711231990031E+17|"
                                "6=1967-11-23|7=1967-11-23|8=1900-02-28|9=1900-03-01|10=5|"
                                "11=1990-01-15|12=7\n");
    /* the 1904 date system counts from 1 January 1904 */
    const char *one = "<worksheet " NS "><sheetData><row r=\"2\"><c r=\"B2\" s=\"1\"><v>23337</v>"
                      "</c></row></sheetData></worksheet>";
    assert_int_equal(read_book(one, NULL, styles, "<workbookPr date1904=\"1\"/>", &s, err,
                               sizeof err), 0);
    assert_string_equal(s.text, "2:2=1967-11-23\n");
}

static void damaged_sheets_are_refused(void **state)
{
    (void)state;
    struct seen s;
    char err[512];
    const char *bad[][2] = {
        {"<worksheet " NS "><sheetData><row r=\"3\"><c r=\"B3\" t=\"s\"><v>7</v></c></row>"
         "</sheetData></worksheet>", "Data!B3: shared string 7 does not exist"},
        {"<worksheet " NS "><sheetData><row r=\"3\"/><row r=\"2\"/></sheetData></worksheet>",
         "row number"},
        {"<worksheet " NS "><sheetData><row r=\"3\"><c r=\"C3\"/><c r=\"B3\"/></row>"
         "</sheetData></worksheet>", "Data!C3: cell reference \"B3\""},
        {"<worksheet " NS "><sheetData><row><c><v>1</v></row></sheetData></worksheet>",
         "not well-formed"},
        {"<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet " NS "><sheetData/></worksheet>",
         "entities"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        err[0] = '\0';
        assert_int_equal(read_book(bad[i][0], NULL, NULL, NULL, &s, err, sizeof err), -1);
        if (!strstr(err, bad[i][1]))
            fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err, bad[i][1]);
    }
    /* no sheet part at all, and not a zip */
    err[0] = '\0';
    assert_int_equal(read_book(NULL, NULL, NULL, NULL, &s, err, sizeof err), -1);
    assert_non_null(strstr(err, "xl/worksheets/data.xml"));
    assert_null(xlsx_open_mem("nip,name\n", 9, err, sizeof err));
    assert_non_null(strstr(err, "xlsx"));
}

static void cell_names(void **state)
{
    (void)state;
    char b[16];
    xlsx_cell_name(14, 4, b, sizeof b);
    assert_string_equal(b, "D14");
    xlsx_cell_name(1, 26, b, sizeof b);
    assert_string_equal(b, "Z1");
    xlsx_cell_name(2, 27, b, sizeof b);
    assert_string_equal(b, "AA2");
    xlsx_cell_name(XLSX_MAX_ROWS, XLSX_MAX_COLS, b, sizeof b);
    assert_string_equal(b, "XFD1048576");
    assert_true(xlsx_is_zip("PK\3\4rest", 8));
    assert_false(xlsx_is_zip("nip,", 4));
}

/* Writes a workbook of a table sheet and a document sheet, reads each
 * back by name: the document's table cells that look like a formula get
 * the CSV export's leading ', its other lines do not; a sheet the
 * workbook lacks is an error naming it. */
static void a_book_of_two_sheets_reads_back(void **state)
{
    (void)state;
    char path[] = "/tmp/test_xlsx_book_XXXXXX", err[512];
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    static const char csv[] = "nip,name,tmt\n198609262015051001,\"Siti, S.Kep.\",2026-04-01\n";
    csv_reader *r = csv_open_mem(csv, sizeof csv - 1);
    xlsx_book *b = xlsx_book_new(path, NULL, err, sizeof err);
    assert_non_null(r);
    assert_non_null(b);
    assert_int_equal(xlsx_book_table(b, r, "plan"), 0);
    static const double widths[3] = {5, 20, 20};
    assert_int_equal(xlsx_book_document(b, "annex", widths, 3), 0);
    const char *title[] = {"ANNEX"}, *line[] = {"=not a cell of the table"};
    const char *row[] = {"1.", "=HYPERLINK(\"x\")", "-5"};
    xlsx_book_line(b, XLSX_TITLE, title, 1);
    xlsx_book_line(b, XLSX_TEXT, line, 1);
    xlsx_book_line(b, XLSX_TEXT, NULL, 0);
    xlsx_book_line(b, XLSX_BODY, row, 3);
    assert_int_equal(xlsx_book_close(b, err, sizeof err), 0);
    csv_close(r);

    struct seen s = {0};
    xlsx_reader *x = xlsx_open_sheet(path, "plan", err, sizeof err);
    assert_non_null(x);
    assert_int_equal(xlsx_each_row(x, collect, &s), 0);
    xlsx_close(x);
    assert_string_equal(s.text, "1:1=nip|2=name|3=tmt\n2:1=198609262015051001|2=Siti, S.Kep.|3=2026-04-01\n");
    memset(&s, 0, sizeof s);
    x = xlsx_open_sheet(path, "annex", err, sizeof err);
    assert_non_null(x);
    assert_string_equal(xlsx_sheet_name(x), "annex");
    assert_int_equal(xlsx_each_row(x, collect, &s), 0);
    xlsx_close(x);
    assert_string_equal(s.text, "1:1=ANNEX\n2:1==not a cell of the table\n"
                                "4:1=1.|2='=HYPERLINK(\"x\")|3=-5\n");
    assert_null(xlsx_open_sheet(path, "lampiran", err, sizeof err));
    assert_non_null(strstr(err, "\"lampiran\""));
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strings_of_every_kind),
        cmocka_unit_test(numbers_and_dates),
        cmocka_unit_test(damaged_sheets_are_refused),
        cmocka_unit_test(cell_names),
        cmocka_unit_test(a_book_of_two_sheets_reads_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
