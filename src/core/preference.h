/* A person's wishes about where they work (the staff's voice, DESIGN
 * `import preferences`): places they prefer and places they would avoid,
 * each a unit code or a district (kecamatan) name as the units carry it,
 * and a free note. Kept per person by the store; shown in the person's
 * detail and `staff show`; the optimiser turns them into cost terms
 * (core/planner.h, weights in policy.yaml's optimiser section).
 *
 * Usage:
 *     struct preference p = {0};
 *     if (preference_places_parse("DINKES.PKM03|Sukamaju", len, p.prefer,
 *                                 &p.nprefer, err, sizeof err) != 0) ... err ...
 *     struct verrs v = {0};
 *     if (preference_validate(&p, &v) > 0) ... v.e[i].field, v.e[i].msg ...
 *     if (preference_matches(p.prefer, p.nprefer, unit_code, district)) ... */
#ifndef MUTASI_CORE_PREFERENCE_H
#define MUTASI_CORE_PREFERENCE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/record.h"

#define PREF_PLACES_MAX 8
#define PREF_PLACE_SIZE DISTRICT_SIZE    /* a unit code (32) or a district (48) */
#define PREF_NOTE_SIZE 200

struct preference {
    char nip[NIP_LEN + 1];
    uint8_t nprefer, navoid;
    char prefer[PREF_PLACES_MAX][PREF_PLACE_SIZE];
    char avoid[PREF_PLACES_MAX][PREF_PLACE_SIZE];
    char note[PREF_NOTE_SIZE];
};

/* "A|B|C" (spaces around each trimmed, empty parts skipped) into out.
 * 0, or -1 with a translated reason in err (too many, one too long or
 * with control characters, one named twice). */
int preference_places_parse(const char *s, size_t len, char out[PREF_PLACES_MAX][PREF_PLACE_SIZE],
                            uint8_t *n, char *err, size_t errlen);
/* "A|B|C" of a list. */
void preference_places_format(const char (*places)[PREF_PLACE_SIZE], uint8_t n, char *out,
                              size_t size);
/* The record on its own: an 18-digit NIP, a place not both preferred and
 * avoided, a note without control characters. Returns problems added. */
int preference_validate(const struct preference *p, struct verrs *v);
/* Whether a list names this unit (its code) or its district. */
bool preference_matches(const char (*places)[PREF_PLACE_SIZE], uint8_t n, const char *unit,
                        const char *district);
#endif
