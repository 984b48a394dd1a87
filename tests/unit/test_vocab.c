/* Vocabularies: canonical names round-trip, lenient variants parse, and
 * words that name nothing are refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include "core/vocab.h"

typedef int (*parse_fn)(const char *, size_t);
typedef const char *(*name_fn)(int);

struct vocab {
    const char *what;
    parse_fn parse;
    name_fn name;
    int first, last; /* the values that have names */
};

static const struct vocab vocabs[] = {
    {"sex", sex_parse, sex_name, SEX_L, SEX_P},
    {"status", status_parse, status_name, STATUS_PNS, STATUS_PPPK},
    {"rank", rank_parse, rank_name, 1, RANK_MAX_PNS},
    {"grade", rank_parse, rank_name, RANK_PPPK_BASE + 1,
     RANK_PPPK_BASE + RANK_PPPK_MAX},
    {"education", education_parse, education_name, EDU_SD, EDU_S3},
    {"unit kind", unit_kind_parse, unit_kind_name, UKIND_INSTANSI, UKIND_UPT},
    {"position kind", pos_kind_parse, pos_kind_name, PKIND_JPT,
     PKIND_FUNGSIONAL},
    {"level", pos_level_parse, pos_level_name, PLEVEL_UTAMA, PLEVEL_PENYELIA},
    {"skp", skp_parse, skp_name, SKP_SANGAT_KURANG, SKP_SANGAT_BAIK},
    {"discipline", discipline_parse, discipline_name, DISC_RINGAN, DISC_BERAT},
    {"leave", leave_parse, leave_name, LEAVE_TUGAS_BELAJAR, LEAVE_IKATAN_DINAS},
};
#define NVOCABS (sizeof vocabs / sizeof *vocabs)

static int parse(parse_fn f, const char *s) { return f(s, strlen(s)); }

static void upper(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
}

static void lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

static void every_name_round_trips(void **state)
{
    (void)state;
    for (size_t i = 0; i < NVOCABS; i++) {
        const struct vocab *w = &vocabs[i];
        for (int v = w->first; v <= w->last; v++) {
            const char *name = w->name(v);
            assert_true(name[0] != '\0');
            assert_int_equal(parse(w->parse, name), v);
            char buf[64];
            strcpy(buf, name);
            upper(buf);
            assert_int_equal(parse(w->parse, buf), v);
            strcpy(buf, name);
            lower(buf);
            assert_int_equal(parse(w->parse, buf), v);
            /* surrounding blanks are not part of the word */
            snprintf(buf, sizeof buf, "  %s\t", name);
            assert_int_equal(parse(w->parse, buf), v);
            /* distinct values have distinct names */
            for (int u = w->first; u < v; u++)
                assert_string_not_equal(w->name(u), name);
        }
        assert_string_equal(w->name(0), "");
        assert_string_equal(w->name(w->last + 1), "");
        assert_string_equal(w->name(-1), "");
        assert_int_equal(parse(w->parse, ""), 0);
        assert_int_equal(parse(w->parse, "   "), 0);
        assert_int_equal(parse(w->parse, "nonsense"), -1);
        assert_int_equal(parse(w->parse, "-"), -1);
    }
}

static void canonical_spellings_are_the_designs(void **state)
{
    (void)state;
    assert_string_equal(rank_name(1), "I/a");
    assert_string_equal(rank_name(9), "III/a");
    assert_string_equal(rank_name(12), "III/d");
    assert_string_equal(rank_name(17), "IV/e");
    assert_string_equal(rank_name(RANK_PPPK_BASE + 9), "IX");
    assert_string_equal(rank_name(RANK_PPPK_BASE + 17), "XVII");
    assert_string_equal(education_name(EDU_S1), "S-1");
    assert_string_equal(education_name(EDU_D3), "D-III");
    assert_string_equal(pos_level_name(PLEVEL_AHLI_PERTAMA), "ahli-pertama");
    assert_string_equal(skp_name(SKP_BUTUH_PERBAIKAN), "butuh-perbaikan");
    assert_string_equal(leave_name(LEAVE_TUGAS_BELAJAR), "tugas-belajar");
    assert_string_equal(sex_name(SEX_P), "P");
    assert_string_equal(status_name(STATUS_CPNS), "CPNS");
    assert_string_equal(unit_kind_name(UKIND_UPT), "upt");
    assert_string_equal(pos_kind_name(PKIND_JPT), "jpt");
    assert_string_equal(discipline_name(DISC_SEDANG), "sedang");
    /* an array of names must not run out of step with the rank numbers */
    assert_string_equal(rank_name(RANK_MAX_PNS + 1), "");
    assert_string_equal(rank_name(RANK_PPPK_BASE), "");
    assert_string_equal(rank_name(RANK_PPPK_BASE + RANK_PPPK_MAX + 1), "");
}

