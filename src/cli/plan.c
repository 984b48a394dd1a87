/* mutasi plan new|list|show|add|drop|check: transfer plans from the
 * command line, through ops/plan.h. Refusals are one sentence on stderr
 * and exit 1; wrong usage exits 2. */
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "io/csv.h"
#include "io/export.h"
#include "ops/plan.h"
#include "ops/objection.h"

/* --- arguments ------------------------------------------------------------- */

struct args {
    const char *pos[3];
    int npos;
    const char *format, *reason, *note, *period;
};

/* The subcommand's words (cli_parse_args); --format is csv or text. */
static int parse(const struct ops_env *env, int argc, char **argv, int maxpos,
                 const char *allowed, struct args *a)
{
    static const char *const names[] = {"--format", "--reason", "--note", "--period"};
    struct cli_args c;
    int rc = cli_parse_args(env, "plan", argc, argv, 2, names, 4, allowed, maxpos, &c);
    if (rc != EXIT_OK)
        return rc;
    memset(a, 0, sizeof *a);
    memcpy(a->pos, c.pos, sizeof a->pos);
    a->npos = c.npos;
    a->format = c.val[0];
    a->reason = c.val[1];
    a->note = c.val[2];
    a->period = c.val[3];
    if (a->format && strcmp(a->format, "csv") != 0 && strcmp(a->format, "text") != 0)
        return cli_usage_error(env, "plan", _("--format must be csv or text, got \"%s\""),
                               a->format);
    return EXIT_OK;
}

static int open_ops(const struct ops_env *env, struct ops *o, int mode)
{
    struct ops_err e;
    if (ops_open(o, env, mode, &e) == OPS_OK)
        return EXIT_OK;
    cli_error("%s", e.msg);
    return EXIT_REFUSED;
}

static int refused(struct ops *o, const struct ops_err *e)
{
    cli_error("%s", e->msg);
    ops_close(o);
    return EXIT_REFUSED;
}

static int finish(struct ops *o)
{
    ops_close(o);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_REFUSED;
}

/* "pass", "warn", "block": the stable name of a move's worst verdict. */
static const char *summary_name(int summary)
{
    return verdict_result_name(summary == MOVE_BLOCKED ? VERDICT_BLOCK
                               : summary == MOVE_ALLOWED_WARNINGS ? VERDICT_WARN
                                                                  : VERDICT_PASS);
}

/* --- new, list ------------------------------------------------------------- */

static int plan_new(const struct ops_env *env, int argc, char **argv)
{
    struct args a;
    int rc = parse(env, argc, argv, 1, "--period", &a);
    if (rc != EXIT_OK)
        return rc;
    if (a.npos != 1)
        return cli_usage_error(env, "plan", _("plan new needs a NAME"));
    struct ops o;
    struct ops_err e;
    uint32_t id;
    if (open_ops(env, &o, OPS_WRITE) != EXIT_OK)
        return EXIT_REFUSED;
    if (ops_plan_new(&o, a.pos[0], a.period, &id, &e) != OPS_OK)
        return refused(&o, &e);
    printf("%u\n", (unsigned)id);
    return finish(&o);
}

static void list_csv(const struct ops_plan_item *it, size_t n)
{
    csv_writer *cw = csv_writer_new(stdout);
    static const char *const cols[] = {"id", "name", "period", "state", "author", "moves",
                                       "version", "changed_by", "changed_at"};
    if (!cw)
        return;
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        csv_put_str(cw, cols[i]);
    csv_end_row(cw);
    for (size_t i = 0; i < n; i++) {
        const struct plan *p = &it[i].plan;
        char when[CLI_CSV_MINUTES_SIZE];
        cli_csv_minutes(p->changed_at, when);
        csv_put_int(cw, p->id);
        csv_put_text(cw, p->name);
        csv_put_text(cw, p->period);
        csv_put_str(cw, p->state);
        csv_put_text(cw, p->author);
        csv_put_int(cw, (int64_t)it[i].nmoves);
        csv_put_int(cw, p->version);
        csv_put_text(cw, p->changed_by);
        csv_put_str(cw, when);
        csv_end_row(cw);
    }
    csv_writer_free(cw);
}

