/* The Staff screen: every civil servant in name order, over the whole
 * database. It never loads every row: it keeps the rows on screen, keyed by
 * the top row's (name, NIP), and walks the name index from there in a
 * short read transaction per action. Its position in the list is counted
 * as it moves, so "123/1000000" costs nothing. */
#include <stdlib.h>
#include <string.h>
#include "core/fold.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "core/rules.h"
#include "core/vocab.h"
#include "store/store.h"
#include "ui/corpus.h"
#include "ui/uipriv.h"

#define WINDOW_MAX 512

enum staff_filter { SF_NONE, SF_UNIT, SF_RANK, SF_FAMILY, SF_ROTATION, SF_ELIGIBLE, SF_TEXT };
/* Sort columns. Name, NIP and unit have an index and sort the whole list;
 * rank, years in post and SKP sort a filtered list. */
enum staff_sort { SORT_NAME, SORT_NIP, SORT_UNIT, SORT_RANK, SORT_YEARS, SORT_SKP };

struct staff_priv {
    struct staff rows[WINDOW_MAX];
    int nrows;                  /* rows fetched for the screen */
    int sel;                    /* selected row in the window */
    size_t top_index;           /* 0-based position of rows[0] in the list */
    int sort;                   /* enum staff_sort */
    bool desc;                  /* descending */
    bool have_top;              /* rows[0] is the anchor; else the list start */
    char top_name[NAME_SIZE];
    char top_nip[NIP_LEN + 1];
    char top_unit[CODE_SIZE];
    int height;                 /* rows shown at the last draw */
    int filter;                 /* enum staff_filter */
    char filter_arg[64];
    int filter_rank;
    const struct policy *policy; /* rotation and eligible read the rule table's rules */
    stxn *t;                    /* the walk's transaction, for eligible's positions */
    char filter_label[96];
    /* Filtered: the matching people, (name, NIP) sorted, read once when
     * the filter is set; their records are read again at each draw. */
    struct frow *fl;
    size_t fn, fsel, ftop;
    bool fcapped;
    /* Names and NIPs in name order for search, read on the first search
     * and again when the database has changed since. */
    struct corpus corpus;
    uint64_t corpus_failed;     /* stamp at which building it failed */
};

struct frow {
    char name[NAME_SIZE];
    char nip[NIP_LEN + 1];
    int8_t rank, skp;           /* sort keys of the columns without an index */
    mdate post_since;
    char unit[CODE_SIZE];
};

/* At most this many filtered rows are kept (about 22 MB). */
#define FILTER_MAX 150000

