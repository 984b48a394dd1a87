/* The demo region: kabupaten by kabupaten, plan the units and positions
 * (with how many people hold each), give every position an ABK workload
 * that leaves some units short and others over-staffed, then make up the
 * people. Everything comes from the seeded PRNG in gen/rng.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/hash.h"
#include "core/rules.h"
#include "core/vocab.h"
#include "gen/gen.h"
#include "gen/names.h"
#include "gen/rng.h"
#include "gen/tables.h"
#include "gen/text.h"

#define MAX_KEC 32
#define EFFECTIVE_MINUTES 75000   /* 1,250 hours: the usual ABK figure */
#define STRUCTURAL (-1)

struct uinfo {
    uint8_t family, track, profile;
    uint8_t npos;                 /* positions numbered so far */
    uint16_t district;
};

struct slot {
    struct position p;
    int16_t job;                  /* index in jobs[], or STRUCTURAL */
    uint8_t track, female, pppk;
    uint16_t unit;
    uint32_t planned, holders;
};

/* The NIPs in use (prefix << 10 | sequence). The sequence is national:
 * everyone born on the same day, of the same sex and appointed in the same
 * month shares one space, so a region sees numbers spread over the batch
 * (001 for small intakes, up to a few dozen for the large ones). */
struct nipseq {
    uint64_t *slot;               /* key << 10 | sequence, 0 = empty */
    size_t mask;
};

struct kab {
    struct rng rng;
    uint32_t index, staff;
    int style, is_kota;
    char prefix[8];               /* "3204." or "" */
    char name[40];
    char district[MAX_KEC][DISTRICT_SIZE];
    int ndist;
    int scale_pct;                /* OPD job counts grow with the kabupaten */
    struct unit *units;
    struct uinfo *uinfo;
    size_t nunits, capunits, capuinfo;
    struct slot *slots;
    size_t nslots, capslots;
    uint32_t *by_family[FAM_COUNT];
    size_t nfamily[FAM_COUNT];
    uint64_t *by_job;             /* (job, level) << 32 | slot, sorted */
    uint64_t *names;              /* full names given (hash << 2 | count) */
    size_t names_mask;
};

struct region {
    const struct gen_params *p;
    const struct policy *policy;  /* retirement ages (rules_bup) */
    const struct gen_sink *sink;
    struct gen_counts *counts;
    struct nipseq seq;
    int today_y, today_m, today_d;
    uint32_t nkab, nprov, kab_per_prov;
    uint32_t style_used[STYLE_COUNT];
    int style_offset;
};

/* --- small helpers ------------------------------------------------------- */

/* snprintf that cuts long texts short on purpose: every field has a fixed
 * size and the tables are written to fit (tests check the results). */
static void textf(char *dst, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void textf(char *dst, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, size, fmt, ap);
    va_end(ap);
}

static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static mdate first_of_month(mdate t)
{
    int y, m, d;
    date_to_ymd(t, &y, &m, &d);
    return date_from_ymd(y, m, 1);
}

static int year_of(mdate t)
{
    int y, m, d;
    date_to_ymd(t, &y, &m, &d);
    return y;
}

static void *grow(void *ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return ptr;
    size_t ncap = *cap ? *cap * 2 : 256;
    while (ncap < need)
        ncap *= 2;
    void *p = realloc(ptr, ncap * elem);
    if (p)
        *cap = ncap;
    return p;
}

/* --- levels, ranks, ages ------------------------------------------------- */

static int is_keahlian(int level)
{
    return level >= PLEVEL_AHLI_PERTAMA && level <= PLEVEL_AHLI_UTAMA;
}

/* Lowest and highest rank of the people who usually hold this post. */
static void rank_band(int kind, int level, int *lo, int *hi)
{
    static const int8_t band[][2] = {
        [PLEVEL_AHLI_PERTAMA] = {9, 10}, [PLEVEL_AHLI_MUDA] = {11, 12},
        [PLEVEL_AHLI_MADYA] = {13, 15},  [PLEVEL_AHLI_UTAMA] = {16, 17},
        [PLEVEL_PEMULA] = {5, 5},        [PLEVEL_TERAMPIL] = {6, 8},
        [PLEVEL_MAHIR] = {9, 10},        [PLEVEL_PENYELIA] = {11, 12},
    };
    switch (kind) {
    case PKIND_JPT: *lo = 15; *hi = 17; return;
    case PKIND_ADMINISTRATOR: *lo = 12; *hi = 15; return;
    case PKIND_PENGAWAS: *lo = 10; *hi = 13; return;
    case PKIND_PELAKSANA: *lo = 5; *hi = 12; return;
    default: *lo = band[level][0]; *hi = band[level][1]; return;
    }
}

static int min_education(int kind, int level, int track, const struct job *j)
{
    switch (kind) {
    case PKIND_JPT:
    case PKIND_ADMINISTRATOR: return EDU_S1;
    case PKIND_PENGAWAS: return EDU_D3;
    case PKIND_PELAKSANA: return j->min_edu;
    default: break;
    }
    if (is_keahlian(level)) {
        if (track == TR_DOKTER_SP)
            return EDU_S2;
        if (track == TR_DOKTER || track == TR_DOKTER_GIGI || track == TR_FARMASI)
            return EDU_S1;
        return EDU_D4;
    }
    return level == PLEVEL_PEMULA ? EDU_SMA : EDU_D3;
}


/* Age (lo, mode, hi) of the people at each kind of post. */
static void age_band(int kind, int level, int *lo, int *mode, int *hi)
{
    static const int8_t band[][3] = {
        [PLEVEL_AHLI_PERTAMA] = {24, 35, 56}, [PLEVEL_AHLI_MUDA] = {33, 53, 57},
        [PLEVEL_AHLI_MADYA] = {42, 57, 59},   [PLEVEL_AHLI_UTAMA] = {50, 60, 64},
        [PLEVEL_PEMULA] = {19, 25, 45},       [PLEVEL_TERAMPIL] = {22, 45, 57},
        [PLEVEL_MAHIR] = {32, 52, 57},        [PLEVEL_PENYELIA] = {40, 55, 57},
    };
    switch (kind) {
    case PKIND_JPT: *lo = 44; *mode = 56; *hi = 59; return;
    case PKIND_ADMINISTRATOR: *lo = 37; *mode = 54; *hi = 57; return;
    case PKIND_PENGAWAS: *lo = 31; *mode = 52; *hi = 57; return;
    case PKIND_PELAKSANA: *lo = 20; *mode = 52; *hi = 57; return;
    default:
        *lo = band[level][0]; *mode = band[level][1]; *hi = band[level][2];
        return;
    }
}

/* Youngest age at which someone with this education becomes CPNS. */
static int entry_age(int edu, int track)
{
    if (track == TR_DOKTER || track == TR_DOKTER_SP || track == TR_DOKTER_GIGI)
        return 24;
    if (edu >= EDU_S2)
        return 24;
    if (edu >= EDU_D4)
        return 22;
    if (edu >= EDU_D3)
        return 21;
    return 18;
}

/* Starting rank of a CPNS by the diploma they were recruited with. */
static int entry_rank(int edu, int track)
{
    if (track == TR_DOKTER || track == TR_DOKTER_SP || track == TR_DOKTER_GIGI)
        return 10;                          /* III/b */
    if (edu >= EDU_S2)
        return 9;                           /* recruited with their S-1 */
    if (edu >= EDU_D4)
        return 9;                           /* III/a */
    if (edu == EDU_D3)
        return 7;                           /* II/c */
    if (edu >= EDU_D1)
        return 6;
    return 5;                               /* II/a */
}

static int pppk_grade(int level)
{
    static const uint8_t grade[] = {
        [PLEVEL_AHLI_PERTAMA] = 9, [PLEVEL_AHLI_MUDA] = 11,
        [PLEVEL_AHLI_MADYA] = 13,  [PLEVEL_AHLI_UTAMA] = 15,
        [PLEVEL_PEMULA] = 5, [PLEVEL_TERAMPIL] = 7, [PLEVEL_MAHIR] = 8,
        [PLEVEL_PENYELIA] = 9,
    };
    return RANK_PPPK_BASE + (level < (int)sizeof grade && grade[level] ? grade[level] : 7);
}

