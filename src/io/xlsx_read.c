/* xlsx reading: libzip for the archive, expat for the XML parts. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <expat.h>
#include <zip.h>
#include "core/i18n.h"
#include "io/xlsx_read.h"
#include "io/xlsx_values.h"

/* Parts read whole (workbook, relations, styles) are small; a bigger one
 * is a damaged or hostile file. */
#define SMALL_PART_MAX (16u << 20)
/* Shared strings are held whole: bounded so that a zip bomb cannot take
 * all memory. A million staff with unique names need about 40 MB. */
#define SST_TEXT_MAX (1024u << 20)
/* Excel's limit is 32,767 characters a cell: 4 bytes each at most. */
#define CELL_TEXT_MAX (32767u * 4)
#define CHUNK (64u << 10)

bool xlsx_is_zip(const void *head, size_t len)
{
    return len >= 4 && memcmp(head, "PK\3\4", 4) == 0;
}

void xlsx_cell_name(unsigned row, unsigned col, char *out, size_t len)
{
    char letters[8];
    int n = 0;
    for (unsigned c = col; c > 0 && n < 7; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    char rev[8];
    for (int i = 0; i < n; i++)
        rev[i] = letters[n - 1 - i];
    rev[n] = '\0';
    snprintf(out, len, "%s%u", rev, row);
}

/* --- growable text --------------------------------------------------------- */

struct text {
    char *p;
    size_t len, cap;
};

static bool text_add(struct text *t, const char *s, size_t n, size_t limit)
{
    if (t->len + n > limit)
        return false;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *p = realloc(t->p, cap);
        if (!p)
            return false;
        t->p = p;
        t->cap = cap;
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = '\0';
    return true;
}

/* --- the reader --------------------------------------------------------------- */

struct xlsx_reader {
    zip_t *zip;
    char sheet_name[128];
    char sheet_part[300];
    bool date1904;
    bool *xf_date;              /* per cell style (cellXfs index): a date format */
    size_t nxf, capxf;
    unsigned *date_fmts;        /* custom number formats that show dates */
    size_t ndate_fmts;
    struct text sst;            /* shared strings, one after another */
    size_t *sst_off;            /* n + 1 offsets into sst */
    size_t nsst, capsst;
    char err[512];
};

static void fail(xlsx_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(xlsx_reader *r, const char *fmt, ...)
{
    if (r->err[0])
        return;                 /* the first cause is the one to tell */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err, sizeof r->err, fmt, ap);
    va_end(ap);
}

const char *xlsx_error(const xlsx_reader *r)
{
    return r->err[0] ? r->err : _("the workbook cannot be read");
}

const char *xlsx_sheet_name(const xlsx_reader *r)
{
    return r->sheet_name;
}

/* "x:row" -> "row": some writers prefix the main namespace. A loop, not
 * strrchr: it runs for every tag and attribute of the sheet, whose names
 * are a few bytes long. */
static const char *local(const char *name)
{
    const char *n = name;
    for (; *name; name++)
        if (*name == ':')
            n = name + 1;
    return n;
}

static const char *attr(const char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(local(atts[i]), name) == 0)
            return atts[i + 1];
    return NULL;
}

/* --- feeding one part of the archive to expat ------------------------------- */

struct part {
    xlsx_reader *r;
    XML_Parser xp;
    const char *name;
    int stop;                   /* a handler's reason to stop: -1 error, else fn's value */
};

/* Untrusted input: no DTD entities at all (no billion laughs, no external
 * references); a workbook never declares any. */
static void XMLCALL refuse_entity(void *ud, const XML_Char *name, int pe, const XML_Char *v,
                                  int vlen, const XML_Char *base, const XML_Char *sys,
                                  const XML_Char *pub, const XML_Char *notation)
{
    (void)name, (void)pe, (void)v, (void)vlen, (void)base, (void)sys, (void)pub, (void)notation;
    struct part *p = ud;
    fail(p->r, _("%s: declares XML entities, which a workbook never does"), p->name);
    p->stop = -1;
    XML_StopParser(p->xp, XML_FALSE);
}

static void stop_part(struct part *p, int why)
{
    p->stop = why;
    XML_StopParser(p->xp, XML_FALSE);
}

/* Parses the part; missing is what to return when it does not exist
 * (0: optional, -1: required). limit caps the inflated size. */
