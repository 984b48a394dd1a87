/* The demo region generator: deterministic per seed, every record valid,
 * references whole, distributions as DESIGN.md describes them, NIPs
 * unique, and more kabupaten for more staff. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/record.h"
#include "core/rules.h"
#include "core/vocab.h"
#include "gen/gen.h"

#define TODAY() date_from_ymd(2026, 11, 22)

/* --- a sink that keeps what the checks need ------------------------------ */

struct pos_row {
    char code[CODE_SIZE];
    char unit[CODE_SIZE];
    char family[FAMILY_SIZE];
    uint8_t kind, level;
    uint8_t doctor;            /* "Dokter ..." (not gigi): dr. expected */
    int64_t workload;
    uint32_t holders;
};

struct collect {
    mdate today;
    uint64_t hash;
    int validate;              /* run the validators on every record */
    long invalid;
    char first_invalid[300];
    /* records kept for cross-checks */
    char (*unit_codes)[CODE_SIZE];
    size_t nunits, capunits;
    struct pos_row *pos;
    size_t npos, cappos;
    uint32_t *pos_index;       /* open addressing: position number + 1 */
    size_t index_mask;
    char (*nips)[NIP_LEN + 1];
    size_t nstaff, capstaff;
    /* references not found, filled by check_references */
    long dangling;
    /* distributions */
    long women, pns, pns_gol3, age_51_60, pos_fungsional, staff_fungsional;
    long cpns, pppk, disciplined, discipline_in_past, short_tenure,
         tugas_belajar, near_bup, weak_skp, history_lines, bad_titles;
    char first_bad_title[200];
    int stop_after;            /* callbacks return 7 after this many staff */
    /* the domain's invariants (issue 15): each counts violations */
    uint64_t *unit_names;      /* hash of (parent, name) */
    char (*names)[NAME_SIZE];
    size_t capnames;
    long nip_seq1, nip_seq_max, doubled_names, history_falls, history_same_post,
         history_not_first, entry_too_high, on_leave_with_post, penalty_past_bup,
         doctor_without_dr, apt_without_s1, kota_root, employer_province;
    char first_violation[300];
};

static void violation(struct collect *c, long *counter, const char *what, const char *a,
                      const char *b)
{
    if ((*counter)++ == 0 && !c->first_violation[0])
        snprintf(c->first_violation, sizeof c->first_violation, "%s: %s %s", what, a, b);
}

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull;   /* FNV-1a */
    return h;
}

static uint64_t mix_str(uint64_t h, const char *s)
{
    return mix(h, s, strlen(s) + 1);
}

static uint64_t mix_int(uint64_t h, int64_t v)
{
    return mix(h, &v, sizeof v);
}

static void *grow(void *p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return p;
    *cap = *cap ? *cap * 2 : 1024;
    while (*cap < need)
        *cap *= 2;
    p = realloc(p, *cap * elem);
    assert_non_null(p);
    return p;
}

static void note_invalid(struct collect *c, const char *what, const char *key,
                         const struct verrs *v)
{
    if (c->invalid++ == 0)
        snprintf(c->first_invalid, sizeof c->first_invalid, "%s %s: %s: %s",
                 what, key, v->e[0].field, v->e[0].msg);
}

static int on_unit(void *ctx, const struct unit *u)
{
    struct collect *c = ctx;
    uint64_t h = c->hash;
    h = mix_str(h, u->code);
    h = mix_str(h, u->name);
    h = mix_str(h, u->parent);
    h = mix_int(h, u->kind);
    c->hash = mix_str(h, u->district);
    if (c->validate) {
        struct verrs v = {0};
        if (unit_validate(u, &v))
            note_invalid(c, "unit", u->code, &v);
    }
    c->unit_codes = grow(c->unit_codes, &c->capunits, c->nunits + 1, sizeof *c->unit_codes);
    size_t cap = c->capunits;
    c->unit_names = realloc(c->unit_names, cap * sizeof *c->unit_names);
    assert_non_null(c->unit_names);
    c->unit_names[c->nunits] = mix_str(mix_str(0xcbf29ce484222325ull, u->parent), u->name);
    memcpy(c->unit_codes[c->nunits++], u->code, CODE_SIZE);
    if (u->kind == UKIND_INSTANSI && strncmp(u->name, "Pemerintah Kota", 15) == 0)
        c->kota_root++;
    if (u->kind == UKIND_INSTANSI && strncmp(u->name, "Pemerintah Provinsi", 19) == 0)
        violation(c, &c->employer_province, "employer province", u->name, "");
    return 0;
}

