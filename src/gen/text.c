/* The demo's texts without printf (gen/text.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "gen/text.h"

size_t gen_cat(char *out, size_t size, ...)
{
    va_list ap;
    size_t len = 0;
    if (size == 0)
        return 0;
    va_start(ap, size);
    for (const char *s = va_arg(ap, const char *); s; s = va_arg(ap, const char *)) {
        size_t n = strlen(s);
        if (n > size - 1 - len)
            n = size - 1 - len;
        memcpy(out + len, s, n);
        len += n;
    }
    va_end(ap);
    out[len] = '\0';
    return len;
}

char *gen_digits(char *out, int width, unsigned long v)
{
    for (int i = width - 1; i >= 0; i--, v /= 10)
        out[i] = (char)('0' + v % 10);
    return out + width;
}

void gen_copy(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void gen_textf(char *dst, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, size, fmt, ap);
    va_end(ap);
}
