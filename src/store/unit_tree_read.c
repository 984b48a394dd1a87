/* The unit tree's walks (store.h, "The unit tree"; its layout and how it
 * is kept: unit_tree.c): a subtree in pre-order, a unit's children, and a
 * subtree read once in place and kept for a second look. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/workload.h"
#include "store/internal.h"

/* The row of the entry (k, v); base: the depth of the walk's first entry. */
static int tree_row(stxn *t, MDB_val k, MDB_val v, struct store_tree_row *row)
{
    struct agg a;
    MDB_val code = store_unit_tree_code(k);
    const char *from = code.mv_data;
    int depth = ((const unsigned char *)v.mv_data)[UNIT_TREE_AT_DEPTH];
    size_t c = code.mv_size;
    if (store_unit_tree_decode(v, &a) != 0 || c == 0 || c >= CODE_SIZE)
        return store_damaged(t, DB_UNIT_TREE, k);
    memcpy(row->code, from, c);
    row->code[c] = '\0';
    size_t n = v.mv_size - UNIT_TREE_VAL_HEAD;
    memcpy(row->name, (const char *)v.mv_data + UNIT_TREE_VAL_HEAD, n);
    row->name[n] = '\0';
    row->depth = depth;
    row->row = (struct wl_row){a.minutes, a.need, a.existing};
    row->npositions = (uint64_t)a.npos;
    row->no_parent = (((const unsigned char *)v.mv_data)[UNIT_TREE_AT_FLAGS] & UNIT_TREE_NO_PARENT) != 0;
    row->has_children = false;
    return STORE_OK;
}

/* Walks the entries from key `from` (prefix: those that start with it)
 * with skip: after each entry, seek past its subtree (children only). */
static int walk(stxn *t, MDB_val prefix, bool children_only, int base, store_tree_cb cb,
                void *ctx)
{
    MDB_cursor *c;
    unsigned char seek[STORE_KEY_MAX + 2];
    struct store_tree_row row;
    MDB_val k = prefix, v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_UNIT_TREE], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_UNIT_TREE));
    int r = 0;
    rc = mdb_cursor_get(c, &k, &v, prefix.mv_size ? MDB_SET_RANGE : MDB_FIRST);
    while (rc == 0 && r == 0 && k.mv_size >= prefix.mv_size &&
           memcmp(k.mv_data, prefix.mv_data, prefix.mv_size) == 0) {
        if ((r = tree_row(t, k, v, &row)) != STORE_OK)
            break;
        row.depth -= base;
        if (!children_only) {
            r = cb(&row, ctx);
            rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
            continue;
        }
        /* the next entry, if it extends this one, is its first child */
        size_t len = k.mv_size;
        memcpy(seek, k.mv_data, len);
        rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
        row.has_children = rc == 0 && k.mv_size > len && memcmp(k.mv_data, seek, len) == 0 &&
                           ((const unsigned char *)k.mv_data)[len] == '\0';
        r = cb(&row, ctx);
        if (r == 0 && row.has_children) {
            seek[len] = '\x01';        /* past every key that extends this one by a NUL */
            k = (MDB_val){len + 1, seek};
            rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
        }
    }
    mdb_cursor_close(c);
    if (r == 0 && rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(DB_UNIT_TREE));
    return r;
}

/* A unit's key (its path of codes) and its depth (the NULs in it). */
static int key_and_depth(stxn *t, const char *code, unsigned char *key, size_t *len, int *depth)
{
    int r = store_unit_tree_path(t, code, key, len);
    for (size_t i = 0; r == STORE_OK && i < *len; i++)
        *depth += key[i] == '\0';
    return r;
}

