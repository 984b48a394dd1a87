/* Export of the audit log (`mutasi export audit`): every entry, oldest
 * first (the chain's order: each entry's prev_hash is the row above's
 * hash), streamed from one read transaction; then the export itself is
 * written to the log. The log names people and who did what to them, so
 * it is for the roles that may read the log and export personal data
 * (ops/access.h: admin and users.yaml's `export:` roles).
 *
 * The columns of CSV and text: io/export_audit.h.
 *
 * Usage:
 *     struct ops_export_audit x = {.format = EXPORT_CSV, .out = f};
 *     if (ops_export_audit(o, &x, &e) != OPS_OK) ... e.msg ...
 *     if (x.write_errno == EPIPE) ... the reader went away ... */
#ifndef MUTASI_OPS_EXPORT_AUDIT_H
#define MUTASI_OPS_EXPORT_AUDIT_H
#include <stdio.h>
#include "ops/ops.h"

struct ops_export_audit {
    int format;               /* enum export_format: EXPORT_CSV or EXPORT_TEXT */
    FILE *out;                /* where the rows go, as they are read (path NULL) */
    const char *path;         /* else the file to write, opened (with the user's
                               * rights) once the user may export */
    size_t rows;              /* out: entries written */
    int write_errno;          /* out: 0, or errno of the failed write (EPIPE: the
                               * reader went away) */
};
/* Refused when the user may not read the log or export personal data
 * (path is then not touched), when path cannot be opened, when the log
 * cannot be read, or when the export's own audit entry
 * cannot be written (needs a session opened for writing). A failed write
 * is not a refusal: OPS_OK with write_errno set, and the export is in the
 * log with the rows that left. */
int ops_export_audit(struct ops *o, struct ops_export_audit *x, struct ops_err *e);
#endif
