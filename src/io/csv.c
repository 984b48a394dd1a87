/* A small streaming RFC 4180 reader and writer. */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/i18n.h"
#include "io/csv.h"

struct csv_reader {
    const char *buf;        /* the input (read-only mapping or heap) */
    size_t size;
    bool mapped;
    size_t start;           /* first byte after the BOM */
    size_t pos;
    unsigned line;
    size_t line_start;      /* offset of the current line's first byte */
    char delim;
    struct csv_field *f;
    unsigned cap;
    char *scratch;          /* unescaped quoted fields of the current row */
    size_t scratch_len, scratch_cap;
    char err[160];
    unsigned err_line, err_col;
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* The delimiter used more often in the first line, outside quotes. */
static char detect_delimiter(const char *p, size_t n)
{
    size_t commas = 0, semis = 0;
    bool inq = false;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '"')
            inq = !inq;
        else if (!inq && c == '\n')
            break;
        else if (!inq && c == ',')
            commas++;
        else if (!inq && c == ';')
            semis++;
    }
    return semis > commas ? ';' : ',';
}

static csv_reader *reader_init(const char *buf, size_t size, bool mapped)
{
    csv_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->buf = buf;
    r->size = size;
    r->mapped = mapped;
    if (size >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        r->start = 3;
    r->delim = detect_delimiter(buf + r->start, size - r->start);
    csv_rewind(r);
    return r;
}

csv_reader *csv_open_mem(const char *data, size_t len)
{
    char *buf = malloc(len ? len : 1);
    if (!buf)
        return NULL;
    memcpy(buf, data, len);
    csv_reader *r = reader_init(buf, len, false);
    if (!r)
        free(buf);
    return r;
}

/* Reads a pipe or other non-regular file whole. */
static char *slurp(int fd, size_t *size)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb)
                break;
            buf = nb, cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            break;
        if (got == 0) {
            *size = n;
            return buf;
        }
        n += (size_t)got;
    }
    free(buf);
    return NULL;
}

csv_reader *csv_open_file(const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    csv_reader *r = csv_open_fd(fd, path, err, errlen);
    close(fd);
    return r;
}

csv_reader *csv_open_fd(int fd, const char *name, char *err, size_t errlen)
{
    struct stat st;
    if (fstat(fd, &st) != 0) {
        snprintf(err, errlen, "%s: %s", name, strerror(errno));
        return NULL;
    }
    char *buf = NULL;
    size_t size = 0;
    bool mapped = false;
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: %s", name, strerror(EISDIR));
        return NULL;
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        size = (size_t)st.st_size;
        buf = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (buf == MAP_FAILED) {
            snprintf(err, errlen, "%s: %s", name, strerror(errno));
            return NULL;
        }
        madvise((void *)buf, size, MADV_WILLNEED);
        mapped = true;
    } else {
        buf = slurp(fd, &size);
        if (!buf) {
            snprintf(err, errlen, "%s: %s", name, strerror(errno ? errno : ENOMEM));
            return NULL;
        }
    }
    csv_reader *r = reader_init(buf, size, mapped);
    if (!r) {
        snprintf(err, errlen, "%s: %s", name, strerror(ENOMEM));
        if (mapped)
            munmap(buf, size);
        else
            free(buf);
    }
    return r;
}

void csv_close(csv_reader *r)
{
    if (!r)
        return;
    if (r->mapped)
        munmap((void *)r->buf, r->size);
    else
        free((void *)r->buf);
    free(r->f);
    free(r->scratch);
    free(r);
}

char csv_delimiter(const csv_reader *r)
{
    return r->delim;
}

size_t csv_size(const csv_reader *r)
{
    return r->size;
}

size_t csv_offset(const csv_reader *r)
{
    return r->pos;
}

void csv_tell(const csv_reader *r, size_t *offset, unsigned *line)
{
    *offset = r->pos;
    *line = r->line;
}

void csv_seek(csv_reader *r, size_t offset, unsigned line)
{
    /* Offsets from csv_tell lie between rows, so at the start of a line. */
    r->pos = offset < r->start ? r->start : offset > r->size ? r->size : offset;
    r->line = line;
    r->line_start = r->pos;
    r->err[0] = '\0';
}

