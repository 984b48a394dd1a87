/* The generic list (ui/listview.h) over an indexed and a paged source,
 * pickers handing their row back, run-time and per-screen actions, and
 * the registry of top screens. No terminal: nothing here draws. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "ui/uipriv.h"

/* ---- an indexed source: rows "row 0" .. "row n-1", some named ---------- */
struct fake {
    size_t n;
    const char *names[200];
    size_t chosen;
    int nchosen;
};

static size_t fake_count(void *ctx)
{
    return ((struct fake *)ctx)->n;
}

static void fake_draw(void *ctx, WINDOW *w, size_t row, int width, bool selected)
{
    (void)ctx, (void)w, (void)row, (void)width, (void)selected;
}

static bool fake_match(void *ctx, size_t row, const char *text)
{
    struct fake *f = ctx;
    return f->names[row] && ui_text_contains(f->names[row], text);
}

static void fake_choose(void *ctx, size_t row)
{
    struct fake *f = ctx;
    f->chosen = row;
    f->nchosen++;
}

static const struct lv_source fake_source = {
    .count = fake_count, .draw_row = fake_draw, .match = fake_match, .choose = fake_choose,
};

static void indexed_moves_with_counts_and_pages(void **state)
{
    (void)state;
    struct fake f = {.n = 100};
    struct listview l;
    lv_init(&l, &fake_source, &f);
    assert_int_equal(lv_count(&l), 100);
    assert_int_equal(lv_move(&l, ACT_DOWN, 5, 20), 1);
    assert_int_equal(l.sel, 5);
    assert_int_equal(l.top, 0);
    lv_move(&l, ACT_DOWN, 30, 20);          /* past the screen: it scrolls */
    assert_int_equal(l.sel, 35);
    assert_int_equal(l.top, 16);
    lv_move(&l, ACT_HALF_DOWN, 1, 20);      /* half of 20 rows */
    assert_int_equal(l.sel, 45);
    assert_int_equal(l.top, 26);
    lv_move(&l, ACT_PAGE_UP, 1, 20);
    assert_int_equal(l.sel, 25);
    assert_int_equal(l.top, 6);
    lv_move(&l, ACT_BOTTOM, 1, 20);
    assert_int_equal(l.sel, 99);
    assert_int_equal(l.top, 80);            /* the last page is full */
    lv_move(&l, ACT_DOWN, 3, 20);           /* at the end: stays */
    assert_int_equal(l.sel, 99);
    lv_move(&l, ACT_UP, 1000, 20);
    assert_int_equal(l.sel, 0);
    assert_int_equal(l.top, 0);
    lv_move(&l, ACT_PAGE_DOWN, 2, 20);
    assert_int_equal(l.top, 40);
    assert_int_equal(l.sel, 40);
    lv_move(&l, ACT_TOP, 1, 20);
    assert_int_equal(l.sel, 0);
    /* Not a movement: left to the screen. */
    assert_int_equal(lv_move(&l, ACT_OPEN, 1, 20), 0);
    assert_int_equal(lv_move(&l, ACT_SORT, 1, 20), 0);
}

static void indexed_empty_list_stays_at_zero(void **state)
{
    (void)state;
    struct fake f = {.n = 0};
    struct listview l;
    lv_init(&l, &fake_source, &f);
    lv_move(&l, ACT_BOTTOM, 1, 20);
    lv_move(&l, ACT_DOWN, 3, 20);
    assert_int_equal(l.sel, 0);
    assert_int_equal(lv_search(&l, "x", 1, true), 0);
    assert_int_equal(lv_choose(&l), 0);
    assert_int_equal(f.nchosen, 0);
}

