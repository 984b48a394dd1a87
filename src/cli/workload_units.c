/* mutasi workload [UNIT] --by unit: the table by unit from the stored unit
 * tree (ops_workload_units), with no pass over the units or positions: the
 * text form walks the tree twice in one read transaction (the columns'
 * widths and the total, then the rows), the CSV form once. The output is
 * that of the roll-up (workload.c's table by unit) byte for byte: both
 * write it with workload_table.h. */
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/workload_table.h"
#include "core/i18n.h"
#include "core/workload.h"
#include "io/csv.h"
#include "io/export.h"

struct unit_table {
    FILE *out;
    csv_writer *cw;              /* the CSV form; NULL: text */
    bool csv_headed;             /* its header is out: written before the first row, */
                                 /* so an unknown unit prints none (as the roll-up) */
    const struct policy *p;
    struct wl_table t;           /* the text form's columns */
    struct wl_row total;         /* of the subtree's roots */
};

static int measure_unit(const struct store_tree_row *r, void *ctx)
{
    struct unit_table *u = ctx;
    wl_table_fit_key(&u->t, WL_COL_KEY1, 2 * r->depth + (int)text_width(r->code));
    wl_table_fit(&u->t, &r->row);
    u->t.named |= r->name[0] != '\0';
    if (r->depth == 0)
        wl_row_add(&u->total, &r->row);
    return 0;
}

static int write_unit(const struct store_tree_row *r, void *ctx)
{
    struct unit_table *u = ctx;
    if (u->cw) {
        if (!u->csv_headed)
            wl_table_csv_header(u->cw, true);
        u->csv_headed = true;
        csv_put_text(u->cw, r->code);
        wl_table_csv_figures(u->cw, &r->row, u->p);
    } else {
        wl_table_row(&u->t, u->out, 2 * r->depth, r->code, NULL, &r->row, r->name);
    }
    return ferror(u->out) ? 1 : 0;
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
    } else {
        wl_table_init(&u->t, u->p, true);
        if ((r = ops_workload_units_each(w, unit, measure_unit, u, &e)) != OPS_OK)
            return cli_report(&e);
        wl_table_fit(&u->t, &u->total);
        wl_table_header(&u->t, u->out);
    }
    r = ops_workload_units_each(w, unit, write_unit, u, &e);
    if (r == OPS_REFUSED)
        return cli_report(&e);
    if (r == OPS_OK && !csv)
        wl_table_row(&u->t, u->out, 0, _("total"), NULL, &u->total, NULL);
    return EXIT_OK;
}

int cli_workload_units(struct ops *o, const char *unit, bool csv, FILE *out)
{
    struct ops_wl_units w;
    struct ops_err e;
    int rc;
    if (ops_workload_units_open(o, &w, OPS_WLU_PROBLEMS, &e) != OPS_OK)
        return cli_report(&e);
    if (!w.kept) {
        ops_workload_units_close(&w);
        return CLI_WORKLOAD_ROLL_UP;
    }
    cli_workload_warn(&w.problems);
    /* fewer, larger writes: a pipe's buffer would be a page */
    static char buf[1 << 16];
    setvbuf(out, buf, _IOFBF, sizeof buf);
    struct unit_table u = {.out = out, .p = ops_policy(o)};
    rc = write_units(&w, unit, &u, csv);
    bool failed = (csv && !u.cw) || (u.cw && csv_writer_free(u.cw) != 0);
    ops_workload_units_close(&w);
    if (rc == EXIT_OK && (failed || fflush(out) != 0 || ferror(out))) {
        cli_error(_("could not write the table"));
        rc = EXIT_REFUSED;
    }
    return rc;
}
