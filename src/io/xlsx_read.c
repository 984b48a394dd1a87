/* xlsx reading: libzip for the archive, expat for the XML parts; the
 * workbook, its styles and shared strings (the sheet: xlsx_sheet.c). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "io/xlsx_internal.h"
#include "io/xlsx_values.h"

/* Parts read whole (workbook, relations, styles) are small; a bigger one
 * is a damaged or hostile file. */
#define SMALL_PART_MAX (16u << 20)
/* Shared strings are held whole: bounded so that a zip bomb cannot take
 * all memory. A million staff with unique names need about 40 MB. */
#define SST_TEXT_MAX (1024u << 20)
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

bool xlsx_text_add(struct text *t, const char *s, size_t n, size_t limit)
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

void xlsx_fail(xlsx_reader *r, const char *fmt, ...)
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

const char *xlsx_attr(const char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(xlsx_local(atts[i]), name) == 0)
            return atts[i + 1];
    return NULL;
}

/* --- feeding one part of the archive to expat ------------------------------- */

/* Untrusted input: no DTD entities at all (no billion laughs, no external
 * references); a workbook never declares any. */
static void XMLCALL refuse_entity(void *ud, const XML_Char *name, int pe, const XML_Char *v,
                                  int vlen, const XML_Char *base, const XML_Char *sys,
                                  const XML_Char *pub, const XML_Char *notation)
{
    (void)name, (void)pe, (void)v, (void)vlen, (void)base, (void)sys, (void)pub, (void)notation;
    struct part *p = ud;
    xlsx_fail(p->r, _("%s: declares XML entities, which a workbook never does"), p->name);
    p->stop = -1;
    XML_StopParser(p->xp, XML_FALSE);
}

void xlsx_stop_part(struct part *p, int why)
{
    p->stop = why;
    XML_StopParser(p->xp, XML_FALSE);
}

int xlsx_parse_part(xlsx_reader *r, const char *name, struct part *p,
                    XML_StartElementHandler start, XML_EndElementHandler end,
                    XML_CharacterDataHandler chars, int missing, size_t limit)
{
    zip_int64_t idx = zip_name_locate(r->zip, name, ZIP_FL_NOCASE);
    if (idx < 0) {
        if (missing)
            xlsx_fail(r, _("not an xlsx workbook: it has no %s"), name);
        return missing;
    }
    zip_file_t *zf = zip_fopen_index(r->zip, (zip_uint64_t)idx, 0);
    XML_Parser xp = XML_ParserCreate("UTF-8");
    int rc = 0;
    if (!zf || !xp) {
        xlsx_fail(r, "%s: %s", name, zf ? _("out of memory") : zip_strerror(r->zip));
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
            xlsx_fail(r, "%s: %s", name, _("out of memory"));
            rc = -1;
            break;
        }
        zip_int64_t got = zip_fread(zf, buf, CHUNK);
        if (got < 0) {
            xlsx_fail(r, _("%s: damaged archive: %s"), name, zip_file_strerror(zf));
            rc = -1;
            break;
        }
        total += (size_t)got;
        if (total > limit) {
            xlsx_fail(r, _("%s: larger than %zu MB"), name, limit >> 20);
            rc = -1;
            break;
        }
        if (XML_ParseBuffer(xp, (int)got, got == 0) == XML_STATUS_ERROR) {
            if (p->stop)
                rc = p->stop;
            else {
                xlsx_fail(r, _("%s:%lu:%lu: not well-formed XML: %s"), name,
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
    const char *n = xlsx_local(el);
    if (strcmp(n, "workbookPr") == 0) {
        const char *v = xlsx_attr(atts, "date1904");
        b->p.r->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
    } else if (strcmp(n, "sheet") == 0 && !b->have_sheet) {
        const char *name = xlsx_attr(atts, "name"), *id = xlsx_attr(atts, "id");
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
    const char *id = xlsx_attr(atts, "Id"), *target = xlsx_attr(atts, "Target");
    if (strcmp(xlsx_local(el), "Relationship") == 0 && id && target && strcmp(id, b->rid) == 0)
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
    if (xlsx_parse_part(r, "xl/workbook.xml", &b.p, book_start, no_end, no_chars, -1,
                   SMALL_PART_MAX))
        return -1;
    if (!b.have_sheet) {
        if (want)
            xlsx_fail(r, _("the workbook has no sheet \"%s\""), want);
        else
            xlsx_fail(r, _("the workbook has no sheet"));
        return -1;
    }
    if (b.rid[0] && xlsx_parse_part(r, "xl/_rels/workbook.xml.rels", &b.p, rels_start, no_end,
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
    const char *n = xlsx_local(el);
    if (strcmp(n, "numFmt") == 0) {
        const char *id = xlsx_attr(atts, "numFmtId"), *code = xlsx_attr(atts, "formatCode");
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
        const char *id = xlsx_attr(atts, "numFmtId");
        if (r->nxf < 65536 && !push_xf(r, id && numfmt_is_date(r, (unsigned)strtoul(id, NULL, 10))))
            s->oom = true;
    }
}

static void XMLCALL styles_end(void *ud, const XML_Char *el)
{
    struct styles *s = ud;
    if (strcmp(xlsx_local(el), "cellXfs") == 0 && s->depth_xfs)
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
    const char *n = xlsx_local(el);
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
    const char *n = xlsx_local(el);
    if (strcmp(n, "t") == 0) {
        s->in_t = 0;
    } else if (strcmp(n, "rPh") == 0 && s->in_rph) {
        s->in_rph--;
    } else if (strcmp(n, "si") == 0 && s->in_si) {
        s->in_si = 0;
        if (!sst_push_end(s->p.r)) {
            s->oom = true;
            xlsx_stop_part(&s->p, -1);
        }
    }
}

static void XMLCALL sst_chars(void *ud, const XML_Char *txt, int len)
{
    struct strings *s = ud;
    if (s->in_si && s->in_t && !s->in_rph &&
        !xlsx_text_add(&s->p.r->sst, txt, (size_t)len, SST_TEXT_MAX)) {
        s->oom = true;
        xlsx_stop_part(&s->p, -1);
    }
}

static int read_tables(xlsx_reader *r)
{
    struct styles st = {0};
    struct strings ss = {0};
    r->sst_off = calloc(1, sizeof *r->sst_off);
    r->capsst = r->sst_off ? 1 : 0;
    if (!r->sst_off || xlsx_parse_part(r, "xl/styles.xml", &st.p, styles_start, styles_end,
                                  no_chars, 0, SMALL_PART_MAX))
        return -1;
    int rc = xlsx_parse_part(r, "xl/sharedStrings.xml", &ss.p, sst_start, sst_end, sst_chars, 0,
                        SST_TEXT_MAX);
    if (st.oom || ss.oom)
        xlsx_fail(r, _("xl/sharedStrings.xml: more text than mutasi reads (%u MB) or out of memory"),
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
