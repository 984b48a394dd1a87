/* The Plans screen and the plan editor, inside ui/ (plans.c,
 * plan_edit.c, plan_pane.c, plan_targets.c).
 *
 * The editor holds a plan's moves, the workload of the database and the
 * plan's impact (core/impact.h); an add or a drop is one ops action and
 * then one incremental impact update, never a reload (a version conflict
 * reloads). Edits are saved when made: leaving asks nothing. */
#ifndef MUTASI_UI_PLAN_EDIT_H
#define MUTASI_UI_PLAN_EDIT_H
#include "ops/plan.h"
#include "ui/uipriv.h"

struct screen *ui_plans_screen_new(struct app *a);
struct screen *ui_plan_editor_new(struct app *a, uint32_t plan);
/* The actions of the Plans screen, the editor and its pickers (before
 * ui.yaml is applied). */
void ui_plan_actions_register(void);
void ui_plan_editor_register(void);
/* A refusal (may hold several lines) on the one message line. */
void ui_plan_message(struct app *a, const char *msg);
/* Before a plan action: the database opened for writing (the session
 * may have opened it read-only), else the reason on the message line. */
bool ui_plan_may_write(struct app *a);

#define IMPACT_FIGURES 5         /* exist, need, gap, EJ, grade */
#define IMPACT_CELL_SIZE 64

/* One affected unit or position of the impact pane, with its name. */
struct pane_row {
    struct impact_row r;
    int depth;
    char name[NAME_SIZE];
};

struct editor {
    struct screen *s;
    uint32_t id;
    struct plan plan;
    bool loaded, announced, failed;
    struct ops_move_view *moves;
    size_t nmoves, capmoves;
    struct workload *w;
    struct impact *im;
    struct pane_row *rows;
    size_t nrows;
    int fig_w[IMPACT_FIGURES];      /* the figures' columns, for the rows */
    int figs_w;                     /* all of them, a space before each and after */
    struct listview list;           /* the moves */
    struct listview ilist;          /* the impact rows */
    bool impact_focus;              /* Tab: j/k move in the impact pane */
    char pick_nip[NIP_LEN + 1];     /* between the two pickers of `a` */
    char pick_name[NAME_SIZE];
};

/* The editor of a screen, or NULL (said) when its plan is not loaded. */
struct editor *ui_editor_of(struct screen *s);
/* Read the plan and the impact again at the next draw (after S). */
void ui_editor_stale(struct editor *ed);
/* A refusal on the message line (every reason in a text screen when they
 * do not fit); a version conflict reloads. */
void ui_editor_refused(struct editor *ed, int rc, const char *msg);

/* plan_suggest.c: S, the optimiser, and the suggestions screen. */
void ui_plan_suggest_register(void);

/* plan_objection.c: o (object) and A (answer) on the selected move. */
void ui_plan_objection_register(void);

/* plan_pane.c: drawing the editor (moves, detail, impact). */
int ui_editor_draw(struct screen *s, WINDOW *w, int y0, int height, int width);
extern const struct lv_source ui_moves_source, ui_impact_source;
/* The impact rows again, with names (after every add or drop). */
void ui_editor_impact_rows(struct editor *ed);

/* plan_targets.c: the target position picker for one person: the
 * positions they are fit for, or (t) all with their verdicts. */
void ui_pick_target(struct app *a, const char *nip, const struct workload *w, ui_pick_fn done,
                    void *data);
void ui_target_picker_register(void);
#endif
