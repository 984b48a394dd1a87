/* core/grow: arrays that grow by doubling keep their contents. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "core/grow.h"

static void grows_by_doubling_and_keeps_contents(void **state)
{
    (void)state;
    int *a = NULL;
    size_t cap = 0;
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(GROW_ROOM(a, cap, (size_t)i + 1, 16), 0);
        a[i] = i * 7;
        assert_true(cap >= (size_t)i + 1);
    }
    assert_int_equal(cap, 1024);                 /* 16 doubled six times */
    for (int i = 0; i < 1000; i++)
        assert_int_equal(a[i], i * 7);
    free(a);
}

static void room_enough_changes_nothing(void **state)
{
    (void)state;
    long *a = NULL;
    size_t cap = 0;
    assert_int_equal(GROW_ROOM(a, cap, 5, 8), 0);
    long *was = a;
    assert_int_equal(cap, 8);
    assert_int_equal(GROW_ROOM(a, cap, 8, 8), 0);
    assert_ptr_equal(a, was);
    assert_int_equal(cap, 8);
    free(a);
}

static void an_impossible_size_fails_and_keeps_the_array(void **state)
{
    (void)state;
    char *a = NULL;
    size_t cap = 0;
    assert_int_equal(GROW_ROOM(a, cap, 4, 4), 0);
    a[0] = 'x';
    assert_int_equal(GROW_ROOM(a, cap, SIZE_MAX, 4), -1);
    assert_int_equal(cap, 4);
    assert_int_equal(a[0], 'x');
    free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(grows_by_doubling_and_keeps_contents),
        cmocka_unit_test(room_enough_changes_nothing),
        cmocka_unit_test(an_impossible_size_fails_and_keeps_the_array),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
