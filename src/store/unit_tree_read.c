/* The unit tree's walks (store.h, "The unit tree"; its layout and how it
 * is kept: unit_tree.c): a subtree in pre-order, a unit's children, and a
 * subtree read once in place and kept for a second look. */
#include <string.h>
#include "core/workload.h"
#include "store/internal.h"

/* The row of the entry (k, v); base: the depth of the walk's first entry. */
static int tree_row(stxn *t, MDB_val k, MDB_val v, struct store_tree_row *row)
{
    struct agg a;
    MDB_val code = store_unit_tree_code(k);
    const char *from = code.mv_data;
    int depth = ((const unsigned char *)v.mv_data)[33];
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
    row->no_parent = (((const unsigned char *)v.mv_data)[32] & UNIT_TREE_NO_PARENT) != 0;
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

