/* Names of people and places for the demo region. The lists are common
 * Indonesian names, grouped by ethnic tradition; combinations are drawn
 * from the generator's PRNG. */
#include <stdio.h>
#include <string.h>
#include "core/vocab.h"
#include "gen/names.h"
#include "gen/text.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct namelist {
    const char *const *v;
    size_t n;
};
#define NL(a) {a, COUNT(a)}

/* --- people -------------------------------------------------------------- */

static const char *const jawa_m[] = {
    "Bambang", "Joko", "Agus", "Budi", "Slamet", "Sugeng", "Heru", "Eko",
    "Teguh", "Wahyu", "Hadi", "Sutrisno", "Suparman", "Supriyadi", "Sugiyanto",
    "Purwanto", "Haryanto", "Widodo", "Yudi", "Aris", "Bagus", "Dimas", "Anang",
    "Edi", "Bayu", "Gunawan", "Kuncoro", "Mulyono", "Sarwono", "Tri", "Dwi",
    "Rudi", "Yoga", "Adi", "Imam", "Ahmad", "Muhammad", "Nur"};
static const char *const jawa_m2[] = {
    "Susilo", "Prasetyo", "Santoso", "Wibowo", "Setiawan", "Nugroho", "Hartono",
    "Kurniawan", "Purnomo", "Saputro", "Utomo", "Wijaya", "Handoko", "Raharjo",
    "Susanto", "Hidayat", "Pamungkas", "Wicaksono", "Sasongko", "Hermanto",
    "Prabowo", "Suharto", "Firmansyah", "Cahyono", "Subagyo", "Riyadi"};
static const char *const jawa_f[] = {
    "Sri", "Endang", "Wahyuni", "Lestari", "Rahayu", "Sulastri", "Suryani",
    "Retno", "Ratna", "Dwi", "Tri", "Yuliana", "Puji", "Wulan", "Ani", "Siti",
    "Nining", "Tutik", "Kusmiati", "Indah", "Dewi", "Ayu", "Rina", "Yuni",
    "Sumarni", "Ika", "Eni", "Anik", "Dyah", "Nur", "Novi", "Hartini"};
static const char *const jawa_f2[] = {
    "Lestari", "Rahayu", "Wahyuni", "Handayani", "Kusumawati", "Wulandari",
    "Susanti", "Astuti", "Rahmawati", "Puspitasari", "Setyowati", "Ningsih",
    "Pratiwi", "Maharani", "Widyastuti", "Sulistyowati", "Purwaningsih",
    "Hidayati", "Kurniasari", "Safitri", "Anggraini", "Yuliati", "Aminah"};
static const char *const sunda_m[] = {
    "Asep", "Dede", "Ujang", "Cecep", "Agus", "Deden", "Yayan", "Iwan", "Dadang",
    "Ade", "Wawan", "Aan", "Dedi", "Enceng", "Jajang", "Ridwan", "Yusuf",
    "Dudi", "Cahya", "Rizki", "Hendra", "Tatang", "Ayi", "Opik"};
static const char *const sunda_m2[] = {
    "Saepudin", "Sudrajat", "Hermawan", "Kusnadi", "Permana", "Suryana",
    "Nugraha", "Ruhiyat", "Sumarna", "Mulyana", "Supriatna", "Hidayat",
    "Sopandi", "Gunawan", "Rusmana", "Firdaus", "Kurnia", "Ramdani",
    "Somantri", "Sutisna", "Rohmat", "Setiadi"};
static const char *const sunda_f[] = {
    "Euis", "Neneng", "Yeni", "Rina", "Lilis", "Tati", "Imas", "Nenden",
    "Elis", "Cucu", "Teti", "Dewi", "Siti", "Nia", "Ai", "Popon", "Rini",
    "Yuyun", "Iis", "Eka", "Rika", "Lina", "Santi", "Wida"};
static const char *const sunda_f2[] = {
    "Komalasari", "Nurhayati", "Rosita", "Rahmawati", "Kurniasih", "Sumiati",
    "Herawati", "Nurjanah", "Suryani", "Mulyani", "Setiawati", "Maryani",
    "Rostiani", "Sukmawati", "Juwita", "Apriani", "Karlina", "Fitriani",
    "Nurlaela", "Kartika"};
