/* Export of the audit log (contract in export_audit.h). */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/hex.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "core/vocab.h"
#include "io/csv.h"
#include "io/export.h"
#include "ops/access.h"
#include "ops/export_audit.h"

enum { COL_NUMBER, COL_TIME, COL_USER, COL_ACTION, COL_OBJECT, COL_TEXT_COUNT };

struct walk {
    const struct ops_export_audit *x;
    csv_writer *csv;                  /* CSV; NULL for text */
    unsigned width[COL_TEXT_COUNT];   /* text: characters per column */
    size_t rows;
    bool failed;
};

/* Controls (tabs, newlines) become spaces: one entry is one line. */
static void one_line(const char *s, char *out, size_t size)
{
    size_t i = 0;
    for (; s[i] && i + 1 < size; i++)
        out[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? ' ' : s[i];
    out[i] = '\0';
}

/* The plan number of an object "plan N" or "plan N ...", else "". */
static void object_plan(const char *object, char out[16])
{
    out[0] = '\0';
    if (strncmp(object, "plan ", 5) != 0 || !isdigit((unsigned char)object[5]))
        return;
    size_t n = strspn(object + 5, "0123456789");
    if (n < 16 && (object[5 + n] == '\0' || object[5 + n] == ' '))
        snprintf(out, 16, "%.*s", (int)n, object + 5);
}

/* The first word of 18 digits in object, else "". */
static void object_nip(const char *object, char out[NIP_LEN + 1])
{
    out[0] = '\0';
    for (const char *p = object; *p;) {
        size_t n = strspn(p, "0123456789");
        if (n == NIP_LEN && (p == object || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ')) {
            memcpy(out, p, NIP_LEN + 1);
            out[NIP_LEN] = '\0';
            return;
        }
        p += n ? n : 1;
    }
}

static void iso_time(int64_t t, char out[32])
{
    time_t tt = (time_t)t;
    struct tm tm;
    out[0] = '\0';
    if (gmtime_r(&tt, &tm))
        strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* "3 Desember 2026 14:44:08" (the date as date_label writes it), UTC. */
static void people_time(int64_t t, char out[64])
{
    time_t tt = (time_t)t;
    struct tm tm;
    out[0] = '\0';
    if (!gmtime_r(&tt, &tm))
        return;
    char day[DATE_LABEL_SIZE];
    date_label(date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), day);
    snprintf(out, 64, "%s %02d:%02d:%02d", day, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void put_digest(csv_writer *w, const struct audit_entry *a)
{
    char buf[AUDIT_DIGEST_MAX * (AUDIT_DB_NAME + 66)], hex[65];
    size_t at = 0;
    buf[0] = '\0';
    for (int i = 0; i < a->ndigest && i < AUDIT_DIGEST_MAX; i++) {
        hex_encode(a->digest[i].sum, 32, hex);
        at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%.*s:%s", i ? "|" : "",
                               AUDIT_DB_NAME, a->digest[i].db, hex);
    }
    csv_put_str(w, buf);
}

static int csv_row(const struct audit_entry *a, void *ctx)
{
    struct walk *w = ctx;
    char when[32], plan[16], nip[NIP_LEN + 1], hex[65];
    iso_time(a->time, when);
    object_plan(a->object, plan);
    object_nip(a->object, nip);
    csv_put_int(w->csv, (long long)a->seq);
    csv_put_str(w->csv, when);
    csv_put_text(w->csv, a->user);
    csv_put_text(w->csv, a->action);
    csv_put_text(w->csv, a->object);
    csv_put_str(w->csv, plan);
    csv_put_str(w->csv, nip);
    csv_put_text(w->csv, a->before);
    csv_put_text(w->csv, a->after);
    hex_encode(a->prev_hash, 32, hex);
    csv_put_str(w->csv, hex);
    hex_encode(a->hash, 32, hex);
    csv_put_str(w->csv, hex);
    put_digest(w->csv, a);
    csv_end_row(w->csv);
    w->rows++;
    return csv_writer_failed(w->csv);       /* stop walking once nobody reads */
}

/* The text columns of one entry (details apart: the last column, not padded). */
struct text_cells {
    char number[24], when[64], user[sizeof ((struct audit_entry *)0)->user];
    char action[sizeof ((struct audit_entry *)0)->action];
    char object[sizeof ((struct audit_entry *)0)->object];
    const char *v[COL_TEXT_COUNT];
};

static void text_cells(const struct audit_entry *a, struct text_cells *c)
{
    snprintf(c->number, sizeof c->number, "%" PRIu64, a->seq);
    people_time(a->time, c->when);
    one_line(a->user, c->user, sizeof c->user);
    one_line(a->action, c->action, sizeof c->action);
    one_line(a->object, c->object, sizeof c->object);
    c->v[COL_NUMBER] = c->number;
    c->v[COL_TIME] = c->when;
    c->v[COL_USER] = c->user;
    c->v[COL_ACTION] = c->action;
    c->v[COL_OBJECT] = c->object;
}

static void widen(struct walk *w, const char *const v[COL_TEXT_COUNT])
{
    for (int i = 0; i < COL_TEXT_COUNT; i++) {
        unsigned n = text_width(v[i]);
        if (n > w->width[i])
            w->width[i] = n;
    }
}

static int text_shape(const struct audit_entry *a, void *ctx)
{
    struct text_cells c;
    text_cells(a, &c);
    widen(ctx, c.v);
    return 0;
}

/* Pads to the column's width and two spaces; the number right-aligned. */
static void text_line(struct walk *w, const char *const v[COL_TEXT_COUNT], const char *details)
{
    FILE *f = w->x->out;
    for (int i = 0; i < COL_TEXT_COUNT; i++) {
        int pad = (int)(w->width[i] - text_width(v[i]));
        if (i == COL_NUMBER)
            fprintf(f, "%*s%s  ", pad, "", v[i]);
        else
            fprintf(f, "%s%*s  ", v[i], pad, "");
    }
    fprintf(f, "%s\n", details);
}

static int text_row(const struct audit_entry *a, void *ctx)
{
    struct walk *w = ctx;
    struct text_cells c;
    char before[sizeof a->before], after[sizeof a->after], details[sizeof before + sizeof after + 8];
    text_cells(a, &c);
    one_line(a->before, before, sizeof before);
    one_line(a->after, after, sizeof after);
    if (before[0] || after[0])
        snprintf(details, sizeof details, "%s -> %s", before, after);
    else
        details[0] = '\0';
    text_line(w, c.v, details);
    w->rows++;
    return ferror(w->x->out) ? 1 : 0;
}

static const char *const *text_heading(void)
{
    static const char *h[COL_TEXT_COUNT];
    h[COL_NUMBER] = _("No.");
    h[COL_TIME] = _("Time (UTC)");
    h[COL_USER] = _("User");
    h[COL_ACTION] = _("Action");
    h[COL_OBJECT] = _("Object");
    return h;
}

static void csv_header(csv_writer *w)
{
    static const char *const cols[] = {"number", "time",   "user",  "action",
                                       "object", "plan",   "nip",   "before",
                                       "after",  "prev_hash", "hash", "data_digest"};
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        csv_put_str(w, cols[i]);
    csv_end_row(w);
}

enum written { WRITTEN, WRITE_FAILED /* errno set */, READ_FAILED };

static enum written write_log(stxn *t, struct walk *w)
{
    if (w->x->format == EXPORT_CSV) {
        if (!(w->csv = csv_writer_new(w->x->out)))
            return WRITE_FAILED;
        csv_header(w->csv);
        int r = store_each_audit(t, false, csv_row, w);
        int rc = csv_writer_free(w->csv);
        return r < 0 ? READ_FAILED : rc ? WRITE_FAILED : WRITTEN;
    }
    const char *const *h = text_heading();
    widen(w, h);
    if (store_each_audit(t, false, text_shape, w) < 0)
        return READ_FAILED;
    text_line(w, h, _("Before -> after"));
    if (store_each_audit(t, false, text_row, w) < 0)
        return READ_FAILED;
    return fflush(w->x->out) == 0 && !ferror(w->x->out) ? WRITTEN : WRITE_FAILED;
}

int ops_export_audit(struct ops *o, struct ops_export_audit *x, struct ops_err *e)
{
    x->rows = 0;
    x->write_errno = 0;
    if (ops_require(o, OPS_DO_AUDIT, NULL, e) != OPS_OK ||
        ops_require(o, OPS_DO_EXPORT_PERSONAL, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    FILE *file = NULL;
    if (x->path && !(file = fopen(x->path, "w")))
        return ops_fail(e, "%s: %s", x->path, strerror(errno));
    struct ops_export_audit to = *x;
    if (file)
        to.out = file;
    stxn *t = ops_read_begin(o, e);
    if (!t) {
        if (file)
            fclose(file);
        return OPS_REFUSED;
    }
    struct walk w = {.x = &to};
    errno = 0;
    enum written rc = write_log(t, &w);
    int werr = errno;
    store_read_end(t);
    if (file && fclose(file) != 0 && rc == WRITTEN) {
        rc = WRITE_FAILED;
        werr = errno;
    }
    x->rows = w.rows;
    if (rc == WRITE_FAILED)
        x->write_errno = werr ? werr : EIO;
    char after[64];
    snprintf(after, sizeof after, "%zu rows, %s", w.rows,
             x->format == EXPORT_CSV ? "csv" : "text");
    /* Recorded even when writing failed half-way: some rows may have left. */
    if (ops_audit_note(o, "export audit", "audit", "", after, e) != OPS_OK)
        return OPS_REFUSED;
    if (rc == READ_FAILED)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    return OPS_OK;
}
