/* mutasi workload [UNIT] [--by unit|district|job_family] [--format csv|text]
 * and mutasi export workload: the ABK table of a subtree, a row per
 * position (or per group), aligned text or CSV. */
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/workload_table.h"
#include "core/grow.h"
#include "core/i18n.h"
#include "core/workload.h"
#include "io/csv.h"
#include "io/export.h"

/* ---- loading ----------------------------------------------------------- */

/* A warning for whatever the roll-up had to leave out. */
void cli_workload_warn(const struct wl_problems *p)
{
    const struct wl_problems pr = *p;
    if (pr.positions_without_unit)
        cli_warn(ngettext("%zu position belongs to no known unit and is left out",
                          "%zu positions belong to no known unit and are left out",
                          pr.positions_without_unit),
                 pr.positions_without_unit);
    if (pr.units_without_parent || pr.units_in_cycle)
        cli_warn(_("%zu units have an unknown parent and %zu sit in a parent cycle; "
                   "they are shown as separate trees"),
                 pr.units_without_parent, pr.units_in_cycle);
    if (pr.staff_without_position)
        cli_warn(ngettext("%zu person holds no known position and is not counted",
                          "%zu staff hold no known position and are not counted",
                          pr.staff_without_position),
                 pr.staff_without_position);
}

/* The summary, and the units' names (when asked for) by unit index, in
 * one buffer: taken as the summary reads the unit records. */
struct wl_data {
    struct workload *w;
    char *names;
    size_t len, cap;
    uint32_t *off;
    size_t n, noff;
    bool oom;
};

static void cli_workload_data_free(struct wl_data *d)
{
    workload_free(d->w);
    free(d->names);
    free(d->off);
    memset(d, 0, sizeof *d);
}

static int take_name(const struct unit *u, void *ctx)
{
    struct wl_data *d = ctx;
    size_t len = strnlen(u->name, NAME_SIZE - 1);
    if (d->oom || GROW_ROOM(d->off, d->noff, d->n + 1, 4096) != 0 ||
        GROW_ROOM(d->names, d->cap, d->len + len + 1, 4096) != 0 || d->len + len + 1 > UINT32_MAX) {
        d->oom = true;
        return 0;
    }
    d->off[d->n++] = (uint32_t)d->len;
    memcpy(d->names + d->len, u->name, len);
    d->names[d->len + len] = '\0';
    d->len += len + 1;
    return 0;
}

/* A unit's name; NULL when the names were not taken. */
static const char *unit_name(const struct wl_data *d, size_t unit)
{
    return d->names && !d->oom && d->n == workload_unit_count(d->w) ? d->names + d->off[unit]
                                                                     : NULL;
}

/* The roll-up from the stored aggregates (no pass over the positions),
 * with its warnings; with the units' names when names. */
static int cli_workload_data_load(struct ops *o, struct wl_data *d, bool names)
{
    struct ops_err e;
    struct wl_problems pr;
    struct ops_workload_tap tap = {take_name, NULL, d};
    memset(d, 0, sizeof *d);
    d->w = ops_workload_summary_tap(o, names ? &tap : NULL, &pr, &e);
    if (!d->w)
        return cli_report(&e);
    cli_workload_warn(&pr);
    return EXIT_OK;
}


/* ---- output ------------------------------------------------------------ */

/* A row of the grouped table; its strings belong to the group list or
 * the summary, which outlive it. */
struct table_row {
    const char *key;                 /* the group: a unit code, district, family */
    int indent;                      /* text form: the unit's depth in the tree, x 2 */
    const char *name;                /* text form: the unit's name; NULL: none */
    struct wl_row row;
};

static void write_csv(FILE *out, const struct table_row *rows, size_t n,
                      const struct policy *p, int *failed)
{
    csv_writer *cw = csv_writer_new(out);
    if (!cw) {
        *failed = 1;
        return;
    }
    wl_table_csv_header(cw, true);
    for (size_t i = 0; i < n; i++) {
        csv_put_text(cw, rows[i].key);
        wl_table_csv_figures(cw, &rows[i].row, p);
    }
    if (csv_writer_free(cw) != 0)
        *failed = 1;
}

