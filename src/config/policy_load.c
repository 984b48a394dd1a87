/* policy.yaml: a schema table (key, type, range, place in struct policy)
 * walked against the document. Every key is required: a policy in force is
 * written out in full, so that what `policy check` shows is what the file
 * says; a key the file lacks is an error that names it. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "config/config.h"
#include "config/ytree.h"
#include "core/i18n.h"
#include "core/vocab.h"

enum ftype { F_GROUP, F_INT, F_INT64, F_BOOL, F_SEVERITY, F_ROUNDING,
             F_HUNDREDTHS, F_SKP, F_DISCIPLINE, F_BUP_MAP };

struct field {
    const char *key;
    enum ftype type;
    size_t off;                         /* in struct policy */
    long long lo, hi;
    const struct field *sub;            /* F_GROUP: its fields, {NULL} ended */
    /* F_GROUP: checks across its fields once each one is valid */
    void (*check)(const struct yctx *c, const struct ynode *group,
                  const char *path, const struct policy *p);
    bool optional;                      /* F_INT: missing = policy_defaults' value */
};

#define OFF(member) offsetof(struct policy, member)
#define INT(k, m, lo, hi) {k, F_INT, OFF(m), lo, hi, NULL, NULL}
#define SEV(k, m) {k, F_SEVERITY, OFF(m), 0, 0, NULL, NULL}
/* A key added after files were written: older files lack it. */
#define OPT_INT(k, m, lo, hi) {k, F_INT, OFF(m), lo, hi, NULL, NULL, true}
#define END {NULL, F_INT, 0, 0, 0, NULL, NULL}

static void check_bands(const struct yctx *c, const struct ynode *group,
                        const char *path, const struct policy *p)
{
    if (!(p->ej_a_above >= p->ej_b_from && p->ej_b_from >= p->ej_c_from &&
          p->ej_c_from >= p->ej_d_from))
        y_error(c, group, _("%s must not increase: a_above >= b_from >= c_from >= d_from"),
                path);
}

/* A move's cost must stay positive for the optimiser's flow to mean
 * "fewest moves": a bonus larger than the cost would reward moving.
 * prefer_bonus is checked where the file gives it: a file written before
 * it existed stays valid (with a small move_cost its default may make a
 * wished move free, which still makes no move more: the flow's value is
 * fixed, see core/planner.h). */
static void check_costs(const struct yctx *c, const struct ynode *group,
                        const char *path, const struct policy *p)
{
    if (p->optimiser.home_bonus >= p->optimiser.move_cost && p->optimiser.move_cost > 0)
        y_error(c, group, _("%s.home_bonus must be less than %s.move_cost (%d), got %d"),
                path, path, p->optimiser.move_cost, p->optimiser.home_bonus);
    else if (y_get(group, "prefer_bonus") &&
             p->optimiser.home_bonus + p->optimiser.prefer_bonus >= p->optimiser.move_cost &&
             p->optimiser.move_cost > 0)
        y_error(c, group, _("%s.home_bonus + %s.prefer_bonus must be less than %s.move_cost "
                            "(%d), got %d + %d"),
                path, path, path, p->optimiser.move_cost, p->optimiser.home_bonus,
                p->optimiser.prefer_bonus);
}

