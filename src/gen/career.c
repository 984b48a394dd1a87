/* Careers of the demo region (gen/career.h). */
#include <string.h>
#include "core/vocab.h"
#include "gen/career.h"
#include "gen/names.h"
#include "gen/text.h"

mdate career_first_of_month(mdate t)
{
    int y, m, d;
    date_to_ymd(t, &y, &m, &d);
    return date_from_ymd(y, m, 1);
}

int career_is_keahlian(int level)
{
    return level >= PLEVEL_AHLI_PERTAMA && level <= PLEVEL_AHLI_UTAMA;
}

/* Lowest and highest rank of the people who usually hold this post. */
void career_rank_band(int kind, int level, int *lo, int *hi)
{
    static const int8_t band[][2] = {
        [PLEVEL_AHLI_PERTAMA] = {9, 10}, [PLEVEL_AHLI_MUDA] = {11, 12},
        [PLEVEL_AHLI_MADYA] = {13, 15},  [PLEVEL_AHLI_UTAMA] = {16, 17},
        [PLEVEL_PEMULA] = {5, 5},        [PLEVEL_TERAMPIL] = {6, 8},
        [PLEVEL_MAHIR] = {9, 10},        [PLEVEL_PENYELIA] = {11, 12},
    };
    switch (kind) {
    case PKIND_JPT: *lo = 15; *hi = 17; return;
    case PKIND_ADMINISTRATOR: *lo = 12; *hi = 15; return;
    case PKIND_PENGAWAS: *lo = 10; *hi = 13; return;
    case PKIND_PELAKSANA: *lo = 5; *hi = 12; return;
    default: *lo = band[level][0]; *hi = band[level][1]; return;
    }
}

int career_min_education(int kind, int level, int track, const struct job *j)
{
    switch (kind) {
    case PKIND_JPT:
    case PKIND_ADMINISTRATOR: return EDU_S1;
    case PKIND_PENGAWAS: return EDU_D3;
    case PKIND_PELAKSANA: return j->min_edu;
    default: break;
    }
    if (career_is_keahlian(level)) {
        if (track == TR_DOKTER_SP)
            return EDU_S2;
        if (track == TR_DOKTER || track == TR_DOKTER_GIGI || track == TR_FARMASI)
            return EDU_S1;
        return EDU_D4;
    }
    return level == PLEVEL_PEMULA ? EDU_SMA : EDU_D3;
}


/* Age (lo, mode, hi) of the people at each kind of post. */
void career_age_band(int kind, int level, int *lo, int *mode, int *hi)
{
    static const int8_t band[][3] = {
        [PLEVEL_AHLI_PERTAMA] = {24, 35, 56}, [PLEVEL_AHLI_MUDA] = {33, 53, 57},
        [PLEVEL_AHLI_MADYA] = {42, 57, 59},   [PLEVEL_AHLI_UTAMA] = {50, 60, 64},
        [PLEVEL_PEMULA] = {19, 25, 45},       [PLEVEL_TERAMPIL] = {22, 45, 57},
        [PLEVEL_MAHIR] = {32, 52, 57},        [PLEVEL_PENYELIA] = {40, 55, 57},
    };
    switch (kind) {
    case PKIND_JPT: *lo = 44; *mode = 56; *hi = 59; return;
    case PKIND_ADMINISTRATOR: *lo = 37; *mode = 54; *hi = 57; return;
    case PKIND_PENGAWAS: *lo = 31; *mode = 52; *hi = 57; return;
    case PKIND_PELAKSANA: *lo = 20; *mode = 52; *hi = 57; return;
    default:
        *lo = band[level][0]; *mode = band[level][1]; *hi = band[level][2];
        return;
    }
}

/* Youngest age at which someone with this education becomes CPNS. */
int career_entry_age(int edu, int track)
{
    if (track == TR_DOKTER || track == TR_DOKTER_SP || track == TR_DOKTER_GIGI)
        return 24;
    if (edu >= EDU_S2)
        return 24;
    if (edu >= EDU_D4)
        return 22;
    if (edu >= EDU_D3)
        return 21;
    return 18;
}

/* Starting rank of a CPNS by the diploma they were recruited with. */
int career_entry_rank(int edu, int track)
{
    if (track == TR_DOKTER || track == TR_DOKTER_SP || track == TR_DOKTER_GIGI)
        return 10;                          /* III/b */
    if (edu >= EDU_S2)
        return 9;                           /* recruited with their S-1 */
    if (edu >= EDU_D4)
        return 9;                           /* III/a */
    if (edu == EDU_D3)
        return 7;                           /* II/c */
    if (edu >= EDU_D1)
        return 6;
    return 5;                               /* II/a */
}

int career_pppk_grade(int level)
{
    static const uint8_t grade[] = {
        [PLEVEL_AHLI_PERTAMA] = 9, [PLEVEL_AHLI_MUDA] = 11,
        [PLEVEL_AHLI_MADYA] = 13,  [PLEVEL_AHLI_UTAMA] = 15,
        [PLEVEL_PEMULA] = 5, [PLEVEL_TERAMPIL] = 7, [PLEVEL_MAHIR] = 8,
        [PLEVEL_PENYELIA] = 9,
    };
    return RANK_PPPK_BASE + (level < (int)sizeof grade && grade[level] ? grade[level] : 7);
}

/* The nearest education at or above want (then below) that the track has. */
static int fit_education(int track, int want, int min)
{
    for (int e = want; e >= min; e--)
        if (schooling_exists(track, e))
            return e;
    for (int e = want + 1; e <= EDU_S3; e++)
        if (schooling_exists(track, e))
            return e;
    return want;
}

