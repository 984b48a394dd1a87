/* libFuzzer target: the parsers of core/ that read text from files and
 * users: nip_parse, date_parse and the vocabulary parsers. The first byte
 * of the input picks the parser, the rest is the text. Besides "no crash,
 * no undefined behaviour, no read past len", it checks round trips:
 *   - a NIP that parses is 18 digits, and its formatted form parses back
 *     to the same digits, with birth date and sex that agree;
 *   - a date that parses formats as YYYY-MM-DD and parses back equal;
 *   - a vocabulary word that parses to v > 0 has a canonical name that
 *     parses back to v. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/date.h"
#include "core/nip.h"
#include "core/vocab.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

typedef int (*parse_fn)(const char *, size_t);
typedef const char *(*name_fn)(int);
static const struct { parse_fn parse; name_fn name; } vocab[] = {
    {sex_parse, sex_name}, {status_parse, status_name}, {rank_parse, rank_name},
    {education_parse, education_name}, {unit_kind_parse, unit_kind_name},
    {pos_kind_parse, pos_kind_name}, {pos_level_parse, pos_level_name},
    {skp_parse, skp_name}, {discipline_parse, discipline_name},
    {leave_parse, leave_name},
};
#define NVOCAB (sizeof vocab / sizeof vocab[0])

/* The text lives in its own allocation of exactly len bytes, without a NUL,
 * so that ASan catches a parser that reads past len. */
static char *exact_copy(const uint8_t *data, size_t len)
{
    char *s = malloc(len ? len : 1);
    if (s && len)
        memcpy(s, data, len);
    return s;
}

static void fuzz_nip(const char *s, size_t len)
{
    char out[NIP_LEN + 1], again[NIP_LEN + 1], fmt[NIP_FMT_LEN + 1];
    enum nip_error e = nip_parse(s, len, out);
    CHECK(nip_error_text(e) != NULL);
    if (e != NIP_OK)
        return;
    CHECK(strlen(out) == NIP_LEN);
    for (int i = 0; i < NIP_LEN; i++)
        CHECK(out[i] >= '0' && out[i] <= '9');
    nip_format(out, fmt);
    CHECK(nip_parse(fmt, strlen(fmt), again) == NIP_OK);
    CHECK(memcmp(out, again, NIP_LEN + 1) == 0);
    int y, m, d;
    date_to_ymd(nip_birth_date(out), &y, &m, &d);
    CHECK(date_valid_ymd(y, m, d));
    int sex = nip_sex(out);
    CHECK(sex == SEX_L || sex == SEX_P);
    nip_cpns_start(out, &y, &m);
    CHECK(m >= 1 && m <= 12);
}

static void fuzz_date(const char *s, size_t len)
{
    mdate t, u;
    char buf[11];
    if (date_parse(s, len, &t) != 0)
        return;
    size_t n = date_format(t, buf);
    CHECK(n == 10 && strlen(buf) == 10);
    CHECK(date_parse(buf, n, &u) == 0 && u == t);
    int y, m, d;
    date_to_ymd(t, &y, &m, &d);
    CHECK(date_valid_ymd(y, m, d) && date_from_ymd(y, m, d) == t);
}

static void fuzz_vocab(unsigned which, const char *s, size_t len)
{
    int v = vocab[which].parse(s, len);
    CHECK(v >= -1);
    if (v <= 0)
        return;
    const char *name = vocab[which].name(v);
    CHECK(name != NULL && *name);
    CHECK(vocab[which].parse(name, strlen(name)) == v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned which = data[0] % (2 + NVOCAB);
    char *s = exact_copy(data + 1, size - 1);
    if (!s)
        return 0;
    if (which == 0)
        fuzz_nip(s, size - 1);
    else if (which == 1)
        fuzz_date(s, size - 1);
    else
        fuzz_vocab(which - 2, s, size - 1);
    free(s);
    return 0;
}
