/* Import of units, positions and staff from CSV files (DESIGN.md, "CSV
 * files"). io/ does not touch the database: references to records already
 * stored are answered by callbacks the caller supplies, and the records
 * are handed to the caller, who writes them in one transaction.
 *
 * An import runs in two passes over the mapped file, so that a million
 * rows need no million records in memory:
 *   1. import_check: parse and check every row (fields, record
 *      validation, duplicate keys in the file, references); problems are
 *      collected with file, line and column;
 *   2. import_each (only when pass 1 found no error): parse again and hand
 *      each record to a callback; may be repeated (a write transaction that
 *      is retried after the map grew).
 * A file of staff in ascending NIP order (mutasi's own export) needs only
 * one: import_check_each is pass 1 handing each record over as it goes,
 * for a caller that writes them in a transaction it abandons when the
 * pass finds an error (or the order breaks: then pass 2 as above).
 * Pass 1 of a staff file parses and converts its rows on a second thread
 * (io/import_pipe.c), a few hundred rows ahead of the caller's: the
 * callbacks (import_refs, fn) are called on the caller's thread only,
 * in file order, and the problems are those one thread would find.
 *
 * Conventions chosen where the design is silent:
 * - unquoted fields are trimmed; quoted fields are kept exactly;
 * - text columns (names, districts, major, job family) undo the export's
 *   formula neutralisation: a leading ' followed by more ' and then one of
 *   = + - @ is removed (csv_unneutralise), so export -> import -> export is
 *   byte-identical;
 * - required columns: units code, name, kind (parent and district may be
 *   absent); positions code, unit, name, kind, job_family,
 *   workload_minutes; staff nip, name, sex, birth_date, status, rank,
 *   position, unit, post_since, education, job_family. Every other column
 *   of the design is optional (empty when absent);
 * - skp_<year> columns, any number, year 1900-2199; at most SKP_MAX filled
 *   per person; competencies "code:level|code:level", level 1-5. */
#ifndef MUTASI_IO_IMPORT_H
#define MUTASI_IO_IMPORT_H
#include <stdbool.h>
#include <stddef.h>
#include "core/record.h"
#include "io/csv.h"

/* Preferences (the staff's wishes, core/preference.h) are imported only:
 * `nip, prefer, avoid, note`, places joined by |, each a unit code or a
 * district named by some unit (import_refs.place_exists). */
enum import_kind { IMPORT_UNITS, IMPORT_POSITIONS, IMPORT_STAFF, IMPORT_PREFERENCES };
/* "units", "positions", "staff", "preferences"; -1 for anything else. */
int import_kind_parse(const char *s);
const char *import_kind_name(enum import_kind k);

/* The known columns of all three files. */
enum import_col {
    COL_CODE, COL_NAME, COL_PARENT, COL_KIND, COL_DISTRICT, COL_UNIT,
    COL_LEVEL, COL_JOB_FAMILY, COL_MIN_RANK, COL_MIN_EDUCATION,
    COL_WORKLOAD, COL_NEED, COL_COMPETENCIES, COL_NIP, COL_SEX,
    COL_BIRTH_DATE, COL_STATUS, COL_RANK, COL_POSITION, COL_POST_SINCE,
    COL_PNS_SINCE, COL_EDUCATION, COL_MAJOR, COL_DISCIPLINE,
    COL_DISCIPLINE_UNTIL, COL_LEAVE, COL_HOME_DISTRICT, COL_PREFER, COL_AVOID,
    COL_NOTE, COL_COUNT
};
const char *import_col_name(enum import_col c);

/* One problem: an error (the file is refused) or a warning. */
struct import_problem {
    unsigned line, col;         /* 1-based; col = field number */
    bool warning;
    char column[32];            /* column name, "" when none applies */
    char msg[512];
};