static void list_text(const struct ops_plan_item *it, size_t n)
{
    if (n == 0) {
        printf("%s\n", _("no plans yet; make one with 'mutasi plan new NAME'"));
        return;
    }
    printf("%4s  %-10s  %5s  %-10s  %-16s  %s\n", _("id"), _("state"), _("moves"), _("author"),
           _("changed"), _("name"));
    for (size_t i = 0; i < n; i++) {
        const struct plan *p = &it[i].plan;
        char when[OPS_WHEN_SIZE];
        ops_when_label(p->changed_at, OPS_WHEN_SHORT, when);
        printf("%4u  %-10s  %5zu  %-10s  %-16s  %s%s%s%s\n", (unsigned)p->id, p->state,
               it[i].nmoves, p->author, when, p->name, p->period[0] ? " (" : "", p->period,
               p->period[0] ? ")" : "");
    }
}

static int plan_list(const struct ops_env *env, int argc, char **argv)
{
    struct args a;
    int rc = parse(env, argc, argv, 0, "--format", &a);
    if (rc != EXIT_OK)
        return rc;
    struct ops o;
    struct ops_err e;
    struct ops_plan_item *it;
    size_t n;
    if (open_ops(env, &o, OPS_READ) != EXIT_OK)
        return EXIT_REFUSED;
    if (ops_plan_list(&o, &it, &n, &e) != OPS_OK)
        return refused(&o, &e);
    if (a.format && strcmp(a.format, "csv") == 0)
        list_csv(it, n);
    else
        list_text(it, n);
    free(it);
    return finish(&o);
}

/* --- add, drop ------------------------------------------------------------- */

static int plan_add(const struct ops_env *env, int argc, char **argv)
{
    struct args a;
    uint32_t id;
    char nip[NIP_LEN + 1];
    int rc = parse(env, argc, argv, 3, "--reason --note", &a);
    if (rc != EXIT_OK)
        return rc;
    if (a.npos != 3)
        return cli_usage_error(env, "plan", _("plan add needs ID NIP TARGET-POSITION"));
    if ((rc = cli_plan_id_arg(env, "plan", a.pos[0], &id)) != EXIT_OK)
        return rc;
    int reason = REASON_WORKLOAD;
    if (a.reason && (reason = move_reason_parse(a.reason)) < 0)
        return cli_usage_error(env, "plan",
                               _("--reason must be workload, competency, rotation, "
                                 "own-request or promotion, got \"%s\""), a.reason);
    if (cli_nip_arg(a.pos[1], nip) != EXIT_OK)
        return EXIT_REFUSED;
    struct ops o;
    struct ops_err e;
    struct move m;
    if (open_ops(env, &o, OPS_WRITE) != EXIT_OK)
        return EXIT_REFUSED;
    struct ops_move_req rq = {id, nip, a.pos[2], reason, a.note, 0};
    if (ops_plan_add(&o, &rq, &m, NULL, NULL, &e) != OPS_OK)
        return refused(&o, &e);
    char shown[NIP_FMT_LEN + 1];
    nip_format(m.nip, shown);
    if (m.why[0])
        cli_warn("%s", m.why);
    printf(_("plan %u: %s moves from %s to %s (%s)\n"), (unsigned)id, shown,
           m.from_position[0] ? m.from_position : _("(none)"), m.to_position,
           move_summary_label(m.summary));
    return finish(&o);
}

