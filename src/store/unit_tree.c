/* The unit tree with rolled-up workload figures (store.h, "The unit
 * tree"): one entry per unit, keyed by its path from its root (the codes
 * of the root, ..., the parent, the unit, each after a NUL but the first),
 * so that byte order is the tree's pre-order with siblings in code order,
 * the order of workload_units_in. The value: the figures of the unit's
 * own positions and of every sub-unit's (minutes, need, holders,
 * positions; 4 x le64), a flag byte, the depth (the NULs of the key: a
 * reader need not count them), the unit's name. A whole table by
 * unit is one walk of this table; a subtree is a range of it; a unit's
 * ancestors are the prefixes of its key.
 *
 * Kept in the write transaction of every change:
 *   - a change to a unit's own figures (aggregate.c, agg_apply) adds the
 *     same change to the unit's entry and its ancestors' (one path walk
 *     up the unit records, then one read and write per level);
 *   - a unit renamed: its entry's name;
 *   - a unit added, removed or put under another parent, a bulk write of
 *     the aggregates and a recount mark the transaction (t->tree_dirty),
 *     and the table is built again from the units and the aggregates
 *     before it commits (store_write; the open, the migration). So does a
 *     transaction past TREE_DELTAS_MAX single changes (an import): one
 *     pass instead of that many path walks.
 * A parent cycle (the data allows one) or a path longer than a key marks
 * the tree irregular in meta: the table stays empty and readers take the
 * full roll-up (core/workload.c), which cuts cycles. */
#include <endian.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "core/workload.h"
#include "store/codec.h"
#include "store/internal.h"

#define TREE_STATE_KEY "unit_tree"
#define TREE_DELTAS_MAX 4096
#define TREE_DEPTH_MAX 255            /* a depth fits its byte */

enum { STATE_REGULAR = 'R', STATE_IRREGULAR = 'I' };

static void put_le64(unsigned char *p, int64_t v)
{
    uint64_t u = (uint64_t)v;
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(u >> 8 * i);
}

static int64_t le64_at(const unsigned char *p)
{
    uint64_t u;
    memcpy(&u, p, 8);
    return (int64_t)le64toh(u);
}

static size_t tree_value(const struct agg *a, unsigned flags, int depth, const char *name,
                         unsigned char out[UNIT_TREE_VAL_MAX])
{
    size_t n = strnlen(name, NAME_SIZE - 1);
    put_le64(out, a->minutes), put_le64(out + 8, a->need), put_le64(out + 16, a->existing);
    put_le64(out + 24, a->npos);
    out[UNIT_TREE_AT_FLAGS] = (unsigned char)flags;
    out[UNIT_TREE_AT_DEPTH] = (unsigned char)depth;
    memcpy(out + UNIT_TREE_VAL_HEAD, name, n);
    return UNIT_TREE_VAL_HEAD + n;
}

int store_unit_tree_decode(MDB_val v, struct agg *a)
{
    if (v.mv_size < UNIT_TREE_VAL_HEAD || v.mv_size > UNIT_TREE_VAL_MAX)
        return -1;
    const unsigned char *p = v.mv_data;
    *a = (struct agg){le64_at(p), le64_at(p + 8), le64_at(p + 16), le64_at(p + 24)};
    return 0;
}

static MDB_val state_key(void)
{
    return (MDB_val){sizeof TREE_STATE_KEY - 1, (void *)TREE_STATE_KEY};
}

/* The stored state: 'R', 'I' or 0 (none: not built) and the count of
 * units whose named parent is no unit. */
static int read_state(stxn *t, int *state, uint64_t *no_parent)
{
    MDB_val v;
    *state = 0, *no_parent = 0;
    int r = store_db_get(t, DB_META, state_key(), &v);
    if (r != STORE_OK)
        return r == STORE_NOTFOUND ? STORE_OK : r;
    if (v.mv_size != 9)
        return STORE_OK;        /* unreadable: as not built (the check says so) */
    *state = ((const unsigned char *)v.mv_data)[0];
    *no_parent = (uint64_t)le64_at((const unsigned char *)v.mv_data + 1);
    return STORE_OK;
}

static int write_state(stxn *t, int state, uint64_t no_parent)
{
    unsigned char buf[9];
    buf[0] = (unsigned char)state;
    put_le64(buf + 1, (int64_t)no_parent);
    return store_db_put(t, DB_META, state_key(), (MDB_val){sizeof buf, buf}, 0);
}

