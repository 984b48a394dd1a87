/* One person's card, and finding people by name or NIP. */
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/ops.h"
#include "store/corpus.h"

static int keep_history(const struct history *h, void *ctx)
{
    struct ops_staff_card *c = ctx;
    if (GROW_ROOM(c->history, c->caphistory, c->nhistory + 1, 8) != 0)
        return 1;
    c->history[c->nhistory++] = *h;
    return 0;
}

int ops_staff_show(struct ops *o, const char *nip, struct ops_staff_card *out, struct ops_err *e)
{
    memset(out, 0, sizeof *out);
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int rc = OPS_OK;
    int found = store_get_staff(t, nip, &out->person);
    if (found == STORE_ERROR) {
        rc = ops_fail(e, "%s", store_errmsg(o->db));    /* e.g. the record is damaged */
    } else if (found != STORE_OK) {
        char f[NIP_FMT_LEN + 1];
        nip_format(nip, f);
        rc = ops_fail(e, _("no staff with NIP %s"), f);
    } else {
        struct unit u;
        struct position p;
        if (store_get_position(t, out->person.position, &p) == STORE_OK)
            memcpy(out->position_name, p.name, sizeof out->position_name);
        if (store_get_unit(t, out->person.unit, &u) == STORE_OK)
            memcpy(out->unit_name, u.name, sizeof out->unit_name);
        out->has_pref = store_get_preference(t, nip, &out->pref) == STORE_OK;
        int r = store_each_history(t, nip, keep_history, out);
        if (r != 0)
            rc = ops_fail(e, "%s", r > 0 ? _("out of memory") : store_errmsg(o->db));
    }
    store_read_end(t);
    if (rc != OPS_OK)
        ops_staff_card_free(out);
    return rc;
}

void ops_staff_card_free(struct ops_staff_card *c)
{
    free(c->history);
    c->history = NULL;
    c->nhistory = c->caphistory = 0;
}

/* --- find ------------------------------------------------------------------- */

struct finder {
    char needle[128];           /* folded */
    size_t len;
    char digits[NIP_LEN + 1];   /* the needle without spaces, when all digits */
    store_staff_cb cb;
    void *ctx;
    size_t found;
};

/* The text folded; its digits kept apart when it is nothing but digits
 * and spaces (a NIP, whole or in part, typed with or without spaces). */
static void finder_init(struct finder *f, const char *text)
{
    snprintf(f->needle, sizeof f->needle, "%s", text);
    f->len = strlen(fold_str(f->needle));
    size_t nd = 0;
    bool all_digits = f->len > 0;
    for (size_t i = 0; i < f->len; i++) {
        if (f->needle[i] >= '0' && f->needle[i] <= '9' && nd < NIP_LEN)
            f->digits[nd++] = f->needle[i];
        else if (f->needle[i] != ' ')
            all_digits = false;
    }
    f->digits[all_digits && nd ? nd : 0] = '\0';
}

static int match_staff(const struct staff *s, void *ctx)
{
    struct finder *f = ctx;
    if (!fold_contains(s->name, f->needle, f->len) &&
        !(f->digits[0] && strstr(s->nip, f->digits)))
        return 0;
    f->found++;
    return f->cb(s, f->ctx);
}

#define FIND_WALK 2

/* The search of the Staff screen (store/corpus.h): the folded names of the
 * name index in one block, one memmem for all, then a record read per
 * match only. In name order. FIND_WALK when the corpus cannot be had. */
static int find_in_corpus(stxn *t, const char *text, struct finder *f)
{
    struct corpus c;
    corpus_init(&c);
    if (corpus_load(&c, t) != 0)
        return FIND_WALK;
    bool wrapped = false;
    int r = 0;
    for (size_t at = 0; r == 0 && at < c.n;) {
        size_t row = corpus_search(&c, text, at, 1, &wrapped);
        if (row == (size_t)-1 || wrapped || row < at)
            break;
        struct staff s;
        char nip[NIP_LEN + 1];
        corpus_nip(&c, row, nip);
        int g = store_get_staff(t, nip, &s);
        if (g == STORE_OK) {
            f->found++;
            r = f->cb(&s, f->ctx);
        } else if (g != STORE_NOTFOUND) {
            r = -1;
        }
        at = row + 1;
    }
    corpus_free(&c);
    return r;
}

int ops_staff_find(struct ops *o, const char *text, store_staff_cb cb, void *ctx,
                   size_t *found, struct ops_err *e)
{
    struct finder f = {.cb = cb, .ctx = ctx};
    finder_init(&f, text);
    *found = 0;
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int r = find_in_corpus(t, text, &f);
    if (r == FIND_WALK)
        r = store_each_staff(t, NULL, match_staff, &f);
    store_read_end(t);
    *found = f.found;
    if (r < 0)
        return ops_fail(e, "%s", store_errmsg(o->db));
    if (r > 0)
        return OPS_STOPPED;
    if (!f.found)
        return ops_fail(e, _("no staff matches \"%s\""), f.needle);
    return OPS_OK;
}
