/* The detail of one person: every field, the position history, the
 * competencies, and the verdicts of the rules that decide whether this
 * person could move at all (the rules that do not depend on a target). */
#include <string.h>
#include "core/i18n.h"
#include "core/nip.h"
#include "core/rules.h"
#include "core/vocab.h"
#include "store/store.h"
#include "ui/uipriv.h"

struct history_ctx {
    struct screen *s;
    stxn *t;
    int n;
};

static int add_history_line(const struct history *h, void *ctx)
{
    struct history_ctx *hc = ctx;
    char since[DATE_LABEL_SIZE];
    date_label(h->since, since);
    struct position pos;
    const char *pname = h->position;
    if (h->position[0] && store_get_position(hc->t, h->position, &pos) == STORE_OK)
        pname = pos.name;
    ui_text_screen_add(hc->s, 0, "  %s  %-6s %s (%s)", since, rank_name(h->rank), pname, h->unit);
    if (h->position[0])
        ui_text_screen_link(hc->s, UI_LINK_POSITION, h->position);
    hc->n++;
    return 0;
}

static const char *verdict_mark(int result)
{
    switch (result) {
    case VERDICT_PASS:
        return _("ok   ");
    case VERDICT_WARN:
        return _("WARN ");
    case VERDICT_BLOCK:
        return _("BLOCK");
    default:
        return _("off  ");
    }
}

static void add_verdicts(struct screen *d, struct app *a, const struct staff *st,
                         const struct position *origin)
{
    struct verdict v[RULE_COUNT];
    int sum;
    size_t n = ops_person_verdicts(&a->ops, st, origin, v, &sum);
    ui_text_screen_add(d, A_BOLD, "%s %s", _("Could this person move?"), move_summary_label(sum));
    for (size_t i = 0; i < n; i++)
        ui_text_screen_add(d, v[i].result == VERDICT_BLOCK ? A_BOLD : 0, "  [%s] %s: %s",
                        verdict_mark(v[i].result), rule_label(v[i].rule), v[i].reason);
    if (rules_rotation_candidate(st, &a->policy, a->env->today))
        ui_text_screen_add(d, 0, "  %s", _("Rotation candidate: longer in post than the policy's rotation period."));
    ui_text_screen_add(d, 0, "  %s", _("Fit, competencies and need are judged against a target position: press c to pick one."));
}

static void add_fields(struct screen *d, struct app *a, stxn *t, const struct staff *st,
                       struct position *origin, bool *have_origin)
{
    char nip[NIP_FMT_LEN + 1], date1[DATE_LABEL_SIZE], date2[DATE_LABEL_SIZE];
    nip_format(st->nip, nip);
    ui_text_screen_add(d, A_BOLD, "%s  %s", nip, st->name);
    date_label(st->birth_date, date1);
    ui_text_screen_add(d, 0, "  %-21s %s, %s", _("Sex, born"), sex_name(st->sex), date1);
    ui_text_screen_add(d, 0, "  %-21s %s, %s", _("Status, rank"), status_name(st->status),
                    rank_name(st->rank));
    *have_origin = st->position[0] && store_get_position(t, st->position, origin) == STORE_OK;
    if (!st->position[0] && staff_leave_vacates_post(st->leave))
        ui_text_screen_add(d, 0, "  %-21s %s", _("Position"),
                           _("none while on leave (the post is vacated)"));
    else
        ui_text_screen_add(d, 0, "  %-21s %s (%s)", _("Position"),
                           *have_origin ? origin->name : st->position, st->position);
    if (*have_origin)
        ui_text_screen_link(d, UI_LINK_POSITION, st->position);
    struct unit u;
    bool have_unit = st->unit[0] && store_get_unit(t, st->unit, &u) == STORE_OK;
    ui_text_screen_add(d, 0, "  %-21s %s (%s)", _("Unit"), have_unit ? u.name : st->unit, st->unit);
    date_label(st->post_since, date1);
    date_label(st->pns_since, date2);
    int months = st->post_since != MDATE_NONE ? date_months_between(st->post_since, a->env->today) : 0;
    ui_text_screen_add(d, 0, "  %-21s %s (%d %s)", _("In post since"), date1, months, _("months"));
    ui_text_screen_add(d, 0, "  %-21s %s", _("PNS since"), date2[0] ? date2 : "-");
    ui_text_screen_add(d, 0, "  %-21s %s %s", _("Education"), education_name(st->education), st->major);
    ui_text_screen_add(d, 0, "  %-21s %s", _("Job family"), st->job_family);
    ui_text_screen_add(d, 0, "  %-21s %s", _("Home district"), st->home_district[0] ? st->home_district : "-");
    char skp[160] = "";
    size_t used = 0;
    for (int i = 0; i < st->nskp && used + 32 < sizeof skp; i++)
        used += (size_t)snprintf(skp + used, sizeof skp - used, "%s%u %s (%s)", i ? ", " : "",
                                 st->skp[i].year, skp_label(st->skp[i].predikat),
                                 skp_initials(st->skp[i].predikat));
    ui_text_screen_add(d, 0, "  %-21s %s", _("SKP"), used ? skp : "-");
    if (st->discipline) {
        date_label(st->discipline_until, date1);
        ui_text_screen_add(d, A_BOLD, "  %-21s %s %s %s", _("Discipline"),
                        discipline_label(st->discipline), _("until"), date1[0] ? date1 : "-");
    }
    if (st->leave)
        ui_text_screen_add(d, A_BOLD, "  %-21s %s", _("Leave"), leave_label(st->leave));
}