static int cmp_code(const void *a, const void *b)
{
    return strcmp(a, b);
}

static size_t code_hash(const char *code)
{
    return (size_t)mix_str(0xcbf29ce484222325ull, code);
}

static void index_insert(struct collect *c, size_t i)
{
    size_t h = code_hash(c->pos[i].code) & c->index_mask;
    while (c->pos_index[h])
        h = (h + 1) & c->index_mask;
    c->pos_index[h] = (uint32_t)i + 1;
}

/* Keeps the index at most half full. */
static void index_position(struct collect *c)
{
    if (2 * c->npos > c->index_mask) {
        size_t n = 1024;
        while (n < 4 * c->npos)
            n *= 2;
        free(c->pos_index);
        c->pos_index = calloc(n, sizeof *c->pos_index);
        assert_non_null(c->pos_index);
        c->index_mask = n - 1;
        for (size_t i = 0; i + 1 < c->npos; i++)
            index_insert(c, i);
    }
    index_insert(c, c->npos - 1);
}

static struct pos_row *find_pos(struct collect *c, const char *code)
{
    if (!c->pos_index)
        return NULL;
    for (size_t h = code_hash(code) & c->index_mask; c->pos_index[h];
         h = (h + 1) & c->index_mask)
        if (strcmp(c->pos[c->pos_index[h] - 1].code, code) == 0)
            return &c->pos[c->pos_index[h] - 1];
    return NULL;
}

static uint64_t mix_comp(uint64_t h, const struct competency *comp, int n)
{
    for (int i = 0; i < n; i++)
        h = mix_int(mix_str(h, comp[i].code), comp[i].level);
    return h;
}

static int on_position(void *ctx, const struct position *p)
{
    struct collect *c = ctx;
    uint64_t h = c->hash;
    h = mix_str(h, p->code);
    h = mix_str(h, p->unit);
    h = mix_str(h, p->name);
    h = mix_int(h, p->kind);
    h = mix_int(h, p->level);
    h = mix_str(h, p->job_family);
    h = mix_int(h, p->min_rank);
    h = mix_int(h, p->min_education);
    h = mix_int(h, p->workload_minutes);
    h = mix_int(h, p->need);
    c->hash = mix_comp(h, p->comp, p->ncomp);
    if (c->validate) {
        struct verrs v = {0};
        if (position_validate(p, &v))
            note_invalid(c, "position", p->code, &v);
    }
    c->pos = grow(c->pos, &c->cappos, c->npos + 1, sizeof *c->pos);
    struct pos_row *r = &c->pos[c->npos++];
    memset(r, 0, sizeof *r);
    memcpy(r->code, p->code, CODE_SIZE);
    memcpy(r->unit, p->unit, CODE_SIZE);
    r->kind = p->kind;
    r->level = p->level;
    memcpy(r->family, p->job_family, FAMILY_SIZE);
    r->doctor = strncmp(p->name, "Dokter ", 7) == 0 && strncmp(p->name, "Dokter Gigi", 11) != 0;
    r->workload = p->workload_minutes;
    c->pos_fungsional += p->kind == PKIND_FUNGSIONAL;
    index_position(c);
    return 0;
}

/* The retirement age by the one resolution, default policy. */
static int bup_of(const struct pos_row *p)
{
    static struct policy pol;
    if (!pol.bup.administrasi)
        policy_defaults(&pol);
    struct position pos;
    memset(&pos, 0, sizeof pos);
    memcpy(pos.code, p->code, CODE_SIZE);
    memcpy(pos.job_family, p->family, FAMILY_SIZE);
    pos.kind = p->kind, pos.level = p->level;
    return rules_bup(&pol, &pos, NULL);
}

static int bup_away(const struct staff *s)
{
    static struct policy pol;
    if (!pol.bup.administrasi)
        policy_defaults(&pol);
    return rules_bup_person(&pol, NULL, s, NULL);
}

