/* mutasi staff show NIP | mutasi staff find TEXT */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "io/export.h"

/* Every label of the card: the values start two spaces after the longest
 * in the language in force, so that no label runs into its value. */
static const char *const card_labels[] = {
    N_("NIP"), N_("Name"), N_("Sex"), N_("Birth date"), N_("Status"), N_("Rank"),
    N_("Position"), N_("Unit"), N_("In post since"), N_("PNS since"), N_("Education"),
    N_("Job family"), N_("SKP"), N_("Discipline"), N_("Leave"), N_("Home district"),
    N_("Competencies"), N_("Prefers"), N_("Would avoid"), N_("Wish"),
};

static unsigned label_column(void)
{
    unsigned column = 0;
    for (size_t i = 0; i < sizeof card_labels / sizeof *card_labels; i++) {
        unsigned w = text_width(_(card_labels[i]));
        if (w > column)
            column = w;
    }
    return column + 2;
}

/* "label" padded to the card's column. */
static void field(const char *label, const char *value)
{
    unsigned w = text_width(label), column = label_column();
    printf("%s", label);
    for (; w < column; w++)
        putchar(' ');
    printf("%s\n", value);
}

static const char *or_none(const char *s)
{
    return *s ? s : _("none");
}

static void date_line(const char *label, mdate t)
{
    char d[DATE_LABEL_SIZE];
    date_label(t, d);
    field(label, or_none(d));
}

static void coded_line(const char *label, const char *code, const char *name)
{
    char buf[CODE_SIZE + NAME_SIZE + 4];
    if (name[0])
        snprintf(buf, sizeof buf, "%s  %s", code, name);
    else
        snprintf(buf, sizeof buf, "%s", code);
    field(label, buf);
}

/* date, position code and name, unit code and name, rank: one line. */
static void print_history(const struct history *h, const struct ops_place_names *n)
{
    char d[DATE_LABEL_SIZE], longest[DATE_LABEL_SIZE];
    date_label(h->since, d);
    /* The column is as wide as the longest date (30 September 2026). */
    int w = (int)date_label(date_from_ymd(2000, 9, 30), longest);
    printf("  %-*s  %s%s%s; %s%s%s  %s", w, d, h->position, n->position[0] ? "  " : "",
           n->position, h->unit, n->unit[0] ? "  " : "", n->unit, rank_name(h->rank));
    if (h->plan_id)
        printf(_("  (plan %u)"), (unsigned)h->plan_id);
    putchar('\n');
}

static void print_staff(const struct ops_staff_card *c)
{
    const struct staff *s = &c->person;
    char buf[512];
    nip_format(s->nip, buf);
    field(_("NIP"), buf);
    field(_("Name"), s->name);
    field(_("Sex"), sex_name(s->sex));
    date_line(_("Birth date"), s->birth_date);
    field(_("Status"), status_name(s->status));
    field(_("Rank"), or_none(rank_name(s->rank)));
    if (!s->position[0] && staff_leave_vacates_post(s->leave))
        field(_("Position"), _("none while on leave (the post is vacated)"));
    else
        coded_line(_("Position"), s->position, c->position_name);
    coded_line(_("Unit"), s->unit, c->unit_name);
    date_line(_("In post since"), s->post_since);
    date_line(_("PNS since"), s->pns_since);
    if (s->major[0])
        snprintf(buf, sizeof buf, "%s (%s)", education_name(s->education), s->major);
    else
        snprintf(buf, sizeof buf, "%s", education_name(s->education));
    field(_("Education"), or_none(buf));
    field(_("Job family"), or_none(s->job_family));
    size_t at = 0;
    buf[0] = '\0';
    for (unsigned i = 0; i < s->nskp && at < sizeof buf; i++)
        at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%u %s", i ? ", " : "",
                               (unsigned)s->skp[i].year, skp_label(s->skp[i].predikat));
    field(_("SKP"), or_none(buf));
    if (s->discipline) {
        char d[DATE_LABEL_SIZE];
        date_label(s->discipline_until, d);
        snprintf(buf, sizeof buf, d[0] ? _("%s until %s") : "%s",
                 discipline_label(s->discipline), d);
        field(_("Discipline"), buf);
    } else {
        field(_("Discipline"), _("none"));
    }
    field(_("Leave"), or_none(leave_label(s->leave)));
    field(_("Home district"), or_none(s->home_district));
    at = 0;
    buf[0] = '\0';
    for (unsigned i = 0; i < s->ncomp && at < sizeof buf; i++)
        at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%s:%u", i ? ", " : "",
                               s->comp[i].code, s->comp[i].level);
    field(_("Competencies"), or_none(buf));
    if (c->has_pref) {
        preference_places_format(c->pref.prefer, c->pref.nprefer, buf, sizeof buf);
        field(_("Prefers"), or_none(buf));
        preference_places_format(c->pref.avoid, c->pref.navoid, buf, sizeof buf);
        field(_("Would avoid"), or_none(buf));
        field(_("Wish"), or_none(c->pref.note));
    }
    printf("%s\n", _("Position history:"));
    for (size_t i = 0; i < c->nhistory; i++)
        print_history(&c->history[i], &c->history_names[i]);
}

