/* mutasi workload [UNIT] --by unit: the table by unit from the stored unit
 * tree (ops_workload_units), with no pass over the units or positions and
 * one walk of the tree, its units read in place: the CSV form writes each
 * as it comes; so does the whole table's text form, its widths counted
 * beside the tree in the store (ops_workload_units_widths). A subtree's
 * text form, whose widths must be known before its first row, fits them
 * on the walk and keeps the units' places (ops_workload_units_views),
 * then writes the rows from those. At
 * national scale (570,000 units, 63 MB of text) a second walk cost more
 * than all the formatting. Rows are built in one large buffer, at places
 * fixed by the widths (wl_table_fast_line). The output is that of the
 * roll-up (workload.c's table by unit) byte for byte: both write it with
 * workload_table.h. */
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/workload_table.h"
#include "core/i18n.h"
#include "core/workload.h"
#include "io/csv.h"
#include "io/export.h"

/* Whole lines gathered into large writes. */
struct out_buf {
    FILE *out;
    size_t n;
    bool failed;
    char buf[1 << 18];
};

static void ob_flush(struct out_buf *b)
{
    if (b->n && fwrite(b->buf, 1, b->n, b->out) != b->n)
        b->failed = true;
    b->n = 0;
}

/* Room for a line of up to WL_LINE_MAX bytes at the end of the buffer. */
static char *ob_room(struct out_buf *b)
{
    if (sizeof b->buf - b->n < WL_LINE_MAX)
        ob_flush(b);
    return b->buf + b->n;
}

struct unit_table {
    struct out_buf *ob;
    bool csv, csv_headed;        /* the CSV header is out: written before the first */
                                 /* row, so an unknown unit prints none (as the roll-up) */
    const struct policy *p;
    struct wl_table t;           /* the text form's columns */
    struct wl_span span;         /* the extremes of its figures */
    struct wl_places pl;
    struct wl_row total;         /* of the subtree's roots */
};

static int measure_unit(const struct store_tree_view *v, void *ctx)
{
    struct unit_table *u = ctx;
    /* characters are at most bytes: count them only for a key that may be the widest */
    if (2 * v->depth + (int)v->code_len > u->t.w[WL_COL_KEY1])
        wl_table_fit_key(&u->t, WL_COL_KEY1, wl_key_width(v->depth, v->code, v->code_len));
    wl_span_add(&u->span, &v->row, u->p);
    u->t.named |= v->name_len > 0;
    if (v->depth == 0)
        wl_row_add(&u->total, &v->row);
    return 0;
}

/* A row the fixed places do not fit, as the roll-up writes it. */
static size_t unit_line_slowly(const struct unit_table *u, const struct store_tree_view *v,
                               char *out)
{
    char code[CODE_SIZE], name[NAME_SIZE];
    memcpy(code, v->code, v->code_len);
    code[v->code_len] = '\0';
    memcpy(name, v->name, v->name_len);
    name[v->name_len] = '\0';
    return wl_table_line(&u->t, out, 2 * v->depth, code, NULL, &v->row, name);
}

static void write_text_unit(struct unit_table *u, const struct store_tree_view *v)
{
    char *out = ob_room(u->ob);
    size_t n = wl_table_fast_line(&u->t, &u->pl, out, 2 * v->depth, v->code, v->code_len,
                                  &v->row, v->name, v->name_len);
    u->ob->n += n ? n : unit_line_slowly(u, v, out);
}

static int write_text_view(const struct store_tree_view *v, void *ctx)
{
    struct unit_table *u = ctx;
    write_text_unit(u, v);
    return u->ob->failed;
}

/* The header, the rows as the walk reaches them, the total: the widths
 * known before (w), as measure_unit and the total would fit them. */
static int write_text_streamed(const struct ops_wl_units *wu, const struct store_tree_widths *w,
                               struct unit_table *u)
{
    struct ops_err e;
    wl_table_init(&u->t, u->p, true);
    wl_table_fit_key(&u->t, WL_COL_KEY1, w->key);
    for (int i = 0; i < 4; i++)
        wl_table_fit_key(&u->t, WL_COL_WORKLOAD + i, w->figure[i]);
    wl_table_fit_ej(&u->t, w->ej);
    u->t.named = w->named;
    u->total = w->total;
    wl_table_fit(&u->t, &u->total);
    wl_table_places(&u->t, &u->pl);
    wl_table_header(&u->t, u->ob->out);
    int r = ops_workload_units_views(wu, NULL, write_text_view, u, NULL, &e);
    if (r == OPS_REFUSED)
        return cli_report(&e);
    char *out = ob_room(u->ob);
    u->ob->n += wl_table_line(&u->t, out, 0, _("total"), NULL, &u->total, NULL);
    return EXIT_OK;
}

static int write_csv_unit(const struct store_tree_view *v, void *ctx)
{
    struct unit_table *u = ctx;
    if (!u->csv_headed) {
        csv_writer *cw = csv_writer_new(u->ob->out);
        if (cw)
            wl_table_csv_header(cw, true);
        u->ob->failed |= !cw || csv_writer_free(cw) != 0;
        u->csv_headed = true;
    }
    u->ob->n += wl_table_csv_line(ob_room(u->ob), v->code, v->code_len, &v->row, u->p);
    return u->ob->failed;
}

static int write_csv(const struct ops_wl_units *w, const char *unit, struct unit_table *u)
{
    struct ops_err e;
    int r = ops_workload_units_views(w, unit, write_csv_unit, u, NULL, &e);
    return r == OPS_REFUSED ? cli_report(&e) : EXIT_OK;
}

static int write_text(const struct ops_wl_units *w, const char *unit, struct unit_table *u)
{
    struct ops_err e;
    store_tree_kept *kept = NULL;
    wl_table_init(&u->t, u->p, true);
    if (ops_workload_units_views(w, unit, measure_unit, u, &kept, &e) != OPS_OK)
        return cli_report(&e);
    wl_table_fit_span(&u->t, &u->span);
    wl_table_fit(&u->t, &u->total);
    wl_table_places(&u->t, &u->pl);
    wl_table_header(&u->t, u->ob->out);
    size_t n = store_tree_kept_count(kept);
    for (size_t i = 0; i < n && !u->ob->failed; i++) {
        struct store_tree_view v;
        store_tree_kept_view(kept, i, &v);
        write_text_unit(u, &v);
    }
    store_tree_kept_free(kept);
    char *out = ob_room(u->ob);
    u->ob->n += wl_table_line(&u->t, out, 0, _("total"), NULL, &u->total, NULL);
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
    static struct out_buf ob;
    ob.out = out, ob.n = 0, ob.failed = false;
    struct unit_table u = {.ob = &ob, .csv = csv, .p = ops_policy(o)};
    struct store_tree_widths widths;
    if (csv)
        rc = write_csv(&w, unit, &u);
    else if (!unit && ops_workload_units_widths(&w, &widths))
        rc = write_text_streamed(&w, &widths, &u);
    else
        rc = write_text(&w, unit, &u);
    ob_flush(&ob);
    ops_workload_units_close(&w);
    if (rc == EXIT_OK && (ob.failed || fflush(out) != 0 || ferror(out))) {
        cli_error(_("could not write the table"));
        rc = EXIT_REFUSED;
    }
    return rc;
}
