/* Importing a CSV file: every row checked against the database, then all
 * or nothing in one write transaction with its audit entry. The first
 * load of staff is checked inside that transaction, each row written as
 * soon as it is checked (one pass; see check_and_load). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/preference.h"
#include "core/rules.h"
#include "io/import.h"
#include "ops/access.h"
#include "ops/ops.h"

/* --- references into the database ----------------------------------------- */

/* What the import asks of the database and the policy. */
struct refs_ctx {
    stxn *t;
    const struct policy *policy;
    char (*districts)[DISTRICT_SIZE];   /* preferences: every unit's district, once */
    size_t ndistricts;
    bool districts_read;
    bool want_positions;        /* the codes to read: of positions too */
    size_t asked;               /* references asked of the database so far */
    store_codes *codes;         /* all codes in memory, once many were asked */
    importer *im;               /* a bulk load's rows prepared ahead, or NULL */
};

/* A few references are looked up one by one; past this many, reading
 * every code once is cheaper (a position table of 750,000 codes is read
 * in about the time of 100,000 look-ups). */
#define REFS_BEFORE_CODES 4096

/* The codes in memory, read on the first reference past the threshold;
 * NULL: look up (also when they cannot be read: slower, still right). */
static store_codes *codes_of(struct refs_ctx *c)
{
    if (!c->codes && ++c->asked == REFS_BEFORE_CODES &&
        store_codes_load(c->t, c->want_positions, &c->codes) != STORE_OK)
        c->codes = NULL;
    return c->codes;
}

static bool staff_exists(void *ctx, const char *nip)
{
    struct refs_ctx *c = ctx;
    struct staff s;
    return store_get_staff(c->t, nip, &s) == STORE_OK;
}

static int take_district(const struct unit *u, void *ctx)
{
    struct refs_ctx *c = ctx;
    if (!u->district[0])
        return 0;
    for (size_t i = 0; i < c->ndistricts; i++)
        if (strcmp(c->districts[i], u->district) == 0)
            return 0;
    char (*nd)[DISTRICT_SIZE] = realloc(c->districts, (c->ndistricts + 1) * sizeof *nd);
    if (!nd)
        return -1;
    c->districts = nd;
    memcpy(c->districts[c->ndistricts++], u->district, DISTRICT_SIZE);
    return 0;
}

/* A unit code, or the district of some unit. */
static bool place_exists(void *ctx, const char *place)
{
    struct refs_ctx *c = ctx;
    struct unit u;
    if (strlen(place) < CODE_SIZE && store_get_unit(c->t, place, &u) == STORE_OK)
        return true;
    if (!c->districts_read) {
        c->districts_read = true;
        store_each_unit(c->t, take_district, c);
    }
    for (size_t i = 0; i < c->ndistricts; i++)
        if (strcmp(c->districts[i], place) == 0)
            return true;
    return false;
}

static bool unit_exists(void *ctx, const char *code)
{
    struct refs_ctx *c = ctx;
    const struct store_bulk_prep *p = c->im ? import_prepared(c->im) : NULL;
    bool exists;
    if (p && store_bulk_prep_unit_exists(p, code, &exists))
        return exists;          /* the preparer thread's answer, from the position's unit */
    store_codes *codes = codes_of(c);
    if (codes)
        return store_codes_has_unit(codes, code);
    struct unit u;
    return store_get_unit(c->t, code, &u) == STORE_OK;
}

/* The answer the preparer thread found for the row's position (the import
 * asks position_unit of a staff row's own position only); false: none. */
static bool prepared_unit(const struct refs_ctx *c, const char **u)
{
    const struct store_bulk_prep *p = c->im ? import_prepared(c->im) : NULL;
    return p && store_bulk_prep_position_unit(p, u);
}

static bool copy_unit(const char *u, char unit[CODE_SIZE])
{
    size_t n = u ? strnlen(u, CODE_SIZE - 1) : 0;
    memcpy(unit, u ? u : "", n);
    unit[n] = '\0';
    return u != NULL;
}

static bool position_unit(void *ctx, const char *code, char unit[CODE_SIZE])
{
    struct refs_ctx *c = ctx;
    const char *u;
    if (prepared_unit(c, &u))
        return copy_unit(u, unit);
    store_codes *codes = c->want_positions ? codes_of(c) : NULL;
    if (codes)
        return copy_unit(store_codes_position_unit(codes, code), unit);
    struct position p;
    if (store_get_position(c->t, code, &p) != STORE_OK)
        return false;
    memcpy(unit, p.unit, CODE_SIZE);
    return true;
}

