/* probe: runs one command and measures what the benchmarks need.
 *
 *   probe [-p COLSxROWS] [-k KEYFILE] [-s SETTLE_MS] [-S START_SETTLE_MS]
 *         [-w KEY_WAIT_MS] [-t TIMEOUT_S] [-o OUTFILE] -- COMMAND [ARG...]
 *
 * Without -p the command runs with the caller's stdin/stdout/stderr; probe
 * records its wall time, its exit status and its memory. With -p it runs
 * on a new pseudo-terminal of that size (as its controlling terminal), and
 * probe plays the part of the terminal: it waits for the first screen, then
 * sends the keys of KEYFILE one at a time and, for each, counts the bytes
 * the program writes back and the time from the key to the last byte of the
 * answer. An answer is over when nothing more arrives for SETTLE_MS (that
 * idle time is not counted in the latency); a key that gets no answer
 * within KEY_WAIT_MS (default 1000) is recorded with 0 bytes and -1.
 *
 * Memory: every millisecond probe reads RssAnon from /proc/PID/status and
 * keeps the largest value. RssAnon is the process's private memory (heap,
 * stacks, anonymous maps, LMDB's dirty pages of a write transaction); it
 * leaves out file-backed pages, so the pages of the LMDB map that the
 * process merely read are not in it. The peak from getrusage (ru_maxrss)
 * is printed too: it is an upper bound that does include the map.
 *
 * KEYFILE: one key per line. A line is a key name (Enter Esc Tab Space BS
 * Up Down Left Right PgUp PgDn Home End C-a..C-z) or "text:..." whose
 * characters are sent one by one, each measured on its own, or "label:NAME"
 * which names the keys that follow in the output (until the next label).
 * Lines starting with # are ignored.
 *
 * Output, tab-separated, one record a line:
 *   start   BYTES  MICROSECONDS        (pty only: the first screen)
 *   key     LABEL  BYTES  MICROSECONDS  CPU_MICROSECONDS
 *                                      (pty only: one per key sent; the CPU
 *                                      time the program spent on the key,
 *                                      from /proc/PID/schedstat, -1 unknown)
 *   wall    MICROSECONDS
 *   exit    STATUS                     (128+N for signal N)
 *   rss     MAXRSS_KB  PEAK_ANON_KB
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

struct opts {
    int cols, rows;              /* 0: no pty */
    const char *keyfile;
    int settle_ms, start_settle_ms, key_wait_ms, timeout_s;
    const char *outfile;
    char **argv;
};

static int64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static pid_t child;
static long peak_anon_kb;

static void sample_memory(void)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)child);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    while (fgets(line, sizeof line, f)) {
        long kb;
        if (sscanf(line, "RssAnon: %ld", &kb) == 1) {
            if (kb > peak_anon_kb)
                peak_anon_kb = kb;
            break;
        }
    }
    fclose(f);
}

/* The CPU time the child has run so far (all its threads, from the first
 * field of /proc/PID/schedstat, in nanoseconds), or -1. Unlike wall time
 * it does not count waiting for a core, so it holds on a busy machine. */
static long long cpu_ns(void)
{
    char path[64];
    long long ns = -1;
    snprintf(path, sizeof path, "/proc/%d/schedstat", (int)child);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    if (fscanf(f, "%lld", &ns) != 1)
        ns = -1;
    fclose(f);
    return ns;
}

static void usage(void)
{
    fprintf(stderr, "usage: probe [-p COLSxROWS] [-k KEYFILE] [-s SETTLE_MS] "
                    "[-S START_SETTLE_MS] [-w KEY_WAIT_MS] [-t TIMEOUT_S] [-o OUT] -- CMD [ARG...]\n");
    exit(2);
}

static void parse_opts(int argc, char **argv, struct opts *o)
{
    int c;
    memset(o, 0, sizeof *o);
    o->settle_ms = 150;
    o->start_settle_ms = 400;
    o->timeout_s = 120;
    o->key_wait_ms = 1000;
    while ((c = getopt(argc, argv, "p:k:s:S:w:t:o:")) != -1) {
        switch (c) {
        case 'p':
            if (sscanf(optarg, "%dx%d", &o->cols, &o->rows) != 2 || o->cols < 1 || o->rows < 1)
                usage();
            break;
        case 'k': o->keyfile = optarg; break;
        case 's': o->settle_ms = atoi(optarg); break;
        case 'S': o->start_settle_ms = atoi(optarg); break;
        case 'w': o->key_wait_ms = atoi(optarg); break;
        case 't': o->timeout_s = atoi(optarg); break;
        case 'o': o->outfile = optarg; break;
        default: usage();
        }
    }
    if (optind >= argc)
        usage();
    o->argv = argv + optind;
}

/* Translates a key name into the bytes an xterm-like terminal sends. */
static int key_bytes(const char *name, char *out, size_t outlen)
{
    static const struct { const char *name, *seq; } keys[] = {
        {"Enter", "\r"}, {"Esc", "\033"}, {"Tab", "\t"}, {"Space", " "},
        {"BS", "\177"}, {"Up", "\033[A"}, {"Down", "\033[B"},
        {"Right", "\033[C"}, {"Left", "\033[D"}, {"PgUp", "\033[5~"},
        {"PgDn", "\033[6~"}, {"Home", "\033[H"}, {"End", "\033[F"},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(name, keys[i].name) == 0) {
            snprintf(out, outlen, "%s", keys[i].seq);
            return (int)strlen(out);
        }
    if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && !name[3]) {
        out[0] = (char)(name[2] - 'a' + 1);
        out[1] = 0;
        return 1;
    }
    if (strlen(name) == 1) {
        out[0] = name[0];
        out[1] = 0;
        return 1;
    }
    return -1;
}

