/* ops_plan_suggest: explaining, judging and saving the suggested moves in
 * one write transaction. See ops/suggest.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/suggest_internal.h"

struct save {
    struct change c;
    struct suggest_run *run;
    struct plan p;
    struct move_facts f;           /* big: here, not on the stack */
    /* the whole plan as the rules see it: the plan's moves, then the
     * suggested ones; by_unit[first[u] .. first[u + 1]) are the moves
     * leaving or entering unit u */
    struct plan_move *all, *near;
    size_t nall;
    uint32_t *first, *by_unit, *stamp;
};

/* --- the reasons in words ------------------------------------------------------ */

static void append(char *out, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void append(char *out, size_t size, const char *fmt, ...)
{
    size_t used = strlen(out);
    if (used + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out + used, size - used, fmt, ap);
    va_end(ap);
}

/* The wish's part: the person named the target's place (import
 * preferences) as one they prefer, or one they would avoid. */
static void wish_parts(const struct planner_move *pm, const struct policy *pol, char *out,
                       size_t size)
{
    if (pm->preferred) {
        append(out, size, ", ");
        append(out, size, _("a place the person prefers %lld"),
               -(long long)pol->optimiser.prefer_bonus);
    }
    if (pm->avoided) {
        append(out, size, ", ");
        append(out, size, _("against the person's wish to avoid this place %lld"),
               (long long)pol->optimiser.avoid_cost);
    }
}

static void cost_parts(const struct planner_move *pm, const struct policy *pol, char *out,
                       size_t size)
{
    out[0] = '\0';
    append(out, size, _("move %lld"), (long long)pm->cost_move);
    if (pm->cost_district) {
        append(out, size, ", ");
        append(out, size, _("district %lld"), (long long)pm->cost_district);
    }
    if (pm->cost_home) {
        append(out, size, ", ");
        append(out, size, _("home district %lld"), (long long)pm->cost_home);
    }
    if (pm->cost_competency) {
        append(out, size, ", ");
        append(out, size, ngettext("competency %lld (%d level missing)",
                                   "competency %lld (%d levels missing)",
                                   (unsigned long)pm->missing_levels),
               (long long)pm->cost_competency, pm->missing_levels);
    }
    wish_parts(pm, pol, out, size);
}

/* "fills 1 of 3 short in Bidan, Puskesmas X (EJ 1.42 -> 1.07); relieves
 * Perawat, RSUD Y (+4 -> +3); cost 12: move 10, district 5, ..." */
static void explain(const struct save *s, const struct planner_move *pm, const char *to_unit,
                    const char *from_unit, char *out, size_t size)
{
    const struct policy *pol = ops_policy(s->run->o);
    const struct move_facts *f = &s->f;
    struct wl_row before = {f->target.workload_minutes, pm->to_need, pm->to_existing};
    struct wl_row after = before;
    char eb[24], ea[24], parts[320];
    after.existing++;
    wl_format_ej(&before, pol, eb);
    wl_format_ej(&after, pol, ea);
    cost_parts(pm, pol, parts, sizeof parts);
    out[0] = '\0';
    append(out, size, _("fills 1 of %lld short in %s, %s (EJ %s -> %s)"),
           (long long)(pm->to_need - pm->to_existing), f->target.name, to_unit,
           eb[0] ? eb : "-", ea);
    append(out, size, "; ");
    append(out, size, _("relieves %s, %s (+%lld -> +%lld)"), f->origin.name, from_unit,
           (long long)(pm->from_existing - pm->from_need),
           (long long)(pm->from_existing - pm->from_need - 1));
    append(out, size, "; ");
    append(out, size, _("cost %lld: %s"), (long long)pm->cost, parts);
}

/* --- pass 1: read, check nothing changed, explain ------------------------------- */

static int changed(struct save *s, const char *nip)
{
    char shown[NIP_FMT_LEN + 1];
    nip_format(nip, shown);
    return ops_fail(s->c.e, _("%s changed while the optimiser ran; nothing was saved: run "
                              "plan suggest again"), shown);
}

static int unit_name(struct save *s, stxn *t, const char *code, char out[NAME_SIZE])
{
    struct unit u;
    int r = store_get_unit(t, code, &u);
    if (r == STORE_ERROR)
        return ops_fail(s->c.e, _("could not read the database: %s"), store_errmsg(s->c.o->db));
    snprintf(out, NAME_SIZE, "%s", r == STORE_OK ? u.name : code);
    return OPS_OK;
}

static int facts(struct save *s, stxn *t, size_t k)
{
    const struct suggest_run *run = s->run;
    const struct planner_move *pm = planner_move(run->pl, k);
    const char *nip = run->movers[pm->person].nip;
    struct ops_err quiet;
    int r = move_facts_read(run->o, t, nip, workload_position_code(run->w, pm->to_cell), &s->f,
                            &quiet);
    if (r == STORE_ERROR)
        return ops_fail(s->c.e, "%s", quiet.msg);
    if (r != STORE_OK || !s->f.has_origin ||
        strcmp(s->f.person.position, workload_position_code(run->w, pm->from_cell)) != 0)
        return changed(s, nip);
    return OPS_OK;
}

static int describe(struct save *s, stxn *t, size_t k)
{
    struct ops_suggested *out = &s->run->out->moves[k];
    const struct planner_move *pm = planner_move(s->run->pl, k);
    char to_unit[NAME_SIZE], from_unit[NAME_SIZE];
    int rc = facts(s, t, k);
    if (rc == OPS_OK && (rc = unit_name(s, t, s->f.target.unit, to_unit)) == OPS_OK)
        rc = unit_name(s, t, s->f.origin.unit, from_unit);
    if (rc != OPS_OK)
        return rc;
    memset(out, 0, sizeof *out);
    struct move *m = &out->move;
    m->plan_id = s->run->rq->plan;
    memcpy(m->nip, s->f.person.nip, sizeof m->nip);
    snprintf(m->from_position, sizeof m->from_position, "%s", s->f.person.position);
    snprintf(m->from_unit, sizeof m->from_unit, "%s", s->f.person.unit);
    snprintf(m->to_position, sizeof m->to_position, "%s", s->f.target.code);
    snprintf(m->to_unit, sizeof m->to_unit, "%s", s->f.target.unit);
    m->reason = REASON_WORKLOAD;
    copy_user(m->added_by, s->c.o->user);
    m->added_at = (int64_t)time(NULL);
    memcpy(out->name, s->f.person.name, sizeof out->name);
    out->cost = pm->cost;
    explain(s, pm, to_unit, from_unit, out->why, sizeof out->why);
    return OPS_OK;
}

/* --- pass 2: the whole plan, by unit ------------------------------------------- */

static struct plan_move desc_of(const struct move *m)
{
    return (struct plan_move){m->nip, m->from_position, m->from_unit, m->to_position,
                              m->to_unit};
}

static long unit_of(const struct save *s, const char *code)
{
    return code[0] ? workload_unit_index(s->run->w, code) : -1;
}

/* Counting sort of the moves by the units they touch (both ends). */
static int index_by_unit(struct save *s)
{
    size_t nu = workload_unit_count(s->run->w);
    s->first = calloc(nu + 2, sizeof *s->first);
    s->by_unit = malloc((2 * s->nall + 1) * sizeof *s->by_unit);
    s->stamp = calloc(s->nall + 1, sizeof *s->stamp);
    s->near = malloc((s->nall + 1) * sizeof *s->near);
    if (!s->first || !s->by_unit || !s->stamp || !s->near)
        return -1;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < s->nall; i++) {
            long ends[2] = {unit_of(s, s->all[i].from_unit), unit_of(s, s->all[i].to_unit)};
            for (int j = 0; j < 2; j++) {
                if (ends[j] < 0 || (j == 1 && ends[1] == ends[0]))
                    continue;
                if (pass == 0)
                    s->first[ends[j] + 2]++;
                else
                    s->by_unit[s->first[ends[j] + 1]++] = (uint32_t)i;
            }
        }
        if (pass == 0)
            for (size_t u = 0; u < nu; u++)
                s->first[u + 2] += s->first[u + 1];
    }
    return 0;
}

