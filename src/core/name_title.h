/* A person's name without the titles Indonesian names carry: front titles
 * (dr., Dr., drg., drh., Drs., Dra., Ir., Prof., H., Hj., K.H., Ns., apt.
 * ...) and back titles after a comma (", S.Pd., M.Si.", ", SH, MM"), so
 * that lists sort "dr. Siti Aminah, M.Kes." under S. Pure: no I/O, no
 * locale; the letters fold as fold.h folds them.
 *
 * Usage:
 *     struct name_span c = name_core(s->name);
 *     printf("%.*s", (int)(c.end - c.start), s->name + c.start);
 *     qsort(..., cmp) with name_sort_cmp(a->name, b->name) then the NIP
 *
 * What counts as a title, and why:
 * - front: whole words from a known list, with or without their dot
 *   (a one-letter title, "H.", only with it), also run together
 *   ("Prof.Dr.", "K.H."); "M." stays a name (Muhammad);
 * - back: from the first comma after which every comma-separated part
 *   is a title (holds a dot, is a run of 2 to 6 letters with at least
 *   two capitals: "SH", "SPd", or is Ners, Apt, Amd, PhD, MBA, BSc or
 *   MSc); without a comma, trailing words holding a
 *   dot and a part of two letters or more ("S.Pd", not the initials
 *   "A.R."), since "Budi S.H." cannot be told from initials;
 * - a name that is nothing but titles keeps them all: the core is the
 *   whole name, trimmed. */
#ifndef MUTASI_CORE_NAME_TITLE_H
#define MUTASI_CORE_NAME_TITLE_H
#include <stddef.h>
#include "core/record.h"

/* name[start..end) is the name without its titles, without the spaces
 * and commas around it; the titles are name[0..start) and name[end..]. */
struct name_span {
    size_t start, end;
};
struct name_span name_core(const char *name);

/* The sort key of a name: the core folded; then, when the name has
 * titles, 0x01, the front titles folded, 0x01, the back titles folded
 * (0x01 sorts below every character of a name, which holds no control
 * characters, so "ani" sorts before "ani budi" whatever its titles).
 * The prefix, core and suffix together give the whole name folded back.
 * Writes at most cap bytes (cap >= 1: NAME_SORT_KEY_MAX for a record's
 * name); returns the length. */
#define NAME_SORT_SEP '\x01'
#define NAME_SORT_KEY_MAX (NAME_SIZE + 2)
size_t name_sort_key(const char *name, unsigned char *out, size_t cap);
/* Orders two names as their sort keys do (bytes, shorter first); the
 * _spans form with their cores found beforehand (name_core), for sorting
 * many names. */
int name_sort_cmp(const char *a, const char *b);
int name_sort_cmp_spans(const char *a, struct name_span sa, const char *b, struct name_span sb);
/* The whole name, folded, from a sort key (len bytes) into out (cap
 * bytes, no NUL written); returns its length. */
size_t name_sort_key_name(const unsigned char *key, size_t len, unsigned char *out, size_t cap);
#endif