/* Seniority of a post: careers only climb it. */
static int post_step(const struct pos_row *p)
{
    switch (p->kind) {
    case PKIND_PELAKSANA: return 0;
    case PKIND_PENGAWAS: return 10;
    case PKIND_ADMINISTRATOR: return 11;
    case PKIND_JPT: return 12;
    default: return p->level;     /* fungsional: pemula < ... < penyelia, ahli-* */
    }
}

/* Highest rank a CPNS starts at with this education. */
static int max_entry_rank(int edu)
{
    return edu <= EDU_SMA ? 5 : edu <= EDU_D2 ? 6 : edu == EDU_D3 ? 7 : 10;
}

static int entry_post(const struct pos_row *p)
{
    return p->kind == PKIND_PELAKSANA || p->level == PLEVEL_AHLI_PERTAMA ||
           p->level == PLEVEL_PEMULA || p->level == PLEVEL_TERAMPIL;
}

/* Two equal words side by side ("Sarah Sarah"), titles aside. */
static int doubled_word(const char *name)
{
    char w[2][64] = {"", ""};
    int cur = 0;
    for (const char *p = name; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t n = strcspn(p, " ,");
        if (n == 0)
            break;
        snprintf(w[cur], sizeof w[cur], "%.*s", (int)n, p);
        if (strchr(w[cur], '.') == NULL && strcmp(w[cur], w[!cur]) == 0)
            return 1;
        cur = !cur;
        p += n;
    }
    return 0;
}

/* The career of one person: dates rise on the first of a month, each line
 * a new post no lower than the one before, ranks never fall, and the first
 * post and rank are what the education allows a newcomer. */
static void check_history(struct collect *c, const struct staff *s, const struct history *h,
                          int nh)
{
    for (int i = 0; i < nh; i++) {
        int y, m, d;
        date_to_ymd(h[i].since, &y, &m, &d);
        if (d != 1)
            violation(c, &c->history_not_first, "history not on the 1st", s->nip, "");
        if (i == 0)
            continue;
        struct pos_row *a = find_pos(c, h[i - 1].position), *b = find_pos(c, h[i].position);
        if (strcmp(h[i].position, h[i - 1].position) == 0)
            violation(c, &c->history_same_post, "stays in post", s->nip, h[i].position);
        if (h[i].since <= h[i - 1].since || h[i].rank < h[i - 1].rank ||
            (a && b && post_step(b) < post_step(a)))
            violation(c, &c->history_falls, "falls at", s->nip, h[i].position);
    }
    if (s->status != STATUS_PNS || nh == 0)
        return;
    struct pos_row *first = find_pos(c, h[0].position);
    if (h[0].rank > max_entry_rank(s->education) || (first && !entry_post(first)))
        violation(c, &c->entry_too_high, "starts too high at", s->nip, h[0].position);
}

static void check_person(struct collect *c, const struct staff *s, const struct pos_row *p,
                         int bup)
{
    int nth = (s->nip[15] - '0') * 100 + (s->nip[16] - '0') * 10 + (s->nip[17] - '0');
    c->nip_seq1 += nth == 1;
    if (nth > c->nip_seq_max)
        c->nip_seq_max = nth;
    if (doubled_word(s->name))
        violation(c, &c->doubled_names, "doubled name", s->name, "");
    memcpy(c->names[c->nstaff - 1], s->name, NAME_SIZE);
    if (staff_leave_vacates_post(s->leave) != (s->position[0] == '\0'))
        violation(c, &c->on_leave_with_post, "leave and post", s->nip, s->position);
    if (s->discipline_until != MDATE_NONE &&
        s->discipline_until >= rules_retirement_date(s->birth_date, bup))
        violation(c, &c->penalty_past_bup, "penalty past BUP", s->nip, "");
    if (p && p->doctor && !strstr(s->name, "dr."))
        violation(c, &c->doctor_without_dr, "doctor without dr.", s->name, "");
    if (strstr(s->name, "apt.") && s->education < EDU_S1)
        violation(c, &c->apt_without_s1, "apt. without S-1", s->name, "");
}

