/* The approval route (core/workflow): the default route of DESIGN walked by
 * several users, every refusal and its sentence, separation of duties,
 * strikes, the Inbox, and a region's route with an extra step, loaded
 * through the configuration loader. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "config/config.h"
#include "core/date.h"
#include "core/roles.h"
#include "core/workflow.h"

#define OP ROLE_OPERATOR
#define VER ROLE_VERIFIER
#define REV ROLE_REVIEWER
#define APP ROLE_APPROVER
#define ADM ROLE_ADMIN

/* A plan as the store would hold it: state, author, timeline, TMT. */
struct plan_fx {
    char state[WF_NAME_SIZE];
    char author[WF_USER_SIZE];
    struct wf_event tl[32];
    size_t n;
    mdate tmt;
    struct wf_plan view;
};

static struct workflow_config route;        /* the default route */

static const struct wf_plan *view(struct plan_fx *p)
{
    p->view = (struct wf_plan){.id = 3, .state = p->state, .author = p->author,
                               .timeline = p->tl, .ntimeline = p->n, .tmt = p->tmt};
    return &p->view;
}

static void new_plan(struct plan_fx *p, const struct workflow_config *w, const char *author)
{
    memset(p, 0, sizeof *p);
    snprintf(p->state, sizeof p->state, "%s", wf_initial_state(w));
    snprintf(p->author, sizeof p->author, "%s", author);
    p->tmt = MDATE_NONE;
}

static struct wf_actor actor(const char *user, unsigned roles)
{
    return (struct wf_actor){.user = user, .roles = roles,
                             .today = date_from_ymd(2026, 6, 1)};
}

/* Takes the step as the user, as a plan verb would: checked, then the
 * state moves and the timeline grows. Fails the test when refused. */
static void take(struct plan_fx *p, const struct workflow_config *w, const char *user,
                 unsigned roles, const char *step, const char *reason)
{
    struct wf_actor a = actor(user, roles);
    struct wf_verdict v;
    const struct wf_step *s = wf_check(w, view(p), &a, step, reason, &v);
    if (!s)
        fail_msg("%s %s refused: %s", user, step, v.msg);
    assert_int_equal(v.why, WF_OK);
    snprintf(p->state, sizeof p->state, "%s", s->to);
    struct wf_event *e = &p->tl[p->n++];
    snprintf(e->step, sizeof e->step, "%s", s->name);
    snprintf(e->user, sizeof e->user, "%s", user);
    e->at = 1780000000 + (int64_t)p->n * 60;
    snprintf(e->note, sizeof e->note, "%s", reason ? reason : "");
}

/* The refusal's sentence ("" when allowed), its reason code in *why. */
static const char *refusal(struct plan_fx *p, const struct workflow_config *w,
                           const char *user, unsigned roles, const char *step,
                           const char *reason, int *why)
{
    static struct wf_verdict v;
    struct wf_actor a = actor(user, roles);
    const struct wf_step *s = wf_check(w, view(p), &a, step, reason, &v);
    *why = v.why;
    return s ? "" : v.msg;
}

/* The names of the steps, "submit cancel". */
static const char *names(const struct wf_step *const *steps, int n)
{
    static char buf[256];
    buf[0] = '\0';
    for (int i = 0; i < n; i++)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? " " : "",
                 steps[i]->name);
    return buf;
}

static const char *open_steps(struct plan_fx *p, const struct workflow_config *w,
                              const char *user, unsigned roles)
{
    const struct wf_step *out[WF_MAX_STEPS];
    struct wf_actor a = actor(user, roles);
    return names(out, wf_open_steps(w, view(p), &a, out));
}

static const char *waiting_steps(struct plan_fx *p, const struct workflow_config *w,
                                 const char *user, unsigned roles)
{
    const struct wf_step *out[WF_MAX_STEPS];
    struct wf_actor a = actor(user, roles);
    return names(out, wf_waiting_steps(w, view(p), &a, out));
}

