/* The Units screen: the unit tree with the workload figures (need,
 * existing, gap, EJ, grade) and a bar per row; groups by district and job
 * family; Enter lists a unit's positions and people. The figures come from
 * the workload engine over the records read in one read transaction. */
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/filter.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "core/vocab.h"
#include "core/workload.h"
#include "store/store.h"
#include "ui/uipriv.h"

#include "ui/unit_label.h"
#include "ui/units_internal.h"

/* ---- loading ------------------------------------------------------------
 * The workload engine keeps what the roll-up needs (codes, tree, figures);
 * names are read from the store for the rows that are shown. */
static void rebuild_rows(struct screen *s);
static bool read_names(struct screen *s);
static void find_repeated_names(struct units_priv *p);

/* The units' names as the summary reads their records (in unit index
 * order), so that the names need no second read of every unit. */
struct name_tap {
    char **names;
    size_t n, cap;
    bool oom;
};

static void free_names(struct units_priv *p)
{
    for (size_t u = 0; p->names && u < p->nunits; u++)
        free(p->names[u]);
    free(p->names);
    free(p->dup);
    p->names = NULL;
    p->dup = NULL;
}

static int tap_name(const struct unit *u, void *ctx)
{
    struct name_tap *nt = ctx;
    /* Out of memory: the names are read again afterwards. */
    if (!nt->oom && (GROW_ROOM(nt->names, nt->cap, nt->n + 1, 1024) != 0 ||
                     !(nt->names[nt->n++] = strdup(u->name))))
        nt->oom = true;
    return 0;
}

static void keep_names(struct units_priv *p, struct name_tap *nt)
{
    if (!nt->oom && nt->n == p->nunits) {
        p->names = nt->names;
        return;
    }
    for (size_t i = 0; i < nt->n; i++)
        free(nt->names[i]);
    free(nt->names);
}

/* The first time: the lazy tree when the store keeps one (units_lazy.c). */
static bool try_lazy(struct screen *s)
{
    struct units_priv *p = s->priv;
    if (p->lazy_tried || !s->app->db)
        return false;
    p->lazy_tried = true;
    if (!ui_units_lazy_open(s))
        return false;
    p->lazy = p->loaded = true;
    rebuild_rows(s);
    return true;
}

static int load(struct screen *s)
{
    struct units_priv *p = s->priv;
    store *db = s->app->db;
    if (p->loaded || !db || try_lazy(s))
        return 0;
    /* The stored aggregates: no pass over the positions for the tree. */
    struct wl_problems pr;
    struct ops_err e;
    struct name_tap nt = {NULL, 0, 0, false};
    struct ops_workload_tap tap = {tap_name, NULL, &nt};
    p->wl = ops_workload_summary_tap(&s->app->ops, p->names ? NULL : &tap, &pr, &e);
    if (!p->wl) {
        keep_names(p, &nt);     /* frees them: nunits is not theirs */
        return -1;
    }
    p->nunits = workload_unit_count(p->wl);
    keep_names(p, &nt);
    p->norder = workload_units_in(p->wl, -1, &p->order);
    p->expanded = calloc(p->nunits ? p->nunits : 1, sizeof *p->expanded);
    if (!p->expanded)
        return -1;
    /* Open the roots so that the first screen shows what lies below them. */
    for (size_t i = 0; i < p->norder; i++)
        if (workload_unit_depth(p->wl, p->order[i]) == 0)
            p->expanded[p->order[i]] = true;
    p->loaded = true;
    if (read_names(s))
        find_repeated_names(p);
    rebuild_rows(s);
    return 0;
}

static void unit_name(stxn *t, const struct workload *w, size_t u, char *out, size_t size)
{
    struct unit rec;
    const char *code = workload_unit_code(w, u);
    if (t && store_get_unit(t, code, &rec) == STORE_OK)
        snprintf(out, size, "%s", rec.name);
    else
        snprintf(out, size, "%s", code);
}