struct import_problems {
    size_t n;                   /* stored, at most cap */
    size_t cap;
    size_t errors, warnings;    /* all found, also those not stored */
    struct import_problem *p;
};
#define IMPORT_PROBLEMS_KEPT 10000
void import_problems_free(struct import_problems *ps);
void import_problem_add(struct import_problems *ps, bool warning, unsigned line,
                        unsigned col, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Sorts by line, then column. */
void import_problems_sort(struct import_problems *ps);

#define IMPORT_SKP_COLS 64
struct import_header {
    enum import_kind kind;
    int col[COL_COUNT];         /* 0-based field index, -1 when absent */
    unsigned ncols;             /* fields in the header row */
    unsigned nskp;              /* skp_<year> columns, by year ascending */
    struct { unsigned short year; int idx; } skp[IMPORT_SKP_COLS];
};

/* Reads the header row: known columns (case-insensitive), skp_<year>,
 * warnings for unknown columns, errors for duplicate or missing ones.
 * Returns the number of errors added. */
int import_header_parse(struct import_header *h, enum import_kind kind,
                        const struct csv_row *row, struct import_problems *ps);

/* Row -> record, pure: every field parsed and the record validated
 * (unit_validate, position_validate, staff_validate). References to other
 * records and duplicates are not checked here. Returns the number of
 * errors added to ps (0 = *out is good). */
int import_unit_row(const struct import_header *h, const struct csv_row *row,
                    struct unit *out, struct import_problems *ps);
int import_position_row(const struct import_header *h, const struct csv_row *row,
                        struct position *out, struct import_problems *ps);
int import_staff_row(const struct import_header *h, const struct csv_row *row,
                     mdate today, struct staff *out, struct import_problems *ps);
struct preference;
int import_preference_row(const struct import_header *h, const struct csv_row *row,
                          struct preference *out, struct import_problems *ps);

/* Answers about records already in the database. */
struct import_refs {
    void *ctx;
    bool (*unit_exists)(void *ctx, const char *code);
    /* True when the position exists; writes the code of its unit. */
    bool (*position_unit)(void *ctx, const char *code, char unit[CODE_SIZE]);
    /* Retirement age (BUP) of the person in their position (none: on
     * leave), by the policy in force (rules_bup_person); NULL skips the
     * check that a discipline penalty ends before retirement. Asked only
     * for rows with discipline_until. */
    int (*bup_years)(void *ctx, const struct staff *s);
    /* Preferences: whether a person is on record, and whether a place is
     * a unit code or the district of some unit. */
    bool (*staff_exists)(void *ctx, const char *nip);
    bool (*place_exists)(void *ctx, const char *place);
};

typedef void (*import_progress_fn)(void *ctx, size_t done, size_t total);
/* Called with each record: a struct unit, position, staff or preference.
 * Non-zero stops. */
typedef int (*import_record_fn)(void *ctx, const void *record);

typedef struct importer importer;
/* Opens a CSV file, or an xlsx workbook (known by its content, the zip
 * signature, whatever its name): then its first sheet is read, streaming,
 * with the same columns and rules as a CSV file (see io/import_xlsx.c);
 * cell values are trimmed of spaces and tabs like unquoted CSV fields. */
importer *import_open(const char *path, enum import_kind kind, mdate today,
                      char *err, size_t errlen);
/* Where a problem is, as the user finds it in the file: "12:4" (line and
 * field) for CSV, "Sheet1!D14" (sheet, column letter and row) for xlsx. */
void import_where(const importer *im, unsigned line, unsigned col, char *buf, size_t len);
bool import_is_xlsx(const importer *im);
void import_close(importer *im);
/* Progress of both passes (bytes of the file); called a few times per
 * second at most is up to fn, it is called every few thousand rows. */
void import_set_progress(importer *im, import_progress_fn fn, void *ctx);
/* Pass 1. Returns the number of errors (problems in import_problems()).
 * May be repeated: each run starts afresh. */
size_t import_check(importer *im, const struct import_refs *refs);
const struct import_problems *import_problems(const importer *im);
/* Pass 1 of a staff file that hands fn each good row's record in file
 * order as long as no error was found so far and the NIPs were strictly
 * ascending; from the first row that breaks either, fn is called no more
 * and the pass goes on checking. *errors as import_check returns; returns
 * 0, or the non-zero value fn returned (the pass stopped there). For
 * units, positions and preferences it is import_check. May be repeated. */
int import_check_each(importer *im, const struct import_refs *refs, import_record_fn fn,
                      void *ctx, size_t *errors);
/* Work on each good staff record that needs nothing but the record, done
 * ahead on the thread that reads the file in pass 1 (so that it runs
 * beside the caller's writes): fn(ctx, s, out) fills size bytes at out,
 * and must be safe to run on another thread (no database, no shared
 * state). During import_check_each's record fn, import_prepared gives
 * what it made of the record being handed over (NULL in import_each, or
 * when no fn is set). */
typedef void (*import_prepare_fn)(void *ctx, const struct staff *s, void *out);
/* ahead (NULL: none) is called for each record some rows before fn, with
 * the same out, stage 0 and later stage 1, to start the memory reads that
 * fn will wait for (a look-up in a large table) while other rows are
 * prepared. */
typedef void (*import_ahead_fn)(void *ctx, const struct staff *s, void *out, int stage);
void import_set_prepare(importer *im, import_prepare_fn fn, import_ahead_fn ahead, void *ctx,
                        size_t size);
const void *import_prepared(const importer *im);
/* After import_check_each: whether every data row went to fn (then the
 * write is complete, import_each is not needed and hands over nothing). */
bool import_streamed(const importer *im);
/* An upper bound of the data rows, before pass 1 (the lines of the file). */
size_t import_estimate_rows(const importer *im);
/* Pass 2. Returns 0, or the non-zero value fn returned. */
int import_each(importer *im, import_record_fn fn, void *ctx);
size_t import_rows(const importer *im);     /* data rows, after pass 1 */
/* SHA-256 of the file as hex, after pass 1. */
const char *import_sha256(const importer *im);
#endif
