/* The unit tree alone: codes in one buffer, links as indexes. */
#include "core/unit_order.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"

/* A list of strings in one buffer: offsets into it. */
struct strs {
    char *buf;
    size_t len, cap;
    uint32_t *off;
    size_t n, noff;
};

struct unit_order {
    struct strs codes;
    struct strs parents;         /* until built: each unit's parent code */
    int32_t *parent, *child, *sibling;   /* -1: none */
    int32_t first_root;
    size_t without_parent, in_cycle;
    bool built;
};

static int strs_add(struct strs *s, const char *str)
{
    size_t len = str ? strlen(str) : 0;
    if (s->len + len + 1 > UINT32_MAX || GROW_ROOM(s->off, s->noff, s->n + 1, 1024) != 0 ||
        GROW_ROOM(s->buf, s->cap, s->len + len + 1, 16384) != 0)
        return -1;
    s->off[s->n++] = (uint32_t)s->len;
    if (len)
        memcpy(s->buf + s->len, str, len);
    s->buf[s->len + len] = '\0';
    s->len += len + 1;
    return 0;
}

static const char *strs_get(const struct strs *s, size_t i)
{
    return s->buf + s->off[i];
}

static void strs_free(struct strs *s)
{
    free(s->buf);
    free(s->off);
    memset(s, 0, sizeof *s);
}

struct unit_order *unit_order_new(void)
{
    struct unit_order *t = calloc(1, sizeof *t);
    if (t)
        t->first_root = -1;
    return t;
}

void unit_order_free(struct unit_order *t)
{
    if (!t)
        return;
    strs_free(&t->codes);
    strs_free(&t->parents);
    free(t->parent), free(t->child), free(t->sibling);
    free(t);
}

int unit_order_reserve(struct unit_order *t, size_t units)
{
    /* codes run some 20 bytes: room for 24, the rest grows if needed */
    if (units > (UINT32_MAX - 1) / 24)
        return 0;
    struct strs *s[] = {&t->codes, &t->parents};
    for (int i = 0; i < 2; i++)
        if (GROW_ROOM(s[i]->off, s[i]->noff, units, 1) != 0 ||
            GROW_ROOM(s[i]->buf, s[i]->cap, units * 24, 1) != 0)
            return -1;
    return 0;
}

int unit_order_add(struct unit_order *t, const char *code, const char *parent)
{
    size_t n = t->codes.n;
    if (t->built || n >= INT32_MAX ||
        (n > 0 && strcmp(strs_get(&t->codes, n - 1), code) >= 0))
        return -1;
    if (strs_add(&t->codes, code) != 0)
        return -1;
    if (strs_add(&t->parents, parent) != 0) {
        t->codes.n--;
        t->codes.len = t->codes.off[t->codes.n];
        return -1;
    }
    return 0;
}

size_t unit_order_count(const struct unit_order *t)
{
    return t->codes.n;
}

const char *unit_order_code(const struct unit_order *t, size_t unit)
{
    return strs_get(&t->codes, unit);
}

long unit_order_find(const struct unit_order *t, const char *code)
{
    size_t lo = 0, hi = t->codes.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(strs_get(&t->codes, mid), code);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Parents by index; an unknown parent, or the unit itself, makes a root. */
static void resolve_parents(struct unit_order *t)
{
    for (size_t u = 0; u < t->codes.n; u++) {
        const char *pc = strs_get(&t->parents, u);
        long p = pc[0] ? unit_order_find(t, pc) : -1;
        if (pc[0] && (p < 0 || (size_t)p == u)) {
            t->without_parent++;
            p = -1;
        }
        t->parent[u] = (int32_t)p;
    }
}

/* Children lists in code order: built backwards, each pushed in front.
 * The roots are chained through sibling as the children of nobody. */
static void link_children(struct unit_order *t)
{
    for (size_t u = t->codes.n; u-- > 0;) {
        int32_t p = t->parent[u];
        int32_t *head = p >= 0 ? &t->child[p] : &t->first_root;
        t->sibling[u] = *head;
        *head = (int32_t)u;
    }
}

/* Marks root's subtree as seen; returns how many units it has. */
static size_t mark_subtree(const struct unit_order *t, int32_t root, unsigned char *seen)
{
    size_t n = 0;
    for (long u = unit_order_first(t, root); u >= 0; u = unit_order_next(t, root, u), n++)
        seen[u] = 1;
    return n;
}

static void detach(struct unit_order *t, int32_t u)
{
    int32_t *link = &t->child[t->parent[u]];
    while (*link >= 0 && *link != u)
        link = &t->sibling[*link];
    if (*link == u)
        *link = t->sibling[u];
    t->parent[u] = -1;
    t->sibling[u] = -1;
}

/* Units no root reaches sit in (or under) a parent cycle: each cut at
 * the first unit met in code order, and walked as a root after the
 * others. */
static int cut_cycles(struct unit_order *t)
{
    unsigned char *seen = calloc(t->codes.n ? t->codes.n : 1, 1);
    if (!seen)
        return -1;
    int32_t last = -1;
    for (int32_t r = t->first_root; r >= 0; r = t->sibling[r]) {
        mark_subtree(t, r, seen);
        last = r;
    }
    for (size_t u = 0; u < t->codes.n; u++) {
        if (seen[u])
            continue;
        detach(t, (int32_t)u);
        if (last >= 0)
            t->sibling[last] = (int32_t)u;
        else
            t->first_root = (int32_t)u;
        last = (int32_t)u;
        t->in_cycle += mark_subtree(t, (int32_t)u, seen);
    }
    free(seen);
    return 0;
}

int unit_order_build(struct unit_order *t)
{
    size_t n = t->codes.n ? t->codes.n : 1;
    if (t->built)
        return 0;
    t->parent = malloc(n * sizeof *t->parent);
    t->child = malloc(n * sizeof *t->child);
    t->sibling = malloc(n * sizeof *t->sibling);
    if (!t->parent || !t->child || !t->sibling)
        return -1;
    memset(t->child, 0xff, n * sizeof *t->child);       /* -1 */
    resolve_parents(t);
    strs_free(&t->parents);
    link_children(t);
    if (cut_cycles(t) != 0)
        return -1;
    t->built = true;
    return 0;
}

long unit_order_first(const struct unit_order *t, long root)
{
    if (root >= (long)t->codes.n)
        return -1;
    return root >= 0 ? root : t->first_root;
}

long unit_order_next(const struct unit_order *t, long root, long u)
{
    if (t->child[u] >= 0)
        return t->child[u];
    while (u != root) {
        if (t->parent[u] < 0)                       /* a root: the next tree */
            return root < 0 ? t->sibling[u] : -1;
        if (t->sibling[u] >= 0)
            return t->sibling[u];
        u = t->parent[u];
    }
    return -1;
}

void unit_order_problems(const struct unit_order *t, size_t *without_parent, size_t *in_cycle)
{
    *without_parent = t->without_parent;
    *in_cycle = t->in_cycle;
}
