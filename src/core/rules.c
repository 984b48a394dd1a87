/* The rules a move must pass, one function each, with the reason in words
 * and numbers. Pure: no I/O, today's date comes in. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/rules.h"

/* ---- names ------------------------------------------------------------- */

const char *rule_id_name(int rule)
{
    return rule >= 0 && rule < RULE_COUNT ? rule_table[rule].name : "";
}

const char *rule_label(int rule)
{
    return rule >= 0 && rule < RULE_COUNT ? _(rule_table[rule].label) : "";
}

const char *verdict_result_name(int result)
{
    static const char *const names[] = {"pass", "warn", "block", "off"};
    return result >= 0 && result <= VERDICT_OFF ? names[result] : "";
}

const char *move_summary_label(int summary)
{
    switch (summary) {
    case MOVE_ALLOWED: return _("allowed");
    case MOVE_ALLOWED_WARNINGS: return _("allowed with warnings");
    default: return _("blocked");
    }
}

/* ---- building verdicts ------------------------------------------------- */

static struct verdict judged(int rule, int severity, bool ok, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The verdict of one check: off when the rule is off, pass when met, else
 * the rule's severity. */
static struct verdict judged(int rule, int severity, bool ok, const char *fmt, ...)
{
    struct verdict v = {.rule = rule};
    if (severity == SEV_OFF)
        v.result = VERDICT_OFF;
    else if (ok)
        v.result = VERDICT_PASS;
    else
        v.result = severity == SEV_WARN ? VERDICT_WARN : VERDICT_BLOCK;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v.reason, sizeof v.reason, fmt, ap);
    va_end(ap);
    return v;
}

