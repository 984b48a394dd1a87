/* Record encoding: version byte, fixed-order fields, length-prefixed
 * strings. See codec.h. */
#include <endian.h>
#include <stdbool.h>
#include <string.h>
#include <xxhash.h>
#include "core/preference.h"
#include "store/codec.h"
#include "store/codec_prim.h"
#include "store/keys.h"

/* xxHash's XXH3, its low 32 bits: several times faster than a CRC-32,
 * and a record costs one on every read. */
uint32_t codec_crc(const void *buf, size_t len)
{
#ifdef MUTASI_BENCH_NOSEAL
    (void)buf, (void)len;
    return 0;
#else
    return (uint32_t)XXH3_64bits(buf, len);
#endif
}

bool codec_sealed(const void *buf, size_t len)
{
    if (len < CODEC_SEAL + 1)
        return false;
#ifdef MUTASI_BENCH_NOSEAL      /* the bench's build without seals (Makefile) */
    (void)buf;
    return true;
#else
    uint32_t le;
    memcpy(&le, (const unsigned char *)buf + len - CODEC_SEAL, CODEC_SEAL);
    return le32toh(le) == codec_crc(buf, len - CODEC_SEAL);
#endif
}

/* --- units, positions, staff, history ---------------------------------- */

size_t codec_put_unit(const struct unit *u, unsigned char *buf, size_t cap)
{
    struct wbuf w = {buf, 0, cap, false};
    put_u8(&w, CODEC_VERSION);
    put_str(&w, u->code, sizeof u->code);
    put_str(&w, u->name, sizeof u->name);
    put_str(&w, u->parent, sizeof u->parent);
    put_u8(&w, u->kind);
    put_str(&w, u->district, sizeof u->district);
    return seal(&w);
}

int codec_get_unit(const void *buf, size_t len, struct unit *out)
{
    struct rbuf r;
    memset(out, 0, sizeof *out);
    rbuf_start(&r, buf, len);
    get_str(&r, out->code, sizeof out->code);
    get_str(&r, out->name, sizeof out->name);
    get_str(&r, out->parent, sizeof out->parent);
    out->kind = get_u8(&r);
    get_str(&r, out->district, sizeof out->district);
    return rbuf_end(&r);
}

size_t codec_put_position(const struct position *p, unsigned char *buf, size_t cap)
{
    struct wbuf w = {buf, 0, cap, false};
    put_u8(&w, CODEC_COMPACT);
    put_str(&w, p->code, sizeof p->code);
    put_str_after(&w, p->unit, sizeof p->unit, p->code);
    put_str(&w, p->name, sizeof p->name);
    put_u8(&w, p->kind);
    put_u8(&w, p->level);
    put_str(&w, p->job_family, sizeof p->job_family);
    put_u8(&w, p->min_rank);
    put_u8(&w, p->min_education);
    put_zvar(&w, p->workload_minutes);
    put_i32v(&w, p->need);
    put_comps(&w, p->ncomp, p->comp);
    return seal(&w);
}

int codec_get_position(const void *buf, size_t len, struct position *out)
{
    struct rbuf r;
    memset(out, 0, sizeof *out);
    int v = rbuf_start_compact(&r, buf, len);
    get_str(&r, out->code, sizeof out->code);
    if (v == CODEC_COMPACT)
        get_str_after(&r, out->unit, sizeof out->unit, out->code);
    else
        get_str(&r, out->unit, sizeof out->unit);
    get_str(&r, out->name, sizeof out->name);
    out->kind = get_u8(&r);
    out->level = get_u8(&r);
    get_str(&r, out->job_family, sizeof out->job_family);
    out->min_rank = get_u8(&r);
    out->min_education = get_u8(&r);
    out->workload_minutes = v == CODEC_COMPACT ? get_zvar(&r) : get_i64(&r);
    out->need = get_date(&r, v);
    out->ncomp = get_comps(&r, out->comp);
    return rbuf_end(&r);
}

