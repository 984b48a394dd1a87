/* The on-disk encoding of records: a format version byte, then the fields
 * in a fixed order; integers little-endian of fixed width, strings as one
 * length byte and their bytes (no NUL). Decoding copies with memcpy, so any
 * alignment of the input is fine (LMDB values are only 2-byte aligned).
 * Pure functions: no LMDB here, so the codec is unit-tested on its own. */
#ifndef MUTASI_STORE_CODEC_H
#define MUTASI_STORE_CODEC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/plan.h"
#include "core/record.h"
#include "core/workflow.h"
#include "store/store.h"

#define CODEC_VERSION 1
/* Positions, staff and history are written as version 2 (schema 6):
 * dates and numbers as varints (LEB128, zigzagged where signed), the unit
 * after the position code it begins with as the length of the prefix
 * they share and the rest, and a history line without the NIP and date
 * its key holds. Version 1 records still decode. */
#define CODEC_COMPACT 2
/* Staff records are written as version 3 (schema 8): version 2 without
 * the NIP, which their key holds. */
#define CODEC_STAFF_KEYED 3
/* Every record ends with a seal: a checksum of the bytes before it (the
 * low 32 bits of xxHash's XXH3), 4 bytes little-endian. A decoder refuses a record whose seal does
 * not match, so damage is reported, never decoded into garbage. The seal
 * came with schema 2 (migrate.c seals the records of older databases);
 * the version bytes describe the fields and did not change. */
#define CODEC_SEAL 4
uint32_t codec_crc(const void *buf, size_t len);
/* True when buf (len bytes, the seal included) ends with its right seal. */
bool codec_sealed(const void *buf, size_t len);
/* Large enough for any encoded record (the largest, staff, is < 1 KiB). */
#define CODEC_MAX 2048

/* Each encoder writes at most cap bytes and returns the length, or 0 when
 * cap is too small. Strings longer than their field are impossible in a
 * valid struct (NUL-terminated within the field). */
size_t codec_put_unit(const struct unit *u, unsigned char *buf, size_t cap);
size_t codec_put_position(const struct position *p, unsigned char *buf, size_t cap);
size_t codec_put_staff(const struct staff *s, unsigned char *buf, size_t cap);
size_t codec_put_history(const struct history *h, unsigned char *buf, size_t cap);
size_t codec_put_audit(const struct audit_entry *e, unsigned char *buf, size_t cap);

/* Each decoder reads exactly len bytes and returns 0, or -1 when the input
 * has another version byte, is truncated, has bytes left over, or holds a
 * string or count that does not fit its field. out is zeroed first. */
int codec_get_unit(const void *buf, size_t len, struct unit *out);
int codec_get_position(const void *buf, size_t len, struct position *out);
/* key: the record's key (klen bytes, the NIP), which version 3 records
 * take their NIP from; versions 1 and 2 hold it. */
int codec_get_staff(const void *buf, size_t len, const void *key, size_t klen, struct staff *out);
/* The position code of a staff record alone (its seal checked), without
 * decoding the rest: for walks that want a few positions' people. 0, or
 * -1 when the record is damaged. */
int codec_staff_position(const void *buf, size_t len, char position[CODE_SIZE]);
/* A person's preferences (core/preference.h), version byte 1. */
struct preference;
size_t codec_put_preference(const struct preference *p, unsigned char *buf, size_t cap);
int codec_get_preference(const void *buf, size_t len, struct preference *out);
/* A history line's key (keys.h, store_history_key) is the packed NIP
 * (8 bytes, schema 8), the date (big-endian, biased) and a 2-byte
 * sequence; version 2 records leave the NIP and the date to it. key: the
 * record's key (klen bytes). */
#define CODEC_HIST_KEY_LEN (8 + 4 + 2)
int codec_get_history(const void *buf, size_t len, const void *key, size_t klen,
                      struct history *out);
int codec_get_audit(const void *buf, size_t len, struct audit_entry *out);

/* Plans and moves (core/plan.h), with their own version byte: written as
 * version 2 (a plan's SK, applied_at and timeline; a move's strike),
 * version 1 records still decode (those fields empty, the SK dates
 * MDATE_NONE). */
#define CODEC_PLAN_V1 1
#define CODEC_PLAN_VERSION 2
/* Moves are written as version 3: version 2 and a staff objection and its
 * answer (who, when, why each). */
#define CODEC_MOVE_VERSION 3
/* Room for a plan with a full timeline (PLAN_TIMELINE_MAX steps). */
#define CODEC_PLAN_MAX (CODEC_MAX + PLAN_TIMELINE_MAX * 330)
/* codec_put_plan: with an empty timeline. */
size_t codec_put_plan(const struct plan *p, unsigned char *buf, size_t cap);
size_t codec_put_plan_timeline(const struct plan *p, const struct wf_event *tl, size_t ntl,
                               unsigned char *buf, size_t cap);
/* codec_get_plan checks the timeline but does not return it;
 * codec_get_plan_timeline copies up to max steps into tl (may be NULL),
 * *ntl of them (ntl may be NULL). */
int codec_get_plan(const void *buf, size_t len, struct plan *out);
int codec_get_plan_timeline(const void *buf, size_t len, struct plan *out,
                            struct wf_event *tl, size_t max, size_t *ntl);
size_t codec_put_move(const struct move *m, unsigned char *buf, size_t cap);
int codec_get_move(const void *buf, size_t len, struct move *out);

/* The bytes an audit entry's hash covers: a domain tag, seq and time
 * big-endian, each text with a 2-byte big-endian length, then prev_hash.
 * Unambiguous, so no two different entries serialise alike. Returns the
 * length, or 0 when cap is too small. */
size_t codec_audit_canonical(const struct audit_entry *e, unsigned char *buf, size_t cap);

/* Big-endian helpers for keys (byte order = numeric order). Signed values
 * are biased by 2^31 / 2^63 so negative numbers sort first. */
void codec_be32(unsigned char out[4], uint32_t v);
void codec_be64(unsigned char out[8], uint64_t v);
uint32_t codec_from_be32(const unsigned char in[4]);
uint64_t codec_from_be64(const unsigned char in[8]);
void codec_be32_signed(unsigned char out[4], int32_t v);
#endif
