/* Record encoding: version byte, fixed-order fields, length-prefixed
 * strings. See codec.h. */
#include <endian.h>
#include <stdbool.h>
#include <string.h>
#include <xxhash.h>
#include "core/preference.h"
#include "store/codec.h"

/* --- writing ------------------------------------------------------------ */

struct wbuf {
    unsigned char *p;
    size_t len, cap;
    bool over;                  /* a write did not fit */
};

static void put_bytes(struct wbuf *w, const void *src, size_t n)
{
    if (w->over || n > w->cap - w->len) {
        w->over = true;
        return;
    }
    memcpy(w->p + w->len, src, n);
    w->len += n;
}

static void put_u8(struct wbuf *w, uint8_t v) { put_bytes(w, &v, 1); }

static void put_u16(struct wbuf *w, uint16_t v)
{
    uint16_t le = htole16(v);
    put_bytes(w, &le, 2);
}

static void put_u32(struct wbuf *w, uint32_t v)
{
    uint32_t le = htole32(v);
    put_bytes(w, &le, 4);
}

static void put_u64(struct wbuf *w, uint64_t v)
{
    uint64_t le = htole64(v);
    put_bytes(w, &le, 8);
}

static void put_i32(struct wbuf *w, int32_t v) { put_u32(w, (uint32_t)v); }
static void put_i64(struct wbuf *w, int64_t v) { put_u64(w, (uint64_t)v); }

/* field_size bounds the read so an unterminated field never overruns. */
static void put_str(struct wbuf *w, const char *s, size_t field_size)
{
    size_t n = strnlen(s, field_size);
    if (n >= field_size || n > 255) {
        w->over = true;         /* not a valid NUL-terminated field */
        return;
    }
    put_u8(w, (uint8_t)n);
    put_bytes(w, s, n);
}

static void put_comps(struct wbuf *w, uint8_t n, const struct competency *c)
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

static size_t finish(const struct wbuf *w) { return w->over ? 0 : w->len; }

/* The end of every stored record: a checksum of the bytes before it,
 * little-endian, so that damage is noticed instead of decoded. */
static size_t seal(struct wbuf *w)
{
    if (!w->over)
        put_u32(w, codec_crc(w->p, w->len));
    return finish(w);
}

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

/* --- reading ------------------------------------------------------------ */

struct rbuf {
    const unsigned char *p;
    size_t len, pos;
    bool bad;
};

static void get_bytes(struct rbuf *r, void *dst, size_t n)
{
    if (r->bad || n > r->len - r->pos) {
        r->bad = true;
        memset(dst, 0, n);
        return;
    }
    memcpy(dst, r->p + r->pos, n);
    r->pos += n;
}

static uint8_t get_u8(struct rbuf *r)
{
    uint8_t v;
    get_bytes(r, &v, 1);
    return v;
}

static uint16_t get_u16(struct rbuf *r)
{
    uint16_t v;
    get_bytes(r, &v, 2);
    return le16toh(v);
}

static uint32_t get_u32(struct rbuf *r)
{
    uint32_t v;
    get_bytes(r, &v, 4);
    return le32toh(v);
}

static uint64_t get_u64(struct rbuf *r)
{
    uint64_t v;
    get_bytes(r, &v, 8);
    return le64toh(v);
}

static int32_t get_i32(struct rbuf *r) { return (int32_t)get_u32(r); }
static int64_t get_i64(struct rbuf *r) { return (int64_t)get_u64(r); }

static void get_str(struct rbuf *r, char *out, size_t size)
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

static uint8_t get_comps(struct rbuf *r, struct competency *c)
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

static void rbuf_start(struct rbuf *r, const void *buf, size_t len)
{
    r->p = buf;
    r->len = len >= CODEC_SEAL ? len - CODEC_SEAL : 0;
    r->pos = 0;
    r->bad = !codec_sealed(buf, len);
    if (get_u8(r) != CODEC_VERSION)
        r->bad = true;
}

/* A record decodes only when every byte was used: leftovers mean another
 * layout than this version's. */
static int rbuf_end(const struct rbuf *r) { return r->bad || r->pos != r->len ? -1 : 0; }

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
    put_u8(&w, CODEC_VERSION);
    put_str(&w, p->code, sizeof p->code);
    put_str(&w, p->unit, sizeof p->unit);
    put_str(&w, p->name, sizeof p->name);
    put_u8(&w, p->kind);
    put_u8(&w, p->level);
    put_str(&w, p->job_family, sizeof p->job_family);
    put_u8(&w, p->min_rank);
    put_u8(&w, p->min_education);
    put_i64(&w, p->workload_minutes);
    put_i32(&w, p->need);
    put_comps(&w, p->ncomp, p->comp);
    return seal(&w);
}