/* ---- names: a name that repeats (Sekretariat) shows its parent ----------- */
static void find_repeated_names(struct units_priv *p)
{
    p->dup = ui_names_repeated(p->names, p->nunits);
}

/* "Sekretariat (Dinas Kesehatan)" where the name repeats, else the name. */
void ui_units_label(const struct units_priv *p, size_t u, char *out, size_t size)
{
    const char *name = p->names && p->names[u] ? p->names[u] : workload_unit_code(p->wl, u);
    long parent = workload_unit_parent(p->wl, u);
    bool show = p->dup && p->dup[u] && parent >= 0 && p->names[parent];
    ui_unit_label_format(out, size, name, show ? p->names[parent] : NULL);
}

/* ---- the rows ----------------------------------------------------------- */
/* The row's own name, without the parent a repeated name shows. */
static const char *own_name(const struct units_priv *p, const struct urow *r)
{
    return r->unit >= 0 && p->names && p->names[r->unit] ? p->names[r->unit] : r->name;
}

static bool term_passes(const struct units_priv *up, const struct flt_term *t,
                        const struct urow *r)
{
    const struct policy *p = up->policy;
    int balance = wl_balance(&r->fig, p);
    switch (t->kind) {
    case FLT_SHORT:
        return balance < 0;
    case FLT_OVER:
        return balance > 0;
    case FLT_BALANCED:
        return balance == 0;
    case FLT_TEXT:
        return fold_contains(own_name(up, r), t->arg, strlen(t->arg));
    default:
        return true;
    }
}

/* Every term of the filter holds (they combine by AND). */
static bool row_passes(const struct units_priv *p, const struct urow *r)
{
    for (int i = 0; p->filter && i < p->flt.n; i++)
        if (!term_passes(p, &p->flt.t[i], r))
            return false;
    return true;
}

static void push_row(struct units_priv *p, const struct urow *r)
{
    if (!row_passes(p, r))
        return;
    struct urow *dst = &p->rows[p->nrows];
    *dst = *r;
    dst->name = strdup(r->name);
    if (dst->name)
        p->nrows++;
}

static void free_rows(struct units_priv *p)
{
    for (size_t i = 0; i < p->nrows; i++)
        free(p->rows[i].name);
    free(p->rows);
    p->rows = NULL;
    p->nrows = p->caprows = 0;
}

static void rebuild_tree(struct units_priv *p, stxn *t)
{
    p->rows = calloc(p->norder ? p->norder : 1, sizeof *p->rows);
    if (!p->rows)
        return;
    int hide_below = -1;        /* depth of a closed unit we are inside */
    for (size_t i = 0; i < p->norder; i++) {
        size_t u = p->order[i];
        int depth = workload_unit_depth(p->wl, u);
        if (hide_below >= 0 && depth > hide_below && !p->filter && !p->sort)
            continue;
        hide_below = -1;
        char name[2 * NAME_SIZE + 4];
        struct urow r = {.unit = (long)u, .depth = depth, .name = name};
        r.has_children = i + 1 < p->norder &&
                         workload_unit_depth(p->wl, p->order[i + 1]) > depth;
        if (p->names)
            ui_units_label(p, u, name, sizeof name);
        else
            unit_name(t, p->wl, u, name, sizeof name);
        r.fig = *workload_unit_row(p->wl, u);
        r.open = r.has_children && p->expanded[u];
        push_row(p, &r);
        if (r.has_children && !p->expanded[u])
            hide_below = depth;
    }
}

static void rebuild_groups(struct units_priv *p, int by)
{
    struct wl_group *g = NULL;
    size_t n = workload_group(p->wl, -1, by, &g);
    p->rows = calloc(n ? n : 1, sizeof *p->rows);
    if (!p->rows) {
        free(g);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char name[NAME_SIZE];
        struct urow r = {.unit = -1, .name = name};
        snprintf(name, sizeof name, "%s", g[i].name[0] ? g[i].name : _("(none)"));
        r.fig = g[i].row;
        push_row(p, &r);
    }
    free(g);
}

