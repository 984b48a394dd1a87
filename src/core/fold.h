/* ASCII case folding and the name order, shared by the name index, the
 * searches and the screens. Only the letters A-Z fold; every other byte
 * (UTF-8 sequences included) stays as it is, so a fold never breaks a
 * multibyte character and never depends on the locale.
 *
 * Usage:
 *     if (fold_contains(s->name, needle, strlen(needle))) ...   needle folded
 *     qsort(..., cmp) with fold_cmp(a->name, b->name) then the NIP
 */
#ifndef MUTASI_CORE_FOLD_H
#define MUTASI_CORE_FOLD_H
#include <stdbool.h>
#include <stddef.h>

static inline unsigned char fold_char(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}
/* Folds s in place; returns s. */
char *fold_str(char *s);
/* True when hay contains needle (n bytes, already folded), hay folded as
 * it is read. An empty needle is in every text. */
bool fold_contains(const char *hay, const char *needle, size_t n);
/* The same with neither side folded beforehand. */
bool fold_contains_any(const char *hay, const char *needle);
/* Orders a and b as their folded bytes do (shorter first), looking at no
 * more than max bytes of each: the order of the staff name index. */
int fold_cmp(const char *a, const char *b, size_t max);
#endif
