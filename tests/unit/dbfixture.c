/* Test support: temporary databases and a movable person (dbfixture.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <cmocka.h>
#include "core/date.h"
#include "dbfixture.h"
#include "store_test.h"

store *dbfx_open(const char *tag, char root[DBFX_ROOT_SIZE], char db[DBFX_DB_SIZE])
{
    char err[640];
    snprintf(root, DBFX_ROOT_SIZE, "/tmp/mutasi-%s-XXXXXX", tag);
    assert_non_null(mkdtemp(root));
    snprintf(db, DBFX_DB_SIZE, "%s/db", root);
    store *s = store_open(db, STORE_CREATE, err, sizeof err);
    if (!s)
        fail_msg("open: %s", err);
    return s;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

void dbfx_remove(const char *root)
{
    nftw(root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

struct dbfx *dbfx_new(const char *tag)
{
    struct dbfx *fx = calloc(1, sizeof *fx);
    assert_non_null(fx);
    fx->s = dbfx_open(tag, fx->root, fx->db);
    return fx;
}

void dbfx_free(struct dbfx *fx)
{
    store_close(fx->s);
    dbfx_remove(fx->root);
    free(fx);
}

void dbfx_person(struct staff *s, const char *nip, const char *pos)
{
    memset(s, 0, sizeof *s);
    snprintf(s->nip, sizeof s->nip, "%s", nip);
    snprintf(s->name, sizeof s->name, "Orang %s", nip + 15);
    s->sex = SEX_L;
    s->status = STATUS_PNS;
    s->rank = 9;
    s->education = EDU_S1;
    s->birth_date = date_from_ymd(1980, 1, 1);
    s->post_since = date_from_ymd(2015, 1, 1);
    s->pns_since = date_from_ymd(2006, 1, 1);
    s->discipline_until = MDATE_NONE;
    strcpy(s->unit, "U1");
    snprintf(s->position, sizeof s->position, "%s", pos);
    strcpy(s->job_family, "umum");
    s->nskp = 2;
    s->skp[0] = (struct skp_entry){2024, SKP_BAIK};
    s->skp[1] = (struct skp_entry){2025, SKP_BAIK};
}

int dbfx_put_two_units(stxn *t, int64_t p2_minutes, struct position *p1)
{
    struct unit u1 = {"U1", "Unit satu", "", UKIND_OPD, ""}, u2 = {"U2", "Unit dua", "U1",
                                                                  UKIND_BIDANG, ""};
    memset(p1, 0, sizeof *p1);
    strcpy(p1->code, "P1");
    strcpy(p1->unit, "U1");
    strcpy(p1->name, "Pelaksana");
    strcpy(p1->job_family, "umum");
    p1->workload_minutes = 75000;
    p1->need = NEED_FROM_ABK;
    struct position p2 = *p1;
    strcpy(p2.code, "P2");
    strcpy(p2.unit, "U2");
    p2.workload_minutes = p2_minutes;
    if (store_put_unit(t, &u1) || store_put_unit(t, &u2) || store_put_position(t, p1) ||
        store_put_position(t, &p2))
        return STORE_ERROR;
    return STORE_OK;
}

static int dump_pair(const void *k, size_t klen, const void *v, size_t vlen, void *ctx)
{
    struct dbfx_dump *d = ctx;
    size_t need = d->n + 2 * sizeof(size_t) + klen + vlen;
    if (need > d->cap) {
        d->cap = need * 2;
        d->p = realloc(d->p, d->cap);
        assert_non_null(d->p);
    }
    memcpy(d->p + d->n, &klen, sizeof klen);
    memcpy(d->p + d->n + sizeof klen, k, klen);
    d->n += sizeof klen + klen;
    memcpy(d->p + d->n, &vlen, sizeof vlen);
    memcpy(d->p + d->n + sizeof vlen, v, vlen);
    d->n += sizeof vlen + vlen;
    return 0;
}

struct dbfx_dump dbfx_dump_table(store *s, const char *db)
{
    struct dbfx_dump d = {0};
    stxn *t = store_read_begin(s);
    assert_non_null(t);
    assert_int_equal(store_test_raw_each(t, db, dump_pair, &d), STORE_OK);
    store_read_end(t);
    return d;
}

int dbfx_problems(store *s, char *why, size_t whylen)
{
    stxn *t = store_read_begin(s);
    assert_non_null(t);
    int n = store_check_indexes(t, why, whylen);
    store_read_end(t);
    return n;
}

store *dbfx_open_second(struct dbfx *fx)
{
    char path[DBFX_ROOT_SIZE + 8], err[640];
    snprintf(path, sizeof path, "%s/db2", fx->root);
    store *s = store_open(path, STORE_CREATE, err, sizeof err);
    if (!s)
        fail_msg("open: %s", err);
    return s;
}
