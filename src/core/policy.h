/* The policy in force: every number and severity the domain uses. Plain
 * data, filled by config/ from policy.yaml; core/ only reads it. */
#ifndef MUTASI_CORE_POLICY_H
#define MUTASI_CORE_POLICY_H
#include <stdbool.h>
#include <stdint.h>

enum severity { SEV_OFF, SEV_WARN, SEV_BLOCK };

/* A retirement age that replaces the table's for one job family or one
 * position (rules_bup in core/rules.h resolves them). */
#define BUP_OVERRIDE_MAX 32
#define BUP_KEY_SIZE 32
struct bup_override {
    char key[BUP_KEY_SIZE];          /* job family, or position code */
    int years;
};
struct bup_overrides {
    int n;
    struct bup_override e[BUP_OVERRIDE_MAX];
};
enum rounding { ROUND_HALF_UP, ROUND_UP };

struct policy {
    /* workload (ABK) */
    int64_t effective_minutes;       /* per person per year, 75000 */
    int rounding;                    /* enum rounding */
    /* EJ grade bands in hundredths: A when EJ > a_above, B when >= b_from,
     * C when >= c_from, D when >= d_from, else E. */
    int ej_a_above, ej_b_from, ej_c_from, ej_d_from;
    /* A unit or position whose staff differs from its need by at most
     * this many people is balanced, neither short nor over. */
    int balanced_within;

    /* retirement ages (BUP), years */
    struct {
        int jpt, administrasi, ahli_pertama, ahli_muda, ahli_madya,
            ahli_utama, keterampilan;
        /* most specific wins: position, then job family (fungsional
         * positions only), then the table above */
        struct bup_overrides by_family, by_position;
    } bup;

    /* rules: severity and numbers */
    struct { int severity; bool allow_pppk; } status;
    struct { int severity; int min_months; int rotation_months; } tenure;
    struct { int severity; int years; } first_placement;
    struct { int severity; int months; } retirement;
    struct {
        int severity;
        int blocked_from;            /* enum discipline: this level and above
                                      * block; a running lower penalty warns */
        int leave_severity;          /* tugas belajar, CLTN, ikatan dinas */
    } discipline;
    struct { int severity; int min_predikat; int years; } performance;
    struct {
        int severity;                /* job family, minimum rank, education */
        int competency_severity;     /* competency gaps */
    } fit;
    struct {
        int severity;
        int origin_margin;           /* origin may fall this many below need */
    } need;
    struct {
        int severity;
        int max_moves_out;           /* per unit per plan */
        int max_moves_in;
    } plan;

    /* optimiser */
    struct {
        int move_cost;               /* per move */
        int district_cost;           /* extra when the district changes */
        int home_bonus;              /* subtracted when moving to home district */
        int competency_cost;         /* per missing competency level */
        int prefer_bonus;            /* subtracted: a place the person prefers */
        int avoid_cost;              /* added: a place the person would avoid */
        int max_moves;               /* per suggest run, 0 = no cap */
    } optimiser;
};

/* The defaults of the regulations (same numbers as config/policy.yaml). */
void policy_defaults(struct policy *p);
#endif