static const struct policy *sort_policy;

static int by_gap(const void *x, const void *y)
{
    const struct urow *a = x, *b = y;
    int64_t ga = wl_gap(&a->fig), gb = wl_gap(&b->fig);
    return ga < gb ? -1 : ga > gb ? 1 : strcmp(a->name, b->name);
}

static int by_ej(const void *x, const void *y)
{
    const struct urow *a = x, *b = y;
    int64_t ea = wl_ej_hundredths(&a->fig, sort_policy), eb = wl_ej_hundredths(&b->fig, sort_policy);
    return ea > eb ? -1 : ea < eb ? 1 : strcmp(a->name, b->name);
}

static void sort_rows(struct screen *s)
{
    struct units_priv *p = s->priv;
    sort_policy = &s->app->policy;
    if (p->sort == US_GAP)
        qsort(p->rows, p->nrows, sizeof *p->rows, by_gap);
    else if (p->sort == US_EJ)
        qsort(p->rows, p->nrows, sizeof *p->rows, by_ej);
}

static void go_full(struct screen *s);

/* The lazy tree's rows again, the selection kept on the same unit. */
static void rebuild_lazy(struct screen *s)
{
    struct units_priv *p = s->priv;
    char keep[CODE_SIZE] = "";
    if (p->nrows && p->list.sel < p->nrows)
        memcpy(keep, p->rows[p->list.sel].code, CODE_SIZE);
    free_rows(p);
    if (!ui_units_lazy_rows(s)) {
        go_full(s);             /* a parent cycle came, say: the whole tree */
        return;
    }
    for (size_t i = 0; keep[0] && i < p->nrows; i++)
        if (strcmp(p->rows[i].code, keep) == 0)
            p->list.sel = i;
    if (p->list.sel >= p->nrows)
        p->list.sel = p->nrows ? p->nrows - 1 : 0;
}

static void rebuild_rows(struct screen *s)
{
    struct units_priv *p = s->priv;
    if (p->lazy) {
        rebuild_lazy(s);
        return;
    }
    long keep = p->nrows && p->list.sel < p->nrows ? p->rows[p->list.sel].unit : -1;
    free_rows(p);
    if (!p->wl)
        return;
    if (p->view == UV_TREE) {
        stxn *t = s->app->db ? store_read_begin(s->app->db) : NULL;
        rebuild_tree(p, t);
        if (t)
            store_read_end(t);
    } else
        rebuild_groups(p, p->view == UV_DISTRICT ? WL_BY_DISTRICT : WL_BY_JOB_FAMILY);
    sort_rows(s);
    /* Keep the selection on the same unit when it is still shown. */
    for (size_t i = 0; keep >= 0 && i < p->nrows; i++)
        if (p->rows[i].unit == keep)
            p->list.sel = i;
    if (p->list.sel >= p->nrows)
        p->list.sel = p->nrows ? p->nrows - 1 : 0;
}

/* Leaves the lazy tree for the whole one (what needs every unit): the
 * same units open, the selection on the same unit. */
static void go_full(struct screen *s)
{
    struct units_priv *p = s->priv;
    char keep[CODE_SIZE] = "";
    if (!p->lazy)
        return;
    if (p->nrows && p->list.sel < p->nrows)
        memcpy(keep, p->rows[p->list.sel].code, CODE_SIZE);
    free_rows(p);
    p->lazy = p->loaded = false;
    if (load(s) != 0 || !p->wl) {
        ui_units_lazy_free(p);
        return;
    }
    for (size_t u = 0; u < p->nunits; u++)
        p->expanded[u] = ui_units_lazy_is_open(p, workload_unit_code(p->wl, u));
    ui_units_lazy_free(p);
    p->list.sel = 0;
    rebuild_rows(s);
    long at = keep[0] ? workload_unit_index(p->wl, keep) : -1;
    for (size_t i = 0; at >= 0 && i < p->nrows; i++)
        if (p->rows[i].unit == at)
            p->list.sel = i;
}

