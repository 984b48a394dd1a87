/* A hint for large arrays touched all over (imports, bulk loads). util/
 * is the bottom layer: it uses nothing of ours, and anyone may use it. */
#ifndef MUTASI_UTIL_HUGEPAGE_H
#define MUTASI_UTIL_HUGEPAGE_H
#include <stddef.h>

/* Asks for transparent huge pages over [p, p + n) when the block is large
 * (where THP is in "madvise" mode, the usual default). Only a hint:
 * nothing changes where the system says no. */
void want_huge_pages(void *p, size_t n);
#endif
