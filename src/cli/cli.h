/* Command-line verbs. Each verb group lives in its own file and is listed
 * once in the verb table (verbs.c), which also drives --help. */
#ifndef MUTASI_CLI_CLI_H
#define MUTASI_CLI_CLI_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "core/date.h"
#include "core/nip.h"
#include "core/policy.h"
#include "ops/ops.h"
#include "store/store.h"

/* Exit statuses of the design. */
enum { EXIT_OK = 0, EXIT_REFUSED = 1, EXIT_USAGE = 2 };

/* argv[0] is the verb itself ("import"), argv[argc] is NULL. */
typedef int (*cli_verb_fn)(const struct ops_env *env, int argc, char **argv);

struct cli_verb {
    const char *name;        /* "import" */
    cli_verb_fn run;
    const char *usage;       /* untranslated synopsis, "import units|positions|staff FILE" */
    const char *summary;     /* N_() one line */
    const char *help;        /* N_() arguments, options, an example; NULL: the verb prints its own */
};

extern const struct cli_verb cli_verbs[];
const struct cli_verb *cli_find_verb(const char *name);
void cli_print_usage(FILE *f);
/* Prints "usage: mutasi <verb usage>" to stderr and returns EXIT_USAGE. */
int cli_usage_error(const struct ops_env *env, const char *verb, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* True (and prints the verb's help on stdout) when argv holds -h/--help. */
int cli_wants_help(int argc, char **argv);
int cli_print_verb_help(const char *verb);

/* Prints an action's refusal: every line of e->msg to stderr, the last one
 * as "mutasi: <line>" (configuration errors come first, as file:line:col).
 * Returns EXIT_REFUSED. */
int cli_report(const struct ops_err *e);
/* ops_open (mode: enum ops_open_mode), printing why it failed. Returns an
 * exit status. */
int cli_open(struct ops *o, const struct ops_env *env, int mode);
/* A moment (Unix seconds) in local time for a CSV column, "2026-08-01
 * 09:30" (the seconds themselves where the C library cannot break them
 * down). */
#define CLI_CSV_MINUTES_SIZE 32
void cli_csv_minutes(int64_t when, char out[CLI_CSV_MINUTES_SIZE]);
/* Prints "mutasi: <message>\n" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Installs the handlers that turn SIGSEGV and SIGBUS into a message
 * that the database in db_dir is damaged and how to restore a backup, and
 * exit status 1 (cli/fault.c). Call once db_dir and the language are known. */
void cli_fault_handlers(const char *db_dir);

/* Words of a verb (args.c): up to CLI_POS_MAX positional arguments from
 * argv[first] on, and the value options of names (--x V or --x=V) whose
 * name `allowed` lists (space-separated); any other option is unknown.
 * val[k] is names[k]'s value, NULL when not given. Returns EXIT_OK or a
 * usage error (printed). */
#define CLI_POS_MAX 3
#define CLI_OPTS_MAX 8
struct cli_args {
    const char *pos[CLI_POS_MAX];
    int npos;
    const char *val[CLI_OPTS_MAX];
};
int cli_parse_args(const struct ops_env *env, const char *verb, int argc, char **argv,
                   int first, const char *const *names, int nnames, const char *allowed,
                   int maxpos, struct cli_args *a);
/* A plan id (a number from 1); a usage error of the verb otherwise. */
int cli_plan_id_arg(const struct ops_env *env, const char *verb, const char *s, uint32_t *id);
/* A NIP with or without its spaces; EXIT_REFUSED with the reason otherwise. */
int cli_nip_arg(const char *s, char nip[NIP_LEN + 1]);
/* A plan id then a NIP: the first one's error (usage, or EXIT_REFUSED). */
int cli_plan_nip_args(const struct ops_env *env, const char *plan, const char *person,
                      uint32_t *id, char nip[NIP_LEN + 1]);

/* The verbs. */
int cli_init(const struct ops_env *env, int argc, char **argv);
int cli_backup(const struct ops_env *env, int argc, char **argv);
int cli_audit(const struct ops_env *env, int argc, char **argv);
int cli_verify(const struct ops_env *env, int argc, char **argv);
int cli_policy(const struct ops_env *env, int argc, char **argv);
int cli_demo(const struct ops_env *env, int argc, char **argv);
int cli_import(const struct ops_env *env, int argc, char **argv);
int cli_export(const struct ops_env *env, int argc, char **argv);
int cli_staff(const struct ops_env *env, int argc, char **argv);
int cli_check(const struct ops_env *env, int argc, char **argv);
int cli_workload(const struct ops_env *env, int argc, char **argv);
int cli_plan(const struct ops_env *env, int argc, char **argv);
int cli_inbox(const struct ops_env *env, int argc, char **argv);
int cli_followup(const struct ops_env *env, int argc, char **argv);
/* `export training ID`: a plan's competency gaps grouped (cli/followup.c). */
int cli_export_training(const struct ops_env *env, const char *plan, bool csv);
/* `plan suggest` (cli/plan_suggest.c), dispatched by cli_plan. */
int cli_plan_suggest(const struct ops_env *env, int argc, char **argv);
/* The approval actions of `plan` (submit, verify, ..., strike, issue-sk,
 * apply; cli/plan_route.c): the function for the action, or NULL. */
cli_verb_fn cli_plan_route(const char *action);
struct ops_plan_view;
/* `plan show`: the decree and the timeline of the plan. */
void cli_show_route(const struct ops_plan_view *v);
/* `plan show --format csv` of v to out (also `export plan --format csv`). */
void cli_plan_show_csv(const struct ops_plan_view *v, FILE *out);
/* `export plan ID --format csv|text|xlsx [--output FILE]` (cli/plan_export.c);
 * format "csv", "text" or "xlsx"; path: xlsx only, NULL for stdout. */
int cli_export_plan(const struct ops_env *env, const char *id, const char *format,
                    const char *path);
/* `export workload`: every position's ABK row, CSV (the columns of
 * `workload --format csv`) or aligned text, to out. Returns an exit status. */
int cli_export_workload(const struct ops_env *env, bool csv, FILE *out);
/* workload [UNIT] --by unit from the stored unit tree (workload_units.c):
 * an exit status, or CLI_WORKLOAD_ROLL_UP when the tree cannot serve and
 * the roll-up must (workload.c); cli_workload_warn: what the roll-up
 * leaves out, as warnings. */
#define CLI_WORKLOAD_ROLL_UP (-1)
int cli_workload_units(const struct ops_env *env, const char *unit, bool csv, FILE *out);
struct wl_problems;
void cli_workload_warn(const struct wl_problems *p);
#endif