static const char *const batak_m[] = {
    "Hotman", "Binsar", "Parlindungan", "Togar", "Maruli", "Tigor", "Jonny",
    "Robert", "Daniel", "Markus", "Poltak", "Sahat", "Ronald", "Henry",
    "Martin", "Bonar", "Hasudungan", "Panusunan", "Rudolf", "Sabar",
    "Pangihutan", "Gomgom", "Hisar", "Fernando"};
static const char *const batak_f[] = {
    "Rosmawati", "Debora", "Sarah", "Mariana", "Lamtiur", "Rotua", "Juliana",
    "Tiurma", "Erna", "Lisbeth", "Maria", "Dameria", "Rugun", "Melva",
    "Hotnida", "Nurmala", "Rismauli", "Sondang", "Ruth", "Yohana"};
static const char *const batak_marga[] = {
    "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sitompul",
    "Hutapea", "Pardede", "Situmorang", "Sinaga", "Manurung", "Simatupang",
    "Pangaribuan", "Sihombing", "Tambunan", "Panjaitan", "Hutagalung",
    "Silalahi", "Napitupulu", "Sitorus", "Hasibuan", "Damanik", "Purba",
    "Saragih", "Ginting", "Tarigan", "Sembiring", "Marpaung"};
static const char *const minang_m[] = {
    "Rahmat", "Fauzi", "Zulkifli", "Syafrizal", "Afrizal", "Yusrizal",
    "Hendri", "Irwan", "Deri", "Rizal", "Erwin", "Novrizal", "Zulfahmi",
    "Yuliardi", "Hasan", "Alfian", "Syahrul", "Edwar", "Masrizal", "Firdaus",
    "Ilham", "Arman", "Efendi", "Yondri"};
static const char *const minang_f[] = {
    "Yusnimar", "Desmawati", "Rosnida", "Fitri", "Yenni", "Elvira", "Nofrita",
    "Zuraida", "Rahmi", "Yulnita", "Rosdiana", "Syafrida", "Nelmawati",
    "Yusmaniar", "Elfina", "Gusnita", "Refni", "Mardiah", "Suryani", "Hayati",
    "Nurhasni", "Afrida"};
static const char *const bugis_m[] = {
    "Muhammad", "Abdul", "Syamsul", "Arifin", "Hasanuddin", "Ridwan", "Basri",
    "Jufri", "Nasrullah", "Amiruddin", "Syahrir", "Irfan", "Mustafa", "Zainal",
    "Nurdin", "Haeruddin", "Rustam", "Sudirman", "Makmur", "Akbar"};
static const char *const bugis_f[] = {
    "Nurhayati", "Hasnawati", "Rosdiana", "Sitti", "Hadijah", "Nurjannah",
    "Rahmatia", "Asriani", "Marlina", "Sumarni", "Hasmawati", "Nurul",
    "Jumriati", "Ramlah", "Hartati", "Nurbaya", "Sahria", "Fatmawati"};
static const char *const bugis_2[] = {
    "Arsyad", "Rahman", "Alam", "Hamzah", "Hasyim", "Latif", "Mappiasse",
    "Ramli", "Hamid", "Yusuf", "Sapri", "Kadir", "Tahir", "Syarif", "Salam",
    "Jalil", "Mallarangeng", "Pawelloi", "Baso", "Tenri"};
static const char *const bali_order_m[] = {
    "Wayan", "Made", "Nyoman", "Ketut", "Putu", "Kadek", "Komang", "Gede"};
static const char *const bali_order_f[] = {
    "Luh", "Made", "Nyoman", "Ketut", "Putu", "Kadek", "Komang", "Ayu"};
static const char *const bali_m[] = {
    "Sudarma", "Suparta", "Artawan", "Wirawan", "Suardana", "Mahendra",
    "Adnyana", "Budiasa", "Sukadana", "Widiarta", "Darmawan", "Astawa",
    "Suwitra", "Arimbawa", "Sudiarsa", "Wiguna"};
static const char *const bali_f[] = {
    "Sukerti", "Suarni", "Wiratni", "Ariani", "Kartini", "Sudiani", "Sri Wahyuni",
    "Ayu Lestari", "Mertasari", "Sukarmi", "Widiastuti", "Suastini",
    "Purnamawati", "Darmayanti", "Suryaningsih"};
static const char *const manado_m[] = {
    "Johanis", "Frans", "Stenly", "Ronald", "Deddy", "Jemmy", "Hendrik",
    "Meidy", "Novry", "Alfrets", "Jefry", "Roy", "Herry", "Vecky", "Ferdy"};
