/* mutasi inbox, mutasi followup ID and mutasi export training ID: the
 * plans waiting for me, and the follow-up of a plan that took effect
 * (ops/inbox.h, ops/followup.h). */
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "io/csv.h"
#include "ops/followup.h"
#include "ops/inbox.h"

/* [--format csv|text] and the positional arguments (at most max). */
static int parse_format(const struct ops_env *env, const char *verb, int argc, char **argv,
                        int max, const char **pos, int *npos, bool *csv)
{
    const char *format = NULL;
    *npos = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
            format = argv[++i];
        else if (strncmp(argv[i], "--format=", 9) == 0)
            format = argv[i] + 9;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage_error(env, verb, _("unknown option \"%s\""), argv[i]);
        else if (*npos < max)
            pos[(*npos)++] = argv[i];
        else
            return cli_usage_error(env, verb, _("unexpected argument \"%s\""), argv[i]);
    }
    if (format && strcmp(format, "csv") != 0 && strcmp(format, "text") != 0)
        return cli_usage_error(env, verb, _("--format must be csv or text, got \"%s\""), format);
    *csv = format && strcmp(format, "csv") == 0;
    return EXIT_OK;
}

/* --- inbox --------------------------------------------------------------- */

static void inbox_csv(const struct ops_inbox_item *it, size_t n)
{
    csv_writer *cw = csv_writer_new(stdout);
    const char *head[] = {"id", "name", "state", "step", "since", "moves"};
    for (size_t k = 0; k < 6; k++)
        csv_put_str(cw, head[k]);
    csv_end_row(cw);
    for (size_t i = 0; i < n; i++) {
        char since[CLI_CSV_MINUTES_SIZE];
        cli_csv_minutes(it[i].since, since);
        csv_put_int(cw, it[i].plan.id);
        csv_put_text(cw, it[i].plan.name);
        csv_put_str(cw, it[i].plan.state);
        csv_put_str(cw, it[i].steps);
        csv_put_str(cw, since);
        csv_put_int(cw, (long long)it[i].nmoves);
        csv_end_row(cw);
    }
    csv_writer_free(cw);
}

static void inbox_text(const struct ops *o, const struct ops_inbox_item *it, size_t n)
{
    if (n == 0) {
        printf(_("no plan waits for %s\n"), o->user);
        return;
    }
    printf("%4s  %-10s  %-16s  %5s  %-16s  %s\n", _("id"), _("state"), _("since"), _("moves"),
           _("step"), _("name"));
    for (size_t i = 0; i < n; i++) {
        char since[OPS_WHEN_SIZE];
        ops_when_label(it[i].since, OPS_WHEN_SHORT, since);
        printf("%4u  %-10s  %-16s  %5zu  %-16s  %s\n", (unsigned)it[i].plan.id,
               it[i].plan.state, since, it[i].nmoves, it[i].steps, it[i].plan.name);
    }
}

static int inbox_help(void)
{
    fputs(_("usage: mutasi inbox [--format csv|text]\n"
            "\n"
            "The plans waiting for a step that one of my roles may take (the steps that\n"
            "move a plan on; a draft waits only for its author), oldest first.\n"
            "\n"
            "Options:\n"
            "  --format csv    columns id, name, state, step, since, moves (step: the\n"
            "                  waiting steps joined by |; moves: not struck)\n"
            "\n"
            "Example:\n"
            "  MUTASI_USER=budi mutasi inbox --format csv   (config/demo trusts MUTASI_USER)\n"),
          stdout);
    return EXIT_OK;
}

int cli_inbox(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return inbox_help();
    const char *pos[1];
    int npos;
    bool csv;
    int rc = parse_format(env, "inbox", argc, argv, 0, pos, &npos, &csv);
    if (rc != EXIT_OK)
        return rc;
    struct ops o;
    struct ops_err e;
    struct ops_inbox_item *it;
    size_t n;
    if (cli_open(&o, env, OPS_READ) != EXIT_OK)
        return EXIT_REFUSED;
    rc = ops_inbox(&o, &it, &n, &e);
    if (rc == OPS_OK) {
        if (csv)
            inbox_csv(it, n);
        else
            inbox_text(&o, it, n);
        free(it);
    } else {
        cli_report(&e);
    }
    ops_close(&o);
    return rc == OPS_OK ? EXIT_OK : EXIT_REFUSED;
}

/* --- followup -------------------------------------------------------------- */

static const char *skp_cell(int skp)
{
    return skp == SKP_NONE ? "" : skp_name(skp);
}

static void followup_csv(const struct ops_followup *f)
{
    csv_writer *cw = csv_writer_new(stdout);
    const char *head[] = {"nip", "name", "from_position", "to_position", "tmt", "training",
                          "skp_before", "skp_after"};
    for (size_t k = 0; k < 8; k++)
        csv_put_str(cw, head[k]);
    csv_end_row(cw);
    for (size_t i = 0; i < f->n; i++) {
        const struct ops_followup_row *r = &f->rows[i];
        char tmt[11], training[COMP_MAX * (COMP_CODE_SIZE + 4)];
        date_format(r->tmt, tmt);
        ops_followup_training(r, training, sizeof training);
        csv_put_str(cw, r->nip);
        csv_put_text(cw, r->name);
        csv_put_text(cw, r->from_position);
        csv_put_text(cw, r->to_position);
        csv_put_str(cw, tmt);
        csv_put_text(cw, training);
        csv_put_str(cw, skp_cell(r->skp_before));
        csv_put_str(cw, skp_cell(r->skp_after));
        csv_end_row(cw);
    }
    csv_writer_free(cw);
}

