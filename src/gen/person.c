/* The people of the demo region (person_make in gen/kab.h): status,
 * sex, education, age and dates, rank, NIP, a name with the titles of
 * the schooling, SKP, the penalties and leave that the rules stop, home
 * district, competencies, and the career that led to the post. */
#include <string.h>
#include "core/hash.h"
#include "core/rules.h"
#include "core/vocab.h"
#include "gen/career.h"
#include "gen/kab.h"
#include "gen/text.h"

static int year_of(mdate t)
{
    int y, m, d;
    date_to_ymd(t, &y, &m, &d);
    return y;
}

/* How often a full name was given in this kabupaten before, counting this
 * one (at most 3: enough to keep any name to a few in 5,000). */
static int name_uses(struct kab *k, const char *name)
{
    uint64_t h = hash_fnv1a_str(name);       /* names are told apart by hash alone */
    h |= 1ull << 63;                         /* never 0 = empty */
    size_t i = (size_t)h & k->names_mask;
    for (size_t n = 0; n <= k->names_mask; n++, i = (i + 1) & k->names_mask) {
        uint64_t v = k->names[i];
        if (v == 0) {
            k->names[i] = (h << 2) | 1;
            return 1;
        }
        if (v >> 2 == (h << 2) >> 2) {
            int c = (int)(v & 3);
            if (c < 3)
                k->names[i] = v + 1;
            return c + 1;
        }
    }
    return 1;
}

static int pick_skp(struct rng *r, int trait)
{
    int x = rng_range(r, 0, 99);
    switch (trait) {
    case 0: return x < 70 ? SKP_SANGAT_BAIK : SKP_BAIK;
    case 2: return x < 65 ? SKP_BUTUH_PERBAIKAN : SKP_BAIK;
    case 3: return x < 45 ? SKP_KURANG : x < 65 ? SKP_SANGAT_KURANG : SKP_BUTUH_PERBAIKAN;
    default: return x < 92 ? SKP_BAIK : x < 98 ? SKP_SANGAT_BAIK : SKP_BUTUH_PERBAIKAN;
    }
}

static void add_staff_competency(struct staff *s, const char *code, int level)
{
    if (s->ncomp >= COMP_MAX || level < 1)
        return;
    for (int i = 0; i < s->ncomp; i++)
        if (strcmp(s->comp[i].code, code) == 0)
            return;
    gen_copy(s->comp[s->ncomp].code, sizeof s->comp[0].code, code);
    s->comp[s->ncomp].level = (uint8_t)(level > 5 ? 5 : level);
    s->ncomp++;
}

static int ethnic_of(struct kab *k, int track)
{
    int e = ethnic_pick(&k->rng, k->style);
    /* teachers of Islam come from the mostly Muslim traditions */
    if (track == TR_GURU_PAI && (e == ETH_BATAK || e == ETH_BALI || e == ETH_MANADO))
        e = ETH_MELAYU;
    return e;
}

/* The kabupaten's posts for the career of the holder of sl. */
struct posts_of {
    struct kab *k;
    const struct slot *sl;
};

static const struct position *same_job(void *ctx, int kind, int level)
{
    const struct posts_of *o = ctx;
    const struct slot *e = kab_find_post(o->k, o->sl->job, kind, level, o->sl);
    return e ? &e->p : NULL;
}

static const struct position *pelaksana(void *ctx)
{
    const struct posts_of *o = ctx;
    const struct slot *e = kab_find_pelaksana(o->k, o->sl->p.job_family, o->sl);
    return e ? &e->p : NULL;
}

/* Makes up the holder of slot sl. Returns 0, or -1 when no NIP is left. */
int person_make(struct region *g, struct kab *k, const struct slot *sl, struct staff *s,
                struct history *h, int *nh)
{
    struct rng *r = &k->rng;
    const struct position *pos = &sl->p;
    const struct job *jb = sl->job >= 0 ? &jobs[sl->job] : NULL;
    int kind = pos->kind, level = pos->level;
    mdate today = g->p->today;
    memset(s, 0, sizeof *s);

    /* status */
    int entry_level = kind == PKIND_PELAKSANA || level == PLEVEL_AHLI_PERTAMA ||
                      level == PLEVEL_TERAMPIL || level == PLEVEL_PEMULA;
    int status = STATUS_PNS;
    if (kind == PKIND_FUNGSIONAL && rng_permille(r, sl->pppk * 10))
        status = STATUS_PPPK;
    else if (entry_level && rng_permille(r, 75))
        status = STATUS_CPNS;
    s->status = (uint8_t)status;
    s->sex = rng_permille(r, sl->female * 10) ? SEX_P : SEX_L;

