/* Index keys of the store that need more than the record's own key. */
#ifndef MUTASI_STORE_KEYS_H
#define MUTASI_STORE_KEYS_H
#include <stdbool.h>
#include <stddef.h>
#include "core/record.h"

/* staff_by_name key: the case-folded name, a NUL, the NIP. The NUL sorts a
 * name before its longer extensions ("ani" < "ani budi") and the NIP keeps
 * people of the same name apart, in NIP order. */
#define STORE_NAME_KEY_MAX (NAME_SIZE + 1 + NIP_LEN)
/* Writes the key for name and nip (nip may be "", giving the prefix that
 * sorts before every person of that name); returns its length. */
size_t store_name_key(const char *name, const char *nip, unsigned char out[STORE_NAME_KEY_MAX]);
/* True when the two names fold to different index keys. */
bool store_name_differs(const char *a, const char *b);
/* Orders two names as their keys do (case-folded bytes, shorter first). */
int store_name_cmp(const char *a, const char *b);
/* history key: the NIP, the date (biased big-endian, so earlier dates sort
 * first) and a 2-byte sequence keeping several lines of one day in order. */
#define STORE_HIST_KEY_LEN (NIP_LEN + 4 + 2)
void store_history_key(const char *nip, mdate since, unsigned seq,
                       unsigned char out[STORE_HIST_KEY_LEN]);
#endif
