/* One person's card, and finding people by name or NIP. */
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/ops.h"

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
    store_staff_cb cb;
    void *ctx;
    stxn *t;
    size_t found;
};

/* One person the find text names: their record to the caller. */
static int found_nip(const char *nip, void *ctx)
{
    struct finder *f = ctx;
    struct staff s;
    int g = store_get_staff(f->t, nip, &s);
    if (g == STORE_NOTFOUND)
        return 0;
    if (g != STORE_OK)
        return -1;
    f->found++;
    return f->cb(&s, f->ctx);
}

int ops_staff_find(struct ops *o, const char *text, store_staff_cb cb, void *ctx,
                   size_t *found, struct ops_err *e)
{
    struct finder f = {.cb = cb, .ctx = ctx};
    *found = 0;
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    f.t = t;
    int r = store_each_staff_match(t, text, found_nip, &f);
    store_read_end(t);
    *found = f.found;
    if (r < 0)
        return ops_fail(e, "%s", store_errmsg(o->db));
    if (r > 0)
        return OPS_STOPPED;
    if (!f.found) {
        char needle[128];
        snprintf(needle, sizeof needle, "%s", text);
        return ops_fail(e, _("no staff matches \"%s\""), fold_str(needle));
    }
    return OPS_OK;
}
