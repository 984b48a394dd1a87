/* Indonesian names for the demo region: people (by ethnic group, with
 * academic titles that match their education) and places (kabupaten,
 * kecamatan). Internal to gen/. */
#ifndef MUTASI_GEN_NAMES_H
#define MUTASI_GEN_NAMES_H
#include <stddef.h>
#include "gen/rng.h"

enum ethnic { ETH_JAWA, ETH_SUNDA, ETH_BATAK, ETH_MINANG, ETH_BUGIS,
              ETH_BALI, ETH_MANADO, ETH_MELAYU, ETH_COUNT };

/* Regional styles: which place names and which mix of people. */
enum region_style { STYLE_JAWA, STYLE_SUNDA, STYLE_SUMATRA, STYLE_SULAWESI,
                    STYLE_COUNT };

/* Education tracks: what a person studied, which decides major and title. */
enum track { TR_ADMIN, TR_KEU, TR_HUKUM, TR_TEKNIK, TR_TANI, TR_IT,
             TR_SOSIAL, TR_LINGKUNGAN, TR_GURU_SD, TR_GURU_MAPEL, TR_GURU_PAI,
             TR_DOKTER, TR_DOKTER_SP, TR_DOKTER_GIGI, TR_PERAWAT, TR_BIDAN,
             TR_KESMAS, TR_FARMASI, TR_ANALIS, TR_GIZI, TR_RADIO, TR_FISIO,
             TR_REKAM, TR_COUNT };

/* A person's schooling: major and the titles it gives. */
struct schooling {
    const char *major;
    const char *prefix;      /* "dr.", "Ir.", "Drs." ... or "" */
    const char *suffix;      /* "S.Pd., M.Pd." ... or "" */
};

int ethnic_pick(struct rng *r, int style);
/* edu: enum education; birth_year chooses old titles (Drs., Ir.) for the
 * older generation. major_override (may be NULL) replaces the track's major
 * at S-1/S-2 for subject teachers ("Pendidikan Matematika"). */
void schooling_pick(struct rng *r, int track, int edu, int birth_year,
                    struct schooling *out);
/* True when the track has a schooling at this education level. */
int schooling_exists(int track, int edu);
/* "Dr. Hj. Siti Aminah, S.Kep., M.Kes." into out (NAME_SIZE). */
void person_name(struct rng *r, int ethnic, int sex, int age,
                 const struct schooling *sc, int edu, char *out, size_t outlen);
/* Place names in a regional style; index picks distinct names
 * (0 .. place_name_count(style)-1). */
size_t place_name_count(int style);
void place_name(int style, size_t index, char *out, size_t outlen);
#endif