/* The titles in a name must match the education. */
static int titles_fit(const struct staff *s)
{
    const char *n = s->name;
    int has_suffix = strchr(n, ',') != NULL;
    int doctorate = strncmp(n, "Dr. ", 4) == 0;
    if (doctorate != (s->education == EDU_S3))
        return 0;
    if (s->education <= EDU_SMA)
        return !has_suffix;
    if (s->education == EDU_D3)
        return strstr(n, "A.Md") != NULL;
    if (s->education >= EDU_S2)
        return strstr(n, ", M.") || strstr(n, " Sp.") || strstr(n, ", M");
    if (s->education == EDU_S1)
        return has_suffix || strstr(n, "dr.") || strstr(n, "drg.") ||
               strstr(n, "Ir.") || strstr(n, "Drs.") || strstr(n, "Dra.") ||
               strstr(n, "drh.");
    return 1;
}

static int on_staff(void *ctx, const struct staff *s, const struct history *h, int nh)
{
    struct collect *c = ctx;
    uint64_t x = c->hash;
    x = mix_str(x, s->nip);
    x = mix_str(x, s->name);
    x = mix_int(x, s->sex);
    x = mix_int(x, s->birth_date);
    x = mix_int(x, s->status);
    x = mix_int(x, s->rank);
    x = mix_str(x, s->position);
    x = mix_str(x, s->unit);
    x = mix_int(x, s->post_since);
    x = mix_int(x, s->pns_since);
    x = mix_int(x, s->education);
    x = mix_str(x, s->major);
    x = mix_str(x, s->job_family);
    for (int i = 0; i < s->nskp; i++)
        x = mix_int(mix_int(x, s->skp[i].year), s->skp[i].predikat);
    x = mix_int(x, s->discipline);
    x = mix_int(x, s->discipline_until);
    x = mix_int(x, s->leave);
    x = mix_str(x, s->home_district);
    x = mix_comp(x, s->comp, s->ncomp);
    for (int i = 0; i < nh; i++) {
        x = mix_str(x, h[i].nip);
        x = mix_int(x, h[i].since);
        x = mix_str(x, h[i].position);
        x = mix_str(x, h[i].unit);
        x = mix_int(x, h[i].rank);
    }
    c->hash = x;
    c->history_lines += nh;
    if (c->validate) {
        struct verrs v = {0};
        if (staff_validate(s, c->today, &v))
            note_invalid(c, "staff", s->nip, &v);
    }
    c->nips = grow(c->nips, &c->capstaff, c->nstaff + 1, sizeof *c->nips);
    memcpy(c->nips[c->nstaff++], s->nip, NIP_LEN + 1);

    /* references: the position exists, sits in the staff's unit, and the
     * last history line is the current post */
    /* (on CLTN or study leave: no post; the history ends at the last) */
    int away = staff_leave_vacates_post(s->leave);
    struct pos_row *p = find_pos(c, away ? h[nh - 1].position : s->position);
    if (!p || (!away && strcmp(p->unit, s->unit) != 0))
        c->dangling++;
    if (nh < 1 || (!away && strcmp(h[nh - 1].position, s->position) != 0) ||
        (!away && h[nh - 1].since != s->post_since) || strcmp(h[nh - 1].nip, s->nip) != 0)
        c->dangling++;
    c->names = grow(c->names, &c->capnames, c->nstaff, sizeof *c->names);
    check_history(c, s, h, nh);
    for (int i = 0; i < nh; i++)
        if (!find_pos(c, h[i].position))
            c->dangling++;

    int age = date_years_between(s->birth_date, c->today);
    c->women += s->sex == SEX_P;
    c->age_51_60 += age >= 51 && age <= 60;
    if (s->status == STATUS_PNS) {
        c->pns++;
        c->pns_gol3 += s->rank >= 9 && s->rank <= 12;
        c->short_tenure += date_months_between(s->post_since, c->today) < 24;
    }
    c->cpns += s->status == STATUS_CPNS;
    c->pppk += s->status == STATUS_PPPK;
    if (s->discipline) {
        c->disciplined++;
        c->discipline_in_past += s->discipline_until <= c->today;
    }
    c->tugas_belajar += s->leave == LEAVE_TUGAS_BELAJAR;
    if (p) {
        p->holders++;
        c->staff_fungsional += p->kind == PKIND_FUNGSIONAL;
        /* without a post (on leave) the rules ask the person's family */
        int years = away ? bup_away(s) : bup_of(p);
        check_person(c, s, p, years);
        mdate bup = date_add_months(s->birth_date, 12 * years);
        if (bup <= c->today)
            c->dangling++;            /* nobody is generated past retirement */
        else if (date_months_between(c->today, bup) < 12)
            c->near_bup++;
    }
    int y = 0;
    for (int i = 0; i < s->nskp; i++)
        y += s->skp[i].predikat < SKP_BAIK && s->skp[i].year >= 2024;
    c->weak_skp += y >= 2;
    if (!titles_fit(s) && c->bad_titles++ == 0)
        snprintf(c->first_bad_title, sizeof c->first_bad_title, "%s (education %s)",
                 s->name, education_name(s->education));
    if (c->stop_after && (long)c->nstaff >= c->stop_after)
        return 7;
    return 0;
}

