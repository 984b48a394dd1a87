/* The audit log written out without a database: CSV cells (plan and NIP
 * read out of the object, neutralised text, the digest column), the text
 * listing's alignment and the audit verb's tab-separated line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "io/export_audit.h"

static struct audit_entry entry(uint64_t seq, const char *user, const char *action,
                                const char *object, const char *before, const char *after)
{
    struct audit_entry a;
    memset(&a, 0, sizeof a);
    a.seq = seq;
    a.time = 1764773048;                /* 2025-12-03T14:44:08Z */
    snprintf(a.user, sizeof a.user, "%s", user);
    snprintf(a.action, sizeof a.action, "%s", action);
    snprintf(a.object, sizeof a.object, "%s", object);
    snprintf(a.before, sizeof a.before, "%s", before);
    snprintf(a.after, sizeof a.after, "%s", after);
    memset(a.prev_hash, 0xab, sizeof a.prev_hash);
    memset(a.hash, 0x01, sizeof a.hash);
    return a;
}

/* The entries written in a format, as a string (caller frees). */
static char *written(const struct audit_entry *v, int n, enum export_format format)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    struct audit_shape sh;
    audit_shape_init(&sh, format);
    for (int i = 0; i < n; i++)
        audit_shape_entry(&sh, &v[i]);
    audit_exporter *x = audit_export_begin(f, &sh);
    assert_non_null(x);
    for (int i = 0; i < n; i++)
        audit_export_row(x, &v[i]);
    assert_false(audit_export_failed(x));
    assert_int_equal(audit_export_end(x), 0);
    fclose(f);
    return out;
}

static void csv_reads_plan_and_nip_out_of_the_object(void **state)
{
    (void)state;
    struct audit_entry v[2] = {
        entry(7, "eka", "plan add", "plan 12 198609262015051001", "", "=cmd"),
        entry(8, "ani", "import staff", "staff.csv", "a, b", ""),
    };
    v[1].ndigest = 1;
    snprintf(v[1].digest[0].db, sizeof v[1].digest[0].db, "staff");
    memset(v[1].digest[0].sum, 0xff, sizeof v[1].digest[0].sum);
    char *out = written(v, 2, EXPORT_CSV);
    char ab[65], one[65], ff[65];
    memset(ab, 0, sizeof ab), memset(one, 0, sizeof one), memset(ff, 0, sizeof ff);
    for (int i = 0; i < 64; i += 2)
        memcpy(ab + i, "ab", 2), memcpy(one + i, "01", 2), memcpy(ff + i, "ff", 2);
    char want[1024];
    snprintf(want, sizeof want,
             "number,time,user,action,object,plan,nip,before,after,prev_hash,hash,data_digest\n"
             "7,2025-12-03T14:44:08Z,eka,plan add,plan 12 198609262015051001,12,"
             "198609262015051001,,'=cmd,%s,%s,\n"
             "8,2025-12-03T14:44:08Z,ani,import staff,staff.csv,,,\"a, b\",,%s,%s,staff:%s\n",
             ab, one, ab, one, ff);
    assert_string_equal(out, want);
    free(out);
}

static void text_columns_line_up(void **state)
{
    (void)state;
    struct audit_entry v[2] = {
        entry(9, "eka", "plan new", "plan 1", "", "Mutasi\tUmum"),
        entry(10, "citra", "export audit", "audit", "", ""),
    };
    char *out = written(v, 2, EXPORT_TEXT);
    /* In C: English headings, the date as date_label writes it (ISO). */
    assert_string_equal(out,
        "No.  Time (UTC)           User   Action        Object  Before -> after\n"
        "  9  2025-12-03 14:44:08  eka    plan new      plan 1   -> Mutasi Umum\n"
        " 10  2025-12-03 14:44:08  citra  export audit  audit   \n");
    free(out);
}

static void verb_line_is_tab_separated(void **state)
{
    (void)state;
    struct audit_entry a = entry(3, "eka", "staff edit", "19860926\n2015051001", "x", "y");
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_true(audit_print_line(f, &a));
    fclose(f);
    assert_string_equal(out, "3\t2025-12-03T14:44:08Z\teka\tstaff edit\t19860926 2015051001\tx -> y\n");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_reads_plan_and_nip_out_of_the_object),
        cmocka_unit_test(text_columns_line_up),
        cmocka_unit_test(verb_line_is_tab_separated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