static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strnlen(src, size - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static store *db_of(struct screen *s)
{
    return s->app->db;
}

/* ---- the filter --------------------------------------------------------- */
static bool passes(const struct staff_priv *p, const struct staff *st, mdate today)
{
    switch (p->filter) {
    case SF_UNIT:
        return strcmp(st->unit, p->filter_arg) == 0;
    case SF_RANK:
        return st->rank == p->filter_rank;
    case SF_FAMILY:
        return ui_text_contains(st->job_family, p->filter_arg);
    case SF_ROTATION:
        return rules_rotation_candidate(st, p->policy, today);
    case SF_ELIGIBLE: {
        /* The optimiser's filter: no person rule blocks a proposed move. */
        struct position pos;
        bool have = p->t && st->position[0] &&
                    store_get_position(p->t, st->position, &pos) == STORE_OK;
        return rules_person_may_move(st, have ? &pos : NULL, p->policy, today);
    }
    case SF_TEXT:
        return ui_text_contains(st->name, p->filter_arg);
    default:
        return true;
    }
}

/* ---- walking the name index -------------------------------------------- */
struct walk {
    struct staff_priv *p;
    mdate today;
    long want;                  /* rows to visit */
    long seen;
    struct staff *out;          /* copy visited rows here (may be NULL) */
    struct staff last;          /* the last row visited */
    const char *match;          /* search: stop at the first match */
    bool found;
    struct term *term;          /* search: stop when the user types on */
    bool interrupted;
};

static int walk_cb(const struct staff *st, void *ctx)
{
    struct walk *w = ctx;
    if (!passes(w->p, st, w->today))
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
    if (w->out)
        w->out[w->seen] = *st;
    w->last = *st;
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
    bool backward = (dir < 0) != p->desc;
    int rc;
    p->t = t;
    if (p->sort == SORT_NIP)
        rc = store_each_staff_from(t, name ? nip : NULL, backward, walk_cb, w);
    else if (p->sort == SORT_UNIT)
        rc = store_each_staff_by_unit_from(t, name ? unit : NULL, name ? nip : NULL, backward,
                                           walk_cb, w);
    else
        rc = store_each_staff_by_name_from(t, name, nip, backward, walk_cb, w);
    p->t = NULL;
    /* The rows shown may be short: say why rather than show less quietly. */
    if (rc < 0)
        ui_app_message(s->app, _("could not read the database: %s"), store_errmsg(db_of(s)));
}

static void set_top(struct staff_priv *p, const struct staff *st)
{
    copy_str(p->top_name, sizeof p->top_name, st->name);
    copy_str(p->top_nip, sizeof p->top_nip, st->nip);
    copy_str(p->top_unit, sizeof p->top_unit, st->unit);
    p->have_top = true;
}

/* Fills the window: the anchor row and the rows after it. */
static void fill_window(struct screen *s, stxn *t, int height)
{
    struct staff_priv *p = s->priv;
    if (height > WINDOW_MAX)
        height = WINDOW_MAX;
    struct walk w = {.p = p, .today = s->app->env->today, .want = height, .out = p->rows};
    if (p->have_top) {
        struct staff anchor;
        if (store_get_staff(t, p->top_nip, &anchor) == STORE_OK &&
            passes(p, &anchor, w.today)) {
            p->rows[0] = anchor;
            w.seen = 1;
            if (height > 1)
                walk_from(s, t, anchor.name, anchor.nip, anchor.unit, 1, &w);
        } else {
            walk_from(s, t, p->top_name, p->top_nip, p->top_unit, 1, &w);
        }
    } else {
        walk_from(s, t, NULL, NULL, NULL, 1, &w);
    }
    p->nrows = (int)w.seen;
    if (p->nrows)
        set_top(p, &p->rows[0]);
}

/* Moves the anchor by n rows in dir; returns how many it moved. */
static long advance(struct screen *s, stxn *t, long n, int dir)
{
    struct staff_priv *p = s->priv;
    if (n <= 0 || !p->have_top)
        return 0;
    struct walk w = {.p = p, .today = s->app->env->today, .want = n};
    walk_from(s, t, p->top_name, p->top_nip, p->top_unit, dir, &w);
    if (w.seen)
        set_top(p, &w.last);
    return w.seen;
}

/* After moving the anchor down, pull it back up so that the last page is
 * full, as less does. */
static void settle(struct screen *s, stxn *t, int height)
{
    struct staff_priv *p = s->priv;
    fill_window(s, t, height);
    if (p->nrows < height && p->top_index > 0) {
        long back = advance(s, t, height - p->nrows, -1);
        p->top_index -= (size_t)back;
        p->sel += (int)back;
        fill_window(s, t, height);
    }
    if (p->sel >= p->nrows)
        p->sel = p->nrows ? p->nrows - 1 : 0;
    if (p->sel < 0)
        p->sel = 0;
}

static void go_first(struct screen *s, stxn *t, int height)
{
    struct staff_priv *p = s->priv;
    p->have_top = false;
    p->top_index = 0;
    p->sel = 0;
    fill_window(s, t, height);
}

static void go_last(struct screen *s, stxn *t, int height)
{
    struct staff_priv *p = s->priv;
    struct walk w = {.p = p, .today = s->app->env->today, .want = height};
    walk_from(s, t, NULL, NULL, NULL, -1, &w);
    if (!w.seen) {
        go_first(s, t, height);
        return;
    }
    set_top(p, &w.last);
    size_t total = p->filter ? 0 : store_count_staff(t);
    p->top_index = total >= (size_t)w.seen ? total - (size_t)w.seen : 0;
    fill_window(s, t, height);
    p->sel = p->nrows - 1;
}

/* Moves the selection by delta rows (negative: up). */
static void move_by(struct screen *s, stxn *t, long delta, int height)
{
    struct staff_priv *p = s->priv;
    long want = p->sel + delta;
    if (want >= 0 && want < p->nrows) {
        p->sel = (int)want;
        return;
    }
    if (want < 0) {
        long moved = advance(s, t, -want, -1);
        p->top_index -= (size_t)moved;
        p->sel = 0;
        fill_window(s, t, height);
        return;
    }
    long shift = want - (height - 1);
    long moved = advance(s, t, shift, 1);
    p->top_index += (size_t)moved;
    p->sel = height - 1;
    settle(s, t, height);
}

/* Scrolls the view by delta rows with the selection, like less. */
static void scroll_by(struct screen *s, stxn *t, long delta, int height)
{
    struct staff_priv *p = s->priv;
    if (delta > 0) {
        long moved = advance(s, t, delta, 1);
        p->top_index += (size_t)moved;
        if (moved < delta)
            p->sel = height - 1;   /* at the end: go to the last row */
        settle(s, t, height);
    } else {
        long moved = advance(s, t, -delta, -1);
        p->top_index -= (size_t)moved;
        if (moved < -delta)
            p->sel = 0;
        fill_window(s, t, height);
    }
}

/* ---- the filtered list ------------------------------------------------ */
struct collect {
    struct staff_priv *p;
    mdate today;
    size_t cap;
};

static int collect_cb(const struct staff *st, void *ctx)
{
    struct collect *c = ctx;
    struct staff_priv *p = c->p;
    if (!passes(p, st, c->today))
        return 0;
    if (p->fn == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 1024;
        if (nc > FILTER_MAX)
            nc = FILTER_MAX;
        if (nc == c->cap) {
            p->fcapped = true;
            return 1;
        }
        struct frow *n = realloc(p->fl, nc * sizeof *n);
        if (!n) {
            p->fcapped = true;
            return 1;
        }
        p->fl = n;
        c->cap = nc;
    }
    copy_str(p->fl[p->fn].name, sizeof p->fl[p->fn].name, st->name);
    copy_str(p->fl[p->fn].nip, sizeof p->fl[p->fn].nip, st->nip);
    copy_str(p->fl[p->fn].unit, sizeof p->fl[p->fn].unit, st->unit);
    p->fl[p->fn].rank = (int8_t)st->rank;
    p->fl[p->fn].skp = (int8_t)(st->nskp ? st->skp[st->nskp - 1].predikat : 0);
    p->fl[p->fn].post_since = st->post_since;
    p->fn++;
    return 0;
}

/* The name index's order: ASCII letters folded, then the NIP. */
static int frow_cmp(const void *a, const void *b)
{
    const struct frow *x = a, *y = b;
    int d = fold_cmp(x->name, y->name, sizeof x->name);
    return d ? d : strcmp(x->nip, y->nip);
}

/* Longer in post first when ascending by years means an earlier date
 * last: years ascending = post_since descending; no date sorts last. */
static int years_cmp(const struct frow *x, const struct frow *y)
{
    bool nx = x->post_since == MDATE_NONE, ny = y->post_since == MDATE_NONE;
    if (nx || ny)
        return nx - ny;
    return x->post_since > y->post_since ? -1 : x->post_since < y->post_since;
}

static int sort_col;            /* the column qsort compares by */

static int frow_sort_cmp(const void *a, const void *b)
{
    const struct frow *x = a, *y = b;
    int d = 0;
    switch (sort_col) {
    case SORT_NIP:
        return strcmp(x->nip, y->nip);
    case SORT_UNIT:
        d = strcmp(x->unit, y->unit);
        break;
    case SORT_RANK:
        d = x->rank - y->rank;
        break;
    case SORT_YEARS:
        d = years_cmp(x, y);
        break;
    case SORT_SKP:
        d = x->skp - y->skp;
        break;
    default:
        break;
    }
    return d ? d : frow_cmp(a, b);
}

static void reverse_rows(struct staff_priv *p)
{
    for (size_t i = 0, j = p->fn; i + 1 < j; i++, j--) {
        struct frow tmp = p->fl[i];
        p->fl[i] = p->fl[j - 1];
        p->fl[j - 1] = tmp;
    }
}

static void sort_filtered(struct staff_priv *p)
{
    sort_col = p->sort;
    if (p->fn)
        qsort(p->fl, p->fn, sizeof *p->fl, frow_sort_cmp);
    if (p->desc)
        reverse_rows(p);
}

/* One pass: the unit's index for a unit filter, else every record in
 * key order (the fastest walk); then sorted by name. */
static void build_filtered(struct screen *s)
{
    struct staff_priv *p = s->priv;
    free(p->fl);
    p->fl = NULL;
    p->fn = p->fsel = p->ftop = 0;
    p->fcapped = false;
    stxn *t = store_read_begin(db_of(s));
    if (!t)
        return;
    struct collect c = {.p = p, .today = s->app->env->today};
    p->t = t;
    int rc = p->filter == SF_UNIT ? store_each_staff_in_unit(t, p->filter_arg, collect_cb, &c)
                                  : store_each_staff(t, NULL, collect_cb, &c);
    p->t = NULL;
    if (rc < 0)
        ui_app_message(s->app, _("could not read the database: %s"), store_errmsg(db_of(s)));
    store_read_end(t);
    sort_filtered(p);
}

/* s goes round the columns, each ascending then descending: name, NIP,
 * unit, and for a filtered list rank, years in post and SKP. */
static void next_sort(struct screen *s, bool filtered)
{
    struct staff_priv *p = s->priv;
    static const char *const cols[] = {
        N_("name"), N_("NIP"), N_("unit"), N_("rank"), N_("years in post"), N_("SKP"),
    };
    int last = filtered ? SORT_SKP : SORT_UNIT;
    bool wrapped = false;
    if (!p->desc) {
        p->desc = true;
    } else {
        p->desc = false;
        if (++p->sort > last) {
            p->sort = SORT_NAME;
            wrapped = true;
        }
    }
    if (p->sort == SORT_NAME && !filtered && wrapped)
        ui_app_message(s->app, "%s",
                       _("sorted by name, A to Z (to sort by rank, years or SKP, filter first: f)"));
    else if (p->sort == SORT_NAME)
        ui_app_message(s->app, "%s", p->desc ? _("sorted by name, Z to A") : _("sorted by name, A to Z"));
    else
        ui_app_message(s->app, _("sorted by %s, %s"), _(cols[p->sort]),
                       p->desc ? _("descending") : _("ascending"));
}

static int filtered_action(struct screen *s, int action, int count, int height)
{
    struct staff_priv *p = s->priv;
    if (ui_list_move(&p->fsel, &p->ftop, p->fn, action, count, height))
        return 1;
    if (action == ACT_OPEN) {
        if (p->fn)
            ui_app_push(s->app, ui_staff_detail_new(s->app, p->fl[p->fsel].nip));
        return 1;
    }
    if (action == ACT_SORT) {
        next_sort(s, true);
        sort_filtered(p);
        p->fsel = p->ftop = 0;
        return 1;
    }
    return 0;
}

static bool frow_matches(const struct frow *r, const char *text)
{
    char digits[64];
    size_t n = 0;
    for (const char *m = text; *m && n + 1 < sizeof digits; m++)
        if (*m != ' ')
            digits[n++] = *m;
    digits[n] = '\0';
    return ui_text_contains(r->name, text) || (n && strstr(r->nip, digits));
}

static int filtered_search(struct screen *s, const char *text, int dir, bool include_current)
{
    struct staff_priv *p = s->priv;
    if (!p->fn)
        return 0;
    size_t i = p->fsel;
    if (!include_current) {
        if (dir > 0 ? i + 1 >= p->fn : i == 0)
            return 0;
        i = dir > 0 ? i + 1 : i - 1;
    }
    for (;;) {
        if (frow_matches(&p->fl[i], text)) {
            p->fsel = i;
            return 1;
        }
        if (dir > 0 ? i + 1 >= p->fn : i == 0)
            return 0;
        i = dir > 0 ? i + 1 : i - 1;
    }
}

/* ---- screen operations -------------------------------------------------- */
static int staff_action(struct screen *s, int action, int count, int height)
{
    struct staff_priv *p = s->priv;
    if (!db_of(s))
        return 0;
    if (p->filter)
        return filtered_action(s, action, count, height);
    if (action == ACT_OPEN) {
        if (p->nrows)
            ui_app_push(s->app, ui_staff_detail_new(s->app, p->rows[p->sel].nip));
        return 1;
    }
    stxn *t = store_read_begin(db_of(s));
    if (!t)
        return 1;
    long c = count > 0 ? count : 1;
    int handled = 1;
    switch (action) {
    case ACT_DOWN:
        move_by(s, t, c, height);
        break;
    case ACT_UP:
        move_by(s, t, -c, height);
        break;
    case ACT_PAGE_DOWN:
        scroll_by(s, t, c * height, height);
        break;
    case ACT_PAGE_UP:
        scroll_by(s, t, -c * height, height);
        break;
    case ACT_HALF_DOWN:
        scroll_by(s, t, c * ((height + 1) / 2), height);
        break;
    case ACT_HALF_UP:
        scroll_by(s, t, -c * ((height + 1) / 2), height);
        break;
    case ACT_TOP:
        go_first(s, t, height);
        break;
    case ACT_BOTTOM:
        go_last(s, t, height);
        break;
    case ACT_SORT:
        next_sort(s, false);
        go_first(s, t, height);
        break;
    default:
        handled = 0;
    }
    store_read_end(t);
    return handled;
}

/* ---- search over the corpus ------------------------------------------- */
static int corpus_add_cb(const char *folded, size_t len, const char *nip, void *ctx)
{
    return corpus_add(ctx, folded, len, nip) == 0 ? 0 : 1;
}

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
    corpus_free(&p->corpus);
    /* Room for the people there are now, and names of about 24 bytes;
     * the rest is given back. */
    size_t count = store_count_staff(t);
    corpus_reserve(&p->corpus, count + 1, (count + 1) * 28);
    if (store_each_name_key(t, corpus_add_cb, &p->corpus) != 0 || p->corpus.broken) {
        corpus_free(&p->corpus);
        p->corpus_failed = stamp;
        return false;
    }
    corpus_trim(&p->corpus);
    p->corpus.ready = true;
    p->corpus.stamp = stamp;
    return true;
}

