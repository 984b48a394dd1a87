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
#include "io/csv.h"
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

struct xlsx_book {
    lxw_workbook *wb;
    lxw_worksheet *ws;                  /* the sheet being written */
    lxw_format *bold, *text, *date, *number;
    lxw_format *title, *head, *body;    /* document sheets */
    enum col_kind kind[MAX_COLS];
    double width[MAX_COLS];
    unsigned ncols;
    lxw_row_t row;                      /* next row of a document sheet */
    char *cell;                         /* a field as a C string */
    lxw_error err;
    char msg[512];                      /* the first failure that is not libxlsxwriter's */
    char path[4096];                    /* where the workbook is made */
    FILE *out;                          /* NULL: path is the user's file */
    locale_t c_locale, was;
};

static void widen(struct xlsx_book *b, unsigned col, double w)
{
    if (col < MAX_COLS && w > b->width[col])
        b->width[col] = w > MAX_WIDTH ? MAX_WIDTH : w;
}

static const char *cstr(struct xlsx_book *b, const char *p, size_t len)
{
    len = len > MAX_CELL ? MAX_CELL : len;
    memcpy(b->cell, p, len);
    b->cell[len] = '\0';
    return b->cell;
}

static void keep(struct xlsx_book *b, lxw_error e)
{
    if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
        b->err = e;
}

static void put_cell(struct xlsx_book *b, lxw_row_t row, lxw_col_t col, const struct csv_field *f)
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
        const char *s = cstr(b, f->p, f->len);
        keep(b, worksheet_write_string(b->ws, row, col, s, b->text));
        widen(b, col, text_width(s) + 2.0);
    }
}

static void put_header(struct xlsx_book *b, const struct csv_row *row)
{
    b->ncols = row->n < MAX_COLS ? row->n : MAX_COLS;
    for (unsigned c = 0; c < row->n && c < MAX_COLS; c++) {
        b->kind[c] = kind_of(&row->f[c]);
        const char *s = cstr(b, row->f[c].p, row->f[c].len);
        keep(b, worksheet_write_string(b->ws, 0, (lxw_col_t)c, s, b->bold));
        widen(b, c, text_width(s) + 3.0);   /* bold is wider */
    }
    worksheet_freeze_panes(b->ws, 1, 0);
}

static lxw_format *new_format(struct xlsx_book *b, const char *num_format, bool bold, bool wrap)
{
    lxw_format *f = workbook_add_format(b->wb);
    if (f && num_format)
        format_set_num_format(f, num_format);
    if (f && bold)
        format_set_bold(f);
    if (f && wrap) {
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    }
    return f;
}

static bool make_formats(struct xlsx_book *b)
{
    b->bold = new_format(b, NULL, true, false);
    b->text = new_format(b, "@", false, false);
    b->date = new_format(b, "dd/mm/yyyy", false, false);
    b->number = new_format(b, "General", false, false);
    b->title = new_format(b, NULL, true, false);
    b->head = new_format(b, "@", true, true);
    b->body = new_format(b, "@", false, true);
    if (!b->bold || !b->text || !b->date || !b->number || !b->title || !b->head || !b->body)
        return false;
    format_set_font_size(b->title, 13);
    format_set_bottom(b->head, LXW_BORDER_THIN);
    return true;
}

static void use_c_locale(struct xlsx_book *b)
{
    /* libxlsxwriter prints numbers with snprintf: the C locale's numbers
     * keep the decimal point a point whatever LC_NUMERIC the user has. The
     * rest of the user's locale stays (messages: the annex's words). */
    locale_t base = duplocale(LC_GLOBAL_LOCALE);
    b->c_locale = base ? newlocale(LC_NUMERIC_MASK, "C", base) : (locale_t)0;
    if (base && !b->c_locale)
        freelocale(base);
    b->was = b->c_locale ? uselocale(b->c_locale) : (locale_t)0;
}

static void restore_locale(struct xlsx_book *b)
{
    if (b->c_locale) {
        uselocale(b->was);
        freelocale(b->c_locale);
    }
}

/* A workbook is a zip written with seeks: for a stream it is made in a
 * temporary file first. */
