/* The annex to the decree (lampiran SK): the moves of a plan with the
 * names of people, positions and units. See ops/approval.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/hex.h"
#include "core/i18n.h"
#include "ops/access.h"
#include "core/vocab.h"
#include "ops/approval_internal.h"

static void position_name(stxn *t, const char *code, char out[ANNEX_NAME_SIZE])
{
    struct position p;
    if (code[0] && store_get_position(t, code, &p) == STORE_OK)
        snprintf(out, ANNEX_NAME_SIZE, "%s", p.name);
    else
        snprintf(out, ANNEX_NAME_SIZE, "%s", code[0] ? code : "-");
}

static void unit_name(stxn *t, const char *code, char out[ANNEX_NAME_SIZE])
{
    struct unit u;
    if (code[0] && store_get_unit(t, code, &u) == STORE_OK)
        snprintf(out, ANNEX_NAME_SIZE, "%s", u.name);
    else
        snprintf(out, ANNEX_NAME_SIZE, "%s", code[0] ? code : "-");
}

static void annex_row(stxn *t, const struct move *m, struct ops_annex_row *r)
{
    struct staff st;
    memset(r, 0, sizeof *r);
    memcpy(r->nip, m->nip, sizeof r->nip);
    if (store_get_staff(t, m->nip, &st) == STORE_OK) {
        snprintf(r->name, sizeof r->name, "%s", st.name);
        snprintf(r->rank, sizeof r->rank, "%s", rank_name(st.rank) ? rank_name(st.rank) : "");
    }
    position_name(t, m->from_position, r->from_position);
    unit_name(t, m->from_unit, r->from_unit);
    position_name(t, m->to_position, r->to_position);
    unit_name(t, m->to_unit, r->to_unit);
}

static int annex_read(struct ops *o, stxn *t, uint32_t id, struct ops_annex *out,
                      struct ops_err *e)
{
    struct plan_moves pl;
    int s = store_get_plan(t, id, &out->plan);
    if (s == STORE_NOTFOUND)
        return ops_fail(e, _("there is no plan %u"), (unsigned)id);
    if (s != STORE_OK || plan_moves_read(t, id, &pl) != STORE_OK)
        return ops_fail(e, _("could not read the database: %s"), store_errmsg(o->db));
    plan_moves_drop_struck(&pl);
    out->rows = calloc(pl.n ? pl.n : 1, sizeof *out->rows);
    if (!out->rows) {
        plan_moves_free(&pl);
        return ops_fail(e, "%s", _("out of memory"));
    }
    for (size_t i = 0; i < pl.n; i++)
        annex_row(t, &pl.m[i], &out->rows[i]);
    out->n = pl.n;
    plan_moves_free(&pl);
    return OPS_OK;
}

struct note_ctx {
    struct change c;
    uint32_t id;
    const char *format;
    size_t rows;
    uint64_t seq;               /* the entry written, read back in its transaction */
    unsigned char hash[32];
};

static int write_note(stxn *t, void *ctx)
{
    struct note_ctx *n = ctx;
    char object[32], after[64];
    route_object(n->id, object);
    snprintf(after, sizeof after, "%zu rows, %s", n->rows, n->format);
    int rc = change_audit(&n->c, t, "export plan", object, "", after);
    if (rc == OPS_OK && store_audit_head(t, &n->seq, n->hash) != STORE_OK)
        rc = ops_fail(n->c.e, _("could not read the database: %s"), store_errmsg(n->c.o->db));
    return change_aborted(&n->c, rc);
}

static int export_note(struct ops *o, struct note_ctx *n)
{
    if (ops_require(o, OPS_DO_EXPORT_PERSONAL, NULL, n->c.e) != OPS_OK)
        return OPS_REFUSED;
    return change_run(&n->c, write_note, n);
}

int ops_plan_export_note(struct ops *o, uint32_t plan, const char *format, size_t rows,
                         struct ops_err *e)
{
    struct note_ctx n = {{o, e, OPS_OK}, plan, format, rows, 0, {0}};
    return export_note(o, &n);
}

static void anchor_of(const struct note_ctx *n, struct ops_annex *out)
{
    out->anchor_seq = n->seq;
    hex_encode(n->hash, 32, out->anchor_hash);
}

int ops_plan_annex(struct ops *o, uint32_t plan, const char *format, struct ops_annex *out,
                   struct ops_err *e)
{
    memset(out, 0, sizeof *out);
    if (ops_require(o, OPS_DO_EXPORT_PERSONAL, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int rc = annex_read(o, t, plan, out, e);
    store_read_end(t);
    struct note_ctx n = {{o, e, OPS_OK}, plan, format, out->n, 0, {0}};
    if (rc == OPS_OK)
        rc = export_note(o, &n);
    if (rc == OPS_OK)
        anchor_of(&n, out);
    if (rc != OPS_OK)
        ops_annex_free(out);
    return rc;
}

void ops_annex_free(struct ops_annex *a)
{
    free(a->rows);
    a->rows = NULL;
    a->n = 0;
}
