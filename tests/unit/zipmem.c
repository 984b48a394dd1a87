/* Test support: zip archives in memory (see zipmem.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "zipmem.h"

char *zipmem_build(const struct zip_part *parts, size_t n, size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    char *out = NULL;
    zip_error_fini(&ze);
    if (!za) {
        if (src)
            zip_source_free(src);
        return NULL;
    }
    zip_source_keep(src);
    for (size_t i = 0; i < n; i++) {
        zip_source_t *s = zip_source_buffer(za, parts[i].data, parts[i].len, 0);
        zip_int64_t idx = s ? zip_file_add(za, parts[i].name, s, ZIP_FL_OVERWRITE) : -1;
        if (idx < 0) {
            zip_source_free(s);
            continue;
        }
        zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    }
    if (zip_close(za) != 0) {
        zip_discard(za);
        zip_source_free(src);
        return NULL;
    }
    zip_stat_t st;
    if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
        out = malloc(st.size ? st.size : 1);
        if (out && zip_source_read(src, out, st.size) != (zip_int64_t)st.size) {
            free(out);
            out = NULL;
        }
        *len = st.size;
        zip_source_close(src);
    }
    zip_source_free(src);
    return out;
}

char *zipmem_workbook(const char *sheet_xml, const char *shared_xml, const char *styles_xml,
                      const char *workbook_pr, size_t *len)
{
    char book[512];
    snprintf(book, sizeof book,
             "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
             "%s<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId7\"/>"
             "<sheet name=\"Other\" sheetId=\"2\" r:id=\"rId8\"/></sheets></workbook>",
             workbook_pr ? workbook_pr : "");
    static const char rels[] =
        "<Relationships><Relationship Id=\"rId8\" Target=\"worksheets/other.xml\"/>"
        "<Relationship Id=\"rId7\" Target=\"worksheets/data.xml\"/></Relationships>";
    struct zip_part parts[5];
    size_t n = 0;
    parts[n++] = (struct zip_part){"xl/workbook.xml", book, strlen(book)};
    parts[n++] = (struct zip_part){"xl/_rels/workbook.xml.rels", rels, sizeof rels - 1};
    if (sheet_xml)
        parts[n++] = (struct zip_part){"xl/worksheets/data.xml", sheet_xml, strlen(sheet_xml)};
    if (shared_xml)
        parts[n++] = (struct zip_part){"xl/sharedStrings.xml", shared_xml, strlen(shared_xml)};
    if (styles_xml)
        parts[n++] = (struct zip_part){"xl/styles.xml", styles_xml, strlen(styles_xml)};
    return zipmem_build(parts, n, len);
}