static const struct field bands[] = {
    {"a_above", F_HUNDREDTHS, OFF(ej_a_above), 0, 1000, NULL, NULL},
    {"b_from", F_HUNDREDTHS, OFF(ej_b_from), 0, 1000, NULL, NULL},
    {"c_from", F_HUNDREDTHS, OFF(ej_c_from), 0, 1000, NULL, NULL},
    {"d_from", F_HUNDREDTHS, OFF(ej_d_from), 0, 1000, NULL, NULL},
    END,
};
static const struct field workload[] = {
    /* minutes in a leap year at most */
    {"effective_minutes", F_INT64, OFF(effective_minutes), 60, 527040, NULL, NULL},
    {"rounding", F_ROUNDING, OFF(rounding), 0, 0, NULL, NULL},
    {"ej_bands", F_GROUP, 0, 0, 0, bands, check_bands},
    OPT_INT("balanced_within", balanced_within, 0, 100000),
    END,
};
static const struct field bup[] = {
    INT("jpt", bup.jpt, 50, 70),
    INT("administrasi", bup.administrasi, 50, 70),
    INT("ahli_pertama", bup.ahli_pertama, 50, 70),
    INT("ahli_muda", bup.ahli_muda, 50, 70),
    INT("ahli_madya", bup.ahli_madya, 50, 70),
    INT("ahli_utama", bup.ahli_utama, 50, 70),
    INT("keterampilan", bup.keterampilan, 50, 70),
    {"by_job_family", F_BUP_MAP, OFF(bup.by_family), 50, 70, NULL, NULL},
    {"by_position", F_BUP_MAP, OFF(bup.by_position), 50, 70, NULL, NULL},
    END,
};
static const struct field status[] = {
    SEV("severity", status.severity),
    {"allow_pppk", F_BOOL, OFF(status.allow_pppk), 0, 0, NULL, NULL},
    END,
};
static const struct field tenure[] = {
    SEV("severity", tenure.severity),
    INT("min_months", tenure.min_months, 0, 480),
    INT("rotation_months", tenure.rotation_months, 0, 480),
    END,
};
static const struct field first_placement[] = {
    SEV("severity", first_placement.severity),
    INT("years", first_placement.years, 0, 40),
    END,
};
static const struct field retirement[] = {
    SEV("severity", retirement.severity),
    INT("months", retirement.months, 0, 120),
    END,
};
static const struct field discipline[] = {
    SEV("severity", discipline.severity),
    {"blocked_from", F_DISCIPLINE, OFF(discipline.blocked_from), 0, 0, NULL, NULL},
    SEV("leave_severity", discipline.leave_severity),
    END,
};
static const struct field performance[] = {
    SEV("severity", performance.severity),
    {"min_predikat", F_SKP, OFF(performance.min_predikat), 0, 0, NULL, NULL},
    INT("years", performance.years, 1, 10),
    END,
};
static const struct field fit[] = {
    SEV("severity", fit.severity),
    SEV("competency_severity", fit.competency_severity),
    END,
};
static const struct field need[] = {
    SEV("severity", need.severity),
    INT("origin_margin", need.origin_margin, 0, 100000),
    END,
};
static const struct field plan[] = {
    SEV("severity", plan.severity),
    INT("max_moves_out", plan.max_moves_out, 0, 100000),
    INT("max_moves_in", plan.max_moves_in, 0, 100000),
    END,
};
static const struct field optimiser[] = {
    INT("move_cost", optimiser.move_cost, 1, 1000000),
    INT("district_cost", optimiser.district_cost, 0, 1000000),
    INT("home_bonus", optimiser.home_bonus, 0, 1000000),
    INT("competency_cost", optimiser.competency_cost, 0, 1000000),
    OPT_INT("prefer_bonus", optimiser.prefer_bonus, 0, 1000000),
    OPT_INT("avoid_cost", optimiser.avoid_cost, 0, 1000000),
    INT("max_moves", optimiser.max_moves, 0, 10000000),
    END,
};
static const struct field top[] = {
    {"workload", F_GROUP, 0, 0, 0, workload, NULL},
    {"retirement_age", F_GROUP, 0, 0, 0, bup, NULL},
    {"status", F_GROUP, 0, 0, 0, status, NULL},
    {"tenure", F_GROUP, 0, 0, 0, tenure, NULL},
    {"first_placement", F_GROUP, 0, 0, 0, first_placement, NULL},
    {"retirement", F_GROUP, 0, 0, 0, retirement, NULL},
    {"discipline", F_GROUP, 0, 0, 0, discipline, NULL},
    {"performance", F_GROUP, 0, 0, 0, performance, NULL},
    {"fit", F_GROUP, 0, 0, 0, fit, NULL},
    {"need", F_GROUP, 0, 0, 0, need, NULL},
    {"plan", F_GROUP, 0, 0, 0, plan, NULL},
    {"optimiser", F_GROUP, 0, 0, 0, optimiser, check_costs},
    END,
};