/* The nearest education at or above want (then below) that the track has. */
static int fit_education(int track, int want, int min)
{
    for (int e = want; e >= min; e--)
        if (schooling_exists(track, e))
            return e;
    for (int e = want + 1; e <= EDU_S3; e++)
        if (schooling_exists(track, e))
            return e;
    return want;
}

static int pick_education(struct rng *r, int kind, int level, int track, int min)
{
    int e;
    int x = rng_range(r, 0, 99);
    switch (kind) {
    case PKIND_JPT: e = x < 6 ? EDU_S1 : x < 90 ? EDU_S2 : EDU_S3; break;
    case PKIND_ADMINISTRATOR: e = x < 42 ? EDU_S1 : x < 98 ? EDU_S2 : EDU_S3; break;
    case PKIND_PENGAWAS: e = x < 5 ? EDU_D3 : x < 78 ? EDU_S1 : EDU_S2; break;
    case PKIND_PELAKSANA:
        if (min <= EDU_SMA)
            e = x < 52 ? EDU_SMA : x < 66 ? EDU_D3 : x < 97 ? EDU_S1 : EDU_S2;
        else if (min <= EDU_D3)
            e = x < 70 ? EDU_D3 : EDU_S1;
        else
            e = x < 88 ? EDU_S1 : EDU_S2;
        break;
    default:
        if (track == TR_DOKTER_SP)
            e = EDU_S2;
        else if (is_keahlian(level)) {
            int s2 = level >= PLEVEL_AHLI_MADYA ? 30 : level == PLEVEL_AHLI_MUDA ? 14 : 5;
            if (track == TR_BIDAN || track == TR_PERAWAT)
                e = x < 25 ? EDU_D4 : x < 100 - s2 / 2 ? EDU_S1 : EDU_S2;
            else
                /* doctorates only among the senior */
                e = x < 100 - s2 ? EDU_S1 : x < 99 || level < PLEVEL_AHLI_MADYA ? EDU_S2 : EDU_S3;
        } else if (level == PLEVEL_PEMULA)
            e = EDU_SMA;
        else
            e = x < 84 ? EDU_D3 : x < 91 ? EDU_D4 : EDU_S1;
        break;
    }
    if (e < min)
        e = min;
    /* a fungsional's schooling must exist for their profession; others
     * fall back to a general schooling (names.c) */
    return kind == PKIND_FUNGSIONAL ? fit_education(track, e, min) : e;
}

/* --- NIP sequence numbers ------------------------------------------------ */

static int nipseq_init(struct nipseq *q, uint32_t staff)
{
    size_t n = 1024;
    while (n < (size_t)staff + staff / 3)
        n *= 2;
    q->slot = calloc(n, sizeof *q->slot);
    q->mask = n - 1;
    return q->slot ? 0 : -1;
}

/* Adds key|seq; false when that NIP is already taken. */
static int nipseq_take(struct nipseq *q, uint64_t key, int seq)
{
    uint64_t want = key << 10 | (uint64_t)seq, h = want;
    size_t i = (size_t)splitmix64(&h) & q->mask;
    for (;;) {
        uint64_t v = q->slot[i];
        if (v == 0) {
            q->slot[i] = want;
            return 1;
        }
        if (v == want)
            return 0;
        i = (i + 1) & q->mask;
    }
}

/* How far the sequences of an appointment month reach: the national
 * intakes (TMT in January, March or April) are large, other months small.
 * A function of the month alone, so every region agrees. */
static int batch_spread(int year, int month)
{
    uint64_t h = (uint64_t)(year * 12 + month) * 0x9e3779b97f4a7c15ull;
    int spread = 1 + (int)(splitmix64(&h) % 4);
    if (month == 1 || month == 3 || month == 4)
        spread *= 6;
    return spread;
}

/* A free sequence number for this prefix, drawn over the batch (low
 * numbers more often), or 0 when all 999 are used. */
static int nipseq_next(struct nipseq *q, struct rng *r, uint64_t key, int spread)
{
    int seq = rng_tri(r, 1, 1, spread);
    for (int n = 0; n < 999; n++, seq = seq % 999 + 1)
        if (nipseq_take(q, key, seq))
            return seq;
    return 0;
}

/* --- building a kabupaten: units ----------------------------------------- */

static int add_unit(struct kab *k, const char *code, const char *name,
                    const char *parent, int kind, int district, int family,
                    int track)
{
    struct unit *u;
    k->units = grow(k->units, &k->capunits, k->nunits + 1, sizeof *k->units);
    if (!k->units)
        return -1;
    if (k->capuinfo < k->capunits) {
        struct uinfo *ui = realloc(k->uinfo, k->capunits * sizeof *ui);
        if (!ui)
            return -1;
        k->uinfo = ui;
        k->capuinfo = k->capunits;
    }
    u = &k->units[k->nunits];
    memset(u, 0, sizeof *u);
    copy_str(u->code, sizeof u->code, code);
    copy_str(u->name, sizeof u->name, name);
    copy_str(u->parent, sizeof u->parent, parent);
    u->kind = (uint8_t)kind;
    copy_str(u->district, sizeof u->district, k->district[district]);
    /* how this unit's workload compares with its staff */
    static const uint16_t profile_w[] = {24, 34, 21, 21};
    k->uinfo[k->nunits] = (struct uinfo){
        .family = (uint8_t)family, .track = (uint8_t)track,
        .profile = (uint8_t)rng_weighted(&k->rng, profile_w, 4),
        .district = (uint16_t)district};
    return (int)k->nunits++;
}

static struct slot *add_slot(struct kab *k, int unit, const char *name,
                             int kind, int level, int family, uint32_t planned)
{
    k->slots = grow(k->slots, &k->capslots, k->nslots + 1, sizeof *k->slots);
    if (!k->slots)
        return NULL;
    struct slot *s = &k->slots[k->nslots++];
    memset(s, 0, sizeof *s);
    struct uinfo *ui = &k->uinfo[unit];
    textf(s->p.code, sizeof s->p.code, "%s-%02u", k->units[unit].code,
             (unsigned)++ui->npos);
    copy_str(s->p.unit, sizeof s->p.unit, k->units[unit].code);
    copy_str(s->p.name, sizeof s->p.name, name);
    s->p.kind = (uint8_t)kind;
    s->p.level = (uint8_t)level;
    copy_str(s->p.job_family, sizeof s->p.job_family, family_names[family]);
    s->p.need = NEED_FROM_ABK;
    s->job = STRUCTURAL;
    s->unit = (uint16_t)unit;
    s->planned = planned;
    s->track = ui->track;
    s->female = 30;
    return s;
}

static void add_competency(struct position *p, const char *code, int level)
{
    if (p->ncomp >= COMP_MAX)
        return;
    copy_str(p->comp[p->ncomp].code, sizeof p->comp[0].code, code);
    p->comp[p->ncomp].level = (uint8_t)level;
    p->ncomp++;
}

/* What the head of a unit studied: the OPD's own field for its head and
 * most bidang, general administration or finance for the secretariat. */
static int official_track(struct rng *r, int unit_kind, const char *unit_name, int opd_track)
{
    if (unit_kind == UKIND_OPD || unit_kind == UKIND_INSTANSI)
        return opd_track;
    if (strncmp(unit_name, "Sekretariat", 11) == 0 || strncmp(unit_name, "Subbagian", 9) == 0 ||
        strncmp(unit_name, "Bagian Tata Usaha", 17) == 0 || strncmp(unit_name, "Bagian Umum", 11) == 0)
        return rng_permille(r, 700) ? TR_ADMIN : TR_KEU;
    int x = rng_range(r, 0, 99);
    if (opd_track == TR_DOKTER)
        return x < 55 ? TR_KESMAS : x < 80 ? TR_DOKTER : TR_ADMIN;
    if (opd_track == TR_GURU_SD)
        return x < 75 ? TR_GURU_SD : TR_ADMIN;
    return x < 70 ? opd_track : TR_ADMIN;
}

