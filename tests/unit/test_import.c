/* Header reading and row -> record conversion of the importer: pure, no
 * database (references are checked elsewhere, by the e2e test). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "io/import.h"

#define STAFF_HEADER "NIP,Name,sex,birth_date,status,rank,position,unit,post_since," \
                     "pns_since,education,major,job_family,skp_2024,SKP_2023,discipline," \
                     "discipline_until,leave,home_district,competencies"

struct parsed {
    csv_reader *r;
    struct csv_row row;
    struct import_header h;
    struct import_problems ps;
};

/* Reads the header of text (and leaves the reader on the first data row). */
static int open_text(struct parsed *p, enum import_kind kind, const char *text)
{
    memset(p, 0, sizeof *p);
    p->r = csv_open_mem(text, strlen(text));
    assert_non_null(p->r);
    assert_int_equal(csv_next(p->r, &p->row), 1);
    return import_header_parse(&p->h, kind, &p->row, &p->ps);
}

static void next_row(struct parsed *p)
{
    assert_int_equal(csv_next(p->r, &p->row), 1);
}

static void close_text(struct parsed *p)
{
    csv_close(p->r);
    import_problems_free(&p->ps);
}

static mdate ymd(int y, int m, int d)
{
    return date_from_ymd(y, m, d);
}

static void header_columns_any_case_and_skp_sorted(void **state)
{
    (void)state;
    struct parsed p;
    assert_int_equal(open_text(&p, IMPORT_STAFF, STAFF_HEADER ",remarks\n"), 0);
    assert_int_equal(p.h.col[COL_NIP], 0);
    assert_int_equal(p.h.col[COL_NAME], 1);
    assert_int_equal(p.h.nskp, 2);
    assert_int_equal(p.h.skp[0].year, 2023);   /* ascending, whatever the file order */
    assert_int_equal(p.h.skp[0].idx, 14);
    assert_int_equal(p.h.skp[1].year, 2024);
    /* One warning for the unknown column, at line 1, column 21. */
    assert_int_equal(p.ps.errors, 0);
    assert_int_equal(p.ps.warnings, 1);
    assert_true(p.ps.p[0].warning);
    assert_int_equal(p.ps.p[0].line, 1);
    assert_int_equal(p.ps.p[0].col, 21);
    close_text(&p);
}

static void header_missing_and_duplicate_columns(void **state)
{
    (void)state;
    struct parsed p;
    assert_int_equal(open_text(&p, IMPORT_UNITS, "code,name,CODE,district\n"), 2);
    assert_int_equal(p.ps.errors, 2);
    /* code twice (at column 3) and kind missing. */
    int dup = 0, missing = 0;
    for (size_t i = 0; i < p.ps.n; i++) {
        if (strcmp(p.ps.p[i].column, "code") == 0 && p.ps.p[i].col == 3)
            dup = 1;
        if (strcmp(p.ps.p[i].column, "kind") == 0 && p.ps.p[i].line == 1)
            missing = 1;
    }
    assert_true(dup && missing);
    close_text(&p);
}

static void staff_row_lenient_spellings(void **state)
{
    (void)state;
    struct parsed p;
    struct staff s;
    open_text(&p, IMPORT_STAFF, STAFF_HEADER "\n"
              "19860926 201505 1 001,\"Dr. Budi, M.Kes.\",l,26-09-1986,pns,iv-b,KADINKES,"
              "DINKES,04-01-2021,2016-06-01,S2,Kesmas,kesehatan,Sangat Baik,baik,,,,"
              "'-Kota,manajemen:4|k3:2\n");
    next_row(&p);
    int errors = import_staff_row(&p.h, &p.row, ymd(2026, 1, 15), &s, &p.ps);
    for (size_t i = 0; i < p.ps.n; i++)
        print_message("%u:%u: %s: %s\n", p.ps.p[i].line, p.ps.p[i].col, p.ps.p[i].column,
                      p.ps.p[i].msg);
    assert_int_equal(errors, 0);
    assert_string_equal(s.nip, "198609262015051001");
    assert_string_equal(s.name, "Dr. Budi, M.Kes.");
    assert_int_equal(s.sex, SEX_L);
    assert_int_equal(s.birth_date, ymd(1986, 9, 26));
    assert_int_equal(s.status, STATUS_PNS);
    assert_string_equal(rank_name(s.rank), "IV/b");
    assert_int_equal(s.post_since, ymd(2021, 1, 4));
    assert_int_equal(s.education, EDU_S2);
    assert_int_equal(s.nskp, 2);
    assert_int_equal(s.skp[0].year, 2023);
    assert_int_equal(s.skp[0].predikat, SKP_BAIK);
    assert_int_equal(s.skp[1].predikat, SKP_SANGAT_BAIK);
    assert_int_equal(s.discipline_until, MDATE_NONE);
    assert_string_equal(s.home_district, "-Kota");   /* the export's ' undone */
    assert_int_equal(s.ncomp, 2);
    assert_string_equal(s.comp[1].code, "k3");
    assert_int_equal(s.comp[1].level, 2);
    close_text(&p);
}

