/* Names without their titles (see name_title.h). */
#include <stdbool.h>
#include <string.h>
#include "core/fold.h"
#include "core/name_title.h"

/* Front titles, folded, without their dots. One letter ones ("h") count
 * only with a dot after them. */
static const char *const front_titles[] = {
    "dr", "drg", "drh", "drs", "dra", "ir", "prof", "h", "hj", "kh", "ns", "ners", "apt", "bd",
};

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Whether the n letters at s (dots left out) fold to a front title. */
static bool front_title_letters(const char *s, size_t n)
{
    char w[8];
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.')
            continue;
        if (!is_letter(s[i]) || m == sizeof w - 1)
            return false;
        w[m++] = (char)fold_char((unsigned char)s[i]);
    }
    w[m] = '\0';
    for (size_t i = 0; i < sizeof front_titles / sizeof *front_titles; i++)
        if (strcmp(w, front_titles[i]) == 0)
            return m > 1 || memchr(s, '.', n) != NULL;
    return false;
}

/* How many bytes of the word s[0..n) are front titles: the whole word
 * ("dr", "K.H.", "Prof.Dr."), or its leading dotted parts ("dr.Siti"
 * gives 3); 0 for none. */
static size_t front_title_len(const char *s, size_t n)
{
    if (front_title_letters(s, n))
        return n;
    size_t done = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '.')
            continue;
        if (i == done || !front_title_letters(s + done, i + 1 - done))
            break;
        done = i + 1;
    }
    return done;
}

/* Back titles written without a dot and with one capital or none. */
static const char *const plain_back_titles[] = {"ners", "apt", "amd", "phd", "mba", "bsc", "msc"};

static bool plain_back_title(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof plain_back_titles / sizeof *plain_back_titles; i++) {
        const char *t = plain_back_titles[i];
        size_t j = 0;
        while (j < n && t[j] && fold_char((unsigned char)s[j]) == (unsigned char)t[j])
            j++;
        if (j == n && !t[j])
            return true;
    }
    return false;
}

/* A back title word: holds a dot and a letter ("S.Pd.", "M.Si"), is 2 to
 * 6 letters with at least two capitals ("SH", "SPd", "MKes"), or one of
 * the plain ones ("Ners", "Apt"). */
static bool back_title_word(const char *s, size_t n)
{
    if (plain_back_title(s, n))
        return true;
    size_t letters = 0, capitals = 0;
    bool dot = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.')
            dot = true;
        else if (is_letter(s[i]))
            letters++, capitals += is_upper(s[i]);
        else
            return false;
    }
    if (dot)
        return letters > 0;
    return letters >= 2 && letters <= 6 && capitals >= 2;
}

/* Whether s[0..n) is back titles only: words of back titles, between
 * spaces and commas (nothing at all counts: "Siti,"). */
static bool back_titles_only(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (is_space(s[i]) || s[i] == ',') {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !is_space(s[j]) && s[j] != ',')
            j++;
        if (!back_title_word(s + i, j - i))
            return false;
        i = j;
    }
    return true;
}

/* A word that ends a name without a comma and is a title all the same:
 * a dot, and a dotted part of two letters or more ("S.Pd", "M.Kes.";
 * not the initials "A.R."). */
static bool trailing_title_word(const char *s, size_t n)
{
    if (!memchr(s, '.', n) || !back_title_word(s, n))
        return false;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        run = s[i] == '.' ? 0 : run + 1;
        if (run >= 2)
            return true;
    }
    return false;
}

/* The end of the name before its back titles (len when there are none). */
static size_t back_start(const char *name, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (name[i] == ',' && back_titles_only(name + i + 1, len - i - 1))
            return i;
    size_t end = len;
    for (;;) {
        size_t e = end;
        while (e > 0 && (is_space(name[e - 1]) || name[e - 1] == ','))
            e--;
        size_t b = e;
        while (b > 0 && !is_space(name[b - 1]) && name[b - 1] != ',')
            b--;
        if (b == 0 || e == b || !trailing_title_word(name + b, e - b))
            return end;
        end = b;
    }
}

/* The start of the name after its front titles, looking no further than
 * end. */
static size_t front_end(const char *name, size_t end)
{
    size_t start = 0;
    for (;;) {
        size_t i = start;
        while (i < end && (is_space(name[i]) || name[i] == ','))
            i++;
        size_t j = i;
        while (j < end && !is_space(name[j]) && name[j] != ',')
            j++;
        size_t n = front_title_len(name + i, j - i);
        if (n == 0)
            return start;
        start = i + n;
    }
}