/* Reads from fd until nothing arrives for settle_ms (or the child closes
 * the terminal). Returns the bytes read; *last gets the time of the last
 * byte (unchanged when none came). The first byte is waited for up to
 * wait_ms. */
static long drain(int fd, int settle_ms, int wait_ms, int64_t *last)
{
    char buf[65536];
    long total = 0;
    int64_t deadline = now_us() + (int64_t)wait_ms * 1000;
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, 1);      /* 1 ms: also the memory sampling period */
        sample_memory();
        if (r < 0 && errno != EINTR)
            return total;
        if (r > 0) {
            ssize_t n = read(fd, buf, sizeof buf);
            if (n <= 0)
                return total;          /* EIO: the child closed the terminal */
            total += n;
            *last = now_us();
            continue;
        }
        int64_t t = now_us();
        if (total && t - *last >= (int64_t)settle_ms * 1000)
            return total;
        if (!total && t >= deadline)
            return 0;
    }
}

static void run_keys(FILE *out, int fd, const struct opts *o)
{
    FILE *kf = fopen(o->keyfile, "r");
    char line[512], label[512] = "key";
    if (!kf) {
        perror(o->keyfile);
        return;
    }
    while (fgets(line, sizeof line, kf)) {
        line[strcspn(line, "\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        if (strncmp(line, "label:", 6) == 0) {
            snprintf(label, sizeof label, "%s", line + 6);
            continue;
        }
        char seqs[256][16];
        int nseq = 0;
        if (strncmp(line, "text:", 5) == 0) {
            for (const char *c = line + 5; *c && nseq < 256; c++, nseq++) {
                seqs[nseq][0] = *c;
                seqs[nseq][1] = 0;
            }
        } else if (key_bytes(line, seqs[0], sizeof seqs[0]) > 0) {
            nseq = 1;
        } else {
            fprintf(stderr, "probe: unknown key %s\n", line);
            continue;
        }
        for (int i = 0; i < nseq; i++) {
            long long cpu0 = cpu_ns();
            int64_t sent = now_us(), last = sent;
            if (write(fd, seqs[i], strlen(seqs[i])) < 0)
                return;
            long n = drain(fd, o->settle_ms, o->key_wait_ms, &last);
            long long cpu1 = cpu_ns();
            fprintf(out, "key\t%s\t%ld\t%lld\t%lld\n", label, n,
                    n ? (long long)(last - sent) : -1LL,
                    cpu0 >= 0 && cpu1 >= 0 ? (cpu1 - cpu0) / 1000 : -1LL);
        }
    }
    fclose(kf);
}

/* Waits for the child, sampling its memory; kills it after timeout_s. */
static int wait_child(int timeout_s, struct rusage *ru)
{
    int status = 0;
    int64_t deadline = now_us() + (int64_t)timeout_s * 1000000;
    for (;;) {
        pid_t r = wait4(child, &status, WNOHANG, ru);
        if (r == child)
            break;
        if (r < 0 && errno != EINTR)
            return -1;
        sample_memory();
        if (now_us() > deadline) {
            kill(child, SIGKILL);
            deadline = INT64_MAX;
        }
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
    struct opts o;
    parse_opts(argc, argv, &o);
    FILE *out = o.outfile ? fopen(o.outfile, "w") : stdout;
    if (!out) {
        perror(o.outfile);
        return 2;
    }
    int master = -1;
    int64_t t0 = now_us();
    if (o.cols) {
        struct winsize ws = {.ws_row = (unsigned short)o.rows, .ws_col = (unsigned short)o.cols};
        child = forkpty(&master, NULL, NULL, &ws);
    } else {
        child = fork();
    }
    if (child < 0) {
        perror("probe: fork");
        return 2;
    }
    if (child == 0) {
        execvp(o.argv[0], o.argv);
        perror(o.argv[0]);
        _exit(127);
    }
    if (o.cols) {
        int64_t last = t0;
        long n = drain(master, o.start_settle_ms, o.timeout_s * 1000, &last);
        fprintf(out, "start\t%ld\t%lld\n", n, n ? (long long)(last - t0) : -1LL);
        if (o.keyfile)
            run_keys(out, master, &o);
    }
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    int st;
    if (o.cols) {
        /* Keep reading so that the child never blocks on a full terminal. */
        int64_t deadline = now_us() + (int64_t)o.timeout_s * 1000000;
        for (;;) {
            pid_t r = wait4(child, &st, WNOHANG, &ru);
            if (r == child)
                break;
            int64_t last = 0;
            drain(master, 5, 0, &last);
            if (now_us() > deadline) {
                kill(child, SIGKILL);
                deadline = INT64_MAX;
            }
        }
        st = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    } else {
        st = wait_child(o.timeout_s, &ru);
    }
    fprintf(out, "wall\t%lld\n", (long long)(now_us() - t0));
    fprintf(out, "exit\t%d\n", st);
    fprintf(out, "rss\t%ld\t%ld\n", ru.ru_maxrss, peak_anon_kb);
    if (out != stdout)
        fclose(out);
    return 0;
}
