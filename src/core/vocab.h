/* The closed vocabularies of the domain: enum values, their canonical
 * spelling (as exported) and the lenient spellings import accepts. */
#ifndef MUTASI_CORE_VOCAB_H
#define MUTASI_CORE_VOCAB_H
#include "core/date.h"
#include <stddef.h>
#include <stdint.h>

enum sex { SEX_NONE, SEX_L, SEX_P };
enum status { STATUS_NONE, STATUS_PNS, STATUS_CPNS, STATUS_PPPK };

/* Ranks are ordered numbers: 1..17 = I/a .. IV/e (I/a-I/d 1-4, II/a-II/d
 * 5-8, III/a-III/d 9-12, IV/a-IV/e 13-17). PPPK grades I..XVII are
 * RANK_PPPK_BASE + 1 .. + 17; they do not compare with PNS ranks. 0 = none. */
#define RANK_NONE 0
#define RANK_MAX_PNS 17
#define RANK_PPPK_BASE 100
#define RANK_PPPK_MAX 17

enum education { EDU_NONE, EDU_SD, EDU_SMP, EDU_SMA, EDU_D1, EDU_D2, EDU_D3,
                 EDU_D4, EDU_S1, EDU_S2, EDU_S3 };
enum unit_kind { UKIND_NONE, UKIND_INSTANSI, UKIND_OPD, UKIND_BIDANG,
                 UKIND_SEKSI, UKIND_UPT };
enum pos_kind { PKIND_NONE, PKIND_JPT, PKIND_ADMINISTRATOR, PKIND_PENGAWAS,
                PKIND_PELAKSANA, PKIND_FUNGSIONAL };
enum pos_level { PLEVEL_NONE, PLEVEL_UTAMA, PLEVEL_MADYA, PLEVEL_PRATAMA,
                 PLEVEL_AHLI_PERTAMA, PLEVEL_AHLI_MUDA, PLEVEL_AHLI_MADYA,
                 PLEVEL_AHLI_UTAMA, PLEVEL_PEMULA, PLEVEL_TERAMPIL,
                 PLEVEL_MAHIR, PLEVEL_PENYELIA };
/* SKP predikat, ordered so that a larger number is a better result. */
enum skp { SKP_NONE, SKP_SANGAT_KURANG, SKP_KURANG, SKP_BUTUH_PERBAIKAN,
           SKP_BAIK, SKP_SANGAT_BAIK };
enum discipline { DISC_NONE, DISC_RINGAN, DISC_SEDANG, DISC_BERAT };
enum leave { LEAVE_NONE, LEAVE_TUGAS_BELAJAR, LEAVE_CLTN, LEAVE_IKATAN_DINAS };

/* Each parser takes exactly len bytes (case-insensitive, obvious variants
 * such as "S1", "III-a", "laki-laki") and returns the value, 0 for an empty
 * text, or -1 when the text names nothing. */
int sex_parse(const char *s, size_t len);
int status_parse(const char *s, size_t len);
int rank_parse(const char *s, size_t len);
int education_parse(const char *s, size_t len);
int unit_kind_parse(const char *s, size_t len);
int pos_kind_parse(const char *s, size_t len);
int pos_level_parse(const char *s, size_t len);
int skp_parse(const char *s, size_t len);
int discipline_parse(const char *s, size_t len);
int leave_parse(const char *s, size_t len);

/* Canonical spelling as in DESIGN.md ("" for 0/none). Never NULL. */
const char *sex_name(int v);
const char *status_name(int v);
const char *rank_name(int v);
const char *education_name(int v);
const char *unit_kind_name(int v);
const char *pos_kind_name(int v);
const char *pos_level_name(int v);
const char *skp_name(int v);
const char *discipline_name(int v);
const char *leave_name(int v);

/* Translated, human words for screens and reasons ("Sangat Baik"). */
const char *skp_label(int v);
/* The same for a discipline penalty's level and a leave ("unpaid leave
 * (CLTN)"); "" for none. */
const char *discipline_label(int v);
const char *leave_label(int v);
/* "SB", "B", "BP", "K", "SK": the list's short form of a predikat. */
const char *skp_initials(int v);

/* True when a and b are comparable ranks (both PNS or both PPPK). */
int rank_comparable(int a, int b);
/* A date as people read it in the language in force ("1 Agustus 2026" in
 * Indonesian, "2026-08-01" in English; the catalogue chooses), "" for
 * MDATE_NONE. CSV and other files for programs keep date_format's ISO. */
#define DATE_LABEL_SIZE 40
size_t date_label(mdate t, char out[DATE_LABEL_SIZE]);
/* The same in a table column, always 10 characters ("01-08-2026" in
 * Indonesian, "2026-08-01" in English). */
size_t date_label_short(mdate t, char out[DATE_LABEL_SIZE]);
/* A moment as people read it: the day as date_label writes it
 * (date_label_short with MOMENT_SHORT), then hours and minutes (and
 * seconds with MOMENT_SECONDS): "1 Agustus 2026 09:30", "01-08-2026
 * 09:30", "3 Desember 2026 14:44:08". moment_label writes a broken-down
 * time the caller made (local time is the caller's: reading the time zone
 * is I/O); moment_label_utc breaks down Unix seconds in UTC itself, "-"
 * for a moment the C library cannot break down. */
enum moment_style { MOMENT_SHORT = 1, MOMENT_SECONDS = 2 };
#define MOMENT_LABEL_SIZE 64
struct tm;
void moment_label(const struct tm *tm, unsigned style, char out[MOMENT_LABEL_SIZE]);
void moment_label_utc(int64_t when, unsigned style, char out[MOMENT_LABEL_SIZE]);
#endif