static void rank_variants(void **state)
{
    (void)state;
    const char *iiia[] = {"III/a", "III-a", "IIIa", "iii/A", "III a", "3a",
                          "3/a", "3-A", "III.a", " III/a "};
    for (size_t i = 0; i < sizeof iiia / sizeof *iiia; i++)
        assert_int_equal(parse(rank_parse, iiia[i]), 9);
    assert_int_equal(parse(rank_parse, "IV/e"), 17);
    assert_int_equal(parse(rank_parse, "4e"), 17);
    assert_int_equal(parse(rank_parse, "I/a"), 1);
    assert_int_equal(parse(rank_parse, "II/d"), 8);
    /* only group IV has an e */
    assert_int_equal(parse(rank_parse, "III/e"), -1);
    assert_int_equal(parse(rank_parse, "I/e"), -1);
    assert_int_equal(parse(rank_parse, "IV/f"), -1);
    assert_int_equal(parse(rank_parse, "V/a"), -1);
    assert_int_equal(parse(rank_parse, "5a"), -1);
    assert_int_equal(parse(rank_parse, "IIII/a"), -1);
    assert_int_equal(parse(rank_parse, "/a"), -1);
    /* bare numbers are PPPK grades */
    assert_int_equal(parse(rank_parse, "IX"), RANK_PPPK_BASE + 9);
    assert_int_equal(parse(rank_parse, "ix"), RANK_PPPK_BASE + 9);
    assert_int_equal(parse(rank_parse, "9"), RANK_PPPK_BASE + 9);
    assert_int_equal(parse(rank_parse, "IV"), RANK_PPPK_BASE + 4);
    assert_int_equal(parse(rank_parse, "17"), RANK_PPPK_BASE + 17);
    assert_int_equal(parse(rank_parse, "XVIII"), -1);
    assert_int_equal(parse(rank_parse, "18"), -1);
    assert_int_equal(parse(rank_parse, "0"), -1);
    assert_int_equal(parse(rank_parse, "IIX"), -1);
    /* exactly len bytes are read */
    assert_int_equal(rank_parse("III/a", 3), RANK_PPPK_BASE + 3);
}

