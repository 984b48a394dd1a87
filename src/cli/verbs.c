/* The one table of command-line verbs: dispatch and --help come from it. */
#include <stddef.h>
#include "cli/cli.h"
#include "core/i18n.h"

/* Keep alphabetical within a group; --help prints them in this order. */

const struct cli_verb cli_verbs[] = {
    {"policy", cli_policy, "policy check [DIR]",
     N_("validate the YAML configuration and show what is in force")},
    {NULL, NULL, NULL, NULL},
};