/* The retirement age of the person in their position (none on leave). */
static int bup_years(void *ctx, const struct staff *s)
{
    struct refs_ctx *c = ctx;
    struct position p;
    bool found = s->position[0] && store_get_position(c->t, s->position, &p) == STORE_OK;
    return rules_bup_person(c->policy, found ? &p : NULL, s, NULL);
}

/* --- writing ---------------------------------------------------------------- */

/* Staff go to an empty staff table (the first load) through the store's
 * bulk load, record by record as they come (in NIP order); into a table
 * that has people already, in chunks through store_put_staff_batch,
 * which writes each table in its own key order. */
#define STAFF_CHUNK 16384

struct writer {
    const struct ops *o;
    importer *im;
    enum import_kind kind;
    const char *object;         /* the file's base name */
    stxn *t;
    bool was_empty;             /* no record of this kind before: all are new */
    size_t added, replaced;
    store_bulk *bulk;           /* the first load of staff, else NULL */
    struct staff *chunk;        /* STAFF_CHUNK records waiting to be written */
    bool *needs_history;
    size_t nchunk;
    bool out_of_memory;         /* the chunk could not be allocated */
    /* Staff into an empty table: pass 1 runs in the write transaction and
     * feeds the bulk load as it goes (one pass over a sorted file). */
    const struct policy *policy;
    bool check_first;
    bool checked;               /* pass 1 ran to its end */
    size_t errors;              /* what it found */
    size_t rows;                /* the file's lines, once counted (reserve_rows); 0: not yet */
};

/* write_all gave up after pass 1: errors, or rows out of NIP order. */
#define GAVE_UP 100

/* The history line of a person's current post. */
static struct history post_of(const struct staff *s)
{
    struct history h = {0};
    memcpy(h.nip, s->nip, sizeof h.nip);
    h.since = s->post_since;
    memcpy(h.position, s->position, sizeof h.position);
    memcpy(h.unit, s->unit, sizeof h.unit);
    h.rank = s->rank;
    return h;
}

static int add_history(stxn *t, const struct staff *s)
{
    struct history h = post_of(s);
    return store_add_history(t, &h);
}

static int same_post(const struct history *h, void *ctx)
{
    const struct staff *s = ctx;
    return h->since == s->post_since && strcmp(h->position, s->position) == 0 &&
           strcmp(h->unit, s->unit) == 0;
}

/* True when the history already has this post from this date (a file
 * imported again after a move back). */
static bool history_has_post(stxn *t, const struct staff *s)
{
    return store_each_history(t, s->nip, same_post, (void *)s) > 0;
}

/* Writes the waiting staff. A history line goes with each person who is
 * new or now holds another post. */
static int flush_staff(struct writer *w)
{
    for (size_t i = 0; i < w->nchunk; i++) {
        const struct staff *s = &w->chunk[i];
        struct staff old;
        bool had = !w->was_empty && store_get_staff(w->t, s->nip, &old) == STORE_OK;
        w->needs_history[i] = !had || ((strcmp(old.position, s->position) != 0 ||
                                        strcmp(old.unit, s->unit) != 0) &&
                                       !history_has_post(w->t, s));
        had ? w->replaced++ : w->added++;
    }
    int rc = store_put_staff_batch(w->t, w->chunk, w->nchunk);
    for (size_t i = 0; i < w->nchunk && rc == STORE_OK; i++)
        if (w->needs_history[i])
            rc = add_history(w->t, &w->chunk[i]);
    w->nchunk = 0;
    return rc;
}

static int put_record(void *ctx, const void *rec)
{
    struct writer *w = ctx;
    int rc, had = 0;
    if (w->bulk) {
        const struct staff *s = rec;
        struct history h = post_of(s);     /* everyone is new */
        const struct store_bulk_prep *p = import_prepared(w->im);
        w->added++;
        return p ? store_bulk_add_prepared(w->bulk, s, &h, p) : store_bulk_add(w->bulk, s, &h);
    } else if (w->kind == IMPORT_STAFF) {
        w->chunk[w->nchunk++] = *(const struct staff *)rec;
        return w->nchunk == STAFF_CHUNK ? flush_staff(w) : 0;
    } else if (w->kind == IMPORT_PREFERENCES) {
        struct preference old;
        had = store_get_preference(w->t, ((const struct preference *)rec)->nip, &old) == STORE_OK;
        rc = store_put_preference(w->t, rec);
    } else if (w->kind == IMPORT_UNITS) {
        struct unit old;
        had = store_get_unit(w->t, ((const struct unit *)rec)->code, &old) == STORE_OK;
        rc = store_put_unit(w->t, rec);
    } else {
        struct position old;
        had = store_get_position(w->t, ((const struct position *)rec)->code, &old) == STORE_OK;
        rc = store_put_position(w->t, rec);
    }
    if (rc != STORE_OK)
        return rc;
    had ? w->replaced++ : w->added++;
    return 0;
}

