/* Record validation: a good record passes; each kind of bad field is
 * reported once, under its CSV column name, with a reason naming the value. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "core/policy.h"
#include "core/record.h"

static mdate ymd(int y, int m, int d) { return date_from_ymd(y, m, d); }

#define TODAY ymd(2026, 11, 22)

/* --- fixtures -------------------------------------------------------- */

static struct unit good_unit(void)
{
    struct unit u;
    memset(&u, 0, sizeof u);
    strcpy(u.code, "DINKES.P1");
    strcpy(u.name, "Seksi Pelayanan Kesehatan Primer");
    strcpy(u.parent, "DINKES.P");
    u.kind = UKIND_SEKSI;
    strcpy(u.district, "Kecamatan Sukamaju");
    return u;
}

static struct position good_position(void)
{
    struct position p;
    memset(&p, 0, sizeof p);
    strcpy(p.code, "DINKES.P1.PK");
    strcpy(p.unit, "DINKES.P1");
    strcpy(p.name, "Perawat Ahli Pertama");
    p.kind = PKIND_FUNGSIONAL;
    p.level = PLEVEL_AHLI_PERTAMA;
    strcpy(p.job_family, "kesehatan");
    p.min_rank = 9;
    p.min_education = EDU_S1;
    p.workload_minutes = 187500;
    p.need = NEED_FROM_ABK;
    p.ncomp = 2;
    strcpy(p.comp[0].code, "KEP.DASAR");
    p.comp[0].level = 3;
    strcpy(p.comp[1].code, "MANAJ.KASUS");
    p.comp[1].level = 2;
    return p;
}

static struct staff good_staff(void)
{
    struct staff s;
    memset(&s, 0, sizeof s);
    strcpy(s.nip, "198609262015052001");
    strcpy(s.name, "Dr. Siti Aminah, S.Kep., M.Kes.");
    s.sex = SEX_P;
    s.birth_date = ymd(1986, 9, 26);
    s.status = STATUS_PNS;
    s.rank = 10; /* III/b */
    strcpy(s.position, "DINKES.P1.PK");
    strcpy(s.unit, "DINKES.P1");
    s.post_since = ymd(2019, 1, 2);
    s.pns_since = ymd(2016, 6, 1);
    s.education = EDU_S2;
    strcpy(s.major, "Keperawatan");
    strcpy(s.job_family, "kesehatan");
    s.nskp = 3;
    s.skp[0] = (struct skp_entry){2023, SKP_BAIK};
    s.skp[1] = (struct skp_entry){2024, SKP_SANGAT_BAIK};
    s.skp[2] = (struct skp_entry){2025, SKP_BAIK};
    s.discipline = DISC_NONE;
    s.discipline_until = MDATE_NONE;
    s.leave = LEAVE_NONE;
    strcpy(s.home_district, "Kecamatan Sukamaju");
    s.ncomp = 1;
    strcpy(s.comp[0].code, "KEP.DASAR");
    s.comp[0].level = 4;
    return s;
}

/* --- helpers --------------------------------------------------------- */

/* Fills every slot with a distinct, valid entry. */
static void fill_competencies(struct competency c[COMP_MAX])
{
    for (int i = 0; i < COMP_MAX; i++) {
        snprintf(c[i].code, sizeof c[i].code, "K%d", i);
        c[i].level = 1;
    }
}

static void fill_skp(struct skp_entry e[SKP_MAX])
{
    for (int i = 0; i < SKP_MAX; i++)
        e[i] = (struct skp_entry){(uint16_t)(2010 + i), SKP_BAIK};
}

static void dump(const struct verrs *v)
{
    for (int i = 0; i < v->n && i < VERR_MAX; i++)
        print_message("  %s: %s\n", v->e[i].field, v->e[i].msg);
}

