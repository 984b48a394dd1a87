/* Enter on the Units screen (units_internal.h): a unit's figures, its
 * positions (Enter: who holds one) and its people, or a group's
 * positions, on a detail screen. The positions come from the full
 * workload, read at the first drill-down. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/nip.h"
#include "core/vocab.h"
#include "store/store.h"
#include "ui/units_internal.h"
static int staff_line(const struct staff *st, void *ctx)
{
    struct screen *d = ctx;
    char nip[NIP_FMT_LEN + 1];
    nip_format(st->nip, nip);
    ui_text_screen_add(d, 0, "  %s  %-32s %-6s %s", nip, st->name, rank_name(st->rank), st->position);
    ui_text_screen_link(d, UI_LINK_PERSON, st->nip);
    return 0;
}

/* One position of p->full on a detail screen; Enter lists its holders. */
static void add_position_line(struct screen *s, struct screen *d, stxn *t, size_t i)
{
    struct units_priv *p = s->priv;
    char ej[24], gap[24];
    const struct wl_row *f = workload_position_row(p->full, i);
    wl_format_ej(f, &s->app->policy, ej);
    ui_units_format_gap(wl_gap(f), gap);
    struct position prec;
    const char *pcode = workload_position_code(p->full, i);
    const char *pname = store_get_position(t, pcode, &prec) == STORE_OK ? prec.name : pcode;
    ui_text_screen_add(d, 0, "  %c %-34.34s %-12.12s %4lld %4lld %4s %5s %s",
                       ui_units_mark(f, &s->app->policy), pname,
                       workload_position_unit_code(p->full, i), (long long)f->need,
                       (long long)f->existing, gap, ej, wl_grade_name(wl_grade(f, &s->app->policy)));
    ui_text_screen_link(d, UI_LINK_POSITION, pcode);
}

/* A district or job-family group: its positions, as they are summed. */
struct screen *ui_units_open_group(struct screen *s, const struct urow *r)
{
    struct units_priv *p = s->priv;
    struct wl_problems pr;
    struct ops_err e;
    if (!p->full)
        p->full = ops_workload_load(&s->app->ops, &pr, &e);
    stxn *t = p->full ? store_read_begin(s->app->db) : NULL;
    if (!t)
        return NULL;
    struct screen *d = ui_text_screen_new(s->app, r->name);
    if (!d) {
        store_read_end(t);
        return NULL;
    }
    char ej[24], gap[24];
    wl_format_ej(&r->fig, &s->app->policy, ej);
    ui_units_format_gap(wl_gap(&r->fig), gap);
    ui_text_screen_add(d, A_BOLD, "%s  %s %lld  %s %lld  %s %s  EJ %s %s", r->name, _("need"),
                       (long long)r->fig.need, _("existing"), (long long)r->fig.existing, _("gap"),
                       gap, ej[0] ? ej : "-", wl_grade_name(wl_grade(&r->fig, &s->app->policy)));
    ui_text_screen_add(d, A_BOLD, "%s", _("Positions: mark, name, unit, need, existing, gap, EJ, grade"));
    bool by_district = p->view == UV_DISTRICT;
    size_t n = workload_position_count(p->full), shown = 0;
    const char *want = strcmp(r->name, _("(none)")) ? r->name : "";
    for (size_t i = 0; i < n; i++) {
        long u = workload_position_unit(p->full, i);
        const char *key = by_district ? (u >= 0 ? workload_unit_district(p->full, (size_t)u) : "")
                                      : workload_position_family(p->full, i);
        if (strcmp(key ? key : "", want))
            continue;
        add_position_line(s, d, t, i);
        shown++;
    }
    if (!shown)
        ui_text_screen_add(d, 0, "  %s", _("no positions"));
    store_read_end(t);
    return d;
}

struct screen *ui_units_drill_down(struct screen *s, long unit)
{
    struct units_priv *p = s->priv;
    stxn *t = store_read_begin(s->app->db);
    if (!t)
        return NULL;
    struct unit urec;
    const char *ucode = workload_unit_code(p->wl, (size_t)unit);
    if (store_get_unit(t, ucode, &urec) != STORE_OK) {
        memset(&urec, 0, sizeof urec);
        snprintf(urec.code, sizeof urec.code, "%s", ucode);
        snprintf(urec.name, sizeof urec.name, "%s", ucode);
    }
    const struct unit *u = &urec;
    char title[2 * NAME_SIZE + 4];
    ui_units_label(p, (size_t)unit, title, sizeof title);
    struct screen *d = ui_text_screen_new(s->app, title);
    if (!d) {
        store_read_end(t);
        return NULL;
    }
    const struct wl_row *uf = workload_unit_row(p->wl, (size_t)unit);
    char ej[24], gap[24];
    wl_format_ej(uf, &s->app->policy, ej);
    ui_units_format_gap(wl_gap(uf), gap);
    ui_text_screen_add(d, A_BOLD, "%s (%s)  %s %lld  %s %lld  %s %s  EJ %s %s", title, u->code,
                       _("need"), (long long)uf->need, _("existing"), (long long)uf->existing,
                       _("gap"), gap, ej[0] ? ej : "-",
                       wl_grade_name(wl_grade(uf, &s->app->policy)));
    ui_text_screen_add(d, 0, "%s", "");
    ui_text_screen_add(d, A_BOLD, "%s", _("Positions: mark, name, unit, need, existing, gap, EJ, grade"));
    /* The positions themselves: loaded at the first drill-down. */
    struct wl_problems pr;
    struct ops_err e;
    if (!p->full) {
        store_read_end(t);
        p->full = ops_workload_load(&s->app->ops, &pr, &e);
        t = store_read_begin(s->app->db);
        if (!t) {
            ui_screen_free(d);
            return NULL;
        }
    }
    long funit = p->full ? workload_unit_index(p->full, ucode) : -1;
    size_t *pos = NULL;
    size_t npos = funit >= 0 ? workload_positions_in(p->full, funit, &pos) : 0;
    for (size_t k = 0; k < npos; k++)
        add_position_line(s, d, t, pos[k]);
    if (!npos)
        ui_text_screen_add(d, 0, "  %s", _("no positions"));
    free(pos);
    ui_text_screen_add(d, 0, "%s", "");
    ui_text_screen_add(d, A_BOLD, "%s", _("People (Enter opens a person or lists a position's holders)"));
    size_t *sub = NULL;
    size_t nsub = workload_units_in(p->wl, unit, &sub);
    for (size_t k = 0; k < nsub; k++)
        store_each_staff_in_unit(t, workload_unit_code(p->wl, sub[k]), staff_line, d);
    store_read_end(t);
    free(sub);
    return d;
}