static void followup_text(const struct ops_followup *f)
{
    char tmt[DATE_LABEL_SIZE];
    date_label(f->plan.sk.tmt, tmt);
    printf(_("plan %u \"%s\", SK %s, TMT %s: %zu people moved\n"), (unsigned)f->plan.id,
           f->plan.name, f->plan.sk.number, tmt, f->n);
    for (size_t i = 0; i < f->n; i++) {
        const struct ops_followup_row *r = &f->rows[i];
        char shown[NIP_FMT_LEN + 1], training[COMP_MAX * (COMP_CODE_SIZE + 4)];
        nip_format(r->nip, shown);
        ops_followup_training(r, training, sizeof training);
        printf("%s  %s\n", shown, r->name);
        printf(_("  %s -> %s; training: %s; SKP %s -> %s%s\n"), r->from_position,
               r->to_position, training[0] ? training : "-",
               r->skp_before ? skp_label(r->skp_before) : "-",
               r->skp_after ? skp_label(r->skp_after) : "-",
               r->fell ? _(" (fell: mentoring)") : "");
    }
}

static int followup_help(void)
{
    fputs(_("usage: mutasi followup ID [--format csv|text]\n"
            "\n"
            "For a plan that took effect, every moved person: the training the new\n"
            "position asks of them (the competencies it requires above the level held,\n"
            "code:required_level joined by |) and their SKP of the last year before the\n"
            "TMT and of the first year after it (empty until recorded). The text form\n"
            "marks a fall of SKP for a mentoring note. 'mutasi export training ID'\n"
            "groups the same gaps by competency for planning courses.\n"
            "\n"
            "Options:\n"
            "  --format csv    columns nip, name, from_position, to_position, tmt,\n"
            "                  training, skp_before, skp_after\n"
            "\n"
            "Example:\n"
            "  mutasi followup 1 --format csv\n"), stdout);
    return EXIT_OK;
}

int cli_followup(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return followup_help();
    const char *pos[1];
    int npos;
    bool csv;
    uint32_t id;
    int rc = parse_format(env, "followup", argc, argv, 1, pos, &npos, &csv);
    if (rc != EXIT_OK)
        return rc;
    if (npos != 1)
        return cli_usage_error(env, "followup", "%s", _("followup needs a plan ID"));
    if ((rc = cli_plan_id_arg(env, "followup", pos[0], &id)) != EXIT_OK)
        return rc;
    struct ops o;
    struct ops_err e;
    struct ops_followup f;
    if (cli_open(&o, env, OPS_READ) != EXIT_OK)
        return EXIT_REFUSED;
    rc = ops_followup(&o, id, &f, &e);
    if (rc == OPS_OK) {
        if (csv)
            followup_csv(&f);
        else
            followup_text(&f);
        ops_followup_free(&f);
    } else {
        cli_report(&e);
    }
    ops_close(&o);
    return rc == OPS_OK ? EXIT_OK : EXIT_REFUSED;
}

/* --- export training ---------------------------------------------------------- */

static void training_csv(const struct ops_training *t)
{
    csv_writer *cw = csv_writer_new(stdout);
    const char *head[] = {"competency", "required_level", "people", "nips"};
    for (size_t k = 0; k < 4; k++)
        csv_put_str(cw, head[k]);
    csv_end_row(cw);
    for (size_t i = 0; i < t->n; i++) {
        const struct ops_training_group *g = &t->g[i];
        size_t size = g->people * (NIP_LEN + 1) + 1;
        char *nips = malloc(size);
        if (!nips)
            break;
        nips[0] = '\0';
        for (size_t k = 0; k < g->people; k++) {
            if (k)
                strcat(nips, "|");
            strcat(nips, g->nips[k]);
        }
        csv_put_text(cw, g->code);
        csv_put_int(cw, g->level);
        csv_put_int(cw, (long long)g->people);
        csv_put_str(cw, nips);
        csv_end_row(cw);
        free(nips);
    }
    csv_writer_free(cw);
}

static void training_text(const struct ops_training *t)
{
    for (size_t i = 0; i < t->n; i++) {
        const struct ops_training_group *g = &t->g[i];
        printf(ngettext("%s level %d: %zu person\n", "%s level %d: %zu people\n", g->people),
               g->code, g->level, g->people);
        for (size_t k = 0; k < g->people; k++) {
            char shown[NIP_FMT_LEN + 1];
            nip_format(g->nips[k], shown);
            printf("  %s\n", shown);
        }
    }
}

int cli_export_training(const struct ops_env *env, const char *plan, bool csv)
{
    uint32_t id;
    if (!plan)
        return cli_usage_error(env, "export", "%s", _("export training needs a plan ID"));
    int rc = cli_plan_id_arg(env, "export", plan, &id);
    if (rc != EXIT_OK)
        return rc;
    struct ops o;
    struct ops_err e;
    struct ops_training t;
    if (cli_open(&o, env, OPS_WRITE) != EXIT_OK)
        return EXIT_REFUSED;
    rc = ops_training(&o, id, csv ? "csv" : "text", &t, &e);
    if (rc == OPS_OK) {
        if (csv)
            training_csv(&t);
        else
            training_text(&t);
        ops_training_free(&t);
    } else {
        cli_report(&e);
    }
    ops_close(&o);
    return rc == OPS_OK ? EXIT_OK : EXIT_REFUSED;
}