/* --- the table worked out from the units and the aggregates ------------------ */

struct built {
    struct workload *w;          /* the units' tree (no positions) */
    char *names;                 /* per unit, in the order added */
    uint32_t *name_off;
    uint8_t *named_parent;       /* per unit: its record names a parent */
    size_t nlen, ncap, nunits, cap_off, cap_np;
    struct agg *rolled;          /* per unit */
    bool irregular;
    uint64_t no_parent;
    bool oom;
};

static int take_unit(const struct unit *u, void *ctx)
{
    struct built *b = ctx;
    size_t len = strnlen(u->name, NAME_SIZE - 1);
    if (workload_add_unit(b->w, u) != 0 ||
        GROW_ROOM(b->name_off, b->cap_off, b->nunits + 1, 1024) != 0 ||
        GROW_ROOM(b->named_parent, b->cap_np, b->nunits + 1, 1024) != 0 ||
        GROW_ROOM(b->names, b->ncap, b->nlen + len + 1, 65536) != 0 || b->nlen > UINT32_MAX) {
        b->oom = true;
        return 1;
    }
    b->name_off[b->nunits] = (uint32_t)b->nlen;
    b->named_parent[b->nunits++] = u->parent[0] != '\0';
    memcpy(b->names + b->nlen, u->name, len);
    b->names[b->nlen + len] = '\0';
    b->nlen += len + 1;
    return 0;
}

/* A unit entry of the aggregates counts in its unit's own figures. */
static int take_own(const char *unit, const char *family, const struct wl_row *own,
                    uint64_t npositions, void *ctx)
{
    struct built *b = ctx;
    (void)family;
    long u = workload_unit_index(b->w, unit);
    if (u >= 0) {
        struct agg a = {own->workload_minutes, own->need, own->existing, (int64_t)npositions};
        store_agg_sum(&b->rolled[u], &a, 1);
    }
    return 0;
}

static void built_free(struct built *b)
{
    workload_free(b->w);
    free(b->names), free(b->name_off), free(b->named_parent), free(b->rolled);
    memset(b, 0, sizeof *b);
}

/* Reads the units and the aggregates and rolls the figures up. */
static int build(stxn *t, struct built *b)
{
    struct policy p;
    policy_defaults(&p);
    memset(b, 0, sizeof *b);
    b->w = workload_begin(&p);
    if (!b->w || workload_reserve(b->w, store_count_units(t), 0) != 0) {
        built_free(b);
        return store_fail(t->s, _("out of memory"));
    }
    int r = store_each_unit(t, take_unit, b);
    if (r != 0 || b->oom || workload_build(b->w) != 0 ||
        !(b->rolled = calloc(b->nunits ? b->nunits : 1, sizeof *b->rolled))) {
        bool oom = b->oom || r == 0;
        built_free(b);
        return oom ? store_fail(t->s, _("out of memory")) : STORE_ERROR;
    }
    if (store_each_wl_aggregate(t, take_own, b) != 0) {
        built_free(b);
        return STORE_ERROR;
    }
    struct wl_problems pr;
    workload_problems(b->w, &pr);
    b->irregular = pr.units_in_cycle != 0;
    b->no_parent = pr.units_without_parent;
    size_t *order;
    size_t n = workload_units_in(b->w, -1, &order);
    if (!order) {
        built_free(b);
        return store_fail(t->s, _("out of memory"));
    }
    for (size_t i = n; i-- > 0;) {      /* children after their parents: backwards */
        long up = workload_unit_parent(b->w, order[i]);
        if (up >= 0)
            store_agg_sum(&b->rolled[up], &b->rolled[order[i]], 1);
    }
    free(order);
    return STORE_OK;
}

/* Calls cb on each entry of the built table in key order; a path too long
 * for a key makes the tree irregular (cb is not called further). */
typedef int (*entry_fn)(stxn *t, MDB_val k, MDB_val v, void *ctx);