/* Searches the corpus: 1 found, 0 not, -1 cannot (walk instead). */
static int corpus_search_staff(struct screen *s, stxn *t, const char *text, int dir,
                               bool include_current, int height)
{
    struct staff_priv *p = s->priv;
    if (p->sort != SORT_NAME || !corpus_current(p, t))
        return -1;
    struct corpus *c = &p->corpus;
    const struct staff *cur = &p->rows[p->sel];
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
    p->top_index = dc >= (size_t)p->sel ? dc - (size_t)p->sel : 0;
    if (dm >= p->top_index && dm < p->top_index + (size_t)p->nrows) {
        p->sel = (int)(dm - p->top_index);
    } else {
        /* The match becomes the top row; near the end the page is filled
         * upwards. The folded name serves as the index key. */
        size_t len;
        const char *name = corpus_name(c, m, &len);
        if (len >= sizeof p->top_name)
            len = sizeof p->top_name - 1;
        memcpy(p->top_name, name, len);
        p->top_name[len] = '\0';
        corpus_nip(c, m, p->top_nip);
        p->have_top = true;
        p->top_index = dm;
        p->sel = 0;
        settle(s, t, height);
    }
    (void)wrapped;              /* the application says so, from the positions */
    return 1;
}

static int staff_search(struct screen *s, const char *text, int dir, bool include_current)
{
    struct staff_priv *p = s->priv;
    if (p->filter)
        return filtered_search(s, text, dir, include_current);
    if (!db_of(s) || !p->nrows)
        return 0;
    stxn *t = store_read_begin(db_of(s));
    if (!t)
        return 0;
    int height = p->height > 0 ? p->height : 20;
    int r = corpus_search_staff(s, t, text, dir, include_current, height);
    if (r >= 0) {
        store_read_end(t);
        return r;
    }
    struct staff cur = p->rows[p->sel];
    struct walk w = {.p = p, .today = s->app->env->today, .want = 0, .match = text,
                     .term = &s->app->term};
    if (include_current && walk_cb(&cur, &w) && w.found) {
        store_read_end(t);
        return 1;
    }
    w.seen = 0;
    walk_from(s, t, cur.name, cur.nip, cur.unit, dir, &w);
    if (w.found) {
        long dist = w.seen + 1;   /* rows between, plus the match itself */
        long want = p->sel + (dir > 0 ? dist : -dist);
        if (want >= 0 && want < p->nrows) {
            p->sel = (int)want;
        } else {
            /* Far away: the match becomes the top row, found without a
             * second walk; near the end the page is filled upwards. */
            size_t index = p->top_index + (size_t)p->sel;
            p->top_index = dir > 0 ? index + (size_t)dist : index - (size_t)dist;
            set_top(p, &w.last);
            p->sel = 0;
            settle(s, t, height);
        }
    }
    store_read_end(t);
    return w.found;
}