static void default_route_as_several_users(void **state)
{
    (void)state;
    struct plan_fx p;
    new_plan(&p, &route, "ani");
    assert_string_equal(p.state, "DRAFT");
    assert_string_equal(open_steps(&p, &route, "ani", OP), "submit cancel");
    take(&p, &route, "ani", OP, "submit", NULL);
    assert_string_equal(p.state, "SUBMITTED");
    assert_string_equal(open_steps(&p, &route, "budi", VER), "verify return reject");
    take(&p, &route, "budi", VER, "verify", "data checked");
    assert_string_equal(p.state, "VERIFIED");
    take(&p, &route, "citra", REV, "review", NULL);
    assert_string_equal(p.state, "REVIEWED");
    take(&p, &route, "dedi", APP, "approve", NULL);
    assert_string_equal(p.state, "APPROVED");
    assert_string_equal(open_steps(&p, &route, "dedi", APP), "");
    take(&p, &route, "eka", ADM | OP, "issue_sk", NULL);
    assert_string_equal(p.state, "SK_ISSUED");
    p.tmt = date_from_ymd(2026, 6, 1);          /* today: takes effect now */
    take(&p, &route, "eka", ADM | OP, "apply", NULL);
    assert_string_equal(p.state, "EFFECTIVE");
    assert_true(wf_state_final(&route, p.state));
    assert_string_equal(open_steps(&p, &route, "eka", ROLE_ALL), "");
    assert_int_equal(p.n, 6);
    assert_string_equal(p.tl[1].user, "budi");
    assert_string_equal(p.tl[1].note, "data checked");
}

static void wrong_state_and_final_state(void **state)
{
    (void)state;
    struct plan_fx p;
    int why;
    new_plan(&p, &route, "ani");
    assert_string_equal(refusal(&p, &route, "budi", VER, "verify", NULL, &why),
                        "plan 3 is DRAFT, and the step verify is taken only from SUBMITTED; "
                        "from DRAFT the steps are submit, cancel");
    assert_int_equal(why, WF_WRONG_STATE);
    assert_string_equal(refusal(&p, &route, "budi", VER, "return", "no", &why),
                        "plan 3 is DRAFT, and the step return is taken only from SUBMITTED, "
                        "VERIFIED, REVIEWED; from DRAFT the steps are submit, cancel");
    assert_string_equal(refusal(&p, &route, "budi", VER, "verfy", NULL, &why),
                        "the route has no step \"verfy\" (its steps: submit, verify, review, "
                        "approve, issue_sk, apply, return, reject, cancel)");
    assert_int_equal(why, WF_UNKNOWN_STEP);
    take(&p, &route, "ani", OP, "submit", NULL);
    take(&p, &route, "budi", VER, "reject", "the origin falls below its need");
    assert_string_equal(p.state, "REJECTED");
    assert_string_equal(refusal(&p, &route, "ani", OP, "submit", NULL, &why),
                        "plan 3 is REJECTED, a final state: no step can be taken on it any "
                        "more");
    assert_int_equal(why, WF_FINAL_STATE);
    /* a state renamed in workflow.yaml after the plan reached it */
    snprintf(p.state, sizeof p.state, "DIPERIKSA");
    assert_string_equal(refusal(&p, &route, "budi", VER, "verify", NULL, &why),
                        "plan 3 is in the state DIPERIKSA, which the route (workflow.yaml) "
                        "does not know: no step can be taken on it");
    assert_int_equal(why, WF_WRONG_STATE);
}

static void wrong_role(void **state)
{
    (void)state;
    struct plan_fx p;
    int why;
    new_plan(&p, &route, "ani");
    take(&p, &route, "ani", OP, "submit", NULL);
    assert_string_equal(refusal(&p, &route, "eka", ADM | OP, "verify", NULL, &why),
                        "eka may not take the step verify on plan 3: it is for verifier, and "
                        "eka holds operator, admin");
    assert_int_equal(why, WF_WRONG_ROLE);
    assert_string_equal(refusal(&p, &route, "mallory", 0, "return", "x", &why),
                        "mallory may not take the step return on plan 3: it is for verifier, "
                        "reviewer, approver, and mallory holds no role (users.yaml)");
    assert_int_equal(why, WF_WRONG_ROLE);
}