/* The arguments joined by spaces: a NIP typed with spaces arrives split. */
static void join_args(int argc, char **argv, char *out, size_t size)
{
    size_t at = 0;
    out[0] = '\0';
    for (int i = 0; i < argc && at < size; i++)
        at += (size_t)snprintf(out + at, size - at, "%s%s", i ? " " : "", argv[i]);
}

static int staff_show(const struct ops_env *env, int argc, char **argv)
{
    char text[128], nip[NIP_LEN + 1];
    if (argc < 1)
        return cli_usage_error(env, "staff", _("the NIP is missing"));
    join_args(argc, argv, text, sizeof text);
    enum nip_error e = nip_parse(text, strlen(text), nip);
    if (e != NIP_OK) {
        cli_error(_("\"%s\": %s"), text, nip_error_text(e));
        return EXIT_REFUSED;
    }
    struct ops s;
    if (cli_open(&s, env, OPS_READ) != EXIT_OK)
        return EXIT_REFUSED;
    struct ops_staff_card card;
    struct ops_err err;
    int rc = ops_staff_show(&s, nip, &card, &err);
    ops_close(&s);
    if (rc != OPS_OK)
        return cli_report(&err);
    print_staff(&card);
    ops_staff_card_free(&card);
    return EXIT_OK;
}

/* --- find ------------------------------------------------------------------- */

/* NIP, name, unit code, position code, then the unit's and the
 * position's names: tab-separated, the codes where they always were. */
static int print_match(const struct staff *s, const struct ops_place_names *n, void *ctx)
{
    (void)ctx;
    char nip[NIP_FMT_LEN + 1];
    nip_format(s->nip, nip);
    printf("%s\t%s\t%s\t%s\t%s\t%s\n", nip, s->name, s->unit, s->position, n->unit,
           n->position);
    return 0;
}

static int staff_find(const struct ops_env *env, int argc, char **argv)
{
    char text[128];
    if (argc < 1)
        return cli_usage_error(env, "staff", _("the text to find is missing"));
    join_args(argc, argv, text, sizeof text);
    /* Thousands of lines: written in large blocks, not the 4 KiB of a
     * pipe's default buffer (set before anything is written). */
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    struct ops s;
    if (cli_open(&s, env, OPS_READ) != EXIT_OK)
        return EXIT_REFUSED;
    struct ops_err err;
    size_t found;
    int rc = ops_staff_find(&s, text, print_match, NULL, &found, &err);
    ops_close(&s);
    if (fflush(stdout) != 0) {
        cli_error(_("writing the result failed"));
        return EXIT_REFUSED;
    }
    return rc == OPS_OK ? EXIT_OK : cli_report(&err);
}

int cli_staff(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("staff");
    if (argc < 2)
        return cli_usage_error(env, "staff", _("show or find?"));
    if (strcmp(argv[1], "show") == 0)
        return staff_show(env, argc - 2, argv + 2);
    if (strcmp(argv[1], "find") == 0)
        return staff_find(env, argc - 2, argv + 2);
    return cli_usage_error(env, "staff", _("unknown staff command \"%s\""), argv[1]);
}
