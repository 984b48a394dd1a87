/* The one table of command-line verbs: dispatch and --help come from it. */
#include <stddef.h>
#include "cli/cli.h"
#include "core/i18n.h"

/* The help texts of `VERB --help` (plan has its own, in cli/plan.c). */

static const char help_init[] = N_(
    "Creates an empty database in the database directory (--db DIR, else\n"
    "$MUTASI_DB, else database: in users.yaml, else ./var/mutasi): the directory\n"
    "gets mode 0770, its files 0660. An existing database keeps its data; an\n"
    "older one is upgraded to the current schema.\n"
    "\n"
    "Options: none (the global --db DIR and --config DIR apply).\n"
    "\n"
    "Example:\n"
    "  mutasi --db /srv/mutasi init\n");
static const char help_demo[] = N_(
    "Fills an empty database with a synthetic region and, unless --no-plans,\n"
    "four plans in different approval states. The same seed and the same\n"
    "MUTASI_TODAY give the same region.\n"
    "\n"
    "Options:\n"
    "  --staff N     how many people (default 5000; up to 4300000)\n"
    "  --seed S      the random seed (default 1)\n"
    "  --no-plans    make no plans\n"
    "\n"
    "Example:\n"
    "  mutasi --db /tmp/demo demo --staff 20000 --seed 7\n");
static const char help_import[] = N_(
    "Arguments: what the file holds (units, positions, staff or preferences;\n"
    "units before positions before staff before preferences), and FILE, a CSV file or an xlsx workbook. Every\n"
    "row is checked; any bad row rejects the whole file and each problem is\n"
    "named FILE:LINE:COLUMN. Records with the same key are replaced.\n"
    "\n"
    "Options: none.\n"
    "\n"
    "Example:\n"
    "  mutasi import staff pegawai.csv\n");
static const char help_export[] = N_(
    "Arguments: what to write (units, positions, staff, workload, plan ID,\n"
    "training ID: the training a plan's moved people need, or audit: the\n"
    "audit log, oldest first, for the roles that may read it).\n"
    "Rows are sorted by key; CSV round-trips through import. Every export is\n"
    "recorded in the audit log.\n"
    "export audit --format csv columns: number, time (ISO 8601 UTC), user,\n"
    "action, object, plan, nip (read out of the object), before, after,\n"
    "prev_hash, hash, data_digest (db:hash joined by |).\n"
    "\n"
    "Options:\n"
    "  --format csv|text|xlsx  CSV (default), an aligned listing, or a workbook\n"
    "  --output FILE, -o FILE  write there instead of standard output (xlsx\n"
    "                          needs it when standard output is a terminal;\n"
    "                          with csv and text, for audit only)\n"
    "\n"
    "Example:\n"
    "  mutasi export staff --format xlsx --output pegawai.xlsx\n"
    "  mutasi export audit --format text --output audit.txt\n");
static const char help_staff[] = N_(
    "staff show NIP: one person's record and position history (the NIP may\n"
    "contain spaces). staff find TEXT: everyone whose name contains TEXT (any\n"
    "case) or whose NIP contains its digits, one a line: NIP, name, unit and\n"
    "position codes with their names. Exit 1 when nothing matches.\n"
    "\n"
    "Options: none.\n"
    "\n"
    "Example:\n"
    "  mutasi staff find aminah\n"
    "  mutasi staff show \"19740529 199807 2 001\"\n");
static const char help_audit[] = N_(
    "Prints the audit log, newest first: number, time, user, action, object,\n"
    "before -> after.\n"
    "\n"
    "Options:\n"
    "  --verify                check the SHA-256 chain and that the data matches\n"
    "                          the newest entry; exit 1 naming what is broken\n"
    "  --against NUMBER:HASH   with --verify: the chain still passes through the\n"
    "                          entry that --head printed\n"
    "  --head                  print the newest entry as NUMBER:HASH, to keep\n"
    "                          outside the database\n"
    "\n"
    "Example:\n"
    "  mutasi audit --verify --against 42:9f3c...e1\n");
static const char help_verify[] = N_(
    "Walks every database of the file, each in a child process, and prints a\n"
    "line per damaged record or index entry. Exit 0 when nothing is damaged,\n"
    "1 otherwise, with how to restore a backup.\n"
    "\n"
    "Options: none.\n"
    "\n"
    "Example:\n"
    "  mutasi --db /srv/mutasi verify\n");
static const char help_backup[] = N_(
    "Argument: DEST, the directory to copy into. The copy is\n"
    "consistent while others keep working, and can be opened with --db DEST.\n"
    "\n"
    "Options: none.\n"
    "\n"
    "Example:\n"
    "  mutasi backup /backup/mutasi-2026-11-22\n");
