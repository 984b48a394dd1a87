/* A person's wishes about where they work; see core/preference.h. */
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "core/plan.h"
#include "core/preference.h"

static bool has_control(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return true;
    return false;
}

static bool listed(const char (*places)[PREF_PLACE_SIZE], uint8_t n, const char *s)
{
    for (uint8_t i = 0; i < n; i++)
        if (strcmp(places[i], s) == 0)
            return true;
    return false;
}

static int take_place(const char *p, size_t len, char out[PREF_PLACES_MAX][PREF_PLACE_SIZE],
                      uint8_t *n, char *err, size_t errlen)
{
    while (len && (*p == ' ' || *p == '\t'))
        p++, len--;
    while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
        len--;
    if (len == 0)
        return 0;
    if (len >= PREF_PLACE_SIZE || has_control(p, len)) {
        snprintf(err, errlen, _("\"%.*s\" is not a unit code or a district (at most %d bytes, "
                                "no control characters)"), (int)len, p, PREF_PLACE_SIZE - 1);
        return -1;
    }
    if (*n >= PREF_PLACES_MAX) {
        snprintf(err, errlen, _("at most %d places, joined by |"), PREF_PLACES_MAX);
        return -1;
    }
    char place[PREF_PLACE_SIZE];
    snprintf(place, sizeof place, "%.*s", (int)len, p);
    if (listed((const char (*)[PREF_PLACE_SIZE])out, *n, place)) {
        snprintf(err, errlen, _("\"%s\" is named twice"), place);
        return -1;
    }
    memcpy(out[(*n)++], place, len + 1);
    return 0;
}

int preference_places_parse(const char *s, size_t len, char out[PREF_PLACES_MAX][PREF_PLACE_SIZE],
                            uint8_t *n, char *err, size_t errlen)
{
    *n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++)
        if (i == len || s[i] == '|') {
            if (take_place(s + start, i - start, out, n, err, errlen) != 0)
                return -1;
            start = i + 1;
        }
    return 0;
}

void preference_places_format(const char (*places)[PREF_PLACE_SIZE], uint8_t n, char *out,
                              size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (uint8_t i = 0; i < n && used < size; i++) {
        int k = snprintf(out + used, size - used, "%s%s", i ? "|" : "", places[i]);
        if (k < 0)
            break;
        used += (size_t)k;
    }
}

int preference_validate(const struct preference *p, struct verrs *v)
{
    int before = v->n;
    size_t n = strnlen(p->nip, NIP_LEN + 1);
    if (n != NIP_LEN || strspn(p->nip, "0123456789") != NIP_LEN)
        verrs_add(v, "nip", _("a NIP has 18 digits"));
    for (uint8_t i = 0; i < p->navoid; i++)
        if (listed(p->prefer, p->nprefer, p->avoid[i]))
            verrs_add(v, "avoid", _("\"%s\" is both preferred and avoided"), p->avoid[i]);
    if (plan_text_ok(p->note, PREF_NOTE_SIZE) != 0)
        verrs_add(v, "note", _("a note has at most %d bytes and no control characters"),
                  PREF_NOTE_SIZE - 1);
    return v->n - before;
}

bool preference_matches(const char (*places)[PREF_PLACE_SIZE], uint8_t n, const char *unit,
                        const char *district)
{
    for (uint8_t i = 0; i < n; i++)
        if ((unit && unit[0] && strcmp(places[i], unit) == 0) ||
            (district && district[0] && strcmp(places[i], district) == 0))
            return true;
    return false;
}
