/* The default policy: the numbers of the regulations as publicly
 * summarised (DESIGN.md), the same as config/policy.yaml ships. Regions
 * change them there, never here. */
#include <string.h>
#include "core/policy.h"
#include "core/vocab.h"

static void workload_defaults(struct policy *p)
{
    /* PermenPANRB 1/2020 (Anjab/ABK): 1,250 effective working hours a year. */
    p->effective_minutes = 1250 * 60;
    /* ABK practice: 0.5 staff and more rounds up to a whole person. */
    p->rounding = ROUND_HALF_UP;
    /* EJ (efisiensi jabatan) grades of the ABK guideline, in hundredths:
     * A > 1.00, B 0.90-1.00, C 0.70-0.89, D 0.50-0.69, E < 0.50. */
    p->ej_a_above = 100;
    p->ej_b_from = 90;
    p->ej_c_from = 70;
    p->ej_d_from = 50;
    /* Only an exact match is balanced unless the region allows a margin. */
    p->balanced_within = 0;
}

static void bup_defaults(struct policy *p)
{
    /* BUP, PP 11/2017 art. 239 as amended by PP 17/2020: 58 for
     * administrasi and fungsional ahli pertama, ahli muda and
     * keterampilan; 60 for JPT and ahli madya; 65 for ahli utama. */
    p->bup.jpt = 60;
    p->bup.administrasi = 58;
    p->bup.ahli_pertama = 58;
    p->bup.ahli_muda = 58;
    p->bup.ahli_madya = 60;
    p->bup.ahli_utama = 65;
    p->bup.keterampilan = 58;
    /* Teachers retire at 60 whatever their level: UU 14/2005 (Guru dan
     * Dosen) Pasal 30(4). */
    memset(&p->bup.by_family, 0, sizeof p->bup.by_family);
    memset(&p->bup.by_position, 0, sizeof p->bup.by_position);
    strcpy(p->bup.by_family.e[0].key, "pendidikan");
    p->bup.by_family.e[0].years = 60;
    p->bup.by_family.n = 1;
}

static void rule_defaults(struct policy *p)
{
    /* Rule 1: mutasi is for PNS (Peraturan BKN 5/2019); CPNS first serve
     * their probation, PPPK are bound to the post of their contract. */
    p->status.severity = SEV_BLOCK;
    p->status.allow_pppk = false;
    /* Rule 2: at least 2 years in post (Peraturan BKN 5/2019); more than
     * 5 years makes a rotation candidate (common regional practice). */
    p->tenure.severity = SEV_BLOCK;
    p->tenure.min_months = 24;
    p->tenure.rotation_months = 60;
    /* Rule 3: no own-request move within 5 years of PNS appointment
     * (Peraturan BKN 5/2019; intakes from 2019 on signed for 10 years,
     * regions may set 10). */
    p->first_placement.severity = SEV_BLOCK;
    p->first_placement.years = 5;
    /* Rule 4: no move in the last year before BUP (regional practice:
     * the pension is prepared by the unit the person is in). */
    p->retirement.severity = SEV_BLOCK;
    p->retirement.months = 12;
    /* Rule 5: PP 94/2021. Penalties sedang and berat block a move while
     * they run; a ringan penalty (a reprimand) is below blocked_from and
     * is reported as a warning only. Tugas belajar, CLTN and a service
     * bond (ikatan dinas) block. */
    p->discipline.severity = SEV_BLOCK;
    p->discipline.blocked_from = DISC_SEDANG;
    p->discipline.leave_severity = SEV_BLOCK;
    /* Rule 6: SKP at least Baik in each of the last 2 years (PermenPANRB
     * 6/2022 predikat; Peraturan BKN 5/2019 asks for good performance). */
    p->performance.severity = SEV_BLOCK;
    p->performance.min_predikat = SKP_BAIK;
    p->performance.years = 2;
    /* Rule 7: job family, minimum rank and education are requirements of
     * the post (Anjab); competency gaps are for training, so they warn. */
    p->fit.severity = SEV_BLOCK;
    p->fit.competency_severity = SEV_WARN;
    /* Rule 8: the target must be short by ABK and the origin must not fall
     * below its own need (margin 0 staff). */
    p->need.severity = SEV_BLOCK;
    p->need.origin_margin = 0;
    /* Rule 9: at most 10 moves out of and 10 into one unit per plan, so
     * that no office is emptied or flooded at once (our choice). */
    p->plan.severity = SEV_BLOCK;
    p->plan.max_moves_out = 10;
    p->plan.max_moves_in = 10;
}

static void optimiser_defaults(struct policy *p)
{
    /* Our choices, in abstract cost units: a move costs 10, changing
     * district 5 more, a move to one's home district 3 less (so a move
     * never costs less than 7), each missing competency level 2. No cap
     * on the moves of one suggest run. */
    p->optimiser.move_cost = 10;
    p->optimiser.district_cost = 5;
    p->optimiser.home_bonus = 3;
    p->optimiser.prefer_bonus = 4;
    p->optimiser.avoid_cost = 15;
    p->optimiser.competency_cost = 2;
    p->optimiser.max_moves = 0;
}

void policy_defaults(struct policy *p)
{
    memset(p, 0, sizeof *p);
    workload_defaults(p);
    bup_defaults(p);
    rule_defaults(p);
    optimiser_defaults(p);
}
