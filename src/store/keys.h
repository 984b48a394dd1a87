/* Index keys of the store that need more than the record's own key. */
#ifndef MUTASI_STORE_KEYS_H
#define MUTASI_STORE_KEYS_H
#include <stdbool.h>
#include <stddef.h>
#include "core/name_title.h"
#include "core/record.h"

/* staff_by_name key: the name's sort key (core/name_title.h: the name
 * without its titles, case-folded, then its titles), a NUL, the NIP; the
 * entry's value is empty (the NIP is in the key). The NUL sorts a name
 * before its longer extensions ("ani" < "ani budi") and the NIP keeps
 * people of the same name apart, in NIP order. */
#define STORE_NAME_KEY_MAX (NAME_SORT_KEY_MAX + 1 + NIP_LEN)
/* Writes the key for name and nip (nip may be "", giving the prefix that
 * sorts before every person of that name); returns its length. */
size_t store_name_key(const char *name, const char *nip, unsigned char out[STORE_NAME_KEY_MAX]);
/* True when the two names have different index keys. */
bool store_name_differs(const char *a, const char *b);
/* Orders two names as their keys do (name_sort_cmp). */
int store_name_cmp(const char *a, const char *b);
/* history key: the NIP, the date (biased big-endian, so earlier dates sort
 * first) and a 2-byte sequence keeping several lines of one day in order. */
#define STORE_HIST_KEY_LEN (NIP_LEN + 4 + 2)
void store_history_key(const char *nip, mdate since, unsigned seq,
                       unsigned char out[STORE_HIST_KEY_LEN]);
#endif
