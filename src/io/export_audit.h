/* The audit log written out: `mutasi export audit` as CSV or an aligned
 * text listing, and the audit verb's line per entry. io/ does not read
 * the database: the caller walks the log oldest first (the chain's order:
 * each entry's prev_hash is the row above's hash), for text twice, once
 * through audit_shape_entry (how wide the columns are) and once through
 * audit_export_row; nothing is kept in memory.
 *
 * CSV columns (header row; times ISO 8601 UTC, hashes 64 hex digits):
 *     number, time, user, action, object, plan, nip, before, after,
 *     prev_hash, hash, data_digest
 * plan and nip are read out of object ("plan 3 19860926...": 3 and the
 * NIP; empty where the object names none); data_digest is the entry's
 * digest of the data, "db:hex" joined by "|" (empty for entries written
 * before schema 2); text cells are neutralised (csv_put_text). Text:
 * number (right-aligned), time (as people read it, UTC), user, action,
 * object and "before -> after", each column padded to its widest value
 * (in characters) and two spaces. Controls in a field become spaces: one
 * entry is one line.
 *
 * Usage:
 *     struct audit_shape sh;
 *     audit_shape_init(&sh, EXPORT_TEXT);
 *     for each entry a: audit_shape_entry(&sh, a);       (text only)
 *     audit_exporter *x = audit_export_begin(out, &sh);
 *     for each entry a: audit_export_row(x, a); stop once audit_export_failed(x)
 *     if (audit_export_end(x) != 0) ... errno says why ... */
#ifndef MUTASI_IO_EXPORT_AUDIT_H
#define MUTASI_IO_EXPORT_AUDIT_H
#include <stdbool.h>
#include <stdio.h>
#include "core/record.h"
#include "io/export.h"

#define AUDIT_TEXT_COLS 5       /* number, time, user, action, object */
struct audit_shape {
    enum export_format format;
    unsigned width[AUDIT_TEXT_COLS];    /* text: characters per column */
};
/* Text: the widths of the headings. */
void audit_shape_init(struct audit_shape *sh, enum export_format format);
void audit_shape_entry(struct audit_shape *sh, const struct audit_entry *a);

typedef struct audit_exporter audit_exporter;
/* Writes the header (CSV) or the heading line (text); NULL when out of
 * memory. */
audit_exporter *audit_export_begin(FILE *out, const struct audit_shape *sh);
void audit_export_row(audit_exporter *x, const struct audit_entry *a);
/* True once writing has failed (a closed pipe, a full disk). */
bool audit_export_failed(const audit_exporter *x);
/* Flushes and frees; 0, or -1 when writing failed (errno set). */
int audit_export_end(audit_exporter *x);

/* The audit verb's line for one entry: number, ISO time (UTC), user,
 * action, object and "before -> after" (empty when both are), separated
 * by tabs. Returns false once writing to f has failed. */
bool audit_print_line(FILE *f, const struct audit_entry *a);
#endif
