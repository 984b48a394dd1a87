/* libFuzzer target: the CSV reader and writer (io/csv.h). Besides "no
 * crash, no undefined behaviour, no read outside the input", it checks:
 *   - every field lies inside the input or the reader's scratch space
 *     (its bytes are readable: ASan checks), with line >= 1 and col >= 1;
 *   - csv_error explains every -1;
 *   - a second pass after csv_rewind gives the same rows;
 *   - writing the rows with csv_writer and reading them back gives the same
 *     fields (when the first row has no ';', which would change the
 *     delimiter detected, and rows are not a lone empty field, which reads
 *     back as a blank line);
 *   - csv_unneutralise undoes the neutralisation of every field. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "io/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)
#define MAX_ROWS 256

/* The rows of one pass, fields copied out (they are valid only until the
 * next csv_next). */
struct table {
    unsigned nrows;
    unsigned nfields[MAX_ROWS];
    char *text[MAX_ROWS];        /* fields joined, each as len + bytes */
    size_t textlen[MAX_ROWS];
    int end;                     /* 0 end of input, -1 malformed, 1 cut */
    int semicolon_in_first;
    int bom_first;               /* the first field starts with a BOM */
};

static void table_free(struct table *t)
{
    for (unsigned i = 0; i < t->nrows; i++)
        free(t->text[i]);
    memset(t, 0, sizeof *t);
}

static void check_neutralise(const char *p, size_t len)
{
    char buf[512];
    if (len + 1 > sizeof buf)
        return;
    size_t n = 0;
    if (csv_needs_neutralising(p, len))
        buf[n++] = '\'';
    memcpy(buf + n, p, len);
    n += len;
    const char *s = buf;
    size_t back = csv_unneutralise(&s, n);
    CHECK(back == len && memcmp(s, p, len) == 0);
}

static void read_table(csv_reader *r, struct table *t)
{
    struct csv_row row;
    int rc;
    memset(t, 0, sizeof *t);
    while ((rc = csv_next(r, &row)) == 1) {
        if (t->nrows == MAX_ROWS) {
            t->end = 1;
            return;
        }
        size_t total = 0;
        for (unsigned i = 0; i < row.n; i++)
            total += sizeof(size_t) + row.f[i].len;
        char *buf = malloc(total ? total : 1), *q = buf;
        CHECK(buf);
        for (unsigned i = 0; i < row.n; i++) {
            const struct csv_field *f = &row.f[i];
            CHECK(f->line >= 1 && f->col == i + 1 && f->byte_col >= 1);
            CHECK(f->p != NULL || f->len == 0);
            memcpy(q, &f->len, sizeof f->len);
            q += sizeof f->len;
            if (f->len)
                memcpy(q, f->p, f->len);   /* ASan: the bytes must be readable */
            q += f->len;
            if (t->nrows == 0 && f->len && memchr(f->p, ';', f->len))
                t->semicolon_in_first = 1;
            if (t->nrows == 0 && i == 0 && f->len >= 3 && memcmp(f->p, "\xEF\xBB\xBF", 3) == 0)
                t->bom_first = 1;
            check_neutralise(f->p, f->len);
        }
        t->nfields[t->nrows] = row.n;
        t->text[t->nrows] = buf;
        t->textlen[t->nrows] = total;
        t->nrows++;
    }
    t->end = rc;
    if (rc == -1) {
        unsigned line = 0, col = 0;
        const char *why = csv_error(r, &line, &col);
        CHECK(why != NULL && *why && line >= 1);
    } else {
        CHECK(rc == 0);
    }
}

static int same_row(const struct table *a, unsigned i, const struct table *b, unsigned j)
{
    return a->nfields[i] == b->nfields[j] && a->textlen[i] == b->textlen[j] &&
           memcmp(a->text[i], b->text[j], a->textlen[i]) == 0;
}

/* Writes the rows of t and reads them back. */
static void check_round_trip(const struct table *t)
{
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    CHECK(f);
    csv_writer *w = csv_writer_new(f);
    for (unsigned i = 0; i < t->nrows; i++) {
        const char *q = t->text[i];
        for (unsigned k = 0; k < t->nfields[i]; k++) {
            size_t len;
            memcpy(&len, q, sizeof len);
            q += sizeof len;
            csv_put(w, q, len);
            q += len;
        }
        csv_end_row(w);
    }
    CHECK(csv_writer_free(w) == 0);
    fclose(f);
    csv_reader *r = csv_open_mem(out, outlen);
    CHECK(r);
    struct table back;
    read_table(r, &back);
    CHECK(back.end == 0);
    /* rows that are one empty field come back as nothing (a blank line) */
    unsigned j = 0;
    for (unsigned i = 0; i < t->nrows; i++) {
        if (t->nfields[i] == 1 && t->textlen[i] == sizeof(size_t))
            continue;
        CHECK(j < back.nrows && same_row(t, i, &back, j));
        j++;
    }
    CHECK(j == back.nrows);
    table_free(&back);
    csv_close(r);
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    csv_reader *r = csv_open_mem((const char *)data, size);
    if (!r)
        return 0;
    CHECK(csv_delimiter(r) == ',' || csv_delimiter(r) == ';');
    struct table first, second;
    read_table(r, &first);
    CHECK(csv_offset(r) <= csv_size(r));
    csv_rewind(r);
    read_table(r, &second);
    CHECK(first.end == second.end && first.nrows == second.nrows);
    for (unsigned i = 0; i < first.nrows; i++)
        CHECK(same_row(&first, i, &second, i));
    /* A first field that starts with a BOM would be read back as the BOM
     * of the file: left out of the round trip (no header starts so). */
    if (first.end == 0 && csv_delimiter(r) == ',' && !first.semicolon_in_first && !first.bom_first)
        check_round_trip(&first);
    table_free(&first);
    table_free(&second);
    csv_close(r);
    return 0;
}
