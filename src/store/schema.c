/* The record descriptors (schema.h): units and positions keyed by code,
 * positions indexed by unit, staff keyed by NIP with three indexes (by
 * unit, by position, by name). */
#include <string.h>
#include "core/i18n.h"
#include "core/preference.h"
#include "store/codec.h"
#include "store/internal.h"
#include "store/keys.h"

/* --- keys ------------------------------------------------------------------ */

static size_t code_key(stxn *t, const char *what, const char *code, unsigned char *out)
{
    size_t n = strnlen(code, CODE_SIZE);
    if (n == 0 || n >= CODE_SIZE) {
        store_fail(t->s, _("%s code \"%s\" must have 1 to %d bytes"), what, n ? code : "",
                   CODE_SIZE - 1);
        return 0;
    }
    memcpy(out, code, n);
    return n;
}

/* 18 digits: the staff indexes file the NIP as a number (keys.h). */
static size_t nip_key(stxn *t, const char *nip, unsigned char *out)
{
    size_t n = strnlen(nip, NIP_LEN + 1);
    unsigned char ref[STORE_NIP_REF_LEN];
    if (n != NIP_LEN || !store_nip_pack(nip, ref)) {
        store_fail(t->s, _("NIP \"%s\" must have %d digits"), nip, NIP_LEN);
        return 0;
    }
    memcpy(out, nip, NIP_LEN);
    return NIP_LEN;
}

static size_t code_group(const char *code, unsigned char *out)
{
    size_t n = strnlen(code, CODE_SIZE - 1);
    memcpy(out, code, n);
    return n;
}

/* --- units ----------------------------------------------------------------- */

static size_t unit_encode(const void *r, unsigned char *buf, size_t cap)
{
    return codec_put_unit(r, buf, cap);
}

static int unit_decode(const void *buf, size_t len, const void *key, size_t klen,
                       void *out)
{
    (void)key, (void)klen;
    return codec_get_unit(buf, len, out);
}

static size_t unit_key(stxn *t, const void *r, unsigned char *out)
{
    return code_key(t, _("unit"), ((const struct unit *)r)->code, out);
}

/* What follows a unit: the sums per district (aggregate_groups.c), its
 * name for finding staff (post_names.c), the unit tree (unit_tree.c), and
 * the record of the units that show their parent, recounted before the
 * commit when a name or parent changed. */
static int unit_derived(stxn *t, const void *old_rec, const void *rec)
{
    const struct unit *old = old_rec, *now = rec;
    if (!old || !now || strncmp(old->name, now->name, NAME_SIZE) != 0 ||
        strncmp(old->parent, now->parent, CODE_SIZE) != 0)
        t->units_changed = true;
    if (store_wl_unit_changed(t, old, now) != STORE_OK ||
        store_post_unit_changed(t, old, now) != STORE_OK)
        return STORE_ERROR;
    return store_unit_tree_unit_changed(t, old, now);
}

const struct store_record_desc store_desc_unit = {
    .what = N_("unit"), .db = DB_UNITS, .size = sizeof(struct unit),
    .encode = unit_encode, .decode = unit_decode, .key = unit_key,
    .derive = unit_derived,
};

/* --- positions ------------------------------------------------------------- */

static size_t position_encode(const void *r, unsigned char *buf, size_t cap)
{
    return codec_put_position(r, buf, cap);
}

static int position_decode(const void *buf, size_t len, const void *key, size_t klen,
                           void *out)
{
    (void)key, (void)klen;
    return codec_get_position(buf, len, out);
}

static size_t position_key(stxn *t, const void *r, unsigned char *out)
{
    return code_key(t, _("position"), ((const struct position *)r)->code, out);
}

static size_t position_unit(const void *r, unsigned char *out)
{
    return code_group(((const struct position *)r)->unit, out);
}

/* What follows a position: the workload aggregates and its title for
 * finding staff (post_names.c). */
static int position_derived(stxn *t, const void *old, const void *rec)
{
    if (store_wl_position_changed(t, old, rec) != STORE_OK)
        return STORE_ERROR;
    return store_post_position_changed(t, old, rec);
}

/* Indexed by unit so that the per-position listing reads a unit's
 * positions where it prints them (store_each_position_of_unit). */