/* Exactly one problem, on `field`, whose message holds `needle`. */
static void expect_one(const struct verrs *v, int returned, const char *field,
                       const char *needle)
{
    if (v->n != 1 || strcmp(v->e[0].field, field) != 0 ||
        !strstr(v->e[0].msg, needle)) {
        print_message("expected one problem on %s mentioning \"%s\", got %d:\n",
                      field, needle, v->n);
        dump(v);
        fail();
    }
    assert_int_equal(returned, 1);
}

static void expect_none(const struct verrs *v, int returned)
{
    if (v->n != 0) {
        dump(v);
        fail();
    }
    assert_int_equal(returned, 0);
}

#define UNIT_CASE(mutation, field, needle)            \
    do {                                               \
        struct unit u = good_unit();                   \
        struct verrs v = {0};                          \
        mutation;                                      \
        expect_one(&v, unit_validate(&u, &v), field, needle); \
    } while (0)

#define POS_CASE(mutation, field, needle)             \
    do {                                               \
        struct position p = good_position();           \
        struct verrs v = {0};                          \
        mutation;                                      \
        expect_one(&v, position_validate(&p, &v), field, needle); \
    } while (0)

#define STAFF_CASE(mutation, field, needle)           \
    do {                                               \
        struct staff s = good_staff();                 \
        struct verrs v = {0};                          \
        mutation;                                      \
        expect_one(&v, staff_validate(&s, TODAY, &v), field, needle); \
    } while (0)

/* --- verrs ----------------------------------------------------------- */

static void verrs_counts_past_its_capacity(void **state)
{
    (void)state;
    struct verrs v = {0};
    for (int i = 0; i < VERR_MAX + 5; i++)
        verrs_add(&v, "field", "problem %d", i);
    assert_int_equal(v.n, VERR_MAX + 5);
    assert_string_equal(v.e[0].msg, "problem 0");
    assert_string_equal(v.e[VERR_MAX - 1].field, "field");
    char want[32];
    snprintf(want, sizeof want, "problem %d", VERR_MAX - 1);
    assert_string_equal(v.e[VERR_MAX - 1].msg, want);
}

static void verrs_truncates_on_a_character_boundary(void **state)
{
    (void)state;
    struct verrs v = {0};
    char text[400];
    /* "é" is 2 bytes: 199 bytes of room cannot end in half of one */
    text[0] = 'x';
    size_t n = 1;
    while (n + 2 < sizeof text)
        text[n++] = (char)0xC3, text[n++] = (char)0xA9;
    text[n] = '\0';
    verrs_add(&v, "a_very_long_field_name_indeed_longer", "%s", text);
    size_t len = strlen(v.e[0].msg);
    assert_true(len < sizeof v.e[0].msg);
    assert_true(len >= sizeof v.e[0].msg - 3);
    assert_int_equal((unsigned char)v.e[0].msg[len - 1], 0xA9);
    assert_int_equal(strlen(v.e[0].field), sizeof v.e[0].field - 1);
}

/* --- units ----------------------------------------------------------- */

static void unit_good(void **state)
{
    (void)state;
    struct unit u = good_unit();
    struct verrs v = {0};
    expect_none(&v, unit_validate(&u, &v));
    /* a root instansi */
    strcpy(u.code, "KAB");
    u.parent[0] = '\0';
    u.kind = UKIND_INSTANSI;
    u.district[0] = '\0';
    expect_none(&v, unit_validate(&u, &v));
}