struct name_span name_core(const char *name)
{
    size_t len = strlen(name);
    size_t end = back_start(name, len);
    size_t start = front_end(name, end);
    while (start < end && (is_space(name[start]) || name[start] == ','))
        start++;
    while (end > start && (is_space(name[end - 1]) || name[end - 1] == ','))
        end--;
    if (start < end)
        return (struct name_span){start, end};
    /* nothing but titles: they are the name */
    start = 0;
    end = len;
    while (start < end && is_space(name[start]))
        start++;
    while (end > start && is_space(name[end - 1]))
        end--;
    return (struct name_span){start, end};
}

/* Appends n folded bytes of s to out (len so far, cap in all). */
static size_t put_folded(unsigned char *out, size_t len, size_t cap, const char *s, size_t n)
{
    for (size_t i = 0; i < n && len < cap; i++)
        out[len++] = fold_char((unsigned char)s[i]);
    return len;
}

size_t name_sort_key(const char *name, unsigned char *out, size_t cap)
{
    size_t len = strlen(name);
    struct name_span c = name_core(name);
    size_t n = put_folded(out, 0, cap, name + c.start, c.end - c.start);
    if (c.start == 0 && c.end == len)
        return n;
    if (n < cap)
        out[n++] = NAME_SORT_SEP;
    n = put_folded(out, n, cap, name, c.start);
    if (n < cap)
        out[n++] = NAME_SORT_SEP;
    return put_folded(out, n, cap, name + c.end, len - c.end);
}

/* The bytes of a name's sort key one by one, without writing the key. */
struct key_iter {
    const char *s;
    size_t len, i;
    struct name_span c;
    int part;                   /* core, separator, front, separator, back */
};

static int key_next(struct key_iter *it)
{
    for (;;) {
        size_t from, to;
        switch (it->part) {
        case 0: from = it->c.start, to = it->c.end; break;
        case 2: from = 0, to = it->c.start; break;
        case 4: from = it->c.end, to = it->len; break;
        case 1:
        case 3:
            it->part++;
            return (unsigned char)NAME_SORT_SEP;
        default:
            return -1;
        }
        if (from + it->i < to)
            return fold_char((unsigned char)it->s[from + it->i++]);
        it->i = 0;
        it->part++;
        if (it->part == 1 && it->c.start == 0 && it->c.end == it->len)
            return -1;          /* no titles: the core alone */
    }
}

int name_sort_cmp_spans(const char *a, struct name_span sa, const char *b, struct name_span sb)
{
    /* Most names differ in their cores: compare those first, as fold_cmp
     * would, and walk the keys only past a shared core. */
    size_t na = sa.end - sa.start, nb = sb.end - sb.start, n = na < nb ? na : nb;
    for (size_t i = 0; i < n; i++) {
        unsigned char p = fold_char((unsigned char)a[sa.start + i]);
        unsigned char q = fold_char((unsigned char)b[sb.start + i]);
        if (p != q)
            return p < q ? -1 : 1;
    }
    struct key_iter x = {a, strlen(a), n, sa, 0}, y = {b, strlen(b), n, sb, 0};
    for (;;) {
        int p = key_next(&x), q = key_next(&y);
        if (p != q)
            return p < q ? -1 : 1;
        if (p < 0)
            return 0;
    }
}

int name_sort_cmp(const char *a, const char *b)
{
    return name_sort_cmp_spans(a, name_core(a), b, name_core(b));
}

size_t name_sort_key_name(const unsigned char *key, size_t len, unsigned char *out, size_t cap)
{
    const unsigned char *s1 = memchr(key, NAME_SORT_SEP, len);
    if (!s1) {
        size_t n = len < cap ? len : cap;
        memcpy(out, key, n);
        return n;
    }
    size_t core = (size_t)(s1 - key), rest = len - core - 1;
    const unsigned char *s2 = memchr(s1 + 1, NAME_SORT_SEP, rest);
    size_t front = s2 ? (size_t)(s2 - s1 - 1) : rest;
    size_t back = s2 ? rest - front - 1 : 0;
    size_t n = 0;
    const struct { const unsigned char *p; size_t n; } part[3] = {
        {s1 + 1, front}, {key, core}, {s2 ? s2 + 1 : s1, back}};
    for (int i = 0; i < 3; i++)
        for (size_t j = 0; j < part[i].n && n < cap; j++)
            out[n++] = part[i].p[j];
    return n;
}