static int plan_drop(const struct ops_env *env, int argc, char **argv)
{
    struct args a;
    uint32_t id;
    char nip[NIP_LEN + 1];
    int rc = parse(env, argc, argv, 2, "", &a);
    if (rc != EXIT_OK)
        return rc;
    if (a.npos != 2)
        return cli_usage_error(env, "plan", _("plan drop needs ID NIP"));
    if ((rc = cli_plan_nip_args(env, a.pos[0], a.pos[1], &id, nip)) != EXIT_OK)
        return rc;
    struct ops o;
    struct ops_err e;
    if (open_ops(env, &o, OPS_WRITE) != EXIT_OK)
        return EXIT_REFUSED;
    if (ops_plan_drop(&o, id, nip, 0, &e) != OPS_OK)
        return refused(&o, &e);
    return finish(&o);
}

/* --- check ------------------------------------------------------------------ */

static int plan_check(const struct ops_env *env, int argc, char **argv)
{
    struct args a;
    uint32_t id;
    int rc = parse(env, argc, argv, 1, "", &a);
    if (rc != EXIT_OK)
        return rc;
    if (a.npos != 1)
        return cli_usage_error(env, "plan", _("plan check needs a plan ID"));
    if ((rc = cli_plan_id_arg(env, "plan", a.pos[0], &id)) != EXIT_OK)
        return rc;
    struct ops o;
    struct ops_err e;
    struct ops_breach *b;
    size_t n;
    if (open_ops(env, &o, OPS_READ) != EXIT_OK)
        return EXIT_REFUSED;
    struct move *obj;
    size_t nobj;
    if (ops_plan_check(&o, id, &b, &n, &e) != OPS_OK)
        return refused(&o, &e);
    if (ops_plan_open_objections(&o, id, &obj, &nobj, &e) != OPS_OK) {
        free(b);
        return refused(&o, &e);
    }
    for (size_t i = 0; i < n; i++) {
        char shown[NIP_FMT_LEN + 1];
        nip_format(b[i].nip, shown);
        printf("%s  %-16s  %s\n", shown, b[i].rule >= 0 ? rule_id_name(b[i].rule) : "record",
               b[i].reason);
    }
    for (size_t i = 0; i < nobj; i++) {   /* they block the approval, not the submit */
        char shown[NIP_FMT_LEN + 1];
        nip_format(obj[i].nip, shown);
        printf("%s  %-16s  %s\n", shown, "objection", obj[i].objection);
    }
    free(obj);
    n += nobj;
    if (n)
        cli_error(ngettext("plan %u: %zu problem blocks the plan",
                           "plan %u: %zu problems block the plan", n), (unsigned)id, n);
    else
        printf(_("plan %u: nothing blocks the plan\n"), (unsigned)id);
    free(b);
    rc = finish(&o);
    return n ? EXIT_REFUSED : rc;
}

/* --- show ------------------------------------------------------------------ */

void cli_plan_show_csv(const struct ops_plan_view *v, FILE *out)
{
    csv_writer *cw = csv_writer_new(out);
    static const char *const cols[] = {"nip", "name", "from_unit", "from_position", "to_unit",
                                       "to_position", "reason", "verdict"};
    if (!cw)
        return;
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        csv_put_str(cw, cols[i]);
    csv_end_row(cw);
    for (size_t i = 0; i < v->nmoves; i++) {
        const struct move *m = &v->moves[i].move;
        csv_put_str(cw, m->nip);
        csv_put_text(cw, v->moves[i].name);
        csv_put_text(cw, m->from_unit);
        csv_put_text(cw, m->from_position);
        csv_put_text(cw, m->to_unit);
        csv_put_text(cw, m->to_position);
        csv_put_str(cw, move_reason_name(m->reason));
        csv_put_str(cw, MOVE_STRUCK(m) ? "struck" : summary_name(m->summary));
        csv_end_row(cw);
    }
    csv_writer_free(cw);
}

/* "a -> b" of two numbers, or of two EJ / grade texts. */
static void arrow(char *out, size_t size, const char *a, const char *b)
{
    snprintf(out, size, "%s -> %s", a[0] ? a : "-", b[0] ? b : "-");
}

static void arrow_int(char *out, size_t size, int64_t a, int64_t b)
{
    char x[24], y[24];
    snprintf(x, sizeof x, "%lld", (long long)a);
    snprintf(y, sizeof y, "%lld", (long long)b);
    arrow(out, size, x, y);
}

