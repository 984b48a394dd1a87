/* Bytes as lowercase hexadecimal (see hex.h). A table, not snprintf: an
 * audit export writes millions of these digits. */
#include "core/hex.h"

void hex_encode(const void *bytes, size_t n, char *out)
{
    static const char digit[] = "0123456789abcdef";
    const unsigned char *p = bytes;
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digit[p[i] >> 4];
        out[2 * i + 1] = digit[p[i] & 15];
    }
    out[2 * n] = '\0';
}