static void write_text(FILE *out, const struct table_row *rows, size_t n,
                       const struct wl_row *total, const struct policy *p)
{
    struct wl_table t;
    wl_table_init(&t, p, true);
    for (size_t i = 0; i < n; i++) {
        wl_table_fit_key(&t, WL_COL_KEY1, rows[i].indent + (int)text_width(rows[i].key));
        wl_table_fit(&t, &rows[i].row);
    }
    wl_table_fit(&t, total);
    for (size_t i = 0; i < n && !t.named; i++)
        t.named = rows[i].name && rows[i].name[0] != '\0';
    wl_table_header(&t, out);
    for (size_t i = 0; i < n; i++)
        wl_table_row(&t, out, rows[i].indent, rows[i].key, NULL, &rows[i].row,
                     rows[i].name ? rows[i].name : "");
    wl_table_row(&t, out, 0, _("total"), NULL, total, NULL);
}

/* Rows of the grouped table: a group each (g outlives them); the total
 * is the sum of the groups. */
static struct table_row *group_rows(const struct wl_group *g, size_t n, struct wl_row *total)
{
    memset(total, 0, sizeof *total);
    struct table_row *rows = calloc(n ? n : 1, sizeof *rows);
    for (size_t i = 0; rows && i < n; i++) {
        rows[i] = (struct table_row){.key = g[i].name, .row = g[i].row};
        wl_row_add(total, &g[i].row);
    }
    return rows;
}

/* Rows of the units of a subtree in tree order, indented from the
 * subtree's root, with names when they were taken; the total is the sum
 * of the subtree's roots. */
static size_t unit_rows(const struct wl_data *d, long root, struct table_row **out,
                        struct wl_row *total)
{
    size_t *units;
    size_t n = workload_units_in(d->w, root, &units);
    memset(total, 0, sizeof *total);
    *out = units ? calloc(n ? n : 1, sizeof **out) : NULL;
    if (!*out) {
        free(units);
        return 0;
    }
    int base = n ? workload_unit_depth(d->w, units[0]) : 0;
    for (size_t i = 0; i < n; i++) {
        int depth = workload_unit_depth(d->w, units[i]);
        (*out)[i] = (struct table_row){workload_unit_code(d->w, units[i]), 2 * (depth - base),
                                       unit_name(d, units[i]),
                                       *workload_unit_row(d->w, units[i])};
        if (depth == base)
            wl_row_add(total, &(*out)[i].row);
    }
    free(units);
    return n;
}

/* ---- the per-position listing, streamed ---------------------------------- */

struct listing {
    FILE *out;
    csv_writer *cw;              /* the CSV form; NULL: text */
    struct wl_table cols;        /* the text form's */
    const struct policy *p;
    struct wl_row total;         /* of the rows written */
};

static int csv_line(const struct ops_wl_line *l, void *ctx)
{
    struct listing *s = ctx;
    csv_put_text(s->cw, l->unit);
    csv_put_text(s->cw, l->position->code);
    wl_table_csv_figures(s->cw, &l->row, s->p);
    wl_row_add(&s->total, &l->row);
    return ferror(s->out) ? 1 : 0;
}

static int text_line(const struct ops_wl_line *l, void *ctx)
{
    struct listing *s = ctx;
    char name[2 * NAME_SIZE + 4];
    size_t n = 0;
    if (l->position->name[0]) {
        n = strnlen(l->position->name, NAME_SIZE - 1);
        memcpy(name, l->position->name, n);
        name[n++] = ',', name[n++] = ' ';
    }
    size_t u = strnlen(l->unit_name, NAME_SIZE - 1);
    memcpy(name + n, l->unit_name, u);
    name[n + u] = '\0';
    wl_table_row(&s->cols, s->out, 0, l->unit, l->position->code, &l->row, name);
    wl_row_add(&s->total, &l->row);
    return ferror(s->out) ? 1 : 0;
}