/* The impact table: kind, code (indented by depth), existing, need, gap,
 * EJ, grade. Each column is as wide as its widest cell (at least as wide
 * as it always was), so that the table stays aligned whatever the size
 * of the figures (a province's units count hundreds of thousands). */
enum { IMPACT_COLS = 7, IMPACT_CELL = CODE_SIZE * 2 + 24 };

static void impact_cells(const struct ops_impact_row *r, const struct policy *p,
                         char cell[IMPACT_COLS][IMPACT_CELL])
{
    char eb[24], ea[24];
    int indent = r->depth > 8 ? 8 : r->depth;
    snprintf(cell[0], IMPACT_CELL, "%s", r->kind == IMPACT_UNIT ? _("unit") : _("position"));
    snprintf(cell[1], IMPACT_CELL, "%*s%s", indent, "", r->code);
    arrow_int(cell[2], IMPACT_CELL, r->before.existing, r->after.existing);
    arrow_int(cell[3], IMPACT_CELL, r->before.need, r->after.need);
    arrow_int(cell[4], IMPACT_CELL, wl_gap(&r->before), wl_gap(&r->after));
    wl_format_ej(&r->before, p, eb);
    wl_format_ej(&r->after, p, ea);
    arrow(cell[5], IMPACT_CELL, eb, ea);
    arrow(cell[6], IMPACT_CELL, wl_grade_name(wl_grade(&r->before, p)),
          wl_grade_name(wl_grade(&r->after, p)));
}

static void widen(unsigned width[IMPACT_COLS], const char *const cell[IMPACT_COLS])
{
    for (int c = 0; c < IMPACT_COLS; c++) {
        unsigned w = text_width(cell[c]);
        if (w > width[c])
            width[c] = w;
    }
}

static void impact_row(const unsigned width[IMPACT_COLS], const char *const cell[IMPACT_COLS])
{
    fputs("  ", stdout);
    for (int c = 0; c < IMPACT_COLS - 1; c++)
        printf("%s%*s ", cell[c], (int)(width[c] - text_width(cell[c])), "");
    printf("%s\n", cell[IMPACT_COLS - 1]);
}

static void show_impact(const struct ops_plan_view *v, const struct policy *p)
{
    const char *head[IMPACT_COLS] = {_("kind"), _("code"), _("existing"), _("need"), _("gap"),
                                     _("EJ"), _("grade")};
    unsigned width[IMPACT_COLS] = {8, 24, 10, 10, 12, 14, 0};
    char cell[IMPACT_COLS][IMPACT_CELL];
    const char *row[IMPACT_COLS];
    for (int c = 0; c < IMPACT_COLS; c++)
        row[c] = cell[c];
    widen(width, head);
    for (size_t i = 0; i < v->nimpact; i++) {
        impact_cells(&v->impact[i], p, cell);
        widen(width, row);
    }
    printf("\n%s\n", _("impact (before -> after):"));
    impact_row(width, head);
    for (size_t i = 0; i < v->nimpact; i++) {
        impact_cells(&v->impact[i], p, cell);
        impact_row(width, row);
    }
}

