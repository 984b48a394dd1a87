/* Index keys of the store that need more than the record's own key. */
#ifndef MUTASI_STORE_KEYS_H
#define MUTASI_STORE_KEYS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/name_title.h"
#include "core/record.h"

/* A NIP as the staff indexes file it (schema 8): its 18 digits as one
 * number, 8 bytes big-endian. 10^18 < 2^63, and numbers of 18 digits
 * order as their text does, so the indexes keep their order; the entry
 * takes 8 bytes instead of 18. */
#define STORE_NIP_REF_LEN 8
/* The first 18 bytes of nip as a number (false when they are not all
 * digits), and a number below 10^18 back as 18 digits and a NUL. */
bool store_nip_number(const char *nip, uint64_t *out);
void store_nip_text(uint64_t v, char out[NIP_LEN + 1]);
/* Packs the first 18 bytes of nip (what follows is not read: a NIP field
 * without its NUL will do); false (out untouched) when they are not all
 * digits (a NUL among them stops the reading there). */
bool store_nip_pack(const char *nip, unsigned char out[STORE_NIP_REF_LEN]);
/* The 18 digits and a NUL; false when ref is no packed NIP (too large). */
bool store_nip_unpack(const unsigned char ref[STORE_NIP_REF_LEN], char out[NIP_LEN + 1]);

/* staff_by_name key: the name's sort key (core/name_title.h: the name
 * without its titles, case-folded, then its titles), a NUL, the packed
 * NIP (store_nip_pack); the entry's value is empty (the NIP is in the
 * key). The NUL sorts a name before its longer extensions ("ani" < "ani
 * budi") and the NIP keeps people of the same name apart, in NIP order.
 * The sort key holds no NUL, so the first NUL is the separator. */
#define STORE_NAME_KEY_MAX (NAME_SORT_KEY_MAX + 1 + STORE_NIP_REF_LEN)
/* Writes the key for name and nip (nip may be "", giving the prefix that
 * sorts before every person of that name; a nip of other than 18 digits
 * counts as ""); returns its length. */
size_t store_name_key(const char *name, const char *nip, unsigned char out[STORE_NAME_KEY_MAX]);
/* True when the two names have different index keys. */
bool store_name_differs(const char *a, const char *b);
/* Orders two names as their keys do (name_sort_cmp). */
int store_name_cmp(const char *a, const char *b);
/* history key: the packed NIP (schema 8; its 18 digits before), the date
 * (biased big-endian, so earlier dates sort first) and a 2-byte sequence
 * keeping several lines of one day in order. A person's lines are the
 * keys that begin with their packed NIP. False when nip is not 18
 * digits. */
#define STORE_HIST_KEY_LEN (STORE_NIP_REF_LEN + 4 + 2)
bool store_history_key(const char *nip, mdate since, unsigned seq,
                       unsigned char out[STORE_HIST_KEY_LEN]);
#endif