/* The figures again after the database changed. The same units keep
 * what was open and the selection; another set of units starts afresh. */
static void reload(struct screen *s)
{
    struct units_priv *p = s->priv;
    struct wl_problems pr;
    struct ops_err e;
    p->stale = false;
    if (!p->loaded)
        return;
    if (p->lazy) {
        free(p->rep);           /* names may have changed */
        p->rep = NULL, p->nrep = 0, p->rep_read = false;
        rebuild_rows(s);
        return;
    }
    struct name_tap nt = {NULL, 0, 0, false};
    struct ops_workload_tap tap = {tap_name, NULL, &nt};
    struct workload *wl = ops_workload_summary_tap(&s->app->ops, &tap, &pr, &e);
    if (!wl) {
        nt.oom = true;          /* keep_names frees them */
        keep_names(p, &nt);
        ui_app_message(s->app, "%s", e.msg);
        return;
    }
    bool same = workload_unit_count(wl) == p->nunits;
    for (size_t u = 0; same && u < p->nunits; u++)
        same = strcmp(workload_unit_code(wl, u), workload_unit_code(p->wl, u)) == 0;
    workload_free(p->wl);
    workload_free(p->full);     /* read again at the next drill-down */
    p->full = NULL;
    p->wl = wl;
    free(p->order);
    p->norder = workload_units_in(p->wl, -1, &p->order);
    free_names(p);              /* a unit may have been renamed */
    nt.oom = nt.oom || !same;   /* another tree: load() reads its names */
    keep_names(p, &nt);
    if (same) {
        if (read_names(s))
            find_repeated_names(p);
        rebuild_rows(s);
        return;
    }
    workload_free(p->wl);
    p->wl = NULL;
    free(p->expanded);
    p->expanded = NULL;
    free(p->order);
    p->order = NULL;
    p->loaded = false;
    p->list.sel = 0;
    if (load(s) != 0)
        ui_app_message(s->app, "%s", _("could not read the workload figures again"));
}

static void units_data_changed(struct screen *s)
{
    ((struct units_priv *)s->priv)->stale = true;
}

/* ---- drawing ------------------------------------------------------------ */
#define FIXED_COLS 45

char ui_units_mark(const struct wl_row *f, const struct policy *p)
{
    int b = wl_balance(f, p);
    return b < 0 ? '!' : b > 0 ? '^' : '=';
}

/* "+3", "-2", and "0" rather than "+0". */
void ui_units_format_gap(int64_t gap, char out[24])
{
    snprintf(out, 24, gap ? "%+lld" : "%lld", (long long)gap);
}

static void draw_figures(struct screen *s, WINDOW *w, const struct wl_row *f)
{
    char buf[48], ej[24], gap[24];
    ui_units_format_gap(wl_gap(f), gap);
    snprintf(buf, sizeof buf, "%6lld %6lld %6s ", (long long)f->need,
             (long long)f->existing, gap);
    waddstr(w, buf);
    wl_format_ej(f, &s->app->policy, ej);
    snprintf(buf, sizeof buf, "%5s ", ej);
    waddstr(w, buf);
    ui_put_field(w, wl_grade_name(wl_grade(f, &s->app->policy)), 1, true);
    waddstr(w, " [");
    double ratio = f->need > 0 ? (double)f->existing / (double)f->need : f->existing ? 1.0 : 0.0;
    int balance = wl_balance(f, &s->app->policy);
    bool colour = s->app->color && balance != 0;
    if (colour)
        wattron(w, COLOR_PAIR(balance < 0 ? 1 : 2));
    ui_put_bar(w, ratio, 10, s->app->ascii);
    if (colour)
        wattroff(w, COLOR_PAIR(balance < 0 ? 1 : 2));
    waddch(w, ']');
}

/* After the list's marker: the status mark, the indented name (reversed
 * as far as it goes when selected), the figures. */
