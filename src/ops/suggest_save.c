/* ops_plan_suggest: explaining, judging and saving the suggested moves in
 * one write transaction. See ops/suggest.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/suggest_internal.h"

/* The reasons' phrases, translated once a run: a gettext look-up costs
 * about a microsecond, and a national run explains some 100,000 moves
 * with half a dozen phrases each. */
struct phrases {
    const char *fills, *relieves, *cost, *move, *district, *home, *prefers, *avoids;
};

struct save {
    struct change c;
    struct phrases say;
    struct suggest_run *run;
    struct plan p;
    struct move_facts f;           /* big: here, not on the stack */
    struct move m;                 /* the move being saved */
    uint32_t *name_at, *why_at;    /* of each move, in run->out->text */
    /* unit names read so far: unames + uname_at[unit] - 1, by workload
     * unit (0: not yet) */
    uint32_t *uname_at;
    char *unames;
    size_t nunames, unames_room;
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

/* msgid translated, the first time (then *slot keeps it). */
static const char *phrase(const char **slot, const char *msgid) __attribute__((format_arg(2)));
static const char *phrase(const char **slot, const char *msgid)
{
    if (!*slot)
        *slot = _(msgid);
    return *slot;
}

/* The wish's part: the person named the target's place (import
 * preferences) as one they prefer, or one they would avoid. */
static void wish_parts(struct phrases *say, const struct planner_move *pm,
                       const struct policy *pol, char *out, size_t size)
{
    if (pm->preferred) {
        append(out, size, ", ");
        append(out, size, phrase(&say->prefers, N_("a place the person prefers %lld")),
               -(long long)pol->optimiser.prefer_bonus);
    }
    if (pm->avoided) {
        append(out, size, ", ");
        append(out, size,
               phrase(&say->avoids, N_("against the person's wish to avoid this place %lld")),
               (long long)pol->optimiser.avoid_cost);
    }
}

static void cost_parts(struct phrases *say, const struct planner_move *pm,
                       const struct policy *pol, char *out, size_t size)
{
    out[0] = '\0';
    append(out, size, phrase(&say->move, N_("move %lld")), (long long)pm->cost_move);
    if (pm->cost_district) {
        append(out, size, ", ");
        append(out, size, phrase(&say->district, N_("district %lld")),
               (long long)pm->cost_district);
    }
    if (pm->cost_home) {
        append(out, size, ", ");
        append(out, size, phrase(&say->home, N_("home district %lld")),
               (long long)pm->cost_home);
    }
    if (pm->cost_competency) {
        append(out, size, ", ");
        append(out, size, ngettext("competency %lld (%d level missing)",
                                   "competency %lld (%d levels missing)",
                                   (unsigned long)pm->missing_levels),
               (long long)pm->cost_competency, pm->missing_levels);
    }
    wish_parts(say, pm, pol, out, size);
}

/* "fills 1 of 3 short in Bidan, Puskesmas X (EJ 1.42 -> 1.07); relieves
 * Perawat, RSUD Y (+4 -> +3); cost 12: move 10, district 5, ..." */
static void explain(struct save *s, const struct planner_move *pm, const char *to_unit,
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
    cost_parts(&s->say, pm, pol, parts, sizeof parts);
    out[0] = '\0';
    append(out, size, phrase(&s->say.fills, N_("fills 1 of %lld short in %s, %s (EJ %s -> %s)")),
           (long long)(pm->to_need - pm->to_existing), f->target.name, to_unit,
           eb[0] ? eb : "-", ea);
    append(out, size, "; ");
    append(out, size, phrase(&s->say.relieves, N_("relieves %s, %s (+%lld -> +%lld)")),
           f->origin.name, from_unit,
           (long long)(pm->from_existing - pm->from_need),
           (long long)(pm->from_existing - pm->from_need - 1));
    append(out, size, "; ");
    append(out, size, phrase(&s->say.cost, N_("cost %lld: %s")), (long long)pm->cost, parts);
}

/* --- each move: read, check nothing changed, explain ------------------------------ */

static int changed(struct save *s, const char *nip)
{
    char shown[NIP_FMT_LEN + 1];
    nip_format(nip, shown);
    return ops_fail(s->c.e, _("%s changed while the optimiser ran; nothing was saved: run "
                              "plan suggest again"), shown);
}

/* A unit's name, read once per run: many moves share a unit. */
static int unit_name(struct save *s, stxn *t, const char *code, char out[NAME_SIZE])
{
    long ui = workload_unit_index(s->run->w, code);
    if (ui >= 0 && s->uname_at[ui]) {
        memcpy(out, s->unames + s->uname_at[ui] - 1, NAME_SIZE);
        return OPS_OK;
    }
    struct unit u;
    int r = store_get_unit(t, code, &u);
    if (r == STORE_ERROR)
        return ops_fail(s->c.e, _("could not read the database: %s"), store_errmsg(s->c.o->db));
    snprintf(out, NAME_SIZE, "%s", r == STORE_OK ? u.name : code);
    if (ui >= 0 && s->nunames + NAME_SIZE < UINT32_MAX &&
        GROW_ROOM(s->unames, s->unames_room, s->nunames + NAME_SIZE, 64 * NAME_SIZE) == 0) {
        memcpy(s->unames + s->nunames, out, NAME_SIZE);
        s->nunames += NAME_SIZE;
        s->uname_at[ui] = (uint32_t)(s->nunames - NAME_SIZE + 1);
    }
    return OPS_OK;
}

/* The move as the optimiser saw it. Saving checks the database still says
 * so. */
static void prefill(struct save *s, size_t k)
{
    const struct suggest_run *run = s->run;
    const struct planner_move *pm = planner_move(run->pl, k);
    struct ops_suggested *out = &run->out->moves[k];
    memcpy(out->nip, run->movers[pm->person].nip, sizeof out->nip);
    snprintf(out->from_position, sizeof out->from_position, "%s",
             workload_position_code(run->w, suggest_position(run, pm->from_cell)));
    snprintf(out->to_position, sizeof out->to_position, "%s",
             workload_position_code(run->w, suggest_position(run, pm->to_cell)));
    out->cost = pm->cost;
}

/* Suggested move k as the plan rules see it: strings the run keeps. */
static struct plan_move suggested_desc(const struct suggest_run *run, size_t k)
{
    const struct planner_move *pm = planner_move(run->pl, k);
    const struct mover *mv = &run->movers[pm->person];
    return (struct plan_move){mv->nip, workload_position_code(run->w, suggest_position(run, pm->from_cell)),
                              run->strs + mv->unit, workload_position_code(run->w, suggest_position(run, pm->to_cell)),
                              workload_position_unit_code(run->w, suggest_position(run, pm->to_cell))};
}

static int facts(struct save *s, stxn *t, size_t k)
{
    const struct suggest_run *run = s->run;
    struct plan_move d = suggested_desc(run, k);
    struct ops_err quiet;
    int r = move_facts_read(run->o, t, d.nip, d.to_position, &s->f, &quiet);
    if (r == STORE_ERROR)
        return ops_fail(s->c.e, "%s", quiet.msg);
    if (r != STORE_OK || !s->f.has_origin || strcmp(s->f.person.position, d.from_position) != 0 ||
        strcmp(s->f.person.unit, d.from_unit) != 0 || strcmp(s->f.target.unit, d.to_unit) != 0)
        return changed(s, d.nip);
    return OPS_OK;
}

/* Appends a string to the result's text; its offset in *at. */
static int keep_text(struct ops_suggest_result *out, const char *str, uint32_t *at)
{
    size_t n = strlen(str) + 1;
    if (out->ntext + n > UINT32_MAX || GROW_ROOM(out->text, out->text_room, out->ntext + n, 4096) != 0)
        return -1;
    *at = (uint32_t)out->ntext;
    memcpy(out->text + out->ntext, str, n);
    out->ntext += n;
    return 0;
}

/* Move k from its facts (read by facts()) into s->m, and its reasons. */
static int describe(struct save *s, stxn *t, size_t k)
{
    const struct planner_move *pm = planner_move(s->run->pl, k);
    char to_unit[NAME_SIZE], from_unit[NAME_SIZE], why[OPS_SUGGEST_WHY_SIZE];
    int rc = unit_name(s, t, s->f.target.unit, to_unit);
    if (rc == OPS_OK)
        rc = unit_name(s, t, s->f.origin.unit, from_unit);
    if (rc != OPS_OK)
        return rc;
    struct move *m = &s->m;
    memset(m, 0, sizeof *m);
    m->plan_id = s->run->rq->plan;
    memcpy(m->nip, s->f.person.nip, sizeof m->nip);
    snprintf(m->from_position, sizeof m->from_position, "%s", s->f.person.position);
    snprintf(m->from_unit, sizeof m->from_unit, "%s", s->f.person.unit);
    snprintf(m->to_position, sizeof m->to_position, "%s", s->f.target.code);
    snprintf(m->to_unit, sizeof m->to_unit, "%s", s->f.target.unit);
    m->reason = REASON_WORKLOAD;
    copy_user(m->added_by, s->c.o->user);
    m->added_at = (int64_t)time(NULL);
    explain(s, pm, to_unit, from_unit, why, sizeof why);
    if (keep_text(s->run->out, s->f.person.name, &s->name_at[k]) != 0 ||
        keep_text(s->run->out, why, &s->why_at[k]) != 0)
        return ops_fail(s->c.e, "%s", _("out of memory"));
    return OPS_OK;
}

/* --- the whole plan, by unit ------------------------------------------------------ */

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
        s->all[s->nall++] = suggested_desc(s->run, k);
    return index_by_unit(s);
}