static void show_text(const struct ops_plan_view *v, const struct policy *p)
{
    const struct plan *pl = &v->plan;
    char created[OPS_WHEN_SIZE], changed[OPS_WHEN_SIZE];
    ops_when_label(pl->created_at, OPS_WHEN_LONG, created);
    ops_when_label(pl->changed_at, OPS_WHEN_LONG, changed);
    printf(_("plan %u: %s\n"), (unsigned)pl->id, pl->name);
    if (pl->period[0])
        printf(_("period: %s\n"), pl->period);
    printf(_("state: %s, version %u\n"), pl->state, (unsigned)pl->version);
    printf(_("author: %s, created %s; last changed by %s at %s\n"), pl->author, created,
           pl->changed_by, changed);
    printf("\n%s\n", _("moves:"));
    if (v->nmoves == 0)
        printf("  %s\n", _("none yet; add one with 'mutasi plan add ID NIP POSITION'"));
    for (size_t i = 0; i < v->nmoves; i++) {
        const struct move *m = &v->moves[i].move;
        char shown[NIP_FMT_LEN + 1];
        nip_format(m->nip, shown);
        printf("  %s  %s\n", shown, v->moves[i].name[0] ? v->moves[i].name : _("(not on record)"));
        /* In words for people (the CSV keeps the codes). */
        printf("      %s/%s -> %s/%s  %s; %s\n", m->from_unit[0] ? m->from_unit : "-",
               m->from_position[0] ? m->from_position : "-", m->to_unit, m->to_position,
               move_reason_label(m->reason), move_summary_label(m->summary));
        if (m->why[0])
            printf("      %s %s\n", _("warning:"), m->why);
        if (m->note[0])
            printf("      %s %s\n", _("note:"), m->note);
        if (MOVE_STRUCK(m))
            printf(_("      STRUCK by %s: %s\n"), m->struck_by, m->struck_why);
        if (m->objected_by[0])
            printf(_("      %s OBJECTION (taken in by %s): %s\n"), MOVE_OBJECTION_OPEN(m) ? "!" : "*",
                   m->objected_by, m->objection);
        if (m->answered_by[0])
            printf(_("        answered by %s: %s\n"), m->answered_by, m->answer);
    }
    cli_show_route(v);
    if (v->nimpact == 0)
        return;
    show_impact(v, p);
}

static int plan_show(const struct ops_env *env, int argc, char **argv)
{
    struct args a;
    uint32_t id;
    int rc = parse(env, argc, argv, 1, "--format", &a);
    if (rc != EXIT_OK)
        return rc;
    if (a.npos != 1)
        return cli_usage_error(env, "plan", _("plan show needs a plan ID"));
    if ((rc = cli_plan_id_arg(env, "plan", a.pos[0], &id)) != EXIT_OK)
        return rc;
    struct ops o;
    struct ops_err e;
    struct ops_plan_view v;
    if (open_ops(env, &o, OPS_READ) != EXIT_OK)
        return EXIT_REFUSED;
    if (ops_plan_show(&o, id, &v, &e) != OPS_OK)
        return refused(&o, &e);
    if (a.format && strcmp(a.format, "csv") == 0)
        cli_plan_show_csv(&v, stdout);
    else
        show_text(&v, ops_policy(&o));
    ops_plan_view_free(&v);
    return finish(&o);
}

/* --- dispatch ---------------------------------------------------------------- */

