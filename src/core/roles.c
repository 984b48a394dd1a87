/* Role names and role sets. */
#include <stdio.h>
#include <string.h>
#include "core/roles.h"

static const char *const names[] = {"operator", "verifier", "reviewer", "approver",
                                    "admin", NULL};

const char *role_name(unsigned role_bit)
{
    for (int i = 0; names[i]; i++)
        if (role_bit == 1u << i)
            return names[i];
    return "";
}

unsigned role_parse(const char *name)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1u << i;
    return 0;
}

const char *const *role_names(void)
{
    return names;
}

char *roles_format(unsigned set, char *out, size_t size)
{
    size_t used = 0;
    if (size)
        out[0] = '\0';
    for (int i = 0; names[i]; i++) {
        if (!(set & (1u << i)) || used >= size)
            continue;
        int w = snprintf(out + used, size - used, "%s%s", used ? ", " : "", names[i]);
        used = w < 0 ? size : used + (size_t)w;
    }
    return out;
}