int career_pick_education(struct rng *r, int kind, int level, int track, int min)
{
    int e;
    int x = rng_range(r, 0, 99);
    switch (kind) {
    case PKIND_JPT: e = x < 6 ? EDU_S1 : x < 90 ? EDU_S2 : EDU_S3; break;
    case PKIND_ADMINISTRATOR: e = x < 42 ? EDU_S1 : x < 98 ? EDU_S2 : EDU_S3; break;
    case PKIND_PENGAWAS: e = x < 5 ? EDU_D3 : x < 78 ? EDU_S1 : EDU_S2; break;
    case PKIND_PELAKSANA:
        if (min <= EDU_SMA)
            e = x < 52 ? EDU_SMA : x < 66 ? EDU_D3 : x < 97 ? EDU_S1 : EDU_S2;
        else if (min <= EDU_D3)
            e = x < 70 ? EDU_D3 : EDU_S1;
        else
            e = x < 88 ? EDU_S1 : EDU_S2;
        break;
    default:
        if (track == TR_DOKTER_SP)
            e = EDU_S2;
        else if (career_is_keahlian(level)) {
            int s2 = level >= PLEVEL_AHLI_MADYA ? 30 : level == PLEVEL_AHLI_MUDA ? 14 : 5;
            if (track == TR_BIDAN || track == TR_PERAWAT)
                e = x < 25 ? EDU_D4 : x < 100 - s2 / 2 ? EDU_S1 : EDU_S2;
            else
                /* doctorates only among the senior */
                e = x < 100 - s2 ? EDU_S1 : x < 99 || level < PLEVEL_AHLI_MADYA ? EDU_S2 : EDU_S3;
        } else if (level == PLEVEL_PEMULA)
            e = EDU_SMA;
        else
            e = x < 84 ? EDU_D3 : x < 91 ? EDU_D4 : EDU_S1;
        break;
    }
    if (e < min)
        e = min;
    /* a fungsional's schooling must exist for their profession; others
     * fall back to a general schooling (names.c) */
    return kind == PKIND_FUNGSIONAL ? fit_education(track, e, min) : e;
}

/* The header says what a career is; the order of the look-ups is the
 * demo's stream: changing it changes every region. */
int career_plan(const struct position *now, int entry_rank, int moved,
                const struct career_posts *posts, const struct position *chain[CAREER_MAX])
{
    int kind = now->kind, level = now->level, n = 0;
    const struct position *e;
    if (kind == PKIND_FUNGSIONAL && career_is_keahlian(level)) {
        int first = PLEVEL_AHLI_PERTAMA;
        if (entry_rank < 9 && (e = posts->pelaksana(posts->ctx)))
            chain[n++] = e;               /* recruited below III/a */
        for (int l = first; l < level && n < CAREER_MAX - 1; l++)
            if ((e = posts->same_job(posts->ctx, kind, l)) ||
                (l == first && n == 0 && (e = posts->pelaksana(posts->ctx))))
                chain[n++] = e;
    } else if (kind == PKIND_FUNGSIONAL) {
        int first = entry_rank <= 5 ? PLEVEL_PEMULA : PLEVEL_TERAMPIL;
        for (int l = first; l < level && n < CAREER_MAX - 1; l++)
            if ((e = posts->same_job(posts->ctx, kind, l)) ||
                (l == first && (e = posts->pelaksana(posts->ctx))))
                chain[n++] = e;
    } else if (kind != PKIND_PELAKSANA) {
        if ((e = posts->pelaksana(posts->ctx)))
            chain[n++] = e;
        static const uint8_t ladder[] = {PKIND_PENGAWAS, PKIND_ADMINISTRATOR, PKIND_JPT};
        for (size_t i = 0; i < sizeof ladder && ladder[i] != kind; i++)
            if ((e = posts->same_job(posts->ctx, ladder[i], 0)))
                chain[n++] = e;
    }
    /* in the entry post itself, but moved since: a transfer at that level */
    if (n == 0 && moved) {
        e = kind == PKIND_PELAKSANA ? posts->pelaksana(posts->ctx)
                                    : posts->same_job(posts->ctx, kind, level);
        if (e)
            chain[n++] = e;
    }
    chain[n++] = now;
    return n;
}

/* The rank held on date t: the recruitment rank, one step every four
 * years, never above the rank held today. */
static int rank_on(mdate start, mdate t, int base, int now)
{
    int r = base + date_years_between(start, t) / 4;
    return r > now ? now : r;
}

int career_history(const struct staff *s, const struct position *const *chain, int n,
                   mdate start, mdate post, int base_rank, int pppk, struct history *h)
{
    int months = date_months_between(start, post);
    const struct position *last = chain[n - 1];
    if (n > 1 && months < n - 1)          /* too short for every step */
        n = months >= 1 ? months + 1 : 1;
    for (int i = 0; i < n; i++) {
        const struct position *p = i == n - 1 ? last : chain[i];
        struct history *l = &h[i];
        memset(l, 0, sizeof *l);
        gen_copy(l->nip, sizeof l->nip, s->nip);
        l->since = i == n - 1 ? post : i == 0 ? start
                 : career_first_of_month(date_add_months(start, months * i / (n - 1)));
        gen_copy(l->position, sizeof l->position, p->code);
        gen_copy(l->unit, sizeof l->unit, p->unit);
        l->rank = (uint8_t)(pppk ? s->rank : rank_on(start, l->since, base_rank, s->rank));
    }
    return n;
}