static int whole_plan(struct save *s)
{
    const struct plan_moves *fx = &s->run->fixed;
    size_t ns = s->run->out->nmoves;
    s->all = malloc((fx->n + ns + 1) * sizeof *s->all);
    if (!s->all)
        return -1;
    for (size_t i = 0; i < fx->n; i++)
        s->all[s->nall++] = desc_of(&fx->m[i]);
    for (size_t k = 0; k < ns; k++)
        s->all[s->nall++] = desc_of(&s->run->out->moves[k].move);
    return index_by_unit(s);
}

/* The moves of the plan that share a unit with move k: all the plan rules
 * look at (the rest cannot change a verdict of k). */
static struct plan_desc near_moves(struct save *s, size_t k)
{
    const struct move *m = &s->run->out->moves[k].move;
    long units[3] = {unit_of(s, m->from_unit), unit_of(s, m->to_unit),
                     unit_of(s, s->f.origin.unit)};
    size_t n = 0;
    uint32_t mark = (uint32_t)k + 1;
    for (int j = 0; j < 3; j++) {
        if (units[j] < 0)
            continue;
        for (uint32_t i = s->first[units[j]]; i < s->first[units[j] + 1]; i++) {
            uint32_t x = s->by_unit[i];
            if (s->stamp[x] != mark) {
                s->stamp[x] = mark;
                s->near[n++] = s->all[x];
            }
        }
    }
    return (struct plan_desc){s->near, n};
}

