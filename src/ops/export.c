/* Export of units, positions and staff: the records stream from one read
 * transaction into a writer of the chosen format, and the export is
 * written to the audit log (personal data left the database), even when
 * the output stopped half-way. */
#include <errno.h>
#include <stdio.h>
#include "core/i18n.h"
#include <string.h>
#include "io/csv.h"
#include "io/export.h"
#include "io/xlsx_write.h"
#include "ops/access.h"
#include "ops/ops.h"

/* A format's writer: CSV and text stream through io/export; xlsx is the
 * CSV written to a temporary file and made a workbook afterwards
 * (ops_export). Another format is one more case here and in
 * format_name. */
struct walk {
    struct export_shape shape;
    exporter *x;
    size_t rows;
};

static exporter *writer_begin(struct walk *w, FILE *out)
{
    switch (w->shape.format) {
    case EXPORT_CSV:
    case EXPORT_TEXT:
        return export_begin(out, &w->shape);
    }
    return NULL;
}

static int shape_unit(const struct unit *u, void *ctx)
{
    export_shape_unit(&((struct walk *)ctx)->shape, u);
    return 0;
}

static int shape_position(const struct position *p, void *ctx)
{
    export_shape_position(&((struct walk *)ctx)->shape, p);
    return 0;
}

static int shape_staff(const struct staff *s, void *ctx)
{
    export_shape_staff(&((struct walk *)ctx)->shape, s);
    return 0;
}

static int row_unit(const struct unit *u, void *ctx)
{
    struct walk *w = ctx;
    export_unit_row(w->x, u);
    w->rows++;
    return export_failed(w->x);     /* stop walking once nobody reads */
}

static int row_position(const struct position *p, void *ctx)
{
    struct walk *w = ctx;
    export_position_row(w->x, p);
    w->rows++;
    return export_failed(w->x);
}

static int row_staff(const struct staff *s, void *ctx)
{
    struct walk *w = ctx;
    export_staff_row(w->x, s);
    w->rows++;
    return export_failed(w->x);
}

/* Every record of the kind through shape (text widths, skp years) or row. */
static int walk_records(stxn *t, enum import_kind kind, bool rows, struct walk *w)
{
    if (kind == IMPORT_UNITS)
        return store_each_unit(t, rows ? row_unit : shape_unit, w);
    if (kind == IMPORT_POSITIONS)
        return store_each_position(t, rows ? row_position : shape_position, w);
    return store_each_staff(t, NULL, rows ? row_staff : shape_staff, w);
}

/* Two walks in one read transaction: the shape, then the rows. Units and
 * positions in CSV need no first walk. Returns 0, -1 when writing failed
 * (errno set), or STORE_ERROR when reading did (*read_failed). */
static int write_export(stxn *t, struct ops_export *x, struct walk *w, bool *read_failed)
{
    bool shape_needed = w->shape.format == EXPORT_TEXT || x->kind == IMPORT_STAFF;
    *read_failed = shape_needed && walk_records(t, x->kind, false, w) < 0;
    if (*read_failed)
        return STORE_ERROR;
    if (!(w->x = writer_begin(w, x->out)))
        return -1;
    *read_failed = walk_records(t, x->kind, true, w) < 0;
    int rc = export_end(w->x);
    return *read_failed ? STORE_ERROR : rc;
}

static const char *format_name(const struct ops_export *x)
{
    return x->xlsx ? "xlsx" : x->format == EXPORT_CSV ? "csv" : "text";
}

int ops_csv_to_xlsx(FILE *csv, const char *sheet, const char *path, FILE *out,
                    struct ops_err *e)
{
    char err[512] = "";
    csv_reader *r = fflush(csv) == 0 ? csv_open_fd(fileno(csv), sheet, err, sizeof err) : NULL;
    if (!r)
        return ops_fail(e, "%s", err[0] ? err : strerror(errno));
    int rc = path ? xlsx_write_table(r, path, sheet, err, sizeof err)
                  : xlsx_write_table_to(r, out, sheet, err, sizeof err);
    csv_close(r);
    return rc == 0 ? OPS_OK : ops_fail(e, "%s", err);
}

int ops_export(struct ops *o, struct ops_export *x, struct ops_err *e)
{
    x->rows = 0;
    x->write_errno = 0;
    /* Staff records are personal data; units and positions are not. */
    enum ops_do what = x->kind == IMPORT_STAFF ? OPS_DO_EXPORT_PERSONAL : OPS_DO_EXPORT_RECORDS;
    if (ops_require(o, what, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    struct walk w = {0};
    export_shape_init(&w.shape, x->kind, x->xlsx ? EXPORT_CSV : x->format);
    struct ops_export rows = *x;
    rows.format = w.shape.format;
    rows.out = x->xlsx ? tmpfile() : x->out;
    bool read_failed = false;
    int rc = rows.out ? write_export(t, &rows, &w, &read_failed) : -1;
    int werr = errno;
    store_read_end(t);
    x->rows = w.rows;
    if (rc == -1 && !read_failed)
        x->write_errno = werr ? werr : EIO;
    struct ops_err xe;
    bool xlsx_failed = x->xlsx && rc == 0 &&
                       ops_csv_to_xlsx(rows.out, import_kind_name(x->kind), x->path, x->out,
                                       &xe) != OPS_OK;
    if (x->xlsx && rows.out)
        fclose(rows.out);
    char action[48], after[64];
    snprintf(action, sizeof action, "export %s", import_kind_name(x->kind));
    snprintf(after, sizeof after, "%zu rows, %s", w.rows, format_name(x));
    /* Recorded even when writing failed half-way: some rows may have left. */
    if (ops_audit_note(o, action, import_kind_name(x->kind), "", after, e) != OPS_OK)
        return OPS_REFUSED;
    if (read_failed)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    if (xlsx_failed)
        return ops_fail(e, "%s", xe.msg);
    return OPS_OK;
}
