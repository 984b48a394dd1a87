/* The demo region's plans: a draft, one waiting for verification, one
 * approved and one that took effect with its decree, made through the
 * same actions as the verbs (so every screen has something to show).
 * The demo acts as the users of config/demo/users.yaml (ani operator,
 * budi verifier, citra reviewer, dedi approver, eka admin): the audit
 * records them as claimed by the Unix user who ran `mutasi demo`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "ops/approval.h"
#include "ops/demo.h"

#define MAX_TRIES 400            /* adds tried in all: bounds the time at any size */
#define HOLDERS 6                /* people tried per over-staffed position */

struct pick {
    char nips[64][NIP_LEN + 1];  /* people already in a demo plan */
    size_t nused;
    int tries;
    size_t next_short;           /* where the search for a target goes on */
    long *shorts, *overs;        /* position indexes: short of staff, over-staffed */
    size_t nshorts, novers;
};

static void act(struct ops *o, const char *user, unsigned roles)
{
    snprintf(o->user, sizeof o->user, "%s", user);
    o->roles = roles;
}

struct holders {
    char nip[HOLDERS][NIP_LEN + 1];
    size_t n;
};

static int take_holder(const struct staff *s, void *ctx)
{
    struct holders *h = ctx;
    memcpy(h->nip[h->n++], s->nip, NIP_LEN + 1);
    return h->n == HOLDERS;
}

static bool used(const struct pick *pk, const char *nip)
{
    for (size_t i = 0; i < pk->nused; i++)
        if (strcmp(pk->nips[i], nip) == 0)
            return true;
    return false;
}

/* One person of an over-staffed position of the same job family into the
 * target, through ops_plan_add (every rule judged). */
static bool add_one(struct ops *o, struct workload *w, struct pick *pk, uint32_t plan,
                    long target)
{
    const char *family = workload_position_family(w, (size_t)target);
    for (size_t i = 0; i < pk->novers && pk->tries < MAX_TRIES; i++) {
        if (strcmp(workload_position_family(w, (size_t)pk->overs[i]), family) != 0)
            continue;
        struct holders h = {.n = 0};
        struct ops_err e;
        stxn *t = ops_read_begin(o, &e);
        if (!t)
            return false;
        store_each_staff_in_position(t, workload_position_code(w, (size_t)pk->overs[i]),
                                     take_holder, &h);
        store_read_end(t);
        for (size_t k = 0; k < h.n && pk->tries < MAX_TRIES; k++) {
            if (used(pk, h.nip[k]))
                continue;
            pk->tries++;
            struct ops_move_req rq = {plan, h.nip[k], workload_position_code(w, (size_t)target),
                                      REASON_WORKLOAD, NULL, 0};
            if (ops_plan_add(o, &rq, NULL, NULL, NULL, &e) == OPS_OK) {
                if (pk->nused < sizeof pk->nips / sizeof *pk->nips)
                    memcpy(pk->nips[pk->nused++], h.nip[k], NIP_LEN + 1);
                return true;
            }
        }
    }
    return false;
}

/* A plan of up to n moves, each into another short position. */
static uint32_t make_plan(struct ops *o, struct workload *w, struct pick *pk, const char *name,
                          size_t n)
{
    struct ops_err e;
    uint32_t id;
    act(o, "ani", ROLE_OPERATOR);
    if (ops_plan_new(o, name, "2026", &id, &e) != OPS_OK)
        return 0;
    size_t added = 0;
    while (added < n && pk->next_short < pk->nshorts && pk->tries < MAX_TRIES)
        if (add_one(o, w, pk, id, pk->shorts[pk->next_short++]))
            added++;
    return added ? id : 0;
}

static int steps(struct ops *o, uint32_t id, int upto)
{
    static const struct {
        const char *user, *step;
        unsigned roles;
    } route[] = {
        {"ani", "submit", ROLE_OPERATOR},
        {"budi", "verify", ROLE_VERIFIER},
        {"citra", "review", ROLE_REVIEWER},
        {"dedi", "approve", ROLE_APPROVER},
    };
    struct ops_err e;
    for (int i = 0; i < upto; i++) {
        const struct wf_step *s = ops_route_step(&o->cfg->workflow, route[i].step);
        if (!s)
            return OPS_REFUSED;
        act(o, route[i].user, route[i].roles);
        struct ops_step_req rq = {.plan = id, .step = s->name};
        if (ops_plan_step(o, &rq, &e) != OPS_OK)
            return OPS_REFUSED;
    }
    return OPS_OK;
}