static void collect_free(struct collect *c)
{
    free(c->unit_codes);
    free(c->pos);
    free(c->pos_index);
    free(c->nips);
    free(c->unit_names);
    free(c->names);
}

static int run(struct collect *c, uint32_t staff, uint64_t seed, int validate,
               struct gen_counts *counts)
{
    memset(c, 0, sizeof *c);
    c->today = TODAY();
    c->hash = 0xcbf29ce484222325ull;
    c->validate = validate;
    struct gen_params p = {.seed = seed, .staff = staff, .today = c->today};
    struct gen_sink sink = {on_unit, on_position, on_staff, c};
    return gen_region(&p, &sink, counts);
}

/* Number of adjacent equal entries once sorted. */
static size_t duplicates(void *base, size_t n, size_t size)
{
    qsort(base, n, size, cmp_code);
    size_t d = 0;
    for (size_t i = 1; i < n; i++)
        d += strcmp((char *)base + (i - 1) * size, (char *)base + i * size) == 0;
    return d;
}

/* --- tests --------------------------------------------------------------- */

static void same_seed_same_region(void **state)
{
    (void)state;
    struct collect a, b, d;
    assert_int_equal(run(&a, 3000, 7, 0, NULL), GEN_OK);
    assert_int_equal(run(&b, 3000, 7, 0, NULL), GEN_OK);
    assert_int_equal(run(&d, 3000, 8, 0, NULL), GEN_OK);
    assert_true(a.hash == b.hash);
    assert_int_equal(a.nstaff, 3000);
    assert_int_equal(a.npos, b.npos);
    assert_true(a.hash != d.hash);
    /* a different seed changes the people, not only their order */
    assert_memory_not_equal(a.nips[0], d.nips[0], NIP_LEN);
    collect_free(&a);
    collect_free(&b);
    collect_free(&d);
}

static void every_record_valid_and_whole(void **state)
{
    (void)state;
    static const uint64_t seeds[] = {1, 2, 99};
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        struct collect c;
        struct gen_counts n;
        assert_int_equal(run(&c, 5000, seeds[i], 1, &n), GEN_OK);
        if (c.invalid)
            fail_msg("seed %llu: %ld invalid records, first: %s",
                     (unsigned long long)seeds[i], c.invalid, c.first_invalid);
        assert_int_equal(c.dangling, 0);
        assert_int_equal(n.staff, 5000);
        assert_int_equal(n.units, c.nunits);
        assert_int_equal(n.positions, c.npos);
        assert_int_equal(n.history, c.history_lines);
        assert_int_equal(n.kabupaten, 1);
        if (c.bad_titles)
            fail_msg("%ld names with titles that do not fit, first: %s",
                     c.bad_titles, c.first_bad_title);
        /* every parent unit exists and codes are unique */
        qsort(c.unit_codes, c.nunits, CODE_SIZE, cmp_code);
        for (size_t u = 1; u < c.nunits; u++)
            assert_true(strcmp(c.unit_codes[u - 1], c.unit_codes[u]) != 0);
        for (size_t p = 0; p < c.npos; p++)
            assert_non_null(bsearch(c.pos[p].unit, c.unit_codes, c.nunits,
                                    CODE_SIZE, cmp_code));
        assert_int_equal(duplicates(c.nips, c.nstaff, NIP_LEN + 1), 0);
        collect_free(&c);
    }
}