static void separation_of_duties(void **state)
{
    (void)state;
    struct plan_fx p;
    int why;
    /* fajar drafts and submits; as a verifier he may not verify it */
    new_plan(&p, &route, "fajar");
    take(&p, &route, "fajar", OP | VER, "submit", NULL);
    assert_string_equal(refusal(&p, &route, "fajar", OP | VER, "verify", NULL, &why),
                        "fajar may not take the step verify on plan 3: fajar drafted it "
                        "(separation of duties)");
    assert_int_equal(why, WF_SEPARATION);
    assert_string_equal(open_steps(&p, &route, "fajar", OP | VER), "return reject cancel");

    /* ani drafts, eka submits: eka (were she a verifier) may not verify */
    new_plan(&p, &route, "ani");
    take(&p, &route, "eka", OP, "submit", NULL);
    assert_string_equal(refusal(&p, &route, "eka", OP | VER, "verify", NULL, &why),
                        "eka may not take the step verify on plan 3: eka took the step "
                        "submit on it (separation of duties)");
    assert_int_equal(why, WF_SEPARATION);
    take(&p, &route, "budi", VER, "verify", NULL);
    assert_string_equal(refusal(&p, &route, "eka", OP | REV, "review", NULL, &why),
                        "eka may not take the step review on plan 3: eka took the step "
                        "submit on it (separation of duties)");
    assert_string_equal(refusal(&p, &route, "ani", OP | REV, "review", NULL, &why),
                        "ani may not take the step review on plan 3: ani drafted it "
                        "(separation of duties)");
    take(&p, &route, "citra", REV, "review", NULL);
    assert_string_equal(refusal(&p, &route, "ani", OP | APP, "approve", NULL, &why),
                        "ani may not take the step approve on plan 3: ani drafted it "
                        "(separation of duties)");
    /* the verifier may approve: no pair forbids it */
    take(&p, &route, "budi", VER | APP, "approve", NULL);
    assert_string_equal(p.state, "APPROVED");
}

/* A return sends the plan back, but its timeline stays: whoever submitted
 * it the first time still may not verify it after it is sent again. */
static void separation_survives_a_return(void **state)
{
    (void)state;
    struct plan_fx p;
    int why;
    new_plan(&p, &route, "ani");
    take(&p, &route, "fajar", OP | VER, "submit", NULL);
    take(&p, &route, "budi", VER, "return", "two moves lack a reason");
    assert_string_equal(p.state, "DRAFT");
    take(&p, &route, "ani", OP, "submit", NULL);
    assert_string_equal(refusal(&p, &route, "fajar", OP | VER, "verify", NULL, &why),
                        "fajar may not take the step verify on plan 3: fajar took the step "
                        "submit on it (separation of duties)");
    take(&p, &route, "budi", VER, "verify", NULL);
}

static void return_and_reject_need_a_reason(void **state)
{
    (void)state;
    struct plan_fx p;
    int why;
    new_plan(&p, &route, "ani");
    take(&p, &route, "ani", OP, "submit", NULL);
    assert_string_equal(refusal(&p, &route, "budi", VER, "return", NULL, &why),
                        "the step return on plan 3 needs a written reason");
    assert_int_equal(why, WF_NO_REASON);
    assert_string_equal(refusal(&p, &route, "budi", VER, "reject", " \t\n", &why),
                        "the step reject on plan 3 needs a written reason");
    assert_int_equal(why, WF_NO_REASON);
    assert_string_equal(refusal(&p, &route, "budi", VER, "verify", NULL, &why), "");
    assert_true(wf_step_find(&route, "return")->needs_reason);
    assert_false(wf_step_find(&route, "verify")->needs_reason);
    assert_false(wf_reason_given(NULL));
    assert_true(wf_reason_given(" x "));
    take(&p, &route, "budi", VER, "return", "the need figures are from 2024");
    assert_string_equal(p.state, "DRAFT");
    assert_string_equal(p.tl[1].note, "the need figures are from 2024");
}

static void cancel_only_from_draft_or_submitted(void **state)
{
    (void)state;
    struct plan_fx p;
    int why;
    new_plan(&p, &route, "ani");
    take(&p, &route, "ani", OP, "cancel", NULL);
    assert_string_equal(p.state, "CANCELLED");
    assert_true(wf_state_final(&route, p.state));

    new_plan(&p, &route, "ani");
    take(&p, &route, "ani", OP, "submit", NULL);
    take(&p, &route, "eka", ADM, "cancel", NULL);
    assert_string_equal(p.state, "CANCELLED");

    new_plan(&p, &route, "ani");
    take(&p, &route, "ani", OP, "submit", NULL);
    take(&p, &route, "budi", VER, "verify", NULL);
    assert_string_equal(refusal(&p, &route, "ani", OP, "cancel", NULL, &why),
                        "plan 3 is VERIFIED, and the step cancel is taken only from DRAFT, "
                        "SUBMITTED; from VERIFIED the steps are review, return, reject");
    assert_int_equal(why, WF_WRONG_STATE);
}