static const char *const manado_f[] = {
    "Meiske", "Vivi", "Olga", "Grace", "Deysi", "Jeane", "Marlyn", "Stevi",
    "Lenny", "Sarah", "Nova", "Fenny", "Ivone", "Christin", "Jultje"};
static const char *const manado_fam[] = {
    "Wowor", "Lumenta", "Rondonuwu", "Rumengan", "Tumbelaka", "Sumampouw",
    "Pangemanan", "Kaunang", "Lengkong", "Mandagi", "Rompas", "Tumewu",
    "Walangitan", "Supit", "Kawengian", "Mamahit"};
static const char *const melayu_m[] = {
    "Muhammad", "Ahmad", "Abdul", "Rizky", "Fajar", "Hendra", "Dedi", "Rudi",
    "Zulkarnain", "Irwansyah", "Taufik", "Arif", "Ridho", "Fauzan", "Hafiz",
    "Andi", "Dedy", "Yusuf", "Hamdan", "Syamsudin", "Iskandar", "Khairul",
    "Agus", "Budi", "Rahmat"};
static const char *const melayu_f[] = {
    "Nur", "Siti", "Fitri", "Nurul", "Aisyah", "Dian", "Rini", "Mega", "Putri",
    "Novita", "Yanti", "Rika", "Lia", "Wahyuni", "Fatimah", "Khadijah",
    "Maya", "Eva", "Yulia", "Desi", "Linda", "Sri", "Ratna", "Zahra"};
static const char *const melayu_2[] = {
    "Hidayat", "Ramadhan", "Syahputra", "Abdullah", "Rahman", "Hakim", "Aziz",
    "Fadillah", "Kurniawan", "Saputra", "Pratama", "Irawan", "Hasan",
    "Hamzah", "Anwar", "Maulana", "Nasir", "Effendi", "Zainuddin", "Fauzi"};
static const char *const melayu_f2[] = {
    "Aminah", "Hasanah", "Rahmawati", "Safitri", "Anggraini", "Sari",
    "Fitriani", "Kurniati", "Nuraini", "Zulaikha", "Hayati", "Ramadhani",
    "Saputri", "Novianti", "Handayani", "Maharani", "Susanti", "Lestari"};

/* Which ethnic groups the people of a region come from, in per cent. */
static const uint16_t style_mix[STYLE_COUNT][ETH_COUNT] = {
    /*            jawa sunda batak minang bugis bali manado melayu */
    [STYLE_JAWA]     = {76, 5, 3, 3, 2, 1, 1, 9},
    [STYLE_SUNDA]    = {12, 72, 3, 3, 1, 1, 1, 7},
    [STYLE_SUMATRA]  = {12, 3, 34, 28, 2, 0, 1, 20},
    [STYLE_SULAWESI] = {10, 2, 2, 3, 52, 6, 15, 10},
};

int ethnic_pick(struct rng *r, int style)
{
    return rng_weighted(r, style_mix[style], ETH_COUNT);
}

static const char *pick(struct rng *r, struct namelist l)
{
    return l.v[rng_below(r, (uint32_t)l.n)];
}

/* A pick that differs from `not` (people are not "Sarah Sarah"). */
static const char *pick_other(struct rng *r, struct namelist l, const char *not)
{
    const char *v = pick(r, l);
    for (int tries = 0; tries < 8 && strcmp(v, not) == 0; tries++)
        v = pick(r, l);
    return v;
}

