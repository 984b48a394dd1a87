/* The records of the domain and their validation. Plain structs with
 * fixed-size, NUL-terminated UTF-8 strings; the store encodes them compactly. */
#ifndef MUTASI_CORE_RECORD_H
#define MUTASI_CORE_RECORD_H
#include <stdbool.h>
#include <stdint.h>
#include "core/date.h"
#include "core/nip.h"
#include "core/vocab.h"

#define CODE_SIZE 32      /* unit and position codes */
#define NAME_SIZE 128     /* person, unit and position names */
#define FAMILY_SIZE 32    /* job family, e.g. "kesehatan" */
#define DISTRICT_SIZE 48  /* kecamatan / kabupaten name */
#define MAJOR_SIZE 64
#define COMP_CODE_SIZE 24
#define COMP_MAX 8
#define SKP_MAX 8

struct competency {
    char code[COMP_CODE_SIZE];
    uint8_t level;              /* 1..5 */
};

struct unit {
    char code[CODE_SIZE];
    char name[NAME_SIZE];
    char parent[CODE_SIZE];     /* "" for the root (instansi) */
    uint8_t kind;               /* enum unit_kind */
    char district[DISTRICT_SIZE];
};

#define NEED_FROM_ABK (-1)

struct position {
    char code[CODE_SIZE];
    char unit[CODE_SIZE];
    char name[NAME_SIZE];
    uint8_t kind;               /* enum pos_kind */
    uint8_t level;              /* enum pos_level */
    char job_family[FAMILY_SIZE];
    uint8_t min_rank;           /* rank number, 0 = none */
    uint8_t min_education;      /* enum education, 0 = none */
    int64_t workload_minutes;   /* annual ABK workload */
    int32_t need;               /* NEED_FROM_ABK, or an override >= 0 */
    uint8_t ncomp;
    struct competency comp[COMP_MAX];
};

struct skp_entry {
    uint16_t year;
    uint8_t predikat;           /* enum skp */
};

struct staff {
    char nip[NIP_LEN + 1];
    char name[NAME_SIZE];
    uint8_t sex;                /* enum sex */
    mdate birth_date;
    uint8_t status;             /* enum status */
    uint8_t rank;
    char position[CODE_SIZE];
    char unit[CODE_SIZE];
    mdate post_since;           /* in the current post since (on CLTN or study
                                 * leave: since the leave began) */
    mdate pns_since;            /* PNS appointment (MDATE_NONE for CPNS/PPPK) */
    uint8_t education;          /* enum education */
    char major[MAJOR_SIZE];
    char job_family[FAMILY_SIZE];
    uint8_t nskp;               /* entries sorted by year ascending */
    struct skp_entry skp[SKP_MAX];
    uint8_t discipline;         /* enum discipline */
    mdate discipline_until;     /* MDATE_NONE when none */
    uint8_t leave;              /* enum leave */
    char home_district[DISTRICT_SIZE];
    uint8_t ncomp;
    struct competency comp[COMP_MAX];
};

/* One line of a person's position history. */
struct history {
    char nip[NIP_LEN + 1];
    mdate since;
    char position[CODE_SIZE];
    char unit[CODE_SIZE];
    uint8_t rank;
    uint32_t plan_id;           /* 0 when it came from an import */
};

/* One entry of the audit chain, as the store decodes it (store.h appends
 * and walks them; io/export_audit writes them out). */
#define AUDIT_DIGEST_MAX 12      /* digested databases an entry can name */
#define AUDIT_DB_NAME 24
struct audit_digest {
    char db[AUDIT_DB_NAME];      /* "staff" */
    unsigned char sum[32];       /* that database's multiset sum (store_data_digest) */
};
struct audit_entry {
    uint64_t seq;
    int64_t time;                /* Unix seconds */
    char user[32];
    char action[48];
    char object[64];
    char before[256];
    char after[256];
    unsigned char prev_hash[32];
    unsigned char hash[32];
    /* The data after the change: one multiset sum per record database,
     * covered by hash. ndigest 0: an entry written before schema 2. */
    int ndigest;
    struct audit_digest digest[AUDIT_DIGEST_MAX];
    /* Only from store_each_audit_past_damage: the entry does not decode,
     * only seq is known. */
    bool damaged;
};

/* Validation problems name the field (CSV column name) and the reason. */
#define VERR_MAX 16
struct verr {
    char field[24];
    char msg[200];
};
struct verrs {
    int n;                      /* may exceed VERR_MAX; only VERR_MAX kept */
    struct verr e[VERR_MAX];
};
void verrs_add(struct verrs *v, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Each returns the number of problems added to v (0 = valid). They check
 * the record on its own; references to other records are the caller's. */
int unit_validate(const struct unit *u, struct verrs *v);
int position_validate(const struct position *p, struct verrs *v);
/* today: dates in the future (birth, post_since...) are errors. Checks the
 * NIP against birth date and sex. */
int staff_validate(const struct staff *s, mdate today, struct verrs *v);

/* True for the leaves that vacate the post (CLTN, full study leave): the
 * person holds no position while they last, so no position counts them
 * (PP 11/2017 relieves them of the post). A service bond does not. */
bool staff_leave_vacates_post(int leave);

/* Latest SKP predikat for a year, or SKP_NONE. */
int staff_skp_for_year(const struct staff *s, int year);
/* Competency level held, 0 when none. */
int staff_competency(const struct staff *s, const char *code);
#endif