static int each_built(stxn *t, struct built *b, entry_fn cb, void *ctx)
{
    size_t *order;
    size_t n = workload_units_in(b->w, -1, &order);
    size_t at[TREE_DEPTH_MAX + 1];
    unsigned char key[STORE_KEY_MAX + CODE_SIZE + 1], val[UNIT_TREE_VAL_MAX];
    if (!order)
        return store_fail(t->s, _("out of memory"));
    int r = STORE_OK;
    for (size_t i = 0; i < n && r == STORE_OK && !b->irregular; i++) {
        size_t u = order[i];
        int depth = workload_unit_depth(b->w, u);
        const char *code = workload_unit_code(b->w, u);
        size_t len = depth ? at[depth - 1] : 0, c = strlen(code);
        if (depth > TREE_DEPTH_MAX || len + 1 + c > STORE_KEY_MAX) {
            b->irregular = true;
            break;
        }
        if (depth)
            key[len++] = '\0';
        memcpy(key + len, code, c);
        at[depth] = len + c;
        unsigned flags = b->named_parent[u] && workload_unit_parent(b->w, u) < 0
                             ? UNIT_TREE_NO_PARENT : 0;
        size_t vn = tree_value(&b->rolled[u], flags, depth, b->names + b->name_off[u], val);
        r = cb(t, (MDB_val){at[depth], key}, (MDB_val){vn, val}, ctx);
    }
    free(order);
    return r;
}

/* A rebuild's entry: appended and counted in the widths. */
struct appending {
    struct store_appender app;
    struct tree_widths w;
};

static int append_entry(stxn *t, MDB_val k, MDB_val v, void *ctx)
{
    struct appending *a = ctx;
    (void)t;
    store_tree_widths_entry(&a->w, k, v, 1);
    return store_appender_put(&a->app, k, v, 0);
}

int store_unit_tree_rebuild(stxn *t)
{
    struct built b;
    struct appending app;
    if (store_need_write(t) || store_tree_widths_begin(t, &app.w) != STORE_OK ||
        build(t, &b) != STORE_OK)
        return STORE_ERROR;
    int rc = mdb_drop(t->txn, t->s->dbi[DB_UNIT_TREE], 0);
    int r = rc ? store_fail_mdb(t, rc, store_db_name(DB_UNIT_TREE)) : STORE_OK;
    if (r == STORE_OK && !b.irregular) {
        r = store_appender_open(&app.app, t, DB_UNIT_TREE, false);
        if (r == STORE_OK) {
            r = each_built(t, &b, append_entry, &app);
            store_appender_close(&app.app);
        }
        if (r == STORE_OK && b.irregular && (rc = mdb_drop(t->txn, t->s->dbi[DB_UNIT_TREE], 0)))
            r = store_fail_mdb(t, rc, store_db_name(DB_UNIT_TREE));
    }
    if (r == STORE_OK)
        r = write_state(t, b.irregular ? STATE_IRREGULAR : STATE_REGULAR, b.no_parent);
    if (r == STORE_OK)
        r = b.irregular ? store_tree_widths_drop(t) : store_tree_widths_put(t, &app.w);
    built_free(&b);
    if (r == STORE_OK)
        t->tree_dirty = false;
    return r;
}

/* --- single changes ------------------------------------------------------------ */

/* The key of unit code's entry: its path from its root, walking up the
 * unit records. STORE_NOTFOUND when no unit has the code. */
int store_unit_tree_path(stxn *t, const char *code, unsigned char key[STORE_KEY_MAX], size_t *len)
{
    char codes[TREE_DEPTH_MAX + 1][CODE_SIZE];     /* depths 0 .. TREE_DEPTH_MAX, as each_built */
    struct unit u;
    int n = 0, r = store_get_unit(t, code, &u);
    if (r != STORE_OK)
        return r;
    for (;;) {
        memcpy(codes[n++], u.code, CODE_SIZE);
        if (!u.parent[0] || strncmp(u.parent, u.code, CODE_SIZE) == 0)
            break;
        if (n > TREE_DEPTH_MAX)
            return store_fail(t->s, _("the path of unit %s is too deep (over %d levels)"), code,
                              TREE_DEPTH_MAX);
        r = store_get_unit(t, u.parent, &u);
        if (r == STORE_NOTFOUND)
            break;
        if (r != STORE_OK)
            return r;
    }
    size_t at = 0;
    for (int i = n; i-- > 0;) {
        size_t c = strnlen(codes[i], CODE_SIZE - 1);
        if (at + (at ? 1 : 0) + c > STORE_KEY_MAX)
            return store_fail(t->s, _("the path of unit %s is too long"), code);
        if (at)
            key[at++] = '\0';
        memcpy(key + at, codes[i], c);
        at += c;
    }
    *len = at;
    return STORE_OK;
}

