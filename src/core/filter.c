/* The filter language (contract in filter.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "core/filter.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/vocab.h"

struct word {
    const char *name;
    int kind;
    bool takes_value;
};

/* English first, then Indonesian. */
static const struct word words[] = {
    {"unit", FLT_UNIT, true},         {"unitkerja", FLT_UNIT, true},
    {"rank", FLT_RANK, true},         {"gol", FLT_RANK, true},
    {"golongan", FLT_RANK, true},     {"family", FLT_FAMILY, true},
    {"rumpun", FLT_FAMILY, true},     {"district", FLT_DISTRICT, true},
    {"kecamatan", FLT_DISTRICT, true}, {"status", FLT_STATUS, true},
    {"eligible", FLT_ELIGIBLE, false}, {"layak", FLT_ELIGIBLE, false},
    {"rotation", FLT_ROTATION, false}, {"rotasi", FLT_ROTATION, false},
    {"short", FLT_SHORT, false},      {"kurang", FLT_SHORT, false},
    {"over", FLT_OVER, false},        {"lebih", FLT_OVER, false},
    {"balanced", FLT_BALANCED, false}, {"seimbang", FLT_BALANCED, false},
};
#define NWORDS (sizeof words / sizeof *words)

const char *const flt_words[] = {
    "unit:", "unitkerja:", "rank:", "gol:", "golongan:", "family:", "rumpun:",
    "district:", "kecamatan:", "status:", "eligible", "layak", "rotation", "rotasi",
    "short", "kurang", "over", "lebih", "balanced", "seimbang", NULL,
};

static const struct word *word_of(const char *w, size_t len, bool with_value)
{
    for (size_t i = 0; i < NWORDS; i++)
        if (words[i].takes_value == with_value && strlen(words[i].name) == len &&
            strncasecmp(words[i].name, w, len) == 0)
            return &words[i];
    return NULL;
}

/* The keys this screen knows, for the message about an unknown one. */
static void known_keys(unsigned allowed, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < NWORDS; i++) {
        if (!(allowed & FLT_BIT(words[i].kind)))
            continue;
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s%s%s", used ? ", " : "", words[i].name,
                 words[i].takes_value ? ":" : "");
    }
}

static int value_term(struct flt_term *t, const struct word *w, const char *val, char *err,
                      size_t errlen)
{
    size_t len = strlen(val);
    if (!len) {
        snprintf(err, errlen, _("\"%s:\" needs a value"), w->name);
        return -1;
    }
    t->kind = w->kind;
    snprintf(t->arg, sizeof t->arg, "%.63s", val);
    if (w->kind == FLT_RANK) {
        t->value = rank_parse(val, len);
        if (t->value <= 0) {
            snprintf(err, errlen, _("no rank \"%s\"; write it like III/a"), val);
            return -1;
        }
    } else if (w->kind == FLT_STATUS) {
        t->value = status_parse(val, len);
        if (t->value <= 0) {
            snprintf(err, errlen, _("no status \"%s\"; use PNS, CPNS or PPPK"), val);
            return -1;
        }
    } else if (w->kind != FLT_UNIT) {
        fold_str(t->arg);
    }
    return 0;
}

static int parse_word(const char *w, size_t len, unsigned allowed, struct flt_term *t,
                      char *err, size_t errlen)
{
    char buf[FLT_ARG_SIZE + 32];
    snprintf(buf, sizeof buf, "%.*s", (int)len, w);
    char known[400];
    char *colon = strchr(buf, ':');
    const struct word *kw = colon ? word_of(buf, (size_t)(colon - buf), true)
                                  : word_of(buf, len, false);
    if (kw && !(allowed & FLT_BIT(kw->kind)))
        kw = NULL;
    if (kw && colon)
        return value_term(t, kw, colon + 1, err, errlen);
    if (kw) {
        t->kind = kw->kind;
        return 0;
    }
    if (colon) {
        known_keys(allowed, known, sizeof known);
        snprintf(err, errlen, _("unknown filter \"%.*s\"; use %s or part of a name"),
                 (int)(colon - buf), buf, known);
        return -1;
    }
    t->kind = FLT_TEXT;
    snprintf(t->arg, sizeof t->arg, "%.63s", buf);
    fold_str(t->arg);
    return 0;
}

int flt_parse(const char *text, unsigned allowed, struct flt *f, char *err, size_t errlen)
{
    memset(f, 0, sizeof *f);
    for (const char *p = text; *p;) {
        while (*p == ' ' || *p == '\t')
            p++;
        size_t len = strcspn(p, " \t");
        if (!len)
            break;
        if (f->n == FLT_TERMS_MAX) {
            snprintf(err, errlen, _("at most %d filter terms"), FLT_TERMS_MAX);
            return -1;
        }
        if (parse_word(p, len, allowed, &f->t[f->n], err, errlen) != 0)
            return -1;
        f->n++;
        p += len;
    }
    return 0;
}

const struct flt_term *flt_find(const struct flt *f, int kind)
{
    for (int i = 0; i < f->n; i++)
        if (f->t[i].kind == kind)
            return &f->t[i];
    return NULL;
}

static int code_cmp(const void *a, const void *b)
{
    return strcmp(a, b);
}

bool flt_term_has_code(const struct flt_term *t, const char *code)
{
    return t->ncodes && bsearch(code, t->codes, t->ncodes, sizeof *t->codes, code_cmp) != NULL;
}
