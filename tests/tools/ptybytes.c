/* ptybytes: runs a program on a pseudo-terminal of a given size, types the
 * keys of a script (the TUI's script notation) one at a time, and prints
 * how many bytes the program wrote to its terminal after each key.
 *
 *   ptybytes COLSxLINES SCRIPT QUIET_MS -- PROGRAM ARGS...
 *
 * A key's answer is taken as complete when the program has written nothing
 * for QUIET_MS milliseconds (bounded polling, not a fixed sleep; the byte
 * counts do not depend on it as long as the program answers faster). The
 * first line is the start-up screen ("<start>"). Used to measure `less`
 * the same way as mutasi for the thin-link budgets. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include "ui/uipriv.h"

static long drain(int fd, int quiet_ms)
{
    long total = 0;
    char buf[65536];
    struct pollfd p = {.fd = fd, .events = POLLIN};
    /* At most ~20 s of output per key, whatever happens. */
    for (int rounds = 0; rounds < 20000 / (quiet_ms > 0 ? quiet_ms : 1) + 1000; rounds++) {
        int r = poll(&p, 1, quiet_ms);
        if (r == 0)
            break;
        if (r < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            break;
        total += n;
    }
    return total;
}

/* The bytes a key sends on an xterm-like terminal. */
static int key_bytes(int key, char *out)
{
    static const struct { int key; const char *seq; } seqs[] = {
        {KEY_UP, "\033[A"}, {KEY_DOWN, "\033[B"}, {KEY_RIGHT, "\033[C"},
        {KEY_LEFT, "\033[D"}, {KEY_NPAGE, "\033[6~"}, {KEY_PPAGE, "\033[5~"},
        {KEY_HOME, "\033[H"}, {KEY_END, "\033[F"}, {KEY_BACKSPACE, "\177"},
        {KEY_DC, "\033[3~"},
    };
    for (size_t i = 0; i < sizeof seqs / sizeof *seqs; i++)
        if (seqs[i].key == key) {
            strcpy(out, seqs[i].seq);
            return (int)strlen(out);
        }
    if (key == '\n') {
        out[0] = '\r';
        return 1;
    }
    if (key < 0x80) {
        out[0] = (char)key;
        return 1;
    }
    return 0;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    size_t n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    if (buf)
        buf[n] = '\0';
    return buf;
}

int main(int argc, char **argv)
{
    int cols, lines;
    if (argc < 6 || sscanf(argv[1], "%dx%d", &cols, &lines) != 2 || strcmp(argv[4], "--") != 0) {
        fprintf(stderr, "usage: ptybytes COLSxLINES SCRIPT QUIET_MS -- PROGRAM ARGS...\n");
        return 2;
    }
    int quiet = atoi(argv[3]);
    char *text = slurp(argv[2]);
    if (!text) {
        perror(argv[2]);
        return 2;
    }
    struct script_step *steps;
    size_t nsteps;
    char err[256];
    if (ui_script_parse(text, &steps, &nsteps, err, sizeof err) != 0) {
        fprintf(stderr, "ptybytes: %s\n", err);
        return 2;
    }
    struct winsize ws = {.ws_row = (unsigned short)lines, .ws_col = (unsigned short)cols};
    int master;
    pid_t pid = forkpty(&master, NULL, NULL, &ws);
    if (pid < 0) {
        perror("forkpty");
        return 1;
    }
    if (pid == 0) {
        execvp(argv[5], argv + 5);
        perror(argv[5]);
        _exit(127);
    }
    printf("<start>\t%ld\n", drain(master, quiet));
    for (size_t i = 0; i < nsteps; i++) {
        if (steps[i].kind == STEP_RESIZE) {
            struct winsize w2 = {.ws_row = (unsigned short)steps[i].lines,
                                 .ws_col = (unsigned short)steps[i].cols};
            ioctl(master, TIOCSWINSZ, &w2);
            kill(pid, SIGWINCH);
        } else if (steps[i].kind == STEP_KEY) {
            char seq[16];
            int n = key_bytes(steps[i].key, seq);
            if (n > 0 && write(master, seq, (size_t)n) != n)
                break;
        } else {
            continue;
        }
        printf("%s\t%ld\n", steps[i].label, drain(master, quiet));
        fflush(stdout);
    }
    kill(pid, SIGTERM);
    drain(master, quiet);
    int status;
    waitpid(pid, &status, 0);
    close(master);
    free(steps);
    free(text);
    return 0;
}
