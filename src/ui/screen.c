/* What every screen has through its generic list unless its own ops say
 * otherwise (position, search, saved place, Enter), pickers: a screen
 * opened to hand a row back to the screen that opened it, and the
 * screens told that the database changed. */
#include <stdlib.h>
#include <string.h>
#include "store/store.h"
#include "ui/uipriv.h"

struct screen *ui_screen_alloc(struct app *a, const struct screen_ops *ops, size_t priv_size)
{
    struct screen *s = calloc(1, sizeof *s);
    void *priv = calloc(1, priv_size);
    if (!s || !priv) {
        free(s);
        free(priv);
        return NULL;
    }
    s->ops = ops;
    s->app = a;
    s->priv = priv;
    return s;
}

void ui_screen_free(struct screen *s)
{
    if (!s)
        return;
    if (s->ops->close)
        s->ops->close(s);
    free(s);
}

void ui_screen_position(struct screen *s, size_t *pos, size_t *total)
{
    *pos = *total = 0;
    if (s->ops->position) {
        s->ops->position(s, pos, total);
    } else if (s->list) {
        *total = lv_count(s->list);
        *pos = *total ? s->list->sel + 1 : 0;
    }
}

bool ui_screen_can_search(struct screen *s)
{
    return s->ops->search || (s->list && s->list->src->match);
}

int ui_screen_search(struct screen *s, const char *text, int dir, bool include_current)
{
    if (s->ops->search)
        return s->ops->search(s, text, dir, include_current);
    return s->list ? lv_search(s->list, text, dir, include_current) : 0;
}

void ui_screen_get_pos(struct screen *s, struct saved_pos *p)
{
    memset(p, 0, sizeof *p);
    if (s->ops->get_pos) {
        s->ops->get_pos(s, p);
    } else if (s->list) {
        p->sel = s->list->sel;
        p->top = s->list->top;
    }
}

void ui_screen_set_pos(struct screen *s, const struct saved_pos *p)
{
    if (s->ops->set_pos) {
        s->ops->set_pos(s, p);
    } else if (s->list) {
        s->list->sel = p->sel;
        s->list->top = p->top;
    }
}

/* Movement and Enter through the list; 1 when handled. */
int ui_screen_list_action(struct screen *s, int action, int count, int height)
{
    if (!s->list)
        return 0;
    if (action == ACT_OPEN)
        return lv_choose(s->list) || s->list->src->choose != NULL;
    return lv_move(s->list, action, count, height);
}

/* ---- pickers ------------------------------------------------------------ */
void ui_app_push_picker(struct app *a, struct screen *s, ui_pick_fn done, void *data)
{
    if (!s)
        return;
    s->on_pick = done;
    s->pick_data = data;
    /* One big screen at a time: the screen below may give back what it
     * can read again (the Staff screen's search corpus). */
    struct screen *below = a->tops[a->top];
    if (below && below->ops->hide)
        below->ops->hide(below);
    ui_app_push(a, s);
}

bool ui_screen_pick(struct screen *s, const char *key, const char *label)
{
    if (!s->on_pick)
        return false;
    struct app *a = s->app;
    snprintf(a->picked.key, sizeof a->picked.key, "%s", key);
    snprintf(a->picked.label, sizeof a->picked.label, "%s", label);
    a->picked_by = s;
    return true;
}

void ui_app_finish_pick(struct app *a)
{
    struct screen *s = a->picked_by;
    if (!s)
        return;
    a->picked_by = NULL;
    ui_pick_fn done = s->on_pick;
    void *data = s->pick_data;
    /* The picker is closed first, so that `done` may open the next one. */
    for (int i = a->depth - 1; i >= 0; i--)
        if (a->stack[i] == s) {
            ui_screen_free(s);
            memmove(a->stack + i, a->stack + i + 1, (size_t)(a->depth - 1 - i) * sizeof *a->stack);
            a->depth--;
            break;
        }
    struct pick_result r = a->picked;
    done(a, &r, data);
}

/* A write of any process since the last key (LMDB's last committed
 * transaction moved on): the open screens read again what they keep, so
 * that another operator's plan or an import shows at the next key. */
void ui_app_notice_changes(struct app *a)
{
    stxn *t = a->db ? store_read_begin(a->db) : NULL;
    if (!t)
        return;
    uint64_t now = store_stamp(t);
    store_read_end(t);
    if (now == a->seen_stamp)
        return;
    bool first = a->seen_stamp == 0;
    a->seen_stamp = now;
    for (int i = 0; !first && i < TOPS_MAX + a->depth; i++) {
        struct screen *s = i < TOPS_MAX ? a->tops[i] : a->stack[i - TOPS_MAX];
        if (s && s->ops->data_changed)
            s->ops->data_changed(s);
    }
}