/* The name proper, without titles. */
static void bare_name(struct rng *r, int eth, int female, char *out, size_t n)
{
    static const struct namelist given_m[ETH_COUNT] = {
        NL(jawa_m), NL(sunda_m), NL(batak_m), NL(minang_m), NL(bugis_m),
        NL(bali_m), NL(manado_m), NL(melayu_m)};
    static const struct namelist given_f[ETH_COUNT] = {
        NL(jawa_f), NL(sunda_f), NL(batak_f), NL(minang_f), NL(bugis_f),
        NL(bali_f), NL(manado_f), NL(melayu_f)};
    const char *g = pick(r, female ? given_f[eth] : given_m[eth]);
    switch (eth) {
    case ETH_JAWA: {
        int parts = rng_range(r, 0, 19);    /* 5% one name, 10% three */
        struct namelist second = female ? (struct namelist)NL(jawa_f2)
                                        : (struct namelist)NL(jawa_m2);
        const char *s2 = pick_other(r, second, g);
        if (parts < 1)
            gen_cat(out, n, s2, NULL);
        else if (parts >= 18) {
            const char *mid = pick_other(r, female ? given_f[eth] : given_m[eth], g);
            if (strcmp(mid, s2) == 0)
                gen_cat(out, n, g, " ", s2, NULL);
            else
                gen_cat(out, n, g, " ", mid, " ", s2, NULL);
        } else
            gen_cat(out, n, g, " ", s2, NULL);
        break;
    }
    case ETH_SUNDA:
        gen_cat(out, n, g, " ",
                pick(r, female ? (struct namelist)NL(sunda_f2) : (struct namelist)NL(sunda_m2)), NULL);
        break;
    case ETH_BATAK:
        if (rng_permille(r, 300)) {
            /* the marga is drawn first (as the demo always drew it) */
            const char *marga = pick(r, (struct namelist)NL(batak_marga));
            const char *mid = pick_other(r, female ? given_f[eth] : given_m[eth], g);
            gen_cat(out, n, g, " ", mid, " ", marga, NULL);
        } else {
            gen_cat(out, n, g, " ", pick(r, (struct namelist)NL(batak_marga)), NULL);
        }
        break;
    case ETH_MINANG: {
        const char *g2 = pick_other(r, female ? given_f[eth] : given_m[eth], g);
        if (strcmp(g, g2) == 0 || rng_permille(r, 150))
            gen_cat(out, n, g, NULL);
        else
            gen_cat(out, n, g, " ", g2, NULL);
        break;
    }
    case ETH_BUGIS:
        {
            /* the second name is drawn first (as the demo always drew it) */
            const char *second = pick(r, (struct namelist)NL(bugis_2));
            gen_cat(out, n, rng_permille(r, 120) ? "Andi " : "", g, " ", second, NULL);
        }
        break;
    case ETH_BALI:
        gen_cat(out, n, female ? "Ni" : "I", " ",
                pick(r, female ? (struct namelist)NL(bali_order_f) : (struct namelist)NL(bali_order_m)),
                " ", g, NULL);
        break;
    case ETH_MANADO:
        gen_cat(out, n, g, " ", pick(r, (struct namelist)NL(manado_fam)), NULL);
        break;
    default:
        gen_cat(out, n, g, " ",
                pick(r, female ? (struct namelist)NL(melayu_f2) : (struct namelist)NL(melayu_2)), NULL);
        break;
    }
}

static int muslim_majority(int eth)
{
    return eth == ETH_JAWA || eth == ETH_SUNDA || eth == ETH_MINANG ||
           eth == ETH_BUGIS || eth == ETH_MELAYU;
}

void person_name(struct rng *r, int ethnic, int sex, int age,
                 const struct schooling *sc, int edu, char *out, size_t outlen)
{
    char bare[96];
    int female = sex == SEX_P;
    bare_name(r, ethnic, female, bare, sizeof bare);
    /* The doctorate goes first, then the professional or old title, then
     * the pilgrimage title some older Muslims use in official lists. */
    const char *dr = edu == EDU_S3 ? "Dr. " : "";
    char prefix[16] = "";
    if (sc->prefix[0]) {
        const char *p = sc->prefix;
        if (female && strcmp(p, "Drs.") == 0)
            p = "Dra.";
        gen_cat(prefix, sizeof prefix, p, " ", NULL);
    }
    const char *hajj = "";
    if (muslim_majority(ethnic) && age >= 42 && rng_permille(r, 110))
        hajj = female ? "Hj. " : "H. ";
    gen_cat(out, outlen, dr, prefix, hajj, bare, sc->suffix[0] ? ", " : "", sc->suffix, NULL);
}

/* --- schooling ----------------------------------------------------------- */

enum era { ANY, OLD, NEW };   /* OLD: born before 1968 (Drs., Ir.) */

struct school_row {
    uint8_t track, edu, era;
    const char *major, *prefix, *suffix;
};

