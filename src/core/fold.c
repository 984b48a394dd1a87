/* ASCII case folding (see fold.h). */
#include <string.h>
#include "core/fold.h"

char *fold_str(char *s)
{
    for (char *p = s; *p; p++)
        *p = (char)fold_char((unsigned char)*p);
    return s;
}

bool fold_contains(const char *hay, const char *needle, size_t n)
{
    if (n == 0)
        return true;
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] && fold_char((unsigned char)hay[i]) == (unsigned char)needle[i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

bool fold_contains_any(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return true;
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] &&
               fold_char((unsigned char)hay[i]) == fold_char((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return false;
}

int fold_cmp(const char *a, const char *b, size_t max)
{
    for (size_t i = 0; i < max; i++) {
        unsigned char x = fold_char((unsigned char)a[i]), y = fold_char((unsigned char)b[i]);
        if (x != y)
            return x < y ? -1 : 1;
        if (x == 0)
            return 0;
    }
    return 0;
}
