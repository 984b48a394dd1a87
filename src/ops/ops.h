/* The service layer: one function per user action, below both the verbs
 * (cli/) and the screens (ui/, the `:` prompt included). An action reads,
 * applies the rules, writes in one store_write with its audit entry and
 * version check, and returns data and an error message. It never prints
 * and never touches a terminal.
 *
 * Usage:
 *     struct ops o;
 *     struct ops_err e;
 *     if (ops_open(&o, env, OPS_READ, &e) != OPS_OK) { show e.msg; }
 *     ... ops_xxx(&o, ..., &e) ...
 *     ops_close(&o);
 *
 * Every action returns OPS_OK, or OPS_REFUSED with a translated sentence
 * in e->msg that says why (the CLI prints it and exits 1; a screen shows
 * it on the message line). Arrows point down: ops/ uses core/, store/,
 * config/ and io/, never cli/ or ui/. */
#ifndef MUTASI_OPS_OPS_H
#define MUTASI_OPS_OPS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "config/config.h"
#include "core/date.h"
#include "core/filter.h"
#include "core/policy.h"
#include "core/preference.h"
#include "core/rules.h"
#include "core/vocab.h"
#include "core/workload.h"
#include "store/store.h"

/* Where the program runs: where the data and the configuration are,
 * today's date and who acts. Filled once by ops_env_resolve, the one
 * place that decides where data and identity come from.
 *
 * Set-group-id (installed: the group mutasi owns the database, and the
 * program is the only way to it), nothing the user controls is
 * believed: the database is MUTASI_DBDIR, the configuration SYSCONFDIR
 * (both fixed when built), today is the clock, the user is the real
 * uid's, and the user's own ui.yaml is not read; `ignored` lists what was
 * given and ignored, for one warning. The group is then dropped at once
 * (the effective gid becomes the real one) and raised only to open the
 * database and read the fixed configuration (ops_priv_raise/lower), so
 * that every file the user names (import, export --output, backup, the
 * TUI's --dump) is opened with the user's own rights. */
struct ops_env {
    const char *db_dir;      /* --db, $MUTASI_DB, database: in config, ./var/mutasi */
    const char *config_dir;  /* --config, $MUTASI_CONFIG, ./config, SYSCONFDIR; may be NULL */
    mdate today;             /* $MUTASI_TODAY or the clock */
    const char *user;        /* the real uid's Unix user name */
    const char *progname;
    bool privileged;         /* running set-group-id */
    unsigned group;          /* privileged: the gid set-group-id gave (gid_t) */
    char ignored[256];       /* privileged: "--db, MUTASI_USER", "" when nothing */
    char db_buf[256];        /* storage behind db_dir when it came from users.yaml */
    char user_buf[64];       /* storage behind user */
};

/* Same values as the design's exit statuses. */
enum ops_rc { OPS_OK = 0, OPS_REFUSED = 1, OPS_USAGE = 2,
              OPS_STOPPED = 3 /* a caller's callback asked to stop; e is not set */ };

