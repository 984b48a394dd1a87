/* The record codec: round trips of every field, the version byte,
 * truncated and oversized input, key byte order, name keys. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "store/codec.h"
#include "store/keys.h"

static void fill_unit(struct unit *u)
{
    memset(u, 0, sizeof *u);
    strcpy(u->code, "DINKES.P01");
    strcpy(u->name, "Puskesmas Kecamatan Sukamaju");
    strcpy(u->parent, "DINKES");
    u->kind = UKIND_UPT;
    strcpy(u->district, "Sukamaju");
}

static void fill_position(struct position *p)
{
    memset(p, 0, sizeof *p);
    strcpy(p->code, "P-0042");
    strcpy(p->unit, "DINKES.P01");
    strcpy(p->name, "Perawat Ahli Pertama");
    p->kind = PKIND_FUNGSIONAL;
    p->level = PLEVEL_AHLI_PERTAMA;
    strcpy(p->job_family, "kesehatan");
    p->min_rank = 9;
    p->min_education = EDU_S1;
    p->workload_minutes = 9876543210LL;
    p->need = -1;
    p->ncomp = COMP_MAX;
    for (int i = 0; i < COMP_MAX; i++) {
        snprintf(p->comp[i].code, sizeof p->comp[i].code, "komp-%d", i);
        p->comp[i].level = (uint8_t)(i % 5 + 1);
    }
}

static void fill_staff(struct staff *s)
{
    memset(s, 0, sizeof *s);
    strcpy(s->nip, "198609262015052001");
    strcpy(s->name, "Dr. Siti Aminah, S.Kep., M.Kes.");
    s->sex = SEX_P;
    s->birth_date = 6112;
    s->status = STATUS_PNS;
    s->rank = 11;
    strcpy(s->position, "P-0042");
    strcpy(s->unit, "DINKES.P01");
    s->post_since = 17000;
    s->pns_since = MDATE_NONE;
    s->education = EDU_S2;
    strcpy(s->major, "Keperawatan");
    strcpy(s->job_family, "kesehatan");
    s->nskp = SKP_MAX;
    for (int i = 0; i < SKP_MAX; i++) {
        s->skp[i].year = (uint16_t)(2016 + i);
        s->skp[i].predikat = (uint8_t)(i % 5 + 1);
    }
    s->discipline = DISC_SEDANG;
    s->discipline_until = -12345;     /* negative day numbers survive too */
    s->leave = LEAVE_CLTN;
    strcpy(s->home_district, "Cibadak");
    s->ncomp = 3;
    for (int i = 0; i < 3; i++) {
        snprintf(s->comp[i].code, sizeof s->comp[i].code, "c%d", i);
        s->comp[i].level = (uint8_t)(i + 2);
    }
}

/* Staff records of version 3 take their NIP from the key: the one
 * fill_staff gives. */
static int get_staff(const void *buf, size_t len, struct staff *out)
{
    return codec_get_staff(buf, len, "198609262015052001", NIP_LEN, out);
}

static void fill_history(struct history *h)
{
    memset(h, 0, sizeof *h);
    strcpy(h->nip, "198609262015052001");
    h->since = 16000;
    strcpy(h->position, "P-0001");
    strcpy(h->unit, "SETDA");
    h->rank = 10;
    h->plan_id = 4000000000u;
}

/* The key of the history line the tests decode (get_history). */
static unsigned char hist_key[STORE_HIST_KEY_LEN];

static int get_history(const void *buf, size_t len, struct history *out)
{
    return codec_get_history(buf, len, hist_key, sizeof hist_key, out);
}

static void fill_history_keyed(struct history *h)
{
    fill_history(h);
    store_history_key(h->nip, h->since, 7, hist_key);
}

static void fill_audit(struct audit_entry *e)
{
    memset(e, 0, sizeof *e);
    e->seq = 0x0102030405060708ULL;
    e->time = 1790000000;
    strcpy(e->user, "eka");
    strcpy(e->action, "import staff");
    strcpy(e->object, "staff.csv");
    memset(e->before, 'b', sizeof e->before - 1);   /* the longest text */
    strcpy(e->after, "5000 rows");
    for (int i = 0; i < 32; i++) {
        e->prev_hash[i] = (unsigned char)i;
        e->hash[i] = (unsigned char)(255 - i);
    }
}

/* Encodes, decodes and compares whole structs (all were zeroed first, so
 * padding and unused tails compare equal too), then checks every shorter
 * input, a trailing byte and another version byte are rejected. */
