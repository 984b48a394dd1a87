/* The workload (ABK) tables' writer, cli-internal: one shape for every
 * form of `workload` and `export workload` (by position, by group, by unit
 * from the roll-up or from the stored unit tree), text with aligned
 * columns or CSV. Rows are formatted by hand into one line buffer, without
 * snprintf: a table of a million rows formats six million numbers.
 *
 * Usage (text):
 *     struct wl_table t;
 *     wl_table_init(&t, policy, grouped);
 *     for each row: wl_table_fit_key(&t, WL_COL_KEY1, indent + text_width(key));
 *                   wl_table_fit(&t, &row);
 *     wl_table_fit(&t, &total); t.named = ...;
 *     wl_table_header(&t, out);
 *     for each row: wl_table_row(&t, out, indent, key, NULL, &row, name);
 *     wl_table_row(&t, out, 0, _("total"), NULL, &total, NULL);
 * Usage (CSV):
 *     wl_table_csv_header(cw, grouped);
 *     for each row: csv_put_text(cw, key); wl_table_csv_figures(cw, &row, policy);
 */
#ifndef MUTASI_CLI_WORKLOAD_TABLE_H
#define MUTASI_CLI_WORKLOAD_TABLE_H

#include <stdbool.h>
#include <stdio.h>
#include "core/workload.h"
#include "io/csv.h"

/* KEY1: a unit, district or job family (GROUP/UNIT); KEY2: a position
 * (the per-position table only); then the six figures; NAME last. */
enum { WL_COL_KEY1, WL_COL_KEY2, WL_COL_WORKLOAD, WL_COL_NEED, WL_COL_EXISTING, WL_COL_GAP,
       WL_COL_EJ, WL_COL_GRADE, WL_COL_NAME, WL_NCOLS };

/* The text form's columns: headings and widths in characters. */
struct wl_table {
    const struct policy *p;
    const char *head[WL_NCOLS];
    int w[WL_NCOLS];
    bool grouped;                /* no KEY2 (POSITION) column */
    bool named;                  /* a NAME column */
};

/* Headings (translated) and the widths that fit them and "total". */
void wl_table_init(struct wl_table *t, const struct policy *p, bool grouped);
/* Widens column c to chars characters. */
void wl_table_fit_key(struct wl_table *t, int c, int chars);
/* Widens the figures' columns to fit r's, without writing a line. */
void wl_table_fit(struct wl_table *t, const struct wl_row *r);
void wl_table_header(const struct wl_table *t, FILE *out);
/* One line: key1 indented by indent spaces; key2 NULL in a grouped table
 * ("" for none in the per-position one); name NULL on the total. */
void wl_table_row(const struct wl_table *t, FILE *out, int indent, const char *key1,
                  const char *key2, const struct wl_row *r, const char *name);

/* The same line into out, '\n' ended; returns its length. */
#define WL_LINE_MAX 1024
size_t wl_table_line(const struct wl_table *t, char out[WL_LINE_MAX], int indent,
                     const char *key1, const char *key2, const struct wl_row *r,
                     const char *name);

/* The CSV header: group, or unit and position; then the figures. */
void wl_table_csv_header(csv_writer *cw, bool grouped);
/* The six figures of a row as CSV cells, and the row's end. */
void wl_table_csv_figures(csv_writer *cw, const struct wl_row *r, const struct policy *p);

/* Many rows of a grouped table (the table by unit: half a million at
 * national scale), the same bytes as above, faster:
 *     struct wl_span s = {0};
 *     for each row: wl_span_add(&s, &row, policy); wl_table_fit_key(KEY1...);
 *     wl_table_fit_span(&t, &s);           (instead of wl_table_fit per row)
 *     wl_table_places(&t, &pl);            (after the last fit)
 *     for each row: n = wl_table_fast_line(&t, &pl, buf, indent, key, ...);
 *                   if (n == 0) n = wl_table_line(...);
 * fast_line places every cell where the widths put it; it returns 0 when
 * a cell would not fit its place (a key not ASCII, a line too long). */
struct wl_span {
    int64_t lo[4], hi[4];        /* workload, need, existing, gap */
    int ej;                      /* the widest EJ */
    int64_t holders_max;         /* for a quick EJ under 9.00 */
    bool any;
};
struct wl_places {
    int start[6], end[6];        /* of the figures' columns */
    int fixed;                   /* the line's bytes before the name */
    const char *grade[WL_GRADE_E + 1];     /* wl_grade_name's, and their lengths */
    int grade_len[WL_GRADE_E + 1];
    char blank[WL_LINE_MAX];
};
void wl_span_add(struct wl_span *s, const struct wl_row *r, const struct policy *p);
void wl_table_fit_span(struct wl_table *t, const struct wl_span *s);
/* Widens the EJ column to ej characters, and the grade's to fit a grade
 * when any row has an EJ (ej > 0). */
void wl_table_fit_ej(struct wl_table *t, int ej);
void wl_table_places(const struct wl_table *t, struct wl_places *pl);
size_t wl_table_fast_line(const struct wl_table *t, const struct wl_places *pl,
                          char out[WL_LINE_MAX], int indent, const char *key, size_t key_len,
                          const struct wl_row *r, const char *name, size_t name_len);
/* A CSV row of a grouped table, as csv_put_text (key) and
 * wl_table_csv_figures write it, into out (2 * key_len + 128 bytes);
 * returns its length. */
size_t wl_table_csv_line(char *out, const char *key, size_t key_len, const struct wl_row *r,
                         const struct policy *p);

#endif