/* The moves of the plan that share a unit with move k: all the plan rules
 * look at (the rest cannot change a verdict of k). */
static struct plan_desc near_moves(struct save *s, size_t k)
{
    const struct move *m = &s->m;
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

/* --- judge and save ---------------------------------------------------------------- */

static int judge_and_put(struct save *s, stxn *t, size_t k)
{
    struct move *m = &s->m;
    struct verdict v[RULE_COUNT];
    size_t nv;
    struct plan_desc d = near_moves(s, k);
    int summary = move_judge_failures(s->c.o, &s->f, REASON_WORKLOAD, &d, v, &nv);
    if (summary == MOVE_BLOCKED) {
        char why[OPS_MSG_SIZE - 256], shown[NIP_FMT_LEN + 1];
        nip_format(m->nip, shown);
        verdict_reasons(v, nv, VERDICT_BLOCK, "\n  ", why, sizeof why);
        return ops_fail(s->c.e, _("the optimiser suggested a move the rules block, so nothing "
                                  "was saved: %s (%s) to %s:\n  %s"),
                        s->f.person.name, shown, m->to_position, why);
    }
    m->summary = (uint8_t)summary;
    s->run->out->moves[k].summary = m->summary;
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

/* One pass over the moves: the whole plan is known before the first is
 * judged (from what the optimiser read), and each move's facts are read
 * once, checked against that, explained, judged and saved. */
static int write_suggest(stxn *t, void *ctx)
{
    struct save *s = ctx;
    struct suggest_run *run = s->run;
    size_t n = run->out->nmoves;
    run->out->ntext = 0;           /* store_write may run this again */
    s->nunames = 0;
    memset(s->uname_at, 0, (workload_unit_count(run->w) + 1) * sizeof *s->uname_at);
    int rc = plan_for_change(run->o, t, run->rq->plan, run->version, &s->p, s->c.e);
    if (rc == OPS_OK && !s->all && whole_plan(s) != 0)
        rc = ops_fail(s->c.e, "%s", _("out of memory"));
    for (size_t k = 0; rc == OPS_OK && k < n; k++) {
        if ((rc = facts(s, t, k)) == OPS_OK && (rc = describe(s, t, k)) == OPS_OK)
            rc = judge_and_put(s, t, k);
        if (k % 256 == 255 && run->rq->progress)
            run->rq->progress(run->rq->ctx, OPS_SUGGEST_SAVE, k + 1);
    }
    if (rc == OPS_OK)
        rc = record(s, t);
    return change_aborted(&s->c, rc);
}

static void free_save(struct save *s)
{
    free(s->all);
    free(s->near);
    free(s->first);
    free(s->by_unit);
    free(s->stamp);
    free(s->name_at);
    free(s->why_at);
    free(s->uname_at);
    free(s->unames);
    free(s);
}

int suggest_save(struct suggest_run *run)
{
    size_t n = planner_move_count(run->pl);
    struct ops_suggest_result *out = run->out;
    struct save *s = calloc(1, sizeof *s);
    out->moves = calloc(n ? n : 1, sizeof *out->moves);
    if (s) {
        s->name_at = malloc((n ? n : 1) * sizeof *s->name_at);
        s->why_at = malloc((n ? n : 1) * sizeof *s->why_at);
        s->uname_at = calloc(workload_unit_count(run->w) + 1, sizeof *s->uname_at);
    }
    if (!s || !out->moves || !s->name_at || !s->why_at || !s->uname_at) {
        if (s)
            free_save(s);
        return ops_fail(run->e, "%s", _("out of memory"));
    }
    out->nmoves = n;
    s->c = (struct change){run->o, run->e, OPS_OK};
    s->run = run;
    int rc = OPS_OK;
    if (n > 0) {                   /* else nothing to add: the plan stays as it is */
        for (size_t k = 0; k < n; k++)
            prefill(s, k);
        rc = change_run(&s->c, write_suggest, s);
    }
    out->version = n > 0 ? s->p.version : run->version;
    for (size_t k = 0; rc == OPS_OK && k < n; k++) {
        out->moves[k].name = out->text + s->name_at[k];
        out->moves[k].why = out->text + s->why_at[k];
    }
    free_save(s);
    return rc;
}
