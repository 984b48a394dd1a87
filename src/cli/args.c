/* Arguments shared by the verbs that take a plan: value options, a plan
 * id and a NIP, parsed and refused the same way everywhere. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/i18n.h"

/* The index of the option s names (--x or --x=V), or -1. */
static int option_index(const char *s, const char *const *names, int nnames, size_t *len)
{
    for (int k = 0; k < nnames; k++) {
        size_t n = strlen(names[k]);
        if (strncmp(s, names[k], n) == 0 && (s[n] == '\0' || s[n] == '=')) {
            *len = n;
            return k;
        }
    }
    return -1;
}

int cli_parse_args(const struct ops_env *env, const char *verb, int argc, char **argv,
                   int first, const char *const *names, int nnames, const char *allowed,
                   int maxpos, struct cli_args *a)
{
    memset(a, 0, sizeof *a);
    if (maxpos > CLI_POS_MAX)
        maxpos = CLI_POS_MAX;
    for (int i = first; i < argc; i++) {
        const char *s = argv[i];
        size_t n = 0;
        int k = option_index(s, names, nnames < CLI_OPTS_MAX ? nnames : CLI_OPTS_MAX, &n);
        if (k >= 0 && strstr(allowed, names[k])) {
            if (s[n] == '=')
                a->val[k] = s + n + 1;
            else if (i + 1 < argc)
                a->val[k] = argv[++i];
            else
                return cli_usage_error(env, verb, _("%s needs a value"), names[k]);
            continue;
        }
        if (s[0] == '-' && s[1] != '\0')
            return cli_usage_error(env, verb, _("unknown option \"%s\""), s);
        if (a->npos >= maxpos)
            return cli_usage_error(env, verb, _("too many arguments"));
        a->pos[a->npos++] = s;
    }
    return EXIT_OK;
}

int cli_plan_id_arg(const struct ops_env *env, const char *verb, const char *s, uint32_t *id)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || errno || v == 0 || v > UINT32_MAX)
        return cli_usage_error(env, verb, _("\"%s\" is not a plan id (a number from 1)"), s);
    *id = (uint32_t)v;
    return EXIT_OK;
}

int cli_nip_arg(const char *s, char nip[NIP_LEN + 1])
{
    enum nip_error ne = nip_parse(s, strlen(s), nip);
    if (ne == NIP_OK)
        return EXIT_OK;
    cli_error(_("\"%s\" is not a NIP: %s"), s, nip_error_text(ne));
    return EXIT_REFUSED;
}

int cli_plan_nip_args(const struct ops_env *env, const char *plan, const char *person,
                      uint32_t *id, char nip[NIP_LEN + 1])
{
    int rc = cli_plan_id_arg(env, "plan", plan, id);
    if (rc != EXIT_OK)
        return rc;
    return cli_nip_arg(person, nip);
}
