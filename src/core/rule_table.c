/* The rule table, and the fast path of every rule: each quick function
 * decides what its rule's verdict would be without writing the reason
 * (tests/unit/test_rule_table.c holds them to the full rules). */
#include <string.h>
#include "core/i18n.h"
#include "core/rules.h"

/* What judged() in rules.c gives: off when the rule is off, pass when met,
 * else the rule's severity. */
static int outcome(int severity, bool ok)
{
    if (severity == SEV_OFF)
        return VERDICT_OFF;
    if (ok)
        return VERDICT_PASS;
    return severity == SEV_WARN ? VERDICT_WARN : VERDICT_BLOCK;
}

static int quick_status(const struct move_input *m, const struct policy *p)
{
    int st = m->person->status;
    bool ok = st == STATUS_PNS || (st == STATUS_PPPK && p->status.allow_pppk);
    return outcome(p->status.severity, ok);
}

static int quick_tenure(const struct move_input *m, const struct policy *p)
{
    mdate since = m->person->post_since;
    bool ok = since != MDATE_NONE &&
              date_months_between(since, m->today) >= p->tenure.min_months;
    return outcome(p->tenure.severity, ok);
}

static int quick_first_placement(const struct move_input *m, const struct policy *p)
{
    mdate since = m->person->pns_since;
    bool ok = !m->own_request ||
              (since != MDATE_NONE &&
               date_years_between(since, m->today) >= p->first_placement.years);
    return outcome(p->first_placement.severity, ok);
}

static int quick_retirement(const struct move_input *m, const struct policy *p)
{
    if (m->person->birth_date == MDATE_NONE)
        return outcome(p->retirement.severity, false);
    int bup;
    mdate retire = rules_move_retirement(m, p, &bup);
    return outcome(p->retirement.severity,
                   retire >= date_add_months(m->today, p->retirement.months));
}

static int quick_discipline(const struct move_input *m, const struct policy *p)
{
    const struct staff *s = m->person;
    int sev = p->discipline.severity;
    int from = p->discipline.blocked_from > DISC_NONE ? p->discipline.blocked_from
                                                     : DISC_RINGAN;
    if (s->discipline == DISC_NONE ||
        (s->discipline_until != MDATE_NONE && s->discipline_until < m->today))
        return outcome(sev, true);
    if (s->discipline < from)   /* below the blocked level: warns at most */
        return outcome(sev == SEV_OFF ? SEV_OFF : SEV_WARN, false);
    return outcome(sev, false);
}

static int quick_leave(const struct move_input *m, const struct policy *p)
{
    return outcome(p->discipline.leave_severity, m->person->leave == LEAVE_NONE);
}

static int quick_performance(const struct move_input *m, const struct policy *p)
{
    int years = p->performance.years, y0, mo, d;
    date_to_ymd(m->today, &y0, &mo, &d);
    bool ok = true;
    for (int k = 1; k <= years && ok; k++) {
        int got = staff_skp_for_year(m->person, y0 - k);
        ok = got != SKP_NONE && got >= p->performance.min_predikat;
    }
    return outcome(p->performance.severity, years <= 0 || ok);
}

/* ---- the target rules ---------------------------------------------------- */
static int quick_fit(const struct move_input *m, const struct policy *p)
{
    const struct staff *s = m->person;
    const struct position *t = m->target;
    bool ok = !t->job_family[0] || strcmp(t->job_family, s->job_family) == 0;
    if (t->min_rank != RANK_NONE)
        ok = ok && s->rank != RANK_NONE && rank_comparable(s->rank, t->min_rank) &&
             s->rank >= t->min_rank;
    if (t->min_education != EDU_NONE)
        ok = ok && s->education >= t->min_education;
    return outcome(p->fit.severity, ok);
}

static int quick_competency(const struct move_input *m, const struct policy *p)
{
    struct comp_gap gaps[COMP_MAX];
    return outcome(p->fit.competency_severity, competency_gaps(m->person, m->target, gaps) == 0);
}

static int quick_need_target(const struct move_input *m, const struct policy *p)
{
    int64_t in, out;
    rules_plan_flow(m, m->target->code, &in, &out);
    return outcome(p->need.severity, m->target_fig.existing + in - out < m->target_fig.need);
}

static int quick_need_origin(const struct move_input *m, const struct policy *p)
{
    if (!m->origin)
        return outcome(p->need.severity, true);
    int64_t in, out;
    rules_plan_flow(m, m->origin->code, &in, &out);
    int64_t left = m->origin_fig.existing + in - out - 1;
    return outcome(p->need.severity, left >= m->origin_fig.need - p->need.origin_margin);
}

/* ---- the plan rules ------------------------------------------------------ */
static int quick_plan_once(const struct move_input *m, const struct policy *p)
{
    size_t count = 0;
    bool contains = false;
    for (size_t i = 0; m->plan && i < m->plan->n; i++) {
        const struct plan_move *pm = &m->plan->moves[i];
        if (!pm->nip || strcmp(pm->nip, m->person->nip) != 0)
            continue;
        count++;
        contains = contains || (pm->to_position && strcmp(pm->to_position, m->target->code) == 0);
    }
    return outcome(p->plan.severity, count + !contains <= 1);
}

static int quick_plan_overfill(const struct move_input *m, const struct policy *p)
{
    int64_t in, out;
    rules_plan_flow(m, m->target->code, &in, &out);
    return outcome(p->plan.severity, m->target_fig.existing + in + 1 - out <= m->target_fig.need);
}

static int quick_plan_moves_out(const struct move_input *m, const struct policy *p)
{
    const char *unit = m->origin ? m->origin->unit : m->person->unit;
    int cap = p->plan.max_moves_out;
    return outcome(p->plan.severity, cap <= 0 || rules_plan_unit_moves(m, unit, true) <= (size_t)cap);
}