/* The corpus (about 31 MB at a million staff) is read again at the next
 * search: the Units screen's figures take most of the memory budget. */
static void staff_hide(struct screen *s)
{
    struct staff_priv *p = s->priv;
    corpus_free(&p->corpus);
    p->corpus_failed = 0;
}

static void staff_search_prepare(struct screen *s)
{
    struct staff_priv *p = s->priv;
    if (p->filter || !db_of(s))
        return;
    stxn *t = store_read_begin(db_of(s));
    if (t) {
        corpus_current(p, t);
        store_read_end(t);
    }
}

static int staff_filter(struct screen *s, const char *text)
{
    struct staff_priv *p = s->priv;
    char key[32] = "", arg[64] = "";
    const char *colon = strchr(text, ':');
    if (colon) {
        snprintf(key, sizeof key, "%.*s", (int)(colon - text), text);
        snprintf(arg, sizeof arg, "%s", colon + 1);
    } else {
        snprintf(key, sizeof key, "%s", text);
    }
    p->filter = SF_NONE;
    p->filter_label[0] = '\0';
    if (!text[0]) {
        ui_app_message(s->app, "%s", _("filter cleared"));
    } else if (!strcmp(key, "unit") && arg[0]) {
        p->filter = SF_UNIT;
    } else if (!strcmp(key, "rank") && arg[0]) {
        int r = rank_parse(arg, strlen(arg));
        if (r <= 0) {
            ui_app_message(s->app, _("no rank \"%s\"; write it like III/a"), arg);
            return -1;
        }
        p->filter = SF_RANK;
        p->filter_rank = r;
    } else if (!strcmp(key, "family") && arg[0]) {
        p->filter = SF_FAMILY;
    } else if (!strcmp(key, "rotation")) {
        p->filter = SF_ROTATION;
        p->policy = &s->app->policy;
    } else if (!strcmp(key, "eligible")) {
        p->filter = SF_ELIGIBLE;
        p->policy = &s->app->policy;
    } else if (!colon) {
        p->filter = SF_TEXT;
        snprintf(arg, sizeof arg, "%s", text);
    } else {
        ui_app_message(s->app, _("unknown filter \"%s\"; use unit:, rank:, family:, rotation, eligible or a name"), key);
        return -1;
    }
    snprintf(p->filter_arg, sizeof p->filter_arg, "%s", arg);
    if (p->filter) {
        snprintf(p->filter_label, sizeof p->filter_label, "%s", text);
        ui_app_message(s->app, _("filter: %s (f then Enter on an empty line clears it)"), text);
    }
    if (!p->filter && p->sort > SORT_UNIT) {
        p->sort = SORT_NAME;     /* no index for that column: back to names */
        p->desc = false;
    }
    p->have_top = false;
    p->top_index = 0;
    p->sel = 0;
    p->nrows = 0;
    free(p->fl);
    p->fl = NULL;
    p->fn = p->fsel = p->ftop = 0;
    if (p->filter) {
        build_filtered(s);
        if (p->fcapped)
            ui_app_message(s->app, _("filter: %s (the first %d matches in NIP order; narrow it down)"),
                           text, FILTER_MAX);
    }
    return 0;
}