/* The signing official: whoever holds the first JPT position. */
static int find_signer(const struct position *p, void *ctx)
{
    char *code = ctx;
    if (p->kind != PKIND_JPT)
        return 0;
    snprintf(code, CODE_SIZE, "%s", p->code);
    return 1;
}

static int first_holder(const struct staff *s, void *ctx)
{
    memcpy(ctx, s->nip, NIP_LEN + 1);
    return 1;
}

static bool signer_nip(struct ops *o, char nip[NIP_LEN + 1])
{
    char code[CODE_SIZE] = "";
    struct ops_err e;
    nip[0] = '\0';
    stxn *t = ops_read_begin(o, &e);
    if (!t)
        return false;
    store_each_position(t, find_signer, code);
    if (code[0])
        store_each_staff_in_position(t, code, first_holder, nip);
    store_read_end(t);
    return nip[0] != '\0';
}

static int take_effect(struct ops *o, uint32_t id)
{
    char nip[NIP_LEN + 1];
    struct ops_err e;
    if (steps(o, id, 4) != OPS_OK || !signer_nip(o, nip))
        return OPS_REFUSED;
    int y, m, d;
    date_to_ymd(o->today, &y, &m, &d);
    char number[SK_NUMBER_SIZE];
    snprintf(number, sizeof number, "800/%03u/BKPSDM/%d", (unsigned)(100 + id), y);
    struct ops_sk_req sk = {.plan = id, .number = number, .signer_nip = nip,
                            .date = date_add_months(o->today, -1),
                            .tmt = date_add_months(o->today, -1) + 14};
    act(o, "eka", ROLE_ADMIN);
    if (ops_plan_issue_sk(o, &sk, &e) != OPS_OK)
        return OPS_REFUSED;
    struct ops_apply_result r;
    return ops_plan_apply(o, id, 0, &r, &e);
}

static int collect(struct workload *w, struct pick *pk)
{
    size_t n = workload_position_count(w);
    pk->shorts = malloc((n ? n : 1) * sizeof *pk->shorts);
    pk->overs = malloc((n ? n : 1) * sizeof *pk->overs);
    if (!pk->shorts || !pk->overs)
        return -1;
    for (size_t i = 0; i < n; i++) {
        int64_t gap = wl_gap(workload_position_row(w, i));
        if (gap < 0)
            pk->shorts[pk->nshorts++] = (long)i;
        else if (gap > 1)
            pk->overs[pk->novers++] = (long)i;
    }
    return 0;
}

int ops_demo_plans(struct ops *o, size_t *made, struct ops_err *e)
{
    struct wl_problems pr;
    struct pick pk;
    *made = 0;
    if (!o->cfg)
        return ops_fail(e, "%s", _("the approval route needs the configuration"));
    memset(&pk, 0, sizeof pk);
    struct workload *w = ops_workload_load(o, &pr, e);
    if (!w)
        return OPS_REFUSED;
    char saved_user[sizeof o->user];
    unsigned saved_roles = o->roles;
    memcpy(saved_user, o->user, sizeof saved_user);
    int rc = collect(w, &pk) == 0 ? OPS_OK : ops_fail(e, "%s", _("out of memory"));
    uint32_t draft = 0, waiting = 0, approved = 0, applied = 0;
    if (rc == OPS_OK) {
        /* made in the order that leaves the draft's moves judged last */
        applied = make_plan(o, w, &pk, "Mutasi Tenaga Kesehatan 2026", 3);
        if (applied && take_effect(o, applied) == OPS_OK)
            ++*made;
        approved = make_plan(o, w, &pk, "Rotasi Jabatan Pelaksana 2026", 3);
        if (approved && steps(o, approved, 4) == OPS_OK)
            ++*made;
        waiting = make_plan(o, w, &pk, "Penyegaran Puskesmas 2026", 2);
        if (waiting && steps(o, waiting, 1) == OPS_OK)
            ++*made;
        draft = make_plan(o, w, &pk, "Mutasi Triwulan IV 2026 (draf)", 2);
        if (draft)
            ++*made;
    }
    memcpy(o->user, saved_user, sizeof saved_user);
    o->roles = saved_roles;
    free(pk.shorts);
    free(pk.overs);
    workload_free(w);
    return rc;
}
