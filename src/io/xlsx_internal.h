/* Shared by the halves of the xlsx reader: xlsx_read.c (the archive, the
 * workbook, its styles and shared strings) and xlsx_sheet.c (the sheet's
 * rows); not for callers outside them. */
#ifndef MUTASI_IO_XLSX_INTERNAL_H
#define MUTASI_IO_XLSX_INTERNAL_H
#include <stdbool.h>
#include <stddef.h>
#include <expat.h>
#include <zip.h>
#include "io/xlsx_read.h"

/* Excel's limit is 32,767 characters a cell: 4 bytes each at most. */
#define CELL_TEXT_MAX (32767u * 4)

/* Growable text, NUL-terminated. */
struct text {
    char *p;
    size_t len, cap;
};
/* Appends n bytes; false past limit bytes or out of memory. */
bool xlsx_text_add(struct text *t, const char *s, size_t n, size_t limit);

struct xlsx_reader {
    zip_t *zip;
    char sheet_name[128];
    char sheet_part[300];
    bool date1904;
    bool *xf_date;              /* per cell style (cellXfs index): a date format */
    size_t nxf, capxf;
    unsigned *date_fmts;        /* custom number formats that show dates */
    size_t ndate_fmts;
    struct text sst;            /* shared strings, one after another */
    size_t *sst_off;            /* n + 1 offsets into sst */
    size_t nsst, capsst;
    char err[512];
};

/* Keeps the first failure's message (xlsx_error tells it). */
void xlsx_fail(xlsx_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "x:row" -> "row": some writers prefix the main namespace. A loop, not
 * strrchr: it runs for every tag and attribute of the sheet, whose names
 * are a few bytes long. */
static inline const char *xlsx_local(const char *name)
{
    const char *n = name;
    for (; *name; name++)
        if (*name == ':')
            n = name + 1;
    return n;
}
/* The value of the attribute of that local name, or NULL. */
const char *xlsx_attr(const char **atts, const char *name);

/* One part of the archive being parsed; handlers get it as user data
 * (first member of their own state). */
struct part {
    xlsx_reader *r;
    XML_Parser xp;
    const char *name;
    int stop;                   /* a handler's reason to stop: -1 error, else fn's value */
};
/* Stops the parse; xlsx_parse_part returns why (-1 error, else a row
 * function's value). */
void xlsx_stop_part(struct part *p, int why);
/* Parses the part; missing is what to return when it does not exist
 * (0: optional, -1: required). limit caps the inflated size. */
int xlsx_parse_part(xlsx_reader *r, const char *name, struct part *p,
                    XML_StartElementHandler start, XML_EndElementHandler end,
                    XML_CharacterDataHandler chars, int missing, size_t limit);
#endif