static void states_final_editable_and_special_steps(void **state)
{
    (void)state;
    static const char *const finals[] = {"EFFECTIVE", "REJECTED", "CANCELLED"};
    for (int i = 0; i < route.nstates; i++) {
        bool final = false;
        for (int k = 0; k < 3; k++)
            final |= strcmp(route.states[i], finals[k]) == 0;
        assert_int_equal(wf_state_final(&route, route.states[i]), final);
        assert_int_equal(wf_state_editable(&route, route.states[i]),
                         strcmp(route.states[i], "DRAFT") == 0);
        assert_true(wf_state_known(&route, route.states[i]));
    }
    assert_false(wf_state_known(&route, "DONE"));
    assert_string_equal(wf_initial_state(&route), "DRAFT");
    assert_string_equal(wf_step_issuing_sk(&route)->name, "issue_sk");
    assert_string_equal(wf_step_taking_effect(&route)->name, "apply");
    assert_true(wf_step_waits_for_tmt(wf_step_find(&route, "apply")));
    assert_false(wf_step_waits_for_tmt(wf_step_find(&route, "issue_sk")));
    assert_true(wf_step_find(&route, "submit")->checks_plan);
    static const char *const on[] = {"submit", "verify", "review", "approve", "issue_sk",
                                     "apply"};
    for (int i = 0; i < 6; i++)
        assert_true(wf_step_moves_on(&route, wf_step_find(&route, on[i])));
    assert_false(wf_step_moves_on(&route, wf_step_find(&route, "return")));
    assert_false(wf_step_moves_on(&route, wf_step_find(&route, "reject")));
    assert_false(wf_step_moves_on(&route, wf_step_find(&route, "cancel")));
    assert_null(wf_step_find(&route, "strike"));
}

static void only_a_draft_is_edited(void **state)
{
    (void)state;
    struct plan_fx p;
    struct wf_verdict v;
    new_plan(&p, &route, "ani");
    assert_int_equal(wf_check_edit(&route, view(&p), &v), 0);
    take(&p, &route, "ani", OP, "submit", NULL);
    assert_int_equal(wf_check_edit(&route, view(&p), &v), -1);
    assert_int_equal(v.why, WF_NOT_EDITABLE);
    assert_string_equal(v.msg, "plan 3 is SUBMITTED; only a DRAFT plan can be edited");
    take(&p, &route, "budi", VER, "return", "redo");
    assert_int_equal(wf_check_edit(&route, view(&p), &v), 0);
}

static void apply_waits_for_the_tmt(void **state)
{
    (void)state;
    struct plan_fx p;
    int why;
    new_plan(&p, &route, "ani");
    take(&p, &route, "ani", OP, "submit", NULL);
    take(&p, &route, "budi", VER, "verify", NULL);
    take(&p, &route, "citra", REV, "review", NULL);
    take(&p, &route, "dedi", APP, "approve", NULL);
    assert_string_equal(refusal(&p, &route, "eka", ADM, "return", "late", &why),
                        "plan 3 is APPROVED, and the step return is taken only from SUBMITTED, "
                        "VERIFIED, REVIEWED; from APPROVED the steps are issue_sk");
    take(&p, &route, "eka", ADM, "issue_sk", NULL);
    assert_string_equal(refusal(&p, &route, "eka", ADM, "apply", NULL, &why),
                        "plan 3 has no TMT yet: the step issue_sk records it with the SK");
    assert_int_equal(why, WF_BEFORE_TMT);
    p.tmt = date_from_ymd(2026, 7, 1);
    assert_string_equal(refusal(&p, &route, "eka", ADM, "apply", NULL, &why),
                        "plan 3 takes effect on its TMT, 2026-07-01; today is 2026-06-01");
    assert_int_equal(why, WF_BEFORE_TMT);
    /* the step stays open (its key is shown); the TMT is checked on taking it */
    assert_string_equal(open_steps(&p, &route, "eka", ADM), "apply");
    p.tmt = date_from_ymd(2026, 5, 31);
    take(&p, &route, "eka", ADM, "apply", NULL);
    assert_string_equal(p.state, "EFFECTIVE");
}

