/* The search corpus of the Staff screen: every person's case-folded name
 * and NIP in name-index order, held in two flat arrays so that a search
 * keystroke is one memmem over the names (and, for digits, a pass over the
 * NIPs) instead of a walk that decodes every record. It knows nothing of
 * curses or LMDB: corpus_load fills it from the name index
 * (store_each_name_key). Below the Staff screen, which keeps one while
 * the database is unchanged (`staff find` reads the store's words of
 * names and find text instead, store_each_staff_match, which costs no
 * load).
 *
 * Memory: the names with one '\n' each (about 24 bytes a person in the
 * demo region), 8 bytes per NIP and 4 bytes per 64 rows: about 32 MB at
 * 1,000,000 staff. */
#ifndef MUTASI_STORE_CORPUS_H
#define MUTASI_STORE_CORPUS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CORPUS_BLOCK 64         /* rows per entry of the offset index */

struct corpus {
    char *text;                 /* folded names, each ended by '\n' */
    size_t len, cap;
    uint64_t *nips;             /* NIPs as numbers (18 digits fit) */
    uint32_t *block;            /* text offset of row i * CORPUS_BLOCK */
    size_t n, ncap, nblock;
    size_t freq[256];           /* how often each byte occurs (corpus_trim) */
    uint64_t stamp;             /* store_stamp when it was built */
    bool ready;
    bool broken;                /* a name or NIP it cannot hold */
};

void corpus_init(struct corpus *c);
void corpus_free(struct corpus *c);
/* Appends a row (rows come in name-index order). Returns 0, or -1 when out
 * of memory or the NIP is not 18 digits (the corpus is then unusable). */
int corpus_add(struct corpus *c, const char *folded, size_t len, const char *nip);
/* The same with the NIP as the number its digits spell (< 10^18). */
int corpus_add_value(struct corpus *c, const char *folded, size_t len, uint64_t nip);
/* Room for rows and text bytes ahead (a guess is fine); 0 or -1. */
int corpus_reserve(struct corpus *c, size_t rows, size_t text_bytes);
/* Ends the building: gives back the room not used and counts the bytes
 * (searches look for a needle's rarest byte first). */
void corpus_trim(struct corpus *c);
/* Bytes held. */
size_t corpus_bytes(const struct corpus *c);

/* Row i's folded name (not NUL-terminated; length in *len) and NIP. */
const char *corpus_name(const struct corpus *c, size_t i, size_t *len);
void corpus_nip(const struct corpus *c, size_t i, char out[19]);
/* The row of (name, nip), name folded or not: its index, or the index
 * where it would be (0..n). */
size_t corpus_find(const struct corpus *c, const char *name, const char *nip);

/* The next row matching text (ASCII case-insensitive in the name, or the
 * text's digits inside the NIP, spaces ignored), from row `from` in
 * direction dir (1 forward, -1 backward), from itself included, wrapping
 * round the end. Returns the row, or (size_t)-1 when no row matches;
 * *wrapped tells whether it went round. */
size_t corpus_search(const struct corpus *c, const char *text, size_t from, int dir,
                     bool *wrapped);

/* Fills an empty corpus from the name index as of t (store.h); stamps it
 * with store_stamp(t). 0, or -1 (the corpus freed) when it cannot. */
typedef struct stxn stxn;
int corpus_load(struct corpus *c, stxn *t);
#endif