static const struct school_row schools[] = {
    {TR_ADMIN, EDU_SMA, ANY, "IPS", "", ""},
    {TR_ADMIN, EDU_SMA, ANY, "IPA", "", ""},
    {TR_ADMIN, EDU_SMA, NEW, "Otomatisasi dan Tata Kelola Perkantoran", "", ""},
    {TR_ADMIN, EDU_D3, ANY, "Administrasi Perkantoran", "", "A.Md."},
    {TR_ADMIN, EDU_D3, ANY, "Administrasi Bisnis", "", "A.Md.A.B."},
    {TR_ADMIN, EDU_D4, NEW, "Manajemen Pemerintahan", "", "S.STP."},
    {TR_ADMIN, EDU_S1, ANY, "Ilmu Administrasi Negara", "", "S.Sos."},
    {TR_ADMIN, EDU_S1, NEW, "Administrasi Publik", "", "S.AP."},
    {TR_ADMIN, EDU_S1, ANY, "Ilmu Pemerintahan", "", "S.IP."},
    {TR_ADMIN, EDU_S1, ANY, "Manajemen", "", "S.E."},
    {TR_ADMIN, EDU_S1, ANY, "Ilmu Hukum", "", "S.H."},
    {TR_ADMIN, EDU_S1, NEW, "Ilmu Komunikasi", "", "S.I.Kom."},
    {TR_ADMIN, EDU_S1, OLD, "Ilmu Administrasi Negara", "Drs.", ""},
    {TR_ADMIN, EDU_S2, ANY, "Administrasi Publik", "", "S.Sos., M.AP."},
    {TR_ADMIN, EDU_S2, ANY, "Manajemen", "", "S.E., M.M."},
    {TR_ADMIN, EDU_S2, ANY, "Ilmu Pemerintahan", "", "S.IP., M.Si."},
    {TR_ADMIN, EDU_S2, OLD, "Ilmu Administrasi", "Drs.", "M.Si."},
    {TR_KEU, EDU_SMA, ANY, "Akuntansi", "", ""},
    {TR_KEU, EDU_D3, ANY, "Akuntansi", "", "A.Md.Ak."},
    {TR_KEU, EDU_D4, NEW, "Akuntansi Sektor Publik", "", "S.Tr.Ak."},
    {TR_KEU, EDU_S1, NEW, "Akuntansi", "", "S.Ak."},
    {TR_KEU, EDU_S1, ANY, "Akuntansi", "", "S.E."},
    {TR_KEU, EDU_S1, ANY, "Ekonomi Pembangunan", "", "S.E."},
    {TR_KEU, EDU_S1, OLD, "Ekonomi", "Drs.", ""},
    {TR_KEU, EDU_S2, ANY, "Akuntansi", "", "S.E., M.Ak."},
    {TR_KEU, EDU_S2, ANY, "Manajemen Keuangan", "", "S.E., M.M."},
    {TR_HUKUM, EDU_S1, ANY, "Ilmu Hukum", "", "S.H."},
    {TR_HUKUM, EDU_S2, ANY, "Ilmu Hukum", "", "S.H., M.H."},
    {TR_HUKUM, EDU_S2, ANY, "Kenotariatan", "", "S.H., M.Kn."},
    {TR_TEKNIK, EDU_SMA, ANY, "Teknik Konstruksi Bangunan", "", ""},
    {TR_TEKNIK, EDU_D3, ANY, "Teknik Sipil", "", "A.Md.T."},
    {TR_TEKNIK, EDU_D4, NEW, "Teknik Perancangan Jalan dan Jembatan", "", "S.Tr.T."},
    {TR_TEKNIK, EDU_S1, NEW, "Teknik Sipil", "", "S.T."},
    {TR_TEKNIK, EDU_S1, NEW, "Perencanaan Wilayah dan Kota", "", "S.T."},
    {TR_TEKNIK, EDU_S1, NEW, "Arsitektur", "", "S.Ars."},
    {TR_TEKNIK, EDU_S1, OLD, "Teknik Sipil", "Ir.", ""},
    {TR_TEKNIK, EDU_S2, NEW, "Teknik Sipil", "", "S.T., M.T."},
    {TR_TEKNIK, EDU_S2, OLD, "Teknik Sipil", "Ir.", "M.T."},
    {TR_TANI, EDU_SMA, ANY, "Agribisnis Tanaman Pangan", "", ""},
    {TR_TANI, EDU_D3, ANY, "Agribisnis", "", "A.Md.P."},
    {TR_TANI, EDU_D4, NEW, "Penyuluhan Pertanian", "", "S.Tr.P."},
    {TR_TANI, EDU_S1, NEW, "Agroteknologi", "", "S.P."},
    {TR_TANI, EDU_S1, ANY, "Peternakan", "", "S.Pt."},
    {TR_TANI, EDU_S1, ANY, "Budidaya Perairan", "", "S.Pi."},
    {TR_TANI, EDU_S1, ANY, "Kedokteran Hewan", "drh.", ""},
    {TR_TANI, EDU_S1, OLD, "Agronomi", "Ir.", ""},
    {TR_TANI, EDU_S2, NEW, "Agribisnis", "", "S.P., M.Si."},
    {TR_TANI, EDU_S2, OLD, "Ilmu Tanaman", "Ir.", "M.P."},
    {TR_IT, EDU_SMA, NEW, "Teknik Komputer dan Jaringan", "", ""},
    {TR_IT, EDU_D3, ANY, "Manajemen Informatika", "", "A.Md.Kom."},
    {TR_IT, EDU_S1, ANY, "Teknik Informatika", "", "S.Kom."},
    {TR_IT, EDU_S1, ANY, "Sistem Informasi", "", "S.Kom."},
    {TR_IT, EDU_S1, NEW, "Statistika", "", "S.Stat."},
    {TR_IT, EDU_S2, ANY, "Ilmu Komputer", "", "S.Kom., M.Kom."},
    {TR_SOSIAL, EDU_D4, NEW, "Pekerjaan Sosial", "", "S.Tr.Sos."},
    {TR_SOSIAL, EDU_S1, ANY, "Kesejahteraan Sosial", "", "S.Sos."},
    {TR_SOSIAL, EDU_S1, ANY, "Psikologi", "", "S.Psi."},
    {TR_SOSIAL, EDU_S1, OLD, "Sosiologi", "Drs.", ""},
    {TR_SOSIAL, EDU_S2, ANY, "Kesejahteraan Sosial", "", "S.Sos., M.Si."},
    {TR_LINGKUNGAN, EDU_D3, ANY, "Kesehatan Lingkungan", "", "A.Md.KL."},
    {TR_LINGKUNGAN, EDU_S1, ANY, "Teknik Lingkungan", "", "S.T."},
    {TR_LINGKUNGAN, EDU_S1, ANY, "Biologi", "", "S.Si."},
    {TR_LINGKUNGAN, EDU_S2, ANY, "Ilmu Lingkungan", "", "S.T., M.Si."},
    {TR_GURU_SD, EDU_D2, OLD, "Pendidikan Guru Sekolah Dasar", "", "A.Ma.Pd."},
    {TR_GURU_SD, EDU_S1, ANY, "Pendidikan Guru Sekolah Dasar", "", "S.Pd."},
    {TR_GURU_SD, EDU_S1, OLD, "Pendidikan Luar Sekolah", "Drs.", ""},
    {TR_GURU_SD, EDU_S2, ANY, "Pendidikan Dasar", "", "S.Pd., M.Pd."},
    {TR_GURU_MAPEL, EDU_S1, ANY, "Pendidikan", "", "S.Pd."},
    {TR_GURU_MAPEL, EDU_S1, OLD, "Pendidikan", "Drs.", ""},
    {TR_GURU_MAPEL, EDU_S2, ANY, "Pendidikan", "", "S.Pd., M.Pd."},
    {TR_GURU_PAI, EDU_S1, ANY, "Pendidikan Agama Islam", "", "S.Pd.I."},
    {TR_GURU_PAI, EDU_S1, ANY, "Pendidikan Agama Islam", "", "S.Ag."},
    {TR_GURU_PAI, EDU_S2, ANY, "Pendidikan Agama Islam", "", "S.Pd.I., M.Pd.I."},
    {TR_DOKTER, EDU_S1, ANY, "Pendidikan Dokter", "dr.", ""},
    {TR_DOKTER, EDU_S2, ANY, "Ilmu Kesehatan Masyarakat", "dr.", "M.Kes."},
    {TR_DOKTER, EDU_S2, ANY, "Manajemen Rumah Sakit", "dr.", "M.M.R.S."},
    {TR_DOKTER_SP, EDU_S1, ANY, "Pendidikan Dokter", "dr.", ""},
    {TR_DOKTER_SP, EDU_S2, ANY, "Ilmu Penyakit Dalam", "dr.", "Sp.PD."},
    {TR_DOKTER_SP, EDU_S2, ANY, "Ilmu Kesehatan Anak", "dr.", "Sp.A."},
    {TR_DOKTER_SP, EDU_S2, ANY, "Obstetri dan Ginekologi", "dr.", "Sp.OG."},
    {TR_DOKTER_SP, EDU_S2, ANY, "Ilmu Bedah", "dr.", "Sp.B."},
    {TR_DOKTER_SP, EDU_S2, ANY, "Anestesiologi", "dr.", "Sp.An."},
    {TR_DOKTER_SP, EDU_S2, ANY, "Radiologi", "dr.", "Sp.Rad."},
    {TR_DOKTER_SP, EDU_S2, ANY, "Neurologi", "dr.", "Sp.N."},
    {TR_DOKTER_GIGI, EDU_S1, ANY, "Pendidikan Dokter Gigi", "drg.", ""},
    {TR_DOKTER_GIGI, EDU_S2, ANY, "Ilmu Kesehatan Masyarakat", "drg.", "M.Kes."},
    {TR_PERAWAT, EDU_D3, ANY, "Keperawatan", "", "A.Md.Kep."},
    {TR_PERAWAT, EDU_D4, NEW, "Keperawatan", "", "S.Tr.Kep."},
    {TR_PERAWAT, EDU_S1, ANY, "Ilmu Keperawatan", "", "S.Kep., Ners"},
    {TR_PERAWAT, EDU_S2, ANY, "Keperawatan", "", "S.Kep., Ners, M.Kep."},
    {TR_PERAWAT, EDU_S2, ANY, "Kesehatan Masyarakat", "", "S.Kep., M.Kes."},
    {TR_BIDAN, EDU_D3, ANY, "Kebidanan", "", "A.Md.Keb."},
    {TR_BIDAN, EDU_D4, ANY, "Kebidanan", "", "S.Tr.Keb."},
    {TR_BIDAN, EDU_S1, NEW, "Kebidanan", "", "S.Keb., Bd."},
    {TR_BIDAN, EDU_S2, ANY, "Kebidanan", "", "S.ST., M.Keb."},
    {TR_KESMAS, EDU_D3, ANY, "Kesehatan Lingkungan", "", "A.Md.KL."},
    {TR_KESMAS, EDU_S1, ANY, "Kesehatan Masyarakat", "", "S.KM."},
    {TR_KESMAS, EDU_S2, ANY, "Kesehatan Masyarakat", "", "S.KM., M.Kes."},
    {TR_KESMAS, EDU_S2, ANY, "Epidemiologi", "", "S.KM., M.Epid."},
    {TR_FARMASI, EDU_D3, ANY, "Farmasi", "", "A.Md.Farm."},
    {TR_FARMASI, EDU_S1, ANY, "Farmasi", "apt.", "S.Farm."},
    {TR_FARMASI, EDU_S2, ANY, "Farmasi", "apt.", "S.Farm., M.Farm."},
    {TR_ANALIS, EDU_D3, ANY, "Teknologi Laboratorium Medis", "", "A.Md.A.K."},
    {TR_ANALIS, EDU_D4, NEW, "Teknologi Laboratorium Medis", "", "S.Tr.Kes."},
    {TR_ANALIS, EDU_S1, ANY, "Biologi", "", "S.Si."},
    {TR_GIZI, EDU_D3, ANY, "Gizi", "", "A.Md.Gz."},
    {TR_GIZI, EDU_S1, ANY, "Ilmu Gizi", "", "S.Gz."},
    {TR_RADIO, EDU_D3, ANY, "Radiologi", "", "A.Md.Rad."},
    {TR_FISIO, EDU_D3, ANY, "Fisioterapi", "", "A.Md.Ftr."},
    {TR_REKAM, EDU_D3, ANY, "Rekam Medis dan Informasi Kesehatan", "", "A.Md.RMIK."},
};

