/* Plans and moves: vocabulary and validation (see plan.h). */
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include "core/i18n.h"
#include "core/plan.h"

static const char *const reason_names[REASON_COUNT] = {
    "workload", "competency", "rotation", "own-request", "promotion",
};

static const char *const reason_labels[REASON_COUNT] = {
    N_("workload"), N_("competency"), N_("rotation"), N_("own request"), N_("promotion"),
};

const char *move_reason_name(int reason)
{
    return reason >= 0 && reason < REASON_COUNT ? reason_names[reason] : NULL;
}

const char *move_reason_label(int reason)
{
    return reason >= 0 && reason < REASON_COUNT ? _(reason_labels[reason]) : "";
}

int move_reason_parse(const char *s)
{
    char buf[24];
    size_t n = strnlen(s, sizeof buf);
    if (n == 0 || n >= sizeof buf)
        return -1;
    for (size_t i = 0; i <= n; i++)
        buf[i] = s[i] == '_' ? '-' : s[i];
    for (int r = 0; r < REASON_COUNT; r++)
        if (strcasecmp(buf, reason_names[r]) == 0)
            return r;
    return -1;
}

int plan_text_ok(const char *s, size_t size)
{
    size_t n = strnlen(s, size);
    if (n >= size)
        return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f)
            return -1;
    }
    return 0;
}

static int state_ok(const char *s)
{
    size_t n = strnlen(s, PLAN_STATE_SIZE);
    if (n == 0 || n >= PLAN_STATE_SIZE)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return -1;
    return 0;
}

int plan_validate(const struct plan *p, struct verrs *v)
{
    int before = v->n;
    size_t n = strnlen(p->name, PLAN_NAME_SIZE);
    if (n == 0)
        verrs_add(v, "name", "%s", _("a plan needs a name"));
    else if (plan_text_ok(p->name, PLAN_NAME_SIZE) != 0)
        verrs_add(v, "name", _("a plan's name has at most %d bytes and no control characters"),
                  PLAN_NAME_SIZE - 1);
    if (plan_text_ok(p->period, PLAN_PERIOD_SIZE) != 0)
        verrs_add(v, "period", _("a plan's period has at most %d bytes and no control characters"),
                  PLAN_PERIOD_SIZE - 1);
    if (state_ok(p->state) != 0)
        verrs_add(v, "state", _("a plan's state is a name of capitals, digits and '_' "
                                "(at most %d bytes)"), PLAN_STATE_SIZE - 1);
    return v->n - before;
}

int move_validate(const struct move *m, struct verrs *v)
{
    int before = v->n;
    if (strnlen(m->nip, NIP_LEN + 1) != NIP_LEN || strspn(m->nip, "0123456789") != NIP_LEN)
        verrs_add(v, "nip", _("a NIP has %d digits"), NIP_LEN);
    if (m->to_position[0] == '\0')
        verrs_add(v, "to_position", "%s", _("a move needs a target position"));
    if (!move_reason_name(m->reason))
        verrs_add(v, "reason", "%s", _("unknown reason for a move"));
    if (plan_text_ok(m->note, MOVE_NOTE_SIZE) != 0)
        verrs_add(v, "note", _("a note has at most %d bytes and no control characters"),
                  MOVE_NOTE_SIZE - 1);
    return v->n - before;
}

int sk_number_ok(const char *s)
{
    size_t n = strnlen(s, SK_NUMBER_SIZE);
    if (n == 0 || n >= SK_NUMBER_SIZE || s[0] == ' ')
        return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!alnum && !strchr(" ./-_():", c))
            return -1;
    }
    return 0;
}