#define OPS_MSG_SIZE 2048
struct ops_err {
    char msg[OPS_MSG_SIZE];  /* translated; may hold several lines */
};
/* Writes the message and returns OPS_REFUSED. */
int ops_fail(struct ops_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Fills env: db_opt and config_opt are --db and --config (NULL when not
 * given; they must outlive env). Returns OPS_OK; OPS_USAGE when
 * $MUTASI_TODAY is not a date; OPS_REFUSED when users.yaml had to be read
 * for its database: key and is wrong (e->msg: the errors, one a line as
 * file:line:col: message; env is filled as if it had no database: key,
 * for the callers that go on, such as `policy check`). */
int ops_env_resolve(struct ops_env *env, const char *db_opt, const char *config_opt,
                    struct ops_err *e);
/* Privileged: the group of the installation on (raise) and off (lower);
 * otherwise nothing. */
void ops_priv_raise(const struct ops_env *env);
void ops_priv_lower(const struct ops_env *env);
/* Configuration errors into e->msg, one a line as file:line:col: message. */
void ops_config_errors(struct ops_err *e, const struct config_errors *errs);

/* How an action needs the database. */
enum ops_open_mode {
    OPS_NO_DB = 0,           /* configuration only */
    OPS_READ = 1,            /* open read-only (browsing, reports) */
    OPS_WRITE = 2,           /* open for writing */
    OPS_CREATE = 3,          /* open for writing, create when missing */
    /* Or'ed in by older callers; ignored: every session reads the
     * configuration, for the user's roles (ops/access.h). */
    OPS_NO_CONFIG = 8,
};

/* One session: the configuration in force, the database, who acts and
 * today's date. */
struct ops {
    const struct ops_env *env;
    struct config *cfg;      /* owned; never half-read */
    store *db;               /* NULL with OPS_NO_DB */
    char user[64];           /* the acting user (MUTASI_USER where trusted) */
    unsigned roles;          /* bit set of enum role */
    mdate today;
};

/* Who an audit entry names: the Unix user, and where users.yaml trusts
 * MUTASI_USER (demos, tests) the user claimed, as "unix>claimed" (both
 * recorded: the claim is not proof). Cut to fit the entry's field. */
#define OPS_AUDIT_USER_SIZE 32
void ops_audit_user(const struct ops *o, char out[OPS_AUDIT_USER_SIZE]);

/* A moment (Unix seconds) in local time as people read it, with hours and
 * minutes (core/vocab.h's moment_label): OPS_WHEN_SHORT for a table
 * column ("01-08-2026 09:30" in Indonesian, "2026-08-01 09:30" in
 * English: 16 characters), OPS_WHEN_LONG in a sentence ("1 Agustus 2026
 * 09:30"); "-" for 0 (never). Files for programs (CSV) keep ISO. */
enum ops_when_style { OPS_WHEN_SHORT, OPS_WHEN_LONG };
#define OPS_WHEN_SIZE MOMENT_LABEL_SIZE
void ops_when_label(int64_t when, enum ops_when_style style, char out[OPS_WHEN_SIZE]);

/* Loads the configuration and opens the database. On failure nothing is
 * left open and e says why (configuration errors one a line, as
 * file:line:col: message). */
int ops_open(struct ops *o, const struct ops_env *env, int mode, struct ops_err *e);
void ops_close(struct ops *o);
/* Opens the database (mode OPS_READ, OPS_WRITE or OPS_CREATE) in a session
 * opened with OPS_NO_DB: the TUI reads its configuration first, and the
 * message that no database is there is then about the database alone. */
int ops_open_db(struct ops *o, int mode, struct ops_err *e);
/* An action that writes calls this first: a session opened with OPS_READ
 * (the screens browse read-only) gets write access (store_make_writable:
 * the database reopened for writing, an older schema upgraded); a session
 * opened for writing is unchanged. No read transaction of the session may
 * be open. OPS_OK, or OPS_REFUSED with the reason in e. */
int ops_need_write(struct ops *o, struct ops_err *e);
const struct policy *ops_policy(const struct ops *o);
/* A read transaction on the session's database; NULL (and e says why) when
 * it cannot begin. End it with store_read_end. */
stxn *ops_read_begin(struct ops *o, struct ops_err *e);

/* ---- the database as a whole (ops/db.c) --------------------------------- */
/* After ops_open(OPS_CREATE): records the creation in the audit chain when
 * this open created the database (*created), else changes nothing. */
int ops_init(struct ops *o, bool *created, struct ops_err *e);
/* A consistent hot copy into dest (empty or new), recorded in the audit. */
int ops_backup(struct ops *o, const char *dest, struct ops_err *e);
/* One audit entry in its own write transaction, by the acting user. */
int ops_audit_note(struct ops *o, const char *action, const char *object, const char *before,
                   const char *after, struct ops_err *e);

/* ---- the audit log (ops/audit.c) --------------------------------------- */
/* Every entry, newest first, to cb (non-zero from cb stops: OPS_STOPPED). */
int ops_audit_each(struct ops *o, store_audit_cb cb, void *ctx, struct ops_err *e);
/* A page of the log for the Audit screen, newest first: up to max entries
 * that match the filter, from entry from_seq down (0: the newest);
 * *next_seq is where the next page starts (0: the log is done). Reads no
 * more than it shows plus what the filter skips. */
struct ops_audit_filter {
    char user[32];            /* "" any; else the user field contains it */
    char action[48];          /* "" any; else the action contains it */
    uint32_t plan;            /* 0 any; else the object is "plan ID" or "plan ID ..." */
    char nip[NIP_LEN + 1];    /* "" any; else the object names this NIP */
};
/* Parses "user:ani plan:3 nip:19840728... action:strike" (any order, any
 * subset; "" clears). -1 (and e says which word) when a word is not one. */
int ops_audit_filter_parse(const char *text, struct ops_audit_filter *f, struct ops_err *e);
/* A page of the log, newest first, from entry from_seq (0: the newest).
 * An entry that does not decode comes as one with only seq set and
 * damaged true, whatever the filter, so a list shows the others. */
int ops_audit_page(struct ops *o, uint64_t from_seq, const struct ops_audit_filter *f,
                   struct audit_entry *out, size_t max, size_t *n, uint64_t *next_seq,
                   struct ops_err *e);
/* The newest entry: its number and hash as 64 hex digits (seq 0 and
 * zeros for an empty log). To anchor the chain outside the file: `audit
 * --head` prints it, and the decree annex prints it in its footer. */
int ops_audit_head(struct ops *o, uint64_t *seq, char hex[65], struct ops_err *e);
/* Everything `audit --verify` proves: the chain is whole (else the first
 * broken entry is named);
 * then, when against_seq is not 0, that entry against_seq still has hash
 * against_hex (the chain passes through an anchor kept outside); then the
 * data recomputed against the newest entry's digest. OPS_OK when all
 * hold; else refused, e naming the first broken entry, the anchor that
 * does not match, or the databases whose data differ from the log. */
struct ops_audit_report {
    size_t entries;
    uint64_t head_seq;
    bool data_checked;       /* the newest entry carries a data digest */
};
int ops_audit_verify_all(struct ops *o, uint64_t against_seq, const char *against_hex,
                         struct ops_audit_report *out, struct ops_err *e);

/* ---- damage (ops/verify.c) ---------------------------------------------- */
/* Walks every database of env->db_dir, each in a child process (a damaged
 * page can make LMDB fault; the child dies, the walk goes on with the next
 * database in a new child). damage is called in the parent for each
 * damaged entry (key "" when the problem is the database itself: cannot
 * be opened or walked, or made LMDB fault). Needs no open session (the
 * database may not open); the admin's (ops/access.h).
 * OPS_OK when the walk could run (*problems = what it found), else
 * refused with the reason in e. */
struct ops_verify_cb {
    void (*damage)(const char *db, const char *key, const char *what, void *ctx);
};
int ops_verify(const struct ops_env *env, const struct ops_verify_cb *cb, void *ctx,
               size_t *problems, struct ops_err *e);

/* ---- import (ops/import.c) --------------------------------------------- */
struct ops_import {
    struct importer *im;      /* io/import.h: opened by the caller, who owns progress and prints
                               * import_problems(im) afterwards */
    int kind;                 /* enum import_kind */
    const char *file;         /* as the user named it, for messages */
    const char *object;       /* its base name, for the audit */
    /* staff: retirement ages (a penalty may not run past retirement);
     * NULL = policy_defaults */
    const struct policy *policy;
    size_t errors;            /* out: bad rows (nothing was written) */
    size_t added, replaced;   /* out */
};
/* Checks every row (references into the database included), then writes
 * them all in one write transaction with the audit entry; any bad row
 * refuses the whole file. */
int ops_import(struct ops *o, struct ops_import *in, struct ops_err *e);

/* ---- the demo region (ops/demo.c) --------------------------------------- */
struct ops_demo {
    uint64_t seed;
    uint32_t staff;
    const struct policy *policy;   /* the retirement ages the region follows (rules_bup) */
    /* Called after each part of the staff is written (NULL: no progress). */
    void (*progress)(uint64_t written, uint32_t total, void *ctx);
    void *ctx;
    /* out */
    uint64_t units, positions, staff_written;
    unsigned kabupaten;
    char warning[256];        /* "" or why the map could not be enlarged at once */
};
/* Fills an empty database (session opened with OPS_CREATE) with the
 * synthetic region of gen/ in one write transaction with its audit entry:
 * a demo killed or failing at any moment leaves the database empty.
 * Refused when the database holds records already. */
int ops_demo(struct ops *o, struct ops_demo *req, struct ops_err *e);
/* The policy a demo region follows: that of the configuration when it
 * has a policy.yaml, else the defaults. Refused when it cannot be read. */
int ops_demo_policy(const struct ops_env *env, struct policy *out, struct ops_err *e);

/* ---- export (ops/export.c) -------------------------------------------- */
struct ops_export {
    int kind;                 /* enum import_kind: units, positions or staff */
    int format;               /* enum export_format (io/export.h); ignored with xlsx */
    bool xlsx;                /* a workbook of one sheet (io/xlsx_write.h) instead */
    const char *path;         /* xlsx: the file to write; NULL: out */
    FILE *out;                /* where the rows go, as they are read */
    size_t rows;              /* out: rows written */
    int write_errno;          /* out: 0, or errno of the failed write (EPIPE: the
                               * reader went away) */
};
/* Streams every record of the kind to out in one read transaction (a
 * million rows never sit in memory; xlsx goes through a temporary CSV
 * file, then the workbook is written), then writes the export to the audit
 * log in its own write transaction, also when writing stopped half-way.
 * A failed write is not a refusal: OPS_OK with write_errno set, and the
 * caller decides what a closed pipe means. Refused when the database
 * cannot be read or the audit entry cannot be written. Needs a session
 * opened for writing. */
int ops_export(struct ops *o, struct ops_export *x, struct ops_err *e);
/* A CSV file (read from its start) made a workbook of one sheet at path,
 * else on out. */
int ops_csv_to_xlsx(FILE *csv, const char *sheet, const char *path, FILE *out,
                    struct ops_err *e);

/* ---- staff (ops/staff.c) ------------------------------------------------ */
/* One person as `staff show` and the detail screen show them. */
/* The names of a position and its unit ("" where the code is unknown). */
struct ops_place_names {
    char position[NAME_SIZE];
    char unit[NAME_SIZE];
};
struct ops_staff_card {
    struct staff person;
    char position_name[NAME_SIZE];   /* "" when the position is unknown */
    char unit_name[NAME_SIZE];       /* "" when the unit is unknown */
    struct history *history;         /* the position history, oldest first */
    struct ops_place_names *history_names;   /* one per history line */
    size_t nhistory, caphistory;
    struct preference pref;          /* the person's wishes (import preferences) */
    bool has_pref;
};
/* nip: 18 digits. Refused when nobody has it. Free with
 * ops_staff_card_free (also after a refusal: it is then empty). */
int ops_staff_show(struct ops *o, const char *nip, struct ops_staff_card *out, struct ops_err *e);
void ops_staff_card_free(struct ops_staff_card *c);
/* The names of n posts in one read: positions[i] and units[i] are codes
 * (either may be "" or NULL), out[i] their names. */
int ops_place_names(struct ops *o, size_t n, const char *const *positions,
                    const char *const *units, struct ops_place_names *out,
                    struct ops_err *e);
/* One match of ops_staff_find: the person and the names of their post. */
typedef int (*ops_found_cb)(const struct staff *s, const struct ops_place_names *names,
                            void *ctx);
/* Everyone whose name contains text (ASCII case folded), or whose NIP
 * contains it when text is all digits and spaces, to cb in NIP order, as
 * they are read (a million rows stream; non-zero from cb stops:
 * OPS_STOPPED). *found counts the matches; none is refused. */
int ops_staff_find(struct ops *o, const char *text, ops_found_cb cb, void *ctx,
                   size_t *found, struct ops_err *e);

/* Completion (the TUI's `:` prompt): every NIP that begins with typed
 * (spaces in it ignored), or every position code that begins with it (any
 * case), in key order, to cb with the person's or the position's name;
 * non-zero from cb stops (OPS_STOPPED). Times: the matches read, plus the
 * codes before them for positions. */
typedef int (*ops_key_cb)(const char *key, const char *name, void *ctx);
int ops_complete_nip(struct ops *o, const char *typed, ops_key_cb cb, void *ctx,
                     struct ops_err *e);
int ops_complete_position(struct ops *o, const char *typed, ops_key_cb cb, void *ctx,
                          struct ops_err *e);

/* ---- workload (ops/workload.c) ----------------------------------------- */
/* The whole region's ABK figures, rolled up (free with workload_free);
 * pr says what was left out. NULL when the database cannot be read. */
struct workload *ops_workload_load(struct ops *o, struct wl_problems *pr, struct ops_err *e);
/* The roll-up from the stored aggregates (store.h): units and their own
 * figures per job family, no pass over the positions. Its "positions" are
 * one per (unit, job family) with the summed figures, so that
 * workload_group and the unit rows work as on the full load; the
 * per-position listing needs ops_workload_load. Falls back to the full
 * load (same result) when the stored aggregates were kept with another
 * rounding policy than the session's. With tap->unit (when not NULL)
 * called on every unit record as it is read, in unit index order (its
 * name, say, without a second read);
 * tap->position is not called. Each unit is tapped once, also where the
 * summary falls back to the full load. */
struct ops_workload_tap;
struct workload *ops_workload_summary_tap(struct ops *o, const struct ops_workload_tap *tap,
                                          struct wl_problems *pr, struct ops_err *e);
/* The whole database's figures by district or by job family (by
 * WL_BY_DISTRICT or WL_BY_JOB_FAMILY) as workload_group gives them for
 * root -1, read from the stored sums (store_each_wl_group: a few thousand
 * entries, no pass over units or positions): *out malloc'ed, *n groups in
 * name order. pr: positions in no known unit and staff in no known
 * position (the tree is not read: its problems stay 0). Falls back to the
 * summary's grouping when the sums were kept with another rounding
 * policy. OPS_OK, or OPS_REFUSED when the database cannot be read. */
int ops_workload_groups(struct ops *o, int by, struct wl_group **out, size_t *n,
                        struct wl_problems *pr, struct ops_err *e);
/* Inside a write action: the stored aggregates follow the session's
 * policy (recounted once when it changed); p NULL: left as they are.
 * STORE_OK or STORE_ERROR. */
int ops_keep_workload_params(const struct policy *p, stxn *t);

/* The per-position listing of a subtree, streamed (ops/workload_listing.c):
 * open reads the unit tree alone (codes and parent links: some 30 bytes a
 * unit) and what the stored aggregates say was left out; each reads the
 * positions unit by unit in tree order (workload_positions_in's) and hands
 * them on as it reads them, so the first row comes at once and memory
 * stays flat in the number of positions. Everything happens in open's one
 * read transaction, held until close.
 *     struct ops_wl_listing l;
 *     if (ops_workload_listing_open(o, &l, &e) != OPS_OK) ...;
 *     long root = ops_workload_listing_unit(&l, code);     (-1: unknown; all: -1)
 *     ops_workload_listing_each(&l, root, names, row_cb, ctx, &e);
 *     ops_workload_listing_close(&l); */
struct unit_order;
struct ops_wl_listing {
    struct ops *o;
    stxn *t;
    struct unit_order *tree;          /* core/unit_order.h */
    struct wl_problems problems;     /* what the roll-up leaves out */
};
/* One row: the unit's code (and name when asked for), the position, its
 * figures (need by the session's policy, existing = its holders). */
struct ops_wl_line {
    const char *unit;
    const char *unit_name;           /* "" unless names were asked for */
    const struct position *position;
    struct wl_row row;
};
typedef int (*ops_wl_row_cb)(const struct ops_wl_line *line, void *ctx);
/* The sizes of a subtree's listing, for column widths, from the position
 * index alone (no record read): how many rows, the longest unit code among
 * the units that have positions, the longest position code. */
struct ops_wl_measure {
    size_t positions, longest_unit, longest_position;
};
int ops_workload_listing_open(struct ops *o, struct ops_wl_listing *l, struct ops_err *e);
/* The unit with this code (a root for the calls below), -1 when unknown. */
long ops_workload_listing_unit(const struct ops_wl_listing *l, const char *code);
/* The subtree's figures summed (root -1: every tree), as the roll-up
 * gives them: from the stored aggregates, or from the rows themselves
 * (a pass more) where those were kept with another rounding policy. */
int ops_workload_listing_total(const struct ops_wl_listing *l, long root, struct wl_row *out,
                               struct ops_err *e);
int ops_workload_listing_measure(const struct ops_wl_listing *l, long root,
                                 struct ops_wl_measure *m, struct ops_err *e);
/* Non-zero from cb stops (OPS_STOPPED). */
int ops_workload_listing_each(const struct ops_wl_listing *l, long root, bool names,
                              ops_wl_row_cb cb, void *ctx, struct ops_err *e);
void ops_workload_listing_close(struct ops_wl_listing *l);

/* The table by unit from the stored unit tree (store_each_tree_unit): one
 * walk in tree order, no pass over the units or the positions; open's one
 * read transaction is held until close (ops/workload_units.c).
 *     struct ops_wl_units u;
 *     if (ops_workload_units_open(o, &u, OPS_WLU_PROBLEMS or 0, &e) != OPS_OK) ...;
 *     if (!u.kept) ... the summary (ops_workload_summary_tap) instead;
 *     ops_workload_units_each(&u, code or NULL, cb, ctx, &e);   (as often as wanted)
 *     ops_workload_units_close(&u);
 * kept is false when the tree cannot serve: a parent cycle in the data, or
 * aggregates kept with another rounding policy than the session's. each:
 * OPS_OK, OPS_STOPPED (cb's nonzero), OPS_REFUSED (no such unit: e says
 * so; or the database cannot be read). problems: what the roll-up leaves
 * out, for the whole database: units without a parent always; positions
 * without a unit and staff without a position (each a count over a table)
 * only when want has OPS_WLU_PROBLEMS. */
enum { OPS_WLU_PROBLEMS = 1 };
struct ops_wl_units {
    struct ops *o;
    stxn *t;
    bool kept;
    struct wl_problems problems;
};
int ops_workload_units_open(struct ops *o, struct ops_wl_units *u, unsigned want,
                            struct ops_err *e);
int ops_workload_units_each(const struct ops_wl_units *u, const char *root, store_tree_cb cb,
                            void *ctx, struct ops_err *e);
/* The children of parent (NULL: the roots) in code order, each with
 * has_children, depth 0; the same returns as each. */
int ops_workload_units_children(const struct ops_wl_units *u, const char *parent,
                                store_tree_cb cb, void *ctx, struct ops_err *e);
/* The code hashes (unit_key_hash) of the units whose name another unit
 * has, which the Units screen labels with their parent's name: *codes
 * malloc'd (the caller frees), *n of them. OPS_OK or OPS_REFUSED. */
int ops_workload_units_repeats(const struct ops_wl_units *u, uint64_t **codes, size_t *n,
                               struct ops_err *e);
/* As each, with the units read in place (store_tree_view: valid until
 * close) and, with kept, also kept for a second look without a second
 * walk (store_tree_kept_view; the caller store_tree_kept_frees it). */
int ops_workload_units_views(const struct ops_wl_units *u, const char *root,
                             store_tree_view_cb cb, void *ctx, store_tree_kept **kept,
                             struct ops_err *e);
void ops_workload_units_close(struct ops_wl_units *u);

/* For the actions of ops/: the same in the caller's transaction t (NULL
 * when it cannot be read or out of memory), with an optional tap that sees
 * every unit and position record as it is fed (in workload index order),
 * for actions that need more of the records than the workload keeps. A
 * tap callback's nonzero return stops the reading (NULL). */
struct ops_workload_tap {
    int (*unit)(const struct unit *u, void *ctx);
    int (*position)(const struct position *p, void *ctx);
    void *ctx;
};
struct workload *ops_workload_read(struct ops *o, stxn *t, const struct ops_workload_tap *tap);

/* ---- check a move (ops/check.c) ----------------------------------------- */
/* Every rule's verdict for moving one person to a target position. */
struct ops_move_check {
    struct staff person;
    struct position origin, target;
    bool has_origin;
    struct verdict v[RULE_COUNT];
    size_t n;
    int summary;              /* enum move_summary */
};
/* nip: 18 digits (the caller parses what the user typed). Refused when the
 * person or the position is unknown, or the person already holds the
 * target position. own_request: the person asked for the move (the first
 * placement rule applies). */
int ops_check_move(struct ops *o, const char *nip, const char *target, bool own_request,
                   struct ops_move_check *out, struct ops_err *e);
/* Every position (but the person's own, in code order) judged as a target
 * for one person by the person and target rules, with figures from w (the
 * workload of the database; NULL: none known). The plan rules are judged
 * when a move is added. For the plan editor's position picker, which shows
 * a screenful of many thousands: each position gets its summary by the
 * rules' quick paths (rules_quick_summary; nothing formatted, about 40 ms
 * for 75,000 positions), and the reasons in words are written only for the
 * row a user looks at (ops_target_reasons). A row is 12 bytes: the code
 * and unit come from w, and the names (a few thousand different ones
 * among hundreds of thousands of positions) are kept once each.
 *
 * Usage:
 *     struct ops_targets g;
 *     if (ops_move_targets(o, nip, w, &g, &e) != OPS_OK) ... e.msg ...
 *     ... ops_target_code(&g, i), ops_target_name(&g, i), g.t[i].summary ...
 *     ops_target_reasons(o, &g, i, why, sizeof why);   (the selected row)
 *     ops_targets_free(&g);
 * w must outlive g. */
struct ops_target {
    uint32_t row;             /* the position's index in w, or OPS_TARGET_NO_ROW */
    uint32_t text;            /* offset in ops_targets.text of its name (and,
                               * without a row, then its code and unit) */
    uint8_t summary;          /* enum move_summary */
};
#define OPS_TARGET_NO_ROW UINT32_MAX
struct ops_targets {
    struct ops_target *t;
    size_t n;
    char *text;               /* NUL-terminated strings */
    size_t text_len;
    /* for ops_target_reasons: */
    const struct workload *w;
    struct staff person;
    struct position origin;
    bool has_origin;
    struct wl_row origin_fig;
};
int ops_move_targets(struct ops *o, const char *nip, const struct workload *w,
                     struct ops_targets *out, struct ops_err *e);
const char *ops_target_code(const struct ops_targets *g, size_t i);
const char *ops_target_unit(const struct ops_targets *g, size_t i);
const char *ops_target_name(const struct ops_targets *g, size_t i);
/* The reasons of the warnings and blocks of moving the person to target i,
 * blocks first ("Fit: job family ...; Need at target: ..."), into out;
 * "" when there are none. Reads the position again: OPS_REFUSED (and out
 * says why) when it is gone or cannot be read. */
int ops_target_reasons(struct ops *o, const struct ops_targets *g, size_t i, char *out,
                       size_t size);
void ops_targets_free(struct ops_targets *g);
/* "Could this person move at all?": the person-scope rules of the rule
 * table for a move at the person's own request (the strictest reading),
 * with origin the person's current position (NULL when none). */
size_t ops_person_verdicts(const struct ops *o, const struct staff *st,
                           const struct position *origin, struct verdict out[RULE_COUNT],
                           int *summary);
/* ---- the filters of the list screens (ops/filter.c) --------------------
 * After flt_parse (core/filter.h): unit: terms stand for the unit and its
 * subtree (the code's case does not matter), district: terms for the units
 * of that district. OPS_REFUSED when a unit or district is not found.
 * ops_filter_free gives back what resolve took.
 *
 *     if (flt_parse(text, FLT_STAFF, &f, err, sizeof err) == 0 &&
 *         ops_filter_resolve(t, &f, &e) == OPS_OK)
 *         ... ops_staff_passes(&f, &st, t, policy, today) ...
 *     ops_filter_free(&f); */
int ops_filter_resolve(stxn *t, struct flt *f, struct ops_err *e);
void ops_filter_free(struct flt *f);
/* Every term holds for the person (eligible reads the person's position
 * through t). */
bool ops_staff_passes(const struct flt *f, const struct staff *st, stxn *t,
                      const struct policy *pol, mdate today);
#endif
