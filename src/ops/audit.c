/* The audit log: read it, verify its chain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/hex.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/access.h"
#include "ops/ops.h"

int ops_audit_each(struct ops *o, store_audit_cb cb, void *ctx, struct ops_err *e)
{
    if (ops_require(o, OPS_DO_AUDIT, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int r = store_each_audit(t, true, cb, ctx);
    store_read_end(t);
    if (r < 0)
        return ops_fail(e, "%s", store_errmsg(o->db));
    return r > 0 ? OPS_STOPPED : OPS_OK;
}

int ops_audit_head(struct ops *o, uint64_t *seq, char hex[65], struct ops_err *e)
{
    unsigned char h[32];
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int r = store_audit_head(t, seq, h);
    store_read_end(t);
    if (r != STORE_OK)
        return ops_fail(e, "%s", store_errmsg(o->db));
    hex_encode(h, 32, hex);
    return OPS_OK;
}

/* Entry seq against an anchor taken earlier. */
static int check_anchor(struct ops *o, stxn *t, uint64_t seq, const char *want,
                        struct ops_err *e)
{
    unsigned char h[32];
    char hex[65];
    int r = store_audit_entry_hash(t, seq, h);
    if (r == STORE_NOTFOUND)
        return ops_fail(e, _("the audit log has no entry %llu: the chain no longer passes "
                             "through the anchor %llu:%s"),
                        (unsigned long long)seq, (unsigned long long)seq, want);
    if (r != STORE_OK)
        return ops_fail(e, "%s", store_errmsg(o->db));
    hex_encode(h, 32, hex);
    if (strcasecmp(hex, want) != 0)
        return ops_fail(e, _("audit entry %llu has hash %s, not %s: the log was rewritten "
                             "since that anchor was taken"),
                        (unsigned long long)seq, hex, want);
    return OPS_OK;
}

static int check_data(struct ops *o, stxn *t, struct ops_audit_report *out, struct ops_err *e)
{
    char differ[AUDIT_DIGEST_MAX][AUDIT_DB_NAME], list[AUDIT_DIGEST_MAX * (AUDIT_DB_NAME + 2)];
    int n;
    bool has;
    uint64_t seq;
    if (store_audit_check_data(t, &seq, &has, differ, &n) != STORE_OK)
        return ops_fail(e, "%s", store_errmsg(o->db));
    out->data_checked = has;
    if (n == 0)
        return OPS_OK;
    list[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t len = strlen(list);
        snprintf(list + len, sizeof list - len, "%s%.*s", i ? ", " : "", AUDIT_DB_NAME,
                 differ[i]);
    }
    return ops_fail(e, _("the data differs from audit entry %llu in: %s (changed without an "
                         "audit entry, e.g. by another program)"),
                    (unsigned long long)seq, list);
}

int ops_audit_verify_all(struct ops *o, uint64_t against_seq, const char *against_hex,
                         struct ops_audit_report *out, struct ops_err *e)
{
    unsigned char h[32];
    memset(out, 0, sizeof *out);
    if (ops_require(o, OPS_DO_AUDIT_VERIFY, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    const char *why = "";
    uint64_t bad = store_audit_verify(t, &why);
    out->entries = store_count_audit(t);
    int rc = OPS_OK;
    if (bad != 0)
        rc = ops_fail(e, _("audit chain broken at entry %llu: %s"), (unsigned long long)bad, why);
    else if (store_audit_head(t, &out->head_seq, h) != STORE_OK)
        rc = ops_fail(e, "%s", store_errmsg(o->db));
    if (rc == OPS_OK && against_seq)
        rc = check_anchor(o, t, against_seq, against_hex, e);
    if (rc == OPS_OK)
        rc = check_data(o, t, out, e);
    store_read_end(t);
    return rc;
}

/* --- a page for the Audit screen ------------------------------------------ */

static bool object_names_plan(const char *object, uint32_t plan)
{
    char want[24];
    int n = snprintf(want, sizeof want, "plan %u", (unsigned)plan);
    return strncmp(object, want, (size_t)n) == 0 && (object[n] == '\0' || object[n] == ' ');
}

static bool audit_matches(const struct audit_entry *a, const struct ops_audit_filter *f)
{
    return (!f->user[0] || strstr(a->user, f->user)) &&
           (!f->action[0] || strstr(a->action, f->action)) &&
           (!f->plan || object_names_plan(a->object, f->plan)) &&
           (!f->nip[0] || strstr(a->object, f->nip));
}

struct page_ctx {
    const struct ops_audit_filter *f;
    struct audit_entry *out;
    size_t max, n;
    uint64_t next;
};

static int take_page(const struct audit_entry *a, void *ctx)
{
    struct page_ctx *c = ctx;
    if (c->n == c->max) {
        c->next = a->seq;       /* the next page starts here */
        return 1;
    }
    /* a damaged entry shows whatever the filter: its fields are unknown */
    if (!c->f || a->damaged || audit_matches(a, c->f))
        c->out[c->n++] = *a;
    return 0;
}

int ops_audit_page(struct ops *o, uint64_t from_seq, const struct ops_audit_filter *f,
                   struct audit_entry *out, size_t max, size_t *n, uint64_t *next_seq,
                   struct ops_err *e)
{
    struct page_ctx c = {f, out, max, 0, 0};
    *n = 0;
    *next_seq = 0;
    if (ops_require(o, OPS_DO_AUDIT, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    int r = store_each_audit_past_damage(t, from_seq, true, take_page, &c);
    store_read_end(t);
    if (r < 0)
        return ops_fail(e, "%s", store_errmsg(o->db));
    *n = c.n;
    *next_seq = c.next;
    return OPS_OK;
}

static int filter_word(const char *w, size_t len, struct ops_audit_filter *f, struct ops_err *e)
{
    const char *colon = memchr(w, ':', len);
    size_t key = colon ? (size_t)(colon - w) : 0;
    const char *v = colon ? colon + 1 : NULL;
    size_t vlen = colon ? len - key - 1 : 0;
    if (colon && key == 4 && strncmp(w, "user", 4) == 0 && vlen < sizeof f->user) {
        snprintf(f->user, sizeof f->user, "%.*s", (int)vlen, v);
        return 0;
    }
    if (colon && key == 6 && strncmp(w, "action", 6) == 0 && vlen < sizeof f->action) {
        snprintf(f->action, sizeof f->action, "%.*s", (int)vlen, v);
        return 0;
    }
    if (colon && key == 4 && strncmp(w, "plan", 4) == 0 && vlen > 0 && vlen < 10 &&
        strspn(v, "0123456789") >= vlen) {
        f->plan = (uint32_t)strtoul(v, NULL, 10);
        if (f->plan)
            return 0;
    }
    if (colon && (key == 3 || key == 6) &&
        (strncmp(w, "nip", 3) == 0 || strncmp(w, "person", 6) == 0) &&
        nip_parse(v, vlen, f->nip) == NIP_OK)
        return 0;
    ops_fail(e, _("\"%.*s\" is not a filter: user:NAME plan:ID nip:NIP action:TEXT"), (int)len, w);
    return -1;
}

int ops_audit_filter_parse(const char *text, struct ops_audit_filter *f, struct ops_err *e)
{
    memset(f, 0, sizeof *f);
    for (const char *p = text; *p;) {
        p += strspn(p, " ");
        size_t len = strcspn(p, " ");
        if (len && filter_word(p, len, f, e) != 0)
            return -1;
        p += len;
    }
    return 0;
}