#define ROUND_TRIP_V(ver, type, fill, put, get)                             \
    do {                                                                    \
        struct type v_;                                                     \
        fill(&v_);                                                          \
        ROUND_TRIP_OF(ver, type, v_, put, get);                             \
    } while (0)
#define ROUND_TRIP_OF(ver, type, value, put, get)                           \
    do {                                                                    \
        struct type a, b;                                                   \
        unsigned char buf[CODEC_MAX + 1];                                   \
        memcpy(&a, &(value), sizeof a);                                                           \
        size_t n = put(&a, buf, CODEC_MAX);                                 \
        assert_true(n > 1);                                                 \
        assert_int_equal(buf[0], ver);                                      \
        assert_int_equal(get(buf, n, &b), 0);                               \
        assert_memory_equal(&a, &b, sizeof a);                              \
        for (size_t cut = 0; cut < n; cut++)                                \
            assert_int_equal(get(buf, cut, &b), -1);                        \
        buf[n] = 0;                                                         \
        assert_int_equal(get(buf, n + 1, &b), -1);                          \
        buf[0] = (unsigned char)(ver + 1);                                  \
        assert_int_equal(get(buf, n, &b), -1);                              \
        buf[0] = 0;                                                         \
        assert_int_equal(get(buf, n, &b), -1);                              \
        /* too small an output buffer is refused, never overrun */          \
        assert_int_equal(put(&a, buf, n - 1), 0);                           \
        /* unaligned input decodes the same */                              \
        assert_int_equal(put(&a, buf + 1, CODEC_MAX), n);                   \
        assert_int_equal(get(buf + 1, n, &b), 0);                           \
        assert_memory_equal(&a, &b, sizeof a);                              \
    } while (0)
#define ROUND_TRIP(type, fill, put, get) ROUND_TRIP_V(CODEC_VERSION, type, fill, put, get)

static void unit_round_trip(void **state)
{
    (void)state;
    ROUND_TRIP(unit, fill_unit, codec_put_unit, codec_get_unit);
}

static void position_round_trip(void **state)
{
    (void)state;
    ROUND_TRIP_V(CODEC_COMPACT, position, fill_position, codec_put_position, codec_get_position);
}

static void staff_round_trip(void **state)
{
    (void)state;
    ROUND_TRIP_V(CODEC_STAFF_KEYED, staff, fill_staff, codec_put_staff, get_staff);
    /* the NIP comes from the key, which must be a NIP */
    struct staff s;
    unsigned char buf[CODEC_MAX];
    fill_staff(&s);
    size_t n = codec_put_staff(&s, buf, sizeof buf);
    assert_null(memmem(buf, n, s.nip, NIP_LEN));
    assert_int_equal(codec_get_staff(buf, n, s.nip, NIP_LEN - 1, &s), -1);
    assert_int_equal(codec_get_staff(buf, n, NULL, 0, &s), -1);
}

static void history_round_trip(void **state)
{
    (void)state;
    ROUND_TRIP_V(CODEC_COMPACT, history, fill_history_keyed, codec_put_history, get_history);
    /* the NIP and the date come from the key, which must be a history key */
    struct history h;
    unsigned char buf[CODEC_MAX];
    fill_history_keyed(&h);
    size_t n = codec_put_history(&h, buf, sizeof buf);
    assert_int_equal(codec_get_history(buf, n, hist_key, sizeof hist_key - 1, &h), -1);
}

/* Version 2 shares the unit's leading bytes with the position code and
 * writes numbers as varints: every edge survives. */
