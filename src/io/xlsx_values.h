/* The pure half of the xlsx reader: how a cell's number becomes the text
 * the importer reads (io/xlsx_read.h says what comes out); for io/ only. */
#ifndef MUTASI_IO_XLSX_VALUES_H
#define MUTASI_IO_XLSX_VALUES_H
#include <stdbool.h>
#include <stddef.h>

/* A custom number format code that shows a date ("DD/MM/YYYY"). */
bool xlsx_format_is_date(const char *code);
/* A built-in number format id that shows a date (14-17, 22). */
bool xlsx_builtin_date(unsigned id);
/* A date serial ("24799", "24799.75") as YYYY-MM-DD, 1900 or 1904 system. */
bool xlsx_serial_to_date(const char *v, bool date1904, char out[11]);
/* "1.2E+4", "12000.0" -> "12000" for whole numbers of at most 15 digits. */
bool xlsx_integral_number(const char *v, char *out, size_t outlen);
#endif