static void unit_bad(void **state)
{
    (void)state;
    UNIT_CASE(u.code[0] = '\0', "code", "required");
    UNIT_CASE(strcpy(u.code, "DIN KES"), "code", "DIN KES");
    UNIT_CASE(memset(u.code, 'A', sizeof u.code), "code", "corrupt");
    UNIT_CASE(strcpy(u.name, "   "), "name", "required");
    UNIT_CASE(strcpy(u.name, "Seksi\x01"), "name", "UTF-8");
    UNIT_CASE(strcpy(u.name, "Seksi \xC3"), "name", "UTF-8");
    UNIT_CASE(strcpy(u.name, "Seksi \xC0\xAF"), "name", "UTF-8");
    UNIT_CASE(strcpy(u.district, "\xED\xA0\x80"), "district", "UTF-8");
    UNIT_CASE(u.kind = UKIND_NONE, "kind", "required");
    UNIT_CASE(u.kind = 9, "kind", "9");
    UNIT_CASE(u.parent[0] = '\0', "parent", "seksi");
    UNIT_CASE(strcpy(u.parent, u.code), "parent", "DINKES.P1");
    UNIT_CASE(strcpy(u.parent, "A\tB"), "parent", "spaces");
    /* several problems are all reported */
    struct unit u = good_unit();
    struct verrs v = {0};
    u.code[0] = '\0';
    u.name[0] = '\0';
    u.kind = 0;
    assert_int_equal(unit_validate(&u, &v), 3);
    assert_int_equal(v.n, 3);
}

/* --- positions ------------------------------------------------------- */

static void position_good(void **state)
{
    (void)state;
    struct verrs v = {0};
    struct position p = good_position();
    expect_none(&v, position_validate(&p, &v));
    p.kind = PKIND_JPT, p.level = PLEVEL_PRATAMA;
    expect_none(&v, position_validate(&p, &v));
    p.kind = PKIND_PELAKSANA, p.level = PLEVEL_NONE, p.min_rank = 0,
    p.min_education = 0, p.ncomp = 0, p.need = 0, p.workload_minutes = 0;
    expect_none(&v, position_validate(&p, &v));
    p.kind = PKIND_FUNGSIONAL, p.level = PLEVEL_PENYELIA,
    p.min_rank = RANK_PPPK_BASE + 9, p.need = 12;
    expect_none(&v, position_validate(&p, &v));
}

static void position_bad(void **state)
{
    (void)state;
    POS_CASE(p.code[0] = '\0', "code", "required");
    POS_CASE(p.unit[0] = '\0', "unit", "required");
    POS_CASE(p.name[0] = '\0', "name", "required");
    POS_CASE(p.job_family[0] = '\0', "job_family", "required");
    POS_CASE((p.kind = 0, p.level = 0), "kind", "required");
    POS_CASE((p.kind = 6, p.level = 0), "kind", "6");
    POS_CASE(p.level = PLEVEL_NONE, "level", "fungsional");
    POS_CASE(p.level = PLEVEL_MADYA, "level", "madya");
    POS_CASE(p.level = 12, "level", "12");
    POS_CASE(p.kind = PKIND_JPT, "level", "ahli-pertama");
    POS_CASE(p.kind = PKIND_PENGAWAS, "level", "pengawas");
    POS_CASE(p.min_rank = 18, "min_rank", "18");
    POS_CASE(p.min_rank = RANK_PPPK_BASE, "min_rank", "100");
    POS_CASE(p.min_education = 11, "min_education", "11");
    POS_CASE(p.workload_minutes = -1, "workload_minutes", "-1");
    POS_CASE(p.workload_minutes = 1000000000001LL, "workload_minutes",
             "1000000000001");
    POS_CASE(p.need = -2, "need", "-2");
    POS_CASE(p.comp[1].level = 0, "competencies", "MANAJ.KASUS");
    POS_CASE(p.comp[1].level = 6, "competencies", "level 6");
    POS_CASE(strcpy(p.comp[1].code, "KEP.DASAR"), "competencies", "twice");
    POS_CASE(strcpy(p.comp[1].code, "A:B"), "competencies", "A:B");
    POS_CASE(p.comp[1].code[0] = '\0', "competencies", "required");
    POS_CASE((fill_competencies(p.comp), p.ncomp = COMP_MAX + 1),
             "competencies", "9");
}

/* --- staff ----------------------------------------------------------- */

