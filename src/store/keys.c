/* Index key construction. */
#include <string.h>
#include "store/codec.h"
#include "store/keys.h"

size_t store_name_key(const char *name, const char *nip, unsigned char out[STORE_NAME_KEY_MAX])
{
    size_t n = name_sort_key(name, out, NAME_SORT_KEY_MAX);
    out[n++] = '\0';
    size_t m = strnlen(nip, NIP_LEN);
    memcpy(out + n, nip, m);
    return n + m;
}

bool store_name_differs(const char *a, const char *b)
{
    return name_sort_cmp(a, b) != 0;
}

int store_name_cmp(const char *a, const char *b)
{
    return name_sort_cmp(a, b);
}

void store_history_key(const char *nip, mdate since, unsigned seq,
                       unsigned char out[STORE_HIST_KEY_LEN])
{
    memcpy(out, nip, NIP_LEN);
    codec_be32_signed(out + NIP_LEN, since);
    out[NIP_LEN + 4] = (unsigned char)(seq >> 8);
    out[NIP_LEN + 5] = (unsigned char)seq;
}
_Static_assert(STORE_HIST_KEY_LEN == CODEC_HIST_KEY_LEN, "the codec reads history keys");