static int quick_plan_moves_in(const struct move_input *m, const struct policy *p)
{
    int cap = p->plan.max_moves_in;
    return outcome(p->plan.severity,
                   cap <= 0 || rules_plan_unit_moves(m, m->target->unit, false) <= (size_t)cap);
}

const struct rule_def rule_table[RULE_COUNT] = {
    {RULE_STATUS, "status", N_("Status"), rule_status, RULE_SCOPE_PERSON, quick_status},
    {RULE_TENURE, "tenure", N_("Tenure in post"), rule_tenure, RULE_SCOPE_PERSON,
     quick_tenure},
    {RULE_FIRST_PLACEMENT, "first-placement", N_("First placement"), rule_first_placement,
     RULE_SCOPE_PERSON, quick_first_placement},
    {RULE_RETIREMENT, "retirement", N_("Retirement"), rule_retirement, RULE_SCOPE_PERSON,
     quick_retirement},
    {RULE_DISCIPLINE, "discipline", N_("Discipline"), rule_discipline, RULE_SCOPE_PERSON,
     quick_discipline},
    {RULE_LEAVE, "leave", N_("Leave"), rule_leave, RULE_SCOPE_PERSON, quick_leave},
    {RULE_PERFORMANCE, "performance", N_("Performance (SKP)"), rule_performance,
     RULE_SCOPE_PERSON, quick_performance},
    {RULE_FIT, "fit", N_("Fit"), rule_fit, RULE_SCOPE_TARGET, quick_fit},
    {RULE_COMPETENCY, "competency", N_("Competencies"), rule_competency, RULE_SCOPE_TARGET,
     quick_competency},
    {RULE_NEED_TARGET, "need-target", N_("Need at target"), rule_need_target,
     RULE_SCOPE_TARGET, quick_need_target},
    {RULE_NEED_ORIGIN, "need-origin", N_("Need at origin"), rule_need_origin,
     RULE_SCOPE_TARGET, quick_need_origin},
    {RULE_PLAN_ONCE, "plan-once", N_("Once in the plan"), rule_plan_once, RULE_SCOPE_PLAN,
     quick_plan_once},
    {RULE_PLAN_OVERFILL, "plan-overfill", N_("Target not over-filled"), rule_plan_overfill,
     RULE_SCOPE_PLAN, quick_plan_overfill},
    {RULE_PLAN_MOVES_OUT, "plan-moves-out", N_("Moves out of the unit"), rule_plan_moves_out,
     RULE_SCOPE_PLAN, quick_plan_moves_out},
    {RULE_PLAN_MOVES_IN, "plan-moves-in", N_("Moves into the unit"), rule_plan_moves_in,
     RULE_SCOPE_PLAN, quick_plan_moves_in},
};

size_t rules_check_scope(const struct move_input *m, const struct policy *p, unsigned scopes,
                         struct verdict out[RULE_COUNT])
{
    if (!m->plan)
        scopes &= ~RULE_SCOPE_BIT(RULE_SCOPE_PLAN);
    size_t n = 0;
    for (int i = 0; i < RULE_COUNT; i++)
        if (scopes & RULE_SCOPE_BIT(rule_table[i].scope))
            out[n++] = rule_table[i].judge(m, p);
    return n;
}

size_t rules_check_failures(const struct move_input *m, const struct policy *p, unsigned scopes,
                            struct verdict out[RULE_COUNT])
{
    if (!m->plan)
        scopes &= ~RULE_SCOPE_BIT(RULE_SCOPE_PLAN);
    size_t n = 0;
    for (int i = 0; i < RULE_COUNT; i++) {
        const struct rule_def *r = &rule_table[i];
        if (!(scopes & RULE_SCOPE_BIT(r->scope)))
            continue;
        int quick = r->quick(m, p);
        if (quick == VERDICT_PASS || quick == VERDICT_OFF)
            out[n++] = (struct verdict){.rule = i, .result = quick};
        else
            out[n++] = r->judge(m, p);
    }
    return n;
}

size_t rules_check_move(const struct move_input *m, const struct policy *p,
                        struct verdict out[RULE_COUNT])
{
    unsigned all = RULE_SCOPE_BIT(RULE_SCOPE_PERSON) | RULE_SCOPE_BIT(RULE_SCOPE_TARGET) |
                   RULE_SCOPE_BIT(RULE_SCOPE_PLAN);
    return rules_check_scope(m, p, all, out);
}

bool rules_person_blocked(const struct move_input *m, const struct policy *p)
{
    for (int i = 0; i < RULE_COUNT; i++)
        if (rule_table[i].scope == RULE_SCOPE_PERSON && rule_table[i].quick(m, p) == VERDICT_BLOCK)
            return true;
    return false;
}

int rules_quick_summary(const struct move_input *m, const struct policy *p, unsigned scopes)
{
    int s = MOVE_ALLOWED;
    scopes &= ~RULE_SCOPE_BIT(RULE_SCOPE_PLAN);
    for (int i = 0; i < RULE_COUNT; i++) {
        if (!(scopes & RULE_SCOPE_BIT(rule_table[i].scope)))
            continue;
        int r = rule_table[i].quick(m, p);
        if (r == VERDICT_BLOCK)
            return MOVE_BLOCKED;
        if (r == VERDICT_WARN)
            s = MOVE_ALLOWED_WARNINGS;
    }
    return s;
}

bool rules_person_may_move(const struct staff *s, const struct position *origin,
                           const struct policy *p, mdate today)
{
    struct move_input m;
    memset(&m, 0, sizeof m);
    m.person = s;
    m.origin = origin;
    m.today = today;
    return !rules_person_blocked(&m, p);
}
