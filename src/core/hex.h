/* Bytes as lowercase hexadecimal: the one encoder of hashes and digests
 * for people and files (audit hashes, anchors, file checksums).
 *     char hex[2 * 32 + 1];
 *     hex_encode(sha256, 32, hex);
 */
#ifndef MUTASI_CORE_HEX_H
#define MUTASI_CORE_HEX_H
#include <stddef.h>

/* Writes 2 * n digits and a NUL to out (2 * n + 1 bytes). */
void hex_encode(const void *bytes, size_t n, char *out);
#endif
