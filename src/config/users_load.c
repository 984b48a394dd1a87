/* users.yaml: Unix user name -> roles, whether $MUTASI_USER is honoured,
 * where the site's database lives and which roles may export personal
 * data. `users` is required; `trust_env_user` is false when absent (the
 * safe value); `database` and `export` are optional. */
#include <stdlib.h>
#include <string.h>
#include "config/config.h"
#include "config/ytree.h"
#include "core/i18n.h"

/* The characters of a portable Unix user name (POSIX, plus what useradd
 * allows in practice); not starting with '-'. */
static bool valid_user_name(const char *s, size_t len)
{
    if (len == 0 || len >= USER_NAME_SIZE || s[0] == '-')
        return false;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.'))
            return false;
    }
    return true;
}

static void read_database(const struct yctx *c, const struct ynode *n, const char *base_dir,
                          struct users_config *u)
{
    char path[sizeof u->database];
    if (!y_string(c, n, "database", path, sizeof path))
        return;
    if (path[0] == '/' || !base_dir || !*base_dir) {
        memcpy(u->database, path, sizeof path);
        return;
    }
    /* relative to the configuration directory, not to where mutasi runs */
    int w = snprintf(u->database, sizeof u->database, "%s/%s", base_dir, path);
    if (w < 0 || (size_t)w >= sizeof u->database)
        y_error(c, n, _("database: the path is longer than %zu bytes"),
                sizeof u->database - 1);
}

static void read_users(const struct yctx *c, const struct ynode *n, struct users_config *u)
{
    if (!y_is_map(c, n, "users"))
        return;
    if (n->n == 0)
        return;
    u->users = calloc((size_t)n->n, sizeof *u->users);
    if (!u->users) {
        y_error(c, n, _("out of memory"));
        return;
    }
    for (const struct ynode *e = n->child; e; e = e->next) {
        char what[96];
        snprintf(what, sizeof what, "users.%s", e->key);
        if (!valid_user_name(e->key, strlen(e->key))) {
            y_key_error(c, e, _("users: \"%s\" is not a Unix user name (letters, digits, "
                                "_ - . and at most %d bytes)"), e->key, USER_NAME_SIZE - 1);
            continue;
        }
        unsigned roles = 0;
        if (!cfg_roles(c, e, what, &roles))
            continue;
        struct user_roles *r = &u->users[u->n++];
        memcpy(r->name, e->key, strlen(e->key) + 1);
        r->roles = roles;
    }
}

static const char *const top_keys[] = {"trust_env_user", "database", "export", "users",
                                       NULL};

int config_parse_users(const char *name, const unsigned char *buf, size_t len,
                       const char *base_dir, struct users_config *out,
                       struct config_errors *errs)
{
    struct yctx c = {.file = name, .errs = errs};
    int before = errs->n;
    struct users_config u;
    memset(&u, 0, sizeof u);
    struct ynode *root = ytree_parse(&c, buf, len);
    if (root && y_is_map(&c, root, _("the users file"))) {
        y_check_keys(&c, root, "", top_keys);
        const struct ynode *n;
        if ((n = y_get(root, "trust_env_user")))
            y_bool(&c, n, "trust_env_user", &u.trust_env_user);
        if ((n = y_get(root, "database")))
            read_database(&c, n, base_dir, &u);
        if ((n = y_get(root, "export")))
            cfg_roles(&c, n, "export", &u.export_roles);
        if ((n = y_get(root, "users")))
            read_users(&c, n, &u);
        else
            y_error(&c, root, _("%s is missing"), "users");
    } else if (!root && errs->n == before) {
        cfg_error(errs, name, 0, 0, _("empty; expected users and their roles"));
    }
    ytree_free(root);
    cfg_sort_errors(errs, before);
    if (errs->n != before) {
        free(u.users);
        return -1;
    }
    *out = u;
    return 0;
}

void config_users_free(struct users_config *u)
{
    free(u->users);
    u->users = NULL;
    u->n = 0;
}

const char *config_effective_user(const struct users_config *u, const char *unix_user)
{
    const char *env = getenv("MUTASI_USER");
    if (u && u->trust_env_user && env && *env)
        return env;
    return unix_user;
}

unsigned config_roles_of(const struct users_config *u, const char *user)
{
    if (!u || !user)
        return 0;
    for (size_t i = 0; i < u->n; i++)
        if (strcmp(u->users[i].name, user) == 0)
            return u->users[i].roles;
    return 0;
}