    int edu = career_pick_education(r, kind, level, sl->track, pos->min_education);
    s->education = (uint8_t)edu;

    /* age and dates */
    int lo, mode, hi;
    career_age_band(kind, level, &lo, &mode, &hi);
    int bup = rules_bup(g->policy, pos, NULL);
    if (hi > bup - 1)
        hi = bup - 1;
    int age;
    if (status == STATUS_CPNS)
        age = rng_tri(r, 22, 26, 35);
    else if (status == STATUS_PPPK)
        age = rng_tri(r, 25, 38, hi < 56 ? hi : 56);
    else
        age = rng_tri(r, lo, mode, hi);
    int emin = career_entry_age(edu, sl->track);
    if (status == STATUS_PNS && age < emin + 2)
        age = emin + 2;
    if (status == STATUS_CPNS && age < emin)
        age = emin;
    mdate birth = date_add_months(today, -12 * age) - rng_range(r, 1, 364);
    s->birth_date = birth;

    mdate start;                      /* CPNS start, or PPPK appointment */
    int service_years = 0;
    if (status == STATUS_CPNS) {
        start = career_first_of_month(date_add_months(today, -rng_range(r, 1, 11)));
    } else if (status == STATUS_PPPK) {
        start = career_first_of_month(date_add_months(today, -rng_range(r, 12, 60)));
    } else {
        int span = age - emin - 2;
        int off = rng_tri(r, 0, 2, span < 13 ? span : 13);
        start = career_first_of_month(date_add_months(birth, 12 * (emin + off) + rng_range(r, 1, 11)));
        mdate latest = career_first_of_month(date_add_months(today, -14));
        if (start > latest)
            start = latest;
        service_years = date_years_between(start, today);
    }
    mdate adult = date_add_months(birth, 12 * 18);
    if (start <= adult)
        start = career_first_of_month(date_add_months(adult, 1));

    /* rank */
    int er = career_entry_rank(edu, sl->track);
    int rank;
    if (status == STATUS_PPPK) {
        rank = career_pppk_grade(level);
    } else if (status == STATUS_CPNS) {
        rank = er;
    } else {
        int rlo, rhi;
        career_rank_band(kind, level, &rlo, &rhi);
        if (kind == PKIND_PELAKSANA) {
            rlo = er > pos->min_rank ? er : pos->min_rank;
            rhi = rlo + 5 > 12 ? 12 : rlo + 5;
        }
        rank = er + service_years / 4 - rng_range(r, 0, 1);
        if (rank < rlo)
            rank = rlo;
        if (rank > rhi)
            rank = rhi;
    }
    s->rank = (uint8_t)rank;
    s->pns_since = status == STATUS_PNS ? date_add_months(start, 12 + rng_range(r, 0, 2)) : MDATE_NONE;
    if (s->pns_since != MDATE_NONE && s->pns_since > today)
        s->pns_since = today;

    /* in post since */
    mdate post = start;
    if (status == STATUS_PNS) {
        int x = rng_range(r, 0, 99);
        int months = x < 13 ? rng_range(r, 1, 23) : x < 60 ? rng_range(r, 24, 60)
                                                            : rng_range(r, 61, 200);
        post = career_first_of_month(date_add_months(today, -months));
        if (post < start)
            post = start;
    }
    s->post_since = post;

    /* NIP: birth date, CPNS start, sex, sequence */
    int by, bm, bd;
    date_to_ymd(birth, &by, &bm, &bd);
    if (nipseq_assign(&g->seq, r, birth, start, s->sex, s->nip) < 0)
        return -1;

    /* name, with the titles of the schooling */
    struct schooling sc;
    int eth = ethnic_of(k, sl->track);
    /* a name already given three times here is drawn again */
    for (int tries = 0; tries < 8; tries++) {
        schooling_pick(r, sl->track, edu, by, &sc);
        person_name(r, eth, s->sex, age, &sc, edu, s->name, sizeof s->name);
        if (name_uses(k, s->name) <= 3)
            break;
    }
    /* subject teachers studied their subject */
    const char *major = sc.major;
    if (strcmp(major, "Pendidikan") == 0)
        major = jb && jb->major ? jb->major : "Pendidikan Umum";
    gen_copy(s->major, sizeof s->major, major);
    gen_copy(s->position, sizeof s->position, pos->code);
    gen_copy(s->unit, sizeof s->unit, pos->unit);
    gen_copy(s->job_family, sizeof s->job_family, pos->job_family);

