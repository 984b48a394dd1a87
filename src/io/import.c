/* CSV import, the two passes over a file: checks, references, duplicate
 * NIPs, and the records handed over in NIP order. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/hash.h"
#include "core/i18n.h"
#include "core/rules.h"
#include "io/import.h"
#include "core/preference.h"
#include "io/import_internal.h"
#include "io/xlsx_read.h"
#include "util/hugepage.h"

/* --- hash tables ------------------------------------------------------------ */

/* Codes: units and positions seen in the file. Entries are dense; the
 * index finds them. A pointer to an entry lasts until the next
 * code_map_get. */
struct code_entry {
    char key[CODE_SIZE];
    char val[CODE_SIZE];        /* a position's unit; a unit's parent */
    uint32_t line;              /* where it is in the file, 0 = not in the file */
};
struct code_map {
    struct code_entry *e;
    size_t cap, n;
    struct hindex ix;
};

static struct code_entry *code_map_find(const struct code_map *m, const char *key)
{
    struct hprobe p;
    for (uint32_t id = hindex_first(&m->ix, hash_str(key), &p); id != HINDEX_NONE;
         id = hindex_next(&m->ix, &p))
        if (strcmp(m->e[id].key, key) == 0)
            return &m->e[id];
    return NULL;
}

/* The entry for key, created (line 0) when absent; NULL on OOM. */
static struct code_entry *code_map_get(struct code_map *m, const char *key)
{
    struct code_entry *found = code_map_find(m, key);
    if (found)
        return found;
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 256;
        struct code_entry *e = realloc(m->e, cap * sizeof *e);
        if (!e)
            return NULL;
        m->e = e;
        m->cap = cap;
    }
    if (m->n >= HINDEX_NONE - 1 || hindex_add(&m->ix, hash_str(key), (uint32_t)m->n) != 0)
        return NULL;
    struct code_entry *e = &m->e[m->n++];
    memset(e, 0, sizeof *e);
    snprintf(e->key, sizeof e->key, "%s", key);
    return e;
}

static void code_map_free(struct code_map *m)
{
    free(m->e);
    hindex_free(&m->ix);
    memset(m, 0, sizeof *m);
}

/* A NIP as a number: 18 digits fit in 60 bits. */
static uint64_t nip_number(const char *nip)
{
    uint64_t v = 0;
    for (int i = 0; i < NIP_LEN; i++)
        v = v * 10 + (uint64_t)(nip[i] - '0');
    return v;
}

/* --- the importer ------------------------------------------------------------ */

struct pending_parent {
    uint32_t line, col, fline;
    char code[CODE_SIZE];
    char parent[CODE_SIZE];
};

/* Where a good staff row is. Sorted by NIP after pass 1, the list shows
 * duplicate NIPs side by side (no hash table, no cache miss per row), and
 * pass 2 writes the rows in NIP order: records that arrive in key order
 * fill B-tree pages one after another instead of touching pages all over
 * the tree, which a big transaction pays for. */
struct row_ref {
    uint64_t nip;
    size_t offset;
    unsigned line;              /* where the row starts (for csv_seek) */
    unsigned nip_line;          /* where its NIP field is (for messages) */
};

struct importer {
    enum import_kind kind;
    mdate today;
    csv_reader *r;
    struct import_header h;
    struct import_problems ps;
    size_t rows;
    char sha[65];
    import_progress_fn progress;
    void *progress_ctx;
    struct code_map in_file;    /* unit or position codes of this file */
    struct pending_parent *pending;
    size_t npending, cappending;
    struct row_ref *order;      /* staff rows, sorted by NIP after pass 1 */
    size_t norder, caporder;
    struct import_memo *memo;   /* NULL when it could not be allocated */
    import_record_fn stream;    /* import_check_each: records handed over in pass 1 */
    void *stream_ctx;
    bool streaming;             /* so far every row went to stream */
    struct pipe_prep prep;      /* import_set_prepare */
    const void *prepared;       /* what it made of the record streamed now */
    int stream_rc;              /* what stream returned when it said stop */
    bool xlsx;                  /* r reads the spooled first sheet of a workbook */
    struct import_xlsx xl;
};