static void compact_edges_round_trip(void **state)
{
    (void)state;
    struct staff s;
    fill_staff(&s);
    strcpy(s.position, "1101.DISDIK.SD537-03");
    strcpy(s.unit, "1101.DISDIK.SD537");            /* a prefix of the position */
    s.birth_date = INT32_MAX;
    s.post_since = MDATE_NONE;
    ROUND_TRIP_OF(CODEC_STAFF_KEYED, staff, s, codec_put_staff, get_staff);
    strcpy(s.unit, "1101.DISDIK.SD537-03.X");       /* longer than it */
    ROUND_TRIP_OF(CODEC_STAFF_KEYED, staff, s, codec_put_staff, get_staff);
    memset(s.unit, 0, sizeof s.unit);               /* none: nothing shared */
    memset(s.position, 0, sizeof s.position);
    ROUND_TRIP_OF(CODEC_STAFF_KEYED, staff, s, codec_put_staff, get_staff);
    struct position p;
    fill_position(&p);
    memset(p.unit, 0, sizeof p.unit);
    strcpy(p.unit, "P-0042");                       /* the whole code */
    p.workload_minutes = INT64_MIN;
    p.need = INT32_MIN;
    ROUND_TRIP_OF(CODEC_COMPACT, position, p, codec_put_position, codec_get_position);
    p.workload_minutes = INT64_MAX;
    p.need = INT32_MAX;
    ROUND_TRIP_OF(CODEC_COMPACT, position, p, codec_put_position, codec_get_position);
    struct history h;
    fill_history(&h);
    h.plan_id = UINT32_MAX;
    h.since = INT32_MIN;
    store_history_key(h.nip, h.since, 0, hist_key);
    ROUND_TRIP_OF(CODEC_COMPACT, history, h, codec_put_history, get_history);
}

/* Decodes the hex text of a stored record into buf; its length. */
static size_t unhex(const char *hex, unsigned char *buf)
{
    size_t n = 0;
    for (; hex[0] && hex[1]; hex += 2) {
        unsigned v;
        assert_int_equal(sscanf(hex, "%2x", &v), 1);
        buf[n++] = (unsigned char)v;
    }
    return n;
}

/* Records of version 1, as a schema 5 database holds them (taken from a
 * demo database), still decode; written again they are version 2 and
 * shorter. */
static void version_1_records_decode(void **state)
{
    (void)state;
    unsigned char buf[CODEC_MAX], again[CODEC_MAX];
    struct staff s, s2;
    size_t n = unhex("011231393636313230343139393730343130303115456e63656e67204e7567726168612c2053"
                     "2e50642e019cfbffff010f14313130312e44495344494b2e53443533372d303311313130312e"
                     "44495344494b2e5344353337824100004d280000081d50656e646964696b616e204775727520"
                     "53656b6f6c61682044617361720a70656e646964696b616e03e70705e80704e9070400000000"
                     "80001e506164616e672050757469682c204b6f74612042756b69742042756e676f01146b6f6d"
                     "70757465722d7065726b616e746f72616e03e4353905", buf);
    assert_int_equal(codec_get_staff(buf, n, NULL, 0, &s), 0);  /* version 1: no key needed */
    assert_string_equal(s.nip, "196612041997041001");
    assert_string_equal(s.name, "Enceng Nugraha, S.Pd.");
    assert_string_equal(s.position, "1101.DISDIK.SD537-03");
    assert_string_equal(s.unit, "1101.DISDIK.SD537");
    assert_string_equal(s.home_district, "Padang Putih, Kota Bukit Bungo");
    assert_int_equal(s.nskp, 3);
    assert_int_equal(s.skp[2].year, 2025);
    char pos[CODE_SIZE];                    /* plan suggest reads the position alone */
    assert_int_equal(codec_staff_position(buf, n, pos), 0);
    assert_string_equal(pos, "1101.DISDIK.SD537-03");
    size_t m = codec_put_staff(&s, again, sizeof again);
    assert_true(m > 0 && m + 20 + NIP_LEN < n);
    assert_int_equal(codec_get_staff(again, m, s.nip, NIP_LEN, &s2), 0);
    assert_memory_equal(&s, &s2, sizeof s);

    /* version 2 (schema 6 and 7) holds the NIP itself: the key is not read */
    n = unhex("021231393636313230343139393730343130303115456e63656e67204e7567726168612c20532e50"
              "642e01c811010f14313130312e44495344494b2e53443533372d303311008586029ba101081d5065"
              "6e646964696b616e20477572752053656b6f6c61682044617361720a70656e646964696b616e03e7"
              "0705e80704e907040000001e506164616e672050757469682c204b6f74612042756b69742042756e"
              "676f01146b6f6d70757465722d7065726b616e746f72616e039d3b00a3", buf);
    assert_int_equal(codec_get_staff(buf, n, NULL, 0, &s2), 0);
    assert_memory_equal(&s, &s2, sizeof s);
    assert_int_equal(codec_staff_position(buf, n, pos), 0);
    assert_string_equal(pos, "1101.DISDIK.SD537-03");

    struct history h, h2;
    n = unhex("0112313936363132303431393937303431303031e026000014313130312e44495344494b2e5344303632"
              "2d303211313130312e44495344494b2e53443036320900000000b5b2b34a", buf);
    assert_int_equal(codec_get_history(buf, n, "", 0, &h), 0);     /* version 1: no key needed */
    assert_string_equal(h.position, "1101.DISDIK.SD062-02");
    assert_string_equal(h.unit, "1101.DISDIK.SD062");
    assert_int_equal(h.since, 0x26e0);
    m = codec_put_history(&h, again, sizeof again);
    assert_true(m > 0 && m + 35 < n);
    store_history_key(h.nip, h.since, 0, hist_key);
    assert_int_equal(get_history(again, m, &h2), 0);
    assert_memory_equal(&h, &h2, sizeof h);

    struct position p, p2;
    n = unhex("010f313130312e424150454e44412d30310c313130312e424150454e44411e4b6570616c612042616461"
              "6e2050656e6461706174616e204461657261680103086b6575616e67616e0f08e55501000000000"
              "0ffffffff010d70656c61746968616e2d706b6e019fd202dd", buf);
    assert_int_equal(codec_get_position(buf, n, &p), 0);
    assert_string_equal(p.code, "1101.BAPENDA-01");
    assert_string_equal(p.unit, "1101.BAPENDA");
    assert_int_equal(p.workload_minutes, 0x155e5);
    assert_int_equal(p.need, -1);
    m = codec_put_position(&p, again, sizeof again);
    assert_true(m > 0 && m + 15 < n);
    assert_int_equal(codec_get_position(again, m, &p2), 0);
    assert_memory_equal(&p, &p2, sizeof p);
}