/* The text form's widths before its first row, without reading the rows:
 * the codes' from the position index (ops_workload_listing_measure), the
 * figures' from the subtree's total (none is negative, so the total is
 * the widest of workload, need and existing), and for gap and EJ, which
 * a row can have wider than the total, room for "-99" and "9.99" (when
 * anyone holds a position). A wider value shifts the rest of its line. */
static int listing_cols(const struct ops_wl_listing *l, long root, struct wl_table *t,
                        const struct policy *p)
{
    struct ops_wl_measure m;
    struct ops_err e;
    struct wl_row total;
    if (ops_workload_listing_measure(l, root, &m, &e) != OPS_OK)
        return cli_report(&e);
    wl_table_init(t, p, false);
    t->named = m.positions > 0;
    wl_table_fit_key(t, WL_COL_KEY1, (int)m.longest_unit);
    wl_table_fit_key(t, WL_COL_KEY2, (int)m.longest_position);
    if (ops_workload_listing_total(l, root, &total, &e) != OPS_OK)
        return cli_report(&e);
    wl_table_fit(t, &total);
    wl_table_fit_key(t, WL_COL_GAP, 3);
    if (total.existing > 0)
        wl_table_fit_key(t, WL_COL_EJ, 4);
    return EXIT_OK;
}

static int run_listing(const struct ops_env *env, const char *unit, bool csv, FILE *out)
{
    struct ops o;
    struct ops_wl_listing l;
    struct ops_err e;
    int rc = cli_open(&o, env, OPS_READ);
    if (rc != EXIT_OK)
        return rc;
    if (ops_workload_listing_open(&o, &l, &e) != OPS_OK) {
        ops_close(&o);
        return cli_report(&e);
    }
    cli_workload_warn(&l.problems);
    long root = unit ? ops_workload_listing_unit(&l, unit) : -1;
    struct listing s = {.out = out, .p = ops_policy(&o)};
    if (unit && root < 0) {
        cli_error(_("no unit with code \"%s\""), unit);
        rc = EXIT_REFUSED;
    } else if (csv) {
        s.cw = csv_writer_new(out);
        rc = s.cw ? EXIT_OK : EXIT_REFUSED;
    } else {
        rc = listing_cols(&l, root, &s.cols, s.p);
    }
    int failed = rc != EXIT_OK;
    if (rc == EXIT_OK) {
        if (csv)
            wl_table_csv_header(s.cw, false);
        else
            wl_table_header(&s.cols, out);
        int r = ops_workload_listing_each(&l, root, !csv, csv ? csv_line : text_line, &s, &e);
        if (r == OPS_REFUSED)
            rc = cli_report(&e);
        failed = r != OPS_OK;
        if (!failed && !csv)
            wl_table_row(&s.cols, out, 0, _("total"), "", &s.total, NULL);
    }
    if (s.cw && csv_writer_free(s.cw) != 0)
        failed = 1;
    ops_workload_listing_close(&l);
    ops_close(&o);
    if (rc == EXIT_OK && (failed || fflush(out) != 0 || ferror(out))) {
        cli_error(_("could not write the table"));
        return EXIT_REFUSED;
    }
    return rc;
}

/* ---- the table --------------------------------------------------------- */

/* Writes the grouped table; EXIT_OK, or EXIT_REFUSED when it could not. */
static int write_table(FILE *out, const struct table_row *rows, size_t n,
                       const struct wl_row *total, const struct policy *p, bool csv)
{
    int failed = rows == NULL;
    if (!failed) {
        if (csv)
            write_csv(out, rows, n, p, &failed);
        else
            write_text(out, rows, n, total, p);
    }
    if (failed || fflush(out) != 0 || ferror(out)) {
        cli_error(_("could not write the table"));
        return EXIT_REFUSED;
    }
    return EXIT_OK;
}