    /* performance: most people Baik, a few who keep failing */
    static const uint16_t trait_w[] = {15, 77, 6, 2};
    int trait = rng_weighted(r, trait_w, 4);
    int ty = year_of(today), sy = year_of(start);
    for (int y = ty - 3; y < ty; y++)
        if (y >= sy) {
            s->skp[s->nskp].year = (uint16_t)y;
            s->skp[s->nskp].predikat = (uint8_t)pick_skp(r, trait);
            s->nskp++;
        }

    /* penalties and leave: the people the rules stop */
    s->discipline_until = MDATE_NONE;
    if (rng_permille(r, trait == 3 ? 160 : 18)) {
        static const uint16_t level_w[] = {50, 33, 17};
        s->discipline = (uint8_t)(DISC_RINGAN + rng_weighted(r, level_w, 3));
        s->discipline_until = today + rng_range(r, 20, 700);
        /* a penalty ends with the service */
        mdate retire = rules_retirement_date(birth, bup);
        if (s->discipline_until >= retire)
            s->discipline_until = retire - 1;
    }
    int x = rng_range(r, 0, 999);
    if (status != STATUS_CPNS) {
        if (age < 48 && edu >= EDU_S1 && x < 14)
            s->leave = LEAVE_TUGAS_BELAJAR;
        else if (x >= 14 && x < 17)
            s->leave = LEAVE_CLTN;
        else if (edu >= EDU_S2 && age < 52 && x >= 17 && x < 45)
            s->leave = LEAVE_IKATAN_DINAS;
    }
    if (staff_leave_vacates_post(s->leave)) {
        /* Without a post the rules take the age of the person's job family
         * (rules_bup_person): nobody goes on leave past that age, and a
         * penalty ends before it too. No draw here: the stream stays. */
        mdate away = rules_retirement_date(birth, rules_bup_person(g->policy, NULL, s, NULL));
        if (away <= today)
            s->leave = LEAVE_NONE;
        else if (s->discipline_until != MDATE_NONE && s->discipline_until >= away)
            s->discipline_until = away - 1;
    }

    int home = rng_permille(r, 650) ? k->uinfo[sl->unit].district
                                    : rng_range(r, 0, k->ndist - 1);
    gen_copy(s->home_district, sizeof s->home_district, k->district[home]);

    /* competencies: most hold what their post asks, at some level */
    for (int i = 0; i < pos->ncomp; i++)
        if (rng_permille(r, 720))
            add_staff_competency(s, pos->comp[i].code,
                                 pos->comp[i].level + rng_range(r, -1, 1));
    if (rng_permille(r, 250))
        add_staff_competency(s, "komputer-perkantoran", rng_range(r, 1, 3));
    if (rng_permille(r, 90))
        add_staff_competency(s, "bahasa-inggris", rng_range(r, 1, 3));

    /* history: from the entry post at appointment to the current one */
    int base = er < rank ? er : rank;
    const struct position *chain[CAREER_MAX];
    struct posts_of ctx = {k, sl};
    struct career_posts posts = {same_job, pelaksana, &ctx};
    int n = career_plan(&sl->p, base, status == STATUS_PNS && post > start, &posts, chain);
    if (status != STATUS_PNS)
        n = 1, chain[0] = &sl->p;     /* CPNS at entry level; PPPK by contract */
    if (n == 1 && post > start)
        post = s->post_since = start; /* no other post to come from: never moved */
    if (n > 1 && date_months_between(start, post) < 12 * (n - 1)) {
        /* climbing takes time: the current post came later */
        mdate later = career_first_of_month(date_add_months(start, 12 * (n - 1)));
        mdate latest = career_first_of_month(today);
        post = later < latest ? later : latest;
        s->post_since = post;
    }
    *nh = career_history(s, chain, n, start, post, base, status == STATUS_PPPK, h);

    /* CLTN and full study leave vacate the post while they last */
    if (staff_leave_vacates_post(s->leave)) {
        mdate since = career_first_of_month(date_add_months(today, -rng_range(r, 1, 30)));
        s->post_since = since > post ? since : career_first_of_month(today);
        if (s->post_since > today || s->post_since <= post)
            s->post_since = post;
        s->position[0] = '\0';
    }
    return 0;
}
