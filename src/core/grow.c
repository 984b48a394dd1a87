/* Arrays that grow by doubling (grow.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"

int grow_room(void *arrp, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : (first ? first : 1);
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return -1;
        c *= 2;
    }
    if (size && c > SIZE_MAX / size)
        return -1;
    void *old;
    memcpy(&old, arrp, sizeof old);      /* arrp points at some T * */
    void *grown = realloc(old, c * size);
    if (!grown)
        return -1;
    memcpy(arrp, &grown, sizeof grown);
    *cap = c;
    return 0;
}
