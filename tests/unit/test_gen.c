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
#include "core/vocab.h"
#include "gen/gen.h"

#define TODAY() date_from_ymd(2026, 11, 22)

/* --- a sink that keeps what the checks need ------------------------------ */

struct pos_row {
    char code[CODE_SIZE];
    char unit[CODE_SIZE];
    uint8_t kind, level;
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
};

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
    memcpy(c->unit_codes[c->nunits++], u->code, CODE_SIZE);
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
    r->workload = p->workload_minutes;
    c->pos_fungsional += p->kind == PKIND_FUNGSIONAL;
    index_position(c);
    return 0;
}

static int bup_of(int kind, int level)
{
    if (kind == PKIND_JPT || level == PLEVEL_AHLI_MADYA)
        return 60;
    return level == PLEVEL_AHLI_UTAMA ? 65 : 58;
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
    struct pos_row *p = find_pos(c, s->position);
    if (!p || strcmp(p->unit, s->unit) != 0)
        c->dangling++;
    if (nh < 1 || strcmp(h[nh - 1].position, s->position) != 0 ||
        h[nh - 1].since != s->post_since || strcmp(h[nh - 1].nip, s->nip) != 0)
        c->dangling++;
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
        mdate bup = date_add_months(s->birth_date, 12 * bup_of(p->kind, p->level));
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
