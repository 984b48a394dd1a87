/* The demo's career and NIP modules by their contracts (gen/career.h,
 * gen/nipseq.h), with a made-up kabupaten of posts: careers start where
 * the entry rank allows, rise, change post at every line and fall on the
 * first of a month; NIPs spell birth, CPNS start and sex and never repeat
 * in a batch. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "core/vocab.h"
#include "gen/career.h"
#include "gen/nipseq.h"

/* A kabupaten with one post of each (kind, level), none missing unless
 * listed in `lacks`. */
struct fake {
    struct position post[PKIND_FUNGSIONAL + 1][PLEVEL_PENYELIA + 1];
    struct position pelaksana;
    int lacks_kind, lacks_level;   /* 0: lacks nothing */
    int asked;
};

static const struct position *same_job(void *ctx, int kind, int level)
{
    struct fake *f = ctx;
    f->asked++;
    if (kind == f->lacks_kind && level == f->lacks_level)
        return NULL;
    return &f->post[kind][level];
}

static const struct position *pelaksana(void *ctx)
{
    struct fake *f = ctx;
    f->asked++;
    return &f->pelaksana;
}

static void setup_fake(struct fake *f)
{
    memset(f, 0, sizeof *f);
    for (int k = 0; k <= PKIND_FUNGSIONAL; k++)
        for (int l = 0; l <= PLEVEL_PENYELIA; l++) {
            struct position *p = &f->post[k][l];
            snprintf(p->code, sizeof p->code, "K%dL%d", k, l);
            snprintf(p->unit, sizeof p->unit, "U%d", k);
            p->kind = (uint8_t)k;
            p->level = (uint8_t)l;
        }
    snprintf(f->pelaksana.code, sizeof f->pelaksana.code, "PLK");
    snprintf(f->pelaksana.unit, sizeof f->pelaksana.unit, "U0");
    f->pelaksana.kind = PKIND_PELAKSANA;
}

static int plan(struct fake *f, int kind, int level, int entry_rank, int moved,
                const struct position *chain[CAREER_MAX])
{
    struct career_posts posts = {same_job, pelaksana, f};
    return career_plan(&f->post[kind][level], entry_rank, moved, &posts, chain);
}

static void careers_climb_from_the_entry_post(void **state)
{
    (void)state;
    struct fake f;
    const struct position *chain[CAREER_MAX];
    setup_fake(&f);

    /* an Ahli Madya recruited at III/a: pertama, muda, madya */
    int n = plan(&f, PKIND_FUNGSIONAL, PLEVEL_AHLI_MADYA, 9, 0, chain);
    assert_int_equal(n, 3);
    assert_int_equal(chain[0]->level, PLEVEL_AHLI_PERTAMA);
    assert_int_equal(chain[1]->level, PLEVEL_AHLI_MUDA);
    assert_ptr_equal(chain[2], &f.post[PKIND_FUNGSIONAL][PLEVEL_AHLI_MADYA]);

    /* recruited below III/a (a D-III at II/c): a pelaksana post first */
    n = plan(&f, PKIND_FUNGSIONAL, PLEVEL_AHLI_MUDA, career_entry_rank(EDU_D3, 0), 0, chain);
    assert_int_equal(n, 3);
    assert_ptr_equal(chain[0], &f.pelaksana);
    assert_int_equal(chain[1]->level, PLEVEL_AHLI_PERTAMA);

    /* an administrator: pelaksana, pengawas, administrator */
    n = plan(&f, PKIND_ADMINISTRATOR, 0, 11, 0, chain);
    assert_int_equal(n, 3);
    assert_ptr_equal(chain[0], &f.pelaksana);
    assert_int_equal(chain[1]->kind, PKIND_PENGAWAS);
    assert_int_equal(chain[2]->kind, PKIND_ADMINISTRATOR);

    /* a level the kabupaten lacks is skipped, not invented */
    f.lacks_kind = PKIND_FUNGSIONAL, f.lacks_level = PLEVEL_AHLI_MUDA;
    n = plan(&f, PKIND_FUNGSIONAL, PLEVEL_AHLI_MADYA, 9, 0, chain);
    assert_int_equal(n, 2);
    assert_int_equal(chain[0]->level, PLEVEL_AHLI_PERTAMA);

    /* in the entry post, moved since: another post at that level first */
    n = plan(&f, PKIND_PELAKSANA, 0, 5, 1, chain);
    assert_int_equal(n, 2);
    assert_ptr_equal(chain[0], &f.pelaksana);
    n = plan(&f, PKIND_PELAKSANA, 0, 5, 0, chain);
    assert_int_equal(n, 1);
}