static int structural(struct kab *k, int unit, const char *name, int kind)
{
    /* about one post in twenty is vacant, waiting for the next promotion */
    uint32_t planned = rng_permille(&k->rng, 50) ? 0 : 1;
    struct uinfo *ui = &k->uinfo[unit];
    struct slot *s = add_slot(k, unit, name, kind, kind == PKIND_JPT ? PLEVEL_PRATAMA : 0,
                              ui->family, planned);
    if (!s)
        return -1;
    s->track = (uint8_t)official_track(&k->rng, k->units[unit].kind, k->units[unit].name, ui->track);
    int lo, hi;
    rank_band(kind, 0, &lo, &hi);
    s->p.min_rank = (uint8_t)lo;
    s->p.min_education = (uint8_t)min_education(kind, 0, ui->track, NULL);
    add_competency(&s->p, kind == PKIND_JPT ? "pelatihan-pkn" :
                          kind == PKIND_ADMINISTRATOR ? "pelatihan-pka" : "pelatihan-pkp", 1);
    return 0;
}

static int level_from_letter(char c)
{
    switch (c) {
    case 'p': return PLEVEL_AHLI_PERTAMA;
    case 'm': return PLEVEL_AHLI_MUDA;
    case 'd': return PLEVEL_AHLI_MADYA;
    case 'u': return PLEVEL_AHLI_UTAMA;
    case 'e': return PLEVEL_PEMULA;
    case 't': return PLEVEL_TERAMPIL;
    case 'h': return PLEVEL_MAHIR;
    case 'y': return PLEVEL_PENYELIA;
    default: return PLEVEL_NONE;
    }
}

static const char *level_words(int level)
{
    static const char *const w[] = {
        [PLEVEL_AHLI_PERTAMA] = "Ahli Pertama", [PLEVEL_AHLI_MUDA] = "Ahli Muda",
        [PLEVEL_AHLI_MADYA] = "Ahli Madya", [PLEVEL_AHLI_UTAMA] = "Ahli Utama",
        [PLEVEL_PEMULA] = "Pemula", [PLEVEL_TERAMPIL] = "Terampil",
        [PLEVEL_MAHIR] = "Mahir", [PLEVEL_PENYELIA] = "Penyelia"};
    return level > 0 && level <= PLEVEL_PENYELIA ? w[level] : "";
}

/* One position of job j at level in unit, with lo..hi holders planned. */
static int job_position(struct kab *k, int unit, int j, int level, int lo, int hi)
{
    const struct job *jb = &jobs[j];
    int holders = rng_range(&k->rng, lo, hi);
    /* a post nobody holds is kept now and then: a vacancy to fill */
    if (holders == 0 && !rng_permille(&k->rng, 200))
        return 0;
    char name[NAME_SIZE];
    if (jb->kind == PKIND_FUNGSIONAL)
        textf(name, sizeof name, "%s %s", jb->name, level_words(level));
    else
        textf(name, sizeof name, "%s", jb->name);
    int family = jb->family == FAM_COUNT ? k->uinfo[unit].family : jb->family;
    struct slot *s = add_slot(k, unit, name, jb->kind, level, family, (uint32_t)holders);
    if (!s)
        return -1;
    s->job = (int16_t)j;
    s->track = jb->track;
    s->female = jb->female;
    s->pppk = jb->pppk;
    if (jb->kind == PKIND_FUNGSIONAL) {
        int lo_rank, hi_rank;
        rank_band(jb->kind, level, &lo_rank, &hi_rank);
        s->p.min_rank = (uint8_t)lo_rank;
    } else {
        s->p.min_rank = jb->min_rank;
        /* pelaksana often studied the field of their unit */
        int ut = k->uinfo[unit].track;
        int general = ut == TR_ADMIN || ut == TR_KEU || ut == TR_HUKUM || ut == TR_TEKNIK ||
                      ut == TR_TANI || ut == TR_IT || ut == TR_SOSIAL || ut == TR_LINGKUNGAN;
        s->track = (uint8_t)(general && family != FAM_ADMIN && rng_permille(&k->rng, 500) ? ut : jb->track);
    }
    s->p.min_education = (uint8_t)min_education(jb->kind, level, jb->track, jb);
    if (jb->comp) {
        int req = level == PLEVEL_AHLI_MADYA || level == PLEVEL_PENYELIA ? 3 :
                  level == PLEVEL_AHLI_MUDA || level == PLEVEL_MAHIR ? 2 : 1;
        add_competency(&s->p, jb->comp, req + rng_range(&k->rng, 0, 1));
    }
    if (rng_permille(&k->rng, 150))
        add_competency(&s->p, "komputer-perkantoran", rng_range(&k->rng, 1, 3));
    return 0;
}

/* Parses "Job:p1-3,m0-2|Job2:x0-1" and adds its positions to unit; hi is
 * multiplied by scale_pct/100. keep_pct: chance that a job line is used. */
static int add_jobs(struct kab *k, int unit, const char *spec, int scale_pct, int keep_permille)
{
    const char *p = spec;
    while (*p) {
        const char *colon = strchr(p, ':');
        if (!colon)
            return -1;
        int j = job_find(p, (size_t)(colon - p));
        if (j < 0)
            return -1;
        int keep = rng_permille(&k->rng, keep_permille);
        p = colon + 1;
        while (*p && *p != '|') {
            int level = level_from_letter(*p++);
            char *end;
            long lo = strtol(p, &end, 10);
            long hi = lo;
            if (*end == '-')
                hi = strtol(end + 1, &end, 10);
            p = end;
            if (*p == ',')
                p++;
            hi = (hi * scale_pct + 50) / 100;
            if (hi < lo)
                hi = lo;
            if (keep && job_position(k, unit, j, level, (int)lo, (int)hi) < 0)
                return -1;
        }
        if (*p == '|')
            p++;
    }
    return 0;
}

/* "Kepala Bidang X", "Sekretaris", "Kepala Subbagian Y" for a unit name. */
static void head_title(const char *unit_name, char *out, size_t n)
{
    if (strncmp(unit_name, "Sekretariat", 11) == 0)
        textf(out, n, "Sekretaris%s", unit_name + 11);
    else if (strncmp(unit_name, "Inspektur ", 10) == 0)
        textf(out, n, "%s", unit_name);
    else
        textf(out, n, "Kepala %s", unit_name);
}

/* Adds a bidang and its seksi from "Bidang A:Seksi 1;Seksi 2". */
static int add_bidang(struct kab *k, int opd, const char *spec, size_t len,
                      int bidang_no, const char *jobs_spec)
{
    char buf[512], code[CODE_SIZE], title[NAME_SIZE];
    if (len >= sizeof buf)
        return -1;
    memcpy(buf, spec, len);
    buf[len] = '\0';
    char *seksi = strchr(buf, ':');
    if (seksi)
        *seksi++ = '\0';
    /* copies: add_unit may move the arrays */
    const struct uinfo oi = k->uinfo[opd];
    char parent[CODE_SIZE];
    copy_str(parent, sizeof parent, k->units[opd].code);
    textf(code, sizeof code, "%s.%d", parent, bidang_no);
    int b = add_unit(k, code, buf, parent, UKIND_BIDANG, oi.district, oi.family, oi.track);
    if (b < 0)
        return -1;
    head_title(buf, title, sizeof title);
    if (structural(k, b, title, PKIND_ADMINISTRATOR) < 0 ||
        add_jobs(k, b, jobs_spec, k->scale_pct, 900) < 0 ||
        add_jobs(k, b, bidang_pelaksana, k->scale_pct, 600) < 0)
        return -1;
    int n = 0;
    while (seksi && *seksi) {
        char *next = strchr(seksi, ';');
        if (next)
            *next++ = '\0';
        /* since the 2021 simplification many seksi are gone: keep some */
        if (n > 0 && !rng_permille(&k->rng, 350)) {
            seksi = next;
            continue;
        }
        char scode[CODE_SIZE], bcode[CODE_SIZE];
        copy_str(bcode, sizeof bcode, k->units[b].code);
        textf(scode, sizeof scode, "%s.%d", bcode, ++n);
        int s = add_unit(k, scode, seksi, bcode, UKIND_SEKSI, oi.district, oi.family, oi.track);
        if (s < 0)
            return -1;
        head_title(seksi, title, sizeof title);
        if (structural(k, s, title, PKIND_PENGAWAS) < 0 ||
            add_jobs(k, s, seksi_jobs, k->scale_pct, 600) < 0)
            return -1;
        seksi = next;
    }
    return 0;
}