static int parse_part(xlsx_reader *r, const char *name, struct part *p,
                      XML_StartElementHandler start, XML_EndElementHandler end,
                      XML_CharacterDataHandler chars, int missing, size_t limit)
{
    zip_int64_t idx = zip_name_locate(r->zip, name, ZIP_FL_NOCASE);
    if (idx < 0) {
        if (missing)
            fail(r, _("not an xlsx workbook: it has no %s"), name);
        return missing;
    }
    zip_file_t *zf = zip_fopen_index(r->zip, (zip_uint64_t)idx, 0);
    XML_Parser xp = XML_ParserCreate("UTF-8");
    int rc = 0;
    if (!zf || !xp) {
        fail(r, "%s: %s", name, zf ? _("out of memory") : zip_strerror(r->zip));
        rc = -1;
        goto out;
    }
    p->r = r;
    p->xp = xp;
    p->name = name;
    p->stop = 0;
    XML_SetUserData(xp, p);
    XML_SetElementHandler(xp, start, end);
    XML_SetCharacterDataHandler(xp, chars);
    XML_SetEntityDeclHandler(xp, refuse_entity);
    size_t total = 0;
    for (;;) {
        /* Inflated straight into expat's buffer: no copy of each chunk. */
        void *buf = XML_GetBuffer(xp, CHUNK);
        if (!buf) {
            fail(r, "%s: %s", name, _("out of memory"));
            rc = -1;
            break;
        }
        zip_int64_t got = zip_fread(zf, buf, CHUNK);
        if (got < 0) {
            fail(r, _("%s: damaged archive: %s"), name, zip_file_strerror(zf));
            rc = -1;
            break;
        }
        total += (size_t)got;
        if (total > limit) {
            fail(r, _("%s: larger than %zu MB"), name, limit >> 20);
            rc = -1;
            break;
        }
        if (XML_ParseBuffer(xp, (int)got, got == 0) == XML_STATUS_ERROR) {
            if (p->stop)
                rc = p->stop;
            else {
                fail(r, _("%s:%lu:%lu: not well-formed XML: %s"), name,
                     (unsigned long)XML_GetCurrentLineNumber(xp),
                     (unsigned long)XML_GetCurrentColumnNumber(xp) + 1,
                     XML_ErrorString(XML_GetErrorCode(xp)));
                rc = -1;
            }
            break;
        }
        if (got == 0)
            break;
    }
out:
    if (xp)
        XML_ParserFree(xp);
    if (zf)
        zip_fclose(zf);
    return rc;
}

/* --- workbook.xml and its relations: which part is the first sheet ----------- */

struct book {
    struct part p;
    const char *want;           /* the sheet's name; NULL: the first */
    bool have_sheet;
    char rid[128];
    char target[256];
};

static void XMLCALL book_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
    struct book *b = ud;
    const char *n = local(el);
    if (strcmp(n, "workbookPr") == 0) {
        const char *v = attr(atts, "date1904");
        b->p.r->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
    } else if (strcmp(n, "sheet") == 0 && !b->have_sheet) {
        const char *name = attr(atts, "name"), *id = attr(atts, "id");
        if (b->want && (!name || strcmp(name, b->want) != 0))
            return;
        b->have_sheet = true;
        snprintf(b->p.r->sheet_name, sizeof b->p.r->sheet_name, "%s", name ? name : "");
        snprintf(b->rid, sizeof b->rid, "%s", id ? id : "");
    }
}

static void XMLCALL rels_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
    struct book *b = ud;
    const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
    if (strcmp(local(el), "Relationship") == 0 && id && target && strcmp(id, b->rid) == 0)
        snprintf(b->target, sizeof b->target, "%s", target);
}

static void XMLCALL no_end(void *ud, const XML_Char *el)
{
    (void)ud, (void)el;
}

static void XMLCALL no_chars(void *ud, const XML_Char *s, int len)
{
    (void)ud, (void)s, (void)len;
}

