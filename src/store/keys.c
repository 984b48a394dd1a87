/* Index key construction. */
#include <string.h>
#include "core/fold.h"
#include "store/codec.h"
#include "store/keys.h"

size_t store_name_key(const char *name, const char *nip, unsigned char out[STORE_NAME_KEY_MAX])
{
    size_t n = 0;
    for (; name[n] && n < NAME_SIZE - 1; n++)
        out[n] = fold_char((unsigned char)name[n]);
    out[n++] = '\0';
    size_t m = strnlen(nip, NIP_LEN);
    memcpy(out + n, nip, m);
    return n + m;
}

bool store_name_differs(const char *a, const char *b)
{
    size_t i = 0;
    for (; a[i] && b[i] && i < NAME_SIZE - 1; i++)
        if (fold_char((unsigned char)a[i]) != fold_char((unsigned char)b[i]))
            return true;
    if (i == NAME_SIZE - 1)
        return false;
    return a[i] != b[i];
}

int store_name_cmp(const char *a, const char *b)
{
    return fold_cmp(a, b, NAME_SIZE - 1);
}

void store_history_key(const char *nip, mdate since, unsigned seq,
                       unsigned char out[STORE_HIST_KEY_LEN])
{
    memcpy(out, nip, NIP_LEN);
    codec_be32_signed(out + NIP_LEN, since);
    out[NIP_LEN + 4] = (unsigned char)(seq >> 8);
    out[NIP_LEN + 5] = (unsigned char)seq;
}
