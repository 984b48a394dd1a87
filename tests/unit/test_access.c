/* The access table (ops/access.h): who may run which verb, take which
 * step, open which screen and press which key; and users.yaml's export:
 * key that widens the export of personal data. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "config/config.h"
#include "ops/access.h"
#include "ops/ops.h"

#define ALL_BUT(r) (ROLE_ALL & ~(unsigned)(r))

/* The default route (config/workflow.yaml), no export grant. */
static struct config *config_new(unsigned export_roles)
{
    struct config *c = calloc(1, sizeof *c);
    assert_non_null(c);
    config_workflow_defaults(&c->workflow);
    c->users.export_roles = export_roles;
    return c;
}

static void the_table_is_in_enum_order(void **state)
{
    (void)state;
    const struct ops_access_row *t = ops_access_table();
    for (int i = 0; i < OPS_DO_COUNT_; i++) {
        assert_int_equal(t[i].what, i);
        assert_non_null(t[i].name);
        assert_non_null(t[i].does);
    }
}

static void only_the_admin_initialises_imports_fills_and_backs_up(void **state)
{
    (void)state;
    struct config *c = config_new(0);
    const enum ops_do admin_only[] = {OPS_DO_INIT, OPS_DO_DEMO, OPS_DO_IMPORT, OPS_DO_BACKUP,
                                      OPS_DO_VERIFY_DB};
    for (size_t i = 0; i < sizeof admin_only / sizeof *admin_only; i++) {
        assert_true(ops_access_allows(c, ROLE_ADMIN, admin_only[i], NULL));
        assert_false(ops_access_allows(c, ALL_BUT(ROLE_ADMIN), admin_only[i], NULL));
        for (unsigned r = ROLE_OPERATOR; r < ROLE_ADMIN; r <<= 1)
            assert_false(ops_access_allows(c, r, admin_only[i], NULL));
    }
    free(c);
}

static void personal_data_goes_to_the_admin_and_the_granted_roles(void **state)
{
    (void)state;
    struct config *c = config_new(0);
    assert_true(ops_access_allows(c, ROLE_ADMIN, OPS_DO_EXPORT_PERSONAL, NULL));
    assert_true(ops_access_allows(c, ROLE_ADMIN, OPS_DO_AUDIT, NULL));
    assert_false(ops_access_allows(c, ROLE_OPERATOR, OPS_DO_EXPORT_PERSONAL, NULL));
    assert_false(ops_access_allows(c, ROLE_VERIFIER, OPS_DO_AUDIT, NULL));
    /* units, positions and workload are no personal data */
    assert_true(ops_access_allows(c, ROLE_OPERATOR, OPS_DO_EXPORT_RECORDS, NULL));
    c->users.export_roles = ROLE_VERIFIER;
    assert_true(ops_access_allows(c, ROLE_VERIFIER, OPS_DO_EXPORT_PERSONAL, NULL));
    assert_true(ops_access_allows(c, ROLE_VERIFIER, OPS_DO_AUDIT, NULL));
    assert_false(ops_access_allows(c, ROLE_OPERATOR, OPS_DO_EXPORT_PERSONAL, NULL));
    assert_int_equal(ops_access_roles(c, OPS_DO_EXPORT_PERSONAL, NULL),
                     ROLE_ADMIN | ROLE_VERIFIER);
    free(c);
}

static void plans_are_the_operators_and_steps_the_routes(void **state)
{
    (void)state;
    struct config *c = config_new(0);
    assert_true(ops_access_allows(c, ROLE_OPERATOR, OPS_DO_PLAN_EDIT, NULL));
    assert_false(ops_access_allows(c, ALL_BUT(ROLE_OPERATOR), OPS_DO_PLAN_EDIT, NULL));
    assert_true(ops_access_allows(c, ROLE_VERIFIER, OPS_DO_PLAN_STEP, "verify"));
    assert_false(ops_access_allows(c, ROLE_OPERATOR, OPS_DO_PLAN_STEP, "verify"));
    assert_true(ops_access_allows(c, ROLE_OPERATOR, OPS_DO_PLAN_STEP, "submit"));
    assert_true(ops_access_allows(c, ROLE_ADMIN, OPS_DO_PLAN_STEP, "apply"));
    assert_false(ops_access_allows(c, ROLE_APPROVER, OPS_DO_PLAN_STEP, "apply"));
    assert_false(ops_access_allows(c, ROLE_ALL, OPS_DO_PLAN_STEP, "no-such-step"));
    /* strike: the roles of the steps that strike moves (verify, review) */
    assert_int_equal(ops_access_roles(c, OPS_DO_PLAN_STRIKE, NULL),
                     ROLE_VERIFIER | ROLE_REVIEWER);
    /* the route is configuration: a region gives verify to the reviewer */
    struct wf_step *s = (struct wf_step *)wf_step_find(&c->workflow, "verify");
    s->roles = ROLE_REVIEWER;
    assert_true(ops_access_allows(c, ROLE_REVIEWER, OPS_DO_PLAN_STEP, "verify"));
    assert_false(ops_access_allows(c, ROLE_VERIFIER, OPS_DO_PLAN_STEP, "verify"));
    free(c);
}

static void any_role_reads_and_nobody_without_one(void **state)
{
    (void)state;
    struct config *c = config_new(ROLE_ALL);
    for (unsigned r = ROLE_OPERATOR; r <= ROLE_ADMIN; r <<= 1) {
        assert_true(ops_access_allows(c, r, OPS_DO_READ, NULL));
        assert_true(ops_access_allows(c, r, OPS_DO_TUI, NULL));
        assert_true(ops_access_allows(c, r, OPS_DO_AUDIT_VERIFY, NULL));
    }
    for (int w = 0; w < OPS_DO_COUNT_; w++)
        assert_int_equal(ops_access_allows(c, 0, (enum ops_do)w, "submit"),
                         w == OPS_DO_POLICY_CHECK);
    free(c);
}