static const char help_check[] = N_(
    "Arguments: the person's NIP and the code of the position they would move\n"
    "to. Prints one line a rule (pass, warn, block or off, with the reason and\n"
    "its numbers), then allowed, allowed with warnings or blocked. Exit 0 when\n"
    "allowed, 1 when blocked or when the NIP or position is unknown.\n"
    "\n"
    "Options:\n"
    "  --own-request   judge it as a move the person asked for (the\n"
    "                  first-placement rule applies)\n"
    "\n"
    "Example:\n"
    "  mutasi check 198609262015051001 DINKES.2-03\n");
static const char help_policy[] = N_(
    "Argument: DIR, the configuration directory (default: the one in use).\n"
    "Reads policy.yaml, workflow.yaml, users.yaml and ui.yaml; every mistake\n"
    "is named FILE:LINE:COLUMN, with \"did you mean\" for a misspelt key. Exit 1\n"
    "when anything is wrong; otherwise prints what is in force.\n"
    "\n"
    "Options: none.\n"
    "\n"
    "Example:\n"
    "  mutasi policy check /etc/mutasi\n");
static const char help_workload[] = N_(
    "Argument: UNIT, the code of a unit: only its subtree (default: all).\n"
    "A row per position: workload minutes, need, existing, gap, EJ and grade,\n"
    "with the position's and the unit's names in the text form.\n"
    "\n"
    "Options:\n"
    "  --by unit|district|job_family   a row per group instead (unit: with its\n"
    "                                  sub-units)\n"
    "  --format csv|text               CSV for scripts (codes only), or an\n"
    "                                  aligned table (default)\n"
    "\n"
    "Example:\n"
    "  mutasi workload DINKES --by unit\n");

static const char help_inbox[] = N_(
    "Lists the plans waiting for a step that one of your roles may take,\n"
    "oldest first: id, name, state, the step, its author and the moves.\n"
    "Exit 0 also when the inbox is empty.\n"
    "\n"
    "Options:\n"
    "  --format csv|text  an aligned listing (default) or CSV\n"
    "\n"
    "Example:\n"
    "  mutasi inbox --format csv\n");
static const char help_followup[] = N_(
    "Argument: ID, an applied plan. Lists the people it moved: the training\n"
    "their new position needs and they lack, and their SKP before and after\n"
    "the TMT.\n"
    "\n"
    "Options:\n"
    "  --format csv|text  an aligned listing (default) or CSV\n"
    "\n"
    "Example:\n"
    "  mutasi followup 3 --format csv\n");

/* Keep alphabetical within a group; --help prints them in this order. */

const struct cli_verb cli_verbs[] = {
    {"init", cli_init, "init", N_("create an empty database"), help_init},
    {"demo", cli_demo, "demo [--staff N] [--seed S] [--no-plans]",
     N_("fill an empty database with a realistic synthetic region"), help_demo},
    {"import", cli_import, "import units|positions|staff|preferences FILE",
     N_("load a CSV file or an xlsx workbook; any bad row rejects the whole file"), help_import},
    {"export", cli_export,
     "export units|positions|staff|workload|plan ID|training ID|audit "
     "[--format csv|text|xlsx] [--output FILE]",
     N_("write records as CSV, an aligned listing or an xlsx workbook (--output FILE, "
        "else standard output)"), help_export},
    {"staff", cli_staff, "staff show NIP | staff find TEXT",
     N_("show one person's record and history, or find people by name or NIP"), help_staff},
    {"audit", cli_audit, "audit [--verify [--against NUMBER:HASH] | --head]",
     N_("show the audit log newest first, or verify its tamper-evident chain"), help_audit},
    {"verify", cli_verify, "verify",
     N_("walk every database for damage (each in a child process) and report it"),
     help_verify},
    {"backup", cli_backup, "backup DEST", N_("consistent hot copy of the database into DEST"),
     help_backup},
    {"check", cli_check, "check NIP TARGET-POSITION [--own-request]",
     N_("every rule's verdict for one move; exit 1 when blocked"), help_check},
    {"policy", cli_policy, "policy check [DIR]",
     N_("validate the YAML configuration and show what is in force"), help_policy},
    {"workload", cli_workload,
     "workload [UNIT] [--by unit|district|job_family] [--format csv|text]",
     N_("ABK table: a row per position (or per group) of a unit's subtree"), help_workload},
    {"plan", cli_plan,
     "plan new NAME | list | show ID | add ID NIP TARGET-POSITION | drop ID NIP | check ID\n"
     "         | submit|verify|review|approve ID | return|reject ID --reason TEXT | cancel ID\n"
     "         | strike ID NIP --reason TEXT | object|answer ID NIP --reason TEXT\n"
     "         | issue-sk ID --number N --date D --tmt D --signer NIP | apply ID | suggest ID",
     N_("transfer plans: make one, add and drop moves, show the impact, check it, "
        "let the optimiser suggest moves"), NULL},
    {"inbox", cli_inbox, "inbox [--format csv|text]",
     N_("the plans waiting for a step one of my roles may take, oldest first"), help_inbox},
    {"followup", cli_followup, "followup ID [--format csv|text]",
     N_("the people a plan moved: training they need, SKP before and after the TMT"), help_followup},
    {NULL, NULL, NULL, NULL, NULL},
};
