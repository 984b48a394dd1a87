/* Shared by the two halves of the importer (import_row.c converts rows,
 * import.c runs the passes); not for callers outside io/. */
#ifndef MUTASI_IO_IMPORT_INTERNAL_H
#define MUTASI_IO_IMPORT_INTERNAL_H
#include <stdbool.h>
#include <stdint.h>
#include "io/import.h"

/* A column's words repeat row after row ("PNS", "baik", "S-1"): a small
 * direct-mapped cache per column of texts already parsed and their values
 * spares most parser calls (the vocabularies have a few dozen spellings). */
#define MEMO_TEXT 22
#define MEMO_SLOTS 32
struct vocab_memo {
    bool used;
    unsigned char len;
    char text[MEMO_TEXT];
    int value;
};
struct import_memo {
    struct vocab_memo col[COL_COUNT + IMPORT_SKP_COLS][MEMO_SLOTS];
};

/* As import_unit_row etc., with two more choices: validate is false in
 * pass 2, which converts rows pass 1 already validated (the same bytes
 * give the same record); memo may be NULL. */
int import_unit_row_ex(const struct import_header *h, const struct csv_row *row,
                       struct unit *u, struct import_problems *ps, bool validate,
                       struct import_memo *memo);
int import_position_row_ex(const struct import_header *h, const struct csv_row *row,
                           struct position *p, struct import_problems *ps, bool validate,
                           struct import_memo *memo);
int import_staff_row_ex(const struct import_header *h, const struct csv_row *row,
                        mdate today, struct staff *s, struct import_problems *ps,
                        bool validate, struct import_memo *memo);
struct preference;
int import_preference_row_ex(const struct import_header *h, const struct csv_row *row,
                             struct preference *p, struct import_problems *ps, bool validate,
                             struct import_memo *memo);
/* --- xlsx (import_xlsx.c) ------------------------------------------------ */
struct import_xlsx {
    char sheet[128];            /* the sheet read */
    char sha[65];               /* SHA-256 of the workbook file */
    uint32_t *row_of_line;      /* spool line - 1 -> sheet row */
    size_t nlines, caplines;
};
/* Copies the first sheet of the workbook at path into an unnamed
 * temporary CSV file and opens that; NULL with a message naming path. */
csv_reader *import_xlsx_spool(const char *path, struct import_xlsx *info, char *err,
                              size_t errlen);
void import_xlsx_free(struct import_xlsx *info);
/* The sheet row of a spool line. */
unsigned import_xlsx_row(const struct import_xlsx *info, unsigned line);
/* "Sheet1!D14" for a spool line and field number. */
void import_xlsx_where(const struct import_xlsx *info, unsigned line, unsigned col,
                       char *buf, size_t len);
#endif
