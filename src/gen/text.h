/* Building the demo's texts (names, codes, NIPs) without printf: a
 * million people take several texts each, and formatting them with
 * snprintf was a tenth of the generator's time. Internal to gen/.
 *
 *     char name[NAME_SIZE];
 *     gen_cat(name, sizeof name, "Kepala ", unit_name, NULL);
 *     gen_digits(nip, 4, year);           (writes "1986", no NUL)
 */
#ifndef MUTASI_GEN_TEXT_H
#define MUTASI_GEN_TEXT_H
#include <stddef.h>

/* The strings up to the NULL one after another into out (size bytes, cut
 * short to fit, always NUL-terminated like snprintf); returns the
 * length written. */
size_t gen_cat(char *out, size_t size, ...) __attribute__((sentinel));
/* src into dst (size bytes), cut short to fit; always NUL-terminated. */
void gen_copy(char *dst, size_t size, const char *src);
/* snprintf that cuts long texts short on purpose: every field has a
 * fixed size and the tables are written to fit (tests check the
 * results). For the few texts made once per unit or position. */
void gen_textf(char *dst, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* v as exactly width decimal digits (zero-padded, the high digits of a
 * wider number dropped); no NUL. Returns out + width. */
char *gen_digits(char *out, int width, unsigned long v);
#endif
