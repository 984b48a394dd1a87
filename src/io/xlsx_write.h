/* Writing an export as an xlsx workbook (libxlsxwriter). Only io/ writes
 * xlsx.
 *
 * The exports are defined once, as CSV (io/export.h, the workload table):
 * an xlsx export is that CSV, read back and written as the one sheet of a
 * workbook, so the columns, the vocabulary and the neutralising of text
 * that looks like a formula (a leading ', see csv_neutralise) are the
 * CSV's to the byte. What the workbook adds:
 * - text cells formatted as Text (@), so a NIP or code typed later in the
 *   column stays text;
 * - the date columns (birth_date, post_since, pns_since, discipline_until,
 *   since, tmt) as real date cells shown dd/mm/yyyy;
 * - the number columns (workload_minutes, need, existing, gap, ej) as
 *   numbers;
 * - a bold header row, frozen; column widths fitted to the longest value
 *   (at most 60 characters).
 * Rows are streamed (libxlsxwriter's constant_memory mode), so a million
 * staff need no million rows in memory.
 *
 * Usage:
 *     csv_reader *r = csv_open_fd(fd_of_the_csv_export, "staff", err, n);
 *     if (xlsx_write_table(r, "staff.xlsx", "staff", err, n) != 0) report err;
 *     csv_close(r); */
#ifndef MUTASI_IO_XLSX_WRITE_H
#define MUTASI_IO_XLSX_WRITE_H
#include <stddef.h>
#include <stdio.h>
#include "io/csv.h"

/* Writes every row of r (the header first) to a new workbook at path,
 * replacing it. 0, or -1 with a message in err. */
int xlsx_write_table(csv_reader *r, const char *path, const char *sheet, char *err,
                     size_t errlen);
/* The same to a stream (stdout): a zip is written with seeks, so the
 * workbook is made in a temporary file under $TMPDIR and copied. */
int xlsx_write_table_to(csv_reader *r, FILE *out, const char *sheet, char *err,
                        size_t errlen);
#endif