static int finish_write(struct writer *w);

/* What the bulk load (ctx) can do ahead with a record alone, on the
 * threads that read the file (import_set_prepare): look_ahead runs for
 * each record before prepare_staff. */
static void prepare_staff(void *ctx, const struct staff *s, void *out)
{
    struct history h = post_of(s);
    store_bulk_prepare_ahead(ctx, s, &h, out);
}

static void look_ahead(void *ctx, const struct staff *s, void *out, int stage)
{
    store_bulk_look_ahead(ctx, s, out, stage);
}

static struct import_refs refs_of(struct refs_ctx *c, enum import_kind kind)
{
    return (struct import_refs){c, unit_exists, position_unit,
                                kind == IMPORT_STAFF ? bup_years : NULL, staff_exists,
                                place_exists};
}

/* Pass 1 inside the write transaction, each record of a sorted file going
 * to the bulk load as soon as it is checked. 0 when every row went there;
 * GAVE_UP when the pass found errors (w->errors) or the rows were not in
 * NIP order (w->checked: pass 2 can write them). */
static int check_and_load(struct writer *w)
{
    struct refs_ctx rctx = {w->t, w->policy, .want_positions = true, .im = w->im};
    struct import_refs refs = refs_of(&rctx, w->kind);
    /* counted once: a pass over the whole file */
    size_t rows = w->rows ? w->rows : import_estimate_rows(w->im);
    w->checked = false;
    int rc = store_bulk_begin(w->t, rows, &w->bulk);
    /* Many rows: the codes at once, and the bulk load takes its unit and
     * position ids from them. */
    if (rc == STORE_OK && rows >= REFS_BEFORE_CODES &&
        store_codes_load(w->t, true, &rctx.codes) == STORE_OK)
        store_bulk_use_codes(w->bulk, rctx.codes);
    if (rc == STORE_OK) {
        import_set_prepare(w->im, prepare_staff, look_ahead, w->bulk,
                           sizeof(struct store_bulk_prep));
        rc = import_check_each(w->im, &refs, put_record, w, &w->errors);
        import_set_prepare(w->im, NULL, NULL, NULL, 0);
    }
    if (rc == STORE_OK && !w->errors && import_streamed(w->im))
        rc = store_bulk_finish(w->bulk);    /* while the codes are there */
    else
        store_bulk_free(w->bulk);
    w->bulk = NULL;
    free(rctx.districts);
    store_codes_free(rctx.codes);
    if (rc == STORE_OK) {
        w->checked = true;
        if (w->errors || !import_streamed(w->im))
            rc = GAVE_UP;
    }
    return rc;
}

static int write_all(stxn *t, void *ctx)
{
    struct writer *w = ctx;
    /* Called again from the start when the map had to grow. */
    w->t = t;
    w->added = w->replaced = 0;
    w->nchunk = 0;
    w->was_empty = w->kind == IMPORT_STAFF && store_count_staff(t) == 0;
    w->bulk = NULL;
    if (ops_keep_workload_params(w->o->cfg ? ops_policy(w->o) : NULL, t) != STORE_OK)
        return STORE_ERROR;
    if (w->check_first && !w->was_empty)
        return GAVE_UP;     /* someone added staff meanwhile: the two passes */
    if (w->check_first) {
        int rc = check_and_load(w);
        return rc == STORE_OK ? finish_write(w) : rc;
    }
    if (w->was_empty && store_bulk_begin(t, import_rows(w->im), &w->bulk) != STORE_OK)
        return STORE_ERROR;
    if (w->kind == IMPORT_STAFF && !w->bulk && !w->chunk) {
        w->chunk = malloc(STAFF_CHUNK * sizeof *w->chunk);
        w->needs_history = malloc(STAFF_CHUNK * sizeof *w->needs_history);
        if (!w->chunk || !w->needs_history) {
            w->out_of_memory = true;
            return STORE_ERROR;
        }
    }
    return finish_write(w);
}