int store_each_tree_unit(stxn *t, const char *root, store_tree_cb cb, void *ctx)
{
    unsigned char key[STORE_KEY_MAX + 1];
    size_t len = 0;
    int base = 0;
    if (root) {
        int r = key_and_depth(t, root, key, &len, &base);
        if (r != STORE_OK)
            return r;
        /* the root's entry and those that extend it by a NUL */
        struct store_tree_row row;
        MDB_val v;
        r = store_db_get(t, DB_UNIT_TREE, (MDB_val){len, key}, &v);
        if (r != STORE_OK)
            return r == STORE_NOTFOUND ? store_damaged(t, DB_UNIT_TREE, (MDB_val){len, key}) : r;
        if ((r = tree_row(t, (MDB_val){len, key}, v, &row)) != STORE_OK)
            return r;
        row.depth -= base;
        if ((r = cb(&row, ctx)) != 0)
            return r;
        key[len++] = '\0';
    }
    return walk(t, (MDB_val){len, key}, false, base, cb, ctx);
}

int store_tree_children(stxn *t, const char *parent, store_tree_cb cb, void *ctx)
{
    unsigned char key[STORE_KEY_MAX + 1];
    size_t len = 0;
    int base = 0;
    if (parent) {
        int r = key_and_depth(t, parent, key, &len, &base);
        if (r != STORE_OK)
            return r;
        key[len++] = '\0';
        base++;
    }
    return walk(t, (MDB_val){len, key}, true, base, cb, ctx);
}

/* --- read in place ----------------------------------------------------------- */

/* A unit's place in the map: enough to read its view again. */
struct place {
    const char *code;
    const unsigned char *val;
    uint8_t code_len, val_len;
};

#define MAP_PAGE 4096                /* LMDB's page: the system's */

struct store_tree_kept {
    struct place *at;
    size_t n, cap;
    int base;                    /* the depth of the subtree's root */
    bool on;                     /* keeping: else the walk only reads */
};

static void view_at(const struct place *p, int base, struct store_tree_view *v)
{
    const unsigned char *val = p->val;
    struct agg a;
    store_unit_tree_decode((MDB_val){p->val_len, (void *)val}, &a);
    v->code = p->code;
    v->code_len = p->code_len;
    v->name = (const char *)val + UNIT_TREE_VAL_HEAD;
    v->name_len = (size_t)p->val_len - UNIT_TREE_VAL_HEAD;    /* stored without a NUL */
    v->depth = val[UNIT_TREE_AT_DEPTH] - base;
    v->row = (struct wl_row){a.minutes, a.need, a.existing};
}

/* The place of the entry (k, v), checked as tree_row checks it. */
static int place_of(stxn *t, MDB_val k, MDB_val v, struct place *p)
{
    MDB_val code = store_unit_tree_code(k);
    if (v.mv_size < UNIT_TREE_VAL_HEAD || v.mv_size > UNIT_TREE_VAL_MAX ||
        code.mv_size == 0 || code.mv_size >= CODE_SIZE)
        return store_damaged(t, DB_UNIT_TREE, k);
    *p = (struct place){code.mv_data, v.mv_data, (uint8_t)code.mv_size, (uint8_t)v.mv_size};
    return STORE_OK;
}

static int keep(stxn *t, store_tree_kept *kept, const struct place *p)
{
    if (kept->n == kept->cap) {
        size_t cap = kept->cap ? 2 * kept->cap : 1024;
        struct place *at = realloc(kept->at, cap * sizeof *at);
        if (!at)
            return store_fail(t->s, "%s", _("out of memory"));
        kept->at = at, kept->cap = cap;
    }
    kept->at[kept->n++] = *p;
    return STORE_OK;
}

/* One entry: its view to cb, its place kept (when kept). */
static int visit(stxn *t, MDB_val k, MDB_val v, store_tree_kept *kept, store_tree_view_cb cb,
                 void *ctx)
{
    struct place p;
    struct store_tree_view view;
    int r = place_of(t, k, v, &p);
    if (r == STORE_OK && kept->on)
        r = keep(t, kept, &p);
    if (r != STORE_OK)
        return r;
    view_at(&p, kept->base, &view);
    return cb(&view, ctx);
}

/* As many places as the whole table has entries, so that keeping them
 * all copies none. */
static int size_for_all(stxn *t, store_tree_kept *kept)
{
    MDB_stat st;
    int rc = mdb_stat(t->txn, t->s->dbi[DB_UNIT_TREE], &st);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_UNIT_TREE));
    kept->at = malloc((st.ms_entries + 1) * sizeof *kept->at);
    if (!kept->at)
        return store_fail(t->s, "%s", _("out of memory"));
    kept->cap = st.ms_entries + 1;
    return STORE_OK;
}