static void education_variants(void **state)
{
    (void)state;
    const struct { const char *s; int v; } cases[] = {
        {"S1", EDU_S1}, {"s-1", EDU_S1}, {"S.1", EDU_S1}, {"S 1", EDU_S1},
        {"S-I", EDU_S1}, {"S2", EDU_S2}, {"S3", EDU_S3}, {"S-III", EDU_S3},
        {"D3", EDU_D3}, {"D-III", EDU_D3}, {"DIII", EDU_D3}, {"d-3", EDU_D3},
        {"D1", EDU_D1}, {"D-IV", EDU_D4}, {"D4", EDU_D4}, {"SMK", EDU_SMA},
        {"SLTA", EDU_SMA}, {"SMU", EDU_SMA}, {"SLTP", EDU_SMP}, {"sd", EDU_SD},
        {"S4", -1}, {"D5", -1}, {"D-V", -1}, {"S", -1}, {"SMP2", -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_int_equal(parse(education_parse, cases[i].s), cases[i].v);
}

static void other_variants(void **state)
{
    (void)state;
    assert_int_equal(parse(sex_parse, "laki-laki"), SEX_L);
    assert_int_equal(parse(sex_parse, "Laki Laki"), SEX_L);
    assert_int_equal(parse(sex_parse, "l"), SEX_L);
    assert_int_equal(parse(sex_parse, "M"), SEX_L);
    assert_int_equal(parse(sex_parse, "Perempuan"), SEX_P);
    assert_int_equal(parse(sex_parse, "wanita"), SEX_P);
    assert_int_equal(parse(sex_parse, "F"), SEX_P);
    assert_int_equal(parse(sex_parse, "X"), -1);
    assert_int_equal(parse(status_parse, "p3k"), STATUS_PPPK);
    assert_int_equal(parse(status_parse, "honorer"), -1);
    assert_int_equal(parse(skp_parse, "Sangat Baik"), SKP_SANGAT_BAIK);
    assert_int_equal(parse(skp_parse, "sangat_baik"), SKP_SANGAT_BAIK);
    assert_int_equal(parse(skp_parse, "SANGAT-BAIK"), SKP_SANGAT_BAIK);
    assert_int_equal(parse(skp_parse, "Butuh Perbaikan"), SKP_BUTUH_PERBAIKAN);
    assert_int_equal(parse(skp_parse, "Kurang/Misconduct"), SKP_KURANG);
    assert_int_equal(parse(skp_parse, "cukup"), -1);
    assert_int_equal(parse(leave_parse, "tugas belajar"), LEAVE_TUGAS_BELAJAR);
    assert_int_equal(parse(leave_parse, "Tugas_Belajar"), LEAVE_TUGAS_BELAJAR);
    assert_int_equal(parse(leave_parse, "CLTN"), LEAVE_CLTN);
    assert_int_equal(parse(leave_parse, "ikatan dinas"), LEAVE_IKATAN_DINAS);
    assert_int_equal(parse(pos_level_parse, "Ahli Pertama"), PLEVEL_AHLI_PERTAMA);
    assert_int_equal(parse(pos_level_parse, "ahli_utama"), PLEVEL_AHLI_UTAMA);
    assert_int_equal(parse(pos_level_parse, "ahli"), -1);
    assert_int_equal(parse(pos_kind_parse, "JPT"), PKIND_JPT);
    assert_int_equal(parse(unit_kind_parse, "OPD"), UKIND_OPD);
    assert_int_equal(parse(unit_kind_parse, "bagian"), UKIND_BIDANG);
    assert_int_equal(parse(unit_kind_parse, "Sub Bagian"), UKIND_SEKSI);
    assert_int_equal(parse(discipline_parse, "Berat"), DISC_BERAT);
    /* non-ASCII and overlong texts name nothing */
    assert_int_equal(parse(discipline_parse, "bérat"), -1);
    assert_int_equal(parse(skp_parse, "sangat baik sangat baik sangat baik"), -1);
    /* an embedded NUL is not a separator */
    assert_int_equal(sex_parse("L\0", 2), -1);
}

static void ranks_compare_within_their_kind(void **state)
{
    (void)state;
    assert_true(rank_comparable(1, 17));
    assert_true(rank_comparable(RANK_PPPK_BASE + 1, RANK_PPPK_BASE + 17));
    assert_false(rank_comparable(9, RANK_PPPK_BASE + 9));
    assert_false(rank_comparable(RANK_NONE, 9));
    assert_false(rank_comparable(RANK_NONE, RANK_NONE));
    assert_false(rank_comparable(18, 9));
    /* the order of PNS ranks is the numeric order */
    assert_true(parse(rank_parse, "II/d") < parse(rank_parse, "III/a"));
    assert_true(parse(rank_parse, "III/d") < parse(rank_parse, "IV/a"));
}

static void skp_labels_are_words(void **state)
{
    (void)state;
    assert_string_equal(skp_label(SKP_NONE), "");
    assert_string_equal(skp_label(99), "");
    for (int v = SKP_SANGAT_KURANG; v <= SKP_SANGAT_BAIK; v++) {
        assert_true(strlen(skp_label(v)) > 2);
        for (int u = SKP_SANGAT_KURANG; u < v; u++)
            assert_string_not_equal(skp_label(u), skp_label(v));
    }
}

static void skp_initials_are_the_offices(void **state)
{
    (void)state;
    assert_string_equal(skp_initials(SKP_SANGAT_BAIK), "SB");
    assert_string_equal(skp_initials(SKP_BAIK), "B");
    assert_string_equal(skp_initials(SKP_NONE), "");
    assert_string_equal(skp_initials(99), "");
}

/* Without a catalogue the style is ISO (as English is); none is "". */
static void dates_for_people(void **state)
{
    (void)state;
    char out[DATE_LABEL_SIZE];
    assert_int_equal(date_label(date_from_ymd(2026, 8, 1), out), 10);
    assert_string_equal(out, "2026-08-01");
    assert_int_equal(date_label(MDATE_NONE, out), 0);
    assert_string_equal(out, "");
}

/* Moments: the day as the date labels write it, then the time of day;
 * local time follows TZ. */
static void moments_for_people(void **state)
{
    (void)state;
    char out[MOMENT_LABEL_SIZE];
    int64_t t = 1764773048;                 /* 2025-12-03T14:44:08Z */
    moment_label_utc(t, MOMENT_SECONDS, out);
    assert_string_equal(out, "2025-12-03 14:44:08");
    moment_label_utc(t, MOMENT_SHORT, out);
    assert_string_equal(out, "2025-12-03 14:44");
    setenv("TZ", "WIB-7", 1);               /* UTC+7 (POSIX form: no tzdata needed) */
    tzset();
    time_t tt = (time_t)t, later = (time_t)(t + 3 * 3600);
    struct tm tm;
    moment_label(localtime_r(&tt, &tm), 0, out);
    assert_string_equal(out, "2025-12-03 21:44");
    moment_label(localtime_r(&later, &tm), MOMENT_SECONDS, out);
    assert_string_equal(out, "2025-12-04 00:44:08");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_name_round_trips),
        cmocka_unit_test(canonical_spellings_are_the_designs),
        cmocka_unit_test(rank_variants),
        cmocka_unit_test(education_variants),
        cmocka_unit_test(other_variants),
        cmocka_unit_test(ranks_compare_within_their_kind),
        cmocka_unit_test(skp_labels_are_words),
        cmocka_unit_test(skp_initials_are_the_offices),
        cmocka_unit_test(dates_for_people),
        cmocka_unit_test(moments_for_people),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