size_t codec_put_staff(const struct staff *s, unsigned char *buf, size_t cap)
{
    struct wbuf w = {buf, 0, cap, false};
    put_u8(&w, CODEC_STAFF_KEYED);
    put_str(&w, s->name, sizeof s->name);
    put_u8(&w, s->sex);
    put_i32v(&w, s->birth_date);
    put_u8(&w, s->status);
    put_u8(&w, s->rank);
    put_str(&w, s->position, sizeof s->position);
    put_str_after(&w, s->unit, sizeof s->unit, s->position);
    put_i32v(&w, s->post_since);
    put_i32v(&w, s->pns_since);
    put_u8(&w, s->education);
    put_str(&w, s->major, sizeof s->major);
    put_str(&w, s->job_family, sizeof s->job_family);
    if (s->nskp > SKP_MAX)
        w.over = true;
    put_u8(&w, s->nskp);
    for (int i = 0; i < s->nskp && i < SKP_MAX; i++) {
        put_u16(&w, s->skp[i].year);
        put_u8(&w, s->skp[i].predikat);
    }
    put_u8(&w, s->discipline);
    put_i32v(&w, s->discipline_until);
    put_u8(&w, s->leave);
    put_str(&w, s->home_district, sizeof s->home_district);
    put_comps(&w, s->ncomp, s->comp);
    return seal(&w);
}

/* Opens a staff record of any version; the NIP from the record (versions
 * 1 and 2) or from its key (version 3, which must then be a NIP). The
 * version, compact or not for the fields after. */
static int staff_start(struct rbuf *r, const void *buf, size_t len, const void *key, size_t klen,
                       char nip[NIP_LEN + 1])
{
    rbuf_open(r, buf, len);
    int v = get_u8(r);
    if (v == CODEC_STAFF_KEYED) {
        if (klen == NIP_LEN && key) {
            memcpy(nip, key, NIP_LEN);
            nip[NIP_LEN] = '\0';
            if (memchr(nip, '\0', NIP_LEN))
                r->bad = true;
        } else {
            r->bad = true;
        }
        return CODEC_COMPACT;
    }
    if (v != CODEC_VERSION && v != CODEC_COMPACT)
        r->bad = true;
    get_str(r, nip, NIP_LEN + 1);
    return v;
}

int codec_get_staff(const void *buf, size_t len, const void *key, size_t klen, struct staff *out)
{
    struct rbuf r;
    memset(out, 0, sizeof *out);
    int v = staff_start(&r, buf, len, key, klen, out->nip);
    get_str(&r, out->name, sizeof out->name);
    out->sex = get_u8(&r);
    out->birth_date = get_date(&r, v);
    out->status = get_u8(&r);
    out->rank = get_u8(&r);
    get_str(&r, out->position, sizeof out->position);
    if (v == CODEC_COMPACT)
        get_str_after(&r, out->unit, sizeof out->unit, out->position);
    else
        get_str(&r, out->unit, sizeof out->unit);
    out->post_since = get_date(&r, v);
    out->pns_since = get_date(&r, v);
    out->education = get_u8(&r);
    get_str(&r, out->major, sizeof out->major);
    get_str(&r, out->job_family, sizeof out->job_family);
    out->nskp = get_u8(&r);
    if (out->nskp > SKP_MAX) {
        r.bad = true;
        out->nskp = 0;
    }
    for (int i = 0; i < out->nskp && !r.bad; i++) {
        out->skp[i].year = get_u16(&r);
        out->skp[i].predikat = get_u8(&r);
    }
    out->discipline = get_u8(&r);
    out->discipline_until = get_date(&r, v);
    out->leave = get_u8(&r);
    get_str(&r, out->home_district, sizeof out->home_district);
    out->ncomp = get_comps(&r, out->comp);
    return rbuf_end(&r);
}

int codec_staff_position(const void *buf, size_t len, char position[CODE_SIZE])
{
    struct rbuf r;
    struct staff head;             /* only its first fields are filled */
    static const char any_nip[NIP_LEN + 1] = "000000000000000000";   /* the key is not wanted */
    int v = staff_start(&r, buf, len, any_nip, NIP_LEN, head.nip);
    get_str(&r, head.name, sizeof head.name);
    head.sex = get_u8(&r);
    head.birth_date = get_date(&r, v);
    head.status = get_u8(&r);
    head.rank = get_u8(&r);
    get_str(&r, position, CODE_SIZE);
    return r.bad ? -1 : 0;
}

