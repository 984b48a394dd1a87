/* Inside the Staff screen (staff.c: the screen and its filter;
 * staff_page.c: paging over the store's indexes and the search;
 * staff_sort.c: the filtered list and the sort orders). Not for other
 * screens: they open the Staff screen (ui_staff_screen_new) or pick a
 * person (ui_pick_person). */
#ifndef MUTASI_UI_STAFF_H
#define MUTASI_UI_STAFF_H
#include "core/nip.h"
#include "core/record.h"
#include "store/store.h"
#include "store/corpus.h"
#include "ui/uipriv.h"
#include "ui/unit_label.h"

#define WINDOW_MAX 512
/* At most this many filtered rows are kept (about 22 MB). */
#define FILTER_MAX 150000

/* Sort columns. Name, NIP and unit have an index and sort the whole list;
 * rank, years in post and SKP sort a filtered list. */
enum staff_sort { SORT_NAME, SORT_NIP, SORT_UNIT, SORT_RANK, SORT_YEARS, SORT_SKP };

/* The widths of the columns that share the screen by what they hold. */
struct staff_cols {
    int name, pos, unit;
};

struct staff_priv {
    struct screen *s;
    /* The read transaction of the present action (the walks and the
     * eligible filter's positions read through it). */
    stxn *t;
    int nested;                 /* begin calls inside it */
    /* The whole list, paged: the window of rows from the anchor (the top
     * row's name, NIP and unit) down. */
    struct listview list;
    struct staff rows[WINDOW_MAX];
    bool bad[WINDOW_MAX];       /* rows[i] stands in for a damaged record */
    bool have_top;              /* rows[0] is the anchor; else the list start */
    bool top_bad;               /* the anchor is a damaged record */
    char top_name[NAME_SIZE];
    char top_nip[NIP_LEN + 1];
    char top_unit[CODE_SIZE];
    int sort;                   /* enum staff_sort */
    bool desc;                  /* descending */
    bool filter;                /* a filter is set: the list is flt's people */
    struct flt flt;             /* its terms (core/filter.h), resolved */
    const struct policy *policy; /* rotation and eligible read the rule table's rules */
    /* Filtered: the matching people, (name, NIP) sorted, read once when
     * the filter is set; their records are read again at each draw. */
    struct listview flist;
    struct frow *fl;
    size_t fn;
    bool fcapped;
    size_t fbad;                /* of them damaged records (frow.bad) */
    /* Names and NIPs in name order for search, read on the first search
     * and again when the database has changed since. */
    struct corpus corpus;
    uint64_t corpus_failed;     /* stamp at which building it failed */
    /* The layout, made for a screen width from the rows then on screen
     * (0: make it at the next draw) and kept while paging. */
    struct staff_cols cols;
    int cols_width;
    struct unit_repeats repeats; /* units whose name repeats show the parent */
};

struct frow {
    char name[NAME_SIZE];
    uint8_t core_start, core_end;   /* the name without titles (name_core) */
    char nip[NIP_LEN + 1];
    int8_t rank, skp;           /* sort keys of the columns without an index */
    mdate post_since;
    char unit[CODE_SIZE];
    bool bad;                   /* a damaged record's stand-in: NIP (and unit) only */
};

void staff_copy_str(char *dst, size_t size, const char *src);
/* The filter of staff.c: does this person pass it? */
bool staff_passes(const struct staff_priv *p, const struct staff *st, mdate today);

/* The list sources' read transaction (p->t), nested calls sharing it. */
bool staff_begin(void *ctx);
void staff_end(void *ctx);

/* staff_draw.c */
int staff_draw(struct screen *s, WINDOW *w, int y0, int height, int width);
void staff_draw_row(struct staff_priv *p, WINDOW *w, const struct staff *st, bool selected);
/* The bottom line: in full what the selected row cuts ("" when nothing). */
void staff_detail(struct screen *s, char *out, size_t size);
/* The columns' widths for a screen width, from the rows now on screen. */
void staff_layout(struct staff_priv *p, int width);

/* staff_page.c */
extern const struct lv_pager staff_pager;
/* The search of the whole list (the filtered list uses the generic one). */
int staff_page_search(struct screen *s, const char *text, int dir, bool include_current);
/* The anchor: the top row (damaged: a damaged record's stand-in). */
void staff_set_top(struct staff_priv *p, const struct staff *st, bool damaged);
void staff_corpus_prepare(struct staff_priv *p);
void staff_corpus_drop(struct staff_priv *p);

/* staff_sort.c */
/* Reads the people who pass the filter, sorted. */
void staff_build_filtered(struct screen *s);
void staff_sort_filtered(struct staff_priv *p);
/* s: the next sort column (and says which). */
void staff_next_sort(struct screen *s, bool filtered);
#endif