/* The person's wishes (import preferences), when there are any. */
static void add_preferences(struct screen *d, stxn *t, const char *nip)
{
    struct preference p;
    char buf[PREF_PLACES_MAX * PREF_PLACE_SIZE];
    if (store_get_preference(t, nip, &p) != STORE_OK)
        return;
    ui_text_screen_add(d, 0, "%s", "");
    ui_text_screen_add(d, A_BOLD, "%s", _("Wishes (the staff's voice)"));
    preference_places_format(p.prefer, p.nprefer, buf, sizeof buf);
    ui_text_screen_add(d, 0, "  %-20s %s", _("Prefers"), buf[0] ? buf : "-");
    preference_places_format(p.avoid, p.navoid, buf, sizeof buf);
    ui_text_screen_add(d, 0, "  %-20s %s", _("Would avoid"), buf[0] ? buf : "-");
    if (p.note[0])
        ui_text_screen_add(d, 0, "  %-20s %s", _("Wish"), p.note);
}

struct screen *ui_staff_detail_new(struct app *a, const char *nip)
{
    store *db = a->db;
    if (!db)
        return NULL;
    stxn *t = store_read_begin(db);
    if (!t)
        return NULL;
    struct staff st;
    if (store_get_staff(t, nip, &st) != STORE_OK) {
        store_read_end(t);
        ui_app_message(a, _("no staff with NIP %s"), nip);
        return NULL;
    }
    struct screen *d = ui_text_screen_new(a, st.name);
    if (!d) {
        store_read_end(t);
        return NULL;
    }
    ui_text_screen_about(d, st.nip);
    struct position origin;
    bool have_origin = false;
    add_fields(d, a, t, &st, &origin, &have_origin);
    ui_text_screen_add(d, 0, "%s", "");
    add_verdicts(d, a, &st, have_origin ? &origin : NULL);
    ui_text_screen_add(d, 0, "%s", "");
    ui_text_screen_add(d, A_BOLD, "%s", _("Competencies"));
    for (int i = 0; i < st.ncomp; i++)
        ui_text_screen_add(d, 0, "  %-24s %s %d", st.comp[i].code, _("level"), st.comp[i].level);
    if (!st.ncomp)
        ui_text_screen_add(d, 0, "  %s", _("none recorded"));
    add_preferences(d, t, st.nip);
    ui_text_screen_add(d, 0, "%s", "");
    ui_text_screen_add(d, A_BOLD, "%s", _("Position history"));
    struct history_ctx hc = {d, t, 0};
    store_each_history(t, st.nip, add_history_line, &hc);
    if (!hc.n)
        ui_text_screen_add(d, 0, "  %s", _("none recorded"));
    store_read_end(t);
    return d;
}

/* ---- who holds a position ---------------------------------------------- */
static int add_holder(const struct staff *st, void *ctx)
{
    struct screen *d = ctx;
    char nip[NIP_FMT_LEN + 1];
    nip_format(st->nip, nip);
    ui_text_screen_add(d, 0, "  %s  %-32s %-6s %s", nip, st->name, rank_name(st->rank),
                       status_name(st->status));
    ui_text_screen_link(d, UI_LINK_PERSON, st->nip);
    return 0;
}

struct screen *ui_position_holders_new(struct app *a, const char *code)
{
    stxn *t = a->db ? store_read_begin(a->db) : NULL;
    if (!t)
        return NULL;
    struct position pos;
    if (store_get_position(t, code, &pos) != STORE_OK) {
        store_read_end(t);
        ui_app_message(a, _("no position with code %s"), code);
        return NULL;
    }
    struct screen *d = ui_text_screen_new(a, pos.name);
    if (d) {
        ui_text_screen_add(d, A_BOLD, "%s (%s)", pos.name, code);
        ui_text_screen_add(d, A_BOLD, "%s", _("Held by (Enter opens a person, c checks a move)"));
        size_t before = ui_text_screen_lines(d);
        store_each_staff_in_position(t, code, add_holder, d);
        if (ui_text_screen_lines(d) == before)
            ui_text_screen_add(d, 0, "  %s", _("nobody holds it"));
    }
    store_read_end(t);
    return d;
}

/* ---- :check NIP POSITION [--own-request] -------------------------------- */
struct screen *ui_check_screen_new(struct app *a, const char *nip_text, const char *target_code,
                                   bool own_request)
{
    char nip[NIP_LEN + 1];
    enum nip_error ne = nip_parse(nip_text, strlen(nip_text), nip);
    if (ne != NIP_OK) {
        ui_app_message(a, "%s: %s", nip_text, nip_error_text(ne));
        return NULL;
    }
    struct ops_move_check c;
    struct ops_err e;
    if (ops_check_move(&a->ops, nip, target_code, own_request, &c, &e) != OPS_OK) {
        ui_app_message(a, "%s", e.msg);
        return NULL;
    }
    struct screen *d = ui_text_screen_new(a, c.person.name);
    if (!d)
        return NULL;
    char fnip[NIP_FMT_LEN + 1];
    nip_format(c.person.nip, fnip);
    ui_text_screen_add(d, A_BOLD, "%s  %s", fnip, c.person.name);
    ui_text_screen_add(d, 0, "  %s -> %s (%s)%s", c.has_origin ? c.origin.name : "-",
                       c.target.name, c.target.code, own_request ? _(", own request") : "");
    ui_text_screen_add(d, A_BOLD, "%s", move_summary_label(c.summary));
    for (size_t i = 0; i < c.n; i++)
        ui_text_screen_add(d, c.v[i].result == VERDICT_BLOCK ? A_BOLD : 0, "  [%s] %s: %s",
                           verdict_mark(c.v[i].result), rule_label(c.v[i].rule), c.v[i].reason);
    return d;
}
