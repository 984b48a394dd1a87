/* mutasi workload [UNIT] --by unit: the table by unit from the stored unit
 * tree (ops_workload_units), with no pass over the units or positions: the
 * text form walks the tree twice in one read transaction (the columns'
 * widths and the total, then the rows), the CSV form once. The output is
 * that of the roll-up (workload.c's table by unit) byte for byte; the
 * rows are formatted by hand into one line buffer, as a table of half a
 * million units is mostly formatting. */
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/workload.h"
#include "io/csv.h"
#include "io/export.h"

enum { KEY, MINUTES, NEED, EXISTING, GAP, EJ, GRADE, NAME, NCOLS };

struct unit_table {
    FILE *out;
    csv_writer *cw;              /* the CSV form; NULL: text */
    const struct policy *p;
    int w[NCOLS];                /* the text form's column widths */
    bool named;                  /* a NAME column */
    struct wl_row total;         /* of the subtree's roots */
};

/* The characters of v in decimal. */
static int decimal_width(int64_t v)
{
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    int n = v < 0 ? 2 : 1;
    while (u >= 10)
        u /= 10, n++;
    return n;
}

/* v in decimal, ending at end (exclusive); returns where it starts. */
static char *decimal_back(int64_t v, char *end)
{
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        *--end = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--end = '-';
    return end;
}

/* The six figures of a row as text: their strings and lengths. */
struct figures {
    char buf[6][24];
    const char *s[6];
    int len[6];
};

static void figures_of(const struct wl_row *r, const struct policy *p, struct figures *f)
{
    const int64_t v[4] = {r->workload_minutes, r->need, r->existing, wl_gap(r)};
    for (int i = 0; i < 4; i++) {
        f->s[i] = decimal_back(v[i], f->buf[i] + sizeof f->buf[i]);
        f->len[i] = (int)(f->buf[i] + sizeof f->buf[i] - f->s[i]);
    }
    f->len[4] = (int)wl_format_ej(r, p, f->buf[4]);
    f->s[4] = f->buf[4];
    f->s[5] = wl_grade_name(wl_grade(r, p));
    f->len[5] = (int)strlen(f->s[5]);
}

static void widen(int *w, int n)
{
    if (n > *w)
        *w = n;
}

/* The widths of a row's figures, without formatting them. */
static void fit_row(struct unit_table *u, const struct wl_row *r)
{
    int64_t ej = wl_ej_hundredths(r, u->p);
    widen(&u->w[MINUTES], decimal_width(r->workload_minutes));
    widen(&u->w[NEED], decimal_width(r->need));
    widen(&u->w[EXISTING], decimal_width(r->existing));
    widen(&u->w[GAP], decimal_width(wl_gap(r)));
    widen(&u->w[EJ], ej < 0 ? 0 : decimal_width(ej / 100) + 3);
    widen(&u->w[GRADE], (int)strlen(wl_grade_name(wl_grade(r, u->p))));
}

/* A line being built; cells two spaces apart, no trailing spaces. */
struct line {
    char buf[1024];
    size_t len;
};

/* A cell of len bytes and chars characters in a column w wide. */
static void cell(struct line *l, const char *s, size_t len, int chars, int w, bool right)
{
    size_t fill = w > chars ? (size_t)(w - chars) : 0;
    if (l->len + len + fill + 3 > sizeof l->buf)
        return;
    if (l->len)
        l->buf[l->len++] = ' ', l->buf[l->len++] = ' ';
    if (right)
        memset(l->buf + l->len, ' ', fill), l->len += fill;
    memcpy(l->buf + l->len, s, len);
    l->len += len;
    if (!right)
        memset(l->buf + l->len, ' ', fill), l->len += fill;
}

static void line_out(FILE *out, struct line *l)
{
    while (l->len > 0 && l->buf[l->len - 1] == ' ')
        l->len--;
    l->buf[l->len++] = '\n';
    fwrite(l->buf, 1, l->len, out);
    l->len = 0;
}

static void text_cell(struct line *l, const char *s, int w, bool right)
{
    cell(l, s, strlen(s), (int)text_width(s), w, right);
}

/* One row: key indented by indent spaces; name NULL on the total. */
static void text_row(struct unit_table *u, int indent, const char *key,
                     const struct wl_row *r, const char *name)
{
    struct line l = {.len = 0};
    struct figures f;
    char k[NAME_SIZE + 64];       /* as the roll-up's table: indent and key cut so */
    size_t pad = indent <= 0 ? 0 : (size_t)indent < NAME_SIZE ? (size_t)indent : NAME_SIZE;
    size_t n = strnlen(key, 63);
    memset(k, ' ', pad);
    memcpy(k + pad, key, n);
    k[pad + n] = '\0';
    cell(&l, k, pad + n, (int)(pad + text_width(k + pad)), u->w[KEY], false);
    figures_of(r, u->p, &f);
    for (int c = 0; c < 6; c++)
        cell(&l, f.s[c], (size_t)f.len[c], f.len[c], u->w[MINUTES + c], c < 5);
    if (u->named && name)
        cell(&l, name, strlen(name), 0, 0, false);     /* the last column: no fill */
    line_out(u->out, &l);
}

