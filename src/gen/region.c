/* The demo region (gen/gen.h): kabupaten by kabupaten, grouped in
 * provinces when there are several, each built whole (kab.c, units.c),
 * emitted, then freed, so memory does not grow with the region. The
 * people come from person.c, their careers from career.c, their NIPs
 * from nipseq.c. Everything comes from the seeded PRNG in gen/rng.h. */
#include <stdlib.h>
#include <string.h>
#include "core/vocab.h"
#include "gen/career.h"
#include "gen/gen.h"
#include "gen/kab.h"
#include "gen/text.h"

static int emit_kab(struct region *g, struct kab *k)
{
    const struct gen_sink *sink = g->sink;
    int rc;
    for (size_t i = 0; i < k->nunits; i++) {
        if (sink->unit && (rc = sink->unit(sink->ctx, &k->units[i])) != 0)
            return rc;
        g->counts->units++;
    }
    for (size_t i = 0; i < k->nslots; i++) {
        if (sink->position && (rc = sink->position(sink->ctx, &k->slots[i].p)) != 0)
            return rc;
        g->counts->positions++;
    }
    struct staff s;
    struct history h[CAREER_MAX];
    for (size_t i = 0; i < k->nslots; i++) {
        for (uint32_t n = 0; n < k->slots[i].holders; n++) {
            int nh;
            if (person_make(g, k, &k->slots[i], &s, h, &nh) < 0)
                return GEN_EINVAL;
            if (sink->staff && (rc = sink->staff(sink->ctx, &s, h, nh)) != 0)
                return rc;
            g->counts->staff++;
            g->counts->history += (uint64_t)nh;
        }
    }
    return 0;
}

uint32_t gen_kabupaten_count(uint32_t staff)
{
    return staff <= GEN_KAB_MAX_STAFF ? 1 : (staff + GEN_KAB_MAX_STAFF - 1) / GEN_KAB_MAX_STAFF;
}

/* Staff of kabupaten i: the total split by weights 80..120 (from their own
 * stream), largest remainder, so that the sum is exact. Computed on the fly
 * from cumulative weights to need no array. */
static uint32_t kab_staff(const struct gen_params *p, uint32_t nkab, uint32_t i)
{
    if (nkab == 1)
        return p->staff;
    /* cumulative shares: floor(total * W(<=i) / W(all)) - floor(total * W(<i) / W(all)) */
    uint64_t wall = 0, wbefore = 0, wupto = 0;
    for (uint32_t j = 0; j < nkab; j++) {
        struct rng r;
        rng_seed(&r, p->seed, 0x5eedull + j);
        uint64_t w = (uint64_t)rng_range(&r, 80, 120);
        wall += w;
        if (j < i)
            wbefore += w;
        if (j <= i)
            wupto += w;
    }
    return (uint32_t)((uint64_t)p->staff * wupto / wall - (uint64_t)p->staff * wbefore / wall);
}

static int emit_province(struct region *g, uint32_t prov, int style, char *code, size_t n)
{
    struct unit u;
    memset(&u, 0, sizeof u);
    gen_textf(code, n, "PROV%02u", (unsigned)(11 + prov));
    gen_copy(u.code, sizeof u.code, code);
    char place[40];
    place_name(style, (size_t)(prov * 53 + 128) % 256, place, sizeof place);
    /* a heading that groups the regional governments, not an employer:
     * the Pemerintah Provinsi is an instansi of its own, not demoed */
    gen_textf(u.name, sizeof u.name, "Provinsi %s", place);
    u.kind = UKIND_INSTANSI;
    gen_copy(u.district, sizeof u.district, place);
    int rc = g->sink->unit ? g->sink->unit(g->sink->ctx, &u) : 0;
    if (rc == 0)
        g->counts->units++;
    return rc;
}

int gen_region(const struct gen_params *p, const struct gen_sink *sink,
               struct gen_counts *counts)
{
    struct gen_counts local;
    if (!counts)
        counts = &local;
    memset(counts, 0, sizeof *counts);
    if (p->staff < 1 || p->staff > GEN_MAX_STAFF)
        return GEN_EINVAL;
    struct policy defaults;
    policy_defaults(&defaults);
    struct region g = {.p = p, .sink = sink, .counts = counts,
                       .policy = p->policy ? p->policy : &defaults};
    date_to_ymd(p->today, &g.today_y, &g.today_m, &g.today_d);
    g.nkab = gen_kabupaten_count(p->staff);
    g.nprov = g.nkab == 1 ? 0 : (g.nkab + 12) / 13;
    g.kab_per_prov = g.nprov ? (g.nkab + g.nprov - 1) / g.nprov : 1;
    struct rng top;
    rng_seed(&top, p->seed, 0);
    g.style_offset = rng_range(&top, 0, 255);
    int first_style = rng_range(&top, 0, STYLE_COUNT - 1);
    if (nipseq_init(&g.seq, p->staff) < 0)
        return GEN_ENOMEM;
    counts->kabupaten = g.nkab;
    counts->provinces = g.nprov;

    int rc = 0;
    char prov_code[CODE_SIZE] = "";
    for (uint32_t i = 0; i < g.nkab && rc == 0; i++) {
        struct kab k;
        memset(&k, 0, sizeof k);
        rng_seed(&k.rng, p->seed, 1 + i);
        k.index = i;
        k.staff = kab_staff(p, g.nkab, i);
        uint32_t prov = g.nprov ? i / g.kab_per_prov : 0;
        k.style = (int)((uint32_t)first_style + prov) % STYLE_COUNT;
        if (g.nprov && i % g.kab_per_prov == 0)
            rc = emit_province(&g, prov, k.style, prov_code, sizeof prov_code);
        if (g.nkab > 1)
            gen_textf(k.prefix, sizeof k.prefix, "%02u%02u.", (unsigned)(11 + prov),
                     (unsigned)(i % g.kab_per_prov + 1));
        if (rc == 0 && kab_build(&g, &k, prov_code) < 0)
            rc = GEN_ENOMEM;
        if (rc == 0)
            rc = emit_kab(&g, &k);
        kab_free(&k);
    }
    nipseq_free(&g.seq);
    return rc;
}