static int era_fits(int era, int birth_year)
{
    return era == ANY || (era == OLD) == (birth_year < 1968);
}

/* Rows of track at edu for this generation; n returned. */
static int matching_rows(int track, int edu, int birth_year,
                         const struct school_row **rows, int max)
{
    int n = 0;
    for (size_t i = 0; i < COUNT(schools) && n < max; i++)
        if (schools[i].track == track && schools[i].edu == edu &&
            era_fits(schools[i].era, birth_year))
            rows[n++] = &schools[i];
    return n;
}

int schooling_exists(int track, int edu)
{
    const struct school_row *rows[1];
    int lookup = edu == EDU_S3 ? EDU_S2 : edu;
    /* any generation will do: 1900 finds OLD rows, 2000 the others */
    return matching_rows(track, lookup, 1900, rows, 1) > 0 ||
           matching_rows(track, lookup, 2000, rows, 1) > 0;
}

void schooling_pick(struct rng *r, int track, int edu, int birth_year,
                    struct schooling *out)
{
    const struct school_row *rows[16];
    /* A doctorate carries the titles of the master's degree before it. */
    int lookup = edu == EDU_S3 ? EDU_S2 : edu;
    int n = matching_rows(track, lookup, birth_year, rows, 16);
    if (n == 0)
        n = matching_rows(TR_ADMIN, lookup, birth_year, rows, 16);
    if (n == 0) {
        out->major = edu <= EDU_SMP ? "" : "Umum";
        out->prefix = out->suffix = "";
        return;
    }
    const struct school_row *row = rows[rng_below(r, (uint32_t)n)];
    out->major = row->major;
    out->prefix = row->prefix;
    out->suffix = row->suffix;
}

