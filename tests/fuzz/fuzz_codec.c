/* libFuzzer target: the record decoders of store/codec.c, which read what
 * the database file holds, damaged or not. The first byte of the input
 * picks the decoder (0x40 set: the preferences, else the byte modulo 7
 * the others), the rest is the stored value. Besides "no crash, no
 * undefined behaviour, no read past len", it checks:
 *   - a value decodes only when its seal (checksum) matches;
 *   - a value that decodes encodes back to exactly the same bytes (the
 *     layout is unambiguous; an older plan or move is written in the
 *     newest version, plans 2 and moves 3 with objections, so only those
 *     are compared), and with one byte changed no longer decodes as the
 *     same record. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/preference.h"
#include "store/codec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

union any {
    struct unit u;
    struct position p;
    struct staff s;
    struct history h;
    struct audit_entry a;
    struct plan pl;
    struct move m;
    struct preference pr;
};

static struct wf_event timeline[PLAN_TIMELINE_MAX];
static size_t ntimeline;

static int decode(int which, const void *buf, size_t len, union any *out)
{
    switch (which) {
    case 0: return codec_get_unit(buf, len, &out->u);
    case 1: return codec_get_position(buf, len, &out->p);
    case 2: return codec_get_staff(buf, len, "198001012005011001", 18, &out->s);
    /* the key of 198001012005011001's line (keys.h: packed NIP, date, sequence) */
    case 3: return codec_get_history(buf, len, "\x02\xbf\x70\xdf\x11\xb9\xfe\x39\x80\0\0\0\0\0", 14,
                                     &out->h);
    case 4: return codec_get_audit(buf, len, &out->a);
    case 5: return codec_get_plan_timeline(buf, len, &out->pl, timeline, PLAN_TIMELINE_MAX,
                                           &ntimeline);
    case 6: return codec_get_move(buf, len, &out->m);
    default: return codec_get_preference(buf, len, &out->pr);
    }
}

static size_t encode(int which, const union any *r, unsigned char *buf, size_t cap)
{
    switch (which) {
    case 0: return codec_put_unit(&r->u, buf, cap);
    case 1: return codec_put_position(&r->p, buf, cap);
    case 2: return codec_put_staff(&r->s, buf, cap);
    case 3: return codec_put_history(&r->h, buf, cap);
    case 4: return codec_put_audit(&r->a, buf, cap);
    case 5: return codec_put_plan_timeline(&r->pl, timeline, ntimeline, buf, cap);
    case 6: return codec_put_move(&r->m, buf, cap);
    default: return codec_put_preference(&r->pr, buf, cap);
    }
}

/* The fuzzer rarely guesses a checksum: half the inputs get a right seal, so
 * that the layouts behind it are explored too. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static union any rec;
    static unsigned char value[CODEC_PLAN_MAX + 8], again[CODEC_PLAN_MAX + 8];
    if (size < 1 || size - 1 > CODEC_PLAN_MAX)
        return 0;
    int which = data[0] & 0x40 ? 7 : data[0] % 7;
    bool seal = data[0] & 0x80;
    size_t len = size - 1;
    memcpy(value, data + 1, len);
    if (seal && len > CODEC_SEAL) {
        uint32_t crc = codec_crc(value, len - CODEC_SEAL);
        for (int i = 0; i < 4; i++)
            value[len - CODEC_SEAL + i] = (unsigned char)(crc >> (8 * i));
    }
    /* an exact copy on the heap, so that ASan sees any read past len */
    unsigned char *heap = malloc(len ? len : 1);
    CHECK(heap);
    memcpy(heap, value, len);
    int r = decode(which, heap, len, &rec);
    free(heap);
    if (r != 0)
        return 0;
    CHECK(codec_sealed(value, len));
    if (((which == 1 || which == 3) && value[0] != CODEC_COMPACT) ||
        (which == 2 && value[0] != CODEC_STAFF_KEYED) ||
        (which == 5 && value[0] != CODEC_PLAN_VERSION) ||
        (which == 6 && value[0] != CODEC_MOVE_VERSION))
        return 0;               /* read as an older version, written as the newest */
    size_t n = encode(which, &rec, again, sizeof again);
    CHECK(n == len && memcmp(again, value, len) == 0);
    again[len / 2] ^= 0x01;
    CHECK(decode(which, again, len, &rec) != 0);
    return 0;
}