/* The zip signature: an xlsx workbook whatever the file's name. */
static bool file_is_zip(const char *path)
{
    unsigned char head[4];
    FILE *f = fopen(path, "rb");
    size_t got = f ? fread(head, 1, sizeof head, f) : 0;
    if (f)
        fclose(f);
    return xlsx_is_zip(head, got);
}

importer *import_open(const char *path, enum import_kind kind, mdate today,
                      char *err, size_t errlen)
{
    struct import_xlsx xl;
    bool xlsx = file_is_zip(path);
    csv_reader *r = xlsx ? import_xlsx_spool(path, &xl, err, errlen)
                         : csv_open_file(path, err, errlen);
    if (!r)
        return NULL;
    importer *im = calloc(1, sizeof *im);
    if (!im) {
        csv_close(r);
        if (xlsx)
            import_xlsx_free(&xl);
        snprintf(err, errlen, "%s", strerror(ENOMEM));
        return NULL;
    }
    im->xlsx = xlsx;
    if (xlsx)
        im->xl = xl;
    im->kind = kind;
    im->today = today;
    im->r = r;
    im->memo = calloc(1, sizeof *im->memo);    /* optional: only a speed-up */
    return im;
}

void import_close(importer *im)
{
    if (!im)
        return;
    csv_close(im->r);
    import_problems_free(&im->ps);
    code_map_free(&im->in_file);
    free(im->pending);
    free(im->order);
    free(im->memo);
    if (im->xlsx)
        import_xlsx_free(&im->xl);
    free(im);
}

bool import_is_xlsx(const importer *im)
{
    return im->xlsx;
}

void import_where(const importer *im, unsigned line, unsigned col, char *buf, size_t len)
{
    if (im->xlsx)
        import_xlsx_where(&im->xl, line, col, buf, len);
    else
        snprintf(buf, len, "%u:%u", line, col);
}

void import_set_progress(importer *im, import_progress_fn fn, void *ctx)
{
    im->progress = fn;
    im->progress_ctx = ctx;
}

const struct import_problems *import_problems(const importer *im)
{
    return &im->ps;
}

size_t import_rows(const importer *im)
{
    return im->rows;
}

const char *import_sha256(const importer *im)
{
    return im->sha;
}

/* at: bytes of the file read (csv_offset, or what the reader thread
 * read). */
static void tell_progress(importer *im, int pass, size_t at)
{
    if (im->progress) {
        size_t total = csv_size(im->r);
        /* a pass that also writes is both passes at once */
        im->progress(im->progress_ctx, im->stream ? 2 * at : at + (pass == 2 ? total : 0),
                     2 * total);
    }
}

/* References are asked of the caller each time: it answers from memory
 * when there are many (ops/import.c), and a cache here would be a second
 * table of every code (150 MB for 750,000 positions). */
static bool db_unit(importer *im, const struct import_refs *refs, const char *code)
{
    (void)im;
    return refs->unit_exists(refs->ctx, code);
}

static bool db_position(importer *im, const struct import_refs *refs, const char *code,
                        char unit[CODE_SIZE])
{
    (void)im;
    return refs->position_unit(refs->ctx, code, unit);
}

/* A key seen twice in the file. */
static bool first_in_file(importer *im, const struct csv_row *row, enum import_col c,
                          const char *code, const char *val)
{
    struct code_entry *e = code_map_get(&im->in_file, code);
    unsigned line, col = import_col_where(&im->h, row, c, &line);
    if (e && e->line) {
        if (im->xlsx)
            import_problem_add(&im->ps, false, line, col, import_col_name(c),
                               _("%s appears again (first in row %u)"), code,
                               import_xlsx_row(&im->xl, e->line));
        else
            import_problem_add(&im->ps, false, line, col, import_col_name(c),
                               _("%s appears again (first on line %u)"), code, e->line);
        return false;
    }
    if (e) {
        e->line = row->line;
        snprintf(e->val, sizeof e->val, "%s", val);
    }
    return true;
}