int codec_get_position(const void *buf, size_t len, struct position *out)
{
    struct rbuf r;
    memset(out, 0, sizeof *out);
    rbuf_start(&r, buf, len);
    get_str(&r, out->code, sizeof out->code);
    get_str(&r, out->unit, sizeof out->unit);
    get_str(&r, out->name, sizeof out->name);
    out->kind = get_u8(&r);
    out->level = get_u8(&r);
    get_str(&r, out->job_family, sizeof out->job_family);
    out->min_rank = get_u8(&r);
    out->min_education = get_u8(&r);
    out->workload_minutes = get_i64(&r);
    out->need = get_i32(&r);
    out->ncomp = get_comps(&r, out->comp);
    return rbuf_end(&r);
}

size_t codec_put_staff(const struct staff *s, unsigned char *buf, size_t cap)
{
    struct wbuf w = {buf, 0, cap, false};
    put_u8(&w, CODEC_VERSION);
    put_str(&w, s->nip, sizeof s->nip);
    put_str(&w, s->name, sizeof s->name);
    put_u8(&w, s->sex);
    put_i32(&w, s->birth_date);
    put_u8(&w, s->status);
    put_u8(&w, s->rank);
    put_str(&w, s->position, sizeof s->position);
    put_str(&w, s->unit, sizeof s->unit);
    put_i32(&w, s->post_since);
    put_i32(&w, s->pns_since);
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
    put_i32(&w, s->discipline_until);
    put_u8(&w, s->leave);
    put_str(&w, s->home_district, sizeof s->home_district);
    put_comps(&w, s->ncomp, s->comp);
    return seal(&w);
}

int codec_get_staff(const void *buf, size_t len, struct staff *out)
{
    struct rbuf r;
    memset(out, 0, sizeof *out);
    rbuf_start(&r, buf, len);
    get_str(&r, out->nip, sizeof out->nip);
    get_str(&r, out->name, sizeof out->name);
    out->sex = get_u8(&r);
    out->birth_date = get_i32(&r);
    out->status = get_u8(&r);
    out->rank = get_u8(&r);
    get_str(&r, out->position, sizeof out->position);
    get_str(&r, out->unit, sizeof out->unit);
    out->post_since = get_i32(&r);
    out->pns_since = get_i32(&r);
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
    out->discipline_until = get_i32(&r);
    out->leave = get_u8(&r);
    get_str(&r, out->home_district, sizeof out->home_district);
    out->ncomp = get_comps(&r, out->comp);
    return rbuf_end(&r);
}

int codec_staff_position(const void *buf, size_t len, char position[CODE_SIZE])
{
    struct rbuf r;
    struct staff head;             /* only its first fields are filled */
    rbuf_start(&r, buf, len);
    get_str(&r, head.nip, sizeof head.nip);
    get_str(&r, head.name, sizeof head.name);
    r.pos += 1 + 4 + 1 + 1;        /* sex, birth date, status, rank */
    if (r.pos > r.len)
        r.bad = true;
    get_str(&r, position, CODE_SIZE);
    return r.bad ? -1 : 0;
}

size_t codec_put_history(const struct history *h, unsigned char *buf, size_t cap)
{
    struct wbuf w = {buf, 0, cap, false};
    put_u8(&w, CODEC_VERSION);
    put_str(&w, h->nip, sizeof h->nip);
    put_i32(&w, h->since);
    put_str(&w, h->position, sizeof h->position);
    put_str(&w, h->unit, sizeof h->unit);
    put_u8(&w, h->rank);
    put_u32(&w, h->plan_id);
    return seal(&w);
}

