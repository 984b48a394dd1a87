/* mutasi staff show NIP | mutasi staff find TEXT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "io/export.h"

/* "label" padded to the same width in every language. */
static void field(const char *label, const char *value)
{
    unsigned w = text_width(label);
    printf("%s", label);
    for (; w < 16; w++)
        putchar(' ');
    printf(" %s\n", value);
}

static const char *or_none(const char *s)
{
    return *s ? s : _("none");
}

static void date_line(const char *label, mdate t)
{
    char d[11];
    date_format(t, d);
    field(label, or_none(d));
}

static void coded_line(stxn *t, const char *label, const char *code, bool is_unit)
{
    char buf[CODE_SIZE + NAME_SIZE + 4];
    struct unit u;
    struct position p;
    const char *name = NULL;
    if (is_unit && store_get_unit(t, code, &u) == STORE_OK)
        name = u.name;
    else if (!is_unit && store_get_position(t, code, &p) == STORE_OK)
        name = p.name;
    if (name)
        snprintf(buf, sizeof buf, "%s  %s", code, name);
    else
        snprintf(buf, sizeof buf, "%s", code);
    field(label, buf);
}

static int print_history(const struct history *h, void *ctx)
{
    (void)ctx;
    char d[11];
    date_format(h->since, d);
    printf("  %-10s  %-14s  %-14s  %s", d, h->position, h->unit, rank_name(h->rank));
    if (h->plan_id)
        printf(_("  (plan %u)"), (unsigned)h->plan_id);
    putchar('\n');
    return 0;
}

static void print_staff(stxn *t, const struct staff *s)
{
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
        coded_line(t, _("Position"), s->position, false);
    coded_line(t, _("Unit"), s->unit, true);
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
        char d[11];
        date_format(s->discipline_until, d);
        snprintf(buf, sizeof buf, d[0] ? _("%s until %s") : "%s",
                 discipline_name(s->discipline), d);
        field(_("Discipline"), buf);
    } else {
        field(_("Discipline"), _("none"));
    }
    field(_("Leave"), or_none(leave_name(s->leave)));
    field(_("Home district"), or_none(s->home_district));
    at = 0;
    buf[0] = '\0';
    for (unsigned i = 0; i < s->ncomp && at < sizeof buf; i++)
        at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%s:%u", i ? ", " : "",
                               s->comp[i].code, s->comp[i].level);
    field(_("Competencies"), or_none(buf));
    printf("%s\n", _("Position history:"));
    store_each_history(t, s->nip, print_history, NULL);
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
    stxn *t = cli_open_read(env, OPS_READ | OPS_NO_CONFIG, &s);
    if (!t)
        return EXIT_REFUSED;
    struct staff st;
    int rc = store_get_staff(t, nip, &st);
    if (rc == STORE_OK)
        print_staff(t, &st);
    store_read_end(t);
    if (rc == STORE_ERROR) {
        cli_error("%s", store_errmsg(s.db));   /* e.g. the record is damaged */
    } else if (rc != STORE_OK) {
        char f[NIP_FMT_LEN + 1];
        nip_format(nip, f);
        cli_error(_("no staff with NIP %s"), f);
    }
    ops_close(&s);
    return rc == STORE_OK ? EXIT_OK : EXIT_REFUSED;
}

/* --- find ------------------------------------------------------------------- */

struct finder {
    char needle[128];           /* lower-cased */
    size_t len;
    char digits[NIP_LEN + 1];   /* the needle without spaces, when all digits */
    size_t found;
};

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Case-insensitive (ASCII) substring test. */
static bool contains_folded(const char *hay, const char *needle, size_t n)
{
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] && lower(hay[i]) == needle[i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

static int match_staff(const struct staff *s, void *ctx)
{
    struct finder *f = ctx;
    if (!contains_folded(s->name, f->needle, f->len) &&
        !(f->digits[0] && strstr(s->nip, f->digits)))
        return 0;
    char nip[NIP_FMT_LEN + 1];
    nip_format(s->nip, nip);
    printf("%s\t%s\t%s\t%s\n", nip, s->name, s->unit, s->position);
    f->found++;
    return 0;
}

static int staff_find(const struct ops_env *env, int argc, char **argv)
{
    struct finder f = {0};
    if (argc < 1)
        return cli_usage_error(env, "staff", _("the text to find is missing"));
    join_args(argc, argv, f.needle, sizeof f.needle);
    f.len = strlen(f.needle);
    size_t nd = 0;
    bool all_digits = f.len > 0;
    for (size_t i = 0; i < f.len; i++) {
        f.needle[i] = lower(f.needle[i]);
        if (f.needle[i] >= '0' && f.needle[i] <= '9' && nd < NIP_LEN)
            f.digits[nd++] = f.needle[i];
        else if (f.needle[i] != ' ')
            all_digits = false;
    }
    if (!all_digits || !nd)
        f.digits[0] = '\0';
    struct ops s;
    stxn *t = cli_open_read(env, OPS_READ | OPS_NO_CONFIG, &s);
    if (!t)
        return EXIT_REFUSED;
    store_each_staff(t, NULL, match_staff, &f);
    store_read_end(t);
    ops_close(&s);
    if (fflush(stdout) != 0) {
        cli_error(_("writing the result failed"));
        return EXIT_REFUSED;
    }
    if (!f.found) {
        cli_error(_("no staff matches \"%s\""), f.needle);
        return EXIT_REFUSED;
    }
    return EXIT_OK;
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
