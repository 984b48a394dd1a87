/* mutasi export plan ID --format csv|text|xlsx. CSV: the columns of `plan
 * show --format csv`. xlsx: a workbook of two sheets, "plan" (the CSV, as
 * every xlsx export is) and "annex" (the annex below, one table column per
 * item, for a spreadsheet to print or edit). Text: the annex to the
 * decree (lampiran SK) for A4 in a fixed-width font: a heading with the SK's number, date and TMT, a
 * numbered table (NIP, name and rank; old position and unit; new position
 * and unit) of at most ANNEX_WIDTH columns, cells wrapped at word
 * boundaries, and the signing official as on the decree. In the chosen
 * language (gettext: LANGUAGE, or `language:` of ui.yaml). */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "ops/access.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/approval.h"
#include "ops/plan.h"
#include "io/xlsx_write.h"

#define ANNEX_WIDTH 99           /* <= 100 columns: A4 portrait, 10 cpi, small margins */
#define NCOLS 4
static const int col_width[NCOLS] = {4, 28, 32, 32};   /* + 3 separating spaces = 99 */
#define MAX_LINES 16             /* lines a wrapped cell may take */

/* Display columns of UTF-8 text: one per code point (the names are
 * Latin script). */
static size_t columns(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* The byte length of the longest prefix of s of at most width columns. */
static size_t prefix_fitting(const char *s, size_t len, size_t width)
{
    size_t cols = 0, i = 0;
    while (i < len) {
        size_t k = i + 1;
        while (k < len && ((unsigned char)s[k] & 0xC0) == 0x80)
            k++;
        if (cols + 1 > width)
            break;
        cols++;
        i = k;
    }
    return i;
}

struct wrapped {
    char line[MAX_LINES][160];
    int n;
};

static void add_line(struct wrapped *w, const char *s, size_t len)
{
    if (w->n < MAX_LINES)
        snprintf(w->line[w->n++], sizeof w->line[0], "%.*s", (int)len, s);
}

/* Wraps text into lines of at most width columns, at spaces where it can
 * and inside a word longer than a line; '\n' forces a break. */
static void wrap(const char *text, size_t width, struct wrapped *w)
{
    const char *p = text;
    while (*p) {
        size_t para = strcspn(p, "\n");
        const char *end = p + para;
        while (p < end) {
            while (p < end && *p == ' ')
                p++;
            size_t rest = (size_t)(end - p);
            if (rest == 0)
                break;
            if (columns(p, rest) <= width) {
                add_line(w, p, rest);
                break;
            }
            size_t fit = prefix_fitting(p, rest, width), cut = fit;
            while (cut > 0 && p[cut] != ' ')
                cut--;
            if (cut == 0)
                cut = fit;          /* one word longer than the line */
            add_line(w, p, cut);
            p += cut;
        }
        p = *end ? end + 1 : end;
    }
}

static void print_padded(FILE *f, const char *s, size_t width)
{
    size_t cols = columns(s, strlen(s));
    fputs(s, f);
    for (size_t i = cols; i < width; i++)
        fputc(' ', f);
}

/* One table row of NCOLS wrapped cells; no trailing blanks. */
static void print_row(FILE *f, const char *const cells[NCOLS])
{
    struct wrapped w[NCOLS];
    int lines = 1;
    for (int c = 0; c < NCOLS; c++) {
        w[c].n = 0;
        wrap(cells[c], (size_t)col_width[c], &w[c]);
        if (w[c].n > lines)
            lines = w[c].n;
    }
    for (int l = 0; l < lines; l++) {
        char buf[ANNEX_WIDTH * 4 + 8];
        FILE *m = fmemopen(buf, sizeof buf, "w");
        if (!m)
            return;
        for (int c = 0; c < NCOLS; c++) {
            if (c)
                fputc(' ', m);
            print_padded(m, l < w[c].n ? w[c].line[l] : "", (size_t)col_width[c]);
        }
        fclose(m);
        size_t len = strlen(buf);
        while (len && buf[len - 1] == ' ')
            len--;
        fprintf(f, "%.*s\n", (int)len, buf);
    }
}

static void rule_line(FILE *f)
{
    for (int i = 0; i < ANNEX_WIDTH; i++)
        fputc('-', f);
    fputc('\n', f);
}

static const char *const months[12] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
    N_("December"),
};

