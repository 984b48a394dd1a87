/* The Staff screen's whole list, paged: it never loads every row. It keeps
 * the rows on screen, keyed by the top row's (name, NIP), and walks the
 * index of the sort column from there in the short read transaction of
 * each action; the generic list (listview.h) counts the position as it
 * moves, so "123/1000000" costs nothing. The search reads a corpus of
 * every name and NIP (corpus.h) once, and walks the index when it cannot. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "ui/staff.h"

/* ---- walking the name index -------------------------------------------- */
struct walk {
    struct staff_priv *p;
    mdate today;
    long want;                  /* rows to visit */
    long seen;
    struct staff *out;          /* copy visited rows here (may be NULL) */
    bool *bad;                  /* and mark the damaged ones here */
    struct staff last;          /* the last row visited */
    bool last_bad;              /* it is a damaged record's stand-in */
    const char *match;          /* search: stop at the first match */
    bool found;
    struct term *term;          /* search: stop when the user types on */
    bool interrupted;
};

static int walk_cb(const struct staff *st, void *ctx)
{
    struct walk *w = ctx;
    if (!staff_passes(w->p, st, w->today))
        return 0;
    if (w->match) {
        char digits[64];
        size_t n = 0;
        for (const char *m = w->match; *m && n + 1 < sizeof digits; m++)
            if (*m != ' ')
                digits[n++] = *m;
        digits[n] = '\0';
        if (ui_text_contains(st->name, w->match) || (n && strstr(st->nip, digits))) {
            w->last = *st;
            w->found = true;
            return 1;
        }
        w->seen++;
        /* A long scan gives way to the next key: typing never waits for
         * a search whose text is already out of date. */
        if (w->term && (w->seen & 4095) == 0 && ui_term_key_pending(w->term)) {
            w->interrupted = true;
            return 1;
        }
        return 0;
    }
    if (w->out) {
        w->out[w->seen] = *st;
        w->bad[w->seen] = false;
    }
    w->last = *st;
    w->last_bad = false;
    w->seen++;
    return w->seen >= w->want ? 1 : 0;
}

/* A record that does not decode (store_page_staff's stand-in: the NIP,
 * and the index key it was reached by): a marked row of its own, so the
 * paging goes on past it and the count stays right (the row and the line
 * under the list say what it is: staff.c). A search steps over it. */
static int walk_damaged(const struct staff *stub, void *ctx)
{
    struct walk *w = ctx;
    if (w->match) {
        w->seen++;
        return 0;
    }
    if (w->out) {
        w->out[w->seen] = *stub;
        w->bad[w->seen] = true;
    }
    w->last = *stub;
    w->last_bad = true;
    w->seen++;
    return w->seen >= w->want ? 1 : 0;
}

/* Walks from after the row (name, nip, unit) — or from the list's end
 * when name is NULL — forward (dir 1) or backward (dir -1) in display
 * order, through the index of the sort column. */
static void walk_from(struct screen *s, stxn *t, const char *name, const char *nip,
                      const char *unit, int dir, struct walk *w)
{
    struct staff_priv *p = s->priv;
    struct store_page pg = {.backward = (dir < 0) != p->desc, .cb = walk_cb,
                            .damaged = walk_damaged, .ctx = w};
    if (p->sort == SORT_NIP) {
        pg.order = STORE_PAGE_NIP;
        pg.nip = name ? nip : NULL;
    } else if (p->sort == SORT_UNIT) {
        pg.order = STORE_PAGE_UNIT;
        pg.unit = name ? unit : NULL;
        pg.nip = name ? nip : NULL;
    } else {
        pg.order = STORE_PAGE_NAME;
        pg.name = name;
        pg.nip = nip;
    }
    /* The rows shown may be short: say why rather than show less quietly. */
    if (store_page_staff(t, &pg) < 0)
        ui_app_message(s->app, _("could not read the database: %s"), store_errmsg(s->app->db));
}

