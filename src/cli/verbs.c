/* The one table of command-line verbs: dispatch and --help come from it. */
#include <stddef.h>
#include "cli/cli.h"
#include "core/i18n.h"

/* Keep alphabetical within a group; --help prints them in this order. */

const struct cli_verb cli_verbs[] = {
    {"init", cli_init, "init", N_("create an empty database")},
    {"demo", cli_demo, "demo [--staff N] [--seed S] [--no-plans]",
     N_("fill an empty database with a realistic synthetic region")},
    {"import", cli_import, "import units|positions|staff|preferences FILE",
     N_("load a CSV file or an xlsx workbook; any bad row rejects the whole file")},
    {"export", cli_export,
     "export units|positions|staff|workload|plan ID|training ID [--format csv|text|xlsx] "
     "[--output FILE]",
     N_("write records as CSV, an aligned listing or an xlsx workbook (--output FILE, "
        "else standard output)")},
    {"staff", cli_staff, "staff show NIP | staff find TEXT",
     N_("show one person's record and history, or find people by name or NIP")},
    {"audit", cli_audit, "audit [--verify [--against NUMBER:HASH] | --head]",
     N_("show the audit log newest first, or verify its tamper-evident chain")},
    {"verify", cli_verify, "verify",
     N_("walk every database for damage (each in a child process) and report it")},
    {"backup", cli_backup, "backup DEST", N_("consistent hot copy of the database into DEST")},
    {"check", cli_check, "check NIP TARGET-POSITION [--own-request]",
     N_("every rule's verdict for one move; exit 1 when blocked")},
    {"policy", cli_policy, "policy check [DIR]",
     N_("validate the YAML configuration and show what is in force")},
    {"workload", cli_workload,
     "workload [UNIT] [--by unit|district|job_family] [--format csv|text]",
     N_("ABK table: a row per position (or per group) of a unit's subtree")},
    {"plan", cli_plan,
     "plan new NAME | list | show ID | add ID NIP TARGET-POSITION | drop ID NIP | check ID\n"
     "         | submit|verify|review|approve ID | return|reject ID --reason TEXT | cancel ID\n"
     "         | strike ID NIP --reason TEXT | object|answer ID NIP --reason TEXT\n"
     "         | issue-sk ID --number N --date D --tmt D --signer NIP | apply ID | suggest ID",
     N_("transfer plans: make one, add and drop moves, show the impact, check it, "
        "let the optimiser suggest moves")},
    {"inbox", cli_inbox, "inbox [--format csv|text]",
     N_("the plans waiting for a step one of my roles may take, oldest first")},
    {"followup", cli_followup, "followup ID [--format csv|text]",
     N_("the people a plan moved: training they need, SKP before and after the TMT")},
    {NULL, NULL, NULL, NULL},
};
