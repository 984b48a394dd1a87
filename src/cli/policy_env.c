/* The policy in force for a verb: config_load of the configuration
 * directory, with every error printed; never a half-read policy. */
#include <stdlib.h>
#include "cli/cli.h"
#include "config/config.h"
#include "core/i18n.h"

int cli_load_policy(const struct ops_env *env, struct policy *out)
{
    struct config *cfg = calloc(1, sizeof *cfg);
    struct config_errors *errs = calloc(1, sizeof *errs);
    int rc = EXIT_OK;
    if (!cfg || !errs) {
        cli_error(_("out of memory"));
        rc = EXIT_REFUSED;
    } else if (config_load(env->config_dir, cfg, errs) != 0) {
        config_errors_print(errs, stderr);
        cli_error(_("the configuration has errors; nothing was done"));
        rc = EXIT_REFUSED;
    } else {
        *out = cfg->policy;
        config_free(cfg);
    }
    free(cfg);
    free(errs);
    return rc;
}