void staff_set_top(struct staff_priv *p, const struct staff *st, bool damaged)
{
    staff_copy_str(p->top_name, sizeof p->top_name, st->name);
    staff_copy_str(p->top_nip, sizeof p->top_nip, st->nip);
    staff_copy_str(p->top_unit, sizeof p->top_unit, st->unit);
    p->have_top = true;
    p->top_bad = damaged;
}

/* The top row when it is a damaged record: its stand-in again (it cannot
 * be read), marked. */
static void damaged_top(struct staff_priv *p, struct walk *w)
{
    memset(&p->rows[0], 0, sizeof p->rows[0]);
    staff_copy_str(p->rows[0].nip, sizeof p->rows[0].nip, p->top_nip);
    staff_copy_str(p->rows[0].name, sizeof p->rows[0].name, p->top_name);
    staff_copy_str(p->rows[0].unit, sizeof p->rows[0].unit, p->top_unit);
    p->bad[0] = true;
    w->seen = 1;
}

/* ---- the pager ---------------------------------------------------------- */
/* The window: the anchor row and the rows after it. */
static size_t page_fill(void *ctx, size_t n)
{
    struct staff_priv *p = ctx;
    struct screen *s = p->s;
    if (n > WINDOW_MAX)
        n = WINDOW_MAX;
    struct walk w = {.p = p, .today = s->app->env->today, .want = (long)n, .out = p->rows,
                     .bad = p->bad};
    if (p->have_top) {
        struct staff anchor;
        if (p->top_bad) {
            damaged_top(p, &w);
            if (n > 1)
                walk_from(s, p->t, p->top_name, p->top_nip, p->top_unit, 1, &w);
        } else if (store_get_staff(p->t, p->top_nip, &anchor) == STORE_OK &&
            staff_passes(p, &anchor, w.today)) {
            p->rows[0] = anchor;
            p->bad[0] = false;
            w.seen = 1;
            if (n > 1)
                walk_from(s, p->t, anchor.name, anchor.nip, anchor.unit, 1, &w);
        } else {
            walk_from(s, p->t, p->top_name, p->top_nip, p->top_unit, 1, &w);
        }
    } else {
        walk_from(s, p->t, NULL, NULL, NULL, 1, &w);
    }
    if (w.seen)
        staff_set_top(p, &p->rows[0], p->bad[0]);
    return (size_t)w.seen;
}

static size_t page_advance(void *ctx, size_t n, int dir)
{
    struct staff_priv *p = ctx;
    if (n == 0 || !p->have_top)
        return 0;
    struct walk w = {.p = p, .today = p->s->app->env->today, .want = (long)n};
    walk_from(p->s, p->t, p->top_name, p->top_nip, p->top_unit, dir, &w);
    if (w.seen)
        staff_set_top(p, &w.last, w.last_bad);
    return (size_t)w.seen;
}

static void page_rewind(void *ctx)
{
    ((struct staff_priv *)ctx)->have_top = false;
}

static size_t page_to_end(void *ctx, size_t n)
{
    struct staff_priv *p = ctx;
    struct walk w = {.p = p, .today = p->s->app->env->today, .want = (long)n};
    walk_from(p->s, p->t, NULL, NULL, NULL, -1, &w);
    if (w.seen)
        staff_set_top(p, &w.last, w.last_bad);
    return (size_t)w.seen;
}

static size_t page_total(void *ctx)
{
    struct staff_priv *p = ctx;
    if (p->t)
        return store_count_staff(p->t);
    stxn *t = p->s->app->db ? store_read_begin(p->s->app->db) : NULL;
    if (!t)
        return 0;
    size_t n = store_count_staff(t);
    store_read_end(t);
    return n;
}

const struct lv_pager staff_pager = {
    .fill = page_fill,
    .advance = page_advance,
    .rewind = page_rewind,
    .to_end = page_to_end,
    .total = page_total,
};

/* ---- search over the corpus ------------------------------------------- */
/* ---- search over the corpus ------------------------------------------- */
/* The corpus as of transaction t: kept while the database is unchanged,
 * read again from the name index otherwise. False when it cannot be had
 * (then the search walks the index as before). */
