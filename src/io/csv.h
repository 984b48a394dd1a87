/* CSV reading and writing (RFC 4180 with the dialects spreadsheets in
 * Indonesia produce). Only io/ reads or writes CSV.
 *
 * Reader: the whole input is mapped (or copied) once; rows are handed out
 * as arrays of fields that point into that buffer, so there is no
 * allocation per field or per row. A UTF-8 BOM is skipped; the delimiter
 * (',' or ';') is the one used more often in the header line outside
 * quotes; lines end in LF or CRLF; quoted fields may hold the delimiter,
 * newlines and "" (one quote). Unquoted fields are trimmed of spaces and
 * tabs at both ends; quoted fields are kept exactly.
 *
 * Writer: buffered, comma delimited, LF line ends, quotes a field only
 * when it has to. Formula neutralisation (see csv_neutralise) is the
 * caller's choice per field. */
#ifndef MUTASI_IO_CSV_H
#define MUTASI_IO_CSV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct csv_field {
    const char *p;          /* not NUL-terminated */
    size_t len;
    unsigned line;          /* 1-based physical line where the field starts */
    unsigned col;           /* 1-based field number in its row */
    unsigned byte_col;      /* 1-based byte offset of the field in its line */
    bool quoted;
    size_t scratch_off_;    /* internal: where an unescaped field was copied */
};

struct csv_row {
    struct csv_field *f;    /* owned by the reader, valid until the next call */
    unsigned n;
    unsigned line;          /* line of the row's first field */
};

typedef struct csv_reader csv_reader;

/* Maps the file read-only. Quoted fields holding "" are unescaped into a
 * scratch buffer owned by the reader, so the input is never modified and
 * can be read again after csv_rewind. NULL on failure with a message
 * (strerror) in err. Non-regular files are read whole. */
csv_reader *csv_open_file(const char *path, char *err, size_t errlen);
/* The same from an open descriptor, read from its start (the caller closes
 * it; the mapping outlives it). name is for messages. */
csv_reader *csv_open_fd(int fd, const char *name, char *err, size_t errlen);
/* Reads from a copy of data (for tests and small inputs). */
csv_reader *csv_open_mem(const char *data, size_t len);
void csv_close(csv_reader *r);

/* The detected delimiter (',' or ';'). */
char csv_delimiter(const csv_reader *r);
/* Input size in bytes and bytes consumed so far (for progress). */
size_t csv_size(const csv_reader *r);
size_t csv_offset(const csv_reader *r);
/* Starts again at the first row (the header). */
void csv_rewind(csv_reader *r);
/* Where the next row starts, and going back there later (offset and line
 * as csv_tell gave them): for reading rows in another order. */
void csv_tell(const csv_reader *r, size_t *offset, unsigned *line);
void csv_seek(csv_reader *r, size_t offset, unsigned line);
/* The whole input as read (BOM included), e.g. for a checksum. */
const char *csv_data(const csv_reader *r, size_t *len);

/* Next row: 1 = a row in *row, 0 = end of input, -1 = malformed input
 * (csv_error() says where and why; reading cannot go on). Blank lines
 * (nothing but optional spaces) are skipped. */
int csv_next(csv_reader *r, struct csv_row *row);
/* After -1: line, field number and a translated reason (which names the
 * byte column). */
const char *csv_error(const csv_reader *r, unsigned *line, unsigned *col);

/* --- writer --------------------------------------------------------- */
typedef struct csv_writer csv_writer;

csv_writer *csv_writer_new(FILE *out);
/* True once a write has failed (e.g. EPIPE): the caller may stop. */
bool csv_writer_failed(const csv_writer *w);
/* Flushes; returns 0, or -1 when any write failed (errno kept). */
int csv_writer_free(csv_writer *w);
/* Appends one field to the current row, quoting it when it holds a comma,
 * a quote, CR, LF, or leading/trailing spaces or tabs (which the reader
 * would trim). */
void csv_put(csv_writer *w, const char *s, size_t len);
void csv_put_str(csv_writer *w, const char *s);
/* As csv_put_str, but neutralised: see csv_neutralise. For text cells. */
void csv_put_text(csv_writer *w, const char *s);
void csv_put_int(csv_writer *w, long long v);
/* The cell csv_put_text writes for s (len bytes), into out (2 * len + 4
 * bytes), without a separator; returns its length. For a writer that
 * builds whole rows itself. */
size_t csv_format_text(char *out, const char *s, size_t len);
void csv_end_row(csv_writer *w);

/* Formula neutralisation. A text cell that starts with = + - or @ (after
 * any number of leading single quotes) gets one more ' in front, unless
 * it is a negative number such as -5 or -2.5. So "=SUM(A1)" is written
 * "'=SUM(A1)", "-x" "'-x", "'=x" "''=x", and "-5" stays. csv_unneutralise
 * is the exact inverse that import applies to text columns: a leading '
 * followed by more quotes and then one of = + - @ is removed, anything
 * else is kept. */
bool csv_needs_neutralising(const char *s, size_t len);
/* Returns the length of the value with the prefix removed (*s advanced). */
size_t csv_unneutralise(const char **s, size_t len);
#endif
