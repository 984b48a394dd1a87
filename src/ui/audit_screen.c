/* The Audit screen (top screen 5): the tamper-evident log newest first,
 * read a page at a time as the selection goes down (never the whole log
 * at once); f filters by user, plan, person and action
 * (ops_audit_filter_parse); v verifies the whole chain and says how many
 * entries it holds and whether it is intact, or names the first broken
 * entry; Enter shows one entry whole (the list cuts long ones). */
#include <stdlib.h>
#include <string.h>
#include "core/hex.h"
#include "core/i18n.h"
#include "ops/ops.h"
#include "ui/uipriv.h"

#define AUDIT_PAGE 64

struct audit_priv {
    struct audit_entry *rows;
    size_t n, cap;
    uint64_t next;               /* where the next page starts */
    bool started, done;
    struct ops_audit_filter filter;
    bool filtered;
    struct listview list;
    bool ascii;
    struct app *app;
};

static void forget(struct audit_priv *p)
{
    free(p->rows);
    p->rows = NULL;
    p->n = p->cap = 0;
    p->next = 0;
    p->started = p->done = false;
    lv_reset(&p->list);
}

/* Reads pages until at least want rows are held or the log ends. */
static void read_upto(struct screen *s, size_t want)
{
    struct audit_priv *p = s->priv;
    while (!p->done && p->n < want) {
        if (p->cap - p->n < AUDIT_PAGE) {
            size_t cap = p->cap + AUDIT_PAGE * 2;
            struct audit_entry *nr = realloc(p->rows, cap * sizeof *nr);
            if (!nr)
                return;
            p->rows = nr;
            p->cap = cap;
        }
        size_t got;
        uint64_t next;
        struct ops_err e;
        if (ops_audit_page(&s->app->ops, p->started ? p->next : 0,
                           p->filtered ? &p->filter : NULL, p->rows + p->n, AUDIT_PAGE, &got,
                           &next, &e) != OPS_OK) {
            ui_app_message(s->app, "%s", e.msg);
            p->done = true;
            return;
        }
        p->started = true;
        p->n += got;
        p->next = next;
        p->done = next == 0;
    }
}

static size_t audit_count(void *ctx)
{
    return ((struct audit_priv *)ctx)->n;
}

#define UTC_LABEL_SIZE (MOMENT_LABEL_SIZE + 4)
/* An entry's time (UTC, as the log keeps it) as people read it: in the
 * list "03-12-2026 14:44" (Indonesian; 16 characters), in the detail
 * "3 Desember 2026 14:44:08 UTC". */
static void utc_label(int64_t t, bool full, char out[UTC_LABEL_SIZE])
{
    char when[MOMENT_LABEL_SIZE];
    if (!full) {
        moment_label_utc(t, MOMENT_SHORT, out);
        return;
    }
    moment_label_utc(t, MOMENT_SECONDS, when);
    snprintf(out, UTC_LABEL_SIZE, "%s UTC", when);
}

static void audit_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool on)
{
    struct audit_priv *p = ctx;
    const struct audit_entry *a = &p->rows[row];
    char when[UTC_LABEL_SIZE], line[768];
    utc_label(a->time, false, when);
    char seq[24];
    snprintf(seq, sizeof seq, "%5llu", (unsigned long long)a->seq);
    if (a->damaged) {
        /* marked and bold, so it shows without colour too */
        snprintf(line, sizeof line, " ! %s", _("damaged entry: it does not decode (Enter, v)"));
        if (on)
            wattron(w, A_REVERSE);
        ui_put_field(w, seq, width < 5 ? width : 5, p->ascii);
        if (on)
            wattroff(w, A_REVERSE);
        wattron(w, A_BOLD);
        if (width > 5)
            ui_put_field(w, line, width - 5, p->ascii);
        wattroff(w, A_BOLD);
        return;
    }
    snprintf(line, sizeof line, " %s %-10.10s %-14.14s %s  %s%s%s", when, a->user, a->action,
             a->object, a->before, a->before[0] || a->after[0] ? " -> " : "", a->after);
    /* Only the number is reversed: moving the selection rewrites two
     * numbers, not two lines (thin links). */
    if (on)
        wattron(w, A_REVERSE);
    ui_put_field(w, seq, width < 5 ? width : 5, p->ascii);
    if (on)
        wattroff(w, A_REVERSE);
    if (width > 5)
        ui_put_field(w, line, width - 5, p->ascii);
}

static bool audit_match(void *ctx, size_t row, const char *text)
{
    const struct audit_entry *a = &((struct audit_priv *)ctx)->rows[row];
    if (a->damaged)
        return false;
    return ui_text_contains(a->action, text) || ui_text_contains(a->object, text) ||
           ui_text_contains(a->user, text) || ui_text_contains(a->after, text);
}

/* A long text in lines of at most width bytes, cut after a space where
 * there is one and never inside a UTF-8 character. */
static void add_wrapped(struct screen *t, const char *label, const char *text, size_t width)
{
    const char *s = text[0] ? text : "-";
    bool first = true;
    while (*s) {
        size_t len = strlen(s);
        if (len > width) {
            len = width;
            while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
                len--;
            const char *sp = memrchr(s, ' ', len);
            if (sp && sp > s + width / 2)
                len = (size_t)(sp - s) + 1;
        }
        ui_text_screen_add(t, 0, "  %-10s %.*s", first ? label : "", (int)len, s);
        first = false;
        s += len;
    }
}