static void audit_round_trip(void **state)
{
    (void)state;
    ROUND_TRIP(audit_entry, fill_audit, codec_put_audit, codec_get_audit);
}

static void encoding_is_compact(void **state)
{
    (void)state;
    struct staff s;
    unsigned char buf[CODEC_MAX];
    fill_staff(&s);
    s.nskp = 0;
    s.ncomp = 0;
    strcpy(s.name, "Ani");
    size_t n = codec_put_staff(&s, buf, sizeof buf);
    /* far below the fixed struct: strings take their length only */
    assert_true(n < sizeof s / 3);
}

static void oversized_fields_rejected(void **state)
{
    (void)state;
    struct unit u;
    unsigned char buf[CODEC_MAX];
    fill_unit(&u);
    size_t n = codec_put_unit(&u, buf, sizeof buf);
    /* the code's length byte claims more than the field holds */
    assert_int_equal(buf[1], strlen(u.code));
    buf[1] = CODE_SIZE;
    assert_int_equal(codec_get_unit(buf, n, &u), -1);

    struct position p;
    fill_position(&p);
    p.ncomp = COMP_MAX + 1;
    assert_int_equal(codec_put_position(&p, buf, sizeof buf), 0);

    struct staff s;
    fill_staff(&s);
    memset(s.name, 'x', sizeof s.name);           /* not NUL-terminated */
    assert_int_equal(codec_put_staff(&s, buf, sizeof buf), 0);
    fill_staff(&s);
    s.nskp = SKP_MAX + 1;
    assert_int_equal(codec_put_staff(&s, buf, sizeof buf), 0);
}

/* The seal: any one byte changed, anywhere, and the record is refused. */
static void seal_catches_every_changed_byte(void **state)
{
    (void)state;
    struct staff a, b;
    unsigned char buf[CODEC_MAX];
    fill_staff(&a);
    size_t n = codec_put_staff(&a, buf, sizeof buf);
    assert_true(n > CODEC_SEAL);
    assert_true(codec_sealed(buf, n));
    for (size_t i = 0; i < n; i++)
        for (int bit = 0; bit < 8; bit++) {
            buf[i] ^= (unsigned char)(1u << bit);
            assert_int_equal(get_staff(buf, n, &b), -1);
            buf[i] ^= (unsigned char)(1u << bit);
        }
    assert_int_equal(get_staff(buf, n, &b), 0);
}

/* A staff record's position read alone is the one the whole decode
 * gives, whatever the lengths of the fields before it; a changed byte or
 * a cut record is refused as by the whole decode. */
