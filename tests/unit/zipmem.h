/* Test support: a zip archive built in memory (libzip), to hand-written
 * workbook parts to the xlsx reader without files. */
#ifndef MUTASI_TESTS_ZIPMEM_H
#define MUTASI_TESTS_ZIPMEM_H
#include <stddef.h>

struct zip_part {
    const char *name;
    const char *data;
    size_t len;
};
/* A stored (uncompressed) zip of the parts; malloc'd, NULL on failure. */
char *zipmem_build(const struct zip_part *parts, size_t n, size_t *len);
/* A workbook with one sheet "Data" whose parts are given (NULL: absent). */
char *zipmem_workbook(const char *sheet_xml, const char *shared_xml, const char *styles_xml,
                      const char *workbook_pr, size_t *len);
#endif
