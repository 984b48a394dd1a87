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
 * A workbook of several sheets (the plan and its decree annex) is an
 * xlsx_book: table sheets as above, and document sheets, which are laid
 * out row by row (a title, lines of text, a table head, table rows; every
 * cell text, table cells wrapped and neutralised like CSV text).
 *
 * Usage:
 *     csv_reader *r = csv_open_fd(fd_of_the_csv_export, "staff", err, n);
 *     if (xlsx_write_table(r, "staff.xlsx", "staff", err, n) != 0) report err;
 *     csv_close(r);
 *
 *     xlsx_book *b = xlsx_book_new(path_or_NULL, stdout, err, n);
 *     xlsx_book_table(b, r, "plan");
 *     xlsx_book_document(b, "annex", widths, ncols);
 *     xlsx_book_line(b, XLSX_TITLE, (const char *[]){"ANNEX"}, 1);
 *     if (xlsx_book_close(b, err, n) != 0) report err;   // always frees b */
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

typedef struct xlsx_book xlsx_book;
/* A new workbook at path (replaced), or, path NULL, one that
 * xlsx_book_close copies to out. NULL with a message in err. */
xlsx_book *xlsx_book_new(const char *path, FILE *out, char *err, size_t errlen);
/* A sheet of every row of r, as xlsx_write_table writes it. 0 or -1 (the
 * reason comes from xlsx_book_close). */
int xlsx_book_table(xlsx_book *b, csv_reader *r, const char *sheet);
/* A document sheet with ncols columns of the given widths (characters). */
int xlsx_book_document(xlsx_book *b, const char *sheet, const double *widths, unsigned ncols);
enum xlsx_line { XLSX_TITLE, XLSX_TEXT, XLSX_HEAD, XLSX_BODY };
/* The next row of the document sheet: cells from column A; NULL or ""
 * leaves a cell empty, n == 0 a blank row. */
void xlsx_book_line(xlsx_book *b, enum xlsx_line kind, const char *const *cells, unsigned n);
/* Writes the workbook out and frees b: 0, or -1 with the first failure in
 * err. */
int xlsx_book_close(xlsx_book *b, char *err, size_t errlen);
#endif
