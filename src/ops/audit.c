/* The audit log: read it, verify its chain. */
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
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

static void to_hex(const unsigned char h[32], char hex[65])
{
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", h[i]);
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
    to_hex(h, hex);
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
    to_hex(h, hex);
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
