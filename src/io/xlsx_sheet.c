/* xlsx reading, the sheet: its rows streamed to the caller, each cell's
 * value as text (io/xlsx_read.h says what comes out). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "io/xlsx_internal.h"
#include "io/xlsx_values.h"

/* --- cell values ---------------------------------------------------------------- */

/* "D14" -> column 4 (row ignored); 0 when it is not a reference. */
static unsigned ref_col(const char *s)
{
    unsigned c = 0;
    for (; *s >= 'A' && *s <= 'Z'; s++) {
        c = c * 26 + (unsigned)(*s - 'A' + 1);
        if (c > XLSX_MAX_COLS)
            return 0;
    }
    return *s >= '0' && *s <= '9' ? c : 0;
}

static unsigned parse_uint(const char *s, unsigned max)
{
    unsigned long v = 0;
    if (!s || !*s)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || (v = v * 10 + (unsigned long)(*s - '0')) > max)
            return 0;
    }
    return (unsigned)v;
}

/* --- the sheet ------------------------------------------------------------------- */

struct cellref {
    size_t off, len;            /* in sheet.row_text */
    unsigned col;
};

/* The elements of a sheet that matter, told apart by their first letters
 * (sheet_element): a million-row sheet has tens of millions of tags. */
enum sheet_el { EL_OTHER, EL_SHEETDATA, EL_ROW, EL_C, EL_V, EL_IS, EL_T, EL_RPH };

/* A cell's t attribute; CT_RAW (str, inlineStr, e, anything else): the
 * text as it is. */
enum cell_type { CT_NUMBER, CT_SHARED, CT_BOOL, CT_DATE, CT_RAW };

struct sheet {
    struct part p;
    xlsx_row_fn fn;
    void *ctx;
    bool in_data, in_row, in_c, in_v, in_is, in_t;
    int in_rph;
    unsigned row, col;          /* current row; last column seen */
    enum cell_type type;
    unsigned style;
    struct text v;              /* the current cell's <v> or inline text */
    struct text row_text;       /* the values of the current row */
    struct cellref *cells;
    struct xlsx_cell *out;
    unsigned ncells, capcells, capout;
};