static void units_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool on)
{
    struct screen *s = ctx;
    struct units_priv *p = s->priv;
    const struct urow *r = &p->rows[row];
    int namew = p->namew;
    (void)width;
    /* The mark says short (!), over (^) or balanced (=) without colour. */
    if (r->fig.need || r->fig.existing)
        waddch(w, (chtype)ui_units_mark(&r->fig, &s->app->policy));
    else
        waddch(w, ' ');
    char label[NAME_SIZE + 64];
    int indent = p->filter || p->sort ? 0 : r->depth * 2;
    if (indent > 16)
        indent = 16;
    snprintf(label, sizeof label, "%*s%s%s", indent, "",
             r->has_children ? (r->open ? "- " : "+ ") : "  ", r->name);
    int lw = ui_text_width(label) < namew ? ui_text_width(label) : namew;
    if (on)
        wattron(w, A_REVERSE);
    ui_put_field(w, label, on ? lw : namew, s->app->ascii);
    if (on) {
        wattroff(w, A_REVERSE);
        for (int k = lw; k < namew; k++)
            waddch(w, ' ');
    }
    waddch(w, ' ');
    draw_figures(s, w, &r->fig);
}

static int units_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct units_priv *p = s->priv;
    try_lazy(s);                /* no "computing" note where a few rows serve */
    if (!p->loaded && !p->announced && s->app->db) {
        /* Reading every unit and position takes a moment on a large
         * database: say so on this frame, compute on the next. */
        p->announced = true;
        s->app->draw_again = true;
        mvwaddstr(w, y0 + 1, 2, _("Computing the workload figures of every unit..."));
        return -1;
    }
    if (p->stale)
        reload(s);
    if (load(s) != 0 || (!p->wl && !p->lazy)) {
        mvwaddstr(w, y0 + 1, 1, _("The workload figures could not be computed."));
        return -1;
    }
    int namew = width - FIXED_COLS;
    p->namew = namew;
    static const char *const view_names[UV_COUNT] = {
        N_("Unit"), N_("District"), N_("Job family"),
    };
    wattrset(w, A_BOLD);
    wmove(w, y0, 2);
    ui_put_field(w, _(view_names[p->view]), namew, s->app->ascii);
    char head[96];
    snprintf(head, sizeof head, " %6s %6s %6s %5s %s %-12s", _("Need"), _("Exist"), _("Gap"),
             _("EJ"), _("G"), _("Staffing"));
    ui_put_field(w, head, width - namew - 2, s->app->ascii);
    wattrset(w, A_NORMAL);
    int sel_y = lv_draw(&p->list, w, y0 + 1, height, width);
    if (!p->nrows)
        mvwaddstr(w, y0 + 1, 2, p->filter ? _("No unit matches the filter.") : _("No units yet."));
    return sel_y;
}

/* ---- actions ------------------------------------------------------------ */
static int units_action(struct screen *s, int action, int count, int height)
{
    struct units_priv *p = s->priv;
    if (load(s) != 0 || !p->loaded)
        return 0;
    (void)count;
    (void)height;
    if (action == ACT_VIEW || action == ACT_SORT)
        go_full(s);             /* every unit, flat or grouped */
    struct urow *r = p->nrows ? &p->rows[p->list.sel] : NULL;
    switch (action) {
    case ACT_EXPAND:
    case ACT_COLLAPSE:
        if (r && r->unit == UROW_LAZY && r->has_children) {
            if (ui_units_lazy_set_open(p, r->code, action == ACT_EXPAND) != 0)
                ui_app_message(s->app, "%s", _("out of memory"));
            rebuild_rows(s);
        } else if (r && r->unit >= 0 && r->has_children) {
            p->expanded[r->unit] = action == ACT_EXPAND;
            rebuild_rows(s);
        }
        return 1;
    case ACT_VIEW:
        p->view = (p->view + 1) % UV_COUNT;
        p->list.sel = p->list.top = 0;
        rebuild_rows(s);
        ui_app_message(s->app, "%s", p->view == UV_TREE ? _("by unit") :
                    p->view == UV_DISTRICT ? _("by district") : _("by job family"));
        return 1;
    case ACT_SORT:
        p->sort = (p->sort + 1) % US_COUNT;
        rebuild_rows(s);
        p->list.sel = p->list.top = 0;     /* the most short (highest EJ) first */
        ui_app_message(s->app, "%s",
                       p->sort == US_GAP ? _("sorted by gap, most short of staff first (s: by EJ)") :
                       p->sort == US_EJ ? _("sorted by EJ, highest first (s: back)") :
                       p->view == UV_TREE ? _("in tree order (s: by gap)") :
                                            _("in name order (s: by gap)"));
        return 1;
    default:
        return 0;
    }
}

