/* Export without a database: CSV that import reads back to the same
 * records (neutralised cells included), skp columns, the text listing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "io/export.h"

static struct staff person(const char *nip, const char *name, const char *district)
{
    struct staff s;
    memset(&s, 0, sizeof s);
    snprintf(s.nip, sizeof s.nip, "%s", nip);
    snprintf(s.name, sizeof s.name, "%s", name);
    s.sex = (uint8_t)nip_sex(nip);
    s.birth_date = nip_birth_date(nip);
    s.status = STATUS_PNS;
    s.rank = 11;                                    /* III/c */
    snprintf(s.position, sizeof s.position, "P-1");
    snprintf(s.unit, sizeof s.unit, "U-1");
    s.post_since = date_from_ymd(2024, 1, 4);
    s.pns_since = date_from_ymd(2021, 6, 1);
    s.education = EDU_S1;
    s.discipline_until = MDATE_NONE;
    snprintf(s.major, sizeof s.major, "Ekonomi, Akuntansi");
    snprintf(s.job_family, sizeof s.job_family, "keuangan");
    snprintf(s.home_district, sizeof s.home_district, "%s", district);
    return s;
}

/* Writes the staff as CSV into a string (caller frees). */
static char *export_csv(const struct staff *v, int n)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    struct export_shape sh;
    export_shape_init(&sh, IMPORT_STAFF, EXPORT_CSV);
    for (int i = 0; i < n; i++)
        export_shape_staff(&sh, &v[i]);
    exporter *x = export_begin(f, &sh);
    for (int i = 0; i < n; i++)
        export_staff_row(x, &v[i]);
    assert_int_equal(export_end(x), 0);
    fclose(f);
    return out;
}

static void staff_round_trip(void **state)
{
    (void)state;
    struct staff v[3] = {
        person("198609262015051001", "=HYPERLINK(\"http://x\",\"klik\")", "-Kota"),
        person("199001152019032002", "Siti \"Ani\" Aminah, S.Kep.", "'@Desa"),
        person("199505052020122001", "+62 Rina", "Sukamaju"),
    };
    v[0].nskp = 2;
    v[0].skp[0] = (struct skp_entry){2023, SKP_BAIK};
    v[0].skp[1] = (struct skp_entry){2024, SKP_SANGAT_BAIK};
    v[1].nskp = 1;
    v[1].skp[0] = (struct skp_entry){2022, SKP_BUTUH_PERBAIKAN};
    v[2].ncomp = 2;
    v[2].comp[0] = (struct competency){"keuangan", 3};
    v[2].comp[1] = (struct competency){"audit", 1};
    v[2].discipline = DISC_RINGAN;
    v[2].discipline_until = date_from_ymd(2025, 6, 30);

    char *csv = export_csv(v, 3);
    /* skp columns for every year present, ascending. */
    assert_non_null(strstr(csv, ",job_family,skp_2022,skp_2023,skp_2024,discipline,"));
    /* Formula-looking cells carry the ' in the file. */
    assert_non_null(strstr(csv, "\"'=HYPERLINK("));
    assert_non_null(strstr(csv, ",'-Kota,"));
    assert_non_null(strstr(csv, ",''@Desa,"));
    assert_non_null(strstr(csv, ",'+62 Rina,"));

    csv_reader *r = csv_open_mem(csv, strlen(csv));
    struct csv_row row;
    struct import_header h;
    struct import_problems ps = {0};
    assert_int_equal(csv_next(r, &row), 1);
    assert_int_equal(import_header_parse(&h, IMPORT_STAFF, &row, &ps), 0);
    assert_int_equal(ps.warnings, 0);
    for (int i = 0; i < 3; i++) {
        struct staff back;
        assert_int_equal(csv_next(r, &row), 1);
        int errors = import_staff_row(&h, &row, date_from_ymd(2026, 1, 15), &back, &ps);
        for (size_t k = 0; k < ps.n; k++)
            print_message("%u:%u %s: %s\n", ps.p[k].line, ps.p[k].col, ps.p[k].column,
                          ps.p[k].msg);
        assert_int_equal(errors, 0);
        assert_string_equal(back.nip, v[i].nip);
        assert_string_equal(back.name, v[i].name);
        assert_string_equal(back.major, v[i].major);
        assert_string_equal(back.home_district, v[i].home_district);
        assert_int_equal(back.rank, v[i].rank);
        assert_int_equal(back.birth_date, v[i].birth_date);
        assert_int_equal(back.nskp, v[i].nskp);
        for (int k = 0; k < v[i].nskp; k++) {
            assert_int_equal(back.skp[k].year, v[i].skp[k].year);
            assert_int_equal(back.skp[k].predikat, v[i].skp[k].predikat);
        }
        assert_int_equal(back.ncomp, v[i].ncomp);
        for (int k = 0; k < v[i].ncomp; k++) {
            assert_string_equal(back.comp[k].code, v[i].comp[k].code);
            assert_int_equal(back.comp[k].level, v[i].comp[k].level);
        }
        assert_int_equal(back.discipline, v[i].discipline);
        assert_int_equal(back.discipline_until, v[i].discipline_until);
    }
    assert_int_equal(csv_next(r, &row), 0);
    csv_close(r);
    import_problems_free(&ps);
    free(csv);
}

static void position_need_written_only_when_set(void **state)
{
    (void)state;
    struct position p;
    memset(&p, 0, sizeof p);
    snprintf(p.code, sizeof p.code, "P-1");
    snprintf(p.unit, sizeof p.unit, "U-1");
    snprintf(p.name, sizeof p.name, "Analis Keuangan");
    p.kind = PKIND_PELAKSANA;
    snprintf(p.job_family, sizeof p.job_family, "keuangan");
    p.workload_minutes = 150000;
    p.need = NEED_FROM_ABK;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    struct export_shape sh;
    export_shape_init(&sh, IMPORT_POSITIONS, EXPORT_CSV);
    exporter *x = export_begin(f, &sh);
    export_position_row(x, &p);
    p.need = 4;
    export_position_row(x, &p);
    assert_int_equal(export_end(x), 0);
    fclose(f);
    assert_string_equal(out,
        "code,unit,name,kind,level,job_family,min_rank,min_education,workload_minutes,need,competencies\n"
        "P-1,U-1,Analis Keuangan,pelaksana,,keuangan,,,150000,,\n"
        "P-1,U-1,Analis Keuangan,pelaksana,,keuangan,,,150000,4,\n");
    free(out);
}

static void text_listing_aligned(void **state)
{
    (void)state;
    struct staff v[2] = {
        person("198609262015051001", "Budi", "Kota"),
        person("199001152019032002", "Siti Aminah Wulandari", "Kota"),
    };
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    struct export_shape sh;
    export_shape_init(&sh, IMPORT_STAFF, EXPORT_TEXT);
    export_shape_staff(&sh, &v[0]);
    export_shape_staff(&sh, &v[1]);
    exporter *x = export_begin(f, &sh);
    export_staff_row(x, &v[0]);
    export_staff_row(x, &v[1]);
    assert_int_equal(export_end(x), 0);
    fclose(f);
    /* The rank column starts at the same place on every line. */
    char *l1 = strchr(out, '\n') + 1, *l2 = strchr(l1, '\n') + 1;
    assert_int_equal(strstr(l1, "III/c") - l1, strstr(l2, "III/c") - l2);
    assert_non_null(strstr(l1, "19860926 201505 1 001  Budi"));
    assert_null(strstr(out, " \n"));               /* no trailing blanks */
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(staff_round_trip),
        cmocka_unit_test(position_need_written_only_when_set),
        cmocka_unit_test(text_listing_aligned),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