static void staff_position(struct screen *s, size_t *pos, size_t *total)
{
    struct staff_priv *p = s->priv;
    if (p->filter) {
        *pos = p->fn ? p->fsel + 1 : 0;
        *total = p->fn;
        return;
    }
    *pos = p->nrows ? p->top_index + (size_t)p->sel + 1 : 0;
    *total = 0;
    if (!p->filter && db_of(s)) {
        stxn *t = store_read_begin(db_of(s));
        if (t) {
            *total = store_count_staff(t);
            store_read_end(t);
        }
    }
}

/* Column widths for a screen width: NIP 21, rank 5, years 3, SKP 2 stay;
 * name, position and unit share the rest. */
struct cols {
    int name, pos, unit;
};

static struct cols columns(int width)
{
    int rest = width - (1 + 21 + 1 + 5 + 1 + 3 + 1 + 3) - 3;
    struct cols c;
    /* Names rarely need more than 40 cells; wide screens give the rest
     * to the position and unit names. */
    c.name = rest * 45 / 100;
    if (c.name > 40)
        c.name = 40;
    c.pos = (rest - c.name) / 2;
    c.unit = rest - c.name - c.pos;
    return c;
}

static const char *skp_short(int v)
{
    /* Initials of the predikat, the way offices abbreviate them. */
    static const char *const shorts[] = {"", "SK", "K", "BP", "B", "SB"};
    return v >= 0 && v <= SKP_SANGAT_BAIK ? shorts[v] : "";
}

