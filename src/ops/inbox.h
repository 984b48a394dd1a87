/* The Inbox: the plans waiting for a step that one of my roles may take
 * (DESIGN "Screens and keys", `mutasi inbox`). For cli/inbox.c and the
 * Inbox screen (ui/inbox.c); the steps themselves are ops/approval.h.
 *
 * Usage:
 *     struct ops_inbox_item *it; size_t n;
 *     if (ops_inbox(&o, &it, &n, &e) != OPS_OK) show e.msg;
 *     for each: it[i].plan (id, name, state), it[i].steps (the step names
 *     "verify" or "review|reject|return", route order), it[i].since (when
 *     the plan came into its state), it[i].nmoves (not struck)
 *     free(it);
 *     size_t waiting;  ops_inbox_count(&o, &waiting, &e);   (the title line)
 *
 * Oldest first (since, then id). Reads only; one read transaction. */
#ifndef MUTASI_OPS_INBOX_H
#define MUTASI_OPS_INBOX_H
#include <stddef.h>
#include <stdint.h>
#include "core/plan.h"
#include "core/workflow.h"
#include "ops/ops.h"

#define INBOX_STEPS_SIZE 128
struct ops_inbox_item {
    struct plan plan;
    char steps[INBOX_STEPS_SIZE];   /* the waiting steps' names, '|'-joined */
    char open[INBOX_STEPS_SIZE];    /* every step open to me now (return, reject too) */
    int64_t since;               /* Unix seconds: the last step taken, else created */
    size_t nmoves;               /* moves not struck */
};
/* Every plan waiting for the acting user; *out malloc'ed (NULL when none). */
int ops_inbox(struct ops *o, struct ops_inbox_item **out, size_t *n, struct ops_err *e);
/* How many plans wait for the acting user (the Inbox's title). */
int ops_inbox_count(struct ops *o, size_t *n, struct ops_err *e);
#endif
