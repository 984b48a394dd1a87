/* The rules a move must pass (DESIGN "Rules a move must pass"): one
 * function per rule, each returning a verdict with its reason in words and
 * numbers ("3 months in post, policy needs 24"). Severities and numbers come
 * from struct policy; today's date is a parameter. Rules never print. */
#ifndef MUTASI_CORE_RULES_H
#define MUTASI_CORE_RULES_H
#include <stdbool.h>
#include <stddef.h>
#include "core/date.h"
#include "core/policy.h"
#include "core/record.h"
#include "core/workload.h"

enum rule_id {
    RULE_STATUS,            /* PNS (not CPNS; PPPK only if allowed) */
    RULE_TENURE,            /* months in the current post */
    RULE_FIRST_PLACEMENT,   /* own-request moves within N years of PNS */
    RULE_RETIREMENT,        /* months to retirement (BUP) */
    RULE_DISCIPLINE,        /* active penalty of a blocked level */
    RULE_LEAVE,             /* study leave, CLTN, service bond */
    RULE_PERFORMANCE,       /* SKP of the last N years */
    RULE_FIT,               /* job family, minimum rank and education */
    RULE_COMPETENCY,        /* competency gaps */
    RULE_NEED_TARGET,       /* the target is short of staff */
    RULE_NEED_ORIGIN,       /* the origin keeps its need (minus margin) */
    RULE_PLAN_ONCE,         /* a person once in a plan */
    RULE_PLAN_OVERFILL,     /* a target position never ends over-filled */
    RULE_PLAN_MOVES_OUT,    /* moves out of one unit per plan */
    RULE_PLAN_MOVES_IN,     /* moves into one unit per plan */
    RULE_COUNT
};

enum verdict_result { VERDICT_PASS, VERDICT_WARN, VERDICT_BLOCK, VERDICT_OFF };

#define VERDICT_REASON_SIZE 256
struct verdict {
    int rule;                          /* enum rule_id */
    int result;                        /* enum verdict_result */
    char reason[VERDICT_REASON_SIZE];  /* translated sentence with the numbers */
};

/* "tenure", "need-target"... (stable, untranslated: for scripts). */
const char *rule_id_name(int rule);
/* "pass", "warn", "block", "off" (stable, untranslated). */
const char *verdict_result_name(int result);
/* Translated short label ("Tenure in post"). */
const char *rule_label(int rule);

/* Retirement. BUP in years for a position kind and level by the policy's
 * table (JPT; administrasi = administrator, pengawas, pelaksana; fungsional
 * by level; unknown kinds get the administrasi age). */
int rules_bup_years(const struct policy *p, int pos_kind, int pos_level);
/* THE retirement age of whoever holds pos: every user of BUP (the rules,
 * check, the optimiser's filter, the demo) asks here. Most specific wins:
 * an override for the position's code, then one for its job family (for
 * fungsional positions: the laws that set a profession's age, such as UU
 * 14/2005 Pasal 30(4) for teachers, concern the profession, not the
 * structural posts of its office), then rules_bup_years. pos NULL (no
 * position) gets the administrasi age. *source (may be NULL) says which. */
enum bup_source { BUP_BY_TABLE, BUP_BY_FAMILY, BUP_BY_POSITION };
int rules_bup(const struct policy *p, const struct position *pos, int *source);
/* The retirement age of person s in pos: rules_bup(pos) when pos is
 * given; without a post (vacated by CLTN or full study leave, or not
 * known) the override of the person's own job family when there is one
 * (the profession goes with the person: a teacher on leave is still a
 * teacher), else rules_bup(NULL). s may be NULL. What the rules, import's
 * penalty check and the demo ask about a person. */
int rules_bup_person(const struct policy *p, const struct position *pos,
                     const struct staff *s, int *source);
/* Retirement date: the first day of the month after the birthday on which
 * the person reaches bup years (born 1969-02-10, BUP 58: 2027-03-01). */
mdate rules_retirement_date(mdate birth, int bup_years);

/* The retirement date rule_retirement judges for a move: by the BUP of the
 * current position (the target's when there is none); *bup gets the age. */
struct move_input;
mdate rules_move_retirement(const struct move_input *m, const struct policy *p, int *bup);

/* True when in the current post longer than tenure.rotation_months. */
bool rules_rotation_candidate(const struct staff *s, const struct policy *p, mdate today);

