/* mutasi workload [UNIT] [--by unit|district|job_family] [--format csv|text]
 * and mutasi export workload: the ABK table of a subtree, a row per
 * position (or per group), aligned text or CSV. */
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/workload.h"
#include "io/csv.h"

/* ---- loading ----------------------------------------------------------- */

struct wl_data {
    struct workload *w;
};

static void cli_workload_data_free(struct wl_data *d)
{
    workload_free(d->w);
    d->w = NULL;
}

/* The roll-up, with a warning for whatever it had to leave out; grouped
 * tables need only the stored aggregates (no pass over the positions). */
static int cli_workload_data_load(struct ops *o, struct wl_data *d, bool grouped)
{
    struct ops_err e;
    struct wl_problems pr;
    d->w = grouped ? ops_workload_summary(o, &pr, &e) : ops_workload_load(o, &pr, &e);
    if (!d->w)
        return cli_report(&e);
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
    return EXIT_OK;
}

/* ---- output ------------------------------------------------------------ */

enum { COL_KEY1, COL_KEY2, COL_WORKLOAD, COL_NEED, COL_EXISTING, COL_GAP, COL_EJ,
       COL_GRADE, COL_NAME, NCOLS };

struct table_row {
    char key1[NAME_SIZE + 64];       /* unit code, or the group (indented) */
    const char *key2;                /* position code; NULL with --by */
    struct wl_row row;
    /* text form: "position name, unit name", or the unit's name with
     * --by unit; "" where there is none (district, job family) */
    char name[2 * NAME_SIZE + 4];
};

static void numbers(const struct wl_row *r, const struct policy *p, char out[][24])
{
    snprintf(out[0], 24, "%lld", (long long)r->workload_minutes);
    snprintf(out[1], 24, "%lld", (long long)r->need);
    snprintf(out[2], 24, "%lld", (long long)r->existing);
    snprintf(out[3], 24, "%lld", (long long)wl_gap(r));
    wl_format_ej(r, p, out[4]);
    snprintf(out[5], 24, "%s", wl_grade_name(wl_grade(r, p)));
}

static void write_csv(FILE *out, const struct table_row *rows, size_t n, bool grouped,
                      const struct policy *p, int *failed)
{
    csv_writer *cw = csv_writer_new(out);
    if (!cw) {
        *failed = 1;
        return;
    }
    if (grouped) {
        csv_put_str(cw, "group");
    } else {
        csv_put_str(cw, "unit");
        csv_put_str(cw, "position");
    }
    static const char *const cols[] = {"workload_minutes", "need", "existing", "gap",
                                       "ej", "grade"};
    for (size_t i = 0; i < 6; i++)
        csv_put_str(cw, cols[i]);
    csv_end_row(cw);
    for (size_t i = 0; i < n; i++) {
        const struct wl_row *r = &rows[i].row;
        char ej[24];
        csv_put_text(cw, rows[i].key1);
        if (!grouped)
            csv_put_text(cw, rows[i].key2);
        csv_put_int(cw, r->workload_minutes);
        csv_put_int(cw, r->need);
        csv_put_int(cw, r->existing);
        csv_put_int(cw, wl_gap(r));
        wl_format_ej(r, p, ej);
        csv_put_str(cw, ej);
        csv_put_str(cw, wl_grade_name(wl_grade(r, p)));
        csv_end_row(cw);
    }
    if (csv_writer_free(cw) != 0)
        *failed = 1;
}

/* Display width in characters (UTF-8 code points): names may carry them. */
static int width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* A line of the text table being built; written without trailing spaces. */
struct line {
    char buf[1024];
    size_t len;
};

static void put(struct line *l, const char *s, int w, bool right)
{
    int fill = w - width(s);
    size_t n = strlen(s);
    if (l->len + n + (fill > 0 ? (size_t)fill : 0) + 3 > sizeof l->buf)
        return;
    if (l->len)
        l->buf[l->len++] = ' ', l->buf[l->len++] = ' ';
    for (int i = 0; right && i < fill; i++)
        l->buf[l->len++] = ' ';
    memcpy(l->buf + l->len, s, n);
    l->len += n;
    for (int i = 0; !right && i < fill; i++)
        l->buf[l->len++] = ' ';
}

