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
/* Where column c of a row is for messages: the field's line and number,
 * or the row's line and the column's number when the row is short. */
unsigned import_col_where(const struct import_header *h, const struct csv_row *row,
                          enum import_col c, unsigned *line);
/* As import_problem_add, with a problem already made (its counts and
 * the cap of IMPORT_PROBLEMS_KEPT alike). */
void import_problem_copy(struct import_problems *ps, const struct import_problem *p);
/* SHA-256 of len bytes as 64 hex digits; false when OpenSSL fails. */
bool import_sha256_hex(const char *data, size_t len, char out[65]);

/* --- pass 1 of staff on two threads (import_pipe.c) -----------------------
 * A reader thread parses and converts the rows (csv_next,
 * import_staff_row_ex: pure, no database), a batch at a time, a few
 * batches ahead; the caller's thread takes the batches in file order and
 * does what needs the database (references, the bulk load). Each row
 * brings its conversion problems in the order they were found, so that
 * the caller adds them to its list exactly as one thread would have.
 *
 * Usage:
 *     import_pipe *p = import_pipe_start(r, &h, today, memo, true, NULL);   NULL: no memory
 *     for (int rc = 1; rc == 1;) {
 *         const struct pipe_batch *b = import_pipe_next(p);
 *         ... b->row[0 .. b->n), their problems in b->ps in row order ...
 *         rc = b->rc;
 *         import_pipe_done(p, b);
 *     }
 *     import_pipe_end(p, sha);     also to stop early; after it, r is the caller's
 * Until import_pipe_end, r, h and memo belong to the reader thread. */
enum { PIPE_AT_NIP, PIPE_AT_UNIT, PIPE_AT_POSITION, PIPE_AT_DISCIPLINE_UNTIL, PIPE_AT_COUNT };
struct pipe_row {
    struct staff s;
    size_t offset;              /* csv_tell before the row */
    unsigned line;
    unsigned row_line;          /* the line of its first field */
    unsigned nprob;             /* its conversion problems */
    int errors;                 /* conversion errors: 0 = s is good */
    void *prep;                 /* what pipe_prep made of s (when good) */
    struct {
        unsigned line, col;     /* import_col_where */
    } at[PIPE_AT_COUNT];
};
struct pipe_batch {
    struct pipe_row *row;
    size_t n;
    struct import_problems ps;  /* the rows' problems, row after row */
    int rc;                     /* 1: rows follow; 0: the file ended; -1:
                                 * malformed (csv_error after import_pipe_end) */
    size_t offset;              /* bytes read after this batch (progress) */
};
typedef struct import_pipe import_pipe;
/* hash: also hash the file (csv_data) once it is read. prep (NULL: none)
 * is run on each good row's record (import_set_prepare), its result at
 * the row's prep. */
struct pipe_prep {
    import_prepare_fn fn;
    void *ctx;
    size_t size;
    import_ahead_fn ahead;      /* NULL: none */
};
import_pipe *import_pipe_start(csv_reader *r, const struct import_header *h, mdate today,
                               struct import_memo *memo, bool hash, const struct pipe_prep *prep);
/* The next batch in file order (waits for it); not again after one
 * whose rc is not 1. */
const struct pipe_batch *import_pipe_next(import_pipe *p);
void import_pipe_done(import_pipe *p, const struct pipe_batch *b);
/* Stops the reader (at once when rows are left) and frees p. True when
 * the file was hashed into sha (SHA-256, hex; only when asked to: on a
 * thread of its own from the start, whether the pass ran to the end or
 * not). */
bool import_pipe_end(import_pipe *p, char sha[65]);

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
