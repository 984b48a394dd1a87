/* Drawing helpers: fixed-width UTF-8 fields, bars, simple matching. */
#include <ctype.h>
#include <string.h>
#include <wchar.h>
#include "core/fold.h"
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