const char *csv_data(const csv_reader *r, size_t *len)
{
    *len = r->size;
    return r->buf;
}

void csv_rewind(csv_reader *r)
{
    r->pos = r->start;
    r->line = 1;
    r->line_start = 0;
    r->err[0] = '\0';
}

const char *csv_error(const csv_reader *r, unsigned *line, unsigned *col)
{
    if (line)
        *line = r->err_line;
    if (col)
        *col = r->err_col;
    return r->err;
}

static int fail(csv_reader *r, unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int fail(csv_reader *r, unsigned line, unsigned col, const char *fmt, ...)
{
    va_list ap;
    r->err_line = line;
    r->err_col = col;
    va_start(ap, fmt);
    vsnprintf(r->err, sizeof r->err, fmt, ap);
    va_end(ap);
    return -1;
}

static struct csv_field *new_field(csv_reader *r, struct csv_row *row)
{
    if (row->n == r->cap) {
        unsigned cap = r->cap ? r->cap * 2 : 32;
        struct csv_field *f = realloc(r->f, cap * sizeof *f);
        if (!f)
            return NULL;
        r->f = f;
        r->cap = cap;
    }
    row->f = r->f;
    return &r->f[row->n++];
}

/* Skips lines holding nothing but blanks. Returns false at the end. */
static bool skip_blank_lines(csv_reader *r)
{
    for (;;) {
        size_t i = r->pos;
        while (i < r->size && is_blank(r->buf[i]))
            i++;
        if (i < r->size && r->buf[i] == '\r' && i + 1 < r->size && r->buf[i + 1] == '\n')
            i++;
        if (i >= r->size)
            return r->pos = r->size, false;
        if (r->buf[i] != '\n')
            return true;
        r->pos = i + 1;
        r->line++;
        r->line_start = r->pos;
    }
}

static bool scratch_append(csv_reader *r, const char *p, size_t n)
{
    if (r->scratch_len + n > r->scratch_cap) {
        size_t cap = r->scratch_cap ? r->scratch_cap : 4096;
        while (cap < r->scratch_len + n)
            cap *= 2;
        char *s = realloc(r->scratch, cap);
        if (!s)
            return false;
        r->scratch = s;
        r->scratch_cap = cap;
    }
    memcpy(r->scratch + r->scratch_len, p, n);
    r->scratch_len += n;
    return true;
}

/* A quoted field from the opening quote at r->pos. A field without ""
 * points into the input; one with "" is unescaped into the scratch buffer
 * (its pointer is set when the row is complete, as the buffer may move).
 * Newlines inside advance the line count. */
static int read_quoted(csv_reader *r, struct csv_field *f)
{
    const char *b = r->buf;
    size_t q = r->pos + 1;
    bool escaped = false;
    unsigned open_line = f->line, open_col = f->byte_col;
    for (;;) {
        const char *hit = q < r->size ? memchr(b + q, '"', r->size - q) : NULL;
        size_t end = hit ? (size_t)(hit - b) : r->size;
        for (const char *nl = memchr(b + q, '\n', end - q); nl;
             nl = memchr(nl + 1, '\n', (size_t)(b + end - nl - 1))) {
            r->line++;
            r->line_start = (size_t)(nl - b) + 1;
        }
        if (!hit)
            return fail(r, open_line, f->col,
                        _("a quoted field is not closed (its quote is at byte %u of the line)"),
                        open_col);
        bool doubled = end + 1 < r->size && b[end + 1] == '"';
        if (doubled && !escaped) {
            escaped = true;
            f->scratch_off_ = r->scratch_len;
        }
        if (escaped && !scratch_append(r, b + q, end - q + doubled))
            return fail(r, r->line, f->col, "%s", strerror(ENOMEM));
        if (doubled) {
            q = end + 2;
            continue;
        }
        if (escaped) {
            f->p = NULL;
            f->len = r->scratch_len - f->scratch_off_;
        } else {
            f->p = b + r->pos + 1;
            f->len = end - (r->pos + 1);
        }
        r->pos = end + 1;
        break;
    }
    while (r->pos < r->size && is_blank(b[r->pos]))
        r->pos++;
    if (r->pos < r->size && b[r->pos] == '\r' && r->pos + 1 < r->size && b[r->pos + 1] == '\n')
        r->pos++;
    if (r->pos < r->size && b[r->pos] != r->delim && b[r->pos] != '\n')
        return fail(r, r->line, f->col, _("unexpected text after a closing quote (byte %u of the line)"),
                    (unsigned)(r->pos - r->line_start) + 1);
    return 0;
}

/* The first delimiter or LF at or after i (n: none). Eight bytes at a
 * time where the machine is little-endian: a byte equal to d or LF
 * becomes zero after the XOR, and the lowest byte flagged by the
 * zero-byte test is exact (the test's borrow only spoils higher bytes). */
static size_t plain_end(const char *b, size_t i, size_t n, char d)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const uint64_t dd = ones * (unsigned char)d, lf = ones * (unsigned char)'\n';
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, b + i, 8);
        uint64_t x = w ^ dd, y = w ^ lf;
        uint64_t hit = (((x - ones) & ~x) | ((y - ones) & ~y)) & highs;
        if (hit)
            return i + (size_t)(__builtin_ctzll(hit) >> 3);
    }
