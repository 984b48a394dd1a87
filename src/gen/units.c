/* The units and positions of one kabupaten of the demo region
 * (kab_build_units in gen/kab.h): the Pemda, about 40 OPD with their
 * bidang and seksi from the templates of tables.c, kecamatan, puskesmas
 * and schools as UPT, and the fungsional and pelaksana posts in them
 * with how many people are planned for each. */
#include <stdlib.h>
#include <string.h>
#include "core/vocab.h"
#include "gen/career.h"
#include "gen/kab.h"
#include "gen/text.h"

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
    gen_copy(u->code, sizeof u->code, code);
    gen_copy(u->name, sizeof u->name, name);
    gen_copy(u->parent, sizeof u->parent, parent);
    u->kind = (uint8_t)kind;
    gen_copy(u->district, sizeof u->district, k->district[district]);
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
    gen_textf(s->p.code, sizeof s->p.code, "%s-%02u", k->units[unit].code,
             (unsigned)++ui->npos);
    gen_copy(s->p.unit, sizeof s->p.unit, k->units[unit].code);
    gen_copy(s->p.name, sizeof s->p.name, name);
    s->p.kind = (uint8_t)kind;
    s->p.level = (uint8_t)level;
    gen_copy(s->p.job_family, sizeof s->p.job_family, family_names[family]);
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
    gen_copy(p->comp[p->ncomp].code, sizeof p->comp[0].code, code);
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
    career_rank_band(kind, 0, &lo, &hi);
    s->p.min_rank = (uint8_t)lo;
    s->p.min_education = (uint8_t)career_min_education(kind, 0, ui->track, NULL);
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
        gen_textf(name, sizeof name, "%s %s", jb->name, level_words(level));
    else
        gen_textf(name, sizeof name, "%s", jb->name);
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
        career_rank_band(jb->kind, level, &lo_rank, &hi_rank);
        s->p.min_rank = (uint8_t)lo_rank;
    } else {
        s->p.min_rank = jb->min_rank;
        /* pelaksana often studied the field of their unit */
        int ut = k->uinfo[unit].track;
        int general = ut == TR_ADMIN || ut == TR_KEU || ut == TR_HUKUM || ut == TR_TEKNIK ||
                      ut == TR_TANI || ut == TR_IT || ut == TR_SOSIAL || ut == TR_LINGKUNGAN;
        s->track = (uint8_t)(general && family != FAM_ADMIN && rng_permille(&k->rng, 500) ? ut : jb->track);
    }
    s->p.min_education = (uint8_t)career_min_education(jb->kind, level, jb->track, jb);
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
        gen_textf(out, n, "Sekretaris%s", unit_name + 11);
    else if (strncmp(unit_name, "Inspektur ", 10) == 0)
        gen_textf(out, n, "%s", unit_name);
    else
        gen_textf(out, n, "Kepala %s", unit_name);
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
    gen_copy(parent, sizeof parent, k->units[opd].code);
    gen_textf(code, sizeof code, "%s.%d", parent, bidang_no);
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
        gen_copy(bcode, sizeof bcode, k->units[b].code);
        gen_textf(scode, sizeof scode, "%s.%d", bcode, ++n);
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
    gen_textf(code, sizeof code, "%s%s", k->prefix, t->code);
    if (t->special == OPD_RSUD)
        gen_textf(name, sizeof name, "%s %s %s", t->name, k->is_kota ? "Kota" : "Kabupaten", k->name);
    else
        gen_textf(name, sizeof name, "%s", t->name);
    gen_textf(head, sizeof head, "%s", t->head);
    gen_copy(rootcode, sizeof rootcode, k->units[root].code);
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
    gen_copy(kec, sizeof kec, k->district[d]);
    char *comma = strchr(kec, ',');
    if (comma)
        *comma = '\0';
    gen_textf(code, sizeof code, "%sKEC%02d", k->prefix, d + 1);
    gen_textf(name, sizeof name, "Kecamatan %s", kec);
    gen_copy(rootcode, sizeof rootcode, k->units[root].code);
    int o = add_unit(k, code, name, rootcode, UKIND_OPD, d, FAM_PEM, TR_ADMIN);
    if (o < 0)
        return -1;
    gen_textf(title, sizeof title, "Camat %s", kec);
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
        gen_copy(ocode, sizeof ocode, k->units[o].code);
        gen_textf(scode, sizeof scode, "%s.%d", ocode, i + 2);
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
    gen_copy(buf, n, k->district[d]);
    char *comma = strchr(buf, ',');
    if (comma)
        *comma = '\0';
    return buf;
}

/* A school (SD or SMP) under the education office. */
static int add_school(struct kab *k, int disdik, int smp, int number, int d, int local_no)
{
    char code[CODE_SIZE], name[NAME_SIZE], parent[CODE_SIZE], kec[DISTRICT_SIZE];
    gen_copy(parent, sizeof parent, k->units[disdik].code);
    gen_textf(code, sizeof code, "%s.%s%03d", parent, smp ? "SMP" : "SD", number);
    gen_textf(name, sizeof name, "UPT %s Negeri %d %s", smp ? "SMP" : "SD", local_no,
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
    gen_copy(parent, sizeof parent, k->units[dinkes].code);
    gen_textf(code, sizeof code, "%s.PKM%02d", parent, number);
    gen_textf(name, sizeof name, "UPT Puskesmas %s%s", kec_name(k, d, kec, sizeof kec),
             ordinal_suffix(nth));
    int u = add_unit(k, code, name, parent, UKIND_UPT, d, FAM_KES, TR_KESMAS);
    if (u < 0)
        return -1;
    gen_textf(title, sizeof title, "Kepala %s", name);
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
            gen_textf(k->district[d], DISTRICT_SIZE, "%.20s, %s %.20s", kec,
                  k->is_kota ? "Kota" : "Kab.", k->name);
        else
            gen_copy(k->district[d], DISTRICT_SIZE, kec);
    }
}

int kab_build_units(struct region *g, struct kab *k, const char *parent)
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
        gen_copy(code, sizeof code, k->prefix);
        code[strlen(code) - 1] = '\0';       /* "3204." -> "3204" */
    } else {
        gen_textf(code, sizeof code, "%s", k->is_kota ? "PEMKOT" : "PEMKAB");
    }
    gen_textf(name, sizeof name, "Pemerintah %s %s", k->is_kota ? "Kota" : "Kabupaten", k->name);
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
    return 0;
}