/* The table is kept entry by entry in this transaction: built, regular,
 * and not to be built again before it commits. */
static int kept_singly(stxn *t, bool *yes)
{
    int state;
    uint64_t no_parent;
    *yes = false;
    if (t->tree_dirty)
        return STORE_OK;
    if (++t->tree_deltas > TREE_DELTAS_MAX) {
        t->tree_dirty = true;    /* many changes: built once before the commit */
        return STORE_OK;
    }
    if (read_state(t, &state, &no_parent) != STORE_OK)
        return STORE_ERROR;
    if (state == 0 && t->write)
        t->tree_dirty = true;    /* missing or unreadable: built before this commit */
    *yes = state == STATE_REGULAR;
    return STORE_OK;
}

/* Rewrites the entry under k with sign * d added (d NULL: none) and, when
 * name, that name. */
static int change_entry(stxn *t, MDB_val k, const struct agg *d, int sign, const char *name)
{
    MDB_val v;
    struct agg a;
    unsigned char buf[UNIT_TREE_VAL_MAX], key[STORE_KEY_MAX];
    memcpy(key, k.mv_data, k.mv_size);
    k.mv_data = key;
    int r = store_db_get(t, DB_UNIT_TREE, k, &v);
    if (r == STORE_NOTFOUND)
        return store_damaged(t, DB_UNIT_TREE, k);
    if (r != STORE_OK)
        return r;
    if (store_unit_tree_decode(v, &a) != 0)
        return store_damaged(t, DB_UNIT_TREE, k);
    unsigned flags = ((const unsigned char *)v.mv_data)[UNIT_TREE_AT_FLAGS];
    int depth = ((const unsigned char *)v.mv_data)[UNIT_TREE_AT_DEPTH];
    char had[NAME_SIZE];
    size_t nlen = v.mv_size - UNIT_TREE_VAL_HEAD;
    memcpy(had, (const char *)v.mv_data + UNIT_TREE_VAL_HEAD, nlen);
    had[nlen] = '\0';
    if (d)
        store_agg_sum(&a, d, sign);
    size_t n = tree_value(&a, flags, depth, name ? name : had, buf);
    if ((r = store_tree_widths_change(t, k, v, (MDB_val){n, buf})) != STORE_OK)
        return r;
    return store_db_put(t, DB_UNIT_TREE, k, (MDB_val){n, buf}, 0);
}

int store_unit_tree_add(stxn *t, const char *unit, const struct agg *d, int sign)
{
    unsigned char key[STORE_KEY_MAX];
    size_t len;
    bool single;
    if (kept_singly(t, &single) != STORE_OK)
        return STORE_ERROR;
    if (!single)
        return STORE_OK;
    int r = store_unit_tree_path(t, unit, key, &len);
    if (r == STORE_NOTFOUND)
        return STORE_OK;        /* positions of no known unit: in no entry */
    for (size_t i = 1; r == STORE_OK && i <= len; i++)
        if (i == len || key[i] == '\0')
            r = change_entry(t, (MDB_val){i, key}, d, sign, NULL);
    return r;
}

/* --- a unit put under another parent ------------------------------------------ */

/* The entries of a subtree, copied out before the table changes. */
struct moved {
    unsigned char *buf;          /* per entry: klen (2 bytes), vlen (2), key, value */
    size_t len, cap;
    size_t longest;              /* the longest key */
};