/* Competency gaps of a person against a position: every required
 * competency held below its level (held 0 = not held), in the position's
 * order. Returns the count (at most COMP_MAX). */
struct comp_gap {
    char code[COMP_CODE_SIZE];
    int required, held;
};
size_t competency_gaps(const struct staff *s, const struct position *pos,
                       struct comp_gap out[COMP_MAX]);

/* A plan as the sanity rules see it: its moves (from_* = where the person
 * is now). Plan editors and the planner fill it from their own data. */
struct plan_move {
    const char *nip;
    const char *from_position, *from_unit;
    const char *to_position, *to_unit;
};
struct plan_desc {
    const struct plan_move *moves;
    size_t n;
};

/* One move to judge. origin may be NULL (a person without a position).
 * origin_fig / target_fig: the positions' figures in the database (need and
 * existing; before any move of the plan). plan may be NULL (a single
 * move: the plan rules are then not evaluated). */
struct move_input {
    const struct staff *person;
    const struct position *origin;
    const struct position *target;
    struct wl_row origin_fig, target_fig;
    bool own_request;               /* the person asked to move */
    const struct plan_desc *plan;
    mdate today;
};

/* One function per rule. Each honours its severity: SEV_OFF gives
 * VERDICT_OFF (the reason still says what was found), a failed check gives
 * VERDICT_WARN or VERDICT_BLOCK, a met one VERDICT_PASS. */
struct verdict rule_status(const struct move_input *m, const struct policy *p);
/* Fails when fewer than tenure.min_months whole months in post; the reason
 * also names a rotation candidate. */
struct verdict rule_tenure(const struct move_input *m, const struct policy *p);
/* Own-request moves only: fails when fewer than first_placement.years whole
 * years since PNS appointment (or not yet appointed). */
struct verdict rule_first_placement(const struct move_input *m, const struct policy *p);
/* BUP (rules_bup_person) by the current position (the target's when
 * there is none). Fails
 * when the retirement date comes before today + retirement.months (a date
 * exactly that many months away passes). */
struct verdict rule_retirement(const struct move_input *m, const struct policy *p);
/* Fails on a penalty of level >= discipline.blocked_from that has not
 * ended (discipline_until >= today, or no end date); a running penalty
 * below that level warns (unless the rule is off). */
struct verdict rule_discipline(const struct move_input *m, const struct policy *p);
/* Fails on study leave, CLTN or a service bond (discipline.leave_severity). */
struct verdict rule_leave(const struct move_input *m, const struct policy *p);
/* Fails unless the SKP of each of the performance.years years before
 * today's year is at least performance.min_predikat (a missing year fails). */
struct verdict rule_performance(const struct move_input *m, const struct policy *p);
/* Fails when the target's job family differs from the person's, the rank
 * is below (or not comparable with) its minimum, or the education below. */
struct verdict rule_fit(const struct move_input *m, const struct policy *p);
/* Fails (fit.competency_severity) when competency_gaps finds any. */
struct verdict rule_competency(const struct move_input *m, const struct policy *p);
/* Fails when the target holds as many as its need or more (after the
 * plan's other moves). */
struct verdict rule_need_target(const struct move_input *m, const struct policy *p);
/* Fails when the origin, after this move (and the plan's others), would
 * fall more than need.origin_margin below its need. */
struct verdict rule_need_origin(const struct move_input *m, const struct policy *p);
/* The plan's moves of other people (not m->person) into / out of a
 * position; 0 and 0 without m->plan. */
void rules_plan_flow(const struct move_input *m, const char *position, int64_t *in,
                     int64_t *out);
/* Moves of the plan (other people's, plus this one) whose unit on one
 * side (outward: the unit left) is unit. */
size_t rules_plan_unit_moves(const struct move_input *m, const char *unit, bool outward);
/* Plan sanity (plan.severity; needs m->plan). */
struct verdict rule_plan_once(const struct move_input *m, const struct policy *p);
/* Fails when the target ends with more than its need after every move of
 * the plan, this one included. */
struct verdict rule_plan_overfill(const struct move_input *m, const struct policy *p);
/* Fail when more than plan.max_moves_out / max_moves_in moves of the plan
 * (this one included) leave / enter the unit; 0 = no cap. */
struct verdict rule_plan_moves_out(const struct move_input *m, const struct policy *p);
struct verdict rule_plan_moves_in(const struct move_input *m, const struct policy *p);