static void staff_good(void **state)
{
    (void)state;
    struct verrs v = {0};
    struct staff s = good_staff();
    expect_none(&v, staff_validate(&s, TODAY, &v));
    /* a CPNS: no pns_since, in post since the CPNS month */
    strcpy(s.nip, "199903142025031001");
    s.sex = SEX_L;
    s.birth_date = ymd(1999, 3, 14);
    s.status = STATUS_CPNS;
    s.rank = 9;
    s.pns_since = MDATE_NONE;
    s.post_since = ymd(2025, 3, 1);
    s.nskp = 1;
    s.skp[0] = (struct skp_entry){2025, SKP_BAIK};
    s.major[0] = s.job_family[0] = s.home_district[0] = '\0';
    s.ncomp = 0;
    expect_none(&v, staff_validate(&s, TODAY, &v));
    /* a PPPK with a grade, under a running penalty with an end date */
    s.status = STATUS_PPPK;
    s.rank = RANK_PPPK_BASE + 9;
    s.discipline = DISC_SEDANG;
    s.discipline_until = ymd(2027, 1, 1);
    s.leave = LEAVE_IKATAN_DINAS;
    expect_none(&v, staff_validate(&s, TODAY, &v));
    /* dates on today are not in the future; no today skips that check */
    s.post_since = TODAY;
    expect_none(&v, staff_validate(&s, TODAY, &v));
    s.post_since = ymd(2030, 1, 1);
    s.nskp = 0;
    expect_none(&v, staff_validate(&s, MDATE_NONE, &v));
}

static void staff_nip(void **state)
{
    (void)state;
    STAFF_CASE(s.nip[0] = '\0', "nip", "required");
    STAFF_CASE(strcpy(s.nip, "19860926201505200"), "nip", "18 digits");
    STAFF_CASE(strcpy(s.nip, "1986092620150520x1"), "nip", "1986092620150520x1");
    /* birth part impossible: the mismatch with birth_date is not repeated */
    STAFF_CASE(strcpy(s.nip, "198602302015052001"), "nip", "birth date");
    STAFF_CASE(strcpy(s.nip, "198609262015132001"), "nip", "CPNS");
    STAFF_CASE(strcpy(s.nip, "198609262015053001"), "nip", "sex digit");
    STAFF_CASE(s.birth_date = ymd(1986, 9, 27), "nip",
               "NIP 19860926 201505 2 001 says born 1986-09-26 but "
               "birth_date is 1986-09-27");
    STAFF_CASE(s.sex = SEX_L, "nip",
               "NIP 19860926 201505 2 001 has sex digit 2 (P) but sex is L");
    STAFF_CASE(memset(s.nip, '1', sizeof s.nip), "nip", "corrupt");
}

static void staff_required_and_enums(void **state)
{
    (void)state;
    STAFF_CASE(s.name[0] = '\0', "name", "required");
    STAFF_CASE(strcpy(s.name, "Siti\nAminah"), "name", "control");
    STAFF_CASE(s.sex = SEX_NONE, "sex", "required");
    STAFF_CASE(s.sex = 3, "sex", "3");
    STAFF_CASE(s.status = STATUS_NONE, "status", "required");
    STAFF_CASE(s.status = 4, "status", "4");
    STAFF_CASE(s.rank = RANK_NONE, "rank", "required");
    STAFF_CASE(s.rank = 18, "rank", "18");
    STAFF_CASE(s.position[0] = '\0', "position", "required");
    STAFF_CASE(s.unit[0] = '\0', "unit", "required");
    STAFF_CASE(strcpy(s.unit, "DIN KES"), "unit", "DIN KES");
    STAFF_CASE(s.education = EDU_NONE, "education", "required");
    STAFF_CASE(s.education = 11, "education", "11");
    STAFF_CASE(strcpy(s.major, "\xFF"), "major", "UTF-8");
    STAFF_CASE(strcpy(s.job_family, "\x7F"), "job_family", "UTF-8");
    STAFF_CASE(strcpy(s.home_district, "\xC2\x85"), "home_district", "UTF-8");
    STAFF_CASE(s.discipline = 4, "discipline", "4");
    STAFF_CASE(s.leave = 4, "leave", "4");
    /* nothing at all: every required field is named */
    struct staff s;
    memset(&s, 0, sizeof s);
    s.birth_date = s.post_since = s.pns_since = s.discipline_until = MDATE_NONE;
    struct verrs v = {0};
    int n = staff_validate(&s, TODAY, &v);
    const char *required[] = {"nip", "name", "position", "unit", "sex",
                              "status", "education", "rank", "birth_date",
                              "post_since"};
    assert_int_equal(n, (int)(sizeof required / sizeof *required));
    for (size_t i = 0; i < sizeof required / sizeof *required; i++)
        assert_string_equal(v.e[i].field, required[i]);
}

