/* The one table of command-line verbs: dispatch and --help come from it. */
#include <stddef.h>
#include "cli/cli.h"
#include "core/i18n.h"

/* Keep alphabetical within a group; --help prints them in this order. */

const struct cli_verb cli_verbs[] = {
    {NULL, NULL, NULL, NULL},
};