/* Converts one staff data row and returns its first problem (or NULL). */
static const struct import_problem *staff_problem(struct parsed *p, const char *row,
                                                  int want_errors)
{
    char text[1024];
    struct staff s;
    snprintf(text, sizeof text, "%s\n%s\n", STAFF_HEADER, row);
    open_text(p, IMPORT_STAFF, text);
    next_row(p);
    int errors = import_staff_row(&p->h, &p->row, ymd(2026, 1, 15), &s, &p->ps);
    assert_int_equal(errors, want_errors);
    return p->ps.n ? &p->ps.p[0] : NULL;
}

#define GOOD_TAIL "KADINKES,DINKES,2021-01-04,2016-06-01,S-2,,kesehatan,,,,,,,"

static void staff_row_errors_name_column(void **state)
{
    (void)state;
    struct parsed p;
    const struct import_problem *e;

    e = staff_problem(&p, "198609262015051001,Budi,L,1986-09-26,PNS,V/z," GOOD_TAIL, 1);
    assert_string_equal(e->column, "rank");
    assert_int_equal(e->line, 2);
    assert_int_equal(e->col, 6);
    close_text(&p);

    e = staff_problem(&p, "19860926201505100X,Budi,L,1986-09-26,PNS,IV/b," GOOD_TAIL, 1);
    assert_string_equal(e->column, "nip");
    assert_int_equal(e->col, 1);
    close_text(&p);

    /* The NIP says born 26 September, the record 27 September. */
    e = staff_problem(&p, "198609262015051001,Budi,L,1986-09-27,PNS,IV/b," GOOD_TAIL, 1);
    assert_string_equal(e->column, "nip");
    close_text(&p);

    e = staff_problem(&p, "198609262015051001,Budi,L,1986/09/26,PNS,IV/b," GOOD_TAIL, 1);
    assert_string_equal(e->column, "birth_date");
    assert_int_equal(e->col, 4);
    close_text(&p);

    /* Several bad fields: each one reported. */
    staff_problem(&p, "198609262015051001,Budi,X,1986-09-26,PNS,IV/b,"
                      "KADINKES,DINKES,2021-01-04,2016-06-01,S-9,,kesehatan,hebat,,,,,,", 3);
    close_text(&p);

    /* A row shorter than the header: said once, at the end of the row. */
    {
        struct staff s;
        open_text(&p, IMPORT_STAFF, STAFF_HEADER "\n198609262015051001,Budi\n");
        next_row(&p);
        assert_true(import_staff_row(&p.h, &p.row, ymd(2026, 1, 15), &s, &p.ps) >= 1);
        assert_string_equal(p.ps.p[0].column, "");
        assert_int_equal(p.ps.p[0].col, 2);
        assert_non_null(strstr(p.ps.p[0].msg, "2"));
        close_text(&p);
    }
}

static void position_need_and_competencies(void **state)
{
    (void)state;
    struct parsed p;
    struct position pos;
    open_text(&p, IMPORT_POSITIONS,
              "code,unit,name,kind,level,job_family,min_rank,min_education,workload_minutes,need,competencies\n"
              "P1,U1,Perawat,fungsional,ahli-pertama,kesehatan,III/a,S-1,300000,,a:2|b:1\n"
              "P2,U1,Bidan,fungsional,terampil,kesehatan,II/c,D-III,150000,3,\n"
              "P3,U1,Staf,pelaksana,,umum,,,lots,-1,a\n");
    next_row(&p);
    assert_int_equal(import_position_row(&p.h, &p.row, &pos, &p.ps), 0);
    assert_int_equal(pos.need, NEED_FROM_ABK);
    assert_int_equal(pos.workload_minutes, 300000);
    assert_int_equal(pos.ncomp, 2);
    assert_string_equal(pos.comp[0].code, "a");
    next_row(&p);
    assert_int_equal(import_position_row(&p.h, &p.row, &pos, &p.ps), 0);
    assert_int_equal(pos.need, 3);
    assert_int_equal(pos.min_education, EDU_D3);
    next_row(&p);
    assert_int_equal(import_position_row(&p.h, &p.row, &pos, &p.ps), 3);
    assert_string_equal(p.ps.p[0].column, "workload_minutes");
    assert_int_equal(p.ps.p[0].line, 4);
    assert_int_equal(p.ps.p[0].col, 9);
    assert_string_equal(p.ps.p[1].column, "need");
    assert_string_equal(p.ps.p[2].column, "competencies");
    close_text(&p);
}

static void unit_row_root_and_long_name(void **state)
{
    (void)state;
    struct parsed p;
    struct unit u;
    char text[600] = "code,name,parent,kind,district\nKAB,Kabupaten,,instansi,Kota\nX,";
    for (int i = 0; i < 200; i++)
        strcat(text, "n");
    strcat(text, ",KAB,opd,\n");
    open_text(&p, IMPORT_UNITS, text);
    next_row(&p);
    assert_int_equal(import_unit_row(&p.h, &p.row, &u, &p.ps), 0);
    assert_int_equal(u.kind, UKIND_INSTANSI);
    assert_string_equal(u.parent, "");
    next_row(&p);
    assert_int_equal(import_unit_row(&p.h, &p.row, &u, &p.ps), 1);
    assert_string_equal(p.ps.p[0].column, "name");
    close_text(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(header_columns_any_case_and_skp_sorted),
        cmocka_unit_test(header_missing_and_duplicate_columns),
        cmocka_unit_test(staff_row_lenient_spellings),
        cmocka_unit_test(staff_row_errors_name_column),
        cmocka_unit_test(position_need_and_competencies),
        cmocka_unit_test(unit_row_root_and_long_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
