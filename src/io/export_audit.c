/* The audit log as CSV, an aligned text listing or the audit verb's lines
 * (contract in export_audit.h). */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/hex.h"
#include "core/i18n.h"
#include "io/csv.h"
#include "io/export_audit.h"

enum { COL_NUMBER, COL_TIME, COL_USER, COL_ACTION, COL_OBJECT };

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

/* "before -> after", or "" when the entry recorded neither. */
static void details(const struct audit_entry *a, char *out, size_t size)
{
    char before[sizeof a->before], after[sizeof a->after];
    one_line(a->before, before, sizeof before);
    one_line(a->after, after, sizeof after);
    if (before[0] || after[0])
        snprintf(out, size, "%s -> %s", before, after);
    else
        out[0] = '\0';
}

/* --- text ------------------------------------------------------------------ */

/* The text columns of one entry (details apart: the last column, not padded). */
struct text_cells {
    char number[24], when[MOMENT_LABEL_SIZE], user[sizeof ((struct audit_entry *)0)->user];
    char action[sizeof ((struct audit_entry *)0)->action];
    char object[sizeof ((struct audit_entry *)0)->object];
    const char *v[AUDIT_TEXT_COLS];
};

static void text_cells(const struct audit_entry *a, struct text_cells *c)
{
    snprintf(c->number, sizeof c->number, "%" PRIu64, a->seq);
    /* "3 Desember 2026 14:44:08" */
    moment_label_utc(a->time, MOMENT_SECONDS, c->when);
    one_line(a->user, c->user, sizeof c->user);
    one_line(a->action, c->action, sizeof c->action);
    one_line(a->object, c->object, sizeof c->object);
    c->v[COL_NUMBER] = c->number;
    c->v[COL_TIME] = c->when;
    c->v[COL_USER] = c->user;
    c->v[COL_ACTION] = c->action;
    c->v[COL_OBJECT] = c->object;
}

static const char *const *text_heading(void)
{
    static const char *h[AUDIT_TEXT_COLS];
    h[COL_NUMBER] = _("No.");
    h[COL_TIME] = _("Time (UTC)");
    h[COL_USER] = _("User");
    h[COL_ACTION] = _("Action");
    h[COL_OBJECT] = _("Object");
    return h;
}

static void widen(struct audit_shape *sh, const char *const v[AUDIT_TEXT_COLS])
{
    for (int i = 0; i < AUDIT_TEXT_COLS; i++) {
        unsigned n = text_width(v[i]);
        if (n > sh->width[i])
            sh->width[i] = n;
    }
}

void audit_shape_init(struct audit_shape *sh, enum export_format format)
{
    memset(sh, 0, sizeof *sh);
    sh->format = format;
    if (format == EXPORT_TEXT)
        widen(sh, text_heading());
}

void audit_shape_entry(struct audit_shape *sh, const struct audit_entry *a)
{
    if (sh->format != EXPORT_TEXT)
        return;
    struct text_cells c;
    text_cells(a, &c);
    widen(sh, c.v);
}

/* --- writing ------------------------------------------------------------------ */

struct audit_exporter {
    struct audit_shape sh;
    FILE *out;
    csv_writer *csv;            /* CSV; NULL for text */
};

/* Pads to the column's width and two spaces; the number right-aligned. */
static void text_line(audit_exporter *x, const char *const v[AUDIT_TEXT_COLS],
                      const char *last)
{
    for (int i = 0; i < AUDIT_TEXT_COLS; i++) {
        int pad = (int)(x->sh.width[i] - text_width(v[i]));
        if (i == COL_NUMBER)
            fprintf(x->out, "%*s%s  ", pad, "", v[i]);
        else
            fprintf(x->out, "%s%*s  ", v[i], pad, "");
    }
    fprintf(x->out, "%s\n", last);
}

static void text_row(audit_exporter *x, const struct audit_entry *a)
{
    struct text_cells c;
    char d[sizeof a->before + sizeof a->after + 8];
    text_cells(a, &c);
    details(a, d, sizeof d);
    text_line(x, c.v, d);
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

static void csv_row(csv_writer *w, const struct audit_entry *a)
{
    char when[32], plan[16], nip[NIP_LEN + 1], hex[65];
    iso_time(a->time, when);
    object_plan(a->object, plan);
    object_nip(a->object, nip);
    csv_put_int(w, (long long)a->seq);
    csv_put_str(w, when);
    csv_put_text(w, a->user);
    csv_put_text(w, a->action);
    csv_put_text(w, a->object);
    csv_put_str(w, plan);
    csv_put_str(w, nip);
    csv_put_text(w, a->before);
    csv_put_text(w, a->after);
    hex_encode(a->prev_hash, 32, hex);
    csv_put_str(w, hex);
    hex_encode(a->hash, 32, hex);
    csv_put_str(w, hex);
    put_digest(w, a);
    csv_end_row(w);
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

audit_exporter *audit_export_begin(FILE *out, const struct audit_shape *sh)
{
    audit_exporter *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->sh = *sh;
    x->out = out;
    if (sh->format == EXPORT_TEXT) {
        text_line(x, text_heading(), _("Before -> after"));
        return x;
    }
    if (!(x->csv = csv_writer_new(out))) {
        free(x);
        return NULL;
    }
    csv_header(x->csv);
    return x;
}

void audit_export_row(audit_exporter *x, const struct audit_entry *a)
{
    if (x->csv)
        csv_row(x->csv, a);
    else
        text_row(x, a);
}

bool audit_export_failed(const audit_exporter *x)
{
    return x->csv ? csv_writer_failed(x->csv) : ferror(x->out) != 0;
}

int audit_export_end(audit_exporter *x)
{
    int rc = export_writer_end(x->csv, x->out);
    free(x);
    return rc;
}

/* --- the audit verb -------------------------------------------------------------- */

bool audit_print_line(FILE *f, const struct audit_entry *a)
{
    char when[32], user[sizeof a->user], action[sizeof a->action], object[sizeof a->object];
    char d[sizeof a->before + sizeof a->after + 8];
    iso_time(a->time, when);
    one_line(a->user, user, sizeof user);
    one_line(a->action, action, sizeof action);
    one_line(a->object, object, sizeof object);
    details(a, d, sizeof d);
    fprintf(f, "%" PRIu64 "\t%s\t%s\t%s\t%s\t%s\n", a->seq, when, user, action, object, d);
    return !ferror(f);
}