static int find_sheet(xlsx_reader *r, const char *want)
{
    struct book b = {.want = want};
    if (parse_part(r, "xl/workbook.xml", &b.p, book_start, no_end, no_chars, -1,
                   SMALL_PART_MAX))
        return -1;
    if (!b.have_sheet) {
        if (want)
            fail(r, _("the workbook has no sheet \"%s\""), want);
        else
            fail(r, _("the workbook has no sheet"));
        return -1;
    }
    if (b.rid[0] && parse_part(r, "xl/_rels/workbook.xml.rels", &b.p, rels_start, no_end,
                               no_chars, 0, SMALL_PART_MAX))
        return -1;
    /* Targets are relative to xl/, or absolute from the archive's root. */
    if (b.target[0] == '/')
        snprintf(r->sheet_part, sizeof r->sheet_part, "%s", b.target + 1);
    else if (b.target[0])
        snprintf(r->sheet_part, sizeof r->sheet_part, "xl/%s", b.target);
    else
        snprintf(r->sheet_part, sizeof r->sheet_part, "xl/worksheets/sheet1.xml");
    return 0;
}

/* --- styles.xml: which cell styles show dates -------------------------------- */

struct styles {
    struct part p;
    int depth_xfs;              /* inside <cellXfs> */
    bool oom;
};

static bool numfmt_is_date(const xlsx_reader *r, unsigned id)
{
    if (xlsx_builtin_date(id))
        return true;
    for (size_t i = 0; i < r->ndate_fmts; i++)
        if (r->date_fmts[i] == id)
            return true;
    return false;
}

static bool push_xf(xlsx_reader *r, bool is_date)
{
    if (r->nxf == r->capxf) {
        size_t cap = r->capxf ? r->capxf * 2 : 64;
        bool *x = realloc(r->xf_date, cap * sizeof *x);
        if (!x)
            return false;
        r->xf_date = x;
        r->capxf = cap;
    }
    r->xf_date[r->nxf++] = is_date;
    return true;
}

static void XMLCALL styles_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
    struct styles *s = ud;
    xlsx_reader *r = s->p.r;
    const char *n = local(el);
    if (strcmp(n, "numFmt") == 0) {
        const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
        if (id && code && xlsx_format_is_date(code) && r->ndate_fmts < 4096) {
            unsigned *d = realloc(r->date_fmts, (r->ndate_fmts + 1) * sizeof *d);
            if (!d) {
                s->oom = true;
                return;
            }
            r->date_fmts = d;
            r->date_fmts[r->ndate_fmts++] = (unsigned)strtoul(id, NULL, 10);
        }
    } else if (strcmp(n, "cellXfs") == 0) {
        s->depth_xfs++;
    } else if (strcmp(n, "xf") == 0 && s->depth_xfs) {
        const char *id = attr(atts, "numFmtId");
        if (r->nxf < 65536 && !push_xf(r, id && numfmt_is_date(r, (unsigned)strtoul(id, NULL, 10))))
            s->oom = true;
    }
}

static void XMLCALL styles_end(void *ud, const XML_Char *el)
{
    struct styles *s = ud;
    if (strcmp(local(el), "cellXfs") == 0 && s->depth_xfs)
        s->depth_xfs--;
}

/* --- sharedStrings.xml ------------------------------------------------------- */

struct strings {
    struct part p;
    int in_si, in_t, in_rph;
    bool oom;
};

static bool sst_push_end(xlsx_reader *r)
{
    if (r->nsst + 2 > r->capsst) {
        size_t cap = r->capsst ? r->capsst * 2 : 1024;
        size_t *o = realloc(r->sst_off, cap * sizeof *o);
        if (!o)
            return false;
        r->sst_off = o;
        r->capsst = cap;
    }
    r->sst_off[++r->nsst] = r->sst.len;
    return true;
}

static void XMLCALL sst_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
    (void)atts;
    struct strings *s = ud;
    const char *n = local(el);
    if (strcmp(n, "si") == 0)
        s->in_si = 1;
    else if (strcmp(n, "rPh") == 0)
        s->in_rph++;
    else if (strcmp(n, "t") == 0 && s->in_si)
        s->in_t = 1;
}

static void XMLCALL sst_end(void *ud, const XML_Char *el)
{
    struct strings *s = ud;
    const char *n = local(el);
    if (strcmp(n, "t") == 0) {
        s->in_t = 0;
    } else if (strcmp(n, "rPh") == 0 && s->in_rph) {
        s->in_rph--;
    } else if (strcmp(n, "si") == 0 && s->in_si) {
        s->in_si = 0;
        if (!sst_push_end(s->p.r)) {
            s->oom = true;
            stop_part(&s->p, -1);
        }
    }
}

static void XMLCALL sst_chars(void *ud, const XML_Char *txt, int len)
{
    struct strings *s = ud;
    if (s->in_si && s->in_t && !s->in_rph &&
        !text_add(&s->p.r->sst, txt, (size_t)len, SST_TEXT_MAX)) {
        s->oom = true;
        stop_part(&s->p, -1);
    }
}