/* --- pass 3: judge and save -------------------------------------------------------- */

static int judge_and_put(struct save *s, stxn *t, size_t k)
{
    struct move *m = &s->run->out->moves[k].move;
    struct verdict v[RULE_COUNT];
    size_t nv;
    int rc = facts(s, t, k);
    if (rc != OPS_OK)
        return rc;
    struct plan_desc d = near_moves(s, k);
    int summary = move_judge(s->c.o, &s->f, REASON_WORKLOAD, &d, v, &nv);
    if (summary == MOVE_BLOCKED) {
        char why[OPS_MSG_SIZE - 256], shown[NIP_FMT_LEN + 1];
        nip_format(m->nip, shown);
        verdict_reasons(v, nv, VERDICT_BLOCK, "\n  ", why, sizeof why);
        return ops_fail(s->c.e, _("the optimiser suggested a move the rules block, so nothing "
                                  "was saved: %s (%s) to %s:\n  %s"),
                        s->f.person.name, shown, m->to_position, why);
    }
    m->summary = (uint8_t)summary;
    m->nverdicts = 0;
    for (size_t i = 0; i < nv && i < MOVE_VERDICT_MAX; i++)
        m->verdicts[m->nverdicts++] = (struct move_verdict){(uint8_t)v[i].rule,
                                                           (uint8_t)v[i].result};
    verdict_reasons(v, nv, VERDICT_WARN, "; ", m->why, sizeof m->why);
    if (store_put_move(t, m) != STORE_OK)
        return ops_fail(s->c.e, _("could not save the move: %s"), store_errmsg(s->c.o->db));
    return OPS_OK;
}

static int record(struct save *s, stxn *t)
{
    const struct ops_suggest_result *out = s->run->out;
    char object[32], after[160];
    int rc = plan_touch(s->c.o, t, &s->p, s->c.e);
    if (rc != OPS_OK)
        return rc;
    snprintf(object, sizeof object, "plan %u", (unsigned)s->p.id);
    snprintf(after, sizeof after, "%zu moves (workload); objective %lld; %lld of %lld short filled",
             out->nmoves, (long long)out->objective, (long long)out->max_fill,
             (long long)out->shortage);
    return change_audit(&s->c, t, "plan suggest", object, "", after);
}

static int write_suggest(stxn *t, void *ctx)
{
    struct save *s = ctx;
    struct suggest_run *run = s->run;
    size_t n = run->out->nmoves;
    int rc = plan_for_change(run->o, t, run->rq->plan, run->version, &s->p, s->c.e);
    for (size_t k = 0; rc == OPS_OK && k < n; k++)
        rc = describe(s, t, k);
    if (rc == OPS_OK && !s->all && whole_plan(s) != 0)
        rc = ops_fail(s->c.e, "%s", _("out of memory"));
    for (size_t k = 0; rc == OPS_OK && k < n; k++) {
        rc = judge_and_put(s, t, k);
        if (k % 256 == 255 && run->rq->progress)
            run->rq->progress(run->rq->ctx, OPS_SUGGEST_SAVE, k + 1);
    }
    if (rc == OPS_OK)
        rc = record(s, t);
    return change_aborted(&s->c, rc);
}

int suggest_save(struct suggest_run *run)
{
    size_t n = planner_move_count(run->pl);
    struct ops_suggest_result *out = run->out;
    struct save *s = calloc(1, sizeof *s);
    out->moves = calloc(n ? n : 1, sizeof *out->moves);
    if (!s || !out->moves) {
        free(s);
        return ops_fail(run->e, "%s", _("out of memory"));
    }
    out->nmoves = n;
    if (n == 0) {                  /* nothing to add: the plan stays as it is */
        free(s);
        out->version = run->version;
        return OPS_OK;
    }
    s->c = (struct change){run->o, run->e, OPS_OK};
    s->run = run;
    int rc = change_run(&s->c, write_suggest, s);
    if (rc == OPS_OK)
        out->version = s->p.version;
    free(s->all);
    free(s->near);
    free(s->first);
    free(s->by_unit);
    free(s->stamp);
    free(s);
    return rc;
}