static const char *const severity_names[] = {"block", "warn", "off", NULL};
static const int severity_values[] = {SEV_BLOCK, SEV_WARN, SEV_OFF};
static const char *const rounding_names[] = {"half-up", "up", NULL};
static const int rounding_values[] = {ROUND_HALF_UP, ROUND_UP};
static const char *const skp_names[] = {"sangat-baik", "baik", "butuh-perbaikan",
                                        "kurang", "sangat-kurang", NULL};
static const char *const discipline_names[] = {"ringan", "sedang", "berat", NULL};

/* What a field expects, for "missing" messages. */
static const char *expected(const struct field *f, char *buf, size_t size)
{
    char list[160];
    switch (f->type) {
    case F_GROUP: return _("a mapping of settings");
    case F_BUP_MAP:
        snprintf(buf, size, _("a mapping of names to ages from %lld to %lld ({} for none)"),
                 f->lo, f->hi);
        return buf;
    case F_INT:
    case F_INT64:
        snprintf(buf, size, _("a number from %lld to %lld"), f->lo, f->hi);
        return buf;
    case F_HUNDREDTHS:
        snprintf(buf, size, _("a decimal from %lld.%02lld to %lld.%02lld"),
                 f->lo / 100, f->lo % 100, f->hi / 100, f->hi % 100);
        return buf;
    case F_BOOL: return _("true or false");
    case F_SEVERITY: y_join(severity_names, list, sizeof list); break;
    case F_ROUNDING: y_join(rounding_names, list, sizeof list); break;
    case F_SKP: y_join(skp_names, list, sizeof list); break;
    case F_DISCIPLINE: y_join(discipline_names, list, sizeof list); break;
    }
    snprintf(buf, size, _("one of %s"), list);
    return buf;
}

/* A vocabulary word through core's parser (which knows the variants). */
static bool vocab(const struct yctx *c, const struct ynode *n, const char *what,
                  int (*parse)(const char *, size_t), const char *const *names, int *out)
{
    if (n->kind == Y_SCALAR) {
        int v = parse(n->text, n->len);
        if (v > 0) {
            *out = v;
            return true;
        }
    }
    int ignored;
    y_choice(c, n, what, names, &ignored);      /* reports */
    return false;
}

static void walk_group(const struct yctx *c, const struct ynode *m, const char *path,
                       const struct field *fields, struct policy *p);

/* Overrides: "name: years" pairs, the name a job family or a position code. */
static bool bup_map(const struct yctx *c, const struct ynode *m, const char *path,
                    const struct field *f, struct policy *p)
{
    struct bup_overrides o;
    memset(&o, 0, sizeof o);
    int before = c->errs->n;
    for (const struct ynode *n = m->child; n; n = n->next) {
        char what[128];
        long long v;
        y_path(what, sizeof what, path, n->key);
        if (strlen(n->key) >= BUP_KEY_SIZE)
            y_key_error(c, n, _("%s: a name of at most %d bytes"), what, BUP_KEY_SIZE - 1);
        else if (o.n >= BUP_OVERRIDE_MAX)
            y_key_error(c, n, _("%s: at most %d overrides"), path, BUP_OVERRIDE_MAX);
        else if (y_int(c, n, what, f->lo, f->hi, &v)) {
            strcpy(o.e[o.n].key, n->key);
            o.e[o.n++].years = (int)v;
        }
    }
    if (c->errs->n != before)
        return false;
    memcpy((char *)p + f->off, &o, sizeof o);
    return true;
}

