/* The one table of command-line verbs: dispatch and --help come from it. */
#include <stddef.h>
#include "cli/cli.h"
#include "core/i18n.h"

/* Keep alphabetical within a group; --help prints them in this order. */

const struct cli_verb cli_verbs[] = {
    {"init", cli_init, "init", N_("create an empty database")},
    {"audit", cli_audit, "audit [--verify]",
     N_("show the audit log newest first, or verify its tamper-evident chain")},
    {"backup", cli_backup, "backup DEST", N_("consistent hot copy of the database into DEST")},
    {"policy", cli_policy, "policy check [DIR]",
     N_("validate the YAML configuration and show what is in force")},
    {NULL, NULL, NULL, NULL},
};
