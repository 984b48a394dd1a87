/* The audit verb: print the log newest first, or verify its chain. */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "io/export_audit.h"

static int print_entry(const struct audit_entry *e, void *ctx)
{
    return audit_print_line(ctx, e) ? 0 : 1;
}

/* NUMBER:HASH, the hash 64 hex digits. */
static bool parse_anchor(const char *s, uint64_t *seq, char hex[65])
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end != ':' || v == 0 || strlen(end + 1) != 64)
        return false;
    for (const char *p = end + 1; *p; p++)
        if (!isxdigit((unsigned char)*p))
            return false;
    *seq = v;
    memcpy(hex, end + 1, 65);
    return true;
}

static int print_head(struct ops *o, struct ops_err *e)
{
    uint64_t seq;
    char hex[65];
    int rc = ops_audit_head(o, &seq, hex, e);
    if (rc == OPS_OK)
        printf("%llu:%s\n", (unsigned long long)seq, hex);
    return rc;
}

static int verify(struct ops *o, uint64_t against, const char *hex, struct ops_err *e)
{
    struct ops_audit_report r;
    int rc = ops_audit_verify_all(o, against, hex, &r, e);
    if (rc != OPS_OK)
        return rc;
    printf(ngettext("audit chain intact: %zu entry\n", "audit chain intact: %zu entries\n",
                    r.entries), r.entries);
    if (against)
        printf(_("the chain passes through %llu:%s\n"), (unsigned long long)against, hex);
    if (r.data_checked)
        printf(_("the data matches audit entry %llu\n"), (unsigned long long)r.head_seq);
    else
        printf("%s\n", _("no audit entry carries a data digest yet: the data is checked from "
                         "the next change on"));
    return OPS_OK;
}

int cli_audit(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("audit");
    bool do_verify = false, head = false;
    uint64_t against = 0;
    char hex[65] = "";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--verify") == 0)
            do_verify = true;
        else if (strcmp(argv[i], "--head") == 0)
            head = true;
        else if (strcmp(argv[i], "--against") == 0) {
            if (i + 1 >= argc)
                return cli_usage_error(env, "audit", _("--against needs NUMBER:HASH"));
            if (!parse_anchor(argv[++i], &against, hex))
                return cli_usage_error(env, "audit",
                                       _("--against needs NUMBER:HASH (as 'audit --head' "
                                         "prints it), got \"%s\""), argv[i]);
        } else if (argv[i][0] == '-')
            return cli_usage_error(env, "audit", _("unknown option \"%s\""), argv[i]);
        else
            return cli_usage_error(env, "audit", _("unexpected argument \"%s\""), argv[i]);
    }
    if (against && !do_verify)
        return cli_usage_error(env, "audit", "%s", _("--against goes with --verify"));
    if (head && do_verify)
        return cli_usage_error(env, "audit", "%s", _("--head and --verify are separate uses"));
    struct ops o;
    int rc = cli_open(&o, env, OPS_READ);
    if (rc != EXIT_OK)
        return rc;
    struct ops_err e;
    if (head) {
        rc = print_head(&o, &e);
    } else if (do_verify) {
        rc = verify(&o, against, hex, &e);
    } else {
        rc = ops_audit_each(&o, print_entry, stdout, &e);
        if (rc == OPS_STOPPED)
            rc = ops_fail(&e, "%s", _("cannot write the audit log"));
    }
    ops_close(&o);
    if (rc != OPS_OK)
        return cli_report(&e);
    if (fflush(stdout) != 0)
        return EXIT_REFUSED;
    return EXIT_OK;
}
