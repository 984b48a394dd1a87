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

/* The names of a position and unit, "" for an unknown code: from the
 * store's tables of names, or from the records when those are damaged. */
static void place_names(stxn *t, const char *position, const char *unit,
                        struct ops_place_names *out)
{
    struct unit u;
    struct position p;
    if (store_post_names(t, position, unit, out->position, out->unit) == STORE_OK)
        return;
    out->position[0] = out->unit[0] = '\0';
    if (position[0] && store_get_position(t, position, &p) == STORE_OK)
        memcpy(out->position, p.name, sizeof out->position);
    if (unit[0] && store_get_unit(t, unit, &u) == STORE_OK)
        memcpy(out->unit, u.name, sizeof out->unit);
}

int ops_place_names(struct ops *o, size_t n, const char *const *positions,
                    const char *const *units, struct ops_place_names *out,
                    struct ops_err *e)
{
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    for (size_t i = 0; i < n; i++)
        place_names(t, positions && positions[i] ? positions[i] : "",
                    units && units[i] ? units[i] : "", &out[i]);
    store_read_end(t);
    return OPS_OK;
}

/* Names for every history line; 1 when out of memory. */
static int name_history(stxn *t, struct ops_staff_card *c)
{
    if (!c->nhistory)
        return 0;
    c->history_names = calloc(c->nhistory, sizeof *c->history_names);
    if (!c->history_names)
        return 1;
    for (size_t i = 0; i < c->nhistory; i++)
        place_names(t, c->history[i].position, c->history[i].unit, &c->history_names[i]);
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
        struct ops_place_names n;
        place_names(t, out->person.position, out->person.unit, &n);
        memcpy(out->position_name, n.position, sizeof out->position_name);
        memcpy(out->unit_name, n.unit, sizeof out->unit_name);
        out->has_pref = store_get_preference(t, nip, &out->pref) == STORE_OK;
        int r = store_each_history(t, nip, keep_history, out);
        if (r == 0)
            r = name_history(t, out);
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
    free(c->history_names);
    c->history = NULL;
    c->history_names = NULL;
    c->nhistory = c->caphistory = 0;
}

/* --- find ------------------------------------------------------------------- */

struct finder {
    ops_found_cb cb;
    void *ctx;
    stxn *t;                    /* for the record and the names of its post */
    size_t found;
};

/* One person the find text names: their record and post names to the caller. */
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
    struct ops_place_names n;
    place_names(f->t, s.position, s.unit, &n);
    return f->cb(&s, &n, f->ctx);
}

int ops_staff_find(struct ops *o, const char *text, ops_found_cb cb, void *ctx,
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