/* On the first entry of a leaf page, asks for all of the page at once:
 * its entries are read one after another, each a wait on memory else.
 * Returns the page's address. */
static uintptr_t ask_for_page(uintptr_t was, const void *entry)
{
    uintptr_t page = (uintptr_t)entry & ~(uintptr_t)(MAP_PAGE - 1);
    if (page != was)
        for (uintptr_t at = page; at < page + MAP_PAGE; at += 64)
            __builtin_prefetch((const void *)at);
    return page;
}

/* The entry of root (its key the map's, as every place's) when root has
 * a length, then every entry that starts with prefix. */
static int walk_views(stxn *t, MDB_val root, MDB_val prefix, store_tree_kept *kept,
                      store_tree_view_cb cb, void *ctx)
{
    MDB_cursor *c;
    MDB_val k = root.mv_size ? root : prefix, v;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[DB_UNIT_TREE], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(DB_UNIT_TREE));
    int r = 0;
    rc = mdb_cursor_get(c, &k, &v,
                        root.mv_size ? MDB_SET_KEY : prefix.mv_size ? MDB_SET_RANGE : MDB_FIRST);
    if (root.mv_size && rc == MDB_NOTFOUND)
        r = store_damaged(t, DB_UNIT_TREE, root);
    else if (root.mv_size && rc == 0 && (r = visit(t, k, v, kept, cb, ctx)) == 0)
        rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
    uintptr_t page = 0;
    while (rc == 0 && r == 0 && k.mv_size >= prefix.mv_size &&
           memcmp(k.mv_data, prefix.mv_data, prefix.mv_size) == 0) {
        page = ask_for_page(page, k.mv_data);
        r = visit(t, k, v, kept, cb, ctx);
        if (r == 0)
            rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
    }
    mdb_cursor_close(c);
    if (r == 0 && rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(DB_UNIT_TREE));
    return r;
}

static int each_view(stxn *t, const char *root, store_tree_view_cb cb, void *ctx,
                     store_tree_kept *kept)
{
    unsigned char key[STORE_KEY_MAX + 1];
    size_t len = 0;
    if (root) {
        int r = key_and_depth(t, root, key, &len, &kept->base);
        if (r != STORE_OK)
            return r;
        key[len] = '\0';      /* the prefix of its subtree: its key and a NUL */
    }
    return walk_views(t, (MDB_val){len, key}, (MDB_val){root ? len + 1 : 0, key}, kept, cb,
                      ctx);
}

int store_each_tree_view(stxn *t, const char *root, store_tree_view_cb cb, void *ctx,
                         store_tree_kept **kept)
{
    store_tree_kept k = {NULL, 0, 0, 0, kept != NULL};
    int r = STORE_OK;
    if (kept) {
        *kept = NULL;
        if (!root)
            r = size_for_all(t, &k);
    }
    if (r == STORE_OK)
        r = each_view(t, root, cb, ctx, &k);
    if (r == STORE_OK && kept && !(*kept = malloc(sizeof **kept)))
        r = store_fail(t->s, "%s", _("out of memory"));
    if (r != STORE_OK) {
        free(k.at);
        return r;
    }
    if (kept)
        **kept = k;
    return STORE_OK;
}

size_t store_tree_kept_count(const store_tree_kept *k)
{
    return k->n;
}

void store_tree_kept_view(const store_tree_kept *k, size_t i, struct store_tree_view *v)
{
    /* the map is read in the order kept: ask for a later unit's bytes now */
    if (i + 12 < k->n) {
        __builtin_prefetch(k->at[i + 12].code);
        __builtin_prefetch(k->at[i + 12].val);
        __builtin_prefetch(k->at[i + 12].val + 64);
    }
    view_at(&k->at[i], k->base, v);
}

void store_tree_kept_free(store_tree_kept *k)
{
    if (k)
        free(k->at);
    free(k);
}
