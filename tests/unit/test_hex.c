/* core/hex: every byte value, and the NUL after the digits. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "core/hex.h"

static void every_byte_as_printf_writes_it(void **state)
{
    (void)state;
    unsigned char all[256];
    char got[2 * 256 + 1], want[3];
    for (int i = 0; i < 256; i++)
        all[i] = (unsigned char)i;
    hex_encode(all, sizeof all, got);
    assert_int_equal(strlen(got), 512);
    for (int i = 0; i < 256; i++) {
        snprintf(want, sizeof want, "%02x", i);
        assert_memory_equal(got + 2 * i, want, 2);
    }
}

static void nothing_is_an_empty_string(void **state)
{
    (void)state;
    char out[4] = "zzz";
    hex_encode("", 0, out);
    assert_string_equal(out, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_byte_as_printf_writes_it),
        cmocka_unit_test(nothing_is_an_empty_string),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
