/* Internal to config/: a YAML document read with libyaml's event API into a
 * small tree, and the helpers the loaders share to walk it against what
 * they expect (typed scalars, known keys, messages with file:line:col).
 *
 * The event loop is a state machine over a stack of open mappings and
 * lists; it rejects what a configuration file never needs and what makes
 * a file mean something else than it says: aliases, anchors, tags, several
 * documents, duplicate keys, keys that are not plain names. */
#ifndef MUTASI_CONFIG_YTREE_H
#define MUTASI_CONFIG_YTREE_H
#include <stdbool.h>
#include <stddef.h>
#include "config/config.h"

enum ykind { Y_SCALAR, Y_MAP, Y_SEQ };

struct ynode {
    enum ykind kind;
    int line, col;              /* 1-based position of the node */
    bool bad;                   /* already reported (alias): say no more */
    char *text;                 /* scalar: NUL-terminated copy */
    size_t len;
    char *key;                  /* value in a mapping: its key */
    int key_line, key_col;
    struct ynode *child, *last, *next;
    int n;                      /* number of children */
};

/* The file being read: its name for messages and where errors go. */
struct yctx {
    const char *file;
    struct config_errors *errs;
};

/* Records one error (line 0: about the whole file). */
void cfg_error(struct config_errors *errs, const char *file, int line, int col,
               const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void y_error(const struct yctx *c, const struct ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Same, at the key of a mapping value. */
void y_key_error(const struct yctx *c, const struct ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Puts the errors from index `from` on in file order (line, column). */
void cfg_sort_errors(struct config_errors *errs, int from);

/* Parses buf (len bytes). Returns the root, or NULL after a syntax error
 * (reported) or for a document with no content (not reported). Problems
 * that leave the tree readable (duplicate key, alias...) are reported and
 * the tree is still returned, so that the loader finds the other errors. */
struct ynode *ytree_parse(const struct yctx *c, const unsigned char *buf, size_t len);
void ytree_free(struct ynode *n);

/* The value of key in mapping m, or NULL. */
const struct ynode *y_get(const struct ynode *m, const char *key);

/* Reports every key of m not in allowed (NULL-terminated), with a "did
 * you mean" when one is close. path names m in messages ("" at the top).
 * Returns the number reported. */
int y_check_keys(const struct yctx *c, const struct ynode *m, const char *path,
                 const char *const *allowed);
/* The closest of the candidates to word by edit distance, or NULL when
 * none is close enough to be a likely typo. */
const char *y_suggest(const char *word, const char *const *candidates);

/* "path.key" into buf (just key when path is ""). */
const char *y_path(char *buf, size_t size, const char *path, const char *key);
/* What a node holds, for "got ...": "\"two\"", "a list", "a mapping", "nothing". */
const char *y_got(const struct ynode *n, char *buf, size_t size);

/* Typed scalars. Each reports "<what> must be <expected>, got ..." at n
 * and returns false when n is not what is asked. */
bool y_int(const struct yctx *c, const struct ynode *n, const char *what,
           long long lo, long long hi, long long *out);
bool y_bool(const struct yctx *c, const struct ynode *n, const char *what, bool *out);
/* A decimal with at most two places, as hundredths ("0.90" -> 90). */
bool y_hundredths(const struct yctx *c, const struct ynode *n, const char *what,
                  long long lo, long long hi, long long *out);
/* One of names (NULL-terminated); *out is its index. */
bool y_choice(const struct yctx *c, const struct ynode *n, const char *what,
              const char *const *names, int *out);
/* A text of 1..size-1 bytes copied into out. */
bool y_string(const struct yctx *c, const struct ynode *n, const char *what,
              char *out, size_t size);
/* Requires a mapping (or a list); reports otherwise. */
bool y_is_map(const struct yctx *c, const struct ynode *n, const char *what);
bool y_is_seq(const struct yctx *c, const struct ynode *n, const char *what);
/* "a, b or c" from names, for messages. */
const char *y_join(const char *const *names, char *buf, size_t size);

/* A list of role names as a bit set of enum role (workflow_load.c). */
bool cfg_roles(const struct yctx *c, const struct ynode *n, const char *what,
               unsigned *out);

/* Reads a whole file (at most 1 MiB). Returns 0, or -1 with the error
 * recorded (not_found set when the file does not exist). */
int cfg_read_file(const char *path, struct config_errors *errs,
                  unsigned char **buf, size_t *len, bool *not_found);
#endif