#endif
    while (i < n && b[i] != d && b[i] != '\n')
        i++;
    return i;
}

/* An unquoted field: up to the delimiter or the end of the line, trimmed. */
static void read_plain(csv_reader *r, struct csv_field *f)
{
    const char *b = r->buf;
    size_t i = plain_end(b, r->pos, r->size, r->delim);
    size_t e = i;
    while (e > r->pos && (is_blank(b[e - 1]) || (b[e - 1] == '\r' && (e == i))))
        e--;
    f->p = b + r->pos;
    f->len = e - r->pos;
    r->pos = i;
}

/* Points the unescaped fields into the scratch buffer, now that it no
 * longer moves. */
static int row_done(csv_reader *r, struct csv_row *row)
{
    if (r->scratch_len)
        for (unsigned i = 0; i < row->n; i++)
            if (!row->f[i].p)
                row->f[i].p = r->scratch + row->f[i].scratch_off_;
    return 1;
}

int csv_next(csv_reader *r, struct csv_row *row)
{
    row->n = 0;
    r->scratch_len = 0;
    row->f = r->f;
    if (r->err[0])
        return -1;
    if (!skip_blank_lines(r))
        return 0;
    row->line = r->line;
    for (;;) {
        struct csv_field *f = new_field(r, row);
        if (!f)
            return fail(r, r->line, row->n + 1, "%s", strerror(ENOMEM));
        f->line = r->line;
        f->col = row->n;
        while (r->pos < r->size && is_blank(r->buf[r->pos]))
            r->pos++;
        f->byte_col = (unsigned)(r->pos - r->line_start) + 1;
        f->quoted = r->pos < r->size && r->buf[r->pos] == '"';
        if (f->quoted) {
            if (read_quoted(r, f) < 0)
                return -1;
        } else {
            read_plain(r, f);
        }
        if (r->pos >= r->size)
            return row_done(r, row);
        if (r->buf[r->pos++] == '\n') {
            r->line++;
            r->line_start = r->pos;
            return row_done(r, row);
        }
    }
}

/* --- writer --------------------------------------------------------- */

#define WBUF 65536

struct csv_writer {
    FILE *out;
    size_t n;
    bool row_started;
    int err;
    char buf[WBUF];
};

csv_writer *csv_writer_new(FILE *out)
{
    csv_writer *w = malloc(sizeof *w);
    if (w) {
        w->out = out;
        w->n = 0;
        w->row_started = false;
        w->err = 0;
    }
    return w;
}

static void wflush(csv_writer *w)
{
    if (w->n && fwrite(w->buf, 1, w->n, w->out) != w->n && !w->err)
        w->err = errno ? errno : EIO;
    w->n = 0;
}

static void wbytes(csv_writer *w, const char *s, size_t len)
{
    while (len) {
        if (w->n == WBUF)
            wflush(w);
        size_t k = WBUF - w->n < len ? WBUF - w->n : len;
        memcpy(w->buf + w->n, s, k);
        w->n += k, s += k, len -= k;
    }
}

static void wbyte(csv_writer *w, char c)
{
    if (w->n == WBUF)
        wflush(w);
    w->buf[w->n++] = c;
}

