/* A unit's name as the screens show it: with its parent's name where
 * another unit has the same name (many `Sekretariat`) and the parent's
 * name tells them apart, so that a row says which one it is. Shared by the Units
 * screen (its tree holds every name already) and the Staff screen (which
 * reads the set of repeated names once, on its first draw).
 *
 * The Units screen shows the parent wherever a name repeats (its tree
 * shows the rest of the path); the Staff screen only where the parent
 * tells the units apart (the store's set, core/unit_repeats.h), as a row
 * there has no tree around it and its bottom line is rewritten at every
 * move.
 *
 * Usage (the Staff screen's way, by unit code):
 *
 *     struct unit_repeats r = {0};
 *     ui_unit_repeats_load(&r, t);            // one record read
 *     char label[2 * NAME_SIZE + 4];
 *     ui_unit_label(t, &r, st->unit, label, sizeof label);
 *     // "Sekretariat (Dinas Kesehatan)", or "UPT Puskesmas Talang"
 *     ui_unit_repeats_free(&r);
 *
 * With the names in memory (the Units screen's way):
 *
 *     bool *dup = ui_names_repeated(names, n);   // the Units screen
 *     ui_unit_label_format(out, size, names[u], dup[u] ? names[parent[u]] : NULL);
 *
 * Times: ui_names_repeated is O(n) (a hash of the names); loading the
 * repeats reads one record the store keeps (store_unit_repeats: 8 bytes
 * per unit that shows its parent, 60 KB at the L dataset's 132,000
 * units, well under a millisecond); ui_unit_label reads one or two units. */
#ifndef MUTASI_UI_UNIT_LABEL_H
#define MUTASI_UI_UNIT_LABEL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"

/* dup[i] is true when names[i] equals another name (a NULL name repeats
 * nothing). Returns a calloc'd array of n flags, NULL without memory. */
bool *ui_names_repeated(char *const *names, size_t n);

/* "name (parent)", or "name" when parent is NULL or empty. */
void ui_unit_label_format(char *out, size_t size, const char *name, const char *parent);

/* The units that show their parent: those whose name repeats and whose
 * parent's name tells them apart (core/unit_repeats.h; a parent that does
 * not, as many `UPT SD Negeri 1` under as many `Dinas Pendidikan` in a
 * database of several regions, would only lengthen the row), as hashes
 * of their codes, sorted. */
struct unit_repeats {
    uint64_t *codes;
    size_t n;
    bool ready;
};
/* Reads the store's set (store_unit_repeats); 0, or -1 (then no unit
 * shows a parent). */
int ui_unit_repeats_load(struct unit_repeats *r, stxn *t);
bool ui_unit_repeats_has(const struct unit_repeats *r, const char *code);
void ui_unit_repeats_free(struct unit_repeats *r);
/* The label of the unit with that code (the code itself when the unit is
 * not found). */
void ui_unit_label(stxn *t, const struct unit_repeats *r, const char *code, char *out,
                   size_t size);
#endif