const struct store_record_desc store_desc_position = {
    .what = N_("position"), .db = DB_POSITIONS, .size = sizeof(struct position),
    .encode = position_encode, .decode = position_decode, .key = position_key,
    .derive = position_derived,
    .nindexes = 1,
    .index = {
        {DB_POSITIONS_BY_UNIT, STORE_INDEX_DUP, position_unit},
    },
};

/* --- staff ----------------------------------------------------------------- */

static size_t staff_encode(const void *r, unsigned char *buf, size_t cap)
{
    return codec_put_staff(r, buf, cap);
}

static int staff_decode(const void *buf, size_t len, const void *key, size_t klen,
                        void *out)
{
    return codec_get_staff(buf, len, key, klen, out);
}

static size_t staff_key(stxn *t, const void *r, unsigned char *out)
{
    return nip_key(t, ((const struct staff *)r)->nip, out);
}

static size_t staff_unit(const void *r, unsigned char *out)
{
    return code_group(((const struct staff *)r)->unit, out);
}

static size_t staff_position(const void *r, unsigned char *out)
{
    return code_group(((const struct staff *)r)->position, out);
}

/* The name's sort key: without its titles, case-folded, then the titles
 * (store_name_key without its NUL and NIP). */
static size_t staff_name(const void *r, unsigned char *out)
{
    unsigned char key[STORE_NAME_KEY_MAX];
    size_t n = store_name_key(((const struct staff *)r)->name, "", key) - 1;
    memcpy(out, key, n);
    return n;
}

/* What follows a person's record: the workload aggregates, the find text
 * and the words of names. */
static int staff_derived(stxn *t, const void *old, const void *rec)
{
    struct store_name_change c;
    if (store_wl_staff_changed(t, old, rec) != STORE_OK)
        return STORE_ERROR;
    store_name_change_of(&c, old, rec);
    if (store_text_changed(t, &c) != STORE_OK)
        return STORE_ERROR;
    return store_words_changed(t, &c);
}

static int staff_children(stxn *t, const void *r)
{
    return store_del_history_of(t, ((const struct staff *)r)->nip);
}

const struct store_record_desc store_desc_staff = {
    .what = N_("staff"), .db = DB_STAFF, .size = sizeof(struct staff),
    .encode = staff_encode, .decode = staff_decode, .key = staff_key,
    .del_children = staff_children,
    .derive = staff_derived,
    .nindexes = 3,
    .index = {
        {DB_STAFF_BY_UNIT, STORE_INDEX_DUP, staff_unit, STORE_REF_NIP},
        {DB_STAFF_BY_POSITION, STORE_INDEX_DUP, staff_position, STORE_REF_NIP},
        {DB_STAFF_BY_NAME, STORE_INDEX_SUFFIXED, staff_name, STORE_REF_NIP},
    },
};

/* --- preferences: keyed by NIP ------------------------------------------------ */

static size_t preference_encode(const void *r, unsigned char *buf, size_t cap)
{
    return codec_put_preference(r, buf, cap);
}

static int preference_decode(const void *buf, size_t len, const void *key, size_t klen,
                             void *out)
{
    (void)key, (void)klen;
    return codec_get_preference(buf, len, out);
}

static size_t preference_key(stxn *t, const void *r, unsigned char *out)
{
    return nip_key(t, ((const struct preference *)r)->nip, out);
}

const struct store_record_desc store_desc_preference = {
    .what = N_("preference"), .db = DB_PREFERENCES, .size = sizeof(struct preference),
    .encode = preference_encode, .decode = preference_decode, .key = preference_key,
};

_Static_assert(sizeof(struct preference) <= STORE_RECORD_MAX, "STORE_RECORD_MAX too small");
_Static_assert(sizeof(struct staff) <= STORE_RECORD_MAX, "STORE_RECORD_MAX too small");
_Static_assert(NAME_SIZE <= STORE_GROUP_MAX, "STORE_GROUP_MAX too small");

const struct store_record_desc *const store_record_descs[] = {
    &store_desc_unit, &store_desc_position, &store_desc_staff, &store_desc_plan, &store_desc_move,
    &store_desc_preference,
};
const size_t store_nrecord_descs = sizeof store_record_descs / sizeof *store_record_descs;