static bool corpus_current(struct staff_priv *p, stxn *t)
{
    uint64_t stamp = store_stamp(t);
    if (p->corpus.ready && p->corpus.stamp == stamp)
        return true;
    if (p->corpus_failed && p->corpus_failed == stamp)
        return false;
    if (corpus_load(&p->corpus, t) != 0) {
        p->corpus_failed = stamp;
        return false;
    }
    return true;
}

/* Searches the corpus: 1 found, 0 not, -1 cannot (walk instead). */
static int corpus_search_staff(struct staff_priv *p, const char *text, int dir,
                               bool include_current)
{
    struct listview *l = &p->list;
    if (p->sort != SORT_NAME || !corpus_current(p, p->t))
        return -1;
    struct corpus *c = &p->corpus;
    const struct staff *cur = &p->rows[l->sel - l->top];
    size_t cr = corpus_find(c, cur->name, cur->nip);
    char nip[NIP_LEN + 1];
    if (cr >= c->n)
        return -1;
    corpus_nip(c, cr, nip);
    if (strcmp(nip, cur->nip) != 0)
        return -1;
    int cdir = p->desc ? -dir : dir;      /* direction in name order */
    size_t from = cr;
    if (!include_current)
        from = cdir > 0 ? (cr + 1) % c->n : (cr + c->n - 1) % c->n;
    bool wrapped;
    size_t m = corpus_search(c, text, from, cdir, &wrapped);
    if (m == (size_t)-1)
        return 0;
    size_t dm = p->desc ? c->n - 1 - m : m;
    size_t dc = p->desc ? c->n - 1 - cr : cr;
    /* The corpus knows the exact position: correct the counted one. */
    size_t row = l->sel - l->top;
    l->top = dc >= row ? dc - row : 0;
    l->sel = l->top + row;
    bool in_window = dm >= l->top && dm < l->top + l->nwin;
    if (!in_window) {
        /* The match becomes the top row; the folded name serves as the
         * index key. */
        size_t len;
        const char *name = corpus_name(c, m, &len);
        if (len >= sizeof p->top_name)
            len = sizeof p->top_name - 1;
        memcpy(p->top_name, name, len);
        p->top_name[len] = '\0';
        corpus_nip(c, m, p->top_nip);
        p->have_top = true;
        p->top_bad = false;
    }
    lv_page_goto(l, dm, !in_window);
    (void)wrapped;              /* the application says so, from the positions */
    return 1;
}

/* Walks the index from the selected row to the next match. */
static int walk_search(struct staff_priv *p, const char *text, int dir, bool include_current)
{
    struct listview *l = &p->list;
    struct screen *s = p->s;
    struct staff cur = p->rows[l->sel - l->top];
    struct walk w = {.p = p, .today = s->app->env->today, .want = 0, .match = text,
                     .term = &s->app->term};
    if (include_current && walk_cb(&cur, &w) && w.found)
        return 1;
    w.seen = 0;
    walk_from(s, p->t, cur.name, cur.nip, cur.unit, dir, &w);
    if (!w.found)
        return 0;
    size_t dist = (size_t)w.seen + 1;   /* rows between, plus the match itself */
    size_t index = dir > 0 ? l->sel + dist : l->sel - dist;
    bool in_window = index >= l->top && index < l->top + l->nwin;
    if (!in_window)
        staff_set_top(p, &w.last, false);  /* found without a second walk */
    lv_page_goto(l, index, !in_window);
    return 1;
}

int staff_page_search(struct screen *s, const char *text, int dir, bool include_current)
{
    struct staff_priv *p = s->priv;
    if (!s->app->db || !p->list.nwin || !p->list.src->begin(p))
        return 0;
    int r = corpus_search_staff(p, text, dir, include_current);
    if (r < 0)
        r = walk_search(p, text, dir, include_current);
    p->list.src->end(p);
    return r;
}

void staff_corpus_prepare(struct staff_priv *p)
{
    if (p->filter || !p->s->app->db)
        return;
    stxn *t = store_read_begin(p->s->app->db);
    if (t) {
        corpus_current(p, t);
        store_read_end(t);
    }
}

void staff_corpus_drop(struct staff_priv *p)
{
    corpus_free(&p->corpus);
    p->corpus_failed = 0;
}
