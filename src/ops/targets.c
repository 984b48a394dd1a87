/* Where could one person go? Every position judged as a target for them
 * (ops_move_targets, ops.h): the plan editor's position picker. Judged by
 * the quick paths of the rules; the reasons in words only for the one
 * position asked about (ops_target_reasons). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/hash.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/ops.h"

struct judging {
    struct ops *o;
    struct ops_targets *g;
    size_t cap, text_cap;
    /* The person rules do not depend on the target when the person holds
     * a position: judged once, then only the target rules per position. */
    unsigned scopes;
    int person_summary;
    /* Positions come in code order, and so does the workload: the next
     * position's row is usually the one after the last found. */
    size_t next_row;
    /* The names kept, by name: hundreds of thousands of positions bear a
     * few thousand names ("Guru Kelas Ahli Pertama" in every school). */
    struct hindex names;
    uint32_t *name_at;          /* name id -> offset in g->text */
    size_t nnames, names_cap;
};

static struct wl_row figures_of(const struct workload *w, const char *code)
{
    struct wl_row none = {0};
    long i = w ? workload_position_index(w, code) : -1;
    return i >= 0 ? *workload_position_row(w, (size_t)i) : none;
}

static struct move_input move_to(struct ops *o, const struct ops_targets *g,
                                 const struct position *target, struct wl_row target_fig)
{
    struct move_input m = {
        .person = &g->person,
        .origin = g->has_origin ? &g->origin : NULL,
        .target = target,
        .origin_fig = g->origin_fig,
        .target_fig = target_fig,
        .today = o->today,
    };
    return m;
}

/* The workload row of a position read in code order, or -1. */
static long row_next(struct judging *j, const char *code)
{
    const struct workload *w = j->g->w;
    if (!w)
        return -1;
    if (j->next_row < workload_position_count(w) &&
        strcmp(workload_position_code(w, j->next_row), code) == 0)
        return (long)j->next_row++;
    long i = workload_position_index(w, code);
    if (i >= 0)
        j->next_row = (size_t)i + 1;
    return i;
}

/* Appends strings (each with its NUL) to g->text; the offset, or -1. */
static long text_add(struct judging *j, const char *const *s, int n)
{
    struct ops_targets *g = j->g;
    size_t at = g->text_len, len = 0;
    for (int i = 0; i < n; i++)
        len += strlen(s[i]) + 1;
    if (at + len > UINT32_MAX || GROW_ROOM(g->text, j->text_cap, at + len, 1 << 16) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        size_t k = strlen(s[i]) + 1;
        memcpy(g->text + g->text_len, s[i], k);
        g->text_len += k;
    }
    return (long)at;
}

/* The offset of a name kept once, or -1. */
static long name_text(struct judging *j, const char *name)
{
    uint64_t h = hash_str(name);
    struct hprobe p;
    for (uint32_t id = hindex_first(&j->names, h, &p); id != HINDEX_NONE;
         id = hindex_next(&j->names, &p))
        if (strcmp(j->g->text + j->name_at[id], name) == 0)
            return j->name_at[id];
    long at = text_add(j, &name, 1);
    if (at < 0 || GROW_ROOM(j->name_at, j->names_cap, j->nnames + 1, 1024) != 0 ||
        hindex_add(&j->names, h, (uint32_t)j->nnames) != 0)
        return -1;
    j->name_at[j->nnames++] = (uint32_t)at;
    return at;
}

static int judge_position(const struct position *pos, void *ctx)
{
    struct judging *j = ctx;
    struct ops_targets *g = j->g;
    /* The row first: the person's own position moves the cursor too. */
    long row = row_next(j, pos->code);
    if (!strcmp(pos->code, g->person.position))
        return 0;
    if (GROW_ROOM(g->t, j->cap, g->n + 1, 4096) != 0)
        return 1;
    struct wl_row fig = row >= 0 ? *workload_position_row(g->w, (size_t)row) : (struct wl_row){0};
    struct move_input m = move_to(j->o, g, pos, fig);
    struct ops_target *t = &g->t[g->n];
    int worst = j->person_summary;
    if (worst != MOVE_BLOCKED) {
        int s = rules_quick_summary(&m, ops_policy(j->o), j->scopes);
        worst = s > worst ? s : worst;      /* enum move_summary rises with the trouble */
    }
    t->summary = (uint8_t)worst;
    t->row = row >= 0 ? (uint32_t)row : OPS_TARGET_NO_ROW;
    /* A position the workload does not know (made since it was read)
     * keeps its code and unit too. */
    const char *own[3] = {pos->name, pos->code, pos->unit};
    long at = row >= 0 ? name_text(j, pos->name) : text_add(j, own, 3);
    if (at < 0)
        return 1;
    t->text = (uint32_t)at;
    g->n++;
    return 0;
}

