/* The primitives of the record codec, shared by codec.c and
 * codec_plan.c only: a bounded writer and reader of little-endian
 * integers, varints and length-prefixed strings. */
#ifndef MUTASI_STORE_CODEC_PRIM_H
#define MUTASI_STORE_CODEC_PRIM_H
#include <endian.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "store/codec.h"

/* --- writing ------------------------------------------------------------ */

struct wbuf {
    unsigned char *p;
    size_t len, cap;
    bool over;                  /* a write did not fit */
};

static inline void put_bytes(struct wbuf *w, const void *src, size_t n)
{
    if (w->over || n > w->cap - w->len) {
        w->over = true;
        return;
    }
    memcpy(w->p + w->len, src, n);
    w->len += n;
}

static inline void put_u8(struct wbuf *w, uint8_t v) { put_bytes(w, &v, 1); }

static inline void put_u16(struct wbuf *w, uint16_t v)
{
    uint16_t le = htole16(v);
    put_bytes(w, &le, 2);
}

static inline void put_u32(struct wbuf *w, uint32_t v)
{
    uint32_t le = htole32(v);
    put_bytes(w, &le, 4);
}

static inline void put_u64(struct wbuf *w, uint64_t v)
{
    uint64_t le = htole64(v);
    put_bytes(w, &le, 8);
}

static inline void put_i32(struct wbuf *w, int32_t v) { put_u32(w, (uint32_t)v); }
static inline void put_i64(struct wbuf *w, int64_t v) { put_u64(w, (uint64_t)v); }

/* field_size bounds the read so an unterminated field never overruns. */
static inline void put_str(struct wbuf *w, const char *s, size_t field_size)
{
    size_t n = strnlen(s, field_size);
    if (n >= field_size || n > 255) {
        w->over = true;         /* not a valid NUL-terminated field */
        return;
    }
    put_u8(w, (uint8_t)n);
    put_bytes(w, s, n);
}

/* An unsigned number in 7-bit groups, low first (LEB128): dates and
 * minutes take 2 or 3 bytes instead of 4 or 8. */
static inline void put_uvar(struct wbuf *w, uint64_t v)
{
    while (v >= 0x80) {
        put_u8(w, (uint8_t)(v | 0x80));
        v >>= 7;
    }
    put_u8(w, (uint8_t)v);
}