static int plan_help(void)
{
    fputs(_("usage: mutasi plan new NAME [--period TEXT]\n"
            "       mutasi plan list [--format csv|text]\n"
            "       mutasi plan show ID [--format csv|text]\n"
            "       mutasi plan add ID NIP TARGET-POSITION [--reason KIND] [--note TEXT]\n"
            "       mutasi plan drop ID NIP\n"
            "       mutasi plan check ID\n"
            "       mutasi plan submit|verify|review|approve ID [--note TEXT]\n"
            "       mutasi plan return|reject ID --reason TEXT\n"
            "       mutasi plan cancel ID\n"
            "       mutasi plan step ID STEP [--note TEXT | --reason TEXT]\n"
            "       mutasi plan strike ID NIP --reason TEXT\n"
            "       mutasi plan object|answer ID NIP --reason TEXT\n"
            "       mutasi plan issue-sk ID --number N --date YYYY-MM-DD --tmt YYYY-MM-DD\n"
            "                            --signer NIP\n"
            "       mutasi plan apply ID\n"
            "       mutasi plan suggest ID [--max-moves K] [--dump-graph FILE]\n"
            "\n"
            "Transfer plans. 'new' prints the new plan's id alone. 'add' judges the move\n"
            "by every rule with the plan's other moves: a blocking verdict refuses it,\n"
            "warnings are printed and kept on the move. 'show' lists the moves with\n"
            "their verdicts and the impact on every unit and position they touch\n"
            "(existing, need, gap, EJ and grade, before -> after). 'check' lists every\n"
            "blocking verdict of every move and exits 1 when anything blocks.\n"
            "'suggest' runs the optimiser (see 'mutasi plan suggest --help').\n"
            "Changing a plan needs the operator role and a plan in state DRAFT.\n"
            "\n"
            "The approval route (workflow.yaml): each step is refused with the reason\n"
            "(state, role, separation of duties, TMT not reached). submit is refused\n"
            "while any move is blocked. strike drops one move during verification or\n"
            "review, keeping it with who and why. issue-sk records the decree: number,\n"
            "date, TMT and the signing official (a person on record, by NIP). apply\n"
            "writes the moves into the staff records on or after the TMT, in one\n"
            "transaction, after checking every person rule again. 'step' takes a\n"
            "region's own step (e.g. consent). 'show' prints the timeline and the SK.\n"
            "'object' records a staff objection (sanggah) to one move (operator or\n"
            "admin); 'answer' answers it (reviewer). The plan cannot be approved while\n"
            "an objection waits for its answer; 'check' lists those, 'show' marks them\n"
            "(! waiting, * answered).\n"
            "\n"
            "Options:\n"
            "  --period TEXT   the period the plan is for, e.g. 2026\n"
            "  --reason KIND   workload (default), competency, rotation, own-request\n"
            "                  or promotion; own-request moves face the first-placement rule\n"
            "  --note TEXT     free text kept on the move (add) or the step (timeline)\n"
            "  --reason TEXT   return, reject, strike: why; object, answer: the text (required)\n"
            "  --number N      issue-sk: the SK number, e.g. 800/123/BKPSDM/2026\n"
            "  --date, --tmt   issue-sk: the SK's date and the TMT, YYYY-MM-DD\n"
            "  --signer NIP    issue-sk: the signing official, a person on record\n"
            "  --format csv    show: nip, name, from_unit, from_position, to_unit,\n"
            "                  to_position, reason, verdict; list: one row per plan\n"
            "\n"
            "Example:\n"
            "  id=$(mutasi plan new \"Mutasi 2026\" --period 2026)\n"
            "  mutasi plan add $id 198609262015051001 PKM2-BIDAN --reason workload\n"
            "  mutasi plan show $id\n"
            "  mutasi plan submit $id --note \"ready\"\n"
            "  MUTASI_USER=budi mutasi plan verify $id      (config/demo trusts MUTASI_USER)\n"
            "  mutasi plan issue-sk $id --number 800/123/BKPSDM/2026 --date 2026-06-20 \\\n"
            "      --tmt 2026-07-01 --signer 197001012000011001\n"), stdout);
    return EXIT_OK;
}

int cli_plan(const struct ops_env *env, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "suggest") == 0)
        return cli_plan_suggest(env, argc, argv);
    if (cli_wants_help(argc, argv))
        return plan_help();
    if (argc < 2)
        return cli_usage_error(env, "plan", _("plan needs an action: new, list, show, add, "
                                              "drop, check, submit, verify, review, approve, "
                                              "return, reject, cancel, step, strike, object, "
                                              "answer, issue-sk, apply or suggest"));
    static const struct {
        const char *name;
        cli_verb_fn fn;
    } subs[] = {
        {"new", plan_new}, {"list", plan_list}, {"show", plan_show},
        {"add", plan_add}, {"drop", plan_drop}, {"check", plan_check},
    };
    for (size_t i = 0; i < sizeof subs / sizeof *subs; i++)
        if (strcmp(argv[1], subs[i].name) == 0)
            return subs[i].fn(env, argc, argv);
    cli_verb_fn route = cli_plan_route(argv[1]);
    if (route)
        return route(env, argc, argv);
    return cli_usage_error(env, "plan", _("unknown plan action \"%s\""), argv[1]);
}