static void screens_and_keys_follow_the_table(void **state)
{
    (void)state;
    struct ops o;
    memset(&o, 0, sizeof o);
    o.cfg = config_new(0);
    o.roles = ROLE_OPERATOR;
    snprintf(o.user, sizeof o.user, "ani");
    assert_true(ops_may_screen(&o, "staff"));
    assert_true(ops_may_screen(&o, "plans"));
    assert_false(ops_may_screen(&o, "audit"));
    assert_false(ops_may_screen(&o, "no-such-screen"));
    assert_true(ops_may_action(&o, "down"));
    assert_true(ops_may_action(&o, "screen-units"));
    assert_false(ops_may_action(&o, "screen-audit"));
    assert_true(ops_may_action(&o, "plan-add"));
    assert_true(ops_may_action(&o, "move-add"));
    assert_true(ops_may_action(&o, "plan-check"));
    assert_true(ops_may_action(&o, "plan-submit"));
    assert_false(ops_may_action(&o, "plan-verify"));
    assert_false(ops_may_action(&o, "plan-apply"));
    assert_false(ops_may_action(&o, "plan-issue-sk"));
    assert_false(ops_may_action(&o, "export-staff"));
    assert_false(ops_may_action(&o, "import-staff"));
    o.roles = ROLE_ADMIN;
    assert_true(ops_may_action(&o, "plan-issue-sk"));
    assert_true(ops_may_screen(&o, "audit"));
    assert_false(ops_may_action(&o, "plan-add"));
    assert_false(ops_may_action(&o, "move-drop"));
    assert_false(ops_may_action(&o, "plan-new"));
    o.roles = 0;
    assert_false(ops_may_screen(&o, "staff"));
    assert_false(ops_may_action(&o, "down"));
    free(o.cfg);
}

static void a_refusal_names_the_user_the_roles_and_the_file(void **state)
{
    (void)state;
    struct ops_env env;
    memset(&env, 0, sizeof env);
    env.config_dir = "/etc/mutasi";
    struct ops o;
    memset(&o, 0, sizeof o);
    o.env = &env;
    o.cfg = config_new(ROLE_VERIFIER);
    o.roles = ROLE_OPERATOR;
    snprintf(o.user, sizeof o.user, "ani");
    struct ops_err e;
    assert_int_equal(ops_require(&o, OPS_DO_IMPORT, NULL, &e), OPS_REFUSED);
    assert_string_equal(e.msg, "ani may not import data: that needs the role admin; roles "
                               "are given in /etc/mutasi/users.yaml");
    assert_int_equal(ops_require(&o, OPS_DO_EXPORT_PERSONAL, NULL, &e), OPS_REFUSED);
    assert_non_null(strstr(e.msg, "one of the roles verifier, admin"));
    assert_int_equal(ops_require(&o, OPS_DO_PLAN_STEP, "verify", &e), OPS_REFUSED);
    assert_non_null(strstr(e.msg, "ani may not take the step verify"));
    assert_int_equal(ops_require(&o, OPS_DO_PLAN_EDIT, NULL, &e), OPS_OK);
    o.roles = 0;
    snprintf(o.user, sizeof o.user, "zaki");
    assert_int_equal(ops_require(&o, OPS_DO_READ, NULL, &e), OPS_REFUSED);
    assert_string_equal(e.msg, "zaki has no role in mutasi; roles are given in "
                               "/etc/mutasi/users.yaml");
    free(o.cfg);
}

static void users_yaml_grants_the_export(void **state)
{
    (void)state;
    static const char ok[] = "export: [verifier, reviewer]\nusers:\n  ani: [operator]\n";
    static const char bad[] = "export: [verifer]\nusers:\n  ani: [operator]\n";
    struct users_config u;
    struct config_errors errs = {0};
    assert_int_equal(config_parse_users("users.yaml", (const unsigned char *)ok,
                                        sizeof ok - 1, NULL, &u, &errs), 0);
    assert_int_equal(u.export_roles, ROLE_VERIFIER | ROLE_REVIEWER);
    config_users_free(&u);
    static const char none[] = "users:\n  ani: [operator]\n";
    assert_int_equal(config_parse_users("users.yaml", (const unsigned char *)none,
                                        sizeof none - 1, NULL, &u, &errs), 0);
    assert_int_equal(u.export_roles, 0);
    config_users_free(&u);
    assert_int_equal(config_parse_users("users.yaml", (const unsigned char *)bad,
                                        sizeof bad - 1, NULL, &u, &errs), -1);
    assert_int_equal(errs.n, 1);
    assert_int_equal(errs.e[0].line, 1);
    assert_non_null(strstr(errs.e[0].msg, "did you mean \"verifier\""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_table_is_in_enum_order),
        cmocka_unit_test(only_the_admin_initialises_imports_fills_and_backs_up),
        cmocka_unit_test(personal_data_goes_to_the_admin_and_the_granted_roles),
        cmocka_unit_test(plans_are_the_operators_and_steps_the_routes),
        cmocka_unit_test(any_role_reads_and_nobody_without_one),
        cmocka_unit_test(screens_and_keys_follow_the_table),
        cmocka_unit_test(a_refusal_names_the_user_the_roles_and_the_file),
        cmocka_unit_test(users_yaml_grants_the_export),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