static int collect_subtree(stxn *t, MDB_val root, struct moved *m)
{
    MDB_cursor *c;
    MDB_val k = root, v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_UNIT_TREE], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_UNIT_TREE));
    for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
         rc == 0 && k.mv_size >= root.mv_size && memcmp(k.mv_data, root.mv_data, root.mv_size) == 0 &&
         (k.mv_size == root.mv_size || ((const unsigned char *)k.mv_data)[root.mv_size] == '\0');
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (v.mv_size < UNIT_TREE_VAL_HEAD || v.mv_size > UNIT_TREE_VAL_MAX) {   /* refile's val[] */
            mdb_cursor_close(c);
            return store_damaged(t, DB_UNIT_TREE, k);
        }
        if (GROW_ROOM(m->buf, m->cap, m->len + 4 + k.mv_size + v.mv_size, 4096) != 0) {
            mdb_cursor_close(c);
            return store_fail(t->s, _("out of memory"));
        }
        unsigned char *e = m->buf + m->len;
        e[0] = (unsigned char)(k.mv_size >> 8), e[1] = (unsigned char)k.mv_size;
        e[2] = (unsigned char)(v.mv_size >> 8), e[3] = (unsigned char)v.mv_size;
        memcpy(e + 4, k.mv_data, k.mv_size);
        memcpy(e + 4 + k.mv_size, v.mv_data, v.mv_size);
        m->len += 4 + k.mv_size + v.mv_size;
        if (k.mv_size > m->longest)
            m->longest = k.mv_size;
    }
    mdb_cursor_close(c);
    return rc == 0 || rc == MDB_NOTFOUND ? STORE_OK : store_fail_mdb(t, rc, store_db_name(DB_UNIT_TREE));
}

/* Adds sign * d to the entries of the strict ancestors of the key. */
static int ancestors_add(stxn *t, const unsigned char *key, size_t len, const struct agg *d,
                         int sign)
{
    for (size_t i = 1; i < len; i++)
        if (key[i] == '\0' && change_entry(t, (MDB_val){i, (void *)key}, d, sign, NULL) != STORE_OK)
            return STORE_ERROR;
    return STORE_OK;
}

/* Refiles the collected subtree from under `from` to under `to`: each key
 * with its prefix replaced, each depth moved along, the root's flag new. */
static int refile(stxn *t, const struct moved *m, size_t from, const unsigned char *to,
                  size_t tolen, int shift, unsigned root_flags)
{
    unsigned char key[STORE_KEY_MAX], val[UNIT_TREE_VAL_MAX];
    struct tree_widths w;
    int kept = store_tree_widths_get(t, &w);
    if (kept != STORE_OK && kept != STORE_NOTFOUND)
        return kept;
    for (size_t at = 0; at < m->len;) {
        const unsigned char *e = m->buf + at;
        size_t kl = (size_t)e[0] << 8 | e[1], vl = (size_t)e[2] << 8 | e[3];
        if (store_db_del(t, DB_UNIT_TREE, (MDB_val){kl, (void *)(e + 4)}, NULL) != STORE_OK)
            return STORE_ERROR;
        store_tree_widths_entry(&w, (MDB_val){kl, (void *)(e + 4)},
                                (MDB_val){vl, (void *)(e + 4 + kl)}, -1);
        at += 4 + kl + vl;
    }
    for (size_t at = 0; at < m->len;) {
        const unsigned char *e = m->buf + at;
        size_t kl = (size_t)e[0] << 8 | e[1], vl = (size_t)e[2] << 8 | e[3];
        memcpy(key, to, tolen);
        memcpy(key + tolen, e + 4 + from, kl - from);
        memcpy(val, e + 4 + kl, vl);
        val[UNIT_TREE_AT_DEPTH] = (unsigned char)(val[UNIT_TREE_AT_DEPTH] + shift);
        if (kl == from)
            val[UNIT_TREE_AT_FLAGS] = (unsigned char)root_flags;
        if (store_db_put(t, DB_UNIT_TREE, (MDB_val){tolen + kl - from, key}, (MDB_val){vl, val},
                         0) != STORE_OK)
            return STORE_ERROR;
        store_tree_widths_entry(&w, (MDB_val){tolen + kl - from, key}, (MDB_val){vl, val}, 1);
        at += 4 + kl + vl;
    }
    return kept == STORE_OK ? store_tree_widths_put(t, &w) : STORE_OK;
}

enum { MOVE_REBUILD = 1 };

static int depth_of(const unsigned char *key, size_t len)
{
    int d = 0;
    for (size_t i = 0; i < len; i++)
        d += key[i] == '\0';
    return d;
}

/* The new key of unit now (its old one: from) under its new parent, and
 * its flag; MOVE_REBUILD when the parent lies in its own subtree (a
 * cycle: the whole tree is built again, irregular) or the key is too
 * long. */
