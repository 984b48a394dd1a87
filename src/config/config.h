/* The YAML configuration (policy.yaml, workflow.yaml, users.yaml, ui.yaml)
 * read with libyaml's event API into plain structs. A load either fills the
 * whole struct or reports every error it found; never a half-read policy. */
#ifndef MUTASI_CONFIG_CONFIG_H
#define MUTASI_CONFIG_CONFIG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "core/policy.h"
#include "core/roles.h"
#include "core/workflow.h"

/* One problem: "policy.yaml:14:7: tenure.min_months must be a number from
 * 0 to 480, got \"two\"" (line and column 1-based). */
struct config_error {
    char file[256];                         /* the path as given */
    int line, column;
    char msg[256];
};
#define CONFIG_ERRORS_MAX 32
struct config_errors {
    int n;                                  /* may exceed the kept ones */
    struct config_error e[CONFIG_ERRORS_MAX];
};
/* Writes every error, one a line, "file:line:col: msg" ("file: msg" for
 * errors about the whole file, such as one that cannot be read). */
void config_errors_print(const struct config_errors *errs, FILE *f);

/* Users and roles (users.yaml); enum role is core/roles.h. */
#define USER_NAME_SIZE 32
struct user_roles {
    char name[USER_NAME_SIZE];
    unsigned roles;                         /* bit set of enum role */
};
struct users_config {
    bool trust_env_user;
    char database[256];                     /* optional database: key, "" if none */
    unsigned export_roles;                  /* export: roles that may export personal
                                             * data besides admin; 0 when absent */
    size_t n;
    struct user_roles *users;               /* owned */
};

/* Terminal settings (ui.yaml, then $XDG_CONFIG_HOME/mutasi/ui.yaml). */
#define UI_MAX_BINDINGS 64
struct ui_config {
    char language[8];                       /* "id", "en" or "auto" */
    bool color;                             /* false: monochrome */
    struct { char action[32]; char key[16]; } bindings[UI_MAX_BINDINGS];
    int nbindings;
};

struct config {
    struct policy policy;
    struct workflow_config workflow;        /* the approval route, core/workflow.h */
    struct users_config users;
    struct ui_config ui;
};

/* Loads all four files from dir (ui.yaml is optional, then the user's own
 * ui.yaml over it). Returns 0, or -1 with errs filled. dir NULL = built-in
 * defaults only (policy_defaults, the default route, no users), still with
 * the user's own ui.yaml. On error *out is untouched.
 *
 * Which keys must be present: policy.yaml and workflow.yaml, every key (the
 * rules in force are written out in full; a missing one is an error that
 * names it) but a workflow step's flags (checks_plan, strikes_moves,
 * issues_sk, takes_effect: false when absent; exactly one step issues the
 * SK and one takes effect); users.yaml, `users` (trust_env_user is false when absent,
 * database optional); ui.yaml, none. Unknown keys, duplicate keys,
 * aliases, anchors, tags and a second document are errors everywhere.
 * Messages name the file by the path given (dir/policy.yaml). */
int config_load(const char *dir, struct config *out, struct config_errors *errs);
void config_free(struct config *c);
/* Single files, for `policy check` and tests. */
int config_load_policy(const char *path, struct policy *out, struct config_errors *errs);
int config_load_workflow(const char *path, struct workflow_config *out, struct config_errors *errs);
int config_load_users(const char *path, struct users_config *out, struct config_errors *errs);
/* Built-in defaults, then the file over them. */
int config_load_ui(const char *path, struct ui_config *out, struct config_errors *errs);
/* Frees what config_load_users allocated. */
void config_users_free(struct users_config *u);
/* The same from memory (tests, fuzzing); name is used in messages. */
int config_parse_policy(const char *name, const unsigned char *buf, size_t len,
                        struct policy *out, struct config_errors *errs);
int config_parse_workflow(const char *name, const unsigned char *buf, size_t len,
                          struct workflow_config *out, struct config_errors *errs);
/* A relative database: is taken relative to base_dir (NULL: as written). */
int config_parse_users(const char *name, const unsigned char *buf, size_t len,
                       const char *base_dir, struct users_config *out,
                       struct config_errors *errs);
/* Keys present in the text override those of out, which must hold a valid
 * ui_config already (config_ui_defaults, or the site's over which a
 * user's file goes). */
int config_parse_ui(const char *name, const unsigned char *buf, size_t len,
                    struct ui_config *out, struct config_errors *errs);

/* Built-in values when no file says otherwise. */
void config_ui_defaults(struct ui_config *out);
/* The default approval route of DESIGN.md (same as config/workflow.yaml). */
void config_workflow_defaults(struct workflow_config *out);
/* The user's own ui.yaml: $XDG_CONFIG_HOME/mutasi/ui.yaml, else
 * $HOME/.config/mutasi/ui.yaml; "" when neither is set. */
void config_user_ui_path(char *buf, size_t size);

/* The acting user: the Unix user, or $MUTASI_USER when trust_env_user. */
const char *config_effective_user(const struct users_config *u, const char *unix_user);
unsigned config_roles_of(const struct users_config *u, const char *user);
#endif