/* Stores through the table's offset (memcpy: the offset carries no type). */
static void put_int(struct policy *p, const struct field *f, int v)
{
    memcpy((char *)p + f->off, &v, sizeof v);
}

static void default_int(struct policy *p, const struct field *f)
{
    struct policy d;
    policy_defaults(&d);
    int v;
    memcpy(&v, (const char *)&d + f->off, sizeof v);
    put_int(p, f, v);
}

static bool one_field(const struct yctx *c, const struct ynode *n, const char *what,
                      const struct field *f, struct policy *p)
{
    long long v;
    int i;
    bool ok = false, b;
    int64_t v64;
    switch (f->type) {
    case F_GROUP:
        if (y_is_map(c, n, what)) {
            int before = c->errs->n;
            walk_group(c, n, what, f->sub, p);
            ok = c->errs->n == before;
            if (ok && f->check)
                f->check(c, n, what, p);
        }
        break;
    case F_BUP_MAP:
        ok = y_is_map(c, n, what) && bup_map(c, n, what, f, p);
        break;
    case F_INT:
        if ((ok = y_int(c, n, what, f->lo, f->hi, &v)))
            put_int(p, f, (int)v);
        break;
    case F_INT64:
        if ((ok = y_int(c, n, what, f->lo, f->hi, &v))) {
            v64 = v;
            memcpy((char *)p + f->off, &v64, sizeof v64);
        }
        break;
    case F_HUNDREDTHS:
        if ((ok = y_hundredths(c, n, what, f->lo, f->hi, &v)))
            put_int(p, f, (int)v);
        break;
    case F_BOOL:
        if ((ok = y_bool(c, n, what, &b)))
            memcpy((char *)p + f->off, &b, sizeof b);
        break;
    case F_SEVERITY:
        if ((ok = y_choice(c, n, what, severity_names, &i)))
            put_int(p, f, severity_values[i]);
        break;
    case F_ROUNDING:
        if ((ok = y_choice(c, n, what, rounding_names, &i)))
            put_int(p, f, rounding_values[i]);
        break;
    case F_SKP:
        if ((ok = vocab(c, n, what, skp_parse, skp_names, &i)))
            put_int(p, f, i);
        break;
    case F_DISCIPLINE:
        if ((ok = vocab(c, n, what, discipline_parse, discipline_names, &i)))
            put_int(p, f, i);
        break;
    }
    return ok;
}

static void walk_group(const struct yctx *c, const struct ynode *m, const char *path,
                       const struct field *fields, struct policy *p)
{
    const char *keys[24];
    size_t nk = 0;
    for (const struct field *f = fields; f->key && nk + 1 < sizeof keys / sizeof *keys; f++)
        keys[nk++] = f->key;
    keys[nk] = NULL;
    y_check_keys(c, m, path, keys);
    for (const struct field *f = fields; f->key; f++) {
        char what[128], exp[128];
        y_path(what, sizeof what, path, f->key);
        const struct ynode *n = y_get(m, f->key);
        if (n)
            one_field(c, n, what, f, p);
        else if (f->optional)
            default_int(p, f);
        else
            y_error(c, m, _("%s is missing (%s)"), what, expected(f, exp, sizeof exp));
    }
}

int config_parse_policy(const char *name, const unsigned char *buf, size_t len,
                        struct policy *out, struct config_errors *errs)
{
    struct yctx c = {.file = name, .errs = errs};
    int before = errs->n;
    struct policy tmp;
    memset(&tmp, 0, sizeof tmp);
    struct ynode *root = ytree_parse(&c, buf, len);
    if (root && y_is_map(&c, root, _("the policy")))
        walk_group(&c, root, "", top, &tmp);
    else if (!root && errs->n == before)
        cfg_error(errs, name, 0, 0, _("empty; expected the policy settings"));
    ytree_free(root);
    cfg_sort_errors(errs, before);
    if (errs->n != before)
        return -1;
    *out = tmp;
    return 0;
}
