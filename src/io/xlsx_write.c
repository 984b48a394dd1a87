/* A CSV table as an xlsx workbook, with libxlsxwriter. */
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <xlsxwriter.h>
#include "core/date.h"
#include "core/i18n.h"
#include "io/export.h"
#include "io/xlsx_write.h"

#define MAX_WIDTH 60.0
#define MAX_COLS 256
#define MAX_CELL 32767                  /* Excel's limit, in characters */

enum col_kind { KIND_TEXT, KIND_DATE, KIND_NUMBER };

static const char *const date_cols[] = {"birth_date", "post_since", "pns_since",
                                        "discipline_until", "since", "tmt", NULL};
static const char *const number_cols[] = {"workload_minutes", "need", "existing", "gap",
                                          "ej", NULL};

static bool named(const char *const *list, const char *p, size_t len)
{
    for (; *list; list++)
        if (strlen(*list) == len && memcmp(*list, p, len) == 0)
            return true;
    return false;
}

static enum col_kind kind_of(const struct csv_field *f)
{
    return named(date_cols, f->p, f->len) ? KIND_DATE
         : named(number_cols, f->p, f->len) ? KIND_NUMBER : KIND_TEXT;
}

/* "-12", "0.85": a number written by our CSV export (never a locale's
 * comma, never an exponent); false for anything else. Parsed by hand:
 * strtod would follow LC_NUMERIC. */
static bool plain_number(const char *p, size_t len, double *out)
{
    size_t i = 0;
    bool neg = len && p[0] == '-';
    i += neg;
    double v = 0, scale = 1;
    size_t digits = 0;
    for (; i < len && p[i] >= '0' && p[i] <= '9'; i++, digits++)
        v = v * 10 + (p[i] - '0');
    if (i < len && p[i] == '.')
        for (i++; i < len && p[i] >= '0' && p[i] <= '9'; i++, digits++)
            v += (p[i] - '0') / (scale *= 10);
    if (i != len || !digits || digits > 15)
        return false;
    *out = neg ? -v : v;
    return true;
}

struct book {
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *bold, *text, *date, *number;
    enum col_kind kind[MAX_COLS];
    double width[MAX_COLS];
    unsigned ncols;
    char *cell;                         /* a field as a C string */
    lxw_error err;
};

static void widen(struct book *b, unsigned col, double w)
{
    if (col < MAX_COLS && w > b->width[col])
        b->width[col] = w > MAX_WIDTH ? MAX_WIDTH : w;
}

static const char *cstr(struct book *b, const struct csv_field *f)
{
    size_t len = f->len > MAX_CELL ? MAX_CELL : f->len;
    memcpy(b->cell, f->p, len);
    b->cell[len] = '\0';
    return b->cell;
}

static void keep(struct book *b, lxw_error e)
{
    if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
        b->err = e;
}

static void put_cell(struct book *b, lxw_row_t row, lxw_col_t col, const struct csv_field *f)
{
    enum col_kind k = col < b->ncols ? b->kind[col] : KIND_TEXT;
    mdate t;
    double v;
    if (!f->len)
        return;
    if (k == KIND_DATE && date_parse(f->p, f->len, &t) == 0) {
        lxw_datetime dt = {0};
        date_to_ymd(t, &dt.year, &dt.month, &dt.day);
        keep(b, worksheet_write_datetime(b->ws, row, col, &dt, b->date));
        widen(b, col, 11);
    } else if (k == KIND_NUMBER && plain_number(f->p, f->len, &v)) {
        keep(b, worksheet_write_number(b->ws, row, col, v, b->number));
        widen(b, col, (double)f->len + 2);
    } else {
        const char *s = cstr(b, f);
        keep(b, worksheet_write_string(b->ws, row, col, s, b->text));
        widen(b, col, text_width(s) + 2.0);
    }
}

static void put_header(struct book *b, const struct csv_row *row)
{
    b->ncols = row->n < MAX_COLS ? row->n : MAX_COLS;
    for (unsigned c = 0; c < row->n && c < MAX_COLS; c++) {
        b->kind[c] = kind_of(&row->f[c]);
        const char *s = cstr(b, &row->f[c]);
        keep(b, worksheet_write_string(b->ws, 0, (lxw_col_t)c, s, b->bold));
        widen(b, c, text_width(s) + 3.0);   /* bold is wider */
    }
    worksheet_freeze_panes(b->ws, 1, 0);
}