static void looks_like_a_kabupaten(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 2; seed++) {
        struct collect c;
        assert_int_equal(run(&c, 5000, seed, 0, NULL), GEN_OK);
        long n = (long)c.nstaff;
        double women = 100.0 * c.women / n;
        double gol3 = 100.0 * c.pns_gol3 / c.pns;
        double fung_pos = 100.0 * c.pos_fungsional / (double)c.npos;
        double fung_staff = 100.0 * c.staff_fungsional / n;
        double old = 100.0 * c.age_51_60 / n;
        print_message("seed %llu: women %.1f%%, gol III %.1f%% of PNS, fungsional "
                      "%.1f%% of positions / %.1f%% of staff, aged 51-60 %.1f%%\n",
                      (unsigned long long)seed, women, gol3, fung_pos, fung_staff, old);
        assert_true(women >= 50 && women <= 58);
        assert_true(gol3 > 50);
        assert_true(fung_pos >= 66 && fung_pos <= 78);
        assert_true(fung_staff >= 66 && fung_staff <= 78);
        assert_true(old >= 100.0 / 3 - 8 && old <= 100.0 / 3 + 8);
        /* the people the rules stop, each kind present but not common */
        assert_true(c.cpns > 0 && c.cpns < n / 10);
        assert_true(c.pppk > 0 && c.pppk < n / 5);
        assert_true(c.disciplined > 0 && c.disciplined < n / 20);
        assert_int_equal(c.discipline_in_past, 0);
        assert_true(c.short_tenure > 0 && c.short_tenure < c.pns / 3);
        assert_true(c.tugas_belajar > 0);
        assert_true(c.near_bup > 0);
        assert_true(c.weak_skp > 0);
        collect_free(&c);
    }
}

/* EJ = workload / (holders x 75,000) spreads over every grade. */
static void workload_leaves_units_short_and_over(void **state)
{
    (void)state;
    struct collect c;
    assert_int_equal(run(&c, 5000, 3, 0, NULL), GEN_OK);
    long grade[5] = {0}, vacant_with_work = 0;
    for (size_t i = 0; i < c.npos; i++) {
        const struct pos_row *p = &c.pos[i];
        if (p->holders == 0) {
            vacant_with_work += p->workload > 0;
            continue;
        }
        int64_t ej = p->workload * 100 / ((int64_t)p->holders * 75000);
        grade[ej > 100 ? 0 : ej >= 90 ? 1 : ej >= 70 ? 2 : ej >= 50 ? 3 : 4]++;
    }
    print_message("positions by EJ grade: A %ld B %ld C %ld D %ld E %ld, vacant %ld\n",
                  grade[0], grade[1], grade[2], grade[3], grade[4], vacant_with_work);
    for (int g = 0; g < 5; g++)
        assert_true(grade[g] >= (long)c.npos / 50);
    assert_true(vacant_with_work > 0);
    collect_free(&c);
}

static void more_staff_more_kabupaten(void **state)
{
    (void)state;
    assert_int_equal(gen_kabupaten_count(5000), 1);
    assert_int_equal(gen_kabupaten_count(GEN_KAB_MAX_STAFF), 1);
    assert_int_equal(gen_kabupaten_count(GEN_KAB_MAX_STAFF + 1), 2);
    assert_true(gen_kabupaten_count(GEN_MAX_STAFF) > 300);
    struct collect c;
    struct gen_counts n;
    assert_int_equal(run(&c, 20000, 5, 1, &n), GEN_OK);
    assert_true(n.kabupaten > 1);
    assert_true(n.provinces >= 1);
    assert_int_equal(n.staff, 20000);
    if (c.invalid)
        fail_msg("%ld invalid records, first: %s", c.invalid, c.first_invalid);
    assert_int_equal(c.dangling, 0);
    assert_int_equal(duplicates(c.nips, c.nstaff, NIP_LEN + 1), 0);
    assert_int_equal(duplicates(c.unit_codes, c.nunits, CODE_SIZE), 0);
    char (*pc)[CODE_SIZE] = malloc(c.npos * CODE_SIZE);
    assert_non_null(pc);
    for (size_t i = 0; i < c.npos; i++)
        memcpy(pc[i], c.pos[i].code, CODE_SIZE);
    assert_int_equal(duplicates(pc, c.npos, CODE_SIZE), 0);
    free(pc);
    collect_free(&c);
}