static int new_place(stxn *t, const struct unit *now, const unsigned char *from, size_t flen,
                     unsigned char to[STORE_KEY_MAX], size_t *tolen, unsigned *flags)
{
    size_t c = strnlen(now->code, CODE_SIZE - 1), plen = 0;
    int r = STORE_NOTFOUND;
    if (now->parent[0] && strncmp(now->parent, now->code, CODE_SIZE) != 0)
        r = store_unit_tree_path(t, now->parent, to, &plen);
    if (r == STORE_ERROR)
        return r;
    *flags = now->parent[0] && r == STORE_NOTFOUND ? UNIT_TREE_NO_PARENT : 0;
    if (r == STORE_NOTFOUND) {
        memcpy(to, now->code, c);
        *tolen = c;
        return STORE_OK;
    }
    if (plen >= flen && memcmp(to, from, flen) == 0 && (plen == flen || to[flen] == '\0'))
        return MOVE_REBUILD;
    if (plen + 1 + c > STORE_KEY_MAX)
        return MOVE_REBUILD;
    to[plen] = '\0';
    memcpy(to + plen + 1, now->code, c);
    *tolen = plen + 1 + c;
    return STORE_OK;
}

/* The subtree of the unit leaves its old ancestors' figures for its new
 * ones and is refiled under its new path. */
static int move_unit(stxn *t, const struct unit *now)
{
    unsigned char from[STORE_KEY_MAX], to[STORE_KEY_MAX];
    size_t flen, tolen;
    unsigned flags;
    struct moved m = {NULL, 0, 0, 0};
    MDB_val v;
    struct agg rolled;
    int state;
    uint64_t no_parent;
    int r = store_unit_tree_path(t, now->code, from, &flen);     /* the record is still the old one */
    if (r == STORE_OK)
        r = new_place(t, now, from, flen, to, &tolen, &flags);
    if (r != STORE_OK)
        return r;
    if ((r = store_db_get(t, DB_UNIT_TREE, (MDB_val){flen, from}, &v)) != STORE_OK)
        return r == STORE_NOTFOUND ? store_damaged(t, DB_UNIT_TREE, (MDB_val){flen, from}) : r;
    if (store_unit_tree_decode(v, &rolled) != 0)
        return store_damaged(t, DB_UNIT_TREE, (MDB_val){flen, from});
    unsigned had = ((const unsigned char *)v.mv_data)[UNIT_TREE_AT_FLAGS];
    if ((r = collect_subtree(t, (MDB_val){flen, from}, &m)) == STORE_OK &&
        m.longest - flen + tolen > STORE_KEY_MAX)
        r = MOVE_REBUILD;
    if (r == STORE_OK && (r = ancestors_add(t, from, flen, &rolled, -1)) == STORE_OK &&
        (r = refile(t, &m, flen, to, tolen, depth_of(to, tolen) - depth_of(from, flen), flags)) ==
            STORE_OK)
        r = ancestors_add(t, to, tolen, &rolled, 1);
    free(m.buf);
    if (r == STORE_OK && (had & UNIT_TREE_NO_PARENT) != (flags & UNIT_TREE_NO_PARENT) &&
        (r = read_state(t, &state, &no_parent)) == STORE_OK)
        r = write_state(t, state, flags & UNIT_TREE_NO_PARENT ? no_parent + 1 : no_parent - 1);
    return r;
}

int store_unit_tree_unit_changed(stxn *t, const void *old_rec, const void *new_rec)
{
    const struct unit *old = old_rec, *now = new_rec;
    bool moved = old && now && strncmp(old->parent, now->parent, CODE_SIZE) != 0;
    if (!old || !now) {
        t->tree_dirty = true;   /* a unit added or removed: built again */
        return STORE_OK;
    }
    if (!moved && strncmp(old->name, now->name, NAME_SIZE) == 0)
        return STORE_OK;
    unsigned char key[STORE_KEY_MAX];
    size_t len;
    bool single;
    if (kept_singly(t, &single) != STORE_OK)
        return STORE_ERROR;
    if (!single) {
        /* not kept entry by entry: built again (an irregular tree may
         * become regular by this move) */
        t->tree_dirty |= moved;
        return STORE_OK;
    }
    if (moved) {
        int r = move_unit(t, now);
        if (r == MOVE_REBUILD)
            t->tree_dirty = true;
        if (r != STORE_OK && r != MOVE_REBUILD)
            return r;
        if (r == MOVE_REBUILD || strncmp(old->name, now->name, NAME_SIZE) == 0)
            return STORE_OK;
    }
    /* the record is still the old one: the new path is found through the parent */
    int r = moved ? STORE_OK : store_unit_tree_path(t, now->code, key, &len);
    if (moved) {
        unsigned flags;
        r = new_place(t, now, (const unsigned char *)"", 0, key, &len, &flags);
    }
    return r == STORE_OK ? change_entry(t, (MDB_val){len, key}, NULL, 1, now->name) : r;
}