/* --- places -------------------------------------------------------------- */

static const char *const place_a[STYLE_COUNT][16] = {
    [STYLE_JAWA] = {"Sumber", "Karang", "Wono", "Sido", "Purwo", "Tegal",
                    "Banyu", "Kali", "Ngadi", "Suko", "Mojo", "Kedung", "Gedang",
                    "Tanjung", "Pandan", "Jati"},
    [STYLE_SUNDA] = {"Ci", "Suka", "Mekar", "Sindang", "Pasir", "Bojong",
                     "Ranca", "Pager", "Tanjung", "Sagala", "Marga", "Karang",
                     "Waru", "Situ", "Gunung", "Cikadu"},
    [STYLE_SUMATRA] = {"Padang", "Batang", "Sungai", "Bukit", "Koto", "Lubuk",
                       "Tanjung", "Pasar", "Muara", "Talang", "Air", "Rantau",
                       "Simpang", "Kuala", "Pematang", "Teluk"},
    [STYLE_SULAWESI] = {"Tanete", "Bonto", "Tana", "Lamuru", "Wato", "Tomo",
                        "Lembang", "Kawa", "Bulu", "Pa", "Mario", "Sidenre",
                        "Lappa", "Salo", "Tellu", "Ujung"},
};
static const char *const place_b[STYLE_COUNT][16] = {
    [STYLE_JAWA] = {"rejo", "sari", "mulyo", "harjo", "agung", "anyar", "asri",
                    "makmur", "kerto", "wangi", "tengah", "dadi", "kidul", "lor",
                    "legi", "sawit"},
    [STYLE_SUNDA] = {"beureum", "jaya", "maju", "mulya", "asih", "resmi",
                     "wangi", "sari", "galih", "laksana", "rahayu", "karya",
                     "manah", "hurip", "raja", "gede"},
    [STYLE_SUMATRA] = {"Baru", "Panjang", "Tinggi", "Besar", "Jaya", "Raya",
                       "Lamo", "Gadang", "Mudik", "Ilir", "Hulu", "Putih",
                       "Tengah", "Empat", "Bungo", "Selatan"},
    [STYLE_SULAWESI] = {"riattang", "manai", "sunggu", "lompoa", "rilau",
                        "riaja", "wangko", "salu", "tiroang", "mpulu", "bone",
                        "lemo", "riase", "ulaweng", "sompe", "dua"},
};

size_t place_name_count(int style)
{
    (void)style;
    return 16 * 16;
}

void place_name(int style, size_t index, char *out, size_t outlen)
{
    /* Walk the grid diagonally so that consecutive indexes do not share
     * their first part. */
    size_t a = index % 16, b = (index / 16 + index) % 16;
    const char *pa = place_a[style][a], *pb = place_b[style][b];
    if (style == STYLE_SUMATRA || (style == STYLE_SULAWESI && strlen(pa) > 4)) {
        snprintf(out, outlen, "%s %s", pa, pb);
        if (style == STYLE_SULAWESI)
            out[strlen(pa) + 1] = (char)(out[strlen(pa) + 1] - 'a' + 'A');
    } else {
        snprintf(out, outlen, "%s%s", pa, pb);
    }
}