static void staff_rank_and_status(void **state)
{
    (void)state;
    STAFF_CASE(s.rank = RANK_PPPK_BASE + 9, "rank", "IX");
    STAFF_CASE((s.status = STATUS_PPPK, s.pns_since = MDATE_NONE), "rank",
               "III/b");
    STAFF_CASE((s.status = STATUS_CPNS, s.rank = RANK_PPPK_BASE + 1,
                s.pns_since = MDATE_NONE), "rank", "CPNS");
    STAFF_CASE(s.pns_since = MDATE_NONE, "pns_since", "required");
    STAFF_CASE(s.status = STATUS_CPNS, "pns_since", "2016-06-01");
    STAFF_CASE((s.status = STATUS_PPPK, s.rank = RANK_PPPK_BASE + 9),
               "pns_since", "PPPK");
}

static void staff_dates(void **state)
{
    (void)state;
    STAFF_CASE(s.post_since = MDATE_NONE, "post_since", "required");
    STAFF_CASE(s.post_since = ymd(2026, 11, 23), "post_since", "2026-11-23");
    STAFF_CASE(s.pns_since = ymd(2027, 1, 1), "pns_since", "future");
    /* before the CPNS month in the NIP (May 2015) */
    STAFF_CASE(s.post_since = ymd(2015, 4, 30), "post_since", "2015-05");
    STAFF_CASE(s.pns_since = ymd(2015, 4, 30), "pns_since", "2015-05");
    {
        struct staff s = good_staff();
        struct verrs v = {0};
        s.post_since = ymd(2015, 5, 1);
        s.pns_since = ymd(2015, 5, 1);
        expect_none(&v, staff_validate(&s, TODAY, &v));
    }
    /* a birth in the future also disagrees with the NIP */
    {
        struct staff s = good_staff();
        struct verrs v = {0};
        s.birth_date = ymd(2027, 1, 1);
        staff_validate(&s, TODAY, &v);
        int future = 0;
        for (int i = 0; i < v.n && i < VERR_MAX; i++)
            future += strcmp(v.e[i].field, "birth_date") == 0 &&
                      strstr(v.e[i].msg, "future") != NULL;
        assert_int_equal(future, 1);
    }
    /* before the birth date (with a NIP that does not object to it) */
    {
        struct staff s = good_staff();
        struct verrs v = {0};
        s.birth_date = MDATE_NONE;
        s.post_since = ymd(1980, 1, 1);
        staff_validate(&s, TODAY, &v);
        assert_int_equal(v.n, 2); /* birth_date required; post_since < CPNS */
        s = good_staff();
        v.n = 0;
        strcpy(s.nip, "198609261985052001"); /* invalid CPNS part */
        s.post_since = ymd(1980, 1, 1);
        s.pns_since = ymd(1980, 1, 1);
        staff_validate(&s, TODAY, &v);
        assert_int_equal(v.n, 3);
        assert_string_equal(v.e[1].field, "post_since");
        assert_non_null(strstr(v.e[1].msg, "before the birth date 1986-09-26"));
        assert_string_equal(v.e[2].field, "pns_since");
    }
    /* day numbers beyond the calendar are corrupt records, not crashes */
    STAFF_CASE(s.post_since = INT32_MAX - 5, "post_since", "corrupt");
    STAFF_CASE((s.discipline = DISC_RINGAN, s.discipline_until = INT32_MIN + 1),
               "discipline_until", "corrupt");
    {
        struct staff s = good_staff();
        struct verrs v = {0};
        s.birth_date = INT32_MAX;
        staff_validate(&s, INT32_MAX - 1, &v);
        assert_int_equal(v.n, 2); /* birth_date corrupt, NIP disagrees */
        assert_string_equal(v.e[0].field, "nip");
        assert_non_null(strstr(v.e[0].msg, "birth_date is ?"));
        assert_string_equal(v.e[1].field, "birth_date");
    }
    STAFF_CASE(s.discipline_until = ymd(2027, 1, 1), "discipline_until",
               "without a discipline level");
    STAFF_CASE((s.discipline = DISC_BERAT, s.discipline_until = ymd(1980, 1, 1)),
               "discipline_until", "before the birth date");
}