static int read_tables(xlsx_reader *r)
{
    struct styles st = {0};
    struct strings ss = {0};
    r->sst_off = calloc(1, sizeof *r->sst_off);
    r->capsst = r->sst_off ? 1 : 0;
    if (!r->sst_off || parse_part(r, "xl/styles.xml", &st.p, styles_start, styles_end,
                                  no_chars, 0, SMALL_PART_MAX))
        return -1;
    int rc = parse_part(r, "xl/sharedStrings.xml", &ss.p, sst_start, sst_end, sst_chars, 0,
                        SST_TEXT_MAX);
    if (st.oom || ss.oom)
        fail(r, _("xl/sharedStrings.xml: more text than mutasi reads (%u MB) or out of memory"),
             SST_TEXT_MAX >> 20);
    return st.oom || ss.oom ? -1 : rc;
}

/* --- opening ------------------------------------------------------------------- */

static xlsx_reader *finish_open(zip_t *zip, const char *sheet, char *err, size_t errlen)
{
    xlsx_reader *r = calloc(1, sizeof *r);
    if (!r) {
        zip_discard(zip);
        snprintf(err, errlen, "%s", _("out of memory"));
        return NULL;
    }
    r->zip = zip;
    if (find_sheet(r, sheet) || read_tables(r)) {
        snprintf(err, errlen, "%s", xlsx_error(r));
        xlsx_close(r);
        return NULL;
    }
    return r;
}

xlsx_reader *xlsx_open_file(const char *path, char *err, size_t errlen)
{
    return xlsx_open_sheet(path, NULL, err, errlen);
}

xlsx_reader *xlsx_open_sheet(const char *path, const char *sheet, char *err, size_t errlen)
{
    int code = 0;
    zip_t *zip = zip_open(path, ZIP_RDONLY, &code);
    if (!zip) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        snprintf(err, errlen, _("not an xlsx workbook: %s"), zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return NULL;
    }
    return finish_open(zip, sheet, err, errlen);
}

xlsx_reader *xlsx_open_mem(const void *data, size_t len, char *err, size_t errlen)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    zip_t *zip = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!zip) {
        snprintf(err, errlen, _("not an xlsx workbook: %s"), zip_error_strerror(&ze));
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    return finish_open(zip, NULL, err, errlen);
}

void xlsx_close(xlsx_reader *r)
{
    if (!r)
        return;
    if (r->zip)
        zip_discard(r->zip);
    free(r->xf_date);
    free(r->date_fmts);
    free(r->sst.p);
    free(r->sst_off);
    free(r);
}

/* --- cell values ---------------------------------------------------------------- */

/* "D14" -> column 4 (row ignored); 0 when it is not a reference. */
static unsigned ref_col(const char *s)
{
    unsigned c = 0;
    for (; *s >= 'A' && *s <= 'Z'; s++) {
        c = c * 26 + (unsigned)(*s - 'A' + 1);
        if (c > XLSX_MAX_COLS)
            return 0;
    }
    return *s >= '0' && *s <= '9' ? c : 0;
}

static unsigned parse_uint(const char *s, unsigned max)
{
    unsigned long v = 0;
    if (!s || !*s)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || (v = v * 10 + (unsigned long)(*s - '0')) > max)
            return 0;
    }
    return (unsigned)v;
}

/* --- the sheet ------------------------------------------------------------------- */

struct cellref {
    size_t off, len;            /* in sheet.row_text */
    unsigned col;
};

/* The elements of a sheet that matter, told apart by their first letters
 * (sheet_element): a million-row sheet has tens of millions of tags. */
enum sheet_el { EL_OTHER, EL_SHEETDATA, EL_ROW, EL_C, EL_V, EL_IS, EL_T, EL_RPH };

/* A cell's t attribute; CT_RAW (str, inlineStr, e, anything else): the
 * text as it is. */
enum cell_type { CT_NUMBER, CT_SHARED, CT_BOOL, CT_DATE, CT_RAW };

struct sheet {
    struct part p;
    xlsx_row_fn fn;
    void *ctx;
    bool in_data, in_row, in_c, in_v, in_is, in_t;
    int in_rph;
    unsigned row, col;          /* current row; last column seen */
    enum cell_type type;
    unsigned style;
    struct text v;              /* the current cell's <v> or inline text */
    struct text row_text;       /* the values of the current row */
    struct cellref *cells;
    struct xlsx_cell *out;
    unsigned ncells, capcells, capout;
};