static void put_line(FILE *out, struct line *l)
{
    while (l->len > 0 && l->buf[l->len - 1] == ' ')
        l->len--;
    l->buf[l->len++] = '\n';
    fwrite(l->buf, 1, l->len, out);
    l->len = 0;
}

static void write_text(FILE *out, const struct table_row *rows, size_t n, bool grouped,
                       const struct wl_row *total, const struct policy *p)
{
    const char *head[NCOLS] = {grouped ? _("GROUP") : _("UNIT"), _("POSITION"),
                               _("WORKLOAD"), _("NEED"), _("EXISTING"), _("GAP"),
                               _("EJ"), _("GRADE"), _("NAME")};
    int w[NCOLS];
    for (int c = 0; c < NCOLS; c++)
        w[c] = width(head[c]);
    char num[6][24];
    for (size_t i = 0; i <= n; i++) {
        const struct wl_row *r = i < n ? &rows[i].row : total;
        const char *k1 = i < n ? rows[i].key1 : _("total");
        if (width(k1) > w[COL_KEY1])
            w[COL_KEY1] = width(k1);
        if (!grouped && i < n && width(rows[i].key2) > w[COL_KEY2])
            w[COL_KEY2] = width(rows[i].key2);
        numbers(r, p, num);
        for (int c = 0; c < 6; c++)
            if (width(num[c]) > w[COL_WORKLOAD + c])
                w[COL_WORKLOAD + c] = width(num[c]);
    }
    bool named = false;
    for (size_t i = 0; i < n && !named; i++)
        named = rows[i].name[0] != '\0';
    struct line l = {.len = 0};
    for (int c = 0; c < NCOLS; c++)
        if (!(grouped && c == COL_KEY2) && (named || c != COL_NAME))
            put(&l, head[c], w[c], c >= COL_WORKLOAD && c < COL_GRADE);
    put_line(out, &l);
    for (size_t i = 0; i <= n; i++) {
        const struct wl_row *r = i < n ? &rows[i].row : total;
        numbers(r, p, num);
        put(&l, i < n ? rows[i].key1 : _("total"), w[COL_KEY1], false);
        if (!grouped)
            put(&l, i < n ? rows[i].key2 : "", w[COL_KEY2], false);
        for (int c = 0; c < 6; c++)
            put(&l, num[c], w[COL_WORKLOAD + c], c < 5);
        if (named && i < n)
            put(&l, rows[i].name, 0, false);
        put_line(out, &l);
    }
}

/* Rows of the table for a subtree: a position each, or a group each. */
static size_t build_rows(const struct wl_data *d, long root, int by, bool grouped,
                         struct table_row **out, struct wl_row *total)
{
    memset(total, 0, sizeof *total);
    *out = NULL;
    if (!grouped) {
        size_t *idx;
        size_t n = workload_positions_in(d->w, root, &idx);
        if (!idx)
            return 0;
        struct table_row *rows = calloc(n ? n : 1, sizeof *rows);
        for (size_t i = 0; rows && i < n; i++) {
            snprintf(rows[i].key1, sizeof rows[i].key1, "%s",
                     workload_position_unit_code(d->w, idx[i]));
            rows[i].key2 = workload_position_code(d->w, idx[i]);
            rows[i].row = *workload_position_row(d->w, idx[i]);
            wl_row_add(total, &rows[i].row);
        }
        free(idx);
        *out = rows;
        return rows ? n : 0;
    }
    struct wl_group *g;
    size_t n = workload_group(d->w, root, by, &g);
    if (!g)
        return 0;
    struct table_row *rows = calloc(n ? n : 1, sizeof *rows);
    for (size_t i = 0; rows && i < n; i++) {
        /* the tree shows through indentation in text; CSV gets the code */
        snprintf(rows[i].key1, sizeof rows[i].key1, "%s", g[i].name);
        rows[i].row = g[i].row;
        if (by != WL_BY_UNIT)
            wl_row_add(total, &g[i].row);
    }
    if (by == WL_BY_UNIT) {
        /* the subtree's total is its root's figures (or the sum of roots) */
        for (size_t i = 0; i < n; i++)
            if (g[i].depth == g[0].depth)
                wl_row_add(total, &g[i].row);
    }
    free(g);
    *out = rows;
    return rows ? n : 0;
}

