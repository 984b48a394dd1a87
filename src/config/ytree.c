/* The YAML event loop and the helpers the loaders share (see ytree.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "core/fold.h"
#include "config/ytree.h"
#include "core/i18n.h"

/* A configuration file is small and flat; these bounds keep a hostile or
 * broken file from exhausting the stack or memory. */
#define Y_MAX_DEPTH 32
#define Y_MAX_NODES 20000
#define Y_MAX_FILE (1024 * 1024)

__attribute__((format(printf, 5, 0)))
static void add_error(struct config_errors *errs, const char *file, int line,
                      int col, const char *fmt, va_list ap)
{
    int i = errs->n++;
    if (i >= CONFIG_ERRORS_MAX)
        return;
    struct config_error *e = &errs->e[i];
    snprintf(e->file, sizeof e->file, "%s", file);
    e->line = line;
    e->column = col;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

void cfg_error(struct config_errors *errs, const char *file, int line, int col,
               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_error(errs, file, line, col, fmt, ap);
    va_end(ap);
}

void y_error(const struct yctx *c, const struct ynode *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_error(c->errs, c->file, at ? at->line : 1, at ? at->col : 1, fmt, ap);
    va_end(ap);
}

void y_key_error(const struct yctx *c, const struct ynode *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_error(c->errs, c->file, at->key_line, at->key_col, fmt, ap);
    va_end(ap);
}

void config_errors_print(const struct config_errors *errs, FILE *f)
{
    int kept = errs->n < CONFIG_ERRORS_MAX ? errs->n : CONFIG_ERRORS_MAX;
    for (int i = 0; i < kept; i++) {
        const struct config_error *e = &errs->e[i];
        if (e->line > 0)
            fprintf(f, "%s:%d:%d: %s\n", e->file, e->line, e->column, e->msg);
        else
            fprintf(f, "%s: %s\n", e->file, e->msg);
    }
    if (errs->n > kept)
        fprintf(f, _("... and %d more errors\n"), errs->n - kept);
}

void cfg_sort_errors(struct config_errors *errs, int from)
{
    int kept = errs->n < CONFIG_ERRORS_MAX ? errs->n : CONFIG_ERRORS_MAX;
    /* insertion sort: few errors, and equal positions keep their order */
    for (int i = from + 1; i < kept; i++) {
        struct config_error e = errs->e[i];
        int j = i;
        while (j > from && (errs->e[j - 1].line > e.line ||
                            (errs->e[j - 1].line == e.line && errs->e[j - 1].column > e.column))) {
            errs->e[j] = errs->e[j - 1];
            j--;
        }
        errs->e[j] = e;
    }
}

/* ---- the tree -------------------------------------------------------- */

void ytree_free(struct ynode *n)
{
    while (n) {
        struct ynode *next = n->next;
        ytree_free(n->child);
        free(n->text);
        free(n->key);
        free(n);
        n = next;
    }
}

/* An open mapping or list while its events arrive. */
struct frame {
    struct ynode *node;
    bool have_key;              /* mapping: the key of the next value is read */
    bool key_bad;               /* ... but it was not a plain name */
    char *key;
    int key_line, key_col;
};

struct builder {
    const struct yctx *c;
    struct frame stack[Y_MAX_DEPTH];
    int depth;
    int nodes;
    struct ynode *root;
    bool too_big;
};

static struct ynode *new_node(struct builder *b, enum ykind kind, yaml_mark_t m)
{
    struct ynode *n = calloc(1, sizeof *n);
    if (!n)
        return NULL;
    n->kind = kind;
    n->line = (int)m.line + 1;
    n->col = (int)m.column + 1;
    b->nodes++;
    return n;
}

static void append(struct ynode *parent, struct ynode *n)
{
    if (parent->last)
        parent->last->next = n;
    else
        parent->child = n;
    parent->last = n;
    parent->n++;
}

/* A node is complete: it becomes the root, an item of the open list, or
 * the key or the value of the open mapping. Takes ownership of n. */
static void place(struct builder *b, struct ynode *n)
{
    if (b->depth == 0) {
        if (!b->root)
            b->root = n;
        else
            ytree_free(n);
        return;
    }
    struct frame *f = &b->stack[b->depth - 1];
    if (f->node->kind == Y_SEQ) {
        append(f->node, n);
        return;
    }
    if (!f->have_key) {
        f->have_key = true;
        f->key_bad = n->kind != Y_SCALAR || n->bad;
        if (n->kind != Y_SCALAR)
            y_error(b->c, n, _("a key must be a plain name, not a list or mapping"));
        f->key_line = n->line;
        f->key_col = n->col;
        free(f->key);
        f->key = NULL;
        if (!f->key_bad) {
            f->key = n->text;
            n->text = NULL;
        }
        ytree_free(n);
        return;
    }
    f->have_key = false;
    if (f->key_bad) {
        ytree_free(n);
        return;
    }
    for (const struct ynode *o = f->node->child; o; o = o->next) {
        if (strcmp(o->key, f->key) == 0) {
            cfg_error(b->c->errs, b->c->file, f->key_line, f->key_col,
                      _("duplicate key \"%s\" (first at line %d)"), f->key, o->key_line);
            ytree_free(n);
            return;
        }
    }
    n->key = f->key;
    f->key = NULL;
    n->key_line = f->key_line;
    n->key_col = f->key_col;
    append(f->node, n);
}

/* Rejects anchors and tags: a configuration means what it says. */
static void check_props(struct builder *b, const yaml_char_t *anchor,
                        const yaml_char_t *tag, bool implicit_tag, yaml_mark_t m)
{
    if (anchor)
        cfg_error(b->c->errs, b->c->file, (int)m.line + 1, (int)m.column + 1,
                  _("anchors (&%s) are not allowed"), (const char *)anchor);
    if (tag && !implicit_tag)
        cfg_error(b->c->errs, b->c->file, (int)m.line + 1, (int)m.column + 1,
                  _("tags (%s) are not allowed"), (const char *)tag);
}

static bool push(struct builder *b, enum ykind kind, yaml_mark_t m)
{
    if (b->depth >= Y_MAX_DEPTH) {
        cfg_error(b->c->errs, b->c->file, (int)m.line + 1, (int)m.column + 1,
                  _("nesting deeper than %d levels"), Y_MAX_DEPTH);
        return false;
    }
    struct ynode *n = new_node(b, kind, m);
    if (!n)
        return false;
    b->stack[b->depth++] = (struct frame){.node = n};
    return true;
}

static void pop(struct builder *b)
{
    struct frame *f = &b->stack[--b->depth];
    free(f->key);
    place(b, f->node);
}

/* Line and column (1-based, in characters) of a byte offset: libyaml
 * reports only the offset when the bytes are not valid UTF-8. */
static void offset_position(const unsigned char *buf, size_t len, size_t off,
                            int *line, int *col)
{
    *line = 1;
    *col = 1;
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; i++) {
        if (buf[i] == '\n') {
            ++*line;
            *col = 1;
        } else if ((buf[i] & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

static void parser_error(struct builder *b, const yaml_parser_t *p,
                         const unsigned char *buf, size_t len)
{
    const struct yctx *c = b->c;
    const char *problem = p->problem ? p->problem : "unknown problem";
    if (p->error == YAML_READER_ERROR) {
        int line, col;
        offset_position(buf, len, p->problem_offset, &line, &col);
        if (strstr(problem, "UTF-8"))
            cfg_error(c->errs, c->file, line, col, _("not valid UTF-8 (%s)"), problem);
        else
            cfg_error(c->errs, c->file, line, col, _("invalid character (%s)"), problem);
    } else if (p->error == YAML_MEMORY_ERROR) {
        cfg_error(c->errs, c->file, 0, 0, _("out of memory"));
    } else if (p->context) {
        cfg_error(c->errs, c->file, (int)p->problem_mark.line + 1,
                  (int)p->problem_mark.column + 1,
                  _("syntax error: %s (%s at line %d, column %d)"), problem,
                  p->context, (int)p->context_mark.line + 1,
                  (int)p->context_mark.column + 1);
    } else {
        cfg_error(c->errs, c->file, (int)p->problem_mark.line + 1,
                  (int)p->problem_mark.column + 1, _("syntax error: %s"), problem);
    }
}

/* Handles one event. Returns 1 to go on, 0 at the end, -1 to give up. */
static int on_event(struct builder *b, const yaml_event_t *ev, int *documents)
{
    yaml_mark_t m = ev->start_mark;
    struct ynode *n;
    if (b->nodes >= Y_MAX_NODES) {
        if (!b->too_big)
            cfg_error(b->c->errs, b->c->file, (int)m.line + 1, (int)m.column + 1,
                      _("more than %d values; this is not a configuration file"),
                      Y_MAX_NODES);
        b->too_big = true;
        return -1;
    }
    switch (ev->type) {
    case YAML_STREAM_END_EVENT:
        return 0;
    case YAML_DOCUMENT_START_EVENT:
        if (++*documents > 1) {
            cfg_error(b->c->errs, b->c->file, (int)m.line + 1, (int)m.column + 1,
                      _("a second YAML document; a configuration file holds one"));
            return 0;
        }
        return 1;
    case YAML_SCALAR_EVENT:
        check_props(b, ev->data.scalar.anchor, ev->data.scalar.tag,
                    ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit, m);
        n = new_node(b, Y_SCALAR, m);
        if (!n)
            return -1;
        n->len = ev->data.scalar.length;
        n->text = malloc(n->len + 1);
        if (!n->text) {
            free(n);
            return -1;
        }
        memcpy(n->text, ev->data.scalar.value, n->len);
        n->text[n->len] = '\0';
        if (memchr(n->text, '\0', n->len)) {  /* "\0" in quotes: text would lie */
            cfg_error(b->c->errs, b->c->file, n->line, n->col,
                      _("a NUL character is not allowed"));
            n->bad = true;
        }
        place(b, n);
        return 1;
    case YAML_ALIAS_EVENT:
        cfg_error(b->c->errs, b->c->file, (int)m.line + 1, (int)m.column + 1,
                  _("aliases (*%s) are not allowed"), (const char *)ev->data.alias.anchor);
        n = new_node(b, Y_SCALAR, m);
        if (!n)
            return -1;
        n->bad = true;
        n->text = calloc(1, 1);
        if (!n->text) {
            free(n);
            return -1;
        }
        place(b, n);
        return 1;
    case YAML_SEQUENCE_START_EVENT:
        check_props(b, ev->data.sequence_start.anchor, ev->data.sequence_start.tag,
                    ev->data.sequence_start.implicit, m);
        return push(b, Y_SEQ, m) ? 1 : -1;
    case YAML_MAPPING_START_EVENT:
        check_props(b, ev->data.mapping_start.anchor, ev->data.mapping_start.tag,
                    ev->data.mapping_start.implicit, m);
        return push(b, Y_MAP, m) ? 1 : -1;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        if (b->depth > 0)
            pop(b);
        return 1;
    default:
        return 1;
    }
}

struct ynode *ytree_parse(const struct yctx *c, const unsigned char *buf, size_t len)
{
    yaml_parser_t p;
    struct builder b = {.c = c};
    int documents = 0, rc = 1;
    if (!yaml_parser_initialize(&p)) {
        cfg_error(c->errs, c->file, 0, 0, _("out of memory"));
        return NULL;
    }
    yaml_parser_set_input_string(&p, buf, len);
    while (rc > 0) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            parser_error(&b, &p, buf, len);
            rc = -1;
            break;
        }
        rc = on_event(&b, &ev, &documents);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    while (b.depth > 0) {               /* after an error: drop what is open */
        struct frame *f = &b.stack[--b.depth];
        free(f->key);
        ytree_free(f->node);
    }
    if (rc < 0) {
        ytree_free(b.root);
        return NULL;
    }
    return b.root;
}

/* ---- walking ----------------------------------------------------------- */

const struct ynode *y_get(const struct ynode *m, const char *key)
{
    if (!m || m->kind != Y_MAP)
        return NULL;
    for (const struct ynode *n = m->child; n; n = n->next)
        if (strcmp(n->key, key) == 0)
            return n;
    return NULL;
}

/* Levenshtein distance, ASCII case folded, bounded to short words. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return SIZE_MAX;
    size_t row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            int ca = fold_char((unsigned char)a[i - 1]), cb = fold_char((unsigned char)b[j - 1]);
            size_t best = diag + (ca != cb);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *y_suggest(const char *word, const char *const *candidates)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (const char *const *k = candidates; *k; k++) {
        size_t d = edit_distance(word, *k);
        if (d < best_d) {
            best_d = d;
            best = *k;
        }
    }
    /* A typo is a slip of a few letters: one in three at most. */
    size_t len = strlen(word), limit = len < 3 ? 1 : (len + 2) / 3;
    return best && best_d <= limit ? best : NULL;
}

const char *y_path(char *buf, size_t size, const char *path, const char *key)
{
    if (path && *path)
        snprintf(buf, size, "%s.%s", path, key);
    else
        snprintf(buf, size, "%s", key);
    return buf;
}

int y_check_keys(const struct yctx *c, const struct ynode *m, const char *path,
                 const char *const *allowed)
{
    int found = 0;
    if (!m || m->kind != Y_MAP)
        return 0;
    for (const struct ynode *n = m->child; n; n = n->next) {
        const char *const *k;
        for (k = allowed; *k; k++)
            if (strcmp(*k, n->key) == 0)
                break;
        if (*k)
            continue;
        found++;
        char where[128] = "";
        if (path && *path)
            snprintf(where, sizeof where, _(" in %s"), path);
        const char *s = y_suggest(n->key, allowed);
        if (s)
            y_key_error(c, n, _("unknown key \"%s\"%s; did you mean \"%s\"?"),
                        n->key, where, s);
        else
            y_key_error(c, n, _("unknown key \"%s\"%s"), n->key, where);
    }
    return found;
}

/* The scalar quoted for a message: escapes, and cut at a character
 * boundary when long. */
static void quote(const char *s, size_t len, char *buf, size_t size)
{
    size_t o = 0;
    buf[o++] = '"';
    for (size_t i = 0; i < len && o + 8 < size; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (i >= 40 && (ch & 0xC0) != 0x80) {
            memcpy(buf + o, "...", 3);
            o += 3;
            break;
        }
        if (ch == '"' || ch == '\\') {
            buf[o++] = '\\';
            buf[o++] = (char)ch;
        } else if (ch < 0x20 || ch == 0x7f) {
            o += (size_t)snprintf(buf + o, size - o, "\\x%02x", ch);
        } else {
            buf[o++] = (char)ch;
        }
    }
    buf[o++] = '"';
    buf[o] = '\0';
}

const char *y_got(const struct ynode *n, char *buf, size_t size)
{
    if (!n)
        snprintf(buf, size, "%s", _("nothing"));
    else if (n->kind == Y_MAP)
        snprintf(buf, size, "%s", _("a mapping"));
    else if (n->kind == Y_SEQ)
        snprintf(buf, size, "%s", _("a list"));
    else if (n->len == 0)
        snprintf(buf, size, "%s", _("nothing"));
    else
        quote(n->text, n->len, buf, size);
    return buf;
}

static void must_be(const struct yctx *c, const struct ynode *n, const char *what,
                    const char *expected)
{
    char got[160];
    if (n->bad)
        return;
    y_error(c, n, _("%s must be %s, got %s"), what, expected, y_got(n, got, sizeof got));
}

bool y_int(const struct yctx *c, const struct ynode *n, const char *what,
           long long lo, long long hi, long long *out)
{
    bool ok = n->kind == Y_SCALAR && n->len > 0 && n->len < 24;
    if (ok) {
        const char *s = n->text;
        /* Digits only (one leading minus): no "0x", "+", spaces or "1e3". */
        for (size_t i = s[0] == '-' ? 1 : 0; i < n->len; i++)
            if (s[i] < '0' || s[i] > '9')
                ok = false;
        ok = ok && !(s[0] == '-' && n->len == 1);
    }
    if (ok) {
        char *end;
        errno = 0;
        long long v = strtoll(n->text, &end, 10);
        ok = errno == 0 && *end == '\0' && v >= lo && v <= hi;
        if (ok)
            *out = v;
    }
    if (!ok) {
        char expected[96];
        snprintf(expected, sizeof expected, _("a number from %lld to %lld"), lo, hi);
        must_be(c, n, what, expected);
    }
    return ok;
}

bool y_hundredths(const struct yctx *c, const struct ynode *n, const char *what,
                  long long lo, long long hi, long long *out)
{
    bool ok = n->kind == Y_SCALAR && n->len > 0 && n->len < 12;
    long long whole = 0, frac = 0;
    if (ok) {
        const char *s = n->text;
        size_t i = 0, places = 0;
        while (i < n->len && s[i] >= '0' && s[i] <= '9')
            whole = whole * 10 + (s[i++] - '0');
        ok = i > 0;
        if (ok && i < n->len) {
            ok = s[i++] == '.';
            while (ok && i < n->len && s[i] >= '0' && s[i] <= '9' && places < 2) {
                frac = frac * 10 + (s[i++] - '0');
                places++;
            }
            ok = ok && places > 0 && i == n->len;
            if (places == 1)
                frac *= 10;
        }
    }
    long long v = whole * 100 + frac;
    ok = ok && v >= lo && v <= hi;
    if (ok)
        *out = v;
    else {
        char expected[96];
        snprintf(expected, sizeof expected, _("a decimal from %lld.%02lld to %lld.%02lld"),
                 lo / 100, lo % 100, hi / 100, hi % 100);
        must_be(c, n, what, expected);
    }
    return ok;
}

bool y_bool(const struct yctx *c, const struct ynode *n, const char *what, bool *out)
{
    if (n->kind == Y_SCALAR && strcmp(n->text, "true") == 0)
        *out = true;
    else if (n->kind == Y_SCALAR && strcmp(n->text, "false") == 0)
        *out = false;
    else {
        must_be(c, n, what, _("true or false"));
        return false;
    }
    return true;
}

const char *y_join(const char *const *names, char *buf, size_t size)
{
    size_t o = 0, count = 0;
    buf[0] = '\0';
    while (names[count])
        count++;
    for (size_t i = 0; i < count && o < size; i++) {
        const char *sep = i == 0 ? "" : i + 1 == count ? _(" or ") : ", ";
        int w = snprintf(buf + o, size - o, "%s%s", sep, names[i]);
        if (w < 0)
            break;
        o += (size_t)w;
    }
    return buf;
}

bool y_choice(const struct yctx *c, const struct ynode *n, const char *what,
              const char *const *names, int *out)
{
    if (n->kind == Y_SCALAR)
        for (int i = 0; names[i]; i++)
            if (strcmp(n->text, names[i]) == 0) {
                *out = i;
                return true;
            }
    char list[256], expected[300];
    snprintf(expected, sizeof expected, _("one of %s"), y_join(names, list, sizeof list));
    must_be(c, n, what, expected);
    return false;
}

bool y_string(const struct yctx *c, const struct ynode *n, const char *what,
              char *out, size_t size)
{
    if (n->kind == Y_SCALAR && n->len > 0 && n->len < size) {
        memcpy(out, n->text, n->len + 1);
        return true;
    }
    char expected[96];
    snprintf(expected, sizeof expected, _("a text of 1 to %zu bytes"), size - 1);
    must_be(c, n, what, expected);
    return false;
}

bool y_is_map(const struct yctx *c, const struct ynode *n, const char *what)
{
    if (n->kind == Y_MAP)
        return true;
    must_be(c, n, what, _("a mapping (key: value lines)"));
    return false;
}

bool y_is_seq(const struct yctx *c, const struct ynode *n, const char *what)
{
    if (n->kind == Y_SEQ)
        return true;
    must_be(c, n, what, _("a list ([a, b] or \"- a\" lines)"));
    return false;
}

int cfg_read_file(const char *path, struct config_errors *errs,
                  unsigned char **buf, size_t *len, bool *not_found)
{
    *not_found = false;
    FILE *f = fopen(path, "rb");
    if (!f) {
        *not_found = errno == ENOENT;
        cfg_error(errs, path, 0, 0, _("cannot read: %s"), strerror(errno));
        return -1;
    }
    unsigned char *b = malloc(Y_MAX_FILE + 1);
    if (!b) {
        fclose(f);
        cfg_error(errs, path, 0, 0, _("out of memory"));
        return -1;
    }
    size_t n = fread(b, 1, Y_MAX_FILE + 1, f);
    int err = ferror(f) ? errno : 0;
    fclose(f);
    if (err || n > Y_MAX_FILE) {
        free(b);
        if (err)
            cfg_error(errs, path, 0, 0, _("cannot read: %s"), strerror(err));
        else
            cfg_error(errs, path, 0, 0, _("larger than %d bytes"), Y_MAX_FILE);
        return -1;
    }
    *buf = b;
    *len = n;
    return 0;
}