static void sheet_fail(struct sheet *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sheet_fail(struct sheet *s, const char *fmt, ...)
{
    char msg[300], cell[16];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    xlsx_cell_name(s->row, s->col ? s->col : 1, cell, sizeof cell);
    fail(s->p.r, "%s!%s: %s", s->p.r->sheet_name, cell, msg);
    stop_part(&s->p, -1);
}

static void row_start(struct sheet *s, const char **atts)
{
    const char *rn = attr(atts, "r");
    unsigned row = rn ? parse_uint(rn, XLSX_MAX_ROWS) : s->row + 1;
    if (!row || row > XLSX_MAX_ROWS || row <= s->row) {
        s->row = s->row + 1;
        sheet_fail(s, _("row number \"%s\" is not after the previous row"), rn ? rn : "");
        return;
    }
    s->row = row;
    s->col = 0;
    s->in_row = true;
    s->ncells = 0;
    s->row_text.len = 0;
}

static enum cell_type cell_type(const char *t)
{
    if (!t || (t[0] == 'n' && !t[1]))
        return CT_NUMBER;
    if (t[1])
        return CT_RAW;
    return t[0] == 's' ? CT_SHARED : t[0] == 'b' ? CT_BOOL : t[0] == 'd' ? CT_DATE : CT_RAW;
}

static void cell_start(struct sheet *s, const char **atts)
{
    const char *r = NULL, *t = NULL, *st = NULL;
    for (size_t i = 0; atts[i]; i += 2) {      /* one pass over r, s, t */
        const char *a = local(atts[i]);
        if (a[0] && !a[1]) {
            if (a[0] == 'r')
                r = atts[i + 1];
            else if (a[0] == 's')
                st = atts[i + 1];
            else if (a[0] == 't')
                t = atts[i + 1];
        }
    }
    unsigned col = r ? ref_col(r) : s->col + 1;
    if (!col || col > XLSX_MAX_COLS || col <= s->col) {
        sheet_fail(s, _("cell reference \"%s\" is not after the previous cell"), r ? r : "");
        return;
    }
    s->col = col;
    s->in_c = true;
    s->type = cell_type(t);
    s->style = st ? parse_uint(st, 1u << 30) : 0;
    s->v.len = 0;
}

static const char *sst_at(const xlsx_reader *r, size_t i, size_t *len)
{
    *len = r->sst_off[i + 1] - r->sst_off[i];
    return r->sst.p ? r->sst.p + r->sst_off[i] : "";
}

/* The value of the cell just closed, as text; false when it has none. */
static bool cell_value(struct sheet *s, const char **p, size_t *len, char *tmp, size_t tmplen)
{
    xlsx_reader *r = s->p.r;
    const char *v = s->v.p ? s->v.p : "";
    *p = v;
    *len = s->v.len;
    if (s->type == CT_SHARED) {
        if (!s->v.len)
            return false;
        unsigned i = parse_uint(v, 1u << 30);
        if ((!i && strcmp(v, "0") != 0) || i >= r->nsst) {
            sheet_fail(s, _("shared string %s does not exist"), v);
            return false;
        }
        *p = sst_at(r, i, len);
    } else if (s->type == CT_BOOL) {
        if (!s->v.len)
            return false;
        *p = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
        *len = strlen(*p);
    } else if (s->type == CT_DATE) {
        *len = s->v.len > 10 && v[10] == 'T' ? 10 : s->v.len;   /* ISO 8601: the day */
    } else if (s->type == CT_NUMBER && s->v.len) {
        bool is_date = s->style < r->nxf && r->xf_date[s->style];
        if ((is_date && xlsx_serial_to_date(v, r->date1904, tmp)) ||
            (!is_date && xlsx_integral_number(v, tmp, tmplen))) {
            *p = tmp;
            *len = strlen(tmp);
        }
    }
    return *len > 0;
}

static void cell_end(struct sheet *s)
{
    char tmp[40];
    const char *p;
    size_t len;
    s->in_c = false;
    if (!cell_value(s, &p, &len, tmp, sizeof tmp) || s->p.stop)
        return;
    if (s->ncells == s->capcells) {
        unsigned cap = s->capcells ? s->capcells * 2 : 32;
        struct cellref *c = realloc(s->cells, cap * sizeof *c);
        if (!c) {
            sheet_fail(s, "%s", _("out of memory"));
            return;
        }
        s->cells = c;
        s->capcells = cap;
    }
    struct cellref *c = &s->cells[s->ncells++];
    c->off = s->row_text.len;
    c->len = len;
    c->col = s->col;
    if (!text_add(&s->row_text, p, len, (size_t)CELL_TEXT_MAX * 64))
        sheet_fail(s, "%s", _("the row holds more text than mutasi reads"));
}

static void row_end(struct sheet *s)
{
    s->in_row = false;
    if (!s->ncells)
        return;
    if (s->ncells > s->capout) {
        struct xlsx_cell *o = realloc(s->out, s->capcells * sizeof *o);
        if (!o) {
            sheet_fail(s, "%s", _("out of memory"));
            return;
        }
        s->out = o;
        s->capout = s->capcells;
    }
    struct xlsx_cell *o = s->out;
    for (unsigned i = 0; i < s->ncells; i++)
        o[i] = (struct xlsx_cell){s->row_text.p + s->cells[i].off, s->cells[i].len,
                                  s->cells[i].col};
    int rc = s->fn(s->ctx, s->row, o, s->ncells);
    if (rc)
        stop_part(&s->p, rc);
}

static enum sheet_el sheet_element(const char *name)
{
    const char *n = local(name);
    switch (n[0]) {
    case 'c':
        return n[1] ? EL_OTHER : EL_C;
    case 'v':
        return n[1] ? EL_OTHER : EL_V;
    case 't':
        return n[1] ? EL_OTHER : EL_T;
    case 'i':
        return n[1] == 's' && !n[2] ? EL_IS : EL_OTHER;
    case 'r':
        return strcmp(n, "row") == 0 ? EL_ROW : strcmp(n, "rPh") == 0 ? EL_RPH : EL_OTHER;
    case 's':
        return strcmp(n, "sheetData") == 0 ? EL_SHEETDATA : EL_OTHER;
    }
    return EL_OTHER;
}

static void XMLCALL sheet_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
    struct sheet *s = ud;
    enum sheet_el n = sheet_element(el);
    if (n == EL_SHEETDATA)
        s->in_data = true;
    else if (!s->in_data)
        return;
    else if (n == EL_ROW)
        row_start(s, atts);
    else if (n == EL_C && s->in_row)
        cell_start(s, atts);
    else if (n == EL_V && s->in_c)
        s->in_v = true;
    else if (n == EL_IS && s->in_c)
        s->in_is = true;
    else if (n == EL_RPH && s->in_is)
        s->in_rph++;
    else if (n == EL_T && s->in_is)
        s->in_t = true;
}