static void name_of_position(stxn *t, const char *code, char *out, size_t n)
{
    struct position pos;
    if (code[0] && store_get_position(t, code, &pos) == STORE_OK)
        snprintf(out, n, "%s", pos.name);
    else
        snprintf(out, n, "%s", code);
}

static void name_of_unit(stxn *t, const char *code, char *out, size_t n)
{
    struct unit u;
    if (code[0] && store_get_unit(t, code, &u) == STORE_OK)
        snprintf(out, n, "%s", u.name);
    else
        snprintf(out, n, "%s", code);
}

static void draw_row(struct screen *s, stxn *t, WINDOW *w, const struct staff *st,
                     struct cols c, bool selected)
{
    bool ascii = s->app->ascii;
    char nip[NIP_FMT_LEN + 1], buf[NAME_SIZE], num[16];
    nip_format(st->nip, nip);
    waddch(w, selected ? '>' : ' ');
    /* Reverse video on the NIP only: moving one row repaints two short
     * fields instead of two whole lines (a few dozen bytes). */
    if (selected)
        wattron(w, A_REVERSE);
    ui_put_field(w, nip, 21, ascii);
    if (selected)
        wattroff(w, A_REVERSE);
    waddch(w, ' ');
    ui_put_field(w, st->name, c.name, ascii);
    waddch(w, ' ');
    ui_put_field(w, rank_name(st->rank), 5, ascii);
    waddch(w, ' ');
    /* on CLTN or study leave the post is vacated: say so in its place */
    if (!st->position[0] && st->leave == LEAVE_CLTN)
        snprintf(buf, sizeof buf, "%s", _("(CLTN, no post)"));
    else if (!st->position[0] && st->leave == LEAVE_TUGAS_BELAJAR)
        snprintf(buf, sizeof buf, "%s", _("(study leave, no post)"));
    else
        name_of_position(t, st->position, buf, sizeof buf);
    ui_put_field(w, buf, c.pos, ascii);
    waddch(w, ' ');
    name_of_unit(t, st->unit, buf, sizeof buf);
    ui_put_field(w, buf, c.unit, ascii);
    waddch(w, ' ');
    num[0] = '\0';
    if (st->post_since != MDATE_NONE)
        snprintf(num, sizeof num, "%3d", date_years_between(st->post_since, s->app->env->today));
    ui_put_field(w, num, 3, ascii);
    waddch(w, ' ');
    ui_put_field(w, st->nskp ? skp_short(st->skp[st->nskp - 1].predikat) : "", 3, ascii);
}

