/* core/hash (FNV-1a against its published test vectors, the hash index)
 * and core/fold (the ASCII case fold and the name order). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/fold.h"
#include "core/hash.h"

/* FNV-1a 64-bit vectors from the FNV authors' test suite. */
static void fnv1a_known_vectors(void **state)
{
    (void)state;
    assert_true(hash_fnv1a("", 0) == 0xcbf29ce484222325ULL);
    assert_true(hash_fnv1a("a", 1) == 0xaf63dc4c8601ec8cULL);
    assert_true(hash_fnv1a("foobar", 6) == 0x85944171f73967e8ULL);
    assert_true(hash_fnv1a_str("foobar") == 0x85944171f73967e8ULL);
    assert_true(hash_fnv1a_str("") == FNV1A64_OFFSET);
    /* the index hash is the mixed FNV of the same bytes */
    assert_true(hash_str("1102.DISDIK") == hash_mix(hash_fnv1a("1102.DISDIK", 11)));
    assert_true(hash_bytes("abcdef", 3) == hash_str("abc"));
}

/* Codes that differ only in their last characters spread over the low
 * bits once mixed (the bucket a table masks with). */
static void mix_spreads_low_bits(void **state)
{
    (void)state;
    enum { N = 4096, BUCKETS = 1024 };
    static unsigned used[BUCKETS];
    memset(used, 0, sizeof used);
    char code[32];
    for (int i = 0; i < N; i++) {
        snprintf(code, sizeof code, "1102.DISDIK.SMP%03d-%02d", i / 100, i % 100);
        used[hash_str(code) & (BUCKETS - 1)]++;
    }
    unsigned max = 0;
    for (int b = 0; b < BUCKETS; b++)
        max = used[b] > max ? used[b] : max;
    assert_true(max <= 16);     /* 4 on average */
}

static char (*make_keys(size_t n))[24]
{
    char(*keys)[24] = malloc(n * sizeof *keys);
    assert_non_null(keys);
    for (size_t i = 0; i < n; i++)
        snprintf(keys[i], sizeof keys[i], "key-%zu", i * 7919);
    return keys;
}

static uint32_t find(const struct hindex *x, char (*keys)[24], const char *key)
{
    struct hprobe p;
    for (uint32_t id = hindex_first(x, hash_str(key), &p); id != HINDEX_NONE;
         id = hindex_next(x, &p))
        if (strcmp(keys[id], key) == 0)
            return id;
    return HINDEX_NONE;
}

static void index_finds_every_key_across_growth(void **state)
{
    (void)state;
    enum { N = 100000 };
    char(*keys)[24] = make_keys(N);
    struct hindex x = {0};
    assert_int_equal(find(&x, keys, "key-0"), HINDEX_NONE);    /* empty: no slots */
    for (uint32_t i = 0; i < N; i++) {
        assert_int_equal(find(&x, keys, keys[i]), HINDEX_NONE);
        assert_int_equal(hindex_add(&x, hash_str(keys[i]), i), 0);
        assert_true(2 * x.n <= x.mask + 1);                     /* at most half full */
    }
    for (uint32_t i = 0; i < N; i++)
        assert_int_equal(find(&x, keys, keys[i]), i);
    assert_int_equal(find(&x, keys, "key-1"), HINDEX_NONE);
    assert_int_equal(x.n, N);
    hindex_free(&x);
    assert_null(x.slot);
    free(keys);
}

/* Ids under one hash all come back, each once, even after growing. */
static void index_walks_equal_hashes(void **state)
{
    (void)state;
    struct hindex x = {0};
    assert_int_equal(hindex_reserve(&x, 4), 0);
    size_t before = hindex_bytes(&x);
    for (uint32_t i = 0; i < 40; i++)
        assert_int_equal(hindex_add(&x, 0x1234567800000000ULL, i), 0);
    assert_true(hindex_bytes(&x) > before);
    unsigned seen = 0;
    struct hprobe p;
    for (uint32_t id = hindex_first(&x, 0x1234567899999999ULL, &p); id != HINDEX_NONE;
         id = hindex_next(&x, &p)) {
        assert_true(id < 40);
        assert_false(seen & (1u << (id % 32)) && id < 32);
        if (id < 32)
            seen |= 1u << id;
    }
    assert_int_equal(seen, 0xffffffffu);
    /* another high half finds none of them */
    assert_int_equal(hindex_first(&x, 0x1234567900000000ULL, &p), HINDEX_NONE);
    hindex_free(&x);
}

static void fold_ascii_only(void **state)
{
    (void)state;
    char s[] = "Dr. SITI Aminah, S.Kep. \xC3\x89";   /* É stays as it is */
    assert_string_equal(fold_str(s), "dr. siti aminah, s.kep. \xC3\x89");
    assert_int_equal(fold_char('Z'), 'z');
    assert_int_equal(fold_char('['), '[');
    assert_int_equal(fold_char(0xC3), 0xC3);
    assert_true(fold_contains("Siti AMINAH", "amin", 4));
    assert_false(fold_contains("Siti AMINAH", "AMIN", 4));   /* needle must be folded */
    assert_true(fold_contains("x", "", 0));
    assert_false(fold_contains("ami", "amin", 4));
    assert_true(fold_contains_any("Siti AMINAH", "aMiN"));
    assert_false(fold_contains_any("Siti", "tix"));
}

static void fold_cmp_is_the_name_order(void **state)
{
    (void)state;
    assert_int_equal(fold_cmp("ANI", "ani", 64), 0);
    assert_true(fold_cmp("ani", "ani budi", 64) < 0);        /* shorter first */
    assert_true(fold_cmp("Budi", "ani", 64) > 0);
    assert_true(fold_cmp("abc", "abd", 2) == 0);             /* only max bytes */
    assert_true(fold_cmp("Z", "a", 64) > 0);                 /* folded, not raw */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fnv1a_known_vectors),
        cmocka_unit_test(mix_spreads_low_bits),
        cmocka_unit_test(index_finds_every_key_across_growth),
        cmocka_unit_test(index_walks_equal_hashes),
        cmocka_unit_test(fold_ascii_only),
        cmocka_unit_test(fold_cmp_is_the_name_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