static void staff_skp(void **state)
{
    (void)state;
    STAFF_CASE(s.skp[2].year = 2027, "skp_2027", "2027");
    STAFF_CASE(s.skp[0].year = 2000, "skp_2000", "1986");
    STAFF_CASE(s.skp[1].predikat = SKP_NONE, "skp_2024", "predikat 0");
    STAFF_CASE(s.skp[1].predikat = 6, "skp_2024", "predikat 6");
    STAFF_CASE(s.skp[2].year = 2024, "skp_2024", "twice");
    STAFF_CASE(s.skp[1].year = 2022, "skp_2022", "order");
    STAFF_CASE((fill_skp(s.skp), s.nskp = SKP_MAX + 1), "skp", "9");
    STAFF_CASE(s.comp[0].level = 9, "competencies", "KEP.DASAR");
    /* an SKP for the current year is fine */
    struct staff s = good_staff();
    struct verrs v = {0};
    s.skp[3] = (struct skp_entry){2026, SKP_BUTUH_PERBAIKAN};
    s.nskp = 4;
    expect_none(&v, staff_validate(&s, TODAY, &v));
}

static void staff_lookups(void **state)
{
    (void)state;
    struct staff s = good_staff();
    assert_int_equal(staff_skp_for_year(&s, 2024), SKP_SANGAT_BAIK);
    assert_int_equal(staff_skp_for_year(&s, 2025), SKP_BAIK);
    assert_int_equal(staff_skp_for_year(&s, 2022), SKP_NONE);
    assert_int_equal(staff_skp_for_year(&s, 2026), SKP_NONE);
    /* entries past nskp are not consulted */
    s.skp[3] = (struct skp_entry){2026, SKP_BAIK};
    assert_int_equal(staff_skp_for_year(&s, 2026), SKP_NONE);
    assert_int_equal(staff_competency(&s, "KEP.DASAR"), 4);
    assert_int_equal(staff_competency(&s, "kep.dasar"), 0);
    assert_int_equal(staff_competency(&s, "MANAJ.KASUS"), 0);
    s.ncomp = 0;
    assert_int_equal(staff_competency(&s, "KEP.DASAR"), 0);
}

/* --- policy ---------------------------------------------------------- */

/* The checks of text and codes look at 8 bytes at a time: a bad byte is
 * found at every place of a long field, and the edges of the good range
 * pass. */