static int draw_filtered(struct screen *s, stxn *t, WINDOW *w, int y0, int height,
                         struct cols c)
{
    struct staff_priv *p = s->priv;
    ui_list_clamp(&p->fsel, &p->ftop, p->fn, height);
    int sel_y = -1;
    for (int i = 0; i < height && p->ftop + (size_t)i < p->fn; i++) {
        size_t r = p->ftop + (size_t)i;
        struct staff st;
        wmove(w, y0 + 1 + i, 0);
        if (store_get_staff(t, p->fl[r].nip, &st) != STORE_OK) {
            /* Gone since the filter was set: keep the row, say so. */
            memset(&st, 0, sizeof st);
            copy_str(st.nip, sizeof st.nip, p->fl[r].nip);
            copy_str(st.name, sizeof st.name, _("(no longer in the database)"));
            st.post_since = MDATE_NONE;
        }
        draw_row(s, t, w, &st, c, r == p->fsel);
        if (r == p->fsel)
            sel_y = y0 + 1 + i;
    }
    if (!p->fn)
        mvwaddstr(w, y0 + 1, 1, _("Nobody matches the filter."));
    return sel_y;
}

/* The cell before a column title: the sort mark when the list is sorted
 * by that column (up ascending, down descending; ^ and v in ASCII), so
 * that it reads without colour. */
static void sort_mark(struct screen *s, WINDOW *w, int col)
{
    struct staff_priv *p = s->priv;
    if (p->sort != col)
        waddch(w, ' ');
    else if (s->app->ascii)
        waddch(w, p->desc ? 'v' : '^');
    else
        waddstr(w, p->desc ? "\u25bc" : "\u25b2");
}

