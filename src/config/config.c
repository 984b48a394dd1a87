/* Loading the configuration directory: the four files, all or nothing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "config/config.h"
#include "config/ytree.h"
#include "core/i18n.h"

int config_load_policy(const char *path, struct policy *out, struct config_errors *errs)
{
    unsigned char *buf;
    size_t len;
    bool missing;
    if (cfg_read_file(path, errs, &buf, &len, &missing) != 0)
        return -1;
    int rc = config_parse_policy(path, buf, len, out, errs);
    free(buf);
    return rc;
}

int config_load_workflow(const char *path, struct workflow_config *out,
                         struct config_errors *errs)
{
    unsigned char *buf;
    size_t len;
    bool missing;
    if (cfg_read_file(path, errs, &buf, &len, &missing) != 0)
        return -1;
    int rc = config_parse_workflow(path, buf, len, out, errs);
    free(buf);
    return rc;
}

int config_load_users(const char *path, struct users_config *out, struct config_errors *errs)
{
    unsigned char *buf;
    size_t len;
    bool missing;
    if (cfg_read_file(path, errs, &buf, &len, &missing) != 0)
        return -1;
    /* database: is relative to the directory of users.yaml */
    char dir[512];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    int rc = config_parse_users(path, buf, len, strcmp(dir, ".") == 0 ? NULL : dir, out, errs);
    free(buf);
    return rc;
}

/* Over what out holds already. */
static int load_ui_over(const char *path, struct ui_config *out, struct config_errors *errs)
{
    unsigned char *buf;
    size_t len;
    bool missing;
    if (cfg_read_file(path, errs, &buf, &len, &missing) != 0)
        return -1;
    int rc = config_parse_ui(path, buf, len, out, errs);
    free(buf);
    return rc;
}

int config_load_ui(const char *path, struct ui_config *out, struct config_errors *errs)
{
    struct ui_config ui;
    config_ui_defaults(&ui);
    if (load_ui_over(path, &ui, errs) != 0)
        return -1;
    *out = ui;
    return 0;
}

/* secure_getenv: a set-group-id mutasi reads no file of the user's. */
void config_user_ui_path(char *buf, size_t size)
{
    const char *xdg = secure_getenv("XDG_CONFIG_HOME");
    const char *home = secure_getenv("HOME");
    if (xdg && *xdg == '/')             /* the XDG spec ignores relative paths */
        snprintf(buf, size, "%s/mutasi/ui.yaml", xdg);
    else if (home && *home)
        snprintf(buf, size, "%s/.config/mutasi/ui.yaml", home);
    else if (size)
        buf[0] = '\0';
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 || errno != ENOENT;
}

int config_load(const char *dir, struct config *out, struct config_errors *errs)
{
    int before = errs->n;
    struct config *c = calloc(1, sizeof *c);
    if (!c) {
        cfg_error(errs, dir ? dir : "mutasi", 0, 0, _("out of memory"));
        return -1;
    }
    config_ui_defaults(&c->ui);
    char path[1024];
    if (!dir) {
        policy_defaults(&c->policy);
        config_workflow_defaults(&c->workflow);
    } else {
        snprintf(path, sizeof path, "%s/policy.yaml", dir);
        config_load_policy(path, &c->policy, errs);
        snprintf(path, sizeof path, "%s/workflow.yaml", dir);
        config_load_workflow(path, &c->workflow, errs);
        snprintf(path, sizeof path, "%s/users.yaml", dir);
        config_load_users(path, &c->users, errs);
        snprintf(path, sizeof path, "%s/ui.yaml", dir);
        if (exists(path))
            load_ui_over(path, &c->ui, errs);
    }
    config_user_ui_path(path, sizeof path);
    if (*path && exists(path))
        load_ui_over(path, &c->ui, errs);
    int rc = -1;
    if (errs->n == before) {
        *out = *c;
        rc = 0;
    } else {
        config_users_free(&c->users);
    }
    free(c);
    return rc;
}

void config_free(struct config *c)
{
    config_users_free(&c->users);
}
