/* The Staff screen's unit labels (ui/unit_label.h) on a temporary
 * database: a unit whose name repeats shows its parent's name where that
 * tells it apart, at any number of units (the screen read plain names
 * above 20,000 units before: every kabupaten's "Dinas Kesehatan" alike),
 * and the set read by code agrees with the rule stated over the same
 * names (names_told_apart below). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "store/store.h"
#include "ui/unit_label.h"
#include "dbfixture.h"

/* REGIONS regions of UNITS_PER units: above the old limit of 20,000. */
#define REGIONS 2600
#define UNITS_PER 10

static int setup(void **state)
{
    *state = dbfx_new("unitlabel");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

/* Unit j of region r: its code, name and parent code. Region r is
 * "Kabupaten r" (unique) with a Dinas Kesehatan (the name repeats, the
 * parent tells them apart) holding a Sekretariat (repeats, and so does
 * its parent's name: plain), a Bidang r-j (unique: plain), and in region
 * 7 alone a second "Dinas Kesehatan" under a "Dinas Kesehatan" (the pair
 * repeats inside the region's own two: both plain). */
static void region_unit(int r, int j, struct unit *u)
{
    memset(u, 0, sizeof *u);
    snprintf(u->district, sizeof u->district, "Distrik %d", r);
    if (j == 0) {
        snprintf(u->code, sizeof u->code, "R%d", r);
        snprintf(u->name, sizeof u->name, "Kabupaten %d", r);
        u->kind = 0;
        return;
    }
    u->kind = 1;
    if (j == 1) {
        snprintf(u->code, sizeof u->code, "R%d.DINKES", r);
        snprintf(u->name, sizeof u->name, "Dinas Kesehatan");
        snprintf(u->parent, sizeof u->parent, "R%d", r);
    } else if (j == 2) {
        snprintf(u->code, sizeof u->code, "R%d.DINKES.SEK", r);
        snprintf(u->name, sizeof u->name, "Sekretariat");
        snprintf(u->parent, sizeof u->parent, "R%d.DINKES", r);
    } else {
        snprintf(u->code, sizeof u->code, "R%d.B%d", r, j);
        snprintf(u->name, sizeof u->name, "Bidang %d-%d", r, j);
        snprintf(u->parent, sizeof u->parent, "R%d", r);
    }
}

static int put_units(stxn *t, void *ctx)
{
    int regions = *(int *)ctx;
    struct unit u;
    for (int r = 0; r < regions; r++)
        for (int j = 0; j < UNITS_PER; j++) {
            region_unit(r, j, &u);
            if (store_put_unit(t, &u) != STORE_OK)
                return STORE_ERROR;
        }
    /* under R7.DINKES a unit of the same name: "Dinas Kesehatan (Dinas
     * Kesehatan)" would then stand for two units, R7.DINKES.X and R9.DINKES.X */
    const char *extra[][2] = {{"R7.DINKES.X", "R7.DINKES"}, {"R9.DINKES.X", "R9.DINKES"}};
    for (size_t i = 0; i < 2; i++) {
        memset(&u, 0, sizeof u);
        snprintf(u.code, sizeof u.code, "%s", extra[i][0]);
        snprintf(u.name, sizeof u.name, "Dinas Kesehatan");
        snprintf(u.parent, sizeof u.parent, "%s", extra[i][1]);
        u.kind = 1;
        if (store_put_unit(t, &u) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

static void expect_label(stxn *t, const struct unit_repeats *r, const char *code,
                         const char *want)
{
    char label[2 * NAME_SIZE + 4];
    ui_unit_label(t, r, code, label, sizeof label);
    assert_string_equal(label, want);
}

static void many_units_tell_their_dinas_apart(void **state)
{
    struct dbfx *fx = *state;
    int regions = REGIONS;
    assert_int_equal(store_write(fx->s, put_units, &regions), STORE_OK);
    stxn *t = store_read_begin(fx->s);
    assert_non_null(t);
    assert_true(store_count_units(t) > 20000);
    struct unit_repeats r = {0};
    assert_int_equal(ui_unit_repeats_load(&r, t), 0);
    assert_true(r.ready);
    expect_label(t, &r, "R1234.DINKES", "Dinas Kesehatan (Kabupaten 1234)");
    expect_label(t, &r, "R0.DINKES", "Dinas Kesehatan (Kabupaten 0)");
    expect_label(t, &r, "R1234.DINKES.SEK", "Sekretariat");
    expect_label(t, &r, "R1234.B5", "Bidang 1234-5");
    expect_label(t, &r, "R1234", "Kabupaten 1234");
    expect_label(t, &r, "R7.DINKES.X", "Dinas Kesehatan");
    expect_label(t, &r, "R9.DINKES.X", "Dinas Kesehatan");
    expect_label(t, &r, "NOSUCH", "NOSUCH");
    /* every region's Dinas Kesehatan, nothing else */
    assert_int_equal(r.n, REGIONS);
    ui_unit_repeats_free(&r);
    store_read_end(t);
}

/* The rule over the names themselves: show[i] when names[i] repeats and
 * the pair (name, parent's name) does not (parent[i]: the index of i's
 * parent, -1 for none). A calloc'd array of n flags, NULL without memory. */
static bool *names_told_apart(char *const *names, const long *parent, size_t n)
{
    bool *show = ui_names_repeated(names, n);
    char **pairs = calloc(n ? n : 1, sizeof *pairs);
    bool ok = show && pairs;
    for (size_t i = 0; ok && i < n; i++) {
        if (!show[i] || parent[i] < 0 || !names[parent[i]]) {
            show[i] = false;
            continue;
        }
        size_t len = strlen(names[i]) + strlen(names[parent[i]]) + 2;
        pairs[i] = malloc(len);
        ok = pairs[i] != NULL;
        if (ok)
            snprintf(pairs[i], len, "%s\x1f%s", names[i], names[parent[i]]);
    }
    bool *same = ok ? ui_names_repeated(pairs, n) : NULL;
    for (size_t i = 0; same && i < n; i++)
        show[i] = show[i] && !same[i];
    for (size_t i = 0; pairs && i < n; i++)
        free(pairs[i]);
    free(pairs);
    if (!same) {
        free(show);
        return NULL;
    }
    free(same);
    return show;
}

/* The same names through that rule: the set the store keeps agrees unit
 * by unit. */
struct table {
    char **names;
    char (*codes)[CODE_SIZE];
    char (*parents)[CODE_SIZE];
    size_t n;
};

static int take(const struct unit *u, void *ctx)
{
    struct table *tb = ctx;
    tb->names[tb->n] = strdup(u->name);
    memcpy(tb->codes[tb->n], u->code, CODE_SIZE);
    memcpy(tb->parents[tb->n], u->parent, CODE_SIZE);
    tb->n++;
    return 0;
}

static void agrees_with_the_rule_over_names(void **state)
{
    struct dbfx *fx = *state;
    int regions = 40;
    assert_int_equal(store_write(fx->s, put_units, &regions), STORE_OK);
    stxn *t = store_read_begin(fx->s);
    size_t n = store_count_units(t);
    struct table tb = {calloc(n, sizeof *tb.names), calloc(n, CODE_SIZE), calloc(n, CODE_SIZE), 0};
    assert_int_equal(store_each_unit(t, take, &tb), 0);
    assert_int_equal(tb.n, n);
    long *parent = calloc(n, sizeof *parent);
    for (size_t i = 0; i < n; i++) {
        parent[i] = -1;
        for (size_t j = 0; j < n; j++)
            if (tb.parents[i][0] && !strcmp(tb.codes[j], tb.parents[i]))
                parent[i] = (long)j;
    }
    bool *show = names_told_apart(tb.names, parent, n);
    assert_non_null(show);
    struct unit_repeats r = {0};
    assert_int_equal(ui_unit_repeats_load(&r, t), 0);
    size_t shown = 0;
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(ui_unit_repeats_has(&r, tb.codes[i]), show[i]);
        shown += show[i];
    }
    assert_int_equal(shown, 40);
    assert_int_equal(r.n, shown);
    ui_unit_repeats_free(&r);
    for (size_t i = 0; i < n; i++)
        free(tb.names[i]);
    free(tb.names);
    free(tb.codes);
    free(tb.parents);
    free(parent);
    free(show);
    store_read_end(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(many_units_tell_their_dinas_apart, setup, teardown),
        cmocka_unit_test_setup_teardown(agrees_with_the_rule_over_names, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
