/* A unit's name with its parent's where the name repeats (contract in
 * unit_label.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui/unit_label.h"

static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;        /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* An open-addressed table of indices into names: the first index seen
 * of each name; a second sighting marks both. */
bool *ui_names_repeated(char *const *names, size_t n)
{
    bool *dup = calloc(n ? n : 1, sizeof *dup);
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    size_t *slot = malloc(cap * sizeof *slot);
    if (!dup || !slot) {
        free(slot);
        free(dup);
        return NULL;
    }
    for (size_t k = 0; k < cap; k++)
        slot[k] = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (!names[i])
            continue;
        size_t k = (size_t)name_hash(names[i]) & (cap - 1);
        while (slot[k] != (size_t)-1 && strcmp(names[slot[k]], names[i]) != 0)
            k = (k + 1) & (cap - 1);
        if (slot[k] == (size_t)-1)
            slot[k] = i;
        else
            dup[i] = dup[slot[k]] = true;
    }
    free(slot);
    return dup;
}

bool *ui_names_told_apart(char *const *names, const long *parent, size_t n)
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

void ui_unit_label_format(char *out, size_t size, const char *name, const char *parent)
{
    if (parent && parent[0])
        snprintf(out, size, "%s (%s)", name, parent);
    else
        snprintf(out, size, "%s", name);
}

/* ---- by code, for the Staff screen -------------------------------------- */
struct gather {
    char **names;
    char (*codes)[CODE_SIZE];
    char (*parents)[CODE_SIZE];
    size_t n, cap;
    bool failed;
};

static int gather_unit(const struct unit *u, void *ctx)
{
    struct gather *g = ctx;
    if (g->n == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 1024;
        char **names = realloc(g->names, cap * sizeof *names);
        if (names)
            g->names = names;
        char (*codes)[CODE_SIZE] = realloc(g->codes, cap * sizeof *codes);
        if (codes)
            g->codes = codes;
        char (*parents)[CODE_SIZE] = realloc(g->parents, cap * sizeof *parents);
        if (parents)
            g->parents = parents;
        if (!names || !codes || !parents) {
            g->failed = true;
            return 1;
        }
        g->cap = cap;
    }
    g->names[g->n] = strdup(u->name);
    if (!g->names[g->n]) {
        g->failed = true;
        return 1;
    }
    memcpy(g->codes[g->n], u->code, CODE_SIZE);
    memcpy(g->parents[g->n], u->parent, CODE_SIZE);
    g->n++;
    return 0;
}

static int by_code(const void *x, const void *y)
{
    return strcmp(x, y);
}

int ui_unit_repeats_load(struct unit_repeats *r, stxn *t)
{
    ui_unit_repeats_free(r);
    if (store_count_units(t) > UI_UNIT_REPEATS_MAX) {
        r->ready = true;        /* too many to read at a first draw: no parents */
        r->skipped = true;
        return 0;
    }
    struct gather g = {0};
    bool *dup = NULL;
    long *parent = NULL;
    int rc = store_each_unit(t, gather_unit, &g) < 0 || g.failed ? -1 : 0;
    if (rc == 0)
        parent = malloc((g.n ? g.n : 1) * sizeof *parent);
    /* The table is in code order: a parent is found by its code. */
    for (size_t i = 0; parent && i < g.n; i++) {
        char (*at)[CODE_SIZE] = g.parents[i][0] ? bsearch(g.parents[i], g.codes, g.n, CODE_SIZE, by_code)
                                                : NULL;
        parent[i] = at ? (long)(at - g.codes) : -1;
    }
    if (parent)
        dup = ui_names_told_apart(g.names, parent, g.n);
    if (dup) {
        /* Keep the codes of those that show their parent. */
        for (size_t i = 0; i < g.n; i++)
            if (dup[i])
                memmove(g.codes[r->n++], g.codes[i], CODE_SIZE);
        qsort(g.codes, r->n, CODE_SIZE, by_code);
        r->codes = g.codes;
        g.codes = NULL;
        r->ready = true;
    }
    for (size_t i = 0; i < g.n; i++)
        free(g.names[i]);
    free(g.names);
    free(g.codes);
    free(g.parents);
    free(parent);
    free(dup);
    return r->ready ? 0 : -1;
}

bool ui_unit_repeats_has(const struct unit_repeats *r, const char *code)
{
    return r->n && bsearch(code, r->codes, r->n, CODE_SIZE, by_code) != NULL;
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