/* The person and their origin, and the scopes to judge per position. */
static int read_person(struct ops *o, stxn *t, const char *nip, struct judging *j,
                       struct ops_err *e)
{
    struct ops_targets *g = j->g;
    if (store_get_staff(t, nip, &g->person) != STORE_OK) {
        char shown[NIP_FMT_LEN + 1];
        nip_format(nip, shown);
        return ops_fail(e, _("no staff with NIP %s"), shown);
    }
    g->has_origin = g->person.position[0] &&
                    store_get_position(t, g->person.position, &g->origin) == STORE_OK;
    g->origin_fig = figures_of(g->w, g->person.position);
    j->scopes = RULE_SCOPE_BIT(RULE_SCOPE_TARGET);
    j->person_summary = MOVE_ALLOWED;
    if (g->has_origin) {
        struct move_input m = move_to(o, g, NULL, (struct wl_row){0});
        j->person_summary = rules_quick_summary(&m, ops_policy(o),
                                                RULE_SCOPE_BIT(RULE_SCOPE_PERSON));
    } else {
        /* Without an origin the retirement age comes from the target. */
        j->scopes |= RULE_SCOPE_BIT(RULE_SCOPE_PERSON);
    }
    return OPS_OK;
}

int ops_move_targets(struct ops *o, const char *nip, const struct workload *w,
                     struct ops_targets *out, struct ops_err *e)
{
    memset(out, 0, sizeof *out);
    out->w = w;
    struct judging j = {.o = o, .g = out};
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int rc = read_person(o, t, nip, &j, e);
    if (rc == OPS_OK && store_each_position(t, judge_position, &j) != 0)
        rc = ops_fail(e, "%s", _("out of memory"));
    store_read_end(t);
    hindex_free(&j.names);
    free(j.name_at);
    if (rc != OPS_OK)
        ops_targets_free(out);
    return rc;
}

const char *ops_target_name(const struct ops_targets *g, size_t i)
{
    return g->text + g->t[i].text;
}

const char *ops_target_code(const struct ops_targets *g, size_t i)
{
    const struct ops_target *t = &g->t[i];
    if (t->row != OPS_TARGET_NO_ROW)
        return workload_position_code(g->w, t->row);
    const char *name = g->text + t->text;
    return name + strlen(name) + 1;
}

const char *ops_target_unit(const struct ops_targets *g, size_t i)
{
    const struct ops_target *t = &g->t[i];
    if (t->row != OPS_TARGET_NO_ROW)
        return workload_position_unit_code(g->w, t->row);
    const char *code = ops_target_code(g, i);
    return code + strlen(code) + 1;
}

int ops_target_reasons(struct ops *o, const struct ops_targets *g, size_t i, char *out,
                       size_t size)
{
    struct ops_err e;
    struct position pos;
    out[0] = '\0';
    if (i >= g->n)
        return OPS_REFUSED;
    const char *code = ops_target_code(g, i);
    stxn *t = ops_read_begin(o, &e);
    int r = t ? store_get_position(t, code, &pos) : STORE_ERROR;
    if (t)
        store_read_end(t);
    if (r != STORE_OK) {
        snprintf(out, size, _("position %s could not be read"), code);
        return OPS_REFUSED;
    }
    struct move_input m = move_to(o, g, &pos, figures_of(g->w, pos.code));
    struct verdict v[RULE_COUNT];
    size_t n = rules_check_scope(&m, ops_policy(o), RULE_SCOPE_BIT(RULE_SCOPE_PERSON) |
                                                        RULE_SCOPE_BIT(RULE_SCOPE_TARGET), v);
    /* Blocks first: they are what the picker's user must read. */
    verdict_reasons(v, n, VERDICT_BLOCK, "; ", out, size);
    size_t used = strlen(out);
    if (used + 3 < size) {
        verdict_reasons(v, n, VERDICT_WARN, "; ", out + used + (used ? 2 : 0),
                        size - used - (used ? 2 : 0));
        if (used && out[used + 2])
            memcpy(out + used, "; ", 2);
    }
    return OPS_OK;
}

void ops_targets_free(struct ops_targets *g)
{
    free(g->t);
    free(g->text);
    g->t = NULL;
    g->text = NULL;
    g->n = g->text_len = 0;
}