static void text_header(struct unit_table *u)
{
    const char *head[NCOLS] = {_("GROUP"), _("WORKLOAD"), _("NEED"), _("EXISTING"), _("GAP"),
                               _("EJ"), _("GRADE"), _("NAME")};
    struct line l = {.len = 0};
    for (int c = 0; c < NCOLS; c++)
        if (c != NAME || u->named)
            text_cell(&l, head[c], u->w[c], c >= MINUTES && c < GRADE);
    line_out(u->out, &l);
}

static void headings_fit(struct unit_table *u)
{
    const char *head[NCOLS] = {_("GROUP"), _("WORKLOAD"), _("NEED"), _("EXISTING"), _("GAP"),
                               _("EJ"), _("GRADE"), _("NAME")};
    for (int c = 0; c < NCOLS; c++)
        u->w[c] = (int)text_width(head[c]);
    widen(&u->w[KEY], (int)text_width(_("total")));
}

static int measure_unit(const struct store_tree_row *r, void *ctx)
{
    struct unit_table *u = ctx;
    widen(&u->w[KEY], 2 * r->depth + (int)text_width(r->code));
    fit_row(u, &r->row);
    u->named |= r->name[0] != '\0';
    if (r->depth == 0)
        wl_row_add(&u->total, &r->row);
    return 0;
}

static int write_unit(const struct store_tree_row *r, void *ctx)
{
    struct unit_table *u = ctx;
    if (u->cw) {
        char ej[24];
        csv_put_text(u->cw, r->code);
        csv_put_int(u->cw, r->row.workload_minutes);
        csv_put_int(u->cw, r->row.need);
        csv_put_int(u->cw, r->row.existing);
        csv_put_int(u->cw, wl_gap(&r->row));
        wl_format_ej(&r->row, u->p, ej);
        csv_put_str(u->cw, ej);
        csv_put_str(u->cw, wl_grade_name(wl_grade(&r->row, u->p)));
        csv_end_row(u->cw);
    } else {
        text_row(u, 2 * r->depth, r->code, &r->row, r->name);
    }
    return ferror(u->out) ? 1 : 0;
}

static void csv_header(csv_writer *cw)
{
    static const char *const cols[] = {"group", "workload_minutes", "need", "existing", "gap",
                                       "ej", "grade"};
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        csv_put_str(cw, cols[i]);
    csv_end_row(cw);
}

/* EXIT_OK (a write that failed shows in the stream), or EXIT_REFUSED
 * having said why. */
static int write_units(const struct ops_wl_units *w, const char *unit, struct unit_table *u,
                       bool csv)
{
    struct ops_err e;
    int r;
    if (csv) {
        u->cw = csv_writer_new(u->out);
        if (!u->cw)
            return EXIT_OK;     /* seen as a failed write */
        csv_header(u->cw);
    } else {
        headings_fit(u);
        if ((r = ops_workload_units_each(w, unit, measure_unit, u, &e)) != OPS_OK)
            return cli_report(&e);
        fit_row(u, &u->total);
        text_header(u);
    }
    r = ops_workload_units_each(w, unit, write_unit, u, &e);
    if (r == OPS_REFUSED)
        return cli_report(&e);
    if (r == OPS_OK && !csv)
        text_row(u, 0, _("total"), &u->total, NULL);
    return EXIT_OK;
}

int cli_workload_units(const struct ops_env *env, const char *unit, bool csv, FILE *out)
{
    struct ops o;
    struct ops_wl_units w;
    struct ops_err e;
    int rc = cli_open(&o, env, OPS_READ);
    if (rc != EXIT_OK)
        return rc;
    if (ops_workload_units_open(&o, &w, &e) != OPS_OK) {
        ops_close(&o);
        return cli_report(&e);
    }
    if (!w.kept) {
        ops_workload_units_close(&w);
        ops_close(&o);
        return CLI_WORKLOAD_ROLL_UP;
    }
    cli_workload_warn(&w.problems);
    /* fewer, larger writes: a pipe's buffer would be a page */
    static char buf[1 << 16];
    setvbuf(out, buf, _IOFBF, sizeof buf);
    struct unit_table u = {.out = out, .p = ops_policy(&o)};
    rc = write_units(&w, unit, &u, csv);
    bool failed = (csv && !u.cw) || (u.cw && csv_writer_free(u.cw) != 0);
    ops_workload_units_close(&w);
    ops_close(&o);
    if (rc == EXIT_OK && (failed || fflush(out) != 0 || ferror(out))) {
        cli_error(_("could not write the table"));
        rc = EXIT_REFUSED;
    }
    return rc;
}
