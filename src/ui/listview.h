/* The generic list under every list screen, as tig's views are: it owns the
 * selection, the scrolling, the selection marker, the movement actions with
 * their counts (j k g G, half and whole pages) and the search (/ n N, going
 * round the end). A screen supplies the rows through a struct lv_source:
 * how many there are, how to draw one, whether one matches a search text,
 * and what Enter does with one.
 *
 * Two kinds of source:
 *   - indexed: count() rows, reachable by number (rows held in memory);
 *   - paged: rows read from the store around an anchor row, for lists too
 *     long to hold (the million-row Staff list). The source keeps a window
 *     of rows starting at the anchor; the list asks it to fill the window,
 *     move the anchor, go to either end. Nothing but the window is read.
 *
 * Usage (an indexed list; see ui/units.c, ui/list.c, ui/pickers.c):
 *
 *     static size_t my_count(void *ctx) { return ((struct my *)ctx)->n; }
 *     static void my_draw(void *ctx, WINDOW *w, size_t row, int width, bool on)
 *     {   ... ui_put_field(w, rows[row].name, width, ascii); ... }
 *     static bool my_match(void *ctx, size_t row, const char *text)
 *     {   return ui_text_contains(rows[row].name, text); }
 *     static void my_choose(void *ctx, size_t row) { ... Enter ... }
 *     static const struct lv_source my_source = {
 *         .count = my_count, .draw_row = my_draw, .match = my_match,
 *         .choose = my_choose,
 *     };
 *     lv_init(&p->list, &my_source, p);
 *     s->list = &p->list;         // the application then moves, searches,
 *                                 // counts ("12/118") and opens through it
 *     // in the screen's draw: its column header, then
 *     return lv_draw(&p->list, w, y0 + 1, height, width);
 *
 * Times: indexed moves are O(1); a search is O(rows) calls of match. Paged
 * moves read as many rows as they pass over, a draw reads one window. */
#ifndef MUTASI_UI_LISTVIEW_H
#define MUTASI_UI_LISTVIEW_H
#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

/* For a paged source; every call comes between the source's begin and end
 * (one read transaction), except lv_count's total, which opens its own. */
struct lv_pager {
    /* Reads up to n rows from the anchor (the first row when there is no
     * anchor) into the window; returns how many it read. */
    size_t (*fill)(void *ctx, size_t n);
    /* Moves the anchor n rows forward (dir 1) or back (dir -1); returns
     * how many rows it moved (fewer at an end). */
    size_t (*advance)(void *ctx, size_t n, int dir);
    /* Anchor on the first row. */
    void (*rewind)(void *ctx);
    /* Anchor n rows before the end (on the first row of a shorter list);
     * returns how many rows lie from the anchor to the end. */
    size_t (*to_end)(void *ctx, size_t n);
    /* Rows in the list, 0 when unknown. Optional. */
    size_t (*total)(void *ctx);
};

struct lv_source {
    /* Optional: around every draw, move and search (a read transaction);
     * begin returns false when the rows cannot be read now. */
    bool (*begin)(void *ctx);
    void (*end)(void *ctx);
    /* Indexed sources: the number of rows. */
    size_t (*count)(void *ctx);
    /* Draws row `row` at the cursor in `width` cells, after the marker
     * the list has drawn; `selected`: show it in reverse video (only as
     * much as needed: few bytes per move). Paged rows are numbered from
     * the list's start too; row - top is the row in the window. */
    void (*draw_row)(void *ctx, WINDOW *w, size_t row, int width, bool selected);
    /* Indexed sources: does the row match the search text? Optional (no
     * search without it). Paged sources search themselves (lv_page_goto). */
    bool (*match)(void *ctx, size_t row, const char *text);
    /* Enter on a row. Optional. */
    void (*choose)(void *ctx, size_t row);
    /* Set for a paged source. */
    const struct lv_pager *pager;
};

struct listview {
    const struct lv_source *src;
    void *ctx;
    size_t sel;                 /* selected row, from the list's start */
    size_t top;                 /* first row on screen */
    size_t nwin;                /* paged: rows in the window at the last fill */
    int height;                 /* rows shown at the last draw */
};

void lv_init(struct listview *l, const struct lv_source *src, void *ctx);
/* Back to the first row (a new filter or sort). */
void lv_reset(struct listview *l);
/* Rows in the list (paged: the source's total, 0 when unknown). */
size_t lv_count(struct listview *l);
/* Carries out a movement action (ACT_DOWN ... ACT_BOTTOM) count times for
 * a screen of `height` rows; returns 1 when the action was a movement. */
int lv_move(struct listview *l, int action, int count, int height);
/* The next (dir 1) or previous (dir -1) row that matches, from the
 * selected row (include_current) or beside it, going round the end.
 * Returns 1 and selects it, or 0 and leaves the selection. */
int lv_search(struct listview *l, const char *text, int dir, bool include_current);
/* Enter: the source's choose on the selected row. Returns 1 when there
 * was a row and a choose. */
int lv_choose(struct listview *l);
/* Draws the rows on lines y .. y+height-1 with the marker ('>') on the
 * selected one; returns the selected row's line (-1 when empty). */
int lv_draw(struct listview *l, WINDOW *w, int y, int height, int width);
/* Paged sources, inside begin/end: show row `index`, on which the source
 * has already put its anchor unless it lies in the present window; the
 * page is filled upwards near the end, as less does. */
void lv_page_goto(struct listview *l, size_t index, bool anchored);

/* The indexed movement on plain numbers (also used by tests). */
int ui_list_move(size_t *sel, size_t *top, size_t n, int action, int count, int height);
/* Keeps the selection on screen. */
void ui_list_clamp(size_t *sel, size_t *top, size_t n, int height);
#endif
