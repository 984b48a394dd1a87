/* Import from an xlsx workbook: its first sheet is copied, streaming, into
 * an unnamed temporary CSV file that the CSV importer then reads like any
 * other, so the row rules, references, duplicates and the two passes (pass
 * 2 seeks rows in NIP order, which an inflated zip stream cannot) exist
 * once. What stays xlsx-specific is where a problem is: each line of the
 * spool file remembers its sheet row, and a field number is the sheet
 * column (every row is written from column A). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include "core/hex.h"
#include "core/grow.h"
#include "core/i18n.h"
#include "io/import_internal.h"
#include "io/xlsx_read.h"

struct spool {
    FILE *out;
    struct import_xlsx *info;
    unsigned width;             /* columns of the header row; 0 before it */
    unsigned line;              /* lines written */
    bool failed;
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* A cell's text without the blanks around it (a CSV reader trims unquoted
 * fields the same way; spreadsheets are full of stray spaces). */
static void trim(const char **p, size_t *len)
{
    while (*len && is_blank(**p))
        (*p)++, (*len)--;
    while (*len && is_blank((*p)[*len - 1]))
        (*len)--;
}

static bool map_line(struct spool *sp, unsigned row)
{
    struct import_xlsx *x = sp->info;
    if (GROW_ROOM(x->row_of_line, x->caplines, x->nlines + 1, 4096) != 0)
        return false;
    x->row_of_line[x->nlines++] = row;
    sp->line++;
    return true;
}

static unsigned count_newlines(const char *p, size_t len)
{
    unsigned n = 0;
    for (const char *q = p, *end = p + len; (q = memchr(q, '\n', (size_t)(end - q))); q++)
        n++;
    return n;
}

/* Every non-empty field quoted, so the text comes back exactly and a ';'
 * in a header cell cannot change the delimiter the reader detects. Written
 * in runs between quotes (a quote is doubled), not a byte at a time. */
static unsigned put_field(FILE *out, const char *p, size_t len)
{
    if (!len)
        return 0;
    unsigned newlines = count_newlines(p, len);
    putc_unlocked('"', out);
    for (const char *end = p + len; p < end;) {
        const char *q = memchr(p, '"', (size_t)(end - p));
        size_t run = q ? (size_t)(q - p) + 1 : (size_t)(end - p);
        fwrite_unlocked(p, 1, run, out);
        if (q)
            putc_unlocked('"', out);
        p += run;
    }
    putc_unlocked('"', out);
    return newlines;
}

static int spool_row(void *ctx, unsigned row, const struct xlsx_cell *cells, unsigned n)
{
    struct spool *sp = ctx;
    unsigned last = 0;
    for (unsigned i = 0; i < n; i++) {
        const char *p = cells[i].p;
        size_t len = cells[i].len;
        trim(&p, &len);
        if (len)
            last = cells[i].col;
    }
    if (!last)
        return 0;               /* nothing but blanks: as a blank CSV line */
    if (!sp->width)
        sp->width = last;
    unsigned width = last > sp->width ? last : sp->width, newlines = 0, k = 0;
    for (unsigned col = 1; col <= width; col++) {
        if (col > 1)
            putc_unlocked(',', sp->out);
        if (k < n && cells[k].col == col) {
            const char *p = cells[k].p;
            size_t len = cells[k].len;
            trim(&p, &len);
            newlines += put_field(sp->out, p, len);
            k++;
        }
    }
    putc_unlocked('\n', sp->out);
    for (unsigned i = 0; i <= newlines; i++)
        if (!map_line(sp, row)) {
            sp->failed = true;
            return -1;
        }
    return ferror(sp->out) ? (sp->failed = true, -1) : 0;
}

/* SHA-256 of the workbook as the user gave it, for the audit log. */
static void hash_workbook(const char *path, char sha[65])
{
    FILE *f = fopen(path, "rb");
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    unsigned char buf[1 << 16], out[EVP_MAX_MD_SIZE];
    unsigned outlen = 0;
    sha[0] = '\0';
    if (f && md && EVP_DigestInit_ex(md, EVP_sha256(), NULL)) {
        size_t got;
        while ((got = fread(buf, 1, sizeof buf, f)) > 0)
            EVP_DigestUpdate(md, buf, got);
        if (!ferror(f) && EVP_DigestFinal_ex(md, out, &outlen))
            hex_encode(out, outlen < 32 ? outlen : 32, sha);
    }
    EVP_MD_CTX_free(md);
    if (f)
        fclose(f);
}

csv_reader *import_xlsx_spool(const char *path, struct import_xlsx *info, char *err,
                              size_t errlen)
{
    memset(info, 0, sizeof *info);
    xlsx_reader *xr = xlsx_open_file(path, err, errlen);
    if (!xr) {
        /* the reader's message lacks the file name */
        char why[512];
        snprintf(why, sizeof why, "%s", err);
        snprintf(err, errlen, "%s: %s", path, why);
        return NULL;
    }
    snprintf(info->sheet, sizeof info->sheet, "%s", xlsx_sheet_name(xr));
    FILE *out = tmpfile();
    struct spool sp = {out, info, 0, 0, false};
    int rc = out ? xlsx_each_row(xr, spool_row, &sp) : -1;
    csv_reader *r = NULL;
    if (!out)
        snprintf(err, errlen, _("%s: cannot make a temporary file: %s"), path, strerror(errno));
    else if (sp.failed)
        snprintf(err, errlen, _("%s: cannot write a temporary file: %s"), path,
                 errno ? strerror(errno) : _("out of memory"));
    else if (rc != 0)
        snprintf(err, errlen, "%s: %s", path, xlsx_error(xr));
    else if (fflush(out) != 0)
        snprintf(err, errlen, _("%s: cannot write a temporary file: %s"), path, strerror(errno));
    else
        r = csv_open_fd(fileno(out), path, err, errlen);
    if (out)
        fclose(out);            /* unnamed: gone once the mapping is */
    xlsx_close(xr);
    if (r)
        hash_workbook(path, info->sha);
    else
        import_xlsx_free(info);
    return r;
}

void import_xlsx_free(struct import_xlsx *info)
{
    free(info->row_of_line);
    info->row_of_line = NULL;
    info->nlines = info->caplines = 0;
}

unsigned import_xlsx_row(const struct import_xlsx *info, unsigned line)
{
    if (line >= 1 && line <= info->nlines)
        return info->row_of_line[line - 1];
    /* past the end ("no data rows" names line 2): the rows that follow */
    return info->nlines ? info->row_of_line[info->nlines - 1] + (line - (unsigned)info->nlines)
                        : line;
}

/* Sheet names with anything but letters, digits and _ are quoted, as a
 * spreadsheet writes them in a formula: 'Data Pegawai'!D14. */
void import_xlsx_where(const struct import_xlsx *info, unsigned line, unsigned col,
                       char *buf, size_t len)
{
    bool quote = false;
    for (const char *c = info->sheet; *c; c++)
        if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
              (*c >= '0' && *c <= '9') || *c == '_'))
            quote = true;
    char cell[16];
    xlsx_cell_name(import_xlsx_row(info, line), col ? col : 1, cell, sizeof cell);
    snprintf(buf, len, quote ? "'%s'!%s" : "%s!%s", info->sheet, cell);
}
