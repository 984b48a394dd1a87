/* The filter language of the list screens (`f`): words separated by
 * spaces, every one of which must hold (they combine by AND). A word is
 * KEY:VALUE, a keyword, or text to find in the name. Keys, keywords and
 * values are case-insensitive and exist in English and Indonesian:
 *
 *     unit: unitkerja:   the unit and every unit below it   unit:DINKES
 *     rank: gol:         rank (golongan)                    rank:III/b
 *     family: rumpun:    job family (part of it)            family:kesehatan
 *     district: kecamatan:  the unit's district (part of it)
 *     status:            PNS, CPNS or PPPK                  status:pns
 *     eligible layak     no person rule blocks a move
 *     rotation rotasi    years in post over the policy's rotation limit
 *     short kurang / over lebih / balanced seimbang   (Units)
 *
 * Usage:
 *     struct flt f;
 *     char err[200];
 *     if (flt_parse("rank:III/b rotasi", FLT_STAFF, &f, err, sizeof err) != 0)
 *         show err;
 *     for (int i = 0; i < f.n; i++) switch (f.t[i].kind) ...
 *
 * Parsing is pure; what a unit or district stands for is resolved by the
 * caller that can read the unit tree (ops_filter_resolve). */
#ifndef MUTASI_CORE_FILTER_H
#define MUTASI_CORE_FILTER_H
#include <stdbool.h>
#include <stddef.h>

enum flt_kind {
    FLT_TEXT, FLT_UNIT, FLT_RANK, FLT_FAMILY, FLT_DISTRICT, FLT_STATUS,
    FLT_ELIGIBLE, FLT_ROTATION, FLT_SHORT, FLT_OVER, FLT_BALANCED, FLT_KINDS_
};
#define FLT_BIT(k) (1u << (k))
/* The kinds each screen understands. */
#define FLT_STAFF (FLT_BIT(FLT_TEXT) | FLT_BIT(FLT_UNIT) | FLT_BIT(FLT_RANK) | \
                   FLT_BIT(FLT_FAMILY) | FLT_BIT(FLT_DISTRICT) | FLT_BIT(FLT_STATUS) | \
                   FLT_BIT(FLT_ELIGIBLE) | FLT_BIT(FLT_ROTATION))
#define FLT_UNITS (FLT_BIT(FLT_TEXT) | FLT_BIT(FLT_SHORT) | FLT_BIT(FLT_OVER) | \
                   FLT_BIT(FLT_BALANCED))

#define FLT_TERMS_MAX 8
#define FLT_ARG_SIZE 64
struct flt_term {
    int kind;                   /* enum flt_kind */
    char arg[FLT_ARG_SIZE];     /* the value as typed, folded to lower case
                                 * (unit codes: as typed) */
    int value;                  /* rank or status number */
    /* unit, district: the codes of the units the term stands for, sorted
     * (filled by ops_filter_resolve; owned, ops_filter_free) */
    char (*codes)[32];
    size_t ncodes;
};
struct flt {
    struct flt_term t[FLT_TERMS_MAX];
    int n;
};

/* Parses text into f (n = 0 for an empty text). allowed: FLT_STAFF or
 * FLT_UNITS. Returns 0, or -1 with a translated sentence in err. */
int flt_parse(const char *text, unsigned allowed, struct flt *f, char *err, size_t errlen);
/* The term of that kind, or NULL. */
const struct flt_term *flt_find(const struct flt *f, int kind);
/* True when code is one of the term's sorted codes. */
bool flt_term_has_code(const struct flt_term *t, const char *code);
/* The keys and keywords of the language, for completion and help. */
extern const char *const flt_words[];
#endif
