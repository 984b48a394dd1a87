/* The roles of the approval route (DESIGN "Approval"): who drafts, who
 * verifies, reviews and approves, who administers. A user holds a set of
 * roles (users.yaml); a step of the route names the roles that may take it
 * (workflow.yaml). Plain data; config/ fills it, core/workflow reads it. */
#ifndef MUTASI_CORE_ROLES_H
#define MUTASI_CORE_ROLES_H
#include <stddef.h>

/* Bits of a role set (unsigned). */
enum role { ROLE_OPERATOR = 1, ROLE_VERIFIER = 2, ROLE_REVIEWER = 4,
            ROLE_APPROVER = 8, ROLE_ADMIN = 16 };
#define ROLE_ALL 31u

/* "operator", "verifier", "reviewer", "approver", "admin" (the spelling of
 * the YAML files, never translated); "" for anything but one known bit. */
const char *role_name(unsigned role_bit);
/* The bit of a role name (exact spelling); 0 when unknown. */
unsigned role_parse(const char *name);
/* Every role name in bit order, NULL-terminated (for messages and
 * suggestions). */
const char *const *role_names(void);
/* The names of the roles in set, in bit order, joined by ", "
 * ("verifier, reviewer"); "" for the empty set. Returns out. */
char *roles_format(unsigned set, char *out, size_t size);
#endif
