/* The stored unit tree with rolled-up figures (store.h, "The unit tree",
 * store/unit_tree.c): it follows positions, holders, units renamed, moved,
 * removed and added, and transactions of many changes; a parent cycle
 * leaves it unkept; the check notices a wrong entry; and databases of
 * schema 11 get it when they are upgraded. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "store/codec.h"
#include "store/store.h"
#include "dbfixture.h"
#include "store_test.h"

/* Rows as "  code name minutes/need/existing/positions" (two spaces a
 * level; a ! after the code of a root whose named parent is no unit),
 * separated by "|". */
static int show(const struct store_tree_row *r, void *ctx)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 1024 - n, "%*s%s%s %s %lld/%lld/%lld/%llu%s|", 2 * r->depth, "", r->code,
             r->no_parent ? "!" : "", r->name, (long long)r->row.workload_minutes,
             (long long)r->row.need, (long long)r->row.existing,
             (unsigned long long)r->npositions, r->has_children ? "+" : "");
    return 0;
}

struct seen {
    char all[1024], sub[1024], roots[1024], kids[1024];
    bool kept;
    uint64_t no_parent;
    int problems;
    char why[256];
};

/* The whole tree, the subtree of sub, the roots, the children of kids. */
static void look(store *s, struct seen *g, const char *sub, const char *kids)
{
    stxn *t = store_read_begin(s);
    assert_non_null(t);
    memset(g, 0, sizeof *g);
    assert_int_equal(store_unit_tree_state(t, &g->kept, &g->no_parent), STORE_OK);
    assert_int_equal(store_each_tree_unit(t, NULL, show, g->all), 0);
    if (sub)
        assert_int_equal(store_each_tree_unit(t, sub, show, g->sub), 0);
    assert_int_equal(store_tree_children(t, NULL, show, g->roots), 0);
    if (kids)
        assert_int_equal(store_tree_children(t, kids, show, g->kids), 0);
    g->problems = store_check_indexes(t, g->why, sizeof g->why);
    store_read_end(t);
}

static void unit(struct unit *u, const char *code, const char *parent)
{
    memset(u, 0, sizeof *u);
    snprintf(u->code, sizeof u->code, "%s", code);
    snprintf(u->name, sizeof u->name, "N%s", code);
    snprintf(u->parent, sizeof u->parent, "%s", parent);
    snprintf(u->district, sizeof u->district, "D");
}

static void position(struct position *p, const char *code, const char *unit_code, int32_t need)
{
    memset(p, 0, sizeof *p);
    snprintf(p->code, sizeof p->code, "%s", code);
    snprintf(p->unit, sizeof p->unit, "%s", unit_code);
    snprintf(p->job_family, sizeof p->job_family, "umum");
    p->workload_minutes = 100;
    p->need = need;
}

static int put_unit(stxn *t, const char *code, const char *parent)
{
    struct unit u;
    unit(&u, code, parent);
    return store_put_unit(t, &u);
}

/* A: B (B1), C; P1 need 1 in B1, P2 need 2 in C, P3 need 4 in A; one
 * holder of P1. */
static int region(stxn *t, void *ctx)
{
    struct position p;
    struct staff s;
    (void)ctx;
    assert_int_equal(put_unit(t, "A", ""), STORE_OK);
    assert_int_equal(put_unit(t, "B", "A"), STORE_OK);
    assert_int_equal(put_unit(t, "B1", "B"), STORE_OK);
    assert_int_equal(put_unit(t, "C", "A"), STORE_OK);
    position(&p, "P1", "B1", 1);
    assert_int_equal(store_put_position(t, &p), STORE_OK);
    position(&p, "P2", "C", 2);
    assert_int_equal(store_put_position(t, &p), STORE_OK);
    position(&p, "P3", "A", 4);
    assert_int_equal(store_put_position(t, &p), STORE_OK);
    dbfx_person(&s, "198001012000011001", "P1");
    return store_put_staff(t, &s);
}

/* Single changes after the tree was built: a position, a holder, a name. */
static int small_changes(stxn *t, void *ctx)
{
    struct position p;
    struct staff s;
    struct unit u;
    (void)ctx;
    position(&p, "P4", "B", 8);
    assert_int_equal(store_put_position(t, &p), STORE_OK);
    dbfx_person(&s, "198001012000011002", "P2");
    assert_int_equal(store_put_staff(t, &s), STORE_OK);
    assert_int_equal(store_del_position(t, "P3"), STORE_OK);
    unit(&u, "C", "A");
    snprintf(u.name, sizeof u.name, "Renamed");
    return store_put_unit(t, &u);
}