/* The names beside the codes of the text form, read in one go. */
static void name_rows(struct ops *o, struct table_row *rows, size_t n, int by)
{
    const char **pos = calloc(n ? n : 1, sizeof *pos);
    const char **unit = calloc(n ? n : 1, sizeof *unit);
    struct ops_place_names *names = calloc(n ? n : 1, sizeof *names);
    struct ops_err e;
    if (pos && unit && names) {
        for (size_t i = 0; i < n; i++) {
            pos[i] = rows[i].key2;
            unit[i] = rows[i].key1;
        }
        if (ops_place_names(o, n, pos, unit, names, &e) == OPS_OK)
            for (size_t i = 0; i < n; i++) {
                if (by < 0 && names[i].position[0])
                    snprintf(rows[i].name, sizeof rows[i].name, "%s, %s", names[i].position,
                             names[i].unit);
                else
                    snprintf(rows[i].name, sizeof rows[i].name, "%s", names[i].unit);
            }
    }
    free(pos);
    free(unit);
    free(names);
}

static void indent_units(struct table_row *rows, size_t n, const struct wl_data *d)
{
    int base = -1;
    for (size_t i = 0; i < n; i++) {
        long u = workload_unit_index(d->w, rows[i].key1);
        int depth = u >= 0 ? workload_unit_depth(d->w, (size_t)u) : 0;
        if (base < 0)
            base = depth;          /* the subtree's root starts at the margin */
        char tmp[sizeof rows[i].key1];
        snprintf(tmp, sizeof tmp, "%*s%s", 2 * (depth - base), "", rows[i].key1);
        memcpy(rows[i].key1, tmp, sizeof tmp);
    }
}

static int run_table(const struct ops_env *env, const char *unit, int by, bool csv,
                     FILE *out)
{
    struct ops o;
    struct wl_data d;
    int rc = cli_open(&o, env, OPS_READ);
    if (rc != EXIT_OK)
        return rc;
    struct policy p = *ops_policy(&o);
    rc = cli_workload_data_load(&o, &d, by >= 0);
    if (rc != EXIT_OK) {
        ops_close(&o);
        return rc;
    }
    long root = -1;
    if (unit) {
        root = workload_unit_index(d.w, unit);
        if (root < 0) {
            ops_close(&o);
            cli_error(_("no unit with code \"%s\""), unit);
            cli_workload_data_free(&d);
            return EXIT_REFUSED;
        }
    }
    bool grouped = by >= 0;
    struct table_row *rows;
    struct wl_row total;
    size_t n = build_rows(&d, root, by, grouped, &rows, &total);
    /* CSV keeps codes only; the text form reads better with names */
    if (rows && !csv && (by < 0 || by == WL_BY_UNIT))
        name_rows(&o, rows, n, by);
    ops_close(&o);
    int failed = rows == NULL;
    if (!failed) {
        if (csv) {
            write_csv(out, rows, n, grouped, &p, &failed);
        } else {
            if (by == WL_BY_UNIT)
                indent_units(rows, n, &d);
            write_text(out, rows, n, grouped, &total, &p);
        }
    }
    free(rows);
    cli_workload_data_free(&d);
    if (failed || fflush(out) != 0 || ferror(out)) {
        cli_error(_("could not write the table"));
        return EXIT_REFUSED;
    }
    return EXIT_OK;
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
