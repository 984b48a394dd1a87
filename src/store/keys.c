/* Index key construction. */
#include <endian.h>
#include <string.h>
#include "store/codec.h"
#include "store/keys.h"

/* Eight digits at s as a number, all at once (the bytes as one 64-bit
 * word: digits paired, then the pairs, then the fours); false when one
 * of them is no digit. A bulk load packs every NIP several times. */
static bool eight_digits(const char *s, uint64_t *out)
{
    uint64_t c;
    memcpy(&c, s, 8);
    c = le64toh(c);
    if ((c & UINT64_C(0xF0F0F0F0F0F0F0F0)) != UINT64_C(0x3030303030303030) ||
        ((c + UINT64_C(0x0606060606060606)) & UINT64_C(0xF0F0F0F0F0F0F0F0)) !=
            UINT64_C(0x3030303030303030))
        return false;
    uint64_t v = c - UINT64_C(0x3030303030303030);
    v = v * 10 + (v >> 8);
    v = ((v & UINT64_C(0x000000FF000000FF)) * UINT64_C(0x000F424000000064) +
         ((v >> 16) & UINT64_C(0x000000FF000000FF)) * UINT64_C(0x0000271000000001)) >> 32;
    *out = v;
    return true;
}

bool store_nip_number(const char *nip, uint64_t *out)
{
    uint64_t hi, mid;
    if (strnlen(nip, NIP_LEN) != NIP_LEN || !eight_digits(nip, &hi) ||
        !eight_digits(nip + 8, &mid))
        return false;
    unsigned d16 = (unsigned char)nip[16] - '0', d17 = (unsigned char)nip[17] - '0';
    if (d16 > 9 || d17 > 9)
        return false;
    *out = hi * UINT64_C(10000000000) + mid * 100 + d16 * 10 + d17;
    return true;
}

void store_nip_text(uint64_t v, char out[NIP_LEN + 1])
{
    for (int i = NIP_LEN - 1; i >= 0; i--, v /= 10)
        out[i] = (char)('0' + v % 10);
    out[NIP_LEN] = '\0';
}

bool store_nip_pack(const char *nip, unsigned char out[STORE_NIP_REF_LEN])
{
    uint64_t v;
    if (!store_nip_number(nip, &v))
        return false;
    codec_be64(out, v);
    return true;
}

bool store_nip_unpack(const unsigned char ref[STORE_NIP_REF_LEN], char out[NIP_LEN + 1])
{
    uint64_t v = codec_from_be64(ref);
    if (v >= UINT64_C(1000000000000000000))
        return false;
    store_nip_text(v, out);
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