static void search_goes_round_the_end(void **state)
{
    (void)state;
    struct fake f = {.n = 50};
    f.names[10] = "Siti Aminah";
    f.names[40] = "Aminah Putri";
    struct listview l;
    lv_init(&l, &fake_source, &f);
    assert_int_equal(lv_search(&l, "amin", 1, true), 1);
    assert_int_equal(l.sel, 10);
    assert_int_equal(lv_search(&l, "amin", 1, true), 1);   /* the current row matches */
    assert_int_equal(l.sel, 10);
    assert_int_equal(lv_search(&l, "amin", 1, false), 1);  /* n */
    assert_int_equal(l.sel, 40);
    assert_int_equal(lv_search(&l, "amin", 1, false), 1);  /* round the end */
    assert_int_equal(l.sel, 10);
    assert_int_equal(lv_search(&l, "amin", -1, false), 1); /* N, round the start */
    assert_int_equal(l.sel, 40);
    assert_int_equal(lv_search(&l, "PUTRI", -1, false), 1); /* only itself: found last */
    assert_int_equal(l.sel, 40);
    assert_int_equal(lv_search(&l, "nobody", 1, true), 0);
    assert_int_equal(l.sel, 40);                            /* unchanged */
    l.sel = 45;
    assert_int_equal(lv_search(&l, "siti", 1, true), 1);
    assert_int_equal(l.sel, 10);
}

static void enter_chooses_the_selected_row(void **state)
{
    (void)state;
    struct fake f = {.n = 30};
    struct listview l;
    lv_init(&l, &fake_source, &f);
    lv_move(&l, ACT_DOWN, 7, 20);
    assert_int_equal(lv_choose(&l), 1);
    assert_int_equal(f.nchosen, 1);
    assert_int_equal(f.chosen, 7);
}

/* ---- a paged source: rows 0..n-1 seen only through an anchor ----------- */
struct pages {
    size_t n;
    size_t anchor;              /* the window's first row */
    size_t window[64];
    size_t nwin;
    size_t read;                /* rows read, to show that nothing else is */
};

static size_t pg_fill(void *ctx, size_t want)
{
    struct pages *p = ctx;
    p->nwin = 0;
    for (size_t r = p->anchor; r < p->n && p->nwin < want && p->nwin < 64; r++) {
        p->window[p->nwin++] = r;
        p->read++;
    }
    return p->nwin;
}

static size_t pg_advance(void *ctx, size_t k, int dir)
{
    struct pages *p = ctx;
    size_t room = dir > 0 ? (p->n ? p->n - 1 - p->anchor : 0) : p->anchor;
    size_t moved = k < room ? k : room;
    p->anchor = dir > 0 ? p->anchor + moved : p->anchor - moved;
    p->read += moved;
    return moved;
}

static void pg_rewind(void *ctx)
{
    ((struct pages *)ctx)->anchor = 0;
}

static size_t pg_to_end(void *ctx, size_t k)
{
    struct pages *p = ctx;
    size_t seen = k < p->n ? k : p->n;
    p->anchor = p->n - seen;
    p->read += seen;
    return seen;
}

static size_t pg_total(void *ctx)
{
    return ((struct pages *)ctx)->n;
}

static const struct lv_pager pg_pager = {
    .fill = pg_fill, .advance = pg_advance, .rewind = pg_rewind, .to_end = pg_to_end,
    .total = pg_total,
};
static const struct lv_source pg_source = {.draw_row = fake_draw, .pager = &pg_pager};