static bool open_book(struct book *b, const char *path, const char *sheet)
{
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    b->wb = workbook_new_opt(path, &opt);
    b->cell = malloc(MAX_CELL + 1);
    if (!b->wb || !b->cell)
        return false;
    b->ws = workbook_add_worksheet(b->wb, sheet);
    b->bold = workbook_add_format(b->wb);
    b->text = workbook_add_format(b->wb);
    b->date = workbook_add_format(b->wb);
    b->number = workbook_add_format(b->wb);
    if (!b->ws || !b->bold || !b->text || !b->date || !b->number)
        return false;
    format_set_bold(b->bold);
    format_set_num_format(b->text, "@");
    format_set_num_format(b->date, "dd/mm/yyyy");
    format_set_num_format(b->number, "General");
    return true;
}

static int write_rows(struct book *b, csv_reader *r, char *err, size_t errlen)
{
    struct csv_row row;
    lxw_row_t n = 0;
    int rc;
    while ((rc = csv_next(r, &row)) == 1 && b->err == LXW_NO_ERROR) {
        if (n == LXW_ROW_MAX) {
            snprintf(err, errlen, _("more rows than a sheet holds (%u)"), LXW_ROW_MAX);
            return -1;
        }
        if (n == 0)
            put_header(b, &row);
        else
            for (unsigned c = 0; c < row.n && c < LXW_COL_MAX; c++)
                put_cell(b, n, (lxw_col_t)c, &row.f[c]);
        n++;
    }
    if (rc < 0) {
        unsigned line, col;
        snprintf(err, errlen, "%s", csv_error(r, &line, &col));
        return -1;
    }
    for (unsigned c = 0; c < b->ncols; c++)
        keep(b, worksheet_set_column(b->ws, (lxw_col_t)c, (lxw_col_t)c, b->width[c], NULL));
    return 0;
}

int xlsx_write_table(csv_reader *r, const char *path, const char *sheet, char *err,
                     size_t errlen)
{
    /* libxlsxwriter prints numbers with snprintf: the C locale keeps the
     * decimal point a point whatever LC_NUMERIC the user has. */
    locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t was = c_locale ? uselocale(c_locale) : (locale_t)0;
    struct book b = {0};
    int rc = 0;
    csv_rewind(r);
    if (!open_book(&b, path, sheet)) {
        snprintf(err, errlen, _("%s: cannot create the workbook"), path);
        rc = -1;
    } else {
        rc = write_rows(&b, r, err, errlen);
    }
    if (b.wb) {
        lxw_error e = workbook_close(b.wb);     /* frees the workbook */
        if (!rc && (e != LXW_NO_ERROR || b.err != LXW_NO_ERROR)) {
            snprintf(err, errlen, "%s: %s", path, lxw_strerror(e != LXW_NO_ERROR ? e : b.err));
            rc = -1;
        }
    }
    free(b.cell);
    if (c_locale) {
        uselocale(was);
        freelocale(c_locale);
    }
    return rc;
}

static int copy_file(const char *path, FILE *out)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return -1;
    char buf[1 << 16];
    size_t got;
    int rc = 0;
    while (rc == 0 && (got = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, got, out) != got)
            rc = -1;
    if (ferror(in))
        rc = -1;
    fclose(in);
    return fflush(out) != 0 ? -1 : rc;
}

int xlsx_write_table_to(csv_reader *r, FILE *out, const char *sheet, char *err,
                        size_t errlen)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/mutasi-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        snprintf(err, errlen, _("cannot make a temporary file: %s"), strerror(errno));
        return -1;
    }
    close(fd);
    int rc = xlsx_write_table(r, path, sheet, err, errlen);
    if (rc == 0 && copy_file(path, out) != 0) {
        snprintf(err, errlen, "%s", strerror(errno ? errno : EIO));
        rc = -1;
    }
    unlink(path);
    return rc;
}
