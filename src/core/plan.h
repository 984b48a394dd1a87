/* Transfer plans and their moves (DESIGN "Approval", "Rules a move must
 * pass"): plain records, their vocabulary and validation. The store keeps
 * them (store/plans.h); ops/plan.h is the one place that changes them.
 *
 * A plan has an id (given by the store), a name, a period, a state named
 * as in workflow.yaml ("DRAFT" when new: a region's own states fit in
 * PLAN_STATE_SIZE), its author, when it was created and last changed and
 * by whom, and a version that every change raises by one: saving over a
 * newer version is refused, and the stored plan tells who changed it and
 * when. A move is one person's transfer in a plan: the origin as it was
 * when the move was added, the target, why, and the rules' verdicts then,
 * kept compactly (rule and result each, and the reasons of the warnings
 * or blocks in words).
 *
 * The approval route adds the decree (struct plan_sk, on the plan once the
 * SK step is taken), the timeline (struct wf_event, every step taken:
 * kept in the plan's record, read with store_get_plan_timeline) and
 * struck moves (kept with who, when and why, never deleted). Records
 * carry a version byte (store/codec.h): version 1 records still decode. */
#ifndef MUTASI_CORE_PLAN_H
#define MUTASI_CORE_PLAN_H
#include <stddef.h>
#include <stdint.h>
#include "core/date.h"
#include "core/record.h"

#define PLAN_NAME_SIZE 128
#define PLAN_PERIOD_SIZE 32
#define PLAN_STATE_SIZE 24       /* = WF_NAME_SIZE of config/ */
#define PLAN_USER_SIZE 32        /* a Unix user name */
#define MOVE_NOTE_SIZE 200
#define MOVE_WHY_SIZE 256        /* the verdicts' reasons kept on a move */
#define MOVE_VERDICT_MAX 32      /* room above today's rule count */

#define PLAN_STATE_DRAFT "DRAFT"

#define SK_NUMBER_SIZE 64        /* "800/123/BKPSDM/2026" */
#define SK_TEXT_SIZE 128         /* the signing official's name, title */
#define PLAN_TIMELINE_MAX 64     /* steps a plan's record can hold */

/* The decree (SK) as issued: the signing official is copied at that
 * moment, so a later change of official never rewrites it. number[0] ==
 * '\0' until the SK step is taken. */
struct plan_sk {
    char number[SK_NUMBER_SIZE];
    mdate date, tmt;             /* MDATE_NONE before */
    char signer_name[SK_TEXT_SIZE];
    char signer_nip[NIP_LEN + 1];
    char signer_title[SK_TEXT_SIZE];
    char issued_by[PLAN_USER_SIZE];
    int64_t issued_at;           /* Unix seconds */
};

struct plan {
    uint32_t id;                 /* 1, 2, ...; 0 = not yet stored */
    char name[PLAN_NAME_SIZE];
    char period[PLAN_PERIOD_SIZE];   /* free text, e.g. "2026" or "2026-S2" */
    char state[PLAN_STATE_SIZE];
    char author[PLAN_USER_SIZE];
    int64_t created_at;          /* Unix seconds */
    int64_t changed_at;
    char changed_by[PLAN_USER_SIZE];
    uint32_t version;            /* 1 when created, +1 on every change */
    struct plan_sk sk;
    int64_t applied_at;          /* when the moves entered the records, 0 before */
};

/* Why a person moves. */
enum move_reason { REASON_WORKLOAD, REASON_COMPETENCY, REASON_ROTATION,
                   REASON_OWN_REQUEST, REASON_PROMOTION, REASON_COUNT };

/* One rule's verdict, compactly: enum rule_id and enum verdict_result of
 * core/rules.h. */
struct move_verdict {
    uint8_t rule, result;
};

struct move {
    uint32_t plan_id;
    char nip[NIP_LEN + 1];
    char from_position[CODE_SIZE];   /* "" when the person held none */
    char from_unit[CODE_SIZE];
    char to_position[CODE_SIZE];
    char to_unit[CODE_SIZE];
    uint8_t reason;              /* enum move_reason */
    char note[MOVE_NOTE_SIZE];
    char added_by[PLAN_USER_SIZE];
    int64_t added_at;            /* Unix seconds */
    uint8_t summary;             /* enum move_summary of core/rules.h */
    uint8_t nverdicts;
    struct move_verdict verdicts[MOVE_VERDICT_MAX];
    char why[MOVE_WHY_SIZE];     /* reasons of the warnings/blocks, "; "-joined */
    /* Struck during review: kept, with who, when and why; a struck move
     * is not applied. struck_by[0] == '\0' when not struck. */
    char struck_by[PLAN_USER_SIZE];
    int64_t struck_at;
    char struck_why[MOVE_NOTE_SIZE];
    /* A staff objection (sanggah) to the move, recorded by whoever took
     * it in, and the reviewer's answer; objected_by[0] == '\0' when none,
     * answered_by[0] == '\0' while unanswered. A plan is not approved
     * while an objection is unanswered. */
    char objected_by[PLAN_USER_SIZE];
    int64_t objected_at;
    char objection[MOVE_NOTE_SIZE];
    char answered_by[PLAN_USER_SIZE];
    int64_t answered_at;
    char answer[MOVE_NOTE_SIZE];
};

/* Whether a move was struck from its plan. */
#define MOVE_STRUCK(m) ((m)->struck_by[0] != '\0')
/* Whether a move carries an objection not yet answered. */
#define MOVE_OBJECTION_OPEN(m) ((m)->objected_by[0] != '\0' && (m)->answered_by[0] == '\0')

/* "workload", "competency", "rotation", "own-request", "promotion"
 * (stable, untranslated: the CLI and CSV spelling); NULL when unknown. */
const char *move_reason_name(int reason);
/* Translated label ("own request"). */
const char *move_reason_label(int reason);
/* The reason named by s (exact spelling, also with '_' for '-', any case);
 * -1 when none. */
int move_reason_parse(const char *s);

/* Each returns the number of problems added to v (0 = valid), with
 * translated messages. A plan's name must be 1..127 bytes of printable
 * text (no control characters); period and state fit their fields; the
 * state is a name of capitals, digits and '_' (as in workflow.yaml). */
int plan_validate(const struct plan *p, struct verrs *v);
/* A move: NIP of 18 digits, a target position, a known reason, the note
 * without control characters. */
int move_validate(const struct move *m, struct verrs *v);
/* Text of at most size-1 bytes, without control characters: 0, else -1. */
int plan_text_ok(const char *s, size_t size);
/* An SK number: 1..63 bytes of letters, digits, spaces and . / - _ ( ) :
 * (e.g. "800/123/BKPSDM/2026", "821.2/045/2026"): 0, else -1. */
int sk_number_ok(const char *s);
#endif