size_t codec_put_history(const struct history *h, unsigned char *buf, size_t cap)
{
    struct wbuf w = {buf, 0, cap, false};
    put_u8(&w, CODEC_COMPACT);
    put_str(&w, h->position, sizeof h->position);
    put_str_after(&w, h->unit, sizeof h->unit, h->position);
    put_u8(&w, h->rank);
    put_uvar(&w, h->plan_id);
    return seal(&w);
}

int codec_get_history(const void *buf, size_t len, const void *key, size_t klen,
                      struct history *out)
{
    struct rbuf r;
    memset(out, 0, sizeof *out);
    int v = rbuf_start_compact(&r, buf, len);
    if (v != CODEC_COMPACT) {
        get_str(&r, out->nip, sizeof out->nip);
        out->since = get_i32(&r);
    } else if (klen == CODEC_HIST_KEY_LEN && store_nip_unpack(key, out->nip)) {
        out->since = (int32_t)(codec_from_be32((const unsigned char *)key + STORE_NIP_REF_LEN) ^
                               0x80000000u);
    } else {
        r.bad = true;
    }
    get_str(&r, out->position, sizeof out->position);
    if (v == CODEC_COMPACT)
        get_str_after(&r, out->unit, sizeof out->unit, out->position);
    else
        get_str(&r, out->unit, sizeof out->unit);
    out->rank = get_u8(&r);
    uint64_t plan = v == CODEC_COMPACT ? get_uvar(&r) : get_u32(&r);
    if (plan > UINT32_MAX)
        r.bad = true;
    out->plan_id = (uint32_t)plan;
    return rbuf_end(&r);
}

/* --- audit --------------------------------------------------------------- */

/* The data digests of an entry (none for entries before schema 2): a
 * count, then each database name and its 32-byte sum. */
static void put_digests(struct wbuf *w, const struct audit_entry *e)
{
    if (e->ndigest == 0)
        return;
    if (e->ndigest < 0 || e->ndigest > AUDIT_DIGEST_MAX) {
        w->over = true;
        return;
    }
    put_u8(w, (uint8_t)e->ndigest);
    for (int i = 0; i < e->ndigest; i++) {
        put_str(w, e->digest[i].db, sizeof e->digest[i].db);
        put_bytes(w, e->digest[i].sum, sizeof e->digest[i].sum);
    }
}

static void get_digests(struct rbuf *r, struct audit_entry *out)
{
    uint8_t n = get_u8(r);
    if (n == 0 || n > AUDIT_DIGEST_MAX) {
        r->bad = true;
        return;
    }
    out->ndigest = n;
    for (int i = 0; i < n && !r->bad; i++) {
        get_str(r, out->digest[i].db, sizeof out->digest[i].db);
        get_bytes(r, out->digest[i].sum, sizeof out->digest[i].sum);
    }
}

size_t codec_put_audit(const struct audit_entry *e, unsigned char *buf, size_t cap)
{
    struct wbuf w = {buf, 0, cap, false};
    put_u8(&w, CODEC_VERSION);
    put_u64(&w, e->seq);
    put_i64(&w, e->time);
    put_str(&w, e->user, sizeof e->user);
    put_str(&w, e->action, sizeof e->action);
    put_str(&w, e->object, sizeof e->object);
    put_str(&w, e->before, sizeof e->before);
    put_str(&w, e->after, sizeof e->after);
    put_bytes(&w, e->prev_hash, sizeof e->prev_hash);
    put_bytes(&w, e->hash, sizeof e->hash);
    put_digests(&w, e);
    return seal(&w);
}

int codec_get_audit(const void *buf, size_t len, struct audit_entry *out)
{
    struct rbuf r;
    memset(out, 0, sizeof *out);
    rbuf_start(&r, buf, len);
    out->seq = get_u64(&r);
    out->time = get_i64(&r);
    get_str(&r, out->user, sizeof out->user);
    get_str(&r, out->action, sizeof out->action);
    get_str(&r, out->object, sizeof out->object);
    get_str(&r, out->before, sizeof out->before);
    get_str(&r, out->after, sizeof out->after);
    get_bytes(&r, out->prev_hash, sizeof out->prev_hash);
    get_bytes(&r, out->hash, sizeof out->hash);
    if (!r.bad && r.pos < r.len)
        get_digests(&r, out);
    return rbuf_end(&r);
}