static void paged_moves_read_only_what_they_pass(void **state)
{
    (void)state;
    struct pages p = {.n = 1000000};
    struct listview l;
    lv_init(&l, &pg_source, &p);
    l.nwin = pg_fill(&p, 20);
    lv_move(&l, ACT_DOWN, 5, 20);
    assert_int_equal(l.sel, 5);
    assert_int_equal(p.anchor, 0);
    lv_move(&l, ACT_DOWN, 30, 20);          /* below the window: the anchor moves */
    assert_int_equal(l.sel, 35);
    assert_int_equal(l.top, 16);
    assert_int_equal(p.anchor, 16);
    lv_move(&l, ACT_PAGE_DOWN, 1, 20);      /* the view moves with the selection */
    assert_int_equal(l.top, 36);
    assert_int_equal(l.sel, 55);
    lv_move(&l, ACT_HALF_UP, 1, 20);
    assert_int_equal(l.top, 26);
    assert_int_equal(l.sel, 45);
    p.read = 0;
    lv_move(&l, ACT_BOTTOM, 1, 20);         /* G: the last page, full */
    assert_int_equal(l.sel, 999999);
    assert_int_equal(l.top, 1000000 - 20);
    assert_true(p.read < 100);              /* not a million rows */
    assert_int_equal(lv_count(&l), 1000000);
    lv_move(&l, ACT_UP, 25, 20);
    assert_int_equal(l.sel, 999974);
    assert_int_equal(p.anchor, l.top);
    lv_move(&l, ACT_TOP, 1, 20);
    assert_int_equal(l.sel, 0);
    assert_int_equal(p.anchor, 0);
    lv_move(&l, ACT_UP, 3, 20);             /* at the start: stays */
    assert_int_equal(l.sel, 0);
}

static void paged_goto_fills_the_last_page(void **state)
{
    (void)state;
    struct pages p = {.n = 100};
    struct listview l;
    lv_init(&l, &pg_source, &p);
    l.height = 20;
    l.nwin = pg_fill(&p, 20);
    lv_page_goto(&l, 7, false);             /* in the window */
    assert_int_equal(l.sel, 7);
    assert_int_equal(l.top, 0);
    p.anchor = 95;                          /* the source anchored on the match */
    lv_page_goto(&l, 95, true);
    assert_int_equal(l.sel, 95);
    assert_int_equal(l.top, 80);            /* pulled up: a full page */
    assert_int_equal(p.anchor, 80);
}

/* ---- pickers ------------------------------------------------------------ */
static const struct screen_ops bare_ops = {.name = "bare", .title = "bare"};

struct got {
    int calls;
    char key[64], label[192];
    void *data;
};

static void picked(struct app *a, const struct pick_result *r, void *data)
{
    struct got *g = data;
    (void)a;
    g->calls++;
    snprintf(g->key, sizeof g->key, "%s", r->key);
    snprintf(g->label, sizeof g->label, "%s", r->label);
}

static void a_picker_hands_back_its_row_and_closes(void **state)
{
    (void)state;
    static struct app a;
    memset(&a, 0, sizeof a);
    struct screen *below = calloc(1, sizeof *below);
    struct screen *picker = calloc(1, sizeof *picker);
    below->ops = picker->ops = &bare_ops;
    below->app = picker->app = &a;
    a.tops[0] = below;
    struct got g = {0};
    ui_app_push_picker(&a, picker, picked, &g);
    assert_int_equal(a.depth, 1);
    assert_ptr_equal(ui_app_current(&a), picker);
    /* A screen that is no picker opens the row itself. */
    assert_false(ui_screen_pick(below, "x", "y"));
    assert_true(ui_screen_pick(picker, "198609262015051001", "Siti Aminah"));
    assert_int_equal(g.calls, 0);           /* only after the action */
    ui_app_finish_pick(&a);
    assert_int_equal(g.calls, 1);
    assert_string_equal(g.key, "198609262015051001");
    assert_string_equal(g.label, "Siti Aminah");
    assert_int_equal(a.depth, 0);           /* the picker is closed */
    ui_app_finish_pick(&a);                 /* nothing more */
    assert_int_equal(g.calls, 1);
    free(below);
}

/* ---- actions and the registry ------------------------------------------- */
static int ran;
static void run_step(struct screen *s, const struct action_def *d, int count)
{
    (void)s, (void)count;
    ran += *(int *)d->data;
}