static void staff_position_alone(void **state)
{
    (void)state;
    static const char *const names[] = {"", "A", "Dr. Siti Aminah, S.Kep., M.Kes."};
    static const char *const positions[] = {"", "P", "1101.DINKES.PKM01-06"};
    unsigned char buf[CODEC_MAX];
    char pos[CODE_SIZE];
    struct staff a, b;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            fill_staff(&a);
            snprintf(a.name, sizeof a.name, "%s", names[i]);
            snprintf(a.position, sizeof a.position, "%s", positions[j]);
            size_t n = codec_put_staff(&a, buf, sizeof buf);
            assert_int_equal(get_staff(buf, n, &b), 0);
            assert_int_equal(codec_staff_position(buf, n, pos), 0);
            assert_string_equal(pos, b.position);
            assert_string_equal(pos, positions[j]);
            buf[n - 1] ^= 1;
            assert_int_equal(codec_staff_position(buf, n, pos), -1);
            buf[n - 1] ^= 1;
            for (size_t cut = 0; cut < n; cut++)
                assert_int_equal(codec_staff_position(buf, cut, pos), -1);
        }
}

/* Entries of schema 2 carry the data digest: stored, and covered by the
 * hash; entries without one keep the canonical form of schema 1. */
static void audit_digest_round_trip_and_covered(void **state)
{
    (void)state;
    struct audit_entry a, b;
    unsigned char buf[CODEC_MAX], x[CODEC_MAX], y[CODEC_MAX];
    fill_audit(&a);
    size_t plain = codec_audit_canonical(&a, x, sizeof x);
    assert_memory_equal(x, "mutasi-audit-v1", 16);
    a.ndigest = 2;
    strcpy(a.digest[0].db, "units");
    strcpy(a.digest[1].db, "staff");
    memset(a.digest[1].sum, 0xab, 32);
    size_t n = codec_put_audit(&a, buf, sizeof buf);
    assert_true(n > 0);
    assert_int_equal(codec_get_audit(buf, n, &b), 0);
    assert_memory_equal(&a, &b, sizeof a);
    size_t m = codec_audit_canonical(&a, x, sizeof x);
    assert_true(m > plain);
    assert_memory_equal(x, "mutasi-audit-v2", 16);
    b = a;
    b.digest[1].sum[31] ^= 1;
    assert_int_equal(codec_audit_canonical(&b, y, sizeof y), m);
    assert_memory_not_equal(x, y, m);
}

static void canonical_covers_every_field(void **state)
{
    (void)state;
    struct audit_entry a, b;
    unsigned char x[CODEC_MAX], y[CODEC_MAX];
    fill_audit(&a);
    size_t n = codec_audit_canonical(&a, x, sizeof x);
    assert_true(n > 0);
    for (int field = 0; field < 8; field++) {
        b = a;
        switch (field) {
        case 0: b.seq++; break;
        case 1: b.time++; break;
        case 2: b.user[0] = 'E'; break;
        case 3: b.action[0] = 'I'; break;
        case 4: b.object[0] = 'S'; break;
        case 5: b.before[3] = 'c'; break;
        case 6: b.after[0] = '6'; break;
        case 7: b.prev_hash[31] ^= 1; break;
        }
        size_t m = codec_audit_canonical(&b, y, sizeof y);
        assert_true(m != n || memcmp(x, y, n) != 0);
    }
    /* moving a byte from one text to the next changes the serialisation */
    b = a;
    strcpy(b.user, "ek");
    strcpy(b.action, "aimport staff");
    size_t m = codec_audit_canonical(&b, y, sizeof y);
    assert_true(m != n || memcmp(x, y, n) != 0);
    /* the stored hash itself is not part of what it covers */
    b = a;
    b.hash[0] ^= 1;
    m = codec_audit_canonical(&b, y, sizeof y);
    assert_int_equal(m, n);
    assert_memory_equal(x, y, n);
}

static void big_endian_keys_sort_numerically(void **state)
{
    (void)state;
    static const int32_t v[] = {INT32_MIN + 1, -70000, -1, 0, 1, 255, 256, 70000, INT32_MAX};
    for (size_t i = 0; i + 1 < sizeof v / sizeof *v; i++) {
        unsigned char a[4], b[4];
        codec_be32_signed(a, v[i]);
        codec_be32_signed(b, v[i + 1]);
        assert_true(memcmp(a, b, 4) < 0);
    }
    unsigned char k[8];
    codec_be64(k, 0x0102030405060708ULL);
    assert_int_equal(k[0], 1);
    assert_int_equal(k[7], 8);
    assert_true(codec_from_be64(k) == 0x0102030405060708ULL);
    codec_be32(k, 0xa1b2c3d4u);
    assert_int_equal(k[0], 0xa1);
    assert_true(codec_from_be32(k) == 0xa1b2c3d4u);
}

