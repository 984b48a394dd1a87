/* libFuzzer target: the xlsx reader (io/xlsx_read.h). An input that starts
 * with "PK" is read as the archive itself (libzip's parsing of a damaged
 * zip); any other input is split at NUL bytes into the sheet, the shared
 * strings and the styles, which are zipped in memory into a workbook, so
 * that the fuzzer spends its time on the XML the reader interprets.
 * Besides "no crash, no undefined behaviour, no read outside the input":
 *   - every row number is 1..XLSX_MAX_ROWS and ascending, every cell's
 *     column 1..XLSX_MAX_COLS and ascending within its row, every cell
 *     non-empty and readable;
 *   - an error (-1) comes with a message;
 *   - reading the sheet twice gives the same rows. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "io/xlsx_read.h"
#include "../unit/zipmem.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

struct tally {
    unsigned rows, last_row;
    uint64_t sum;               /* of every byte and position seen */
};

static int check_row(void *ctx, unsigned row, const struct xlsx_cell *c, unsigned n)
{
    struct tally *t = ctx;
    CHECK(row >= 1 && row <= XLSX_MAX_ROWS && row > t->last_row && n >= 1);
    unsigned last_col = 0;
    for (unsigned i = 0; i < n; i++) {
        CHECK(c[i].col >= 1 && c[i].col <= XLSX_MAX_COLS && c[i].col > last_col);
        CHECK(c[i].len > 0 && c[i].p != NULL);
        for (size_t k = 0; k < c[i].len; k++)
            t->sum = t->sum * 31 + (unsigned char)c[i].p[k];    /* ASan: readable */
        t->sum += c[i].col;
        last_col = c[i].col;
    }
    t->last_row = row;
    t->rows++;
    return 0;
}

static void read_twice(const char *zip, size_t len)
{
    char err[512];
    xlsx_reader *r = xlsx_open_mem(zip, len, err, sizeof err);
    if (!r) {
        CHECK(err[0] != '\0');
        return;
    }
    struct tally a = {0}, b = {0};
    int ra = xlsx_each_row(r, check_row, &a);
    if (ra < 0)
        CHECK(xlsx_error(r)[0] != '\0');
    int rb = xlsx_each_row(r, check_row, &b);
    CHECK(ra == rb && a.rows == b.rows && a.sum == b.sum);
    xlsx_close(r);
}

/* The next NUL-separated piece of the input, as a C string. */
static char *piece(const uint8_t **p, const uint8_t *end)
{
    const uint8_t *nul = memchr(*p, 0, (size_t)(end - *p));
    size_t len = (size_t)((nul ? nul : end) - *p);
    char *s = malloc(len + 1);
    CHECK(s);
    memcpy(s, *p, len);
    s[len] = '\0';
    *p = nul ? nul + 1 : end;
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
        read_twice((const char *)data, size);
        return 0;
    }
    const uint8_t *p = data, *end = data + size;
    char *sheet = piece(&p, end), *shared = piece(&p, end), *styles = piece(&p, end);
    size_t len;
    char *zip = zipmem_workbook(sheet, shared[0] ? shared : NULL, styles[0] ? styles : NULL,
                                NULL, &len);
    if (zip)
        read_twice(zip, len);
    free(zip);
    free(sheet);
    free(shared);
    free(styles);
    return 0;
}