static void actions_can_be_made_at_run_time(void **state)
{
    (void)state;
    char err[160];
    static int step = 3;
    ui_keymap_defaults();
    const char *keys[] = {"S", NULL};
    int id = ui_action_add("submit", keys, "submit the plan", "plans", run_step, &step);
    assert_true(id >= ACT_COUNT_);
    assert_int_equal(ui_action_add("submit", keys, "again", NULL, NULL, NULL), -1);
    const struct action_def *d = ui_action_by_name("submit");
    assert_non_null(d);
    assert_int_equal(d->id, id);
    assert_ptr_equal(ui_action_by_id(id), d);
    /* Its key works on its own screen only. */
    assert_int_equal(ui_keymap_lookup_on("plans", 'S'), id);
    assert_int_equal(ui_keymap_lookup_on("staff", 'S'), ACT_NONE);
    /* A screen's own key wins there over a global one. */
    const char *jkeys[] = {"j", NULL};
    int own = ui_action_add("plan-down", jkeys, "a plan's own j", "plans", run_step, &step);
    assert_int_equal(ui_keymap_lookup_on("plans", 'j'), own);
    assert_int_equal(ui_keymap_lookup_on("staff", 'j'), ACT_DOWN);
    /* ui.yaml binds it like any other. */
    assert_int_equal(ui_keymap_bind("submit", "C-s", err, sizeof err), 0);
    assert_int_equal(ui_keymap_lookup_on("plans", 19), id);
    assert_int_equal(ui_keymap_lookup_on("plans", 'S'), ACT_NONE);
    char shown[64];
    ui_keymap_keys_of(id, shown, sizeof shown);
    assert_string_equal(shown, "C-s");
    /* Listed with the others (help, completion). */
    bool listed = false;
    for (size_t i = 0; ui_action_at(i); i++)
        listed |= ui_action_at(i)->id == id;
    assert_true(listed);
    ran = 0;
    d->run(NULL, d, 1);
    assert_int_equal(ran, 3);
    ui_keymap_defaults();                   /* back to the built-in table */
    assert_null(ui_action_by_name("submit"));
}

static void the_registry_binds_present_screens_only(void **state)
{
    (void)state;
    ui_keymap_defaults();
    ui_top_screens_register();
    assert_int_equal(ui_top_by_name("staff"), 0);
    assert_int_equal(ui_top_by_name("units"), 1);
    assert_int_equal(ui_top_by_name("help"), 5);
    assert_int_equal(ui_top_by_name("plans"), 2);
    assert_int_equal(ui_top_by_name("inbox"), 3);
    assert_int_equal(ui_top_by_name("audit"), 4);
    assert_int_equal(ui_top_by_name("followup"), 6);
    for (int k = '1'; k <= '7'; k++)
        assert_int_equal(ui_top_by_action(ui_keymap_lookup(k)), k - '1');
    assert_non_null(ui_action_by_name("screen-units"));
    assert_non_null(ui_action_by_name("screen-plans"));
    assert_non_null(ui_action_by_name("screen-inbox"));
    /* The editor's own keys: a on the editor only, n on the Plans list. */
    assert_int_equal(ui_keymap_lookup_on("plan-editor", 'a'), ui_action_by_name("move-add")->id);
    assert_int_equal(ui_keymap_lookup_on("plans", 'n'), ui_action_by_name("plan-new")->id);
    assert_int_equal(ui_keymap_lookup_on("staff", 'n'), ACT_SEARCH_NEXT);
    /* Every slot is 1..7 in order and names its screen. */
    for (int i = 0; i < TOPS_MAX; i++) {
        assert_int_equal(ui_top_screens[i].slot, i + 1);
        assert_non_null(ui_top_screens[i].name);
        if (ui_top_screens[i].create)
            assert_non_null(ui_top_screens[i].label);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(indexed_moves_with_counts_and_pages),
        cmocka_unit_test(indexed_empty_list_stays_at_zero),
        cmocka_unit_test(search_goes_round_the_end),
        cmocka_unit_test(enter_chooses_the_selected_row),
        cmocka_unit_test(paged_moves_read_only_what_they_pass),
        cmocka_unit_test(paged_goto_fills_the_last_page),
        cmocka_unit_test(a_picker_hands_back_its_row_and_closes),
        cmocka_unit_test(actions_can_be_made_at_run_time),
        cmocka_unit_test(the_registry_binds_present_screens_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
