/* Reading the first (or a named) sheet of an xlsx workbook (Office Open
 * XML, as Excel, LibreOffice, openpyxl and libxlsxwriter write it), row by
 * row. Only io/ reads xlsx.
 *
 * Usage:
 *     char err[512];
 *     xlsx_reader *r = xlsx_open_file("staff.xlsx", err, sizeof err);
 *     if (!r) { report err; }
 *     rc = xlsx_each_row(r, on_row, ctx);   // on_row(ctx, row, cells, n)
 *     if (rc < 0) { report xlsx_error(r); }
 *     xlsx_close(r);
 *
 * Streaming: the sheet is inflated and parsed (expat) 64 KB at a time, one
 * row's cells in memory at once; only the shared strings table (which the
 * cells point into by number) is held whole, as one text arena.
 *
 * Cell values are handed out as text, as the spreadsheet shows them
 * without formatting:
 * - shared, inline and formula-result strings: the text itself (rich text
 *   runs joined, phonetic runs left out);
 * - numbers in a cell with a date format (built-in 14-17 and 22, or a
 *   custom format with d or y outside quotes and brackets): the date
 *   serial as "YYYY-MM-DD" (1900 date system with its phantom 29 Feb 1900,
 *   or 1904 when the workbook says so); the time of day is dropped;
 * - other numbers: as written in the file, except that an integral value
 *   of at most 15 digits loses its exponent or its ".0" ("1.2E+4" ->
 *   "12000"); a longer one ("1.96711231990031E+17") stays as it is, so the
 *   caller can see that a spreadsheet rounded it;
 * - booleans "TRUE"/"FALSE"; error cells their code ("#N/A").
 * Cells without a value are left out. Nothing is trimmed. */
#ifndef MUTASI_IO_XLSX_READ_H
#define MUTASI_IO_XLSX_READ_H
#include <stdbool.h>
#include <stddef.h>

/* The first bytes of a zip archive ("PK\3\4"): an xlsx file, or some other
 * zip, never a CSV. */
bool xlsx_is_zip(const void *head, size_t len);

struct xlsx_cell {
    const char *p;              /* not NUL-terminated; valid during the call */
    size_t len;
    unsigned col;               /* 1-based: A = 1 */
};
/* One row with at least one value; cells ascending by column. Non-zero
 * stops the reading and is returned by xlsx_each_row. */
typedef int (*xlsx_row_fn)(void *ctx, unsigned row, const struct xlsx_cell *cells,
                           unsigned n);

typedef struct xlsx_reader xlsx_reader;
/* Opens the archive and reads the workbook, its styles and shared
 * strings. NULL with a translated message in err when the file is not a
 * readable workbook. */
xlsx_reader *xlsx_open_file(const char *path, char *err, size_t errlen);
/* The same for the sheet of that name (NULL: the first). */
xlsx_reader *xlsx_open_sheet(const char *path, const char *sheet, char *err, size_t errlen);
/* The same from memory (tests, fuzzing); data must outlive the reader. */
xlsx_reader *xlsx_open_mem(const void *data, size_t len, char *err, size_t errlen);
void xlsx_close(xlsx_reader *r);
/* Name of the sheet read (the first of the workbook). */
const char *xlsx_sheet_name(const xlsx_reader *r);
/* Reads the sheet from the start: 0 at its end, -1 when it is damaged
 * (xlsx_error says where), else what fn returned. */
int xlsx_each_row(xlsx_reader *r, xlsx_row_fn fn, void *ctx);
const char *xlsx_error(const xlsx_reader *r);

/* "D14" for row 14, column 4; out holds at least 16 bytes. */
void xlsx_cell_name(unsigned row, unsigned col, char *out, size_t len);
/* Limits of the format (Excel 2007 and later). */
#define XLSX_MAX_ROWS 1048576u
#define XLSX_MAX_COLS 16384u
#endif
