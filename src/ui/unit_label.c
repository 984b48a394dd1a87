/* A unit's name with its parent's where the name repeats (contract in
 * unit_label.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/hash.h"
#include "core/unit_repeats.h"
#include "ui/unit_label.h"

/* The names through core's hash index: the first index seen of each
 * name; a second sighting marks both. */
bool *ui_names_repeated(char *const *names, size_t n)
{
    bool *dup = calloc(n ? n : 1, sizeof *dup);
    struct hindex ix = {0};
    bool ok = dup && n < HINDEX_NONE && hindex_reserve(&ix, n) == 0;
    for (size_t i = 0; ok && i < n; i++) {
        if (!names[i])
            continue;
        uint64_t h = hash_str(names[i]);
        struct hprobe pr;
        uint32_t id = hindex_first(&ix, h, &pr);
        while (id != HINDEX_NONE && strcmp(names[id], names[i]) != 0)
            id = hindex_next(&ix, &pr);
        if (id != HINDEX_NONE)
            dup[i] = dup[id] = true;
        else
            ok = hindex_add(&ix, h, (uint32_t)i) == 0;
    }
    hindex_free(&ix);
    if (!ok) {
        free(dup);
        return NULL;
    }
    return dup;
}

void ui_unit_label_format(char *out, size_t size, const char *name, const char *parent)
{
    if (parent && parent[0])
        snprintf(out, size, "%s (%s)", name, parent);
    else
        snprintf(out, size, "%s", name);
}

/* ---- by code, for the Staff screen -------------------------------------- */

int ui_unit_repeats_load(struct unit_repeats *r, stxn *t)
{
    ui_unit_repeats_free(r);
    uint64_t *codes = NULL;
    size_t n = 0;
    if (store_unit_repeats(t, &codes, &n) != STORE_OK) {
        *r = (struct unit_repeats){NULL, 0, true};  /* tried once: no unit shows a parent */
        return -1;
    }
    *r = (struct unit_repeats){codes, n, true};
    return 0;
}

bool ui_unit_repeats_has(const struct unit_repeats *r, const char *code)
{
    return r->n && unit_repeats_find(r->codes, r->n, unit_key_hash(code)) < r->n;
}

void ui_unit_repeats_free(struct unit_repeats *r)
{
    free(r->codes);
    *r = (struct unit_repeats){0};
}

void ui_unit_label(stxn *t, const struct unit_repeats *r, const char *code, char *out,
                   size_t size)
{
    struct unit u, parent;
    if (!code[0] || store_get_unit(t, code, &u) != STORE_OK) {
        snprintf(out, size, "%s", code);
        return;
    }
    bool show_parent = ui_unit_repeats_has(r, code) && u.parent[0] &&
                       store_get_unit(t, u.parent, &parent) == STORE_OK;
    ui_unit_label_format(out, size, u.name, show_parent ? parent.name : NULL);
}