static void history_falls_on_firsts_and_rises(void **state)
{
    (void)state;
    struct fake f;
    const struct position *chain[CAREER_MAX];
    struct history h[CAREER_MAX];
    struct staff s;
    setup_fake(&f);
    memset(&s, 0, sizeof s);
    snprintf(s.nip, sizeof s.nip, "198003152005031002");
    s.rank = 12;
    int n = plan(&f, PKIND_FUNGSIONAL, PLEVEL_AHLI_MADYA, 9, 0, chain);
    mdate start = date_from_ymd(2005, 3, 1), post = date_from_ymd(2019, 7, 1);
    n = career_history(&s, chain, n, start, post, 9, 0, h);
    assert_int_equal(n, 3);
    assert_int_equal(h[0].since, start);
    assert_int_equal(h[n - 1].since, post);
    for (int i = 0; i < n; i++) {
        int y, m, d;
        date_to_ymd(h[i].since, &y, &m, &d);
        assert_int_equal(d, 1);
        assert_string_equal(h[i].nip, s.nip);
        assert_string_equal(h[i].position, chain[i]->code);
        if (i > 0) {
            assert_true(h[i].since > h[i - 1].since);
            assert_true(h[i].rank >= h[i - 1].rank);
            assert_string_not_equal(h[i].position, h[i - 1].position);
        }
    }
    assert_int_equal(h[0].rank, 9);
    assert_true(h[n - 1].rank <= s.rank);

    /* two months between start and post: room for two lines only */
    n = plan(&f, PKIND_FUNGSIONAL, PLEVEL_AHLI_MADYA, 9, 0, chain);
    n = career_history(&s, chain, n, start, date_from_ymd(2005, 4, 1), 9, 0, h);
    assert_int_equal(n, 2);
    assert_string_equal(h[1].position, f.post[PKIND_FUNGSIONAL][PLEVEL_AHLI_MADYA].code);
}

static void entry_by_education(void **state)
{
    (void)state;
    assert_int_equal(career_entry_rank(EDU_S1, 0), 9);    /* III/a */
    assert_int_equal(career_entry_rank(EDU_D3, 0), 7);    /* II/c */
    assert_int_equal(career_entry_rank(EDU_SMA, 0), 5);   /* II/a */
    int lo, hi;
    career_rank_band(PKIND_FUNGSIONAL, PLEVEL_AHLI_PERTAMA, &lo, &hi);
    assert_int_equal(lo, career_entry_rank(EDU_S1, 0));
    assert_true(career_min_education(PKIND_FUNGSIONAL, PLEVEL_AHLI_PERTAMA, 0, NULL) >= EDU_D4);
    assert_int_equal(career_first_of_month(date_from_ymd(2024, 2, 29)),
                     date_from_ymd(2024, 2, 1));
}

static void nips_spell_the_person_and_never_repeat(void **state)
{
    (void)state;
    struct nipseq q;
    struct rng r;
    char nip[40][NIP_LEN + 1];
    rng_seed(&r, 7, 1);
    assert_int_equal(nipseq_init(&q, 100), 0);
    mdate birth = date_from_ymd(1986, 9, 26), start = date_from_ymd(2015, 5, 1);
    for (int i = 0; i < 40; i++) {
        assert_int_equal(nipseq_assign(&q, &r, birth, start, SEX_L, nip[i]), 0);
        assert_int_equal(strlen(nip[i]), NIP_LEN);
        assert_memory_equal(nip[i], "198609262015051", 15);
        assert_string_not_equal(nip[i] + 15, "000");
        for (int j = 0; j < i; j++)
            assert_string_not_equal(nip[i], nip[j]);
    }
    char f[NIP_LEN + 1];
    assert_int_equal(nipseq_assign(&q, &r, birth, start, SEX_P, f), 0);
    assert_int_equal(f[14], '2');
    nipseq_free(&q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(careers_climb_from_the_entry_post),
        cmocka_unit_test(history_falls_on_firsts_and_rises),
        cmocka_unit_test(entry_by_education),
        cmocka_unit_test(nips_spell_the_person_and_never_repeat),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
