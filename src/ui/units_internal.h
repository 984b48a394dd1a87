/* The Units screen's private parts, shared by units.c (the tree, its
 * rows, search and drawing) and units_drill.c (Enter: a unit's or a
 * group's positions and people on a detail screen). Not for other
 * screens. */
#ifndef MUTASI_UI_UNITS_INTERNAL_H
#define MUTASI_UI_UNITS_INTERNAL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/filter.h"
#include "core/workload.h"
#include "ui/uipriv.h"

enum units_view { UV_TREE, UV_DISTRICT, UV_FAMILY, UV_COUNT };

#define UROW_LAZY (-2)          /* a row of the lazy tree: by code */

struct urow {
    long unit;                  /* unit index, -1 for a group, UROW_LAZY */
    int depth;
    bool has_children;
    bool open;                  /* its children are shown */
    char *name;                 /* own copy: rows hold only what is shown */
    char code[CODE_SIZE];       /* lazy rows only */
    struct wl_row fig;
};

struct units_priv {
    bool loaded;
    bool stale;                 /* the database changed: read the figures again */
    bool announced;             /* the "computing" note was shown */
    size_t nunits;
    struct workload *wl;            /* from the stored aggregates */
    struct workload *full;          /* with the positions: at the first drill-down */
    size_t *order;              /* units in tree order */
    size_t norder;
    bool *expanded;             /* by unit index */
    struct urow *rows;          /* what is shown */
    size_t nrows;
    struct listview list;
    int namew;                  /* cells of the name column at the last draw */
    int view;
    bool filter;                /* flt holds terms */
    struct flt flt;
    const struct policy *policy; /* short, over and balanced read balanced_within */
    char **names;               /* by unit index: read at the first search */
    bool *dup;                  /* by unit index: another unit has its name */
    int sort;                   /* enum units_sort */
    /* The lazy tree (units_lazy.c): rows from the stored unit tree until
     * something needs every unit. */
    bool lazy, lazy_tried;
    size_t caprows;             /* of rows, in the lazy tree */
    char (*open)[CODE_SIZE];    /* the open units, by code */
    size_t nopen, capopen;
    uint64_t *rep;              /* code hashes of units whose name repeats */
    size_t nrep;
    bool rep_read;
};

/* s: the tree (or groups by name), then by gap (most short first), then
 * by EJ (highest first): the sorted views list every unit flat. */
enum units_sort { US_TREE, US_GAP, US_EJ, US_COUNT };

/* A unit's name, with its parent's when another unit has the same name. */
void ui_units_label(const struct units_priv *p, size_t u, char *out, size_t size);
/* '!' short of staff, '^' over, '=' balanced by the policy's tolerance. */
char ui_units_mark(const struct wl_row *f, const struct policy *p);
/* "+3", "-2", and "0" rather than "+0". */
void ui_units_format_gap(int64_t gap, char out[24]);
/* Enter on a group row (district or job family): its positions. */
struct screen *ui_units_open_group(struct screen *s, const struct urow *r);
/* Enter on a unit: its figures, positions and people. */
struct screen *ui_units_drill_down(struct screen *s, long unit);

/* The lazy tree: open tries it (true: the stored tree serves; the roots
 * are open); rows rebuilds p->rows from it (false: it cannot serve any
 * longer); free forgets the open units and the repeated names. */
bool ui_units_lazy_open(struct screen *s);
bool ui_units_lazy_rows(struct screen *s);
bool ui_units_lazy_is_open(const struct units_priv *p, const char *code);
int ui_units_lazy_set_open(struct units_priv *p, const char *code, bool open);
void ui_units_lazy_free(struct units_priv *p);

#endif