bool csv_writer_failed(const csv_writer *w)
{
    return w->err != 0 || ferror(w->out);
}

int csv_writer_free(csv_writer *w)
{
    if (!w)
        return 0;
    wflush(w);
    if (fflush(w->out) != 0 && !w->err)
        w->err = errno;
    int err = w->err;
    free(w);
    if (err) {
        errno = err;
        return -1;
    }
    return 0;
}

static bool needs_quotes(const char *s, size_t len)
{
    if (len && (is_blank(s[0]) || is_blank(s[len - 1])))
        return true;
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r' || s[i] == ';')
            return true;
    return false;
}

static void put_raw(csv_writer *w, const char *prefix, const char *s, size_t len)
{
    if (w->row_started)
        wbyte(w, ',');
    w->row_started = true;
    size_t plen = strlen(prefix);
    if (!needs_quotes(s, len)) {
        wbytes(w, prefix, plen);
        wbytes(w, s, len);
        return;
    }
    wbyte(w, '"');
    wbytes(w, prefix, plen);
    for (const char *q; len && (q = memchr(s, '"', len)); ) {
        size_t k = (size_t)(q - s) + 1;
        wbytes(w, s, k);
        wbyte(w, '"');
        s += k, len -= k;
    }
    wbytes(w, s, len);
    wbyte(w, '"');
}

/* The bytes that put a cell in quotes (needs_quotes), as a table: a
 * table of half a million rows asks for every byte of every key. */
static const bool quoting_byte[256] = {[','] = 1, ['"'] = 1, ['\n'] = 1, ['\r'] = 1, [';'] = 1};

size_t csv_format_text(char *out, const char *s, size_t len)
{
    bool plain = !(len && (is_blank(s[0]) || is_blank(s[len - 1])));
    for (size_t i = 0; plain && i < len; i++)
        plain = !quoting_byte[(unsigned char)s[i]];
    if (plain && !csv_needs_neutralising(s, len)) {
        memcpy(out, s, len);
        return len;
    }
    char *o = out;
    bool quoted = needs_quotes(s, len);
    if (quoted)
        *o++ = '"';
    if (csv_needs_neutralising(s, len))
        *o++ = '\'';
    for (size_t i = 0; i < len; i++) {
        *o++ = s[i];
        if (quoted && s[i] == '"')
            *o++ = '"';
    }
    if (quoted)
        *o++ = '"';
    return (size_t)(o - out);
}

void csv_put(csv_writer *w, const char *s, size_t len)
{
    put_raw(w, "", s, len);
}

void csv_put_str(csv_writer *w, const char *s)
{
    put_raw(w, "", s, strlen(s));
}

void csv_put_text(csv_writer *w, const char *s)
{
    size_t len = strlen(s);
    put_raw(w, csv_needs_neutralising(s, len) ? "'" : "", s, len);
}

/* By hand: a table of a million rows writes millions of numbers, and
 * snprintf took most of its time. */
void csv_put_int(csv_writer *w, long long v)
{
    char tmp[24];
    size_t n = sizeof tmp;
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[--n] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[--n] = '-';
    put_raw(w, "", tmp + n, sizeof tmp - n);
}

void csv_end_row(csv_writer *w)
{
    wbyte(w, '\n');
    w->row_started = false;
}

static bool is_formula_char(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@';
}

/* -12 or -1.5: a spreadsheet reads it as a number, not a formula. */
static bool is_negative_number(const char *s, size_t len)
{
    size_t i = 1, digits = 0;
    if (len < 2 || s[0] != '-')
        return false;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++, digits++;
    if (i < len && (s[i] == '.' || s[i] == ',')) {
        size_t frac = 0;
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
            frac++;
        if (!frac)
            return false;
    }
    return digits > 0 && i == len;
}

bool csv_needs_neutralising(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == '\'')
        i++;
    if (i == len || !is_formula_char(s[i]))
        return false;
    return i > 0 || !is_negative_number(s, len);
}

size_t csv_unneutralise(const char **s, size_t len)
{
    const char *p = *s;
    size_t i = 0;
    while (i < len && p[i] == '\'')
        i++;
    if (i == 0 || i == len || !is_formula_char(p[i]))
        return len;
    (*s)++;
    return len - 1;
}
