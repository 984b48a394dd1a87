/* Mapping ahead the pages a long write appends into (store_prefault_start
 * in internal.h).
 *
 * The map is MDB_WRITEMAP over a file whose blocks fallocate made
 * (map.c): blocks with no data yet. The first touch of such a page in the
 * map reads it, and the file system fills the page with zeros: some
 * hundreds of MB at a national import, a page fault and a memset of 4 KB
 * each, on the writer's thread. A thread of its own maps them first
 * (MADV_POPULATE_READ: read, not written, so nothing becomes dirty and no
 * byte changes; a crash sees what it would have seen without it), at the
 * lowest priority: it takes time no other thread of the import wants. The
 * writer's own touch is then only the write fault on a page already in
 * the cache. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "store/internal.h"

/* The pages mapped in one call: the stop is seen within a few ms. */
#define STEP ((size_t)2 << 20)

struct store_prefault {
    unsigned char *from, *to;
    atomic_bool stop;
    pthread_t thread;
};

static void *prefault(void *arg)
{
    struct store_prefault *p = arg;
    /* Only a hint to the scheduler: a failure changes nothing. */
    (void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
    for (unsigned char *at = p->from; at < p->to && !atomic_load(&p->stop); at += STEP) {
        size_t n = (size_t)(p->to - at) < STEP ? (size_t)(p->to - at) : STEP;
        if (madvise(at, n, MADV_POPULATE_READ) != 0)
            break;              /* an older kernel: the writer maps them itself */
    }
    return NULL;
}

struct store_prefault *store_prefault_start(stxn *t, size_t bytes)
{
#ifdef MADV_POPULATE_READ
    unsigned char *addr;
    size_t len, page = (size_t)sysconf(_SC_PAGESIZE);
    size_t used = store_used_bytes(t->s);
    if (!t->s->writemap || !bytes || !used || !store_map_find(t, &addr, &len) || used >= len)
        return NULL;
    struct store_prefault *p = malloc(sizeof *p);
    if (!p)
        return NULL;
    size_t from = used / page * page;
    size_t to = bytes < len - from ? from + bytes : len;
    p->from = addr + from;
    p->to = addr + to;
    atomic_init(&p->stop, false);
    if (pthread_create(&p->thread, NULL, prefault, p) != 0) {
        free(p);
        return NULL;
    }
    return p;
#else
    (void)t, (void)bytes;
    return NULL;
#endif
}

void store_prefault_stop(struct store_prefault *p)
{
    if (!p)
        return;
    atomic_store(&p->stop, true);
    pthread_join(p->thread, NULL);
    free(p);
}