/* Splits a "A|B|C" list: the i-th item's start and length, or -1. */
static int nth_item(const char *list, int i, const char **start, size_t *len)
{
    const char *p = list;
    for (int n = 0; n < i; n++) {
        p = strchr(p, '|');
        if (!p)
            return -1;
        p++;
    }
    const char *end = strchr(p, '|');
    *start = p;
    *len = end ? (size_t)(end - p) : strlen(p);
    return 0;
}

static int count_items(const char *list)
{
    int n = 1;
    for (const char *p = list; *p; p++)
        n += *p == '|';
    return n;
}

static int add_opd(struct kab *k, int root, const struct opd_tpl *t)
{
    char code[CODE_SIZE], name[NAME_SIZE], head[NAME_SIZE], rootcode[CODE_SIZE];
    textf(code, sizeof code, "%s%s", k->prefix, t->code);
    if (t->special == OPD_RSUD)
        textf(name, sizeof name, "%s %s %s", t->name, k->is_kota ? "Kota" : "Kabupaten", k->name);
    else
        textf(name, sizeof name, "%s", t->name);
    textf(head, sizeof head, "%s", t->head);
    copy_str(rootcode, sizeof rootcode, k->units[root].code);
    int o = add_unit(k, code, name, rootcode, UKIND_OPD, 0, t->family, t->track);
    if (o < 0 || structural(k, o, head, t->head_kind) < 0)
        return -1;
    /* Sekretariat first (the Setda's bagian are its own), then 2 to 4 of
     * the bidang so that no two kabupaten look alike. */
    int bidang_no = 0;
    if (t->special != OPD_SETDA) {
        const char *sek = t->special == OPD_RSUD ? NULL : sekretariat_units;
        if (sek && add_bidang(k, o, sek, strlen(sek), ++bidang_no, sekretariat_jobs) < 0)
            return -1;
    }
    int avail = count_items(t->units);
    int want = t->special == OPD_SETDA ? rng_range(&k->rng, 4, 5) : rng_range(&k->rng, 2, 4);
    if (t->special == OPD_RSUD)
        want = 4;
    if (want > avail)
        want = avail;
    int items[8], nitems = 0;
    for (int i = 0; i < avail && nitems < want; i++)
        /* keep item i with probability (still wanted) / (still available) */
        if ((int)rng_below(&k->rng, (uint32_t)(avail - i)) < want - nitems)
            items[nitems++] = i;
    /* the OPD's fungsional jobs go to its bidang; the RSUD spreads its
     * many health workers over all of them */
    for (int i = 0; i < nitems; i++) {
        const char *start;
        size_t len;
        if (nth_item(t->units, items[i], &start, &len) < 0 ||
            add_bidang(k, o, start, len, ++bidang_no,
                       t->special == OPD_RSUD || i < 3 ? t->jobs : "Analis Kebijakan:p0-1") < 0)
            return -1;
    }
    return o;
}

static int add_kecamatan(struct kab *k, int root, int d)
{
    char code[CODE_SIZE], name[NAME_SIZE], title[NAME_SIZE], rootcode[CODE_SIZE];
    char kec[DISTRICT_SIZE];
    /* the district field may carry ", Kabupaten" in a many-kabupaten region */
    copy_str(kec, sizeof kec, k->district[d]);
    char *comma = strchr(kec, ',');
    if (comma)
        *comma = '\0';
    textf(code, sizeof code, "%sKEC%02d", k->prefix, d + 1);
    textf(name, sizeof name, "Kecamatan %s", kec);
    copy_str(rootcode, sizeof rootcode, k->units[root].code);
    int o = add_unit(k, code, name, rootcode, UKIND_OPD, d, FAM_PEM, TR_ADMIN);
    if (o < 0)
        return -1;
    textf(title, sizeof title, "Camat %s", kec);
    if (structural(k, o, title, PKIND_ADMINISTRATOR) < 0 ||
        add_bidang(k, o, "Sekretariat Kecamatan:Subbagian Umum dan Kepegawaian;Subbagian Perencanaan dan Keuangan",
                   strlen("Sekretariat Kecamatan:Subbagian Umum dan Kepegawaian;Subbagian Perencanaan dan Keuangan"),
                   1, "Analis Kebijakan:p0-1"))
        return -1;
    int nseksi = rng_range(&k->rng, 2, 3);
    int first = rng_range(&k->rng, 0, (int)nkecamatan_seksi - 1);
    for (int i = 0; i < nseksi; i++) {
        char scode[CODE_SIZE], ocode[CODE_SIZE];
        const char *sname = kecamatan_seksi[(first + i) % nkecamatan_seksi];
        copy_str(ocode, sizeof ocode, k->units[o].code);
        textf(scode, sizeof scode, "%s.%d", ocode, i + 2);
        int s = add_unit(k, scode, sname, ocode, UKIND_SEKSI, d, FAM_PEM, TR_ADMIN);
        if (s < 0)
            return -1;
        head_title(sname, title, sizeof title);
        if (structural(k, s, title, PKIND_PENGAWAS) < 0 ||
            add_jobs(k, s, kecamatan_jobs, k->scale_pct, 700) < 0)
            return -1;
    }
    return 0;
}

static const char *kec_name(const struct kab *k, int d, char *buf, size_t n)
{
    copy_str(buf, n, k->district[d]);
    char *comma = strchr(buf, ',');
    if (comma)
        *comma = '\0';
    return buf;
}

/* A school (SD or SMP) under the education office. */
static int add_school(struct kab *k, int disdik, int smp, int number, int d, int local_no)
{
    char code[CODE_SIZE], name[NAME_SIZE], parent[CODE_SIZE], kec[DISTRICT_SIZE];
    copy_str(parent, sizeof parent, k->units[disdik].code);
    textf(code, sizeof code, "%s.%s%03d", parent, smp ? "SMP" : "SD", number);
    textf(name, sizeof name, "UPT %s Negeri %d %s", smp ? "SMP" : "SD", local_no,
             kec_name(k, d, kec, sizeof kec));
    int u = add_unit(k, code, name, parent, UKIND_UPT, d, FAM_DIDIK, TR_GURU_SD);
    if (u < 0)
        return -1;
    if (add_jobs(k, u, smp ? smp_jobs : sd_jobs, 100, smp ? 960 : 940) < 0)
        return -1;
    /* larger schools have an operator for the school data (Dapodik) */
    return smp ? 0 : add_jobs(k, u, "Operator Layanan Operasional:x0-1", 100, 400);
}

/* nth puskesmas of a district: "", " II", " III"... (names stay distinct). */
static const char *ordinal_suffix(int nth)
{
    static const char *const roman[] = {"", "", " II", " III", " IV", " V", " VI",
                                        " VII", " VIII", " IX", " X"};
    return nth >= 0 && nth <= 10 ? roman[nth] : " XI";
}

static int add_puskesmas(struct kab *k, int dinkes, int number, int d, int nth)
{
    char code[CODE_SIZE], name[NAME_SIZE], parent[CODE_SIZE], kec[DISTRICT_SIZE], title[NAME_SIZE];
    copy_str(parent, sizeof parent, k->units[dinkes].code);
    textf(code, sizeof code, "%s.PKM%02d", parent, number);
    textf(name, sizeof name, "UPT Puskesmas %s%s", kec_name(k, d, kec, sizeof kec),
             ordinal_suffix(nth));
    int u = add_unit(k, code, name, parent, UKIND_UPT, d, FAM_KES, TR_KESMAS);
    if (u < 0)
        return -1;
    textf(title, sizeof title, "Kepala %s", name);
    if (structural(k, u, title, PKIND_PENGAWAS) < 0)
        return -1;
    if (rng_permille(&k->rng, 300) && structural(k, u, "Kepala Subbagian Tata Usaha", PKIND_PENGAWAS) < 0)
        return -1;
    return add_jobs(k, u, puskesmas_jobs, 100, 950);
}

static uint64_t planned_total(const struct kab *k)
{
    uint64_t n = 0;
    for (size_t i = 0; i < k->nslots; i++)
        n += k->slots[i].planned;
    return n;
}

/* --- exact staff count --------------------------------------------------- */

struct share {
    uint64_t rem;
    uint32_t idx;
};