static void check_unit_refs(importer *im, const struct import_refs *refs,
                            const struct csv_row *row, const struct unit *u)
{
    first_in_file(im, row, COL_CODE, u->code, u->parent);
    if (!u->parent[0] || db_unit(im, refs, u->parent))
        return;
    /* The parent may come later in the file: decide at the end. */
    if (im->npending == im->cappending) {
        size_t cap = im->cappending ? im->cappending * 2 : 64;
        struct pending_parent *p = realloc(im->pending, cap * sizeof *p);
        if (!p)
            return;
        im->pending = p;
        im->cappending = cap;
    }
    struct pending_parent *p = &im->pending[im->npending++];
    unsigned line;
    p->col = import_col_where(&im->h, row, COL_PARENT, &line);
    p->line = line;
    p->fline = row->line;
    snprintf(p->code, sizeof p->code, "%s", u->code);
    snprintf(p->parent, sizeof p->parent, "%s", u->parent);
}

/* The person is on record, each place is a unit or a district, and a
 * person has one row. */
static void check_places(importer *im, const struct import_refs *refs, const struct csv_row *row,
                         enum import_col c, const char (*places)[PREF_PLACE_SIZE], uint8_t n)
{
    for (uint8_t i = 0; i < n; i++)
        if (refs->place_exists && !refs->place_exists(refs->ctx, places[i])) {
            unsigned line, col = import_col_where(&im->h, row, c, &line);
            import_problem_add(&im->ps, false, line, col, import_col_name(c),
                               _("\"%s\" is neither a unit code nor a district"), places[i]);
        }
}

static void check_preference_refs(importer *im, const struct import_refs *refs,
                                  const struct csv_row *row, const struct preference *p)
{
    if (!first_in_file(im, row, COL_NIP, p->nip, ""))
        return;
    if (refs->staff_exists && !refs->staff_exists(refs->ctx, p->nip)) {
        unsigned line, col = import_col_where(&im->h, row, COL_NIP, &line);
        import_problem_add(&im->ps, false, line, col, "nip", _("nobody has NIP %s"), p->nip);
    }
    check_places(im, refs, row, COL_PREFER, p->prefer, p->nprefer);
    check_places(im, refs, row, COL_AVOID, p->avoid, p->navoid);
}

/* Parents named in the file but not in the database must be in the file,
 * and the file must not make a loop of parents. */
static void resolve_parents(importer *im)
{
    for (size_t i = 0; i < im->npending; i++) {
        const struct pending_parent *p = &im->pending[i];
        const struct code_entry *e = code_map_find(&im->in_file, p->parent);
        if (!e || !e->line) {
            import_problem_add(&im->ps, false, p->line, p->col, "parent",
                               _("unknown unit \"%s\" (neither in the database nor in this file)"),
                               p->parent);
            continue;
        }
        /* Walk up inside the file; more steps than units means a loop. */
        const char *at = p->parent;
        for (size_t steps = 0; steps <= im->in_file.n; steps++) {
            if (strcmp(at, p->code) == 0) {
                import_problem_add(&im->ps, false, p->line, p->col, "parent",
                                   _("the parents of unit %s lead back to itself"), p->code);
                break;
            }
            const struct code_entry *up = code_map_find(&im->in_file, at);
            if (!up || !up->line || !up->val[0])
                break;
            at = up->val;
        }
    }
}

static void check_position_refs(importer *im, const struct import_refs *refs,
                                const struct csv_row *row, const struct position *p)
{
    first_in_file(im, row, COL_CODE, p->code, p->unit);
    if (p->unit[0] && !db_unit(im, refs, p->unit)) {
        unsigned line, col = import_col_where(&im->h, row, COL_UNIT, &line);
        import_problem_add(&im->ps, false, line, col, "unit",
                           _("unknown unit \"%s\""), p->unit);
    }
}

static bool remember_row(importer *im, const struct pipe_row *row)
{
    if (im->norder == im->caporder) {
        size_t cap = im->caporder ? im->caporder * 2 : 4096;
        struct row_ref *o = realloc(im->order, cap * sizeof *o);
        if (!o)
            return false;
        want_huge_pages(o, cap * sizeof *o);
        im->order = o;
        im->caporder = cap;
    }
    im->order[im->norder++] = (struct row_ref){nip_number(row->s.nip), row->offset, row->line,
                                               row->at[PIPE_AT_NIP].line};
    return true;
}