/* "1 April 2026" in the chosen language. */
static void long_date(mdate d, char out[48])
{
    int y, m, day;
    if (d == MDATE_NONE) {
        snprintf(out, 48, "-");
        return;
    }
    date_to_ymd(d, &y, &m, &day);
    snprintf(out, 48, "%d %s %d", day, _(months[m - 1]), y);
}

static void heading(FILE *f, const struct plan *p)
{
    char date[48], tmt[48];
    long_date(p->sk.date, date);
    long_date(p->sk.tmt, tmt);
    fprintf(f, "%s\n", _("ANNEX TO THE DECREE"));
    fprintf(f, "%-10s: %s\n", _("Number"), p->sk.number[0] ? p->sk.number : "-");
    fprintf(f, "%-10s: %s\n", _("Date"), date);
    fprintf(f, "%-10s: %s\n", _("TMT"), tmt);
    struct wrapped w = {.n = 0};
    wrap(p->name, ANNEX_WIDTH - 12, &w);
    for (int i = 0; i < w.n; i++)
        fprintf(f, "%-10s%s %s\n", i ? "" : _("Concerning"), i ? " " : ":", w.line[i]);
    fputc('\n', f);
}

static void table(FILE *f, const struct ops_annex *a)
{
    const char *head[NCOLS] = {_("No."), _("NIP / Name / Rank"), _("Old position and unit"),
                               _("New position and unit")};
    rule_line(f);
    print_row(f, head);
    rule_line(f);
    for (size_t i = 0; i < a->n; i++) {
        const struct ops_annex_row *r = &a->rows[i];
        char no[24], who[NIP_FMT_LEN + NAME_SIZE + 24], from[ANNEX_NAME_SIZE * 2 + 2];
        char to[ANNEX_NAME_SIZE * 2 + 2], shown[NIP_FMT_LEN + 1];
        nip_format(r->nip, shown);
        snprintf(no, sizeof no, "%zu.", i + 1);
        snprintf(who, sizeof who, "%s\n%s\n%s", shown, r->name[0] ? r->name : "-",
                 r->rank[0] ? r->rank : "-");
        snprintf(from, sizeof from, "%s\n%s", r->from_position, r->from_unit);
        snprintf(to, sizeof to, "%s\n%s", r->to_position, r->to_unit);
        const char *cells[NCOLS] = {no, who, from, to};
        print_row(f, cells);
        if (i + 1 < a->n)
            fputc('\n', f);
    }
    rule_line(f);
    if (a->n == 0)
        fprintf(f, "%s\n", _("(no moves)"));
}

/* The signing official, right-aligned block as under a decree. */
static void signature(FILE *f, const struct plan_sk *sk)
{
    enum { INDENT = 56 };
    if (!sk->number[0])
        return;
    struct wrapped w = {.n = 0};
    char shown[NIP_FMT_LEN + 1];
    wrap(sk->signer_title, ANNEX_WIDTH - INDENT, &w);
    fputc('\n', f);
    for (int i = 0; i < w.n; i++)
        fprintf(f, "%*s%s\n", INDENT, "", w.line[i]);
    fprintf(f, "\n\n%*s%s\n", INDENT, "", sk->signer_name);
    nip_format(sk->signer_nip, shown);
    fprintf(f, "%*sNIP %s\n", INDENT, "", shown);
}

/* The audit entry of this export: a printed decree checked against the
 * database later (`audit --verify --against`) proves the log still holds
 * it, and with it the data as it was when the annex was printed. */
static void anchor(FILE *f, const struct ops_annex *a)
{
    fprintf(f, "\n%s\n%llu:%s\n", _("Audit anchor of this export (mutasi audit --verify --against):"),
            (unsigned long long)a->anchor_seq, a->anchor_hash);
}

