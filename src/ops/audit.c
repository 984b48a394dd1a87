/* The audit log: read it, verify its chain. */
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

int ops_audit_verify(struct ops *o, size_t *entries, struct ops_err *e)
{
    *entries = 0;
    if (ops_require(o, OPS_DO_AUDIT_VERIFY, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    stxn *t = ops_read_begin(o, e);
    if (!t)
        return OPS_REFUSED;
    const char *why = "";
    uint64_t bad = store_audit_verify(t, &why);
    *entries = store_count_audit(t);
    int rc = bad == 0 ? OPS_OK
                      : ops_fail(e, _("audit chain broken at entry %llu: %s"),
                                 (unsigned long long)bad, why);
    store_read_end(t);
    return rc;
}