static void exact_counts_and_limits(void **state)
{
    (void)state;
    static const uint32_t sizes[] = {1, 17, 10001};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        struct collect c;
        struct gen_counts n;
        assert_int_equal(run(&c, sizes[i], 11, 1, &n), GEN_OK);
        assert_int_equal(n.staff, sizes[i]);
        assert_int_equal(c.nstaff, sizes[i]);
        if (c.invalid)
            fail_msg("%u staff: %ld invalid, first: %s", sizes[i], c.invalid, c.first_invalid);
        collect_free(&c);
    }
    struct collect c;
    assert_int_equal(run(&c, 0, 1, 0, NULL), GEN_EINVAL);
    collect_free(&c);
    assert_int_equal(run(&c, GEN_MAX_STAFF + 1, 1, 0, NULL), GEN_EINVAL);
    collect_free(&c);
}

/* The longest run of one full name, once the names are sorted. */
static size_t longest_name_run(struct collect *c)
{
    qsort(c->names, c->nstaff, NAME_SIZE, cmp_code);
    size_t best = c->nstaff ? 1 : 0, run = 1;
    for (size_t i = 1; i < c->nstaff; i++) {
        run = strcmp(c->names[i], c->names[i - 1]) == 0 ? run + 1 : 1;
        if (run > best)
            best = run;
    }
    return best;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Issue 15's invariants, as properties over several seeds and sizes. */
static void domain_invariants(void **state)
{
    (void)state;
    static const struct { uint32_t staff; uint64_t seed; } runs[] = {
        {5000, 1}, {5000, 2}, {5000, 77}, {1200, 3}, {23000, 5},
    };
    for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
        struct collect c;
        struct gen_counts n;
        assert_int_equal(run(&c, runs[i].staff, runs[i].seed, 0, &n), GEN_OK);
        if (c.first_violation[0])
            print_message("seed %llu staff %u: %s\n", (unsigned long long)runs[i].seed,
                          runs[i].staff, c.first_violation);
        /* NIPs: distinct, sequences spread over the batch, not all 001 */
        assert_int_equal(duplicates(c.nips, c.nstaff, NIP_LEN + 1), 0);
        assert_true(c.nip_seq1 * 100 < (long)c.nstaff * 85);
        assert_true(c.nip_seq_max >= 5 && c.nip_seq_max < 999);
        /* names: no "Sarah Sarah", none more than 3 times per kabupaten */
        assert_int_equal(c.doubled_names, 0);
        if (n.kabupaten == 1)
            assert_true(longest_name_run(&c) <= 3);
        /* titles fit the job and the education */
        assert_int_equal(c.doctor_without_dr, 0);
        assert_int_equal(c.apt_without_s1, 0);
        /* units: no two of one name under one parent; one region alone is
         * a kabupaten; a province is a heading, not an employer */
        qsort(c.unit_names, c.nunits, sizeof *c.unit_names, cmp_u64);
        for (size_t u = 1; u < c.nunits; u++)
            assert_true(c.unit_names[u] != c.unit_names[u - 1]);
        if (n.kabupaten == 1)
            assert_int_equal(c.kota_root, 0);
        assert_int_equal(c.employer_province, 0);
        /* careers */
        assert_int_equal(c.history_not_first, 0);
        assert_int_equal(c.history_same_post, 0);
        assert_int_equal(c.history_falls, 0);
        assert_int_equal(c.entry_too_high, 0);
        assert_true(c.history_lines > (long)c.nstaff * 3 / 2);
        /* leave vacates the post; penalties end before retirement */
        assert_int_equal(c.on_leave_with_post, 0);
        assert_int_equal(c.penalty_past_bup, 0);
        assert_int_equal(c.dangling, 0);
        collect_free(&c);
    }
}

static void a_callback_can_stop_it(void **state)
{
    (void)state;
    struct collect c;
    memset(&c, 0, sizeof c);
    c.today = TODAY();
    c.stop_after = 10;
    struct gen_params p = {.seed = 1, .staff = 5000, .today = c.today};
    struct gen_sink sink = {on_unit, on_position, on_staff, &c};
    struct gen_counts n;
    assert_int_equal(gen_region(&p, &sink, &n), 7);
    assert_int_equal(c.nstaff, 10);
    collect_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_seed_same_region),
        cmocka_unit_test(every_record_valid_and_whole),
        cmocka_unit_test(looks_like_a_kabupaten),
        cmocka_unit_test(workload_leaves_units_short_and_over),
        cmocka_unit_test(more_staff_more_kabupaten),
        cmocka_unit_test(exact_counts_and_limits),
        cmocka_unit_test(a_callback_can_stop_it),
        cmocka_unit_test(domain_invariants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
