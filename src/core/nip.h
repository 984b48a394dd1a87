/* NIP: 18 digits = birth date YYYYMMDD, CPNS start YYYYMM, sex digit,
 * 3-digit sequence. */
#ifndef MUTASI_CORE_NIP_H
#define MUTASI_CORE_NIP_H
#include <stddef.h>
#include "core/date.h"

#define NIP_LEN 18
#define NIP_FMT_LEN 21 /* "19860926 201505 1 001" */

enum nip_error {
    NIP_OK = 0,
    NIP_ERR_LENGTH,     /* not 18 digits once spaces are removed */
    NIP_ERR_CHAR,       /* a character other than a digit or space */
    NIP_ERR_BIRTH,      /* birth date part is not a possible date (>= 1900) */
    NIP_ERR_CPNS,       /* CPNS month impossible, or its year not 15..70
                           years after the birth year */
    NIP_ERR_SEX,        /* sex digit not 1 or 2 */
    NIP_ERR_NUMBER,     /* written as a number by a spreadsheet: "1,96711E+17",
                           "196711231990031000.00" */
    NIP_ERR_SEQUENCE,   /* sequence 000, which no NIP has: what is left when a
                           spreadsheet keeps 15 significant digits */
};

/* Strips spaces, checks the digits and every part (the sequence 000 is
 * refused: NIP_ERR_SEQUENCE). On NIP_OK, out holds
 * the 18 digits and a NUL. */
enum nip_error nip_parse(const char *s, size_t len, char out[NIP_LEN + 1]);
/* Translated sentence for an error ("the birth date part 19861331 is not a date"). */
const char *nip_error_text(enum nip_error e);
/* "19860926 201505 1 001"; nip must be 18 digits. */
void nip_format(const char *nip, char out[NIP_FMT_LEN + 1]);
mdate nip_birth_date(const char *nip);
void nip_cpns_start(const char *nip, int *year, int *month);
int nip_sex(const char *nip); /* enum sex */
#endif
