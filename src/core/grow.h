/* Arrays that grow by doubling: one place for the realloc dance.
 *
 * Usage:
 *     struct move *m = NULL; size_t n = 0, cap = 0;
 *     if (GROW_ROOM(m, cap, n + 1, 16) != 0) return -1;   (out of memory)
 *     m[n++] = x;
 * The array keeps its contents and stays valid when growing fails. */
#ifndef MUTASI_CORE_GROW_H
#define MUTASI_CORE_GROW_H
#include <stddef.h>

/* Makes *arrp (a pointer to a T*) hold at least need elements of size
 * bytes: the capacity *cap doubles, from first when 0. 0, or -1 when out
 * of memory or the size would overflow. */
int grow_room(void *arrp, size_t *cap, size_t need, size_t size, size_t first);
#define GROW_ROOM(arr, cap, need, first) \
    grow_room(&(arr), &(cap), (need), sizeof *(arr), (first))
#endif