static void annex_text(FILE *f, const struct ops_annex *a)
{
    heading(f, &a->plan);
    table(f, a);
    signature(f, &a->plan.sk);
    anchor(f, a);
}

/* language: of ui.yaml, as the TUI applies it (gettext ignores LANGUAGE
 * in the C locale). */
static void apply_language(const struct ops *o)
{
    const char *lang = o->cfg ? o->cfg->ui.language : NULL;
    if (!lang || !*lang || !strcmp(lang, "auto"))
        return;
    setenv("LANGUAGE", lang, 1);
    const char *cur = setlocale(LC_MESSAGES, NULL);
    setlocale(LC_MESSAGES, !cur || !strcmp(cur, "C") || !strcmp(cur, "POSIX") ? "C.UTF-8" : cur);
}

static int export_csv(struct ops *o, uint32_t id, struct ops_err *e)
{
    struct ops_plan_view v;
    if (ops_require(o, OPS_DO_EXPORT_PERSONAL, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    int rc = ops_plan_show(o, id, &v, e);
    if (rc != OPS_OK)
        return rc;
    cli_plan_show_csv(&v, stdout);
    int werr = fflush(stdout) != 0 || ferror(stdout) ? errno : 0;
    rc = ops_plan_export_note(o, id, "csv", v.nmoves, e);
    ops_plan_view_free(&v);
    if (rc == OPS_OK && werr)
        rc = ops_fail(e, _("writing the export failed: %s"), strerror(werr));
    return rc;
}

static int export_text(struct ops *o, uint32_t id, struct ops_err *e)
{
    struct ops_annex a;
    int rc = ops_plan_annex(o, id, "text", &a, e);
    if (rc != OPS_OK)
        return rc;
    annex_text(stdout, &a);
    ops_annex_free(&a);
    if (fflush(stdout) != 0 || ferror(stdout))
        return ops_fail(e, _("writing the export failed: %s"), strerror(errno));
    return OPS_OK;
}

/* --- the annex as a sheet ------------------------------------------------------ */

enum { X_NO, X_NIP, X_NAME, X_RANK, X_FROM_POS, X_FROM_UNIT, X_TO_POS, X_TO_UNIT, X_COLS };
static const double x_width[X_COLS] = {5, 23, 32, 7, 32, 32, 32, 32};

static void xlsx_heading(xlsx_book *b, const struct plan *p)
{
    char date[48], tmt[48], line[4][700];
    long_date(p->sk.date, date);
    long_date(p->sk.tmt, tmt);
    const char *title = _("ANNEX TO THE DECREE");
    xlsx_book_line(b, XLSX_TITLE, &title, 1);
    snprintf(line[0], sizeof line[0], "%s: %s", _("Number"), p->sk.number[0] ? p->sk.number : "-");
    snprintf(line[1], sizeof line[1], "%s: %s", _("Date"), date);
    snprintf(line[2], sizeof line[2], "%s: %s", _("TMT"), tmt);
    snprintf(line[3], sizeof line[3], "%s: %s", _("Concerning"), p->name);
    for (int i = 0; i < 4; i++) {
        const char *cell = line[i];
        xlsx_book_line(b, XLSX_TEXT, &cell, 1);
    }
    xlsx_book_line(b, XLSX_TEXT, NULL, 0);
}

static void xlsx_table(xlsx_book *b, const struct ops_annex *a)
{
    const char *head[X_COLS] = {_("No."), "NIP", _("Name"), _("Rank"), _("Old position"),
                                _("Old unit"), _("New position"), _("New unit")};
    xlsx_book_line(b, XLSX_HEAD, head, X_COLS);
    for (size_t i = 0; i < a->n; i++) {
        const struct ops_annex_row *r = &a->rows[i];
        char no[24], shown[NIP_FMT_LEN + 1];
        snprintf(no, sizeof no, "%zu.", i + 1);
        nip_format(r->nip, shown);
        const char *cells[X_COLS] = {no, shown, r->name, r->rank, r->from_position,
                                     r->from_unit, r->to_position, r->to_unit};
        xlsx_book_line(b, XLSX_BODY, cells, X_COLS);
    }
    if (a->n == 0) {
        const char *none = _("(no moves)");
        xlsx_book_line(b, XLSX_TEXT, &none, 1);
    }
}

/* The signing official under the table's right half, as on the decree. */
static void xlsx_signature(xlsx_book *b, const struct plan_sk *sk)
{
    char nip[NIP_FMT_LEN + 8], shown[NIP_FMT_LEN + 1];
    if (!sk->number[0])
        return;
    nip_format(sk->signer_nip, shown);
    snprintf(nip, sizeof nip, "NIP %s", shown);
    const char *rows[] = {"", sk->signer_title, "", "", sk->signer_name, nip};
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        const char *cells[X_TO_POS + 1] = {0};
        cells[X_TO_POS] = rows[i];
        xlsx_book_line(b, XLSX_TEXT, cells, X_TO_POS + 1);
    }
}

/* The plan's CSV (as export plan --format csv) as the first sheet; false
 * with the reason in err when the CSV could not be made (a failure of the
 * workbook is the book's to tell, at xlsx_book_close). */
static bool xlsx_plan_sheet(xlsx_book *b, const struct ops_plan_view *v, char *err, size_t len)
{
    FILE *tmp = tmpfile();
    if (!tmp) {
        snprintf(err, len, _("cannot make a temporary file: %s"), strerror(errno));
        return false;
    }
    cli_plan_show_csv(v, tmp);
    csv_reader *r = fflush(tmp) == 0 ? csv_open_fd(fileno(tmp), "plan", err, len) : NULL;
    if (!r && !err[0])
        snprintf(err, len, "%s", strerror(errno));
    if (r) {
        xlsx_book_table(b, r, "plan");
        csv_close(r);
    }
    fclose(tmp);
    return r != NULL;
}

static int export_xlsx(struct ops *o, uint32_t id, const char *path, struct ops_err *e)
{
    struct ops_plan_view v;
    struct ops_annex a;
    int rc = ops_plan_annex(o, id, "xlsx", &a, e);     /* access checked, audited */
    if (rc != OPS_OK)
        return rc;
    if ((rc = ops_plan_show(o, id, &v, e)) != OPS_OK) {
        ops_annex_free(&a);
        return rc;
    }
    char err[512] = "";
    xlsx_book *b = xlsx_book_new(path, stdout, err, sizeof err);
    bool made = b && xlsx_plan_sheet(b, &v, err, sizeof err);
    if (made) {
        xlsx_book_document(b, "annex", x_width, X_COLS);
        xlsx_heading(b, &a.plan);
        xlsx_table(b, &a);
        xlsx_signature(b, &a.plan.sk);
    }
    int closed = b ? xlsx_book_close(b, made ? err : NULL, sizeof err) : -1;
    rc = made && closed == 0 ? OPS_OK : ops_fail(e, "%s", err);
    ops_plan_view_free(&v);
    ops_annex_free(&a);
    return rc;
}

int cli_export_plan(const struct ops_env *env, const char *id_text, const char *format,
                    const char *path)
{
    char *end;
    errno = 0;
    unsigned long long id = id_text ? strtoull(id_text, &end, 10) : 0;
    if (!id_text || *id_text < '0' || *id_text > '9' || *end || errno || id == 0 ||
        id > UINT32_MAX)
        return cli_usage_error(env, "export", "%s", _("export plan needs a plan ID"));
    struct ops o;
    struct ops_err e;
    if (cli_open(&o, env, OPS_WRITE) != EXIT_OK)
        return EXIT_REFUSED;
    apply_language(&o);
    signal(SIGPIPE, SIG_IGN);   /* | head: the export is still audited */
    int rc = strcmp(format, "xlsx") == 0 ? export_xlsx(&o, (uint32_t)id, path, &e)
           : strcmp(format, "csv") == 0  ? export_csv(&o, (uint32_t)id, &e)
                                         : export_text(&o, (uint32_t)id, &e);
    if (rc != OPS_OK)
        cli_error("%s", e.msg);
    ops_close(&o);
    return rc == OPS_OK ? EXIT_OK : EXIT_REFUSED;
}