static void put_be_text(struct wbuf *w, const char *s, size_t field_size)
{
    size_t n = strnlen(s, field_size);
    unsigned char len[2] = {(unsigned char)(n >> 8), (unsigned char)n};
    put_bytes(w, len, 2);
    put_bytes(w, s, n);
}

size_t codec_audit_canonical(const struct audit_entry *e, unsigned char *buf, size_t cap)
{
    /* with their NUL; v2: the entry carries data digests */
    static const char tag1[] = "mutasi-audit-v1", tag2[] = "mutasi-audit-v2";
    struct wbuf w = {buf, 0, cap, false};
    unsigned char b8[8];
    if (e->ndigest)
        put_bytes(&w, tag2, sizeof tag2);
    else
        put_bytes(&w, tag1, sizeof tag1);
    codec_be64(b8, e->seq);
    put_bytes(&w, b8, 8);
    codec_be64(b8, (uint64_t)e->time);
    put_bytes(&w, b8, 8);
    put_be_text(&w, e->user, sizeof e->user);
    put_be_text(&w, e->action, sizeof e->action);
    put_be_text(&w, e->object, sizeof e->object);
    put_be_text(&w, e->before, sizeof e->before);
    put_be_text(&w, e->after, sizeof e->after);
    put_bytes(&w, e->prev_hash, sizeof e->prev_hash);
    if (e->ndigest < 0 || e->ndigest > AUDIT_DIGEST_MAX)
        return 0;
    for (int i = 0; i < e->ndigest; i++) {
        put_be_text(&w, e->digest[i].db, sizeof e->digest[i].db);
        put_bytes(&w, e->digest[i].sum, sizeof e->digest[i].sum);
    }
    return finish(&w);
}

/* --- preferences ---------------------------------------------------------- */

#define CODEC_PREFERENCE_VERSION 1

size_t codec_put_preference(const struct preference *p, unsigned char *buf, size_t cap)
{
    struct wbuf w = {buf, 0, cap, false};
    put_u8(&w, CODEC_PREFERENCE_VERSION);
    put_str(&w, p->nip, sizeof p->nip);
    if (p->nprefer > PREF_PLACES_MAX || p->navoid > PREF_PLACES_MAX)
        w.over = true;
    put_u8(&w, p->nprefer);
    for (int i = 0; i < p->nprefer && i < PREF_PLACES_MAX; i++)
        put_str(&w, p->prefer[i], sizeof p->prefer[i]);
    put_u8(&w, p->navoid);
    for (int i = 0; i < p->navoid && i < PREF_PLACES_MAX; i++)
        put_str(&w, p->avoid[i], sizeof p->avoid[i]);
    put_str(&w, p->note, sizeof p->note);
    return seal(&w);
}

int codec_get_preference(const void *buf, size_t len, struct preference *out)
{
    struct rbuf r;
    memset(out, 0, sizeof *out);
    rbuf_open(&r, buf, len);
    if (get_u8(&r) != CODEC_PREFERENCE_VERSION)
        r.bad = true;
    get_str(&r, out->nip, sizeof out->nip);
    out->nprefer = get_u8(&r);
    if (out->nprefer > PREF_PLACES_MAX)
        r.bad = true;
    for (int i = 0; i < out->nprefer && !r.bad; i++)
        get_str(&r, out->prefer[i], sizeof out->prefer[i]);
    out->navoid = r.bad ? 0 : get_u8(&r);
    if (out->navoid > PREF_PLACES_MAX)
        r.bad = true;
    for (int i = 0; i < out->navoid && !r.bad; i++)
        get_str(&r, out->avoid[i], sizeof out->avoid[i]);
    get_str(&r, out->note, sizeof out->note);
    if (r.bad)
        out->nprefer = out->navoid = 0;
    return rbuf_end(&r);
}