static void strike_a_single_move(void **state)
{
    (void)state;
    struct plan_fx p;
    struct wf_verdict v;
    struct wf_actor budi = actor("budi", VER), citra = actor("citra", REV);
    struct wf_actor fajar = actor("fajar", OP | VER), dedi = actor("dedi", APP);
    new_plan(&p, &route, "ani");
    assert_int_equal(wf_check_strike(&route, view(&p), &budi, "x", &v), -1);
    assert_string_equal(v.msg, "plan 3 is DRAFT; a move is struck only while the plan waits "
                               "for the step verify, review");
    take(&p, &route, "fajar", OP | VER, "submit", NULL);
    assert_int_equal(wf_check_strike(&route, view(&p), &budi, "retires in May", &v), 0);
    assert_int_equal(wf_check_strike(&route, view(&p), &budi, "", &v), -1);
    assert_int_equal(v.why, WF_NO_REASON);
    assert_string_equal(v.msg, "striking a move from plan 3 needs a written reason");
    assert_int_equal(wf_check_strike(&route, view(&p), &fajar, "mine", &v), -1);
    assert_int_equal(v.why, WF_SEPARATION);
    assert_string_equal(v.msg, "only whoever may take the step verify may strike a move now: "
                               "fajar may not take the step verify on plan 3: fajar took the "
                               "step submit on it (separation of duties)");
    assert_int_equal(wf_check_strike(&route, view(&p), &citra, "x", &v), -1);
    assert_int_equal(v.why, WF_WRONG_ROLE);
    take(&p, &route, "budi", VER, "verify", NULL);
    assert_int_equal(wf_check_strike(&route, view(&p), &citra, "double placement", &v), 0);
    take(&p, &route, "citra", REV, "review", NULL);
    assert_int_equal(wf_check_strike(&route, view(&p), &dedi, "x", &v), -1);
    assert_int_equal(v.why, WF_WRONG_STATE);
}

static void inbox_shows_what_waits_for_me(void **state)
{
    (void)state;
    struct plan_fx p;
    new_plan(&p, &route, "ani");
    assert_string_equal(waiting_steps(&p, &route, "ani", OP), "submit");
    assert_string_equal(waiting_steps(&p, &route, "eka", OP | ADM), "");
    take(&p, &route, "ani", OP, "submit", NULL);
    assert_string_equal(waiting_steps(&p, &route, "ani", OP), "");        /* only cancel */
    assert_string_equal(waiting_steps(&p, &route, "budi", VER), "verify");
    assert_string_equal(waiting_steps(&p, &route, "citra", REV), "");
    take(&p, &route, "budi", VER, "verify", NULL);
    assert_string_equal(waiting_steps(&p, &route, "citra", REV), "review");
    take(&p, &route, "citra", REV, "review", NULL);
    take(&p, &route, "dedi", APP, "approve", NULL);
    assert_string_equal(waiting_steps(&p, &route, "eka", OP | ADM), "issue_sk");
    take(&p, &route, "eka", ADM, "issue_sk", NULL);
    assert_string_equal(waiting_steps(&p, &route, "eka", OP | ADM), "apply");
}

/* ---- a region's route ------------------------------------------------- */