/* A signed number zigzagged (0, -1, 1, -2 ...) into put_uvar. */
static inline void put_zvar(struct wbuf *w, int64_t v)
{
    put_uvar(w, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

/* An int32_t (a date, a count): INT32_MIN (MDATE_NONE) as 0, any other
 * value zigzagged and one up, so that "no date" takes one byte. */
static inline void put_i32v(struct wbuf *w, int32_t v)
{
    put_uvar(w, v == INT32_MIN ? 0 : (((uint64_t)(int64_t)v << 1) ^ (uint64_t)((int64_t)v >> 63)) + 1);
}

/* A string after one it often extends or shortens (a post's unit after
 * its position code): how many leading bytes it shares with prev, then
 * the rest as put_str. */
static inline void put_str_after(struct wbuf *w, const char *s, size_t field_size, const char *prev)
{
    size_t n = 0;
    while (n < 255 && s[n] && s[n] == prev[n])
        n++;
    if (n >= field_size) {
        w->over = true;
        return;
    }
    put_u8(w, (uint8_t)n);
    put_str(w, s + n, field_size - n);
}

static inline void put_comps(struct wbuf *w, uint8_t n, const struct competency *c)
{
    if (n > COMP_MAX) {
        w->over = true;
        return;
    }
    put_u8(w, n);
    for (int i = 0; i < n; i++) {
        put_str(w, c[i].code, sizeof c[i].code);
        put_u8(w, c[i].level);
    }
}

static inline size_t finish(const struct wbuf *w) { return w->over ? 0 : w->len; }

/* The end of every stored record: a checksum of the bytes before it,
 * little-endian, so that damage is noticed instead of decoded. */
static inline size_t seal(struct wbuf *w)
{
    if (!w->over)
        put_u32(w, codec_crc(w->p, w->len));
    return finish(w);
}

/* --- reading ------------------------------------------------------------ */

struct rbuf {
    const unsigned char *p;
    size_t len, pos;
    bool bad;
};

static inline void get_bytes(struct rbuf *r, void *dst, size_t n)
{
    if (r->bad || n > r->len - r->pos) {
        r->bad = true;
        memset(dst, 0, n);
        return;
    }
    memcpy(dst, r->p + r->pos, n);
    r->pos += n;
}

static inline uint8_t get_u8(struct rbuf *r)
{
    uint8_t v;
    get_bytes(r, &v, 1);
    return v;
}

static inline uint16_t get_u16(struct rbuf *r)
{
    uint16_t v;
    get_bytes(r, &v, 2);
    return le16toh(v);
}

static inline uint32_t get_u32(struct rbuf *r)
{
    uint32_t v;
    get_bytes(r, &v, 4);
    return le32toh(v);
}

static inline uint64_t get_u64(struct rbuf *r)
{
    uint64_t v;
    get_bytes(r, &v, 8);
    return le64toh(v);
}

static inline int32_t get_i32(struct rbuf *r) { return (int32_t)get_u32(r); }
static inline int64_t get_i64(struct rbuf *r) { return (int64_t)get_u64(r); }

static inline void get_str(struct rbuf *r, char *out, size_t size)
{
    size_t n = get_u8(r);
    if (r->bad || n >= size) {
        r->bad = true;
        out[0] = '\0';
        return;
    }
    get_bytes(r, out, n);
    out[n] = '\0';
    if (memchr(out, '\0', n))
        r->bad = true;          /* never written so: the encoder stops at a NUL */
}

/* Only the shortest form decodes (no trailing zero groups, nothing past
 * 64 bits): a record reads back as exactly the bytes it was written as. */
static inline uint64_t get_uvar(struct rbuf *r)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && !r->bad; shift += 7) {
        uint8_t b = get_u8(r);
        if ((shift > 0 && b == 0) || (shift == 63 && b > 1))
            break;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
    r->bad = true;
    return 0;
}

static inline int64_t get_zvar(struct rbuf *r)
{
    uint64_t u = get_uvar(r);
    return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

/* What put_i32v wrote. */
static inline int32_t get_i32v(struct rbuf *r)
{
    uint64_t u = get_uvar(r);
    if (u == 0)
        return INT32_MIN;
    u--;
    int64_t v = (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
    if (v <= INT32_MIN || v > INT32_MAX) {    /* INT32_MIN is written as 0 */
        r->bad = true;
        return 0;
    }
    return (int32_t)v;
}

static inline void get_str_after(struct rbuf *r, char *out, size_t size, const char *prev)
{
    size_t n = get_u8(r);
    if (r->bad || n > strnlen(prev, size) || n >= size) {
        r->bad = true;
        out[0] = '\0';
        return;
    }
    memcpy(out, prev, n);
    get_str(r, out + n, size - n);
    if (n < 255 && prev[n] && out[n] == prev[n])
        r->bad = true;          /* not the whole shared prefix: never written so */
}

static inline uint8_t get_comps(struct rbuf *r, struct competency *c)
{
    uint8_t n = get_u8(r);
    if (n > COMP_MAX) {
        r->bad = true;
        return 0;
    }
    for (int i = 0; i < n && !r->bad; i++) {
        get_str(r, c[i].code, sizeof c[i].code);
        c[i].level = get_u8(r);
    }
    return n;
}

static inline void rbuf_open(struct rbuf *r, const void *buf, size_t len)
{
    r->p = buf;
    r->len = len >= CODEC_SEAL ? len - CODEC_SEAL : 0;
    r->pos = 0;
    r->bad = !codec_sealed(buf, len);
}

static inline void rbuf_start(struct rbuf *r, const void *buf, size_t len)
{
    rbuf_open(r, buf, len);
    if (get_u8(r) != CODEC_VERSION)
        r->bad = true;
}

/* Positions, staff and history: CODEC_VERSION or CODEC_COMPACT; which. */
static inline int rbuf_start_compact(struct rbuf *r, const void *buf, size_t len)
{
    rbuf_open(r, buf, len);
    uint8_t v = get_u8(r);
    if (v != CODEC_VERSION && v != CODEC_COMPACT)
        r->bad = true;
    return v;
}

/* A date (or any int32): 4 bytes in version 1, zigzagged after. */
static inline int32_t get_date(struct rbuf *r, int v)
{
    return v == CODEC_COMPACT ? get_i32v(r) : get_i32(r);
}

/* A record decodes only when every byte was used: leftovers mean another
 * layout than this version's. */
static inline int rbuf_end(const struct rbuf *r) { return r->bad || r->pos != r->len ? -1 : 0; }
#endif