static int key_cmp(const char *a, const char *an, const char *b, const char *bn)
{
    unsigned char x[STORE_NAME_KEY_MAX], y[STORE_NAME_KEY_MAX];
    size_t nx = store_name_key(a, an, x), ny = store_name_key(b, bn, y);
    int c = memcmp(x, y, nx < ny ? nx : ny);
    return c ? c : (nx > ny) - (nx < ny);
}

static void name_keys_fold_and_order(void **state)
{
    (void)state;
    const char *n1 = "198001012005011001", *n2 = "198001012005011002";
    assert_true(key_cmp("ANI", n1, "ani", n1) == 0);
    assert_true(key_cmp("ani", n1, "ani", n2) < 0);          /* same name: NIP order */
    assert_true(key_cmp("ani", n2, "Ani Budi", n1) < 0);     /* prefix first */
    assert_true(key_cmp("Budi", n1, "ani", n2) > 0);
    assert_true(key_cmp("ani", "", "ani", n1) < 0);          /* the prefix key */
    assert_false(store_name_differs("Siti AMINAH", "siti aminah"));
    assert_true(store_name_differs("Siti", "Siti A"));
    assert_true(store_name_differs("Sita", "Siti"));
}

/* Packed NIPs (the staff indexes' entries) sort as their digits do and
 * unpack to them; anything but 18 digits is refused. */
static void packed_nips_keep_their_order(void **state)
{
    (void)state;
    static const char *const nips[] = {"000000000000000000", "000000000000000009",
                                       "196612041997041001", "196612041997041002",
                                       "196612051997041001", "200206212025031005",
                                       "999999999999999999"};
    unsigned char a[STORE_NIP_REF_LEN], b[STORE_NIP_REF_LEN];
    char back[NIP_LEN + 1];
    size_t n = sizeof nips / sizeof *nips;
    for (size_t i = 0; i < n; i++) {
        assert_true(store_nip_pack(nips[i], a));
        assert_true(store_nip_unpack(a, back));
        assert_string_equal(back, nips[i]);
        for (size_t j = 0; j < n; j++) {
            assert_true(store_nip_pack(nips[j], b));
            int text = strcmp(nips[i], nips[j]), packed = memcmp(a, b, sizeof a);
            assert_true((text < 0) == (packed < 0) && (text == 0) == (packed == 0));
        }
    }
    assert_false(store_nip_pack("19661204199704100", a));      /* 17 digits */
    assert_false(store_nip_pack("19661204199704100x", a));
    assert_false(store_nip_pack("", a));
    memset(a, 0xff, sizeof a);                                  /* more than 18 digits */
    assert_false(store_nip_unpack(a, back));
    /* any one byte changed: packed as the number it spells, or refused
     * when it is no digit (the packer reads eight bytes at a time) */
    for (int at = 0; at < NIP_LEN; at++)
        for (int ch = 0; ch < 256; ch++) {
            char nip[NIP_LEN + 1] = "196612041997041001";
            nip[at] = (char)ch;
            bool digit = ch >= '0' && ch <= '9';
            assert_int_equal(store_nip_pack(nip, a), digit);
            if (!digit)
                continue;
            uint64_t want = 0;
            for (int i = 0; i < NIP_LEN; i++)
                want = want * 10 + (uint64_t)(nip[i] - '0');
            assert_true(codec_from_be64(a) == want);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(packed_nips_keep_their_order),
        cmocka_unit_test(unit_round_trip),
        cmocka_unit_test(position_round_trip),
        cmocka_unit_test(staff_round_trip),
        cmocka_unit_test(history_round_trip),
        cmocka_unit_test(compact_edges_round_trip),
        cmocka_unit_test(version_1_records_decode),
        cmocka_unit_test(audit_round_trip),
        cmocka_unit_test(encoding_is_compact),
        cmocka_unit_test(oversized_fields_rejected),
        cmocka_unit_test(canonical_covers_every_field),
        cmocka_unit_test(seal_catches_every_changed_byte),
        cmocka_unit_test(staff_position_alone),
        cmocka_unit_test(audit_digest_round_trip_and_covered),
        cmocka_unit_test(big_endian_keys_sort_numerically),
        cmocka_unit_test(name_keys_fold_and_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