/* Pass 2 (unless pass 1 loaded everything), the indexes, the audit entry. */
static int finish_write(struct writer *w)
{
    int rc = w->check_first ? STORE_OK : import_each(w->im, put_record, w);
    if (w->bulk) {
        if (rc == STORE_OK)
            rc = store_bulk_finish(w->bulk);
        else
            store_bulk_free(w->bulk);
        w->bulk = NULL;
    }
    if (rc == STORE_OK && w->nchunk)
        rc = flush_staff(w);
    if (rc != STORE_OK)
        return rc;
    stxn *t = w->t;
    char action[48], after[256];
    snprintf(action, sizeof action, "import %s", import_kind_name(w->kind));
    snprintf(after, sizeof after, "%zu rows: %zu added, %zu replaced; sha256 %s",
             w->added + w->replaced, w->added, w->replaced, import_sha256(w->im));
    return store_audit_append(t, w->o->user, action, w->object, "", after);
}

/* Pass 1 in a read transaction: the number of errors in *errors. */
static int check_apart(struct ops *o, struct ops_import *in, const struct policy *policy,
                       size_t *errors, struct ops_err *e)
{
    stxn *rt = ops_read_begin(o, e);
    if (!rt)
        return OPS_REFUSED;
    struct refs_ctx rctx = {rt, policy, .want_positions = in->kind == IMPORT_STAFF};
    struct import_refs refs = refs_of(&rctx, (enum import_kind)in->kind);
    *errors = import_check(in->im, &refs);
    store_read_end(rt);
    free(rctx.districts);
    store_codes_free(rctx.codes);
    return OPS_OK;
}

/* Whether the import loads staff into an empty table (then pass 1 runs in
 * the write transaction, see check_and_load). */
static int first_staff_load(struct ops *o, const struct ops_import *in, bool *yes,
                            struct ops_err *e)
{
    *yes = false;
    if (in->kind != IMPORT_STAFF)
        return OPS_OK;
    stxn *rt = ops_read_begin(o, e);
    if (!rt)
        return OPS_REFUSED;
    *yes = store_count_staff(rt) == 0;
    store_read_end(rt);
    return OPS_OK;
}

/* Room in the map for the rows ahead, at the bytes a row of each kind
 * takes in the store (measured at M: 130, 204, 476) with a margin: the
 * file grows once instead of store_write running the whole import again
 * each time the map fills up. Short of disk, the write still grows the
 * map as it goes and says so if the disk is full. */
static void reserve_rows(struct ops *o, const struct ops_import *in, struct writer *w)
{
    static const size_t row_bytes[] = {
        [IMPORT_UNITS] = 192, [IMPORT_POSITIONS] = 288, [IMPORT_STAFF] = 640,
        [IMPORT_PREFERENCES] = 256,
    };
    size_t per = in->kind >= 0 && in->kind <= IMPORT_PREFERENCES ? row_bytes[in->kind] : 256;
    size_t rows = w->rows = import_estimate_rows(in->im);
    store_reserve_more(o->db, rows < SIZE_MAX / per ? rows * per : SIZE_MAX);
}

int ops_import(struct ops *o, struct ops_import *in, struct ops_err *e)
{
    in->errors = in->added = in->replaced = 0;
    if (ops_require(o, OPS_DO_IMPORT, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    struct policy defaults;
    policy_defaults(&defaults);
    struct writer w = {.o = o, .im = in->im, .kind = (enum import_kind)in->kind,
                       .object = in->object, .policy = in->policy ? in->policy : &defaults};
    if (first_staff_load(o, in, &w.check_first, e) != OPS_OK ||
        (!w.check_first && check_apart(o, in, w.policy, &in->errors, e) != OPS_OK))
        return OPS_REFUSED;
    if (!in->errors)
        reserve_rows(o, in, &w);
    int rc = in->errors ? GAVE_UP : store_write(o->db, write_all, &w);
    if (rc == GAVE_UP && w.check_first) {
        in->errors = w.errors;
        /* The table was no longer empty: pass 1 as for any import. */
        if (!w.checked && check_apart(o, in, w.policy, &in->errors, e) != OPS_OK)
            return OPS_REFUSED;
        if (!in->errors) {      /* pass 1 is done and clean: pass 2 writes */
            w.check_first = false;
            rc = store_write(o->db, write_all, &w);
        }
    }
    free(w.chunk);
    free(w.needs_history);
    if (in->errors)
        return ops_fail(e, ngettext("%s: %zu error, nothing was imported",
                                    "%s: %zu errors, nothing was imported", in->errors),
                        in->file, in->errors);
    if (rc != STORE_OK)
        return ops_fail(e, _("%s: nothing was imported: %s"), in->file,
                        w.out_of_memory ? _("out of memory") : store_errmsg(o->db));
    in->added = w.added;
    in->replaced = w.replaced;
    return OPS_OK;
}