static void sheet_fail(struct sheet *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sheet_fail(struct sheet *s, const char *fmt, ...)
{
    char msg[300], cell[16];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    xlsx_cell_name(s->row, s->col ? s->col : 1, cell, sizeof cell);
    xlsx_fail(s->p.r, "%s!%s: %s", s->p.r->sheet_name, cell, msg);
    xlsx_stop_part(&s->p, -1);
}

static void row_start(struct sheet *s, const char **atts)
{
    const char *rn = xlsx_attr(atts, "r");
    unsigned row = rn ? parse_uint(rn, XLSX_MAX_ROWS) : s->row + 1;
    if (!row || row > XLSX_MAX_ROWS || row <= s->row) {
        s->row = s->row + 1;
        sheet_fail(s, _("row number \"%s\" is not after the previous row"), rn ? rn : "");
        return;
    }
    s->row = row;
    s->col = 0;
    s->in_row = true;
    s->ncells = 0;
    s->row_text.len = 0;
}

static enum cell_type cell_type(const char *t)
{
    if (!t || (t[0] == 'n' && !t[1]))
        return CT_NUMBER;
    if (t[1])
        return CT_RAW;
    return t[0] == 's' ? CT_SHARED : t[0] == 'b' ? CT_BOOL : t[0] == 'd' ? CT_DATE : CT_RAW;
}

static void cell_start(struct sheet *s, const char **atts)
{
    const char *r = NULL, *t = NULL, *st = NULL;
    for (size_t i = 0; atts[i]; i += 2) {      /* one pass over r, s, t */
        const char *a = xlsx_local(atts[i]);
        if (a[0] && !a[1]) {
            if (a[0] == 'r')
                r = atts[i + 1];
            else if (a[0] == 's')
                st = atts[i + 1];
            else if (a[0] == 't')
                t = atts[i + 1];
        }
    }
    unsigned col = r ? ref_col(r) : s->col + 1;
    if (!col || col > XLSX_MAX_COLS || col <= s->col) {
        sheet_fail(s, _("cell reference \"%s\" is not after the previous cell"), r ? r : "");
        return;
    }
    s->col = col;
    s->in_c = true;
    s->type = cell_type(t);
    s->style = st ? parse_uint(st, 1u << 30) : 0;
    s->v.len = 0;
}

static const char *sst_at(const xlsx_reader *r, size_t i, size_t *len)
{
    *len = r->sst_off[i + 1] - r->sst_off[i];
    return r->sst.p ? r->sst.p + r->sst_off[i] : "";
}

/* The value of the cell just closed, as text; false when it has none. */
static bool cell_value(struct sheet *s, const char **p, size_t *len, char *tmp, size_t tmplen)
{
    xlsx_reader *r = s->p.r;
    const char *v = s->v.p ? s->v.p : "";
    *p = v;
    *len = s->v.len;
    if (s->type == CT_SHARED) {
        if (!s->v.len)
            return false;
        unsigned i = parse_uint(v, 1u << 30);
        if ((!i && strcmp(v, "0") != 0) || i >= r->nsst) {
            sheet_fail(s, _("shared string %s does not exist"), v);
            return false;
        }
        *p = sst_at(r, i, len);
    } else if (s->type == CT_BOOL) {
        if (!s->v.len)
            return false;
        *p = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
        *len = strlen(*p);
    } else if (s->type == CT_DATE) {
        *len = s->v.len > 10 && v[10] == 'T' ? 10 : s->v.len;   /* ISO 8601: the day */
    } else if (s->type == CT_NUMBER && s->v.len) {
        bool is_date = s->style < r->nxf && r->xf_date[s->style];
        if ((is_date && xlsx_serial_to_date(v, r->date1904, tmp)) ||
            (!is_date && xlsx_integral_number(v, tmp, tmplen))) {
            *p = tmp;
            *len = strlen(tmp);
        }
    }
    return *len > 0;
}

static void cell_end(struct sheet *s)
{
    char tmp[40];
    const char *p;
    size_t len;
    s->in_c = false;
    if (!cell_value(s, &p, &len, tmp, sizeof tmp) || s->p.stop)
        return;
    if (s->ncells == s->capcells) {
        unsigned cap = s->capcells ? s->capcells * 2 : 32;
        struct cellref *c = realloc(s->cells, cap * sizeof *c);
        if (!c) {
            sheet_fail(s, "%s", _("out of memory"));
            return;
        }
        s->cells = c;
        s->capcells = cap;
    }
    struct cellref *c = &s->cells[s->ncells++];
    c->off = s->row_text.len;
    c->len = len;
    c->col = s->col;
    if (!xlsx_text_add(&s->row_text, p, len, (size_t)CELL_TEXT_MAX * 64))
        sheet_fail(s, "%s", _("the row holds more text than mutasi reads"));
}

static void row_end(struct sheet *s)
{
    s->in_row = false;
    if (!s->ncells)
        return;
    if (s->ncells > s->capout) {
        struct xlsx_cell *o = realloc(s->out, s->capcells * sizeof *o);
        if (!o) {
            sheet_fail(s, "%s", _("out of memory"));
            return;
        }
        s->out = o;
        s->capout = s->capcells;
    }
    struct xlsx_cell *o = s->out;
    for (unsigned i = 0; i < s->ncells; i++)
        o[i] = (struct xlsx_cell){s->row_text.p + s->cells[i].off, s->cells[i].len,
                                  s->cells[i].col};
    int rc = s->fn(s->ctx, s->row, o, s->ncells);
    if (rc)
        xlsx_stop_part(&s->p, rc);
}

static enum sheet_el sheet_element(const char *name)
{
    const char *n = xlsx_local(name);
    switch (n[0]) {
    case 'c':
        return n[1] ? EL_OTHER : EL_C;
    case 'v':
        return n[1] ? EL_OTHER : EL_V;
    case 't':
        return n[1] ? EL_OTHER : EL_T;
    case 'i':
        return n[1] == 's' && !n[2] ? EL_IS : EL_OTHER;
    case 'r':
        return strcmp(n, "row") == 0 ? EL_ROW : strcmp(n, "rPh") == 0 ? EL_RPH : EL_OTHER;
    case 's':
        return strcmp(n, "sheetData") == 0 ? EL_SHEETDATA : EL_OTHER;
    }
    return EL_OTHER;
}

static void XMLCALL sheet_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
    struct sheet *s = ud;
    enum sheet_el n = sheet_element(el);
    if (n == EL_SHEETDATA)
        s->in_data = true;
    else if (!s->in_data)
        return;
    else if (n == EL_ROW)
        row_start(s, atts);
    else if (n == EL_C && s->in_row)
        cell_start(s, atts);
    else if (n == EL_V && s->in_c)
        s->in_v = true;
    else if (n == EL_IS && s->in_c)
        s->in_is = true;
    else if (n == EL_RPH && s->in_is)
        s->in_rph++;
    else if (n == EL_T && s->in_is)
        s->in_t = true;
}

static void XMLCALL sheet_end(void *ud, const XML_Char *el)
{
    struct sheet *s = ud;
    if (!s->in_data)
        return;
    switch (sheet_element(el)) {
    case EL_V:
        s->in_v = false;
        break;
    case EL_T:
        s->in_t = false;
        break;
    case EL_RPH:
        if (s->in_rph)
            s->in_rph--;
        break;
    case EL_IS:
        s->in_is = false;
        break;
    case EL_C:
        if (s->in_c)
            cell_end(s);
        break;
    case EL_ROW:
        if (s->in_row)
            row_end(s);
        break;
    case EL_SHEETDATA:
        s->in_data = false;
        break;
    case EL_OTHER:
        break;
    }
}

static void XMLCALL sheet_chars(void *ud, const XML_Char *txt, int len)
{
    struct sheet *s = ud;
    bool want = s->in_c && (s->in_v || (s->in_is && s->in_t && !s->in_rph));
    if (want && !xlsx_text_add(&s->v, txt, (size_t)len, CELL_TEXT_MAX))
        sheet_fail(s, _("the cell holds more than %u bytes"), CELL_TEXT_MAX);
}

int xlsx_each_row(xlsx_reader *r, xlsx_row_fn fn, void *ctx)
{
    struct sheet s = {0};
    s.fn = fn;
    s.ctx = ctx;
    r->err[0] = '\0';
    /* The sheet can be any size: streamed, so no limit but the format's. */
    int rc = xlsx_parse_part(r, r->sheet_part, &s.p, sheet_start, sheet_end, sheet_chars, -1,
                        SIZE_MAX);
    free(s.v.p);
    free(s.row_text.p);
    free(s.cells);
    free(s.out);
    return rc;
}