void store_unit_tree_touch(stxn *t)
{
    t->tree_dirty = true;
}

/* --- reading ----------------------------------------------------------------- */

int store_unit_tree_state(stxn *t, bool *kept, uint64_t *units_without_parent)
{
    int state;
    *kept = false;
    if (read_state(t, &state, units_without_parent) != STORE_OK)
        return STORE_ERROR;
    *kept = state == STATE_REGULAR;
    return STORE_OK;
}

/* --- the consistency check ------------------------------------------------------ */

struct compare {
    struct tree_widths w;        /* of the entries built anew */
    MDB_cursor *c;
    int rc;                      /* of the cursor's last step */
    MDB_val k, v;
    int problems;
    char *why;
    size_t whylen;
};

static void differs(struct compare *cmp, MDB_val k)
{
    MDB_val code = store_unit_tree_code(k);
    if (cmp->problems++ == 0)
        snprintf(cmp->why, cmp->whylen,
                 _("the rolled-up workload of unit %.*s differs from a recount"),
                 (int)(code.mv_size > 64 ? 64 : code.mv_size), (const char *)code.mv_data);
}

static int compare_entry(stxn *t, MDB_val k, MDB_val v, void *ctx)
{
    struct compare *cmp = ctx;
    (void)t;
    store_tree_widths_entry(&cmp->w, k, v, 1);
    if (cmp->rc != 0 || cmp->k.mv_size != k.mv_size || cmp->v.mv_size != v.mv_size ||
        memcmp(cmp->k.mv_data, k.mv_data, k.mv_size) != 0 ||
        memcmp(cmp->v.mv_data, v.mv_data, v.mv_size) != 0) {
        differs(cmp, k);
        return 1;               /* one difference says enough */
    }
    cmp->rc = mdb_cursor_get(cmp->c, &cmp->k, &cmp->v, MDB_NEXT);
    return 0;
}

int store_unit_tree_check(stxn *t, char *why, size_t whylen)
{
    struct built b;
    struct compare cmp;
    struct tree_widths kept;
    int state;
    uint64_t no_parent;
    cmp = (struct compare){.why = why, .whylen = whylen};
    if (read_state(t, &state, &no_parent) != STORE_OK || store_tree_widths_begin(t, &cmp.w) ||
        build(t, &b) != STORE_OK) {
        snprintf(why, whylen, "%s", store_errmsg(t->s));
        return 1;
    }
    if (mdb_cursor_open(t->txn, t->s->dbi[DB_UNIT_TREE], &cmp.c) != 0) {
        built_free(&b);
        snprintf(why, whylen, "%s", store_errmsg(t->s));
        return 1;
    }
    cmp.rc = mdb_cursor_get(cmp.c, &cmp.k, &cmp.v, MDB_FIRST);
    int r = b.irregular ? 0 : each_built(t, &b, compare_entry, &cmp);
    if (r == 0 && cmp.rc == 0)         /* entries left over (or an irregular tree's) */
        differs(&cmp, cmp.k);
    else if (r != 0 && cmp.problems == 0)
        differs(&cmp, (MDB_val){0, ""});
    mdb_cursor_close(cmp.c);
    int want = b.irregular ? STATE_IRREGULAR : STATE_REGULAR;
    if ((state != want || no_parent != b.no_parent) && cmp.problems++ == 0)
        snprintf(why, whylen, "%s", _("the state of the stored unit tree differs from a recount"));
    /* the widths (when the entries agree: counted as they were built):
     * a regular tree's equal to the count, an irregular one none */
    int had = store_tree_widths_get(t, &kept);
    bool widths_ok = b.irregular ? had == STORE_NOTFOUND
                                 : had == STORE_OK && store_tree_widths_equal(&kept, &cmp.w);
    if (cmp.problems == 0 && !widths_ok && cmp.problems++ == 0)
        snprintf(why, whylen, "%s", _("the widths of the stored unit tree differ from a recount"));
    built_free(&b);
    return cmp.problems;
}
