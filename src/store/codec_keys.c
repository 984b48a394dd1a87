/* Big-endian key helpers (codec.h): keys sort as their bytes. */
#include <endian.h>
#include <string.h>
#include "store/codec.h"

void codec_be32(unsigned char out[4], uint32_t v)
{
    uint32_t be = htobe32(v);
    memcpy(out, &be, 4);
}

void codec_be64(unsigned char out[8], uint64_t v)
{
    uint64_t be = htobe64(v);
    memcpy(out, &be, 8);
}

uint32_t codec_from_be32(const unsigned char in[4])
{
    uint32_t be;
    memcpy(&be, in, 4);
    return be32toh(be);
}

uint64_t codec_from_be64(const unsigned char in[8])
{
    uint64_t be;
    memcpy(&be, in, 8);
    return be64toh(be);
}

void codec_be32_signed(unsigned char out[4], int32_t v)
{
    codec_be32(out, (uint32_t)v ^ 0x80000000u);
}