/* By NIP, then by line: the first of equal NIPs is the one met first. */
static int row_ref_cmp(const void *a, const void *b)
{
    const struct row_ref *x = a, *y = b;
    if (x->nip != y->nip)
        return x->nip < y->nip ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

/* LSD radix sort by NIP, 11 bits a pass (a NIP has 60): stable, so rows
 * of equal NIP stay in file order, as row_ref_cmp wants. Several times
 * faster than qsort for a million rows; false when out of memory. */
#define RADIX_BITS 11
#define RADIX_PASSES 6
static bool radix_sort_rows(struct row_ref *a, size_t n)
{
    const uint64_t mask = (1u << RADIX_BITS) - 1;
    uint32_t (*count)[1u << RADIX_BITS] = calloc(RADIX_PASSES, sizeof *count);
    struct row_ref *tmp = malloc(n * sizeof *tmp);
    want_huge_pages(tmp, n * sizeof *tmp);
    if (!tmp || !count) {
        free(tmp);
        free(count);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        for (int p = 0; p < RADIX_PASSES; p++)
            count[p][(a[i].nip >> (p * RADIX_BITS)) & mask]++;
    struct row_ref *from = a, *to = tmp;
    for (int p = 0; p < RADIX_PASSES; p++) {
        uint32_t *c = count[p];
        if (c[(from[0].nip >> (p * RADIX_BITS)) & mask] == n)
            continue;           /* every row has this digit: nothing moves */
        uint32_t sum = 0;
        for (size_t d = 0; d <= mask; d++) {
            uint32_t k = c[d];
            c[d] = sum;
            sum += k;
        }
        for (size_t i = 0; i < n; i++)
            to[c[(from[i].nip >> (p * RADIX_BITS)) & mask]++] = from[i];
        struct row_ref *x = from;
        from = to;
        to = x;
    }
    if (from != a)
        memcpy(a, from, n * sizeof *a);
    free(tmp);
    free(count);
    return true;
}

static bool stream_record(importer *im, const struct staff *s);
static size_t check_rows(importer *im, const struct import_refs *refs);

/* Sorts the good staff rows by NIP and reports every NIP met again. */
static void sort_and_find_duplicates(importer *im)
{
    if (!im->norder)
        return;
    /* A file exported by mutasi is in NIP order already: no sort then. */
    size_t k = 1;
    while (k < im->norder && row_ref_cmp(&im->order[k - 1], &im->order[k]) < 0)
        k++;
    if (k < im->norder && (im->norder > UINT32_MAX || !radix_sort_rows(im->order, im->norder)))
        qsort(im->order, im->norder, sizeof *im->order, row_ref_cmp);
    unsigned col = im->h.col[COL_NIP] >= 0 ? (unsigned)im->h.col[COL_NIP] + 1 : 1;
    size_t first = 0;
    for (size_t i = 1; i < im->norder; i++) {
        if (im->order[i].nip != im->order[first].nip) {
            first = i;
            continue;
        }
        char digits[NIP_LEN + 1], f[NIP_FMT_LEN + 1];
        snprintf(digits, sizeof digits, "%018llu", (unsigned long long)im->order[i].nip);
        nip_format(digits, f);
        if (im->xlsx)
            import_problem_add(&im->ps, false, im->order[i].nip_line, col, "nip",
                               _("NIP %s appears again (first in row %u)"), f,
                               import_xlsx_row(&im->xl, im->order[first].line));
        else
            import_problem_add(&im->ps, false, im->order[i].nip_line, col, "nip",
                               _("NIP %s appears again (first on line %u)"), f,
                               im->order[first].line);
    }
}

/* A discipline penalty ends with the person's service: one still running
 * on the first day of the pension is a typing error (PP 94/2021 penalties
 * are served in service). */
static void check_penalty_ends(importer *im, const struct import_refs *refs,
                               const struct pipe_row *row)
{
    const struct staff *s = &row->s;
    if (!refs->bup_years || s->discipline_until == MDATE_NONE || s->birth_date == MDATE_NONE)
        return;
    int bup = refs->bup_years(refs->ctx, s);
    mdate retire = rules_retirement_date(s->birth_date, bup);
    if (s->discipline_until < retire)
        return;
    unsigned line = row->at[PIPE_AT_DISCIPLINE_UNTIL].line;
    unsigned col = row->at[PIPE_AT_DISCIPLINE_UNTIL].col;
    char until[11], on[11];
    date_format(s->discipline_until, until);
    date_format(retire, on);
    import_problem_add(&im->ps, false, line, col, "discipline_until",
                       _("discipline_until %s runs past retirement on %s (BUP %d): "
                         "a penalty ends before the person retires"), until, on, bup);
}

static void check_staff_refs(importer *im, const struct import_refs *refs,
                             const struct pipe_row *row)
{
    const struct staff *s = &row->s;
    unsigned line, col;
    /* The position first: its answer makes the unit's cheap (see
     * store_codes). */
    char pos_unit[CODE_SIZE];
    bool pos_ok = s->position[0] && db_position(im, refs, s->position, pos_unit);
    bool unit_ok = db_unit(im, refs, s->unit);
    if (!unit_ok) {
        line = row->at[PIPE_AT_UNIT].line;
        col = row->at[PIPE_AT_UNIT].col;
        import_problem_add(&im->ps, false, line, col, "unit", _("unknown unit \"%s\""), s->unit);
    }
    check_penalty_ends(im, refs, row);
    line = row->at[PIPE_AT_POSITION].line;
    col = row->at[PIPE_AT_POSITION].col;
    if (!s->position[0])
        return;                 /* on leave that vacates the post (validated) */
    if (!pos_ok)
        import_problem_add(&im->ps, false, line, col, "position",
                           _("unknown position \"%s\""), s->position);
    else if (unit_ok && strcmp(pos_unit, s->unit) != 0)
        import_problem_add(&im->ps, false, line, col, "position",
                           _("position %s belongs to unit %s, not to %s"),
                           s->position, pos_unit, s->unit);
}

union any_record {
    struct unit u;
    struct position p;
    struct staff s;
    struct preference pref;
};

static int convert(importer *im, const struct csv_row *row, union any_record *rec,
                   struct import_problems *ps, bool validate)
{
    switch (im->kind) {
    case IMPORT_UNITS:
        return import_unit_row_ex(&im->h, row, &rec->u, ps, validate, im->memo);
    case IMPORT_POSITIONS:
        return import_position_row_ex(&im->h, row, &rec->p, ps, validate, im->memo);
    case IMPORT_PREFERENCES:
        return import_preference_row_ex(&im->h, row, &rec->pref, ps, validate, im->memo);
    default:
        return import_staff_row_ex(&im->h, row, im->today, &rec->s, ps, validate, im->memo);
    }
}

static void csv_failure(importer *im)
{
    unsigned line, col;
    const char *why = csv_error(im->r, &line, &col);
    import_problem_add(&im->ps, false, line, col, "", "%s", why);
}

static void hash_file(importer *im)
{
    if (im->xlsx) {             /* the workbook, not the spooled sheet */
        memcpy(im->sha, im->xl.sha, sizeof im->sha);
        return;
    }
    size_t len;
    const char *data = csv_data(im->r, &len);
    import_sha256_hex(data, len, im->sha);
}


/* Pass 1 may run again (a write transaction retried): from a clean slate. */
static void pass1_reset(importer *im)
{
    import_problems_free(&im->ps);
    code_map_free(&im->in_file);
    im->rows = im->npending = im->norder = 0;
    im->streaming = im->stream != NULL;
    im->stream_rc = 0;
}

/* Hands a good row's record to the stream while the file is clean and in
 * strictly ascending NIP order (the row was remembered last); false when
 * the stream said stop (the pass stops too). */
static bool stream_record(importer *im, const struct staff *s)
{
    if (!im->streaming)
        return true;
    if (im->ps.errors || (im->norder > 1 && im->order[im->norder - 2].nip >=
                                                im->order[im->norder - 1].nip)) {
        im->streaming = false;
        return true;
    }
    im->stream_rc = im->stream(im->stream_ctx, s);
    if (im->stream_rc == 0)
        return true;
    im->streaming = false;
    return false;
}

size_t import_check(importer *im, const struct import_refs *refs)
{
    pass1_reset(im);
    return check_rows(im, refs);
}

int import_check_each(importer *im, const struct import_refs *refs, import_record_fn fn,
                      void *ctx, size_t *errors)
{
    im->stream = im->kind == IMPORT_STAFF ? fn : NULL;
    im->stream_ctx = ctx;
    pass1_reset(im);
    *errors = check_rows(im, refs);
    int rc = im->stream_rc;
    im->stream = NULL;
    return rc;
}

bool import_streamed(const importer *im)
{
    return im->streaming;
}

size_t import_estimate_rows(const importer *im)
{
    size_t len, n = 0;
    const char *p = csv_data(im->r, &len), *end = p + len;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL)
        n++, p++;
    return n;
}

/* Units, positions, preferences: row after row. Returns csv_next's last
 * result. */
static int check_other_rows(importer *im, const struct import_refs *refs)
{
    struct csv_row row;
    union any_record rec;
    int rc;
    while ((rc = csv_next(im->r, &row)) > 0) {
        im->rows++;
        if ((im->rows & 8191) == 0)
            tell_progress(im, 1, csv_offset(im->r));
        if (convert(im, &row, &rec, &im->ps, true))
            continue;
        if (im->kind == IMPORT_UNITS)
            check_unit_refs(im, refs, &row, &rec.u);
        else if (im->kind == IMPORT_POSITIONS)
            check_position_refs(im, refs, &row, &rec.p);
        else
            check_preference_refs(im, refs, &row, &rec.pref);
    }
    return rc;
}

/* After a pass that handed every row over, import_each has nothing left
 * to do: the list of rows (24 bytes a person) goes before the caller's
 * bulk load finishes, when memory is at its peak. */
static void forget_rows(importer *im)
{
    free(im->order);
    im->order = NULL;
    im->norder = im->caporder = 0;
}

/* One row of staff the reader thread converted: its problems, then its
 * references, then on to the stream. False to stop the pass. */
static bool take_staff_row(importer *im, const struct import_refs *refs,
                           const struct pipe_row *row, const struct import_problem **prob,
                           size_t at)
{
    for (unsigned k = 0; k < row->nprob; k++)
        import_problem_copy(&im->ps, (*prob)++);
    im->rows++;
    if ((im->rows & 8191) == 0)
        tell_progress(im, 1, at);
    if (row->errors)
        return true;
    im->prepared = row->prep;   /* the references' answers may be there */
    check_staff_refs(im, refs, row);
    if (!remember_row(im, row)) {
        im->prepared = NULL;
        import_problem_add(&im->ps, false, row->row_line, 1, "", "%s", strerror(ENOMEM));
        return false;
    }
    bool go = !im->stream || stream_record(im, &row->s);
    im->prepared = NULL;
    return go;
}

void import_set_prepare(importer *im, import_prepare_fn fn, import_ahead_fn ahead, void *ctx,
                        size_t size)
{
    size_t align = _Alignof(max_align_t);     /* each result aligned for any type */
    im->prep = (struct pipe_prep){fn, ctx, (size + align - 1) / align * align, ahead};
}

const void *import_prepared(const importer *im)
{
    return im->prepared;
}

/* Staff: the rows parsed and converted on a thread of their own (see
 * import_pipe.c), the rest here. Returns csv_next's last result (1 when
 * the pass stopped early); *hashed when the reader hashed the file into
 * im->sha. */
static int check_staff_rows(importer *im, const struct import_refs *refs, bool *hashed)
{
    /* A workbook's checksum is of the workbook, not of the spooled sheet. */
    import_pipe *p = import_pipe_start(im->r, &im->h, im->today, im->memo, !im->xlsx,
                                       im->stream ? &im->prep : NULL);
    if (!p) {
        import_problem_add(&im->ps, false, 2, 1, "", "%s", strerror(ENOMEM));
        return 1;
    }
    int rc = 1;
    bool go = true;
    while (go && rc == 1) {
        const struct pipe_batch *b = import_pipe_next(p);
        const struct import_problem *prob = b->ps.p;
        for (size_t i = 0; i < b->n && go; i++)
            go = take_staff_row(im, refs, &b->row[i], &prob, b->offset);
        rc = go ? b->rc : 1;
        import_pipe_done(p, b);
    }
    *hashed = import_pipe_end(p, im->sha);
    return rc;
}

static size_t check_rows(importer *im, const struct import_refs *refs)
{
    struct csv_row row;
    csv_rewind(im->r);
    int rc = csv_next(im->r, &row);
    if (rc <= 0) {
        if (rc == 0)
            import_problem_add(&im->ps, false, 1, 1, "",
                               _("the file is empty; a header row is required"));
        else
            csv_failure(im);
        return im->ps.errors;
    }
    if (import_header_parse(&im->h, im->kind, &row, &im->ps))
        return im->ps.errors;
    bool hashed = false;
    rc = im->kind == IMPORT_STAFF ? check_staff_rows(im, refs, &hashed) : check_other_rows(im, refs);
    sort_and_find_duplicates(im);
    if (im->stream && im->streaming)
        forget_rows(im);
    if (rc < 0)
        csv_failure(im);
    if (im->rows == 0 && rc == 0)
        import_problem_add(&im->ps, true, 2, 1, "", _("the file has no data rows"));
    resolve_parents(im);
    import_problems_sort(&im->ps);
    if (!hashed)
        hash_file(im);
    tell_progress(im, 1, csv_size(im->r));
    return im->ps.errors;
}

/* Hands one row to fn; 0 to go on. */
static int each_row(importer *im, const struct csv_row *row, union any_record *rec,
                    struct import_problems *scratch, import_record_fn fn, void *ctx)
{
    scratch->n = 0;
    if (convert(im, row, rec, scratch, false))
        return 0;               /* cannot happen after a clean pass 1 */
    return fn(ctx, rec);
}

/* Rows ahead in pass 2; a row is one to four cache lines. */
#ifndef PREFETCH_AHEAD
#define PREFETCH_AHEAD 8
#endif

int import_each(importer *im, import_record_fn fn, void *ctx)
{
    struct csv_row row;
    union any_record rec;
    struct import_problems scratch = {0};
    int rc = 0;
    csv_rewind(im->r);
    if (csv_next(im->r, &row) <= 0)
        return 0;
    if (im->kind == IMPORT_STAFF) {
        size_t len;
        const char *data = csv_data(im->r, &len);
        for (size_t i = 0; i < im->norder && !rc; i++) {
            /* Rows are read in NIP order, all over the file: ask for a row
             * a few rows ahead, so that its bytes are in the cache when
             * its turn comes instead of a cache (and TLB) miss per row. */
            if (i + PREFETCH_AHEAD < im->norder) {
                const char *p = data + im->order[i + PREFETCH_AHEAD].offset;
                __builtin_prefetch(p);
                __builtin_prefetch(p + 64);
                __builtin_prefetch(p + 128);
                __builtin_prefetch(p + 192);
            }
            if (((i + 1) & 8191) == 0 && im->progress)
                im->progress(im->progress_ctx, csv_size(im->r) * (im->norder + i) / im->norder,
                             2 * csv_size(im->r));
            csv_seek(im->r, im->order[i].offset, im->order[i].line);
            if (csv_next(im->r, &row) > 0)
                rc = each_row(im, &row, &rec, &scratch, fn, ctx);
        }
    } else {
        size_t n = 0;
        while (!rc && csv_next(im->r, &row) > 0) {
            if ((++n & 8191) == 0)
                tell_progress(im, 2, csv_offset(im->r));
            rc = each_row(im, &row, &rec, &scratch, fn, ctx);
        }
    }
    import_problems_free(&scratch);
    if (!rc && im->progress)
        im->progress(im->progress_ctx, 2 * csv_size(im->r), 2 * csv_size(im->r));
    return rc;
}