int codec_get_history(const void *buf, size_t len, struct history *out)
{
    struct rbuf r;
    memset(out, 0, sizeof *out);
    rbuf_start(&r, buf, len);
    get_str(&r, out->nip, sizeof out->nip);
    out->since = get_i32(&r);
    get_str(&r, out->position, sizeof out->position);
    get_str(&r, out->unit, sizeof out->unit);
    out->rank = get_u8(&r);
    out->plan_id = get_u32(&r);
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

/* --- plans and moves ----------------------------------------------------- *
 * Their own version byte (CODEC_PLAN_VERSION). Version 2 appends, after
 * the fields of version 1: to a plan its SK, applied_at and timeline (a
 * count byte, then each step); to a move who struck it, when and why.
 * Version 1 records decode with those empty. */

static void rbuf_open(struct rbuf *r, const void *buf, size_t len)
{
    r->p = buf;
    r->len = len >= CODEC_SEAL ? len - CODEC_SEAL : 0;
    r->pos = 0;
    r->bad = !codec_sealed(buf, len);
}

/* The record's version byte: 1 or 2, else 0 (and r is bad). */
static int plan_version(struct rbuf *r, int newest)
{
    uint8_t v = get_u8(r);
    if (v < CODEC_PLAN_V1 || v > newest) {
        r->bad = true;
        return 0;
    }
    return v;
}

static void put_sk(struct wbuf *w, const struct plan_sk *sk)
{
    put_str(w, sk->number, sizeof sk->number);
    put_i32(w, sk->date);
    put_i32(w, sk->tmt);
    put_str(w, sk->signer_name, sizeof sk->signer_name);
    put_str(w, sk->signer_nip, sizeof sk->signer_nip);
    put_str(w, sk->signer_title, sizeof sk->signer_title);
    put_str(w, sk->issued_by, sizeof sk->issued_by);
    put_i64(w, sk->issued_at);
}

static void get_sk(struct rbuf *r, struct plan_sk *sk)
{
    get_str(r, sk->number, sizeof sk->number);
    sk->date = get_i32(r);
    sk->tmt = get_i32(r);
    get_str(r, sk->signer_name, sizeof sk->signer_name);
    get_str(r, sk->signer_nip, sizeof sk->signer_nip);
    get_str(r, sk->signer_title, sizeof sk->signer_title);
    get_str(r, sk->issued_by, sizeof sk->issued_by);
    sk->issued_at = get_i64(r);
}

static void put_event(struct wbuf *w, const struct wf_event *e)
{
    put_str(w, e->step, sizeof e->step);
    put_str(w, e->user, sizeof e->user);
    put_i64(w, e->at);
    put_str(w, e->note, sizeof e->note);
}

static void get_event(struct rbuf *r, struct wf_event *e)
{
    get_str(r, e->step, sizeof e->step);
    get_str(r, e->user, sizeof e->user);
    e->at = get_i64(r);
    get_str(r, e->note, sizeof e->note);
}

size_t codec_put_plan_timeline(const struct plan *p, const struct wf_event *tl, size_t ntl,
                               unsigned char *buf, size_t cap)
{
    struct wbuf w = {buf, 0, cap, false};
    put_u8(&w, CODEC_PLAN_VERSION);
    put_u32(&w, p->id);
    put_str(&w, p->name, sizeof p->name);
    put_str(&w, p->period, sizeof p->period);
    put_str(&w, p->state, sizeof p->state);
    put_str(&w, p->author, sizeof p->author);
    put_i64(&w, p->created_at);
    put_i64(&w, p->changed_at);
    put_str(&w, p->changed_by, sizeof p->changed_by);
    put_u32(&w, p->version);
    put_sk(&w, &p->sk);
    put_i64(&w, p->applied_at);
    if (ntl > PLAN_TIMELINE_MAX)
        w.over = true;
    put_u8(&w, (uint8_t)ntl);
    for (size_t i = 0; i < ntl && !w.over; i++)
        put_event(&w, &tl[i]);
    return seal(&w);
}

size_t codec_put_plan(const struct plan *p, unsigned char *buf, size_t cap)
{
    return codec_put_plan_timeline(p, NULL, 0, buf, cap);
}

int codec_get_plan_timeline(const void *buf, size_t len, struct plan *out,
                            struct wf_event *tl, size_t max, size_t *ntl)
{
    struct rbuf r;
    struct wf_event skip;
    memset(out, 0, sizeof *out);
    if (ntl)
        *ntl = 0;
    rbuf_open(&r, buf, len);
    int version = plan_version(&r, CODEC_PLAN_VERSION);
    out->id = get_u32(&r);
    get_str(&r, out->name, sizeof out->name);
    get_str(&r, out->period, sizeof out->period);
    get_str(&r, out->state, sizeof out->state);
    get_str(&r, out->author, sizeof out->author);
    out->created_at = get_i64(&r);
    out->changed_at = get_i64(&r);
    get_str(&r, out->changed_by, sizeof out->changed_by);
    out->version = get_u32(&r);
    out->sk.date = out->sk.tmt = MDATE_NONE;
    if (version == CODEC_PLAN_V1 || r.bad)
        return rbuf_end(&r);
    get_sk(&r, &out->sk);
    out->applied_at = get_i64(&r);
    size_t n = get_u8(&r);
    if (n > PLAN_TIMELINE_MAX)
        r.bad = true;
    for (size_t i = 0; i < n && !r.bad; i++) {
        if (tl && i < max) {
            memset(&tl[i], 0, sizeof tl[i]);
            get_event(&r, &tl[i]);
        } else
            get_event(&r, &skip);
    }
    if (ntl)
        *ntl = n < max ? n : max;
    return rbuf_end(&r);
}

int codec_get_plan(const void *buf, size_t len, struct plan *out)
{
    return codec_get_plan_timeline(buf, len, out, NULL, 0, NULL);
}

size_t codec_put_move(const struct move *m, unsigned char *buf, size_t cap)
{
    struct wbuf w = {buf, 0, cap, false};
    put_u8(&w, CODEC_MOVE_VERSION);
    put_u32(&w, m->plan_id);
    put_str(&w, m->nip, sizeof m->nip);
    put_str(&w, m->from_position, sizeof m->from_position);
    put_str(&w, m->from_unit, sizeof m->from_unit);
    put_str(&w, m->to_position, sizeof m->to_position);
    put_str(&w, m->to_unit, sizeof m->to_unit);
    put_u8(&w, m->reason);
    put_str(&w, m->note, sizeof m->note);
    put_str(&w, m->added_by, sizeof m->added_by);
    put_i64(&w, m->added_at);
    put_u8(&w, m->summary);
    if (m->nverdicts > MOVE_VERDICT_MAX)
        w.over = true;
    put_u8(&w, m->nverdicts);
    for (int i = 0; i < m->nverdicts && i < MOVE_VERDICT_MAX; i++) {
        put_u8(&w, m->verdicts[i].rule);
        put_u8(&w, m->verdicts[i].result);
    }
    put_str(&w, m->why, sizeof m->why);
    put_str(&w, m->struck_by, sizeof m->struck_by);
    put_i64(&w, m->struck_at);
    put_str(&w, m->struck_why, sizeof m->struck_why);
    put_str(&w, m->objected_by, sizeof m->objected_by);
    put_i64(&w, m->objected_at);
    put_str(&w, m->objection, sizeof m->objection);
    put_str(&w, m->answered_by, sizeof m->answered_by);
    put_i64(&w, m->answered_at);
    put_str(&w, m->answer, sizeof m->answer);
    return seal(&w);
}

int codec_get_move(const void *buf, size_t len, struct move *out)
{
    struct rbuf r;
    memset(out, 0, sizeof *out);
    rbuf_open(&r, buf, len);
    int version = plan_version(&r, CODEC_MOVE_VERSION);
    out->plan_id = get_u32(&r);
    get_str(&r, out->nip, sizeof out->nip);
    get_str(&r, out->from_position, sizeof out->from_position);
    get_str(&r, out->from_unit, sizeof out->from_unit);
    get_str(&r, out->to_position, sizeof out->to_position);
    get_str(&r, out->to_unit, sizeof out->to_unit);
    out->reason = get_u8(&r);
    get_str(&r, out->note, sizeof out->note);
    get_str(&r, out->added_by, sizeof out->added_by);
    out->added_at = get_i64(&r);
    out->summary = get_u8(&r);
    out->nverdicts = get_u8(&r);
    if (out->nverdicts > MOVE_VERDICT_MAX) {
        r.bad = true;
        out->nverdicts = 0;
    }
    for (int i = 0; i < out->nverdicts && !r.bad; i++) {
        out->verdicts[i].rule = get_u8(&r);
        out->verdicts[i].result = get_u8(&r);
    }
    get_str(&r, out->why, sizeof out->why);
    if (version >= CODEC_PLAN_VERSION) {
        get_str(&r, out->struck_by, sizeof out->struck_by);
        out->struck_at = get_i64(&r);
        get_str(&r, out->struck_why, sizeof out->struck_why);
    }
    if (version >= CODEC_MOVE_VERSION) {
        get_str(&r, out->objected_by, sizeof out->objected_by);
        out->objected_at = get_i64(&r);
        get_str(&r, out->objection, sizeof out->objection);
        get_str(&r, out->answered_by, sizeof out->answered_by);
        out->answered_at = get_i64(&r);
        get_str(&r, out->answer, sizeof out->answer);
    }
    return rbuf_end(&r);
}

/* --- key helpers --------------------------------------------------------- */

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