static int units_filter(struct screen *s, const char *text)
{
    struct units_priv *p = s->priv;
    char err[512];
    struct flt f;
    load(s);
    go_full(s);                 /* a filter looks at every unit */
    if (flt_parse(text, FLT_UNITS, &f, err, sizeof err) != 0) {
        ui_app_message(s->app, "%s", err);
        return -1;
    }
    p->flt = f;
    p->filter = f.n > 0;
    p->policy = &s->app->policy;
    p->list.sel = p->list.top = 0;
    rebuild_rows(s);
    if (p->filter)
        ui_app_message(s->app, _("filter: %s (f then Enter on an empty line clears it)"), text);
    else
        ui_app_message(s->app, "%s", _("filter cleared"));
    return 0;
}

static size_t units_count(void *ctx)
{
    struct screen *s = ctx;
    return ((struct units_priv *)s->priv)->nrows;
}

static bool units_match(void *ctx, size_t row, const char *text)
{
    struct screen *s = ctx;
    struct units_priv *p = s->priv;
    const struct urow *r = &p->rows[row];
    if (r->unit == UROW_LAZY)
        return ui_text_contains(r->name, text) || ui_text_contains(r->code, text);
    return ui_text_contains(r->name, text) ||
           (r->unit >= 0 && ui_text_contains(workload_unit_code(p->wl, (size_t)r->unit), text));
}

static void units_choose(void *ctx, size_t row)
{
    struct screen *s = ctx;
    struct units_priv *p = s->priv;
    if (p->lazy) {              /* its positions and people: the whole tree */
        p->list.sel = row;
        go_full(s);
        if (p->lazy || !p->nrows)
            return;
        row = p->list.sel;
    }
    const struct urow *r = &p->rows[row];
    if (r->unit >= 0)
        ui_app_push(s->app, ui_units_drill_down(s, r->unit));
    else
        ui_app_push(s->app, ui_units_open_group(s, r));
}

/* ---- search: the whole tree, opening the branches of a hit -------------- */
static bool read_names(struct screen *s)
{
    struct units_priv *p = s->priv;
    if (p->names)
        return true;
    stxn *t = s->app->db ? store_read_begin(s->app->db) : NULL;
    p->names = calloc(p->nunits ? p->nunits : 1, sizeof *p->names);
    for (size_t u = 0; p->names && u < p->nunits; u++) {
        char name[NAME_SIZE];
        unit_name(t, p->wl, u, name, sizeof name);
        p->names[u] = strdup(name);
    }
    if (t)
        store_read_end(t);
    return p->names != NULL;
}

static bool unit_matches(const struct units_priv *p, size_t u, const char *text)
{
    return (p->names[u] && ui_text_contains(p->names[u], text)) ||
           ui_text_contains(workload_unit_code(p->wl, u), text);
}

/* Opens every unit above order[k] (the tree is in depth-first order). */
static void open_above(struct units_priv *p, size_t k)
{
    int need = workload_unit_depth(p->wl, p->order[k]);
    for (size_t j = k; j-- > 0 && need > 0;) {
        int d = workload_unit_depth(p->wl, p->order[j]);
        if (d < need) {
            p->expanded[p->order[j]] = true;
            need = d;
        }
    }
}