static int setup(void **state)
{
    *state = dbfx_new("unittree");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

static void the_tree_rolls_up_and_follows_single_changes(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct seen g;
    assert_int_equal(store_write(s, region, NULL), STORE_OK);
    look(s, &g, "B", "A");
    assert_true(g.kept);
    assert_string_equal(g.all, "A NA 300/7/1/3|  B NB 100/1/1/1|    B1 NB1 100/1/1/1|"
                               "  C NC 100/2/0/1|");
    assert_string_equal(g.sub, "B NB 100/1/1/1|  B1 NB1 100/1/1/1|");
    assert_string_equal(g.roots, "A NA 300/7/1/3+|");
    assert_string_equal(g.kids, "B NB 100/1/1/1+|C NC 100/2/0/1|");
    assert_int_equal(g.problems, 0);

    assert_int_equal(store_write(s, small_changes, NULL), STORE_OK);
    look(s, &g, NULL, NULL);
    assert_string_equal(g.all, "A NA 300/11/2/3|  B NB 200/9/1/2|    B1 NB1 100/1/1/1|"
                               "  C Renamed 100/2/1/1|");
    assert_int_equal(g.problems, 0);
}

/* B goes under C; A goes (B, C become roots whose parent is no unit);
 * then A comes back. */
static int move_b(stxn *t, void *ctx)
{
    (void)ctx;
    return put_unit(t, "B", "C");
}

static int drop_a(stxn *t, void *ctx)
{
    (void)ctx;
    return store_del_unit(t, "A");
}

static int add_a(stxn *t, void *ctx)
{
    (void)ctx;
    return put_unit(t, "A", "");
}

static void the_tree_follows_units_moved_removed_and_added(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct seen g;
    assert_int_equal(store_write(s, region, NULL), STORE_OK);
    assert_int_equal(store_write(s, move_b, NULL), STORE_OK);
    look(s, &g, "C", NULL);
    assert_string_equal(g.all, "A NA 300/7/1/3|  C NC 200/3/1/2|    B NB 100/1/1/1|"
                               "      B1 NB1 100/1/1/1|");
    assert_string_equal(g.sub, "C NC 200/3/1/2|  B NB 100/1/1/1|    B1 NB1 100/1/1/1|");
    assert_int_equal(g.problems, 0);

    assert_int_equal(store_write(s, drop_a, NULL), STORE_OK);
    look(s, &g, NULL, NULL);
    assert_string_equal(g.all, "C! NC 200/3/1/2|  B NB 100/1/1/1|    B1 NB1 100/1/1/1|");
    assert_int_equal(g.no_parent, 1);
    assert_int_equal(g.problems, 0);

    assert_int_equal(store_write(s, add_a, NULL), STORE_OK);
    look(s, &g, NULL, NULL);
    assert_string_equal(g.all, "A NA 300/7/1/3|  C NC 200/3/1/2|    B NB 100/1/1/1|"
                               "      B1 NB1 100/1/1/1|");
    assert_int_equal(g.no_parent, 0);
    assert_int_equal(g.problems, 0);
}

/* C, a root whose parent is gone, goes under B with another name. */
static int move_rename_c(stxn *t, void *ctx)
{
    struct unit u;
    (void)ctx;
    unit(&u, "C", "B");
    snprintf(u.name, sizeof u.name, "Cee");
    return store_put_unit(t, &u);
}

static void a_root_moved_and_renamed_keeps_its_subtree_and_counts(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct seen g;
    assert_int_equal(store_write(s, region, NULL), STORE_OK);
    assert_int_equal(store_write(s, drop_a, NULL), STORE_OK);
    look(s, &g, NULL, NULL);
    assert_string_equal(g.all, "B! NB 100/1/1/1|  B1 NB1 100/1/1/1|C! NC 100/2/0/1|");
    assert_int_equal(g.no_parent, 2);
    assert_int_equal(store_write(s, move_rename_c, NULL), STORE_OK);
    look(s, &g, "B", "B");
    assert_string_equal(g.all, "B! NB 200/3/1/2|  B1 NB1 100/1/1/1|  C Cee 100/2/0/1|");
    assert_string_equal(g.kids, "B1 NB1 100/1/1/1|C Cee 100/2/0/1|");
    assert_int_equal(g.no_parent, 1);
    assert_int_equal(g.problems, 0);
}

/* The region and BB beside B under A (B a prefix of its sibling's code),
 * P5 need 3 in BB. */
static int region_bb(stxn *t, void *ctx)
{
    struct position p;
    assert_int_equal(region(t, ctx), STORE_OK);
    assert_int_equal(put_unit(t, "BB", "A"), STORE_OK);
    position(&p, "P5", "BB", 3);
    return store_put_position(t, &p);
}

static void a_code_prefix_of_its_siblings_moves_alone(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct seen g;
    assert_int_equal(store_write(s, region_bb, NULL), STORE_OK);
    look(s, &g, "B", "A");
    assert_string_equal(g.sub, "B NB 100/1/1/1|  B1 NB1 100/1/1/1|");
    assert_string_equal(g.kids, "B NB 100/1/1/1+|BB NBB 100/3/0/1|C NC 100/2/0/1|");
    assert_int_equal(store_write(s, move_b, NULL), STORE_OK);
    look(s, &g, NULL, "A");
    assert_string_equal(g.all, "A NA 400/10/1/4|  BB NBB 100/3/0/1|  C NC 200/3/1/2|"
                               "    B NB 100/1/1/1|      B1 NB1 100/1/1/1|");
    assert_string_equal(g.kids, "BB NBB 100/3/0/1|C NC 200/3/1/2+|");
    assert_int_equal(g.problems, 0);
}

/* The region and C1, without positions, under C. */
static int region_c1(stxn *t, void *ctx)
{
    assert_int_equal(region(t, ctx), STORE_OK);
    return put_unit(t, "C1", "C");
}

static int move_b_under_c1(stxn *t, void *ctx)
{
    (void)ctx;
    return put_unit(t, "B", "C1");
}

static void a_subtree_moves_under_a_deeper_parent(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct seen g;
    assert_int_equal(store_write(s, region_c1, NULL), STORE_OK);
    assert_int_equal(store_write(s, move_b_under_c1, NULL), STORE_OK);
    look(s, &g, "C1", "C1");
    assert_string_equal(g.all, "A NA 300/7/1/3|  C NC 200/3/1/2|    C1 NC1 100/1/1/1|"
                               "      B NB 100/1/1/1|        B1 NB1 100/1/1/1|");
    assert_string_equal(g.sub, "C1 NC1 100/1/1/1|  B NB 100/1/1/1|    B1 NB1 100/1/1/1|");
    assert_string_equal(g.kids, "B NB 100/1/1/1+|");
    assert_int_equal(g.problems, 0);
}

/* More single changes than one transaction keeps entry by entry: 5000
 * holders of P2. */
static int many_holders(stxn *t, void *ctx)
{
    struct staff s;
    char nip[32];
    (void)ctx;
    for (unsigned i = 0; i < 5000; i++) {
        snprintf(nip, sizeof nip, "19800101200002%04u", i % 10000);
        dbfx_person(&s, nip, "P2");
        if (store_put_staff(t, &s) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

static void many_changes_in_one_transaction_build_it_again(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct seen g;
    assert_int_equal(store_write(s, region, NULL), STORE_OK);
    assert_int_equal(store_write(s, many_holders, NULL), STORE_OK);
    look(s, &g, NULL, NULL);
    assert_string_equal(g.all, "A NA 300/7/5001/3|  B NB 100/1/1/1|    B1 NB1 100/1/1/1|"
                               "  C NC 100/2/5000/1|");
    assert_int_equal(g.problems, 0);
}

/* A under B1: a parent cycle. */
static int cycle(stxn *t, void *ctx)
{
    (void)ctx;
    return put_unit(t, "A", "B1");
}

static int uncycle(stxn *t, void *ctx)
{
    (void)ctx;
    return put_unit(t, "A", "");
}

static void a_parent_cycle_leaves_the_tree_unkept(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct seen g;
    assert_int_equal(store_write(s, region, NULL), STORE_OK);
    assert_int_equal(store_write(s, cycle, NULL), STORE_OK);
    look(s, &g, NULL, NULL);
    assert_false(g.kept);
    assert_string_equal(g.all, "");
    assert_int_equal(g.problems, 0);
    assert_int_equal(store_write(s, small_changes, NULL), STORE_OK);
    assert_int_equal(store_write(s, uncycle, NULL), STORE_OK);
    look(s, &g, NULL, NULL);
    assert_true(g.kept);
    assert_string_equal(g.all, "A NA 300/11/2/3|  B NB 200/9/1/2|    B1 NB1 100/1/1/1|"
                               "  C Renamed 100/2/1/1|");
    assert_int_equal(g.problems, 0);
}

/* B's entry off by one holder. */
static int tamper(stxn *t, void *ctx)
{
    static const char key[] = "A\0B";
    unsigned char v[34 + 2] = {0};
    (void)ctx;
    v[0] = 100, v[8] = 1, v[16] = 2, v[24] = 1, v[33] = 1;     /* depth 1 */
    memcpy(v + 34, "NB", 2);
    return store_test_raw_put(t, "unit_tree", key, sizeof key - 1, v, sizeof v);
}

static void the_check_notices_a_wrong_entry(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct seen g;
    assert_int_equal(store_write(s, region, NULL), STORE_OK);
    assert_int_equal(store_write(s, tamper, NULL), STORE_OK);
    look(s, &g, NULL, NULL);
    assert_int_equal(g.problems, 1);
    assert_non_null(strstr(g.why, "rolled-up"));
    assert_non_null(strstr(g.why, " B "));      /* the tampered unit, not its parent */
    assert_null(strstr(g.why, " A "));
}

/* B1's entry cut short: 10 bytes, no room for the figures. */
static int cut_b1(stxn *t, void *ctx)
{
    static const char key[] = "A\0B\0B1";
    unsigned char v[10] = {0};
    (void)ctx;
    return store_test_raw_put(t, "unit_tree", key, sizeof key - 1, v, sizeof v);
}

static void a_move_refuses_an_entry_of_impossible_length(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    assert_int_equal(store_write(s, region, NULL), STORE_OK);
    assert_int_equal(store_write(s, cut_b1, NULL), STORE_OK);
    assert_int_not_equal(store_write(s, move_b, NULL), STORE_OK);
    assert_non_null(strstr(store_errmsg(s), "damaged"));
}

/* Schema 11 had no tree: its table empty, no state in meta. */
static int drop_entry(const void *key, size_t klen, const void *val, size_t vlen, void *ctx)
{
    (void)val, (void)vlen;
    memcpy(ctx, key, klen);
    ((char *)ctx)[klen] = '\0';
    ((char *)ctx)[511] = (char)klen;
    return 1;
}

static int make_schema_11(stxn *t, void *ctx)
{
    char k[512];
    unsigned char v[4];
    (void)ctx;
    while (store_test_raw_each(t, "unit_tree", drop_entry, k) == 1)
        if (store_test_raw_del(t, "unit_tree", k, (size_t)(unsigned char)k[511], NULL, 0) !=
            STORE_OK)
            return STORE_ERROR;
    if (store_test_raw_del(t, "meta", "unit_tree", 9, NULL, 0) != STORE_OK)
        return STORE_ERROR;
    codec_be32(v, 11);
    return store_test_raw_put(t, "meta", "schema_version", 14, v, 4);
}

static void the_upgrade_from_schema_11_builds_it(void **state)
{
    struct dbfx *fx = *state;
    struct seen g;
    char err[640];
    unsigned from = 0;
    assert_int_equal(store_write(fx->s, region, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, make_schema_11, NULL), STORE_OK);
    look(fx->s, &g, NULL, NULL);
    assert_false(g.kept);
    assert_true(g.problems > 0);
    store_close(fx->s);
    fx->s = store_open(fx->db, 0, err, sizeof err);
    if (!fx->s)
        fail_msg("reopen: %s", err);
    assert_true(store_was_migrated(fx->s, &from));
    assert_int_equal(from, 11);
    look(fx->s, &g, NULL, NULL);
    assert_true(g.kept);
    assert_string_equal(g.all, "A NA 300/7/1/3|  B NB 100/1/1/1|    B1 NB1 100/1/1/1|"
                               "  C NC 100/2/0/1|");
    assert_int_equal(g.problems, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_tree_rolls_up_and_follows_single_changes, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_tree_follows_units_moved_removed_and_added, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_root_moved_and_renamed_keeps_its_subtree_and_counts,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(many_changes_in_one_transaction_build_it_again, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_parent_cycle_leaves_the_tree_unkept, setup, teardown),
        cmocka_unit_test_setup_teardown(a_code_prefix_of_its_siblings_moves_alone, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_subtree_moves_under_a_deeper_parent, setup, teardown),
        cmocka_unit_test_setup_teardown(the_check_notices_a_wrong_entry, setup, teardown),
        cmocka_unit_test_setup_teardown(a_move_refuses_an_entry_of_impossible_length, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_upgrade_from_schema_11_builds_it, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
