/* Following up a plan that took effect (DESIGN "Follow-up", `mutasi
 * followup`, `mutasi export training`): every moved person with the
 * training the new position asks of them (core/rules.h competency_gaps:
 * the competencies it requires above the level held) and their SKP
 * before and after the TMT; the units' EJ before and after; and the gaps
 * grouped by competency for planning courses.
 *
 * Usage:
 *     struct ops_followup f;
 *     if (ops_followup(&o, id, &f, &e) != OPS_OK) show e.msg;
 *     f.rows[i]: nip, name, positions, tmt, gaps, skp before/after, fell
 *     f.units[i]: a unit the moves touched, EJ before and after the plan
 *     ops_followup_free(&f);
 *     struct ops_training t;  ops_training(&o, id, "csv", &t, &e); ... ops_training_free(&t);
 *
 * SKP years: "before" is the last year that ended before the TMT (year <
 * the TMT's year), "after" the first year that began on or after it (the
 * TMT's year when the TMT is 1 January, else the next); SKP_NONE until
 * the record has one. Reads only, except ops_training, which audits the
 * export (personal data leaves). */
#ifndef MUTASI_OPS_FOLLOWUP_H
#define MUTASI_OPS_FOLLOWUP_H
#include <stdbool.h>
#include <stddef.h>
#include "core/plan.h"
#include "core/rules.h"
#include "core/workload.h"
#include "ops/ops.h"

struct ops_followup_row {
    char nip[NIP_LEN + 1];
    char name[NAME_SIZE];        /* "" when no longer on record */
    char from_position[CODE_SIZE], to_position[CODE_SIZE];
    char to_unit[CODE_SIZE];
    mdate tmt;
    struct comp_gap gaps[COMP_MAX];
    size_t ngaps;
    int skp_before, skp_after;   /* enum skp; SKP_NONE when none */
    int year_before, year_after; /* the years they are of, 0 when none */
    bool fell;                   /* both known and after < before: a mentoring note */
};
struct ops_followup_unit {
    char code[CODE_SIZE];
    int depth;
    struct wl_row before, after; /* the unit's figures before the plan and now */
};
struct ops_followup {
    struct plan plan;
    struct ops_followup_row *rows;   /* the moves applied (not struck), NIP order */
    size_t n;
    struct ops_followup_unit *units; /* units the moves touch, tree order */
    size_t nunits;
};
/* Refused: no such plan, or it has not taken effect (its moves are not in
 * the records yet). */
int ops_followup(struct ops *o, uint32_t plan, struct ops_followup *out, struct ops_err *e);
void ops_followup_free(struct ops_followup *f);
/* "code:level|code:level" of a row's gaps. */
void ops_followup_training(const struct ops_followup_row *r, char *out, size_t size);

/* The gaps of a plan grouped by competency and the level asked. */
struct ops_training_group {
    char code[COMP_CODE_SIZE];
    int level;
    size_t people;
    char (*nips)[NIP_LEN + 1];   /* who, NIP order */
};
struct ops_training {
    struct ops_training_group *g;    /* by code, then level */
    size_t n;
};
/* Audits the export ("export training", object "plan ID", after "N
 * groups, FORMAT"): needs a session that may write. */
int ops_training(struct ops *o, uint32_t plan, const char *format, struct ops_training *out,
                 struct ops_err *e);
void ops_training_free(struct ops_training *t);
#endif