static void audit_choose(void *ctx, size_t row)
{
    struct audit_priv *p = ctx;
    if (row >= p->n)
        return;
    const struct audit_entry *a = &p->rows[row];
    if (a->damaged) {
        ui_app_message(p->app, _("Audit entry %llu is damaged: it does not decode, so it is not "
                                 "shown. v verifies the chain; restore the database from a "
                                 "backup."), (unsigned long long)a->seq);
        return;
    }
    char title[64], when[UTC_LABEL_SIZE], hash[65];
    utc_label(a->time, true, when);
    hex_encode(a->hash, 32, hash);
    snprintf(title, sizeof title, _("audit entry %llu"), (unsigned long long)a->seq);
    struct screen *t = ui_text_screen_new(p->app, title);
    if (!t)
        return;
    add_wrapped(t, _("time"), when, 64);
    add_wrapped(t, _("user"), a->user, 64);
    add_wrapped(t, _("action"), a->action, 64);
    add_wrapped(t, _("object"), a->object, 64);
    add_wrapped(t, _("before"), a->before, 64);
    add_wrapped(t, _("after"), a->after, 64);
    add_wrapped(t, _("hash"), hash, 64);
    ui_app_push(p->app, t);
}

static const struct lv_source audit_source = {
    .count = audit_count, .draw_row = audit_draw_row, .match = audit_match,
    .choose = audit_choose,
};

static int audit_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct audit_priv *p = s->priv;
    p->ascii = s->app->ascii;
    read_upto(s, p->list.top + (size_t)height);
    char head[160];
    snprintf(head, sizeof head, "%5s %-16s %-10s %-14s %s", "#", _("time (UTC)"), _("user"),
             _("action"), _("object, before -> after"));
    wattrset(w, A_BOLD);
    wmove(w, y0, 0);
    ui_put_field(w, head, width, p->ascii);
    wattrset(w, A_NORMAL);
    if (p->n == 0) {
        wmove(w, y0 + 1, 0);
        ui_put_field(w, p->filtered ? _("no entry matches the filter") : _("the log is empty"),
                     width, p->ascii);
        return -1;
    }
    return lv_draw(&p->list, w, y0 + 1, height, width);
}

static void verify(struct screen *s)
{
    struct ops_audit_report r;
    struct ops_err e;
    if (ops_audit_verify_all(&s->app->ops, 0, NULL, &r, &e) == OPS_OK)
        ui_app_message(s->app, ngettext("the chain of %zu entry is intact",
                                        "the chain of %zu entries is intact", r.entries),
                       r.entries);
    else
        ui_app_message(s->app, "%s", e.msg);
}

/* Going down reads the pages it needs first; v verifies. */
static int audit_action(struct screen *s, int action, int count, int height)
{
    struct audit_priv *p = s->priv;
    size_t step = (size_t)(count > 0 ? count : 1);
    switch (action) {
    case ACT_VIEW:
        verify(s);
        return 1;
    case ACT_DOWN:
        read_upto(s, p->list.sel + step + 1);
        return 0;
    case ACT_HALF_DOWN:
    case ACT_PAGE_DOWN:
        read_upto(s, p->list.sel + step * (size_t)height + (size_t)height);
        return 0;
    case ACT_BOTTOM:         /* the oldest entry read so far, and one page more */
        read_upto(s, p->n + AUDIT_PAGE);
        return 0;
    default:
        return 0;
    }
}

static int audit_filter(struct screen *s, const char *text)
{
    struct audit_priv *p = s->priv;
    struct ops_audit_filter f;
    struct ops_err e;
    if (ops_audit_filter_parse(text, &f, &e) != 0) {
        ui_app_message(s->app, "%s", e.msg);
        return -1;
    }
    p->filter = f;
    p->filtered = text[strspn(text, " ")] != '\0';
    forget(p);
    return 0;
}

static void audit_position(struct screen *s, size_t *pos, size_t *total)
{
    struct audit_priv *p = s->priv;
    *pos = p->n ? p->list.sel + 1 : 0;
    *total = p->done ? p->n : 0;
}

/* Another screen is shown: the log is read again (newer entries first)
 * when this one comes back. */
static void audit_hide(struct screen *s)
{
    forget(s->priv);
}

static void audit_close(struct screen *s)
{
    struct audit_priv *p = s->priv;
    free(p->rows);
    free(p);
}

static const struct screen_ops audit_ops = {
    .name = "audit",
    .title = N_("Audit"),
    .close = audit_close,
    .draw = audit_draw,
    .action = audit_action,
    .filter = audit_filter,
    .filter_hint = N_("filter (user:NAME plan:ID nip:NIP action:TEXT)"),
    .position = audit_position,
    .hide = audit_hide,
};

struct screen *ui_audit_screen_new(struct app *a)
{
    struct screen *s = ui_screen_alloc(a, &audit_ops, sizeof(struct audit_priv));
    if (!s)
        return NULL;
    struct audit_priv *p = s->priv;
    p->app = a;
    lv_init(&p->list, &audit_source, p);
    s->list = &p->list;
    return s;
}