static bool temporary_path(struct xlsx_book *b, char *err, size_t errlen)
{
    const char *dir = getenv("TMPDIR");
    snprintf(b->path, sizeof b->path, "%s/mutasi-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(b->path);
    if (fd < 0) {
        snprintf(err, errlen, _("cannot make a temporary file: %s"), strerror(errno));
        return false;
    }
    close(fd);
    return true;
}

xlsx_book *xlsx_book_new(const char *path, FILE *out, char *err, size_t errlen)
{
    struct xlsx_book *b = calloc(1, sizeof *b);
    if (!b) {
        snprintf(err, errlen, "%s", _("out of memory"));
        return NULL;
    }
    b->out = path ? NULL : out;
    if (path)
        snprintf(b->path, sizeof b->path, "%s", path);
    else if (!temporary_path(b, err, errlen)) {
        free(b);
        return NULL;
    }
    use_c_locale(b);
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    b->wb = workbook_new_opt(b->path, &opt);
    b->cell = malloc(MAX_CELL + 1);
    if (!b->wb || !b->cell || !make_formats(b)) {
        snprintf(err, errlen, _("%s: cannot create the workbook"), path ? path : b->path);
        xlsx_book_close(b, NULL, 0);
        return NULL;
    }
    return b;
}

static bool add_sheet(struct xlsx_book *b, const char *sheet)
{
    b->ws = workbook_add_worksheet(b->wb, sheet);
    memset(b->width, 0, sizeof b->width);
    b->ncols = 0;
    b->row = 0;
    if (!b->ws && !b->msg[0])
        snprintf(b->msg, sizeof b->msg, _("cannot add the sheet \"%s\""), sheet);
    return b->ws != NULL;
}

static void set_widths(struct xlsx_book *b, unsigned ncols)
{
    for (unsigned c = 0; c < ncols && c < MAX_COLS; c++)
        keep(b, worksheet_set_column(b->ws, (lxw_col_t)c, (lxw_col_t)c, b->width[c], NULL));
}

int xlsx_book_table(xlsx_book *b, csv_reader *r, const char *sheet)
{
    struct csv_row row;
    lxw_row_t n = 0;
    int rc;
    csv_rewind(r);
    if (!add_sheet(b, sheet))
        return -1;
    while ((rc = csv_next(r, &row)) == 1 && b->err == LXW_NO_ERROR) {
        if (n == LXW_ROW_MAX) {
            snprintf(b->msg, sizeof b->msg, _("more rows than a sheet holds (%u)"), LXW_ROW_MAX);
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
        snprintf(b->msg, sizeof b->msg, "%s", csv_error(r, &line, &col));
        return -1;
    }
    set_widths(b, b->ncols);
    return b->err == LXW_NO_ERROR ? 0 : -1;
}

int xlsx_book_document(xlsx_book *b, const char *sheet, const double *widths, unsigned ncols)
{
    if (!add_sheet(b, sheet))
        return -1;
    for (unsigned c = 0; c < ncols && c < MAX_COLS; c++)
        b->width[c] = widths[c];
    set_widths(b, ncols);
    return 0;
}

void xlsx_book_line(xlsx_book *b, enum xlsx_line kind, const char *const *cells, unsigned n)
{
    lxw_format *f = kind == XLSX_TITLE ? b->title : kind == XLSX_HEAD ? b->head
                  : kind == XLSX_BODY ? b->body : NULL;
    for (unsigned c = 0; b->ws && c < n && c < LXW_COL_MAX; c++) {
        const char *s = cells[c];
        if (!s || !*s)
            continue;
        if (kind == XLSX_BODY && csv_needs_neutralising(s, strlen(s))) {
            b->cell[0] = '\'';              /* as the CSV export writes it */
            snprintf(b->cell + 1, MAX_CELL, "%s", s);
            s = b->cell;
        }
        keep(b, worksheet_write_string(b->ws, b->row, (lxw_col_t)c, s, f));
    }
    b->row++;
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

int xlsx_book_close(xlsx_book *b, char *err, size_t errlen)
{
    int rc = b->msg[0] || b->err != LXW_NO_ERROR ? -1 : 0;
    lxw_error e = b->wb ? workbook_close(b->wb) : LXW_NO_ERROR;   /* frees the workbook */
    if (rc == 0 && e != LXW_NO_ERROR)
        b->err = e, rc = -1;
    if (rc == 0 && b->out && copy_file(b->path, b->out) != 0) {
        snprintf(b->msg, sizeof b->msg, "%s", strerror(errno ? errno : EIO));
        rc = -1;
    }
    if (rc && err) {
        if (b->msg[0])
            snprintf(err, errlen, "%s", b->msg);
        else
            snprintf(err, errlen, "%s: %s", b->path, lxw_strerror(b->err));
    }
    if (b->out)
        unlink(b->path);
    restore_locale(b);
    free(b->cell);
    free(b);
    return rc;
}

int xlsx_write_table(csv_reader *r, const char *path, const char *sheet, char *err,
                     size_t errlen)
{
    xlsx_book *b = xlsx_book_new(path, NULL, err, errlen);
    if (!b)
        return -1;
    xlsx_book_table(b, r, sheet);
    return xlsx_book_close(b, err, errlen);
}

int xlsx_write_table_to(csv_reader *r, FILE *out, const char *sheet, char *err,
                        size_t errlen)
{
    xlsx_book *b = xlsx_book_new(NULL, out, err, errlen);
    if (!b)
        return -1;
    xlsx_book_table(b, r, sheet);
    return xlsx_book_close(b, err, errlen);
}
