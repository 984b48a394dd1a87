/* Index key construction. */
#include <string.h>
#include "store/codec.h"
#include "store/keys.h"

bool store_nip_pack(const char *nip, unsigned char out[STORE_NIP_REF_LEN])
{
    uint64_t v = 0;
    for (int i = 0; i < NIP_LEN; i++) {
        if (nip[i] < '0' || nip[i] > '9')
            return false;
        v = v * 10 + (uint64_t)(nip[i] - '0');
    }
    codec_be64(out, v);
    return true;
}

bool store_nip_unpack(const unsigned char ref[STORE_NIP_REF_LEN], char out[NIP_LEN + 1])
{
    uint64_t v = codec_from_be64(ref);
    if (v >= UINT64_C(1000000000000000000))
        return false;
    for (int i = NIP_LEN - 1; i >= 0; i--, v /= 10)
        out[i] = (char)('0' + v % 10);
    out[NIP_LEN] = '\0';
    return true;
}

size_t store_name_key(const char *name, const char *nip, unsigned char out[STORE_NAME_KEY_MAX])
{
    size_t n = name_sort_key(name, out, NAME_SORT_KEY_MAX);
    out[n++] = '\0';
    if (store_nip_pack(nip, out + n))
        n += STORE_NIP_REF_LEN;
    return n;
}

bool store_name_differs(const char *a, const char *b)
{
    return name_sort_cmp(a, b) != 0;
}

int store_name_cmp(const char *a, const char *b)
{
    return name_sort_cmp(a, b);
}

bool store_history_key(const char *nip, mdate since, unsigned seq,
                       unsigned char out[STORE_HIST_KEY_LEN])
{
    if (!store_nip_pack(nip, out))
        return false;
    codec_be32_signed(out + STORE_NIP_REF_LEN, since);
    out[STORE_NIP_REF_LEN + 4] = (unsigned char)(seq >> 8);
    out[STORE_NIP_REF_LEN + 5] = (unsigned char)seq;
    return true;
}
_Static_assert(STORE_HIST_KEY_LEN == CODEC_HIST_KEY_LEN, "the codec reads history keys");