/* ---- the rule table ------------------------------------------------------
 * Every rule once, in rule_id order: its stable name, its translated label,
 * its function and its scope. Whoever needs "the person rules" or "every
 * rule of a move" reads the table instead of listing rules by hand, so a
 * new rule is one enum value, one function and one table row.
 *
 * Usage:
 *     for (int i = 0; i < RULE_COUNT; i++)
 *         if (rule_table[i].scope == RULE_SCOPE_PERSON) ... rule_table[i].judge(&m, p) ...
 *     n = rules_check_scope(&m, p, RULE_SCOPE_BIT(RULE_SCOPE_PERSON), v);
 *     if (!rules_person_may_move(&staff, origin, p, today)) skip this person;
 */
enum rule_scope {
    RULE_SCOPE_PERSON,      /* the person alone: could they move at all? */
    RULE_SCOPE_TARGET,      /* the person against a target position */
    RULE_SCOPE_PLAN,        /* the move among the plan's other moves */
};
#define RULE_SCOPE_BIT(scope) (1u << (scope))

typedef struct verdict (*rule_fn)(const struct move_input *m, const struct policy *p);
/* The verdict's result only (enum verdict_result), without writing the
 * reason: the fast path of a rule. Always equals judge(m, p).result. */
typedef int (*rule_quick_fn)(const struct move_input *m, const struct policy *p);

struct rule_def {
    int id;                 /* enum rule_id; rule_table[i].id == i */
    const char *name;       /* rule_id_name */
    const char *label;      /* N_(): translate with _() (rule_label does) */
    rule_fn judge;
    int scope;              /* enum rule_scope */
    rule_quick_fn quick;    /* every rule (a plan rule's needs m->plan) */
};
extern const struct rule_def rule_table[RULE_COUNT];

/* The verdicts of every rule whose scope is in scopes (a set of
 * RULE_SCOPE_BIT), in rule_id order; plan rules only when m->plan is set.
 * Returns the number written. */
size_t rules_check_scope(const struct move_input *m, const struct policy *p, unsigned scopes,
                         struct verdict out[RULE_COUNT]);
/* The same verdicts, but only those that fail (WARN or BLOCK) carry their
 * reason: a PASS or OFF verdict of a person or target rule is decided by
 * its quick function and its reason is "". For judging many moves whose
 * results and warnings are kept (plan suggest saves thousands): two or
 * three sentences formatted a move instead of fifteen. */
size_t rules_check_failures(const struct move_input *m, const struct policy *p, unsigned scopes,
                            struct verdict out[RULE_COUNT]);
/* Every rule for one move (person, target, and plan when m->plan is set). */
size_t rules_check_move(const struct move_input *m, const struct policy *p,
                        struct verdict out[RULE_COUNT]);

/* The fast path for filtering many people (the optimiser, the Staff
 * screen's `eligible` filter): true when no person-scope rule blocks a move
 * the agency proposes (not at the person's own request) for this person,
 * whose current position is origin (NULL when none or unknown; retirement
 * then uses the administrasi age). Writes no reason and formats nothing:
 * about a hundred nanoseconds a person. Agrees with the BLOCK verdicts of
 * rules_check_scope(person scope) on the same input. */
bool rules_person_may_move(const struct staff *s, const struct position *origin,
                           const struct policy *p, mdate today);
/* The same for a move_input (own_request honoured, target ignored). */
bool rules_person_blocked(const struct move_input *m, const struct policy *p);

enum move_summary { MOVE_ALLOWED, MOVE_ALLOWED_WARNINGS, MOVE_BLOCKED };
int rules_summary(const struct verdict *v, size_t n);
/* rules_summary of the verdicts rules_check_scope would give for the
 * person and target scopes in scopes (the plan scope is ignored), by the
 * quick paths: nothing formatted, a few hundred nanoseconds. For judging
 * many targets at once (the position picker); the reasons of one are then
 * rules_check_scope's. */
int rules_quick_summary(const struct move_input *m, const struct policy *p, unsigned scopes);
/* The reasons of every verdict with this result, as "Rule label: reason",
 * sep-joined, into out (cut to size; "" when none). */
void verdict_reasons(const struct verdict *v, size_t n, int result, const char *sep, char *out,
                     size_t size);
/* Translated "allowed", "allowed with warnings", "blocked". */
const char *move_summary_label(int summary);
#endif
