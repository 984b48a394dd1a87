/* Drawing helpers: fixed-width UTF-8 fields, bars, simple matching. */
#include <ctype.h>
#include <string.h>
#include <wchar.h>
#include "core/fold.h"
#include "core/i18n.h"
#include "ui/uipriv.h"

/* Next code point of UTF-8 text; bad bytes come out as U+FFFD. */
static int utf8_next(const char **sp)
{
    const unsigned char *s = (const unsigned char *)*sp;
    int cp, need;
    if (s[0] < 0x80) {
        *sp += 1;
        return s[0];
    }
    if (s[0] >= 0xf0 && s[0] < 0xf8) {
        cp = s[0] & 0x07;
        need = 3;
    } else if (s[0] >= 0xe0) {
        cp = s[0] & 0x0f;
        need = 2;
    } else if (s[0] >= 0xc0) {
        cp = s[0] & 0x1f;
        need = 1;
    } else {
        *sp += 1;
        return 0xfffd;
    }
    for (int i = 1; i <= need; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            *sp += (size_t)i;
            return 0xfffd;
        }
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    *sp += (size_t)need + 1;
    return cp;
}

static int cell_width(int cp, bool ascii)
{
    if (ascii)
        return 1;
    int w = wcwidth((wchar_t)cp);
    return w < 0 ? 1 : w;
}

int ui_text_width(const char *s)
{
    int w = 0;
    while (*s)
        w += cell_width(utf8_next(&s), false);
    return w;
}

static void put_cp(WINDOW *w, int cp, bool ascii)
{
    if (cp < 0x80) {
        waddch(w, (chtype)(cp < 0x20 || cp == 0x7f ? '?' : cp));
        return;
    }
    if (ascii) {
        waddch(w, '?');
        return;
    }
    wchar_t wc[2] = {(wchar_t)cp, 0};
    waddnwstr(w, wc, 1);
}

void ui_put_field(WINDOW *w, const char *s, int width, bool ascii)
{
    if (width <= 0)
        return;
    int total = 0;
    for (const char *p = s; *p;)
        total += cell_width(utf8_next(&p), ascii);
    int used = 0;
    /* When it does not fit, leave one cell for the cut mark. */
    int room = total > width ? width - 1 : width;
    while (*s) {
        const char *before = s;
        int cp = utf8_next(&s);
        int cw = cell_width(cp, ascii);
        if (used + cw > room) {
            s = before;
            break;
        }
        put_cp(w, cp, ascii);
        used += cw;
    }
    if (total > width) {
        if (ascii)
            waddch(w, '~');
        else
            put_cp(w, 0x2026, false);   /* … */
        used++;
    }
    while (used++ < width)
        waddch(w, ' ');
}

size_t ui_field_shown(const char *s, int width)
{
    const char *start = s;
    if (ui_text_width(s) <= width)
        return strlen(s);
    int used = 0;
    while (*s) {
        const char *before = s;
        int cw = cell_width(utf8_next(&s), false);
        if (used + cw > width - 1)
            return (size_t)(before - start);
        used += cw;
    }
    return (size_t)(s - start);
}

void ui_put_bar(WINDOW *w, double ratio, int width, bool ascii)
{
    if (ratio < 0)
        ratio = 0;
    if (ratio > 1)
        ratio = 1;
    int full = (int)(ratio * width + 0.5);
    for (int i = 0; i < width; i++) {
        if (ascii)
            waddch(w, i < full ? '#' : '.');
        else
            put_cp(w, i < full ? 0x2588 : 0x00b7, false);   /* █ · */
    }
}

bool ui_text_contains(const char *hay, const char *needle)
{
    return fold_contains_any(hay, needle);
}

/* The end of s in at most width cells, a cut mark first when it does not
 * all fit; returns the cells written. */