/* Appends to a reason being built piece by piece. */
static void append(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void append(char *buf, size_t size, const char *fmt, ...)
{
    size_t len = strlen(buf);
    if (len + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + len, size - len, fmt, ap);
    va_end(ap);
}

static const char *fmt_date(mdate t, char buf[DATE_LABEL_SIZE])
{
    date_label(t, buf);
    return buf;
}

/* ---- the person -------------------------------------------------------- */

struct verdict rule_status(const struct move_input *m, const struct policy *p)
{
    int st = m->person->status;
    switch (st) {
    case STATUS_PNS:
        return judged(RULE_STATUS, p->status.severity, true, _("status PNS"));
    case STATUS_PPPK:
        if (p->status.allow_pppk)
            return judged(RULE_STATUS, p->status.severity, true,
                          _("status PPPK, allowed by the policy"));
        return judged(RULE_STATUS, p->status.severity, false,
                      _("status PPPK: the policy lets only PNS move"));
    case STATUS_CPNS:
        return judged(RULE_STATUS, p->status.severity, false,
                      _("status CPNS: only a PNS may move"));
    default:
        return judged(RULE_STATUS, p->status.severity, false,
                      _("status unknown: only a PNS may move"));
    }
}

bool rules_rotation_candidate(const struct staff *s, const struct policy *p, mdate today)
{
    if (s->post_since == MDATE_NONE)
        return false;
    return date_months_between(s->post_since, today) > p->tenure.rotation_months;
}

struct verdict rule_tenure(const struct move_input *m, const struct policy *p)
{
    int need = p->tenure.min_months;
    if (m->person->post_since == MDATE_NONE)
        return judged(RULE_TENURE, p->tenure.severity, false,
                      ngettext("date in post unknown, policy needs %d month",
                               "date in post unknown, policy needs %d months",
                               (unsigned long)abs(need)),
                      need);
    int months = date_months_between(m->person->post_since, m->today);
    struct verdict v = judged(RULE_TENURE, p->tenure.severity, months >= need,
                              ngettext("%d month in post, policy needs %d",
                                       "%d months in post, policy needs %d",
                                       (unsigned long)abs(months)),
                              months, need);
    if (rules_rotation_candidate(m->person, p, m->today))
        append(v.reason, sizeof v.reason,
               ngettext("; rotation candidate (more than %d month)",
                        "; rotation candidate (more than %d months)",
                        (unsigned long)abs(p->tenure.rotation_months)),
               p->tenure.rotation_months);
    return v;
}

struct verdict rule_first_placement(const struct move_input *m, const struct policy *p)
{
    int need = p->first_placement.years;
    int sev = p->first_placement.severity;
    mdate since = m->person->pns_since;
    if (!m->own_request) {
        if (since == MDATE_NONE)
            return judged(RULE_FIRST_PLACEMENT, sev, true,
                          _("not an own-request move"));
        int served = date_years_between(since, m->today);
        return judged(RULE_FIRST_PLACEMENT, sev, true,
                      ngettext("not an own-request move (%d year since PNS appointment)",
                               "not an own-request move (%d years since PNS appointment)",
                               (unsigned long)abs(served)),
                      served);
    }
    if (since == MDATE_NONE)
        return judged(RULE_FIRST_PLACEMENT, sev, false,
                      ngettext("own request before PNS appointment, policy needs %d year as PNS",
                               "own request before PNS appointment, policy needs %d years as PNS",
                               (unsigned long)abs(need)),
                      need);
    int years = date_years_between(since, m->today);
    return judged(RULE_FIRST_PLACEMENT, sev, years >= need,
                  ngettext("own request %d year after PNS appointment, policy needs %d",
                           "own request %d years after PNS appointment, policy needs %d",
                           (unsigned long)abs(years)),
                  years, need);
}

int rules_bup_years(const struct policy *p, int pos_kind, int pos_level)
{
    switch (pos_kind) {
    case PKIND_JPT:
        return p->bup.jpt;
    case PKIND_FUNGSIONAL:
        switch (pos_level) {
        case PLEVEL_AHLI_PERTAMA: return p->bup.ahli_pertama;
        case PLEVEL_AHLI_MUDA: return p->bup.ahli_muda;
        case PLEVEL_AHLI_MADYA: return p->bup.ahli_madya;
        case PLEVEL_AHLI_UTAMA: return p->bup.ahli_utama;
        case PLEVEL_PEMULA: case PLEVEL_TERAMPIL: case PLEVEL_MAHIR:
        case PLEVEL_PENYELIA:
            return p->bup.keterampilan;
        default:
            return p->bup.administrasi;
        }
    default:
        return p->bup.administrasi;
    }
}

static const struct bup_override *bup_find(const struct bup_overrides *o, const char *key)
{
    for (int i = 0; i < o->n && i < BUP_OVERRIDE_MAX; i++)
        if (strcmp(o->e[i].key, key) == 0)
            return &o->e[i];
    return NULL;
}

int rules_bup(const struct policy *p, const struct position *pos, int *source)
{
    const struct bup_override *o = NULL;
    int src = BUP_BY_TABLE;
    if (pos && pos->code[0] && (o = bup_find(&p->bup.by_position, pos->code)))
        src = BUP_BY_POSITION;
    else if (pos && pos->kind == PKIND_FUNGSIONAL && pos->job_family[0] &&
             (o = bup_find(&p->bup.by_family, pos->job_family)))
        src = BUP_BY_FAMILY;
    if (source)
        *source = src;
    if (o)
        return o->years;
    return rules_bup_years(p, pos ? pos->kind : PKIND_NONE, pos ? pos->level : PLEVEL_NONE);
}

int rules_bup_person(const struct policy *p, const struct position *pos,
                     const struct staff *s, int *source)
{
    const struct bup_override *o;
    if (pos || !s || !s->job_family[0] || !(o = bup_find(&p->bup.by_family, s->job_family)))
        return rules_bup(p, pos, source);
    if (source)
        *source = BUP_BY_FAMILY;
    return o->years;
}

mdate rules_retirement_date(mdate birth, int bup_years)
{
    int y, mo, d;
    date_to_ymd(birth, &y, &mo, &d);
    /* the birthday at BUP falls in month mo of year y + bup; the pension
     * starts on the first of the next month */
    y += bup_years;
    mo += 1;
    if (mo > 12)
        mo = 1, y++;
    return date_from_ymd(y, mo, 1);
}

mdate rules_move_retirement(const struct move_input *m, const struct policy *p, int *bup)
{
    const struct position *by = m->origin ? m->origin : m->target;
    *bup = rules_bup_person(p, by, m->person, NULL);
    return rules_retirement_date(m->person->birth_date, *bup);
}

struct verdict rule_retirement(const struct move_input *m, const struct policy *p)
{
    int sev = p->retirement.severity, months = p->retirement.months;
    if (m->person->birth_date == MDATE_NONE)
        return judged(RULE_RETIREMENT, sev, false, _("birth date unknown"));
    const struct position *by = m->origin ? m->origin : m->target;
    int source, bup;
    mdate retire = rules_move_retirement(m, p, &bup);
    rules_bup_person(p, by, m->person, &source);
    char d[DATE_LABEL_SIZE];
    fmt_date(retire, d);
    struct verdict v;
    if (retire < date_add_months(m->today, months))
        v = judged(RULE_RETIREMENT, sev, false,
                   ngettext("retires on %s (BUP %d), within %d month",
                            "retires on %s (BUP %d), within %d months", (unsigned long)abs(months)),
                   d, bup, months);
    else
        v = judged(RULE_RETIREMENT, sev, true,
                   ngettext("retires on %s (BUP %d), not within %d month",
                            "retires on %s (BUP %d), not within %d months",
                            (unsigned long)abs(months)),
                   d, bup, months);
    if (source == BUP_BY_FAMILY)
        append(v.reason, sizeof v.reason, _("; BUP set for job family %s"),
               by ? by->job_family : m->person->job_family);
    else if (source == BUP_BY_POSITION)
        append(v.reason, sizeof v.reason, _("; BUP set for position %s"), by->code);
    return v;
}

struct verdict rule_discipline(const struct move_input *m, const struct policy *p)
{
    const struct staff *s = m->person;
    int sev = p->discipline.severity;
    int from = p->discipline.blocked_from > DISC_NONE ? p->discipline.blocked_from
                                                     : DISC_RINGAN;
    char d[DATE_LABEL_SIZE];
    if (s->discipline == DISC_NONE)
        return judged(RULE_DISCIPLINE, sev, true, _("no discipline penalty"));
    const char *lvl = discipline_name(s->discipline);
    if (s->discipline_until != MDATE_NONE && s->discipline_until < m->today)
        return judged(RULE_DISCIPLINE, sev, true, _("%s penalty ended on %s"), lvl,
                      fmt_date(s->discipline_until, d));
    if (s->discipline < from) {
        /* a running penalty below the blocked level only warns (policy.h) */
        int lower = sev == SEV_OFF ? SEV_OFF : SEV_WARN;
        if (s->discipline_until == MDATE_NONE)
            return judged(RULE_DISCIPLINE, lower, false,
                          _("%s penalty without an end date, below the blocked level %s"),
                          lvl, discipline_name(from));
        return judged(RULE_DISCIPLINE, lower, false,
                      _("%s penalty until %s, below the blocked level %s"), lvl,
                      fmt_date(s->discipline_until, d), discipline_name(from));
    }
    if (s->discipline_until == MDATE_NONE)
        return judged(RULE_DISCIPLINE, sev, false,
                      _("%s penalty without an end date; policy blocks %s and heavier"),
                      lvl, discipline_name(from));
    return judged(RULE_DISCIPLINE, sev, false,
                  _("%s penalty until %s; policy blocks %s and heavier"), lvl,
                  fmt_date(s->discipline_until, d), discipline_name(from));
}

struct verdict rule_leave(const struct move_input *m, const struct policy *p)
{
    int sev = p->discipline.leave_severity;
    switch (m->person->leave) {
    case LEAVE_NONE:
        return judged(RULE_LEAVE, sev, true, _("not on leave or bond"));
    case LEAVE_TUGAS_BELAJAR:
        return judged(RULE_LEAVE, sev, false, _("on study leave (tugas belajar)"));
    case LEAVE_CLTN:
        return judged(RULE_LEAVE, sev, false, _("on unpaid leave (CLTN)"));
    case LEAVE_IKATAN_DINAS:
        return judged(RULE_LEAVE, sev, false, _("bound by a service bond (ikatan dinas)"));
    default:
        return judged(RULE_LEAVE, sev, false, _("leave of an unknown kind"));
    }
}

struct verdict rule_performance(const struct move_input *m, const struct policy *p)
{
    int sev = p->performance.severity, years = p->performance.years;
    int min = p->performance.min_predikat;
    int y0, mo, d;
    date_to_ymd(m->today, &y0, &mo, &d);
    char list[160] = "";
    bool ok = true;
    /* the last completed years: today's year - 1, - 2, ... */
    for (int k = 1; k <= years; k++) {
        int year = y0 - k;
        int got = staff_skp_for_year(m->person, year);
        if (got == SKP_NONE || got < min)
            ok = false;
        append(list, sizeof list, "%s%d %s", k > 1 ? ", " : "", year,
               got == SKP_NONE ? _("none") : skp_label(got));
    }
    if (years <= 0)
        return judged(RULE_PERFORMANCE, sev, true, _("policy needs no SKP"));
    return judged(RULE_PERFORMANCE, sev, ok,
                  ngettext("SKP %s; policy needs at least %s for the last %d year",
                           "SKP %s; policy needs at least %s for the last %d years",
                           (unsigned long)years),
                  list, skp_label(min), years);
}

/* ---- the person against the target ------------------------------------ */

struct verdict rule_fit(const struct move_input *m, const struct policy *p)
{
    const struct staff *s = m->person;
    const struct position *t = m->target;
    char why[VERDICT_REASON_SIZE] = "";
    const char *sep = "";
    if (t->job_family[0] && strcmp(t->job_family, s->job_family) != 0) {
        append(why, sizeof why, _("job family %s, position needs %s"),
               s->job_family[0] ? s->job_family : _("(none)"), t->job_family);
        sep = "; ";
    }
    if (t->min_rank != RANK_NONE) {
        if (s->rank == RANK_NONE || !rank_comparable(s->rank, t->min_rank)) {
            append(why, sizeof why, _("%srank %s does not compare with the minimum %s"),
                   sep, s->rank ? rank_name(s->rank) : _("(none)"), rank_name(t->min_rank));
            sep = "; ";
        } else if (s->rank < t->min_rank) {
            append(why, sizeof why, _("%srank %s below the minimum %s"), sep,
                   rank_name(s->rank), rank_name(t->min_rank));
            sep = "; ";
        }
    }
    if (t->min_education != EDU_NONE && s->education < t->min_education) {
        append(why, sizeof why, _("%seducation %s below the minimum %s"), sep,
               s->education ? education_name(s->education) : _("(none)"),
               education_name(t->min_education));
        sep = "; ";
    }
    if (why[0])
        return judged(RULE_FIT, p->fit.severity, false, "%s", why);
    return judged(RULE_FIT, p->fit.severity, true,
                  _("job family, rank and education meet the position"));
}

static int held_level(const struct staff *s, const char *code)
{
    for (int i = 0; i < s->ncomp && i < COMP_MAX; i++)
        if (strncmp(s->comp[i].code, code, COMP_CODE_SIZE) == 0)
            return s->comp[i].level;
    return 0;
}

size_t competency_gaps(const struct staff *s, const struct position *pos,
                       struct comp_gap out[COMP_MAX])
{
    size_t n = 0;
    for (int i = 0; i < pos->ncomp && i < COMP_MAX; i++) {
        int held = held_level(s, pos->comp[i].code);
        if (held >= pos->comp[i].level)
            continue;
        memcpy(out[n].code, pos->comp[i].code, COMP_CODE_SIZE);
        out[n].code[COMP_CODE_SIZE - 1] = '\0';
        out[n].required = pos->comp[i].level;
        out[n].held = held;
        n++;
    }
    return n;
}

struct verdict rule_competency(const struct move_input *m, const struct policy *p)
{
    struct comp_gap gaps[COMP_MAX];
    size_t n = competency_gaps(m->person, m->target, gaps);
    if (n == 0)
        return judged(RULE_COMPETENCY, p->fit.competency_severity, true,
                      _("meets every required competency"));
    char why[VERDICT_REASON_SIZE] = "";
    append(why, sizeof why, ngettext("%zu competency gap:", "%zu competency gaps:", n), n);
    for (size_t i = 0; i < n; i++)
        append(why, sizeof why, _("%s %s needs level %d, has %d"), i ? ";" : "",
               gaps[i].code, gaps[i].required, gaps[i].held);
    return judged(RULE_COMPETENCY, p->fit.competency_severity, false, "%s", why);
}

/* ---- need and plan ----------------------------------------------------- */

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

void rules_plan_flow(const struct move_input *m, const char *position, int64_t *in,
                     int64_t *out)
{
    *in = *out = 0;
    if (!m->plan || !position)
        return;
    for (size_t i = 0; i < m->plan->n; i++) {
        const struct plan_move *pm = &m->plan->moves[i];
        if (same(pm->nip, m->person->nip))
            continue;
        if (same(pm->to_position, position))
            (*in)++;
        if (same(pm->from_position, position))
            (*out)++;
    }
}

struct verdict rule_need_target(const struct move_input *m, const struct policy *p)
{
    int64_t in, out;
    rules_plan_flow(m, m->target->code, &in, &out);
    int64_t have = m->target_fig.existing + in - out, need = m->target_fig.need;
    if (have < need)
        return judged(RULE_NEED_TARGET, p->need.severity, true,
                      _("target has %lld staff, ABK needs %lld: short by %lld"),
                      (long long)have, (long long)need, (long long)(need - have));
    return judged(RULE_NEED_TARGET, p->need.severity, false,
                  _("target has %lld staff, ABK needs %lld: not short of staff"),
                  (long long)have, (long long)need);
}

struct verdict rule_need_origin(const struct move_input *m, const struct policy *p)
{
    if (!m->origin)
        return judged(RULE_NEED_ORIGIN, p->need.severity, true, _("no current position"));
    int64_t in, out;
    rules_plan_flow(m, m->origin->code, &in, &out);
    int64_t left = m->origin_fig.existing + in - out - 1, need = m->origin_fig.need;
    int margin = p->need.origin_margin;
    return judged(RULE_NEED_ORIGIN, p->need.severity, left >= need - margin,
                  _("origin would keep %lld staff, ABK needs %lld (margin %d)"),
                  (long long)left, (long long)need, margin);
}

struct verdict rule_plan_once(const struct move_input *m, const struct policy *p)
{
    size_t count = 0;
    bool contains = false;
    for (size_t i = 0; m->plan && i < m->plan->n; i++) {
        const struct plan_move *pm = &m->plan->moves[i];
        if (!same(pm->nip, m->person->nip))
            continue;
        count++;
        if (same(pm->to_position, m->target->code))
            contains = true;
    }
    if (!contains)
        count++;               /* this move would join the plan */
    if (count <= 1)
        return judged(RULE_PLAN_ONCE, p->plan.severity, true, _("once in the plan"));
    return judged(RULE_PLAN_ONCE, p->plan.severity, false,
                  _("appears %zu times in the plan"), count);
}

struct verdict rule_plan_overfill(const struct move_input *m, const struct policy *p)
{
    int64_t in, out;
    rules_plan_flow(m, m->target->code, &in, &out);
    int64_t end = m->target_fig.existing + in + 1 - out, need = m->target_fig.need;
    return judged(RULE_PLAN_OVERFILL, p->plan.severity, end <= need,
                  _("target would end with %lld staff, ABK needs %lld"),
                  (long long)end, (long long)need);
}

size_t rules_plan_unit_moves(const struct move_input *m, const char *unit, bool outward)
{
    size_t n = 1;
    for (size_t i = 0; m->plan && i < m->plan->n; i++) {
        const struct plan_move *pm = &m->plan->moves[i];
        if (!same(pm->nip, m->person->nip) &&
            same(outward ? pm->from_unit : pm->to_unit, unit))
            n++;
    }
    return n;
}

struct verdict rule_plan_moves_out(const struct move_input *m, const struct policy *p)
{
    const char *unit = m->origin ? m->origin->unit : m->person->unit;
    size_t n = rules_plan_unit_moves(m, unit, true);
    int cap = p->plan.max_moves_out;
    if (cap <= 0)
        return judged(RULE_PLAN_MOVES_OUT, p->plan.severity, true,
                      _("%zu moves out of unit %s in the plan, no cap"), n, unit);
    return judged(RULE_PLAN_MOVES_OUT, p->plan.severity, n <= (size_t)cap,
                  _("%zu moves out of unit %s in the plan, policy allows %d"), n, unit, cap);
}

struct verdict rule_plan_moves_in(const struct move_input *m, const struct policy *p)
{
    const char *unit = m->target->unit;
    size_t n = rules_plan_unit_moves(m, unit, false);
    int cap = p->plan.max_moves_in;
    if (cap <= 0)
        return judged(RULE_PLAN_MOVES_IN, p->plan.severity, true,
                      _("%zu moves into unit %s in the plan, no cap"), n, unit);
    return judged(RULE_PLAN_MOVES_IN, p->plan.severity, n <= (size_t)cap,
                  _("%zu moves into unit %s in the plan, policy allows %d"), n, unit, cap);
}

/* ---- all of them ------------------------------------------------------- */

void verdict_reasons(const struct verdict *v, size_t n, int result, const char *sep,
                     char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && used + 1 < size; i++) {
        if (v[i].result != result)
            continue;
        int k = snprintf(out + used, size - used, "%s%s: %s", used ? sep : "",
                         rule_label(v[i].rule), v[i].reason);
        if (k < 0)
            break;
        used += (size_t)k < size - used ? (size_t)k : size - used - 1;
    }
}

int rules_summary(const struct verdict *v, size_t n)
{
    int s = MOVE_ALLOWED;
    for (size_t i = 0; i < n; i++) {
        if (v[i].result == VERDICT_BLOCK)
            return MOVE_BLOCKED;
        if (v[i].result == VERDICT_WARN)
            s = MOVE_ALLOWED_WARNINGS;
    }
    return s;
}