static int staff_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct staff_priv *p = s->priv;
    struct cols c = columns(width);
    p->height = height;
    wattrset(w, A_BOLD);
    wmove(w, y0, 0);
    sort_mark(s, w, SORT_NIP);
    ui_put_field(w, _("NIP"), 21, s->app->ascii);
    sort_mark(s, w, SORT_NAME);
    ui_put_field(w, p->filter_label[0] ? p->filter_label : _("Name"), c.name, s->app->ascii);
    sort_mark(s, w, SORT_RANK);
    ui_put_field(w, _("Rank"), 5, s->app->ascii);
    waddch(w, ' ');
    ui_put_field(w, _("Position"), c.pos, s->app->ascii);
    sort_mark(s, w, SORT_UNIT);
    ui_put_field(w, _("Unit"), c.unit, s->app->ascii);
    sort_mark(s, w, SORT_YEARS);
    ui_put_field(w, _("Yrs"), 3, s->app->ascii);
    sort_mark(s, w, SORT_SKP);
    ui_put_field(w, _("SKP"), 3, s->app->ascii);
    wattrset(w, A_NORMAL);
    if (!db_of(s)) {
        mvwaddstr(w, y0 + 1, 1, _("No database."));
        return -1;
    }
    /* One short read transaction per frame, so changes made by other
     * operators show at the next key. */
    stxn *t = store_read_begin(db_of(s));
    if (!t)
        return -1;
    if (p->filter) {
        int sel_y = draw_filtered(s, t, w, y0, height, c);
        store_read_end(t);
        return sel_y;
    }
    fill_window(s, t, height);
    if (p->sel >= p->nrows)
        p->sel = p->nrows ? p->nrows - 1 : 0;
    for (int i = 0; i < p->nrows && i < height; i++) {
        wmove(w, y0 + 1 + i, 0);
        draw_row(s, t, w, &p->rows[i], c, i == p->sel);
    }
    store_read_end(t);
    if (!p->nrows) {
        mvwaddstr(w, y0 + 1, 1, p->filter ? _("Nobody matches the filter.") : _("No staff yet."));
        return -1;
    }
    return y0 + 1 + p->sel;
}

static void staff_get_pos(struct screen *s, struct saved_pos *sp)
{
    struct staff_priv *p = s->priv;
    if (p->filter) {
        sp->sel = p->fsel;
        sp->top = p->ftop;
        return;
    }
    sp->sel = (size_t)p->sel;
    sp->index = p->top_index;
    sp->top = p->have_top;
    snprintf(sp->key, sizeof sp->key, "%s", p->top_nip);
}

static void staff_set_pos(struct screen *s, const struct saved_pos *sp)
{
    struct staff_priv *p = s->priv;
    if (p->filter) {
        p->fsel = sp->sel;
        p->ftop = sp->top;
        return;
    }
    p->sel = (int)sp->sel;
    p->top_index = sp->index;
    p->have_top = sp->top != 0;
    copy_str(p->top_nip, sizeof p->top_nip, sp->key);
    stxn *t = db_of(s) ? store_read_begin(db_of(s)) : NULL;
    if (t) {
        struct staff st;
        if (p->have_top && store_get_staff(t, p->top_nip, &st) == STORE_OK)
            set_top(p, &st);
        fill_window(s, t, p->height > 0 ? p->height : 20);
        store_read_end(t);
    }
}

static void staff_close(struct screen *s)
{
    struct staff_priv *p = s->priv;
    free(p->fl);
    corpus_free(&p->corpus);
    free(p);
}

static const struct screen_ops staff_ops = {
    .name = "staff",
    .title = N_("Staff"),
    .close = staff_close,
    .position = staff_position,
    .draw = staff_draw,
    .action = staff_action,
    .search = staff_search,
    .search_prepare = staff_search_prepare,
    .hide = staff_hide,
    .filter = staff_filter,
    .filter_hint = N_("filter (unit:CODE rank:III/a family:NAME rotation eligible, or part of a name)"),
    .get_pos = staff_get_pos,
    .set_pos = staff_set_pos,
};

struct screen *ui_staff_screen_new(struct app *a)
{
    struct screen *s = calloc(1, sizeof *s);
    struct staff_priv *p = calloc(1, sizeof *p);
    if (!s || !p) {
        free(s);
        free(p);
        return NULL;
    }
    s->ops = &staff_ops;
    s->app = a;
    s->priv = p;
    return s;
}