static int put_tail(WINDOW *w, const char *s, int width, bool ascii)
{
    int total = 0;
    for (const char *p = s; *p;)
        total += cell_width(utf8_next(&p), ascii);
    if (total <= width) {
        for (const char *p = s; *p;)
            put_cp(w, utf8_next(&p), ascii);
        return total;
    }
    int skip = total - (width - 1);         /* cells to leave out, then the mark */
    while (*s && skip > 0)
        skip -= cell_width(utf8_next(&s), ascii);
    if (ascii)
        waddch(w, '~');
    else
        put_cp(w, 0x2026, false);
    int used = 1;
    while (*s) {
        int cp = utf8_next(&s);
        put_cp(w, cp, ascii);
        used += cell_width(cp, ascii);
    }
    return used;
}

int ui_put_prompt(WINDOW *w, const char *label, const char *text, int cols, bool ascii)
{
    if (!text) {
        ui_put_field(w, label, ui_text_width(label) < cols - 1 ? ui_text_width(label) : cols - 1,
                     ascii);
        return getcurx(w);
    }
    int lw = ui_text_width(label), half = cols / 2;
    if (lw > half) {
        /* Keep the separator (": " or the spaces) and cut the words. */
        size_t n = strlen(label), cut = n;
        while (cut && label[cut - 1] == ' ')
            cut--;
        if (cut && label[cut - 1] == ':')
            cut--;
        char head[512];
        snprintf(head, sizeof head, "%.*s", (int)cut, label);
        int sep = ui_text_width(label + cut);
        ui_put_field(w, head, half - sep, ascii);
        waddstr(w, label + cut);
    } else {
        waddstr(w, label);
    }
    /* The cursor's cell stays free at the end of the line. */
    int room = cols - 1 - getcurx(w);
    int x = getcurx(w);
    return x + put_tail(w, text, room, ascii);
}

void ui_put_lines_above(WINDOW *w, const char *text, int bottom, int max, int cols, bool ascii)
{
    int n = 1;
    for (const char *p = text; *p; p++)
        n += *p == '\n';
    int shown = n > max ? max - 1 : n;      /* the last line then says how many more */
    int y = bottom - (n > max ? max : n) + 1;
    char line[512];
    const char *p = text;
    for (int i = 0; i < shown; i++) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        snprintf(line, sizeof line, "%.*s", (int)len, p);
        wmove(w, y++, 0);
        ui_put_field(w, line, cols, ascii);
        p = nl ? nl + 1 : p + len;
    }
    if (n > max) {
        snprintf(line, sizeof line, _("... %d more: type more to narrow"), n - shown);
        wmove(w, y, 0);
        ui_put_field(w, line, cols, ascii);
    }
}

int ui_wrap_cut(const char *p, int room)
{
    int cells = 0, k = 0, cut = 0;
    for (; p[k] && cells < room; k++) {
        if (((unsigned char)p[k] & 0xc0) != 0x80)
            cells++;
        if (p[k] == ' ')
            cut = k;
    }
    return !p[k] || cut == 0 ? k : cut;
}

void ui_put_lines(WINDOW *w, int y, const char *text, int lines, int width, bool ascii)
{
    const char *p = text;
    for (int i = 0; i < lines && *p; i++) {
        /* Cut at a space where the line is full; the last line takes the
         * rest (ui_put_field marks the cut). */
        int len = (int)strlen(p), take = len;
        if (ui_text_width(p) > width) {
            take = 0;
            for (int k = 0, cells = 0; p[k] && cells < width; k++) {
                if (((unsigned char)p[k] & 0xc0) != 0x80)
                    cells++;
                if (p[k] == ' ')
                    take = k;
            }
            if (take == 0 || i == lines - 1)
                take = len;
        }
        char line[1024];
        snprintf(line, sizeof line, "%.*s", take, p);
        wmove(w, y + i, 0);
        ui_put_field(w, line, width, ascii);
        p += take;
        while (*p == ' ')
            p++;
    }
}