static void region_adds_a_consent_step(void **state)
{
    (void)state;
    struct config c;
    struct config_errors e = {0};
    if (config_load("tests/fixtures/config/consent", &c, &e) != 0) {
        config_errors_print(&e, stderr);
        fail();
    }
    const struct workflow_config *w = &c.workflow;
    unsigned ani = config_roles_of(&c.users, "ani"), budi = config_roles_of(&c.users, "budi");
    unsigned bayu = config_roles_of(&c.users, "bayu"), eka = config_roles_of(&c.users, "eka");
    struct plan_fx p;
    int why;
    new_plan(&p, w, "ani");
    take(&p, w, "ani", ani, "submit", NULL);
    assert_string_equal(refusal(&p, w, "bayu", bayu, "verify", NULL, &why),
                        "plan 3 is SUBMITTED, and the step verify is taken only from "
                        "CONSENTED; from SUBMITTED the steps are consent, return, reject, "
                        "cancel");
    assert_string_equal(waiting_steps(&p, w, "budi", budi), "consent");
    take(&p, w, "budi", budi, "consent", "the origin OPD agrees");
    assert_string_equal(p.state, "CONSENTED");
    assert_string_equal(refusal(&p, w, "budi", budi, "verify", NULL, &why),
                        "budi may not take the step verify on plan 3: budi took the step "
                        "consent on it (separation of duties)");
    take(&p, w, "bayu", bayu, "verify", NULL);
    take(&p, w, "citra", config_roles_of(&c.users, "citra"), "review", NULL);
    take(&p, w, "dedi", config_roles_of(&c.users, "dedi"), "approve", NULL);
    /* the decree step is renamed: found by its flag */
    const struct wf_step *sk = wf_step_issuing_sk(w);
    assert_non_null(sk);
    assert_string_equal(sk->name, "terbit_sk");
    assert_string_equal(refusal(&p, w, "eka", eka, "issue_sk", NULL, &why),
                        "the route has no step \"issue_sk\" (its steps: submit, consent, "
                        "verify, review, approve, terbit_sk, apply, return, reject, cancel)");
    take(&p, w, "eka", eka, sk->name, NULL);
    p.tmt = date_from_ymd(2026, 1, 2);
    take(&p, w, "eka", eka, wf_step_taking_effect(w)->name, NULL);
    assert_string_equal(p.state, "EFFECTIVE");
    assert_true(wf_state_final(w, p.state));
    config_free(&c);
}

static void role_names_and_sets(void **state)
{
    (void)state;
    assert_string_equal(role_name(ROLE_REVIEWER), "reviewer");
    assert_string_equal(role_name(ROLE_OPERATOR | ROLE_ADMIN), "");
    assert_int_equal(role_parse("approver"), ROLE_APPROVER);
    assert_int_equal(role_parse("Approver"), 0);
    char buf[64];
    assert_string_equal(roles_format(ROLE_ADMIN | ROLE_OPERATOR, buf, sizeof buf),
                        "operator, admin");
    assert_string_equal(roles_format(0, buf, sizeof buf), "");
    assert_string_equal(roles_format(ROLE_ALL, buf, 12), "operator, v");
    int n = 0;
    for (const char *const *r = role_names(); *r; r++)
        assert_int_equal(role_parse(*r), 1u << n++);
    assert_int_equal(n, 5);
}

/* Tests find config/ and tests/fixtures/ from the top of the source tree. */
static void go_to_top(void)
{
    struct stat st;
    if (stat("config/workflow.yaml", &st) == 0)
        return;
    const char *cfg = getenv("MUTASI_CONFIG");
    if (cfg) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/..", cfg);
        if (chdir(dir) == 0 && stat("config/workflow.yaml", &st) == 0)
            return;
    }
    fprintf(stderr, "test_workflow: run from the top of the source tree\n");
    exit(1);
}

int main(void)
{
    go_to_top();
    setenv("XDG_CONFIG_HOME", "/nonexistent-mutasi-test", 1);
    struct config_errors e = {0};
    if (config_load_workflow("config/workflow.yaml", &route, &e) != 0) {
        config_errors_print(&e, stderr);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_route_as_several_users),
        cmocka_unit_test(wrong_state_and_final_state),
        cmocka_unit_test(wrong_role),
        cmocka_unit_test(separation_of_duties),
        cmocka_unit_test(separation_survives_a_return),
        cmocka_unit_test(return_and_reject_need_a_reason),
        cmocka_unit_test(cancel_only_from_draft_or_submitted),
        cmocka_unit_test(states_final_editable_and_special_steps),
        cmocka_unit_test(only_a_draft_is_edited),
        cmocka_unit_test(apply_waits_for_the_tmt),
        cmocka_unit_test(strike_a_single_move),
        cmocka_unit_test(inbox_shows_what_waits_for_me),
        cmocka_unit_test(region_adds_a_consent_step),
        cmocka_unit_test(role_names_and_sets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
