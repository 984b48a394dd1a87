/* libFuzzer target: every YAML loader on the same bytes. Checks that a
 * load either succeeds or reports at least one well-formed error, and
 * (through ASan/UBSan) that no input reads or writes out of bounds or
 * leaks. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "config/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_errors(int rc, const struct config_errors *e)
{
    if (rc != 0 && e->n == 0)
        abort();                        /* refused without saying why */
    if (rc == 0 && e->n != 0)
        abort();                        /* accepted despite errors */
    for (int i = 0; i < e->n && i < CONFIG_ERRORS_MAX; i++) {
        const struct config_error *x = &e->e[i];
        if (x->line < 0 || x->column < 0 || !memchr(x->msg, '\0', sizeof x->msg) ||
            x->msg[0] == '\0')
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct config_errors e;
    int rc;

    struct policy p;
    memset(&e, 0, sizeof e);
    rc = config_parse_policy("policy.yaml", data, size, &p, &e);
    check_errors(rc, &e);

    struct workflow_config *w = malloc(sizeof *w);
    if (!w)
        return 0;
    memset(&e, 0, sizeof e);
    rc = config_parse_workflow("workflow.yaml", data, size, w, &e);
    check_errors(rc, &e);
    if (rc == 0)
        for (int i = 0; i < w->nsteps; i++)    /* every named state exists */
            if (w->steps[i].nfrom < 1 || w->steps[i].roles == 0)
                abort();
    free(w);

    struct users_config u;
    memset(&e, 0, sizeof e);
    rc = config_parse_users("users.yaml", data, size, "/etc/mutasi", &u, &e);
    check_errors(rc, &e);
    if (rc == 0) {
        for (size_t i = 0; i < u.n; i++)
            (void)config_roles_of(&u, u.users[i].name);
        config_users_free(&u);
    }

    struct ui_config ui;
    config_ui_defaults(&ui);
    memset(&e, 0, sizeof e);
    rc = config_parse_ui("ui.yaml", data, size, &ui, &e);
    check_errors(rc, &e);
    return 0;
}
