/* The shape of a kabupaten: its OPD, their bidang and seksi, and the jobs
 * (fungsional and pelaksana) that fill them. Internal to gen/. */
#ifndef MUTASI_GEN_TABLES_H
#define MUTASI_GEN_TABLES_H
#include <stddef.h>
#include <stdint.h>

enum family { FAM_ADMIN, FAM_KEU, FAM_DIDIK, FAM_KES, FAM_TEKNIK, FAM_RENCANA,
              FAM_AWAS, FAM_SDM, FAM_HUKUM, FAM_SOSIAL, FAM_TANI, FAM_LH,
              FAM_TI, FAM_TIBUM, FAM_DUK, FAM_PEM, FAM_EKON, FAM_COUNT };
extern const char *const family_names[FAM_COUNT];

struct job {
    const char *name;       /* "Perawat"; the level is appended for fungsional */
    uint8_t kind;           /* PKIND_FUNGSIONAL or PKIND_PELAKSANA */
    uint8_t family;         /* enum family; FAM_COUNT = the unit's family */
    uint8_t track;          /* enum track */
    uint8_t female;         /* per cent of holders who are women */
    uint8_t pppk;           /* per cent of holders who are PPPK */
    uint8_t min_edu;        /* pelaksana; fungsional take theirs from the level */
    uint8_t min_rank;       /* pelaksana; fungsional take theirs from the level */
    const char *comp;       /* competency the position asks for, or NULL */
    const char *major;      /* subject teachers: the major they studied */
};
extern const struct job jobs[];
extern const size_t njobs;
/* Index of the job named name, or -1. */
int job_find(const char *name, size_t len);

enum opd_special { OPD_PLAIN, OPD_SETDA, OPD_DIDIK, OPD_KES, OPD_RSUD };

struct opd_tpl {
    const char *code;       /* "DINKES" */
    const char *name;       /* "Dinas Kesehatan" */
    const char *head;       /* "Kepala Dinas Kesehatan" */
    uint8_t head_kind;      /* PKIND_JPT or PKIND_ADMINISTRATOR */
    uint8_t family;
    uint8_t track;          /* schooling of its officials */
    uint8_t special;
    /* "Bidang A:Seksi a1;Seksi a2|Bidang B:Seksi b1" — the first 2 to 4
     * are used (a Sekretariat comes first unless special == OPD_SETDA). */
    const char *units;
    /* Fungsional positions in each bidang: "Auditor:p1-3,m1-2|Perencana:p0-1"
     * with level letters p m d u (ahli pertama, muda, madya, utama),
     * e t h y (pemula, terampil, mahir, penyelia), x (pelaksana). */
    const char *jobs;
};
extern const struct opd_tpl opds[];
extern const size_t nopds;

/* Positions of the other kinds of unit, in the same notation. */
extern const char *const sekretariat_units;  /* "Sekretariat:Subbagian..." */
extern const char *const sekretariat_jobs;
extern const char *const seksi_jobs;         /* pelaksana of a seksi */
extern const char *const bidang_pelaksana;
extern const char *const kecamatan_seksi[];
extern const size_t nkecamatan_seksi;
extern const char *const kecamatan_jobs;
extern const char *const sd_jobs, *const smp_jobs, *const puskesmas_jobs;
#endif
