/* Plans and moves: their encoding (codec.h). */
#include "store/codec_prim.h"

/* --- plans and moves ----------------------------------------------------- *
 * Their own version byte (CODEC_PLAN_VERSION). Version 2 appends, after
 * the fields of version 1: to a plan its SK, applied_at and timeline (a
 * count byte, then each step); to a move who struck it, when and why.
 * Version 1 records decode with those empty. */

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