static size_t order_of(const struct units_priv *p, long unit)
{
    for (size_t i = 0; unit >= 0 && i < p->norder; i++)
        if (p->order[i] == (size_t)unit)
            return i;
    return 0;
}

/* In the tree, a search looks at every unit, shown or inside a closed
 * branch; a hit in a closed branch opens it. Filtered or grouped rows are
 * all shown: the list searches them. */
static int units_search(struct screen *s, const char *text, int dir, bool include_current)
{
    struct units_priv *p = s->priv;
    load(s);    /* keys typed ahead (2 then /) may come before the first draw */
    go_full(s); /* a search looks at every unit */
    if (!p->loaded || p->view != UV_TREE || p->filter || !p->norder || !read_names(s))
        return lv_search(&p->list, text, dir, include_current);
    size_t n = p->norder;
    size_t i = order_of(p, p->nrows ? p->rows[p->list.sel].unit : -1);
    size_t start = include_current ? i : dir > 0 ? (i + 1) % n : (i + n - 1) % n;
    for (size_t k = 0; k < n; k++) {
        size_t at = dir > 0 ? (start + k) % n : (start + n - k) % n;
        if (!unit_matches(p, p->order[at], text))
            continue;
        open_above(p, at);
        rebuild_rows(s);
        for (size_t r = 0; r < p->nrows; r++)
            if (p->rows[r].unit == (long)p->order[at])
                p->list.sel = r;
        return 1;
    }
    return 0;
}

/* Where the search started, by unit: rows come and go as branches open. */
static void units_get_pos(struct screen *s, struct saved_pos *sp)
{
    struct units_priv *p = s->priv;
    go_full(s);                 /* a search follows: by unit index */
    sp->sel = p->list.sel;
    sp->top = p->list.top;
    sp->index = p->nrows ? (size_t)p->rows[p->list.sel].unit : (size_t)-1;
}

static void units_set_pos(struct screen *s, const struct saved_pos *sp)
{
    struct units_priv *p = s->priv;
    p->list.sel = sp->sel < p->nrows ? sp->sel : 0;
    p->list.top = sp->top;
    for (size_t r = 0; r < p->nrows; r++)
        if ((size_t)p->rows[r].unit == sp->index)
            p->list.sel = r;
}

static const struct lv_source units_source = {
    .count = units_count,
    .draw_row = units_draw_row,
    .match = units_match,
    .choose = units_choose,
};

static void units_close(struct screen *s)
{
    struct units_priv *p = s->priv;
    workload_free(p->wl);
    workload_free(p->full);
    free(p->order);
    free(p->expanded);
    free_names(p);
    free_rows(p);
    ui_units_lazy_free(p);
    free(p);
}

/* A name the row cuts: in full on the message line. */
static void units_detail(struct screen *s, char *out, size_t size)
{
    struct units_priv *p = s->priv;
    if (!p->nrows || p->list.sel >= p->nrows)
        return;
    const struct urow *r = &p->rows[p->list.sel];
    int indent = p->filter || p->sort ? 0 : r->depth * 2;
    if (indent > 16)
        indent = 16;
    if (indent + 2 + ui_text_width(r->name) > p->namew)
        snprintf(out, size, "%s", r->name);
}

static const struct screen_ops units_ops = {
    .name = "units",
    .title = N_("Units"),
    .close = units_close,
    .draw = units_draw,
    .action = units_action,
    .filter = units_filter,
    .search = units_search,
    .detail = units_detail,
    .get_pos = units_get_pos,
    .set_pos = units_set_pos,
    .filter_hint = N_("filter (short, over, balanced, part of a name; terms combine)"),
    .data_changed = units_data_changed,
};

struct screen *ui_units_screen_new(struct app *a)
{
    struct screen *s = ui_screen_alloc(a, &units_ops, sizeof(struct units_priv));
    if (!s)
        return NULL;
    struct units_priv *p = s->priv;
    lv_init(&p->list, &units_source, s);
    s->list = &p->list;
    return s;
}
