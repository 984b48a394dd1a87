/* Export of units, positions and staff as CSV (the columns of DESIGN.md,
 * canonical vocabulary, comma, LF, header row) or as an aligned text
 * listing. io/ does not read the database: the caller walks its records
 * twice, once through export_shape_* (which skp_<year> columns exist, how
 * wide the text columns are) and once through export_*_row.
 *
 * CSV: every text and code cell is neutralised (csv_put_text); staff rows
 * carry one skp_<year> column for every year present in the data, in
 * ascending order; positions always carry need (empty = from ABK) and
 * competencies; staff always carry competencies. Import reads all of it
 * back, so export -> import -> export is byte-identical.
 *
 * Text: one line per record, columns separated by two spaces and padded
 * to the widest value (counted in characters, not bytes); staff show the
 * NIP with spaces, name, rank, position and unit codes. */
#ifndef MUTASI_IO_EXPORT_H
#define MUTASI_IO_EXPORT_H
#include <stdbool.h>
#include <stdio.h>
#include "core/record.h"
#include "io/csv.h"
#include "io/import.h"

enum export_format { EXPORT_CSV, EXPORT_TEXT };
/* "csv" or "text"; -1 otherwise. */
int export_format_parse(const char *s);

#define EXPORT_MAX_YEARS 64
#define EXPORT_MAX_COLS 24
struct export_shape {
    enum import_kind kind;
    enum export_format format;
    unsigned nyears;                            /* skp years, ascending */
    unsigned short years[EXPORT_MAX_YEARS];
    unsigned width[EXPORT_MAX_COLS];            /* text: characters per column */
};
void export_shape_init(struct export_shape *sh, enum import_kind kind,
                       enum export_format format);
void export_shape_unit(struct export_shape *sh, const struct unit *u);
void export_shape_position(struct export_shape *sh, const struct position *p);
void export_shape_staff(struct export_shape *sh, const struct staff *s);

typedef struct exporter exporter;
/* Writes the header (CSV) or the heading line (text). */
exporter *export_begin(FILE *out, const struct export_shape *sh);
void export_unit_row(exporter *x, const struct unit *u);
void export_position_row(exporter *x, const struct position *p);
void export_staff_row(exporter *x, const struct staff *s);
/* True once writing has failed (a closed pipe, a full disk). */
bool export_failed(const exporter *x);
/* Flushes and frees; 0, or -1 when writing failed (errno set). */
int export_end(exporter *x);
/* The end of any export's writing (io/export_audit's too): frees w (NULL
 * when the format is not CSV) and flushes out; 0, or -1 when writing
 * failed (errno set). */
int export_writer_end(csv_writer *w, FILE *out);

/* Characters (UTF-8 code points) in s: the width used for alignment. */
unsigned text_width(const char *s);
#endif