static void staff_bad_byte_anywhere(void **state)
{
    (void)state;
    static const unsigned char text_bad[] = {0x01, 0x1f, 0x7f, 0x80, 0xc0, 0xff};
    static const unsigned char code_bad[] = {0x01, ' ', 0x7f, 0x80, 0xff};
    struct verrs v = {0};
    for (size_t at = 0; at < 30; at++) {
        for (size_t k = 0; k < sizeof text_bad; k++) {
            struct staff s = good_staff();
            memset(s.name, 'a', 30);
            s.name[30] = '\0';
            s.name[at] = (char)text_bad[k];
            v.n = 0;
            expect_one(&v, staff_validate(&s, TODAY, &v), "name", "UTF-8");
        }
        for (size_t k = 0; k < sizeof code_bad; k++) {
            struct staff s = good_staff();
            memset(s.unit, 'A', 30);
            s.unit[30] = '\0';
            s.unit[at] = (char)code_bad[k];
            v.n = 0;
            expect_one(&v, staff_validate(&s, TODAY, &v), "unit", "letters, digits");
        }
    }
    struct staff s = good_staff();
    strcpy(s.name, " ~ ~ ~ ~ ~ ~ ~ ~ Z\xc3\xa9 ~ ~ ~ ~ ~ ~ ~ ~");    /* 0x20, 0x7e, e-acute */
    strcpy(s.unit, "!~!~!~!~!~!~!~!~!~!~!~!~!~!~");
    v.n = 0;
    expect_none(&v, staff_validate(&s, TODAY, &v));
    for (size_t at = 0; at < 20; at++) {    /* a competency code forbids ':' and '|' */
        struct staff c = good_staff();
        c.ncomp = 1;
        memset(c.comp[0].code, 'k', 20);
        c.comp[0].code[20] = '\0';
        c.comp[0].code[at] = at % 2 ? ':' : '|';
        c.comp[0].level = 1;
        v.n = 0;
        expect_one(&v, staff_validate(&c, TODAY, &v), "competencies", "letters, digits");
    }
}

static void policy_defaults_are_the_designs(void **state)
{
    (void)state;
    struct policy p;
    memset(&p, 0xAB, sizeof p);
    policy_defaults(&p);
    assert_int_equal(p.effective_minutes, 75000);
    assert_int_equal(p.rounding, ROUND_HALF_UP);
    assert_int_equal(p.ej_a_above, 100);
    assert_int_equal(p.ej_b_from, 90);
    assert_int_equal(p.ej_c_from, 70);
    assert_int_equal(p.ej_d_from, 50);
    assert_int_equal(p.bup.administrasi, 58);
    assert_int_equal(p.bup.ahli_pertama, 58);
    assert_int_equal(p.bup.ahli_muda, 58);
    assert_int_equal(p.bup.keterampilan, 58);
    assert_int_equal(p.bup.jpt, 60);
    assert_int_equal(p.bup.ahli_madya, 60);
    assert_int_equal(p.bup.ahli_utama, 65);
    assert_int_equal(p.tenure.min_months, 24);
    assert_int_equal(p.tenure.severity, SEV_BLOCK);
    assert_true(p.tenure.rotation_months > p.tenure.min_months);
    assert_int_equal(p.performance.min_predikat, SKP_BAIK);
    assert_int_equal(p.performance.years, 2);
    assert_false(p.status.allow_pppk);
    assert_int_equal(p.fit.competency_severity, SEV_WARN);
    assert_int_equal(p.need.origin_margin, 0);
    assert_true(p.discipline.blocked_from >= DISC_RINGAN &&
                p.discipline.blocked_from <= DISC_BERAT);
    /* no move may cost less than nothing */
    assert_true(p.optimiser.move_cost - p.optimiser.home_bonus >= 0);
    assert_true(p.plan.max_moves_out > 0 && p.plan.max_moves_in > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(verrs_counts_past_its_capacity),
        cmocka_unit_test(verrs_truncates_on_a_character_boundary),
        cmocka_unit_test(unit_good),
        cmocka_unit_test(unit_bad),
        cmocka_unit_test(position_good),
        cmocka_unit_test(position_bad),
        cmocka_unit_test(staff_good),
        cmocka_unit_test(staff_nip),
        cmocka_unit_test(staff_required_and_enums),
        cmocka_unit_test(staff_rank_and_status),
        cmocka_unit_test(staff_dates),
        cmocka_unit_test(staff_bad_byte_anywhere),
        cmocka_unit_test(staff_skp),
        cmocka_unit_test(staff_lookups),
        cmocka_unit_test(policy_defaults_are_the_designs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
