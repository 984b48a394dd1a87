/* Export of the audit log (contract in export_audit.h): the access check,
 * the walks over the log in one read transaction, and the export's own
 * audit entry; io/export_audit writes the rows. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "io/export_audit.h"
#include "ops/access.h"
#include "ops/export_audit.h"

struct walk {
    struct audit_shape shape;
    audit_exporter *x;
    size_t rows;
};

static int shape_entry(const struct audit_entry *a, void *ctx)
{
    audit_shape_entry(&((struct walk *)ctx)->shape, a);
    return 0;
}

static int row_entry(const struct audit_entry *a, void *ctx)
{
    struct walk *w = ctx;
    audit_export_row(w->x, a);
    w->rows++;
    return audit_export_failed(w->x);   /* stop walking once nobody reads */
}

enum written { WRITTEN, WRITE_FAILED /* errno set */, READ_FAILED };

/* Text needs a first walk for the column widths; CSV does not. */
static enum written write_log(stxn *t, FILE *out, struct walk *w)
{
    if (w->shape.format == EXPORT_TEXT && store_each_audit(t, false, shape_entry, w) < 0)
        return READ_FAILED;
    if (!(w->x = audit_export_begin(out, &w->shape)))
        return WRITE_FAILED;
    int r = store_each_audit(t, false, row_entry, w);
    int rc = audit_export_end(w->x);
    return r < 0 ? READ_FAILED : rc ? WRITE_FAILED : WRITTEN;
}

int ops_export_audit(struct ops *o, struct ops_export_audit *x, struct ops_err *e)
{
    x->rows = 0;
    x->write_errno = 0;
    if (ops_require(o, OPS_DO_AUDIT, NULL, e) != OPS_OK ||
        ops_require(o, OPS_DO_EXPORT_PERSONAL, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    FILE *file = NULL;
    if (x->path && !(file = fopen(x->path, "w")))
        return ops_fail(e, "%s: %s", x->path, strerror(errno));
    stxn *t = ops_read_begin(o, e);
    if (!t) {
        if (file)
            fclose(file);
        return OPS_REFUSED;
    }
    struct walk w = {0};
    audit_shape_init(&w.shape, (enum export_format)x->format);
    errno = 0;
    enum written rc = write_log(t, file ? file : x->out, &w);
    int werr = errno;
    store_read_end(t);
    if (file && fclose(file) != 0 && rc == WRITTEN) {
        rc = WRITE_FAILED;
        werr = errno;
    }
    x->rows = w.rows;
    if (rc == WRITE_FAILED)
        x->write_errno = werr ? werr : EIO;
    char after[64];
    snprintf(after, sizeof after, "%zu rows, %s", w.rows,
             x->format == EXPORT_CSV ? "csv" : "text");
    /* Recorded even when writing failed half-way: some rows may have left. */
    if (ops_audit_note(o, "export audit", "audit", "", after, e) != OPS_OK)
        return OPS_REFUSED;
    if (rc == READ_FAILED)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    return OPS_OK;
}