/* The whole database by district or job family: the stored sums. */
static int run_groups(const struct ops_env *env, int by, bool csv, FILE *out)
{
    struct ops o;
    struct ops_err e;
    struct wl_problems pr;
    struct wl_group *g;
    size_t n;
    int rc = cli_open(&o, env, OPS_READ);
    if (rc != EXIT_OK)
        return rc;
    struct policy p = *ops_policy(&o);
    if (ops_workload_groups(&o, by, &g, &n, &pr, &e) != OPS_OK) {
        ops_close(&o);
        return cli_report(&e);
    }
    ops_close(&o);
    cli_workload_warn(&pr);
    struct wl_row total;
    struct table_row *rows = group_rows(g, n, &total);
    rc = write_table(out, rows, n, &total, &p, csv);
    free(rows);
    free(g);
    return rc;
}

static int run_table(const struct ops_env *env, const char *unit, int by, bool csv,
                     FILE *out)
{
    if (by < 0)
        return run_listing(env, unit, csv, out);
    if (!unit && by != WL_BY_UNIT)
        return run_groups(env, by, csv, out);
    struct ops o;
    struct wl_data d;
    int rc = cli_open(&o, env, OPS_READ);
    if (rc != EXIT_OK)
        return rc;
    if (by == WL_BY_UNIT && (rc = cli_workload_units(&o, unit, csv, out)) != CLI_WORKLOAD_ROLL_UP) {
        ops_close(&o);
        return rc;
    }
    struct policy p = *ops_policy(&o);
    /* CSV keeps codes only; the text form reads better with names */
    rc = cli_workload_data_load(&o, &d, !csv && by == WL_BY_UNIT);
    ops_close(&o);
    if (rc != EXIT_OK)
        return rc;
    long root = -1;
    if (unit) {
        root = workload_unit_index(d.w, unit);
        if (root < 0) {
            cli_error(_("no unit with code \"%s\""), unit);
            cli_workload_data_free(&d);
            return EXIT_REFUSED;
        }
    }
    struct table_row *rows = NULL;
    struct wl_group *g = NULL;
    struct wl_row total;
    size_t n;
    if (by == WL_BY_UNIT) {
        n = unit_rows(&d, root, &rows, &total);
    } else {
        n = workload_group(d.w, root, by, &g);
        rows = g ? group_rows(g, n, &total) : NULL;
    }
    rc = write_table(out, rows, n, &total, &p, csv);
    free(rows);
    free(g);
    cli_workload_data_free(&d);
    return rc;
}

int cli_export_workload(const struct ops_env *env, bool csv, FILE *out)
{
    return run_table(env, NULL, -1, csv, out);
}

static int parse_by(const char *s)
{
    if (strcmp(s, "unit") == 0)
        return WL_BY_UNIT;
    if (strcmp(s, "district") == 0)
        return WL_BY_DISTRICT;
    if (strcmp(s, "job_family") == 0 || strcmp(s, "job-family") == 0)
        return WL_BY_JOB_FAMILY;
    return -1;
}

int cli_workload(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("workload");
    const char *unit = NULL;
    int by = -1;
    bool csv = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = NULL;
        bool is_by = strncmp(a, "--by", 4) == 0 && (a[4] == '\0' || a[4] == '=');
        bool is_fmt = strncmp(a, "--format", 8) == 0 && (a[8] == '\0' || a[8] == '=');
        if (is_by || is_fmt) {
            size_t n = is_by ? 4 : 8;
            if (a[n] == '=')
                val = a + n + 1;
            else if (i + 1 < argc)
                val = argv[++i];
            else
                return cli_usage_error(env, "workload", _("%s needs a value"), a);
            if (is_by && (by = parse_by(val)) < 0)
                return cli_usage_error(env, "workload",
                                       _("--by must be unit, district or job_family, got \"%s\""),
                                       val);
            if (is_fmt) {
                if (strcmp(val, "csv") == 0)
                    csv = true;
                else if (strcmp(val, "text") == 0)
                    csv = false;
                else
                    return cli_usage_error(env, "workload",
                                           _("--format must be csv or text, got \"%s\""), val);
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            return cli_usage_error(env, "workload", _("unknown option \"%s\""), a);
        } else if (!unit) {
            unit = a;
        } else {
            return cli_usage_error(env, "workload", _("one unit at most, got \"%s\""), a);
        }
    }
    return run_table(env, unit, by, csv, stdout);
}