static void XMLCALL sheet_end(void *ud, const XML_Char *el)
{
    struct sheet *s = ud;
    if (!s->in_data)
        return;
    switch (sheet_element(el)) {
    case EL_V:
        s->in_v = false;
        break;
    case EL_T:
        s->in_t = false;
        break;
    case EL_RPH:
        if (s->in_rph)
            s->in_rph--;
        break;
    case EL_IS:
        s->in_is = false;
        break;
    case EL_C:
        if (s->in_c)
            cell_end(s);
        break;
    case EL_ROW:
        if (s->in_row)
            row_end(s);
        break;
    case EL_SHEETDATA:
        s->in_data = false;
        break;
    case EL_OTHER:
        break;
    }
}

static void XMLCALL sheet_chars(void *ud, const XML_Char *txt, int len)
{
    struct sheet *s = ud;
    bool want = s->in_c && (s->in_v || (s->in_is && s->in_t && !s->in_rph));
    if (want && !text_add(&s->v, txt, (size_t)len, CELL_TEXT_MAX))
        sheet_fail(s, _("the cell holds more than %u bytes"), CELL_TEXT_MAX);
}

int xlsx_each_row(xlsx_reader *r, xlsx_row_fn fn, void *ctx)
{
    struct sheet s = {0};
    s.fn = fn;
    s.ctx = ctx;
    r->err[0] = '\0';
    /* The sheet can be any size: streamed, so no limit but the format's. */
    int rc = parse_part(r, r->sheet_part, &s.p, sheet_start, sheet_end, sheet_chars, -1,
                        SIZE_MAX);
    free(s.v.p);
    free(s.row_text.p);
    free(s.cells);
    free(s.out);
    return rc;
}
