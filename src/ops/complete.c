/* Completion of keys for the `:` prompt: the NIPs and the position codes
 * that begin with what was typed, in key order, with their names. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "ops/ops.h"
#include "store/store.h"

struct completer {
    char prefix[64];
    size_t len;
    ops_key_cb cb;
    void *ctx;
};

static int nip_seen(const struct staff *s, void *ctx)
{
    struct completer *c = ctx;
    if (strncmp(s->nip, c->prefix, c->len) != 0)
        return 1;                           /* past the prefix: done */
    return c->cb(s->nip, s->name, c->ctx) ? 2 : 0;
}

int ops_complete_nip(struct ops *o, const char *typed, ops_key_cb cb, void *ctx,
                     struct ops_err *e)
{
    struct completer c = {.cb = cb, .ctx = ctx};
    /* A NIP may be typed with its spaces. */
    for (const char *p = typed; *p && c.len + 1 < sizeof c.prefix; p++)
        if (*p != ' ')
            c.prefix[c.len++] = *p;
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int r = store_each_staff(t, c.prefix, nip_seen, &c);
    store_read_end(t);
    if (r < 0)
        return ops_fail(e, "%s", store_errmsg(o->db));
    return r == 2 ? OPS_STOPPED : OPS_OK;
}

static int position_seen(const struct position *p, void *ctx)
{
    struct completer *c = ctx;
    int cmp = strncmp(p->code, c->prefix, c->len);
    if (cmp > 0)
        return 1;                           /* codes are in byte order */
    if (cmp < 0)
        return 0;
    return c->cb(p->code, p->name, c->ctx) ? 2 : 0;
}

int ops_complete_position(struct ops *o, const char *typed, ops_key_cb cb, void *ctx,
                          struct ops_err *e)
{
    struct completer c = {.cb = cb, .ctx = ctx};
    /* Codes are written in capitals; what is typed may not be. */
    for (const char *p = typed; *p && c.len + 1 < sizeof c.prefix; p++)
        c.prefix[c.len++] = (char)toupper((unsigned char)*p);
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int r = store_each_position(t, position_seen, &c);
    store_read_end(t);
    if (r < 0)
        return ops_fail(e, "%s", store_errmsg(o->db));
    return r == 2 ? OPS_STOPPED : OPS_OK;
}