static int share_cmp(const void *a, const void *b)
{
    const struct share *x = a, *y = b;
    if (x->rem != y->rem)
        return x->rem < y->rem ? 1 : -1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sets holders so that they add up to exactly target: the planned counts
 * scaled by largest remainder. Structural posts keep their one holder
 * unless the kabupaten is too small even for them. */
static int apportion(struct kab *k, uint32_t target)
{
    uint64_t fixed = 0, flexible = 0;
    for (size_t i = 0; i < k->nslots; i++) {
        if (k->slots[i].job == STRUCTURAL)
            fixed += k->slots[i].planned;
        else
            flexible += k->slots[i].planned;
    }
    int keep_structural = target >= fixed * 2 && flexible > 0;
    uint64_t base = keep_structural ? flexible : fixed + flexible;
    uint64_t want = keep_structural ? target - fixed : target;
    struct share *sh = malloc((k->nslots + 1) * sizeof *sh);
    if (!sh)
        return -1;
    uint64_t given = 0;
    size_t n = 0;
    for (size_t i = 0; i < k->nslots; i++) {
        struct slot *s = &k->slots[i];
        if (keep_structural && s->job == STRUCTURAL) {
            s->holders = s->planned;
            continue;
        }
        uint64_t x = base ? (uint64_t)s->planned * want : 0;
        s->holders = base ? (uint32_t)(x / base) : 0;
        given += s->holders;
        if (s->planned)
            sh[n++] = (struct share){base ? x % base : 0, (uint32_t)i};
    }
    qsort(sh, n, sizeof *sh, share_cmp);
    for (size_t i = 0; given < want && n; i = (i + 1) % n) {
        k->slots[sh[i].idx].holders++;
        given++;
    }
    free(sh);
    return 0;
}

/* --- workload (ABK) ------------------------------------------------------ */

/* Annual workload so that EJ = workload / (holders x 75,000) lands in the
 * unit's band: short units (EJ > 1, grade A), balanced (B), slack (C),
 * over-staffed (D, E). Vacant posts carry work nobody does. */
static void set_workload(struct kab *k)
{
    static const int16_t centre[4][2] = {{110, 160}, {86, 99}, {70, 85}, {32, 64}};
    for (size_t i = 0; i < k->nunits; i++) {
        int pr = k->uinfo[i].profile;
        k->uinfo[i].profile = (uint8_t)rng_range(&k->rng, centre[pr][0], centre[pr][1]);
    }
    for (size_t i = 0; i < k->nslots; i++) {
        struct slot *s = &k->slots[i];
        int64_t wl;
        if (s->holders == 0) {
            wl = (int64_t)EFFECTIVE_MINUTES * rng_range(&k->rng, 45, 150) / 100;
        } else {
            int ej = s->job == STRUCTURAL ? rng_range(&k->rng, 85, 118)
                                          : k->uinfo[s->unit].profile + rng_range(&k->rng, -8, 8);
            wl = (int64_t)s->holders * EFFECTIVE_MINUTES * ej / 100;
        }
        wl += rng_range(&k->rng, -420, 420);
        s->p.workload_minutes = wl < 600 ? 600 : wl;
    }
}

/* --- building a kabupaten ------------------------------------------------ */

static void index_families(struct kab *k)
{
    for (int f = 0; f < FAM_COUNT; f++)
        k->nfamily[f] = 0;
    for (size_t i = 0; i < k->nslots; i++)
        for (int f = 0; f < FAM_COUNT; f++)
            if (strcmp(k->slots[i].p.job_family, family_names[f]) == 0) {
                k->by_family[f][k->nfamily[f]++] = (uint32_t)i;
                break;
            }
}

/* The sort key of a post by job and level: the same job at the next level
 * is where a career goes. Structural posts are keyed by their kind. */
static uint64_t job_key(int job, int kind, int level)
{
    uint64_t j = job >= 0 ? (uint64_t)job : (uint64_t)njobs + (uint64_t)kind;
    return j << 4 | (uint64_t)(level & 15);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int index_jobs(struct kab *k)
{
    free(k->by_job);
    k->by_job = malloc((k->nslots + 1) * sizeof *k->by_job);
    if (!k->by_job)
        return -1;
    for (size_t i = 0; i < k->nslots; i++)
        k->by_job[i] = job_key(k->slots[i].job, k->slots[i].p.kind, k->slots[i].p.level) << 32 |
                       (uint64_t)i;
    qsort(k->by_job, k->nslots, sizeof *k->by_job, cmp_u64);
    size_t n = 1024;
    while (n < (size_t)k->staff * 2)
        n *= 2;
    free(k->names);
    k->names = calloc(n, sizeof *k->names);
    k->names_mask = n - 1;
    return k->names ? 0 : -1;
}

/* A post of this job (or structural kind) at this level, other than
 * `not`, chosen at random; NULL when the kabupaten has none. */
static const struct slot *find_post(struct kab *k, int job, int kind, int level,
                                    const struct slot *not)
{
    uint64_t key = job_key(job, kind, level);
    size_t lo = 0, hi = k->nslots;
    while (lo < hi) {                         /* first entry >= key */
        size_t mid = (lo + hi) / 2;
        if (k->by_job[mid] >> 32 < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < k->nslots && k->by_job[end] >> 32 == key)
        end++;
    for (int tries = 0; tries < 4 && end > lo; tries++) {
        const struct slot *c = &k->slots[k->by_job[lo + rng_below(&k->rng, (uint32_t)(end - lo))]
                                         & 0xffffffffu];
        if (c != not)
            return c;
    }
    return NULL;
}

/* A pelaksana post in the same job family, other than `not`. */
static const struct slot *find_pelaksana(struct kab *k, const char *family, const struct slot *not)
{
    for (int f = 0; f < FAM_COUNT; f++) {
        if (strcmp(family, family_names[f]) != 0 || !k->nfamily[f])
            continue;
        for (int tries = 0; tries < 12; tries++) {
            const struct slot *c =
                &k->slots[k->by_family[f][rng_below(&k->rng, (uint32_t)k->nfamily[f])]];
            if (c != not && c->p.kind == PKIND_PELAKSANA)
                return c;
        }
        /* a family with few pelaksana: look at every post (rare) */
        for (size_t i = 0; i < k->nfamily[f]; i++) {
            const struct slot *c = &k->slots[k->by_family[f][i]];
            if (c != not && c->p.kind == PKIND_PELAKSANA)
                return c;
        }
        break;
    }
    return NULL;
}

/* How often a full name was given in this kabupaten before, counting this
 * one (at most 3: enough to keep any name to a few in 5,000). */
static int name_uses(struct kab *k, const char *name)
{
    uint64_t h = hash_fnv1a_str(name);       /* names are told apart by hash alone */
    h |= 1ull << 63;                         /* never 0 = empty */
    size_t i = (size_t)h & k->names_mask;
    for (size_t n = 0; n <= k->names_mask; n++, i = (i + 1) & k->names_mask) {
        uint64_t v = k->names[i];
        if (v == 0) {
            k->names[i] = (h << 2) | 1;
            return 1;
        }
        if (v >> 2 == (h << 2) >> 2) {
            int c = (int)(v & 3);
            if (c < 3)
                k->names[i] = v + 1;
            return c + 1;
        }
    }
    return 1;
}

static void name_districts(struct region *g, struct kab *k, int kab_idx)
{
    int step = 2 * rng_range(&k->rng, 1, 60) + 1;
    k->ndist = rng_range(&k->rng, 0, 2) + 6 + (int)(k->staff / 620);
    if (k->ndist < 8)
        k->ndist = 8;
    if (k->ndist > 24)
        k->ndist = 24;
    for (int d = 0; d < k->ndist; d++) {
        char kec[DISTRICT_SIZE];
        size_t idx = ((size_t)kab_idx + (size_t)d * (size_t)step) % place_name_count(k->style);
        place_name(k->style, idx, kec, sizeof kec);
        if (g->nkab > 1)
            textf(k->district[d], DISTRICT_SIZE, "%.20s, %s %.20s", kec,
                  k->is_kota ? "Kota" : "Kab.", k->name);
        else
            copy_str(k->district[d], DISTRICT_SIZE, kec);
    }
}

static int build_kab(struct region *g, struct kab *k, const char *parent)
{
    char code[CODE_SIZE], name[NAME_SIZE];
    int sidx = (int)(g->style_used[k->style]++ * 37 + (uint32_t)g->style_offset) % 256;
    place_name(k->style, (size_t)sidx, k->name, sizeof k->name);
    /* one region alone is a kabupaten (DESIGN "The demo region"); among
     * many, some are kota */
    k->is_kota = rng_permille(&k->rng, 140) && g->nkab > 1;
    name_districts(g, k, sidx);
    k->scale_pct = (int)(k->staff * 100 / 5600);
    if (k->scale_pct < 40)
        k->scale_pct = 40;
    if (k->scale_pct > 200)
        k->scale_pct = 200;

    if (g->nkab > 1) {
        copy_str(code, sizeof code, k->prefix);
        code[strlen(code) - 1] = '\0';       /* "3204." -> "3204" */
    } else {
        textf(code, sizeof code, "%s", k->is_kota ? "PEMKOT" : "PEMKAB");
    }
    textf(name, sizeof name, "Pemerintah %s %s", k->is_kota ? "Kota" : "Kabupaten", k->name);
    int root = add_unit(k, code, name, parent, UKIND_INSTANSI, 0, FAM_PEM, TR_ADMIN);
    if (root < 0)
        return -1;
    int disdik = -1, dinkes = -1;
    for (size_t i = 0; i < nopds; i++) {
        int o = add_opd(k, root, &opds[i]);
        if (o < 0)
            return -1;
        if (opds[i].special == OPD_DIDIK)
            disdik = o;
        if (opds[i].special == OPD_KES)
            dinkes = o;
    }
    for (int d = 0; d < k->ndist; d++)
        if (add_kecamatan(k, root, d) < 0)
            return -1;
    int npkm = k->ndist + rng_range(&k->rng, k->ndist / 3, k->ndist * 2 / 3);
    int per_kec[MAX_KEC] = {0};
    for (int i = 0; i < npkm; i++) {
        int d = i < k->ndist ? i : rng_range(&k->rng, 0, k->ndist - 1);
        if (add_puskesmas(k, dinkes, i + 1, d, ++per_kec[d]) < 0)
            return -1;
    }
    memset(per_kec, 0, sizeof per_kec);
    int nsmp = k->ndist * 2 + rng_range(&k->rng, 0, k->ndist / 2);
    for (int i = 0; i < nsmp; i++) {
        int d = i < k->ndist ? i : rng_range(&k->rng, 0, k->ndist - 1);
        if (add_school(k, disdik, 1, i + 1, d, ++per_kec[d]) < 0)
            return -1;
    }
    /* elementary schools until the kabupaten has room for its staff */
    memset(per_kec, 0, sizeof per_kec);
    uint64_t planned = planned_total(k);
    for (int i = 0; (planned < k->staff || i < k->ndist) && i < 1999; i++) {
        size_t before = k->nslots;
        int d = i < k->ndist ? i : rng_range(&k->rng, 0, k->ndist - 1);
        if (add_school(k, disdik, 0, i + 1, d, ++per_kec[d]) < 0)
            return -1;
        for (size_t s = before; s < k->nslots; s++)
            planned += k->slots[s].planned;
    }
    if (apportion(k, k->staff) < 0)
        return -1;
    set_workload(k);
    for (int f = 0; f < FAM_COUNT; f++) {
        free(k->by_family[f]);
        k->by_family[f] = malloc((k->nslots + 1) * sizeof(uint32_t));
        if (!k->by_family[f])
            return -1;
    }
    index_families(k);
    return index_jobs(k);
}

/* --- people -------------------------------------------------------------- */

struct person_ctx {
    struct region *g;
    struct kab *k;
    mdate today;
};

static int pick_skp(struct rng *r, int trait)
{
    int x = rng_range(r, 0, 99);
    switch (trait) {
    case 0: return x < 70 ? SKP_SANGAT_BAIK : SKP_BAIK;
    case 2: return x < 65 ? SKP_BUTUH_PERBAIKAN : SKP_BAIK;
    case 3: return x < 45 ? SKP_KURANG : x < 65 ? SKP_SANGAT_KURANG : SKP_BUTUH_PERBAIKAN;
    default: return x < 92 ? SKP_BAIK : x < 98 ? SKP_SANGAT_BAIK : SKP_BUTUH_PERBAIKAN;
    }
}

static void add_staff_competency(struct staff *s, const char *code, int level)
{
    if (s->ncomp >= COMP_MAX || level < 1)
        return;
    for (int i = 0; i < s->ncomp; i++)
        if (strcmp(s->comp[i].code, code) == 0)
            return;
    copy_str(s->comp[s->ncomp].code, sizeof s->comp[0].code, code);
    s->comp[s->ncomp].level = (uint8_t)(level > 5 ? 5 : level);
    s->ncomp++;
}

static int ethnic_of(struct kab *k, int track)
{
    int e = ethnic_pick(&k->rng, k->style);
    /* teachers of Islam come from the mostly Muslim traditions */
    if (track == TR_GURU_PAI && (e == ETH_BATAK || e == ETH_BALI || e == ETH_MANADO))
        e = ETH_MELAYU;
    return e;
}

#define HIST_MAX 6

/* The posts of a career that ends at sl, oldest first (sl last): it starts
 * at an entry post the recruitment rank allows (pelaksana, pemula or
 * terampil, ahli pertama from III/a), climbs the levels of its job (or
 * pelaksana, pengawas, administrator for officials), and changes post at
 * every line. Posts the kabupaten lacks are skipped. Returns the count. */
static int plan_career(struct kab *k, const struct slot *sl, int entry_rank, int moved,
                       const struct slot *chain[HIST_MAX])
{
    int kind = sl->p.kind, level = sl->p.level, n = 0;
    const struct slot *e;
    if (kind == PKIND_FUNGSIONAL && is_keahlian(level)) {
        int first = PLEVEL_AHLI_PERTAMA;
        if (entry_rank < 9 && (e = find_pelaksana(k, sl->p.job_family, sl)))
            chain[n++] = e;               /* recruited below III/a */
        for (int l = first; l < level && n < HIST_MAX - 1; l++)
            if ((e = find_post(k, sl->job, kind, l, sl)) ||
                (l == first && n == 0 && (e = find_pelaksana(k, sl->p.job_family, sl))))
                chain[n++] = e;
    } else if (kind == PKIND_FUNGSIONAL) {
        int first = entry_rank <= 5 ? PLEVEL_PEMULA : PLEVEL_TERAMPIL;
        for (int l = first; l < level && n < HIST_MAX - 1; l++)
            if ((e = find_post(k, sl->job, kind, l, sl)) ||
                (l == first && (e = find_pelaksana(k, sl->p.job_family, sl))))
                chain[n++] = e;
    } else if (kind != PKIND_PELAKSANA) {
        if ((e = find_pelaksana(k, sl->p.job_family, sl)))
            chain[n++] = e;
        static const uint8_t ladder[] = {PKIND_PENGAWAS, PKIND_ADMINISTRATOR, PKIND_JPT};
        for (size_t i = 0; i < sizeof ladder && ladder[i] != kind; i++)
            if ((e = find_post(k, STRUCTURAL, ladder[i], 0, sl)))
                chain[n++] = e;
    }
    /* in the entry post itself, but moved since: a transfer at that level */
    if (n == 0 && moved) {
        e = kind == PKIND_PELAKSANA ? find_pelaksana(k, sl->p.job_family, sl)
                                    : find_post(k, sl->job, kind, level, sl);
        if (e)
            chain[n++] = e;
    }
    chain[n++] = sl;
    return n;
}

/* The rank held on date t: the recruitment rank, one step every four
 * years, never above the rank held today. */
static int rank_on(mdate start, mdate t, int base, int now)
{
    int r = base + date_years_between(start, t) / 4;
    return r > now ? now : r;
}

/* The history lines for the career: the first at the CPNS start, the last
 * at post, those between spread evenly, each on the first of a month. */
static int write_history(const struct staff *s, const struct slot *const *chain, int n,
                         mdate start, mdate post, int base_rank, int pppk, struct history *h)
{
    int months = date_months_between(start, post);
    const struct slot *last = chain[n - 1];
    if (n > 1 && months < n - 1)          /* too short for every step */
        n = months >= 1 ? months + 1 : 1;
    for (int i = 0; i < n; i++) {
        const struct slot *sl = i == n - 1 ? last : chain[i];
        struct history *l = &h[i];
        memset(l, 0, sizeof *l);
        copy_str(l->nip, sizeof l->nip, s->nip);
        l->since = i == n - 1 ? post : i == 0 ? start
                 : first_of_month(date_add_months(start, months * i / (n - 1)));
        copy_str(l->position, sizeof l->position, sl->p.code);
        copy_str(l->unit, sizeof l->unit, sl->p.unit);
        l->rank = (uint8_t)(pppk ? s->rank : rank_on(start, l->since, base_rank, s->rank));
    }
    return n;
}

/* Makes up the holder of slot sl. Returns 0, or -1 when no NIP is left. */
static int make_person(struct person_ctx *c, const struct slot *sl,
                       struct staff *s, struct history *h, int *nh)
{
    struct kab *k = c->k;
    struct rng *r = &k->rng;
    const struct position *pos = &sl->p;
    const struct job *jb = sl->job >= 0 ? &jobs[sl->job] : NULL;
    int kind = pos->kind, level = pos->level;
    mdate today = c->today;
    memset(s, 0, sizeof *s);

    /* status */
    int entry_level = kind == PKIND_PELAKSANA || level == PLEVEL_AHLI_PERTAMA ||
                      level == PLEVEL_TERAMPIL || level == PLEVEL_PEMULA;
    int status = STATUS_PNS;
    if (kind == PKIND_FUNGSIONAL && rng_permille(r, sl->pppk * 10))
        status = STATUS_PPPK;
    else if (entry_level && rng_permille(r, 75))
        status = STATUS_CPNS;
    s->status = (uint8_t)status;
    s->sex = rng_permille(r, sl->female * 10) ? SEX_P : SEX_L;

    int edu = pick_education(r, kind, level, sl->track, pos->min_education);
    s->education = (uint8_t)edu;

    /* age and dates */
    int lo, mode, hi;
    age_band(kind, level, &lo, &mode, &hi);
    int bup = rules_bup(c->g->policy, pos, NULL);
    if (hi > bup - 1)
        hi = bup - 1;
    int age;
    if (status == STATUS_CPNS)
        age = rng_tri(r, 22, 26, 35);
    else if (status == STATUS_PPPK)
        age = rng_tri(r, 25, 38, hi < 56 ? hi : 56);
    else
        age = rng_tri(r, lo, mode, hi);
    int emin = entry_age(edu, sl->track);
    if (status == STATUS_PNS && age < emin + 2)
        age = emin + 2;
    if (status == STATUS_CPNS && age < emin)
        age = emin;
    mdate birth = date_add_months(today, -12 * age) - rng_range(r, 1, 364);
    s->birth_date = birth;

    mdate start;                      /* CPNS start, or PPPK appointment */
    int service_years = 0;
    if (status == STATUS_CPNS) {
        start = first_of_month(date_add_months(today, -rng_range(r, 1, 11)));
    } else if (status == STATUS_PPPK) {
        start = first_of_month(date_add_months(today, -rng_range(r, 12, 60)));
    } else {
        int span = age - emin - 2;
        int off = rng_tri(r, 0, 2, span < 13 ? span : 13);
        start = first_of_month(date_add_months(birth, 12 * (emin + off) + rng_range(r, 1, 11)));
        mdate latest = first_of_month(date_add_months(today, -14));
        if (start > latest)
            start = latest;
        service_years = date_years_between(start, today);
    }
    mdate adult = date_add_months(birth, 12 * 18);
    if (start <= adult)
        start = first_of_month(date_add_months(adult, 1));

    /* rank */
    int er = entry_rank(edu, sl->track);
    int rank;
    if (status == STATUS_PPPK) {
        rank = pppk_grade(level);
    } else if (status == STATUS_CPNS) {
        rank = er;
    } else {
        int rlo, rhi;
        rank_band(kind, level, &rlo, &rhi);
        if (kind == PKIND_PELAKSANA) {
            rlo = er > pos->min_rank ? er : pos->min_rank;
            rhi = rlo + 5 > 12 ? 12 : rlo + 5;
        }
        rank = er + service_years / 4 - rng_range(r, 0, 1);
        if (rank < rlo)
            rank = rlo;
        if (rank > rhi)
            rank = rhi;
    }
    s->rank = (uint8_t)rank;
    s->pns_since = status == STATUS_PNS ? date_add_months(start, 12 + rng_range(r, 0, 2)) : MDATE_NONE;
    if (s->pns_since != MDATE_NONE && s->pns_since > today)
        s->pns_since = today;

    /* in post since */
    mdate post = start;
    if (status == STATUS_PNS) {
        int x = rng_range(r, 0, 99);
        int months = x < 13 ? rng_range(r, 1, 23) : x < 60 ? rng_range(r, 24, 60)
                                                            : rng_range(r, 61, 200);
        post = first_of_month(date_add_months(today, -months));
        if (post < start)
            post = start;
    }
    s->post_since = post;

    /* NIP: birth date, CPNS start, sex, sequence */
    int by, bm, bd, cy, cm, cd;
    date_to_ymd(birth, &by, &bm, &bd);
    date_to_ymd(start, &cy, &cm, &cd);
    uint64_t key = ((uint64_t)(by * 10000 + bm * 100 + bd) * 1000000u +
                    (uint64_t)(cy * 100 + cm)) * 10u + s->sex;
    int seq = nipseq_next(&c->g->seq, r, key, batch_spread(cy, cm));
    if (seq == 0)
        return -1;
    char *d = gen_digits(s->nip, 4, (unsigned long)by);
    d = gen_digits(d, 2, (unsigned long)bm);
    d = gen_digits(d, 2, (unsigned long)bd);
    d = gen_digits(d, 4, (unsigned long)cy);
    d = gen_digits(d, 2, (unsigned long)cm);
    d = gen_digits(d, 1, s->sex == SEX_P ? 2 : 1);
    *gen_digits(d, 3, (unsigned long)seq) = '\0';

    /* name, with the titles of the schooling */
    struct schooling sc;
    int eth = ethnic_of(k, sl->track);
    /* a name already given three times here is drawn again */
    for (int tries = 0; tries < 8; tries++) {
        schooling_pick(r, sl->track, edu, by, &sc);
        person_name(r, eth, s->sex, age, &sc, edu, s->name, sizeof s->name);
        if (name_uses(k, s->name) <= 3)
            break;
    }
    /* subject teachers studied their subject */
    const char *major = sc.major;
    if (strcmp(major, "Pendidikan") == 0)
        major = jb && jb->major ? jb->major : "Pendidikan Umum";
    copy_str(s->major, sizeof s->major, major);
    copy_str(s->position, sizeof s->position, pos->code);
    copy_str(s->unit, sizeof s->unit, pos->unit);
    copy_str(s->job_family, sizeof s->job_family, pos->job_family);

    /* performance: most people Baik, a few who keep failing */
    static const uint16_t trait_w[] = {15, 77, 6, 2};
    int trait = rng_weighted(r, trait_w, 4);
    int ty = year_of(today), sy = year_of(start);
    for (int y = ty - 3; y < ty; y++)
        if (y >= sy) {
            s->skp[s->nskp].year = (uint16_t)y;
            s->skp[s->nskp].predikat = (uint8_t)pick_skp(r, trait);
            s->nskp++;
        }

    /* penalties and leave: the people the rules stop */
    s->discipline_until = MDATE_NONE;
    if (rng_permille(r, trait == 3 ? 160 : 18)) {
        static const uint16_t level_w[] = {50, 33, 17};
        s->discipline = (uint8_t)(DISC_RINGAN + rng_weighted(r, level_w, 3));
        s->discipline_until = today + rng_range(r, 20, 700);
        /* a penalty ends with the service */
        mdate retire = rules_retirement_date(birth, bup);
        if (s->discipline_until >= retire)
            s->discipline_until = retire - 1;
    }
    int x = rng_range(r, 0, 999);
    if (status != STATUS_CPNS) {
        if (age < 48 && edu >= EDU_S1 && x < 14)
            s->leave = LEAVE_TUGAS_BELAJAR;
        else if (x >= 14 && x < 17)
            s->leave = LEAVE_CLTN;
        else if (edu >= EDU_S2 && age < 52 && x >= 17 && x < 45)
            s->leave = LEAVE_IKATAN_DINAS;
    }

    int home = rng_permille(r, 650) ? k->uinfo[sl->unit].district
                                    : rng_range(r, 0, k->ndist - 1);
    copy_str(s->home_district, sizeof s->home_district, k->district[home]);

    /* competencies: most hold what their post asks, at some level */
    for (int i = 0; i < pos->ncomp; i++)
        if (rng_permille(r, 720))
            add_staff_competency(s, pos->comp[i].code,
                                 pos->comp[i].level + rng_range(r, -1, 1));
    if (rng_permille(r, 250))
        add_staff_competency(s, "komputer-perkantoran", rng_range(r, 1, 3));
    if (rng_permille(r, 90))
        add_staff_competency(s, "bahasa-inggris", rng_range(r, 1, 3));

    /* history: from the entry post at appointment to the current one */
    int base = er < rank ? er : rank;
    const struct slot *chain[HIST_MAX];
    int n = plan_career(k, sl, base, status == STATUS_PNS && post > start, chain);
    if (status != STATUS_PNS)
        n = 1, chain[0] = sl;         /* CPNS at entry level; PPPK by contract */
    if (n == 1 && post > start)
        post = s->post_since = start; /* no other post to come from: never moved */
    if (n > 1 && date_months_between(start, post) < 12 * (n - 1)) {
        /* climbing takes time: the current post came later */
        mdate later = first_of_month(date_add_months(start, 12 * (n - 1)));
        mdate latest = first_of_month(today);
        post = later < latest ? later : latest;
        s->post_since = post;
    }
    *nh = write_history(s, chain, n, start, post, base, status == STATUS_PPPK, h);

    /* CLTN and full study leave vacate the post while they last */
    if (staff_leave_vacates_post(s->leave)) {
        mdate since = first_of_month(date_add_months(today, -rng_range(r, 1, 30)));
        s->post_since = since > post ? since : first_of_month(today);
        if (s->post_since > today || s->post_since <= post)
            s->post_since = post;
        s->position[0] = '\0';
    }
    return 0;
}

/* --- emitting ------------------------------------------------------------ */

static int emit_kab(struct region *g, struct kab *k)
{
    const struct gen_sink *sink = g->sink;
    int rc;
    for (size_t i = 0; i < k->nunits; i++) {
        if (sink->unit && (rc = sink->unit(sink->ctx, &k->units[i])) != 0)
            return rc;
        g->counts->units++;
    }
    for (size_t i = 0; i < k->nslots; i++) {
        if (sink->position && (rc = sink->position(sink->ctx, &k->slots[i].p)) != 0)
            return rc;
        g->counts->positions++;
    }
    struct person_ctx c = {g, k, g->p->today};
    struct staff s;
    struct history h[HIST_MAX];
    for (size_t i = 0; i < k->nslots; i++) {
        for (uint32_t n = 0; n < k->slots[i].holders; n++) {
            int nh;
            if (make_person(&c, &k->slots[i], &s, h, &nh) < 0)
                return GEN_EINVAL;
            if (sink->staff && (rc = sink->staff(sink->ctx, &s, h, nh)) != 0)
                return rc;
            g->counts->staff++;
            g->counts->history += (uint64_t)nh;
        }
    }
    return 0;
}

static void free_kab(struct kab *k)
{
    free(k->units);
    free(k->uinfo);
    free(k->slots);
    for (int f = 0; f < FAM_COUNT; f++)
        free(k->by_family[f]);
    free(k->by_job);
    free(k->names);
    memset(k, 0, sizeof *k);
}

uint32_t gen_kabupaten_count(uint32_t staff)
{
    return staff <= GEN_KAB_MAX_STAFF ? 1 : (staff + GEN_KAB_MAX_STAFF - 1) / GEN_KAB_MAX_STAFF;
}

/* Staff of kabupaten i: the total split by weights 80..120 (from their own
 * stream), largest remainder, so that the sum is exact. Computed on the fly
 * from cumulative weights to need no array. */
static uint32_t kab_staff(const struct gen_params *p, uint32_t nkab, uint32_t i)
{
    if (nkab == 1)
        return p->staff;
    /* cumulative shares: floor(total * W(<=i) / W(all)) - floor(total * W(<i) / W(all)) */
    uint64_t wall = 0, wbefore = 0, wupto = 0;
    for (uint32_t j = 0; j < nkab; j++) {
        struct rng r;
        rng_seed(&r, p->seed, 0x5eedull + j);
        uint64_t w = (uint64_t)rng_range(&r, 80, 120);
        wall += w;
        if (j < i)
            wbefore += w;
        if (j <= i)
            wupto += w;
    }
    return (uint32_t)((uint64_t)p->staff * wupto / wall - (uint64_t)p->staff * wbefore / wall);
}

static int emit_province(struct region *g, uint32_t prov, int style, char *code, size_t n)
{
    struct unit u;
    memset(&u, 0, sizeof u);
    textf(code, n, "PROV%02u", (unsigned)(11 + prov));
    copy_str(u.code, sizeof u.code, code);
    char place[40];
    place_name(style, (size_t)(prov * 53 + 128) % 256, place, sizeof place);
    /* a heading that groups the regional governments, not an employer:
     * the Pemerintah Provinsi is an instansi of its own, not demoed */
    textf(u.name, sizeof u.name, "Provinsi %s", place);
    u.kind = UKIND_INSTANSI;
    copy_str(u.district, sizeof u.district, place);
    int rc = g->sink->unit ? g->sink->unit(g->sink->ctx, &u) : 0;
    if (rc == 0)
        g->counts->units++;
    return rc;
}

int gen_region(const struct gen_params *p, const struct gen_sink *sink,
               struct gen_counts *counts)
{
    struct gen_counts local;
    if (!counts)
        counts = &local;
    memset(counts, 0, sizeof *counts);
    if (p->staff < 1 || p->staff > GEN_MAX_STAFF)
        return GEN_EINVAL;
    struct policy defaults;
    policy_defaults(&defaults);
    struct region g = {.p = p, .sink = sink, .counts = counts,
                       .policy = p->policy ? p->policy : &defaults};
    date_to_ymd(p->today, &g.today_y, &g.today_m, &g.today_d);
    g.nkab = gen_kabupaten_count(p->staff);
    g.nprov = g.nkab == 1 ? 0 : (g.nkab + 12) / 13;
    g.kab_per_prov = g.nprov ? (g.nkab + g.nprov - 1) / g.nprov : 1;
    struct rng top;
    rng_seed(&top, p->seed, 0);
    g.style_offset = rng_range(&top, 0, 255);
    int first_style = rng_range(&top, 0, STYLE_COUNT - 1);
    if (nipseq_init(&g.seq, p->staff) < 0)
        return GEN_ENOMEM;
    counts->kabupaten = g.nkab;
    counts->provinces = g.nprov;

    int rc = 0;
    char prov_code[CODE_SIZE] = "";
    for (uint32_t i = 0; i < g.nkab && rc == 0; i++) {
        struct kab k;
        memset(&k, 0, sizeof k);
        rng_seed(&k.rng, p->seed, 1 + i);
        k.index = i;
        k.staff = kab_staff(p, g.nkab, i);
        uint32_t prov = g.nprov ? i / g.kab_per_prov : 0;
        k.style = (int)((uint32_t)first_style + prov) % STYLE_COUNT;
        if (g.nprov && i % g.kab_per_prov == 0)
            rc = emit_province(&g, prov, k.style, prov_code, sizeof prov_code);
        if (g.nkab > 1)
            textf(k.prefix, sizeof k.prefix, "%02u%02u.", (unsigned)(11 + prov),
                     (unsigned)(i % g.kab_per_prov + 1));
        if (rc == 0 && build_kab(&g, &k, prov_code) < 0)
            rc = GEN_ENOMEM;
        if (rc == 0)
            rc = emit_kab(&g, &k);
        free_kab(&k);
    }
    free(g.seq.slot);
    return rc;
}
