/* mutasi plan suggest ID [--max-moves K] [--dump-graph FILE] [--verbose]:
 * the optimiser (ops/suggest.h) from the command line. One line per added
 * move with its reasons on stdout, then "objective: N"; on stderr a line of
 * the places filled, and with --verbose the network's size and the CPU
 * time per phase (without it a script would get them as noise); progress
 * only when stderr is a terminal. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/suggest.h"

static int suggest_help(void)
{
    fputs(_("usage: mutasi plan suggest ID [--max-moves K] [--dump-graph FILE] [--verbose]\n"
            "\n"
            "The optimiser: adds to plan ID the moves that fill the most short places\n"
            "(by ABK), with the fewest moves, at the lowest cost, exactly (a min-cost\n"
            "maximum flow). Only people the rules let move and who are not in the plan\n"
            "yet are considered; the plan's moves stay and count. No origin falls below\n"
            "its need, no target ends over it, and the policy's caps on moves per unit\n"
            "hold. Each move is added with reason 'workload' and printed on one line with\n"
            "its reasons; the last line is 'objective: N', the least total cost (the\n"
            "optimiser weights of policy.yaml). Running it again keeps the earlier moves.\n"
            "Needs the operator role and a plan in state DRAFT.\n"
            "\n"
            "Options:\n"
            "  --max-moves K      add at most K moves (0: no cap; default: the policy's\n"
            "                     optimiser.max_moves)\n"
            "  --dump-graph FILE  write the network solved, in DIMACS min-cost-flow\n"
            "                     format: 'glpsol --mincost FILE' reports the same\n"
            "                     objective\n"
            "  --verbose          also print on standard error the network's size after\n"
            "                     grouping and the CPU time of each phase\n"
            "\n"
            "Example:\n"
            "  id=$(mutasi plan new \"Pemerataan 2026\")\n"
            "  mutasi plan suggest $id --max-moves 50\n"
            "  mutasi plan show $id\n"), stdout);
    return EXIT_OK;
}

struct sargs {
    uint32_t id;
    long max_moves;
    const char *dump;
    bool verbose;
};

static int number(const struct ops_env *env, const char *s, unsigned long long max,
                  unsigned long long *v, const char *what)
{
    char *end;
    errno = 0;
    *v = strtoull(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || errno || *v > max)
        return cli_usage_error(env, "plan", _("%s must be a whole number from 0 to %llu, got "
                                              "\"%s\""), what, max, s);
    return EXIT_OK;
}

static int option_value(const struct ops_env *env, int argc, char **argv, int *i,
                        const char *name, const char **out)
{
    size_t n = strlen(name);
    const char *s = argv[*i];
    if (s[n] == '=') {
        *out = s + n + 1;
        return EXIT_OK;
    }
    if (*i + 1 >= argc)
        return cli_usage_error(env, "plan", _("%s needs a value"), name);
    *out = argv[++*i];
    return EXIT_OK;
}

static bool is_option(const char *s, const char *name)
{
    size_t n = strlen(name);
    return strncmp(s, name, n) == 0 && (s[n] == '\0' || s[n] == '=');
}

static int parse_suggest(const struct ops_env *env, int argc, char **argv, struct sargs *a)
{
    const char *id = NULL, *max = NULL;
    unsigned long long v;
    int rc = EXIT_OK;
    a->max_moves = -1;
    a->dump = NULL;
    a->verbose = false;
    for (int i = 2; i < argc && rc == EXIT_OK; i++) {
        if (is_option(argv[i], "--max-moves"))
            rc = option_value(env, argc, argv, &i, "--max-moves", &max);
        else if (is_option(argv[i], "--dump-graph"))
            rc = option_value(env, argc, argv, &i, "--dump-graph", &a->dump);
        else if (!strcmp(argv[i], "--verbose"))
            a->verbose = true;
        else if (argv[i][0] == '-' && argv[i][1])
            rc = cli_usage_error(env, "plan", _("unknown option \"%s\""), argv[i]);
        else if (id)
            rc = cli_usage_error(env, "plan", _("too many arguments"));
        else
            id = argv[i];
    }
    if (rc != EXIT_OK)
        return rc;
    if (!id)
        return cli_usage_error(env, "plan", _("plan suggest needs a plan ID"));
    if (cli_plan_id_arg(env, "plan", id, &a->id) != EXIT_OK)
        return EXIT_USAGE;
    if (max && number(env, max, 10000000, &v, "--max-moves") != EXIT_OK)
        return EXIT_USAGE;
    if (max)
        a->max_moves = (long)v;
    if (a->dump && !a->dump[0])
        return cli_usage_error(env, "plan", _("--dump-graph needs a file name"));
    return EXIT_OK;
}

/* --- progress and the graph file -------------------------------------------- */

struct graph_file {
    FILE *f;
    const char *name;
    int err;                   /* errno of the first failed write */
};

struct progress {
    bool tty;
    struct timespec last;
    int width;
    struct graph_file *g;
};

/* Before saving begins (SAVE, 0): the graph must be on disk, or nothing
 * is saved. */
static int graph_flushed(struct graph_file *g)
{
    if (g->f && !g->err && fflush(g->f) != 0)
        g->err = errno;
    return g->err != 0;
}

static int show_progress(void *ctx, int phase, uint64_t done)
{
    struct progress *p = ctx;
    struct timespec now;
    if (phase == OPS_SUGGEST_SAVE && done == 0 && graph_flushed(p->g))
        return 1;
    if (!p->tty)
        return 0;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if ((now.tv_sec - p->last.tv_sec) * 1000 + (now.tv_nsec - p->last.tv_nsec) / 1000000 < 250)
        return 0;
    p->last = now;
    char line[80];
    unsigned long long n = (unsigned long long)done;
    if (phase == OPS_SUGGEST_READ)
        snprintf(line, sizeof line, _("reading staff: %llu"), n);
    else if (phase == OPS_SUGGEST_SOLVE)
        snprintf(line, sizeof line, _("solving: %llu steps"), n);
    else
        snprintf(line, sizeof line, _("saving: %llu moves"), n);
    p->width = fprintf(stderr, "\r%s ", line);
    fflush(stderr);
    return 0;
}

static void clear_progress(struct progress *p)
{
    if (p->tty && p->width > 0)
        fprintf(stderr, "\r%*s\r", p->width, "");
}

static int emit_line(void *ctx, const char *line, size_t len)
{
    struct graph_file *g = ctx;
    if (fwrite(line, 1, len, g->f) == len)
        return 0;
    g->err = errno;
    return -1;
}

/* --- the report ----------------------------------------------------------------- */

static void print_moves(const struct ops_suggest_result *r)
{
    for (size_t i = 0; i < r->nmoves; i++) {
        const struct ops_suggested *s = &r->moves[i];
        char shown[NIP_FMT_LEN + 1];
        nip_format(s->nip, shown);
        printf("%s  %s  %s -> %s  %s\n", shown, s->name, s->from_position, s->to_position,
               s->why);
    }
    printf("objective: %lld\n", (long long)r->objective);
}

/* The places filled always (what the run achieved); how big the network
 * was and where the time went only when asked. */
static void print_figures(uint32_t id, const struct ops_suggest_result *r, bool verbose)
{
    fprintf(stderr, ngettext("plan %u: %zu move added; %lld of %lld short places filled "
                             "(the most the rules and caps allow)\n",
                             "plan %u: %zu moves added; %lld of %lld short places filled "
                             "(the most the rules and caps allow)\n", r->nmoves),
            (unsigned)id, r->nmoves, (long long)r->max_fill, (long long)r->shortage);
    if (!verbose)
        return;
    fprintf(stderr, _("  %zu staff read, %zu may move in %zu classes; network after grouping: "
                      "%lu nodes, %zu arcs\n"), r->staff, r->movable, r->classes,
            (unsigned long)r->nodes, r->arcs);
    fprintf(stderr, _("  CPU time: reading %.0f ms, grouping %.0f ms, solving %.0f ms, "
                      "saving %.0f ms\n"), r->read_ms, r->build_ms, r->solve_ms, r->save_ms);
}

static int open_graph(struct graph_file *g)
{
    if (!g->name)
        return EXIT_OK;
    if ((g->f = fopen(g->name, "w")))
        return EXIT_OK;
    cli_error(_("cannot write %s: %s"), g->name, strerror(errno));
    return EXIT_REFUSED;
}

static int close_graph(struct graph_file *g, int rc)
{
    if (!g->f)
        return rc;
    if (fclose(g->f) != 0 && !g->err)
        g->err = errno;
    if (rc == OPS_STOPPED && g->err) {
        cli_error(_("cannot write %s: %s; nothing was saved"), g->name, strerror(g->err));
        return OPS_REFUSED;
    }
    if (rc == OPS_OK && g->err) {
        cli_error(_("cannot write %s: %s"), g->name, strerror(g->err));
        return OPS_REFUSED;
    }
    return rc;
}

int cli_plan_suggest(const struct ops_env *env, int argc, char **argv)
{
    struct sargs a;
    if (cli_wants_help(argc, argv))
        return suggest_help();
    int rc = parse_suggest(env, argc, argv, &a);
    if (rc != EXIT_OK)
        return rc;
    struct graph_file g = {NULL, a.dump, 0};
    struct progress pr = {isatty(STDERR_FILENO) == 1, {0, 0}, 0, &g};
    struct ops o;
    struct ops_err e;
    struct ops_suggest_result r;
    if (cli_open(&o, env, OPS_WRITE) != EXIT_OK)
        return EXIT_REFUSED;
    if (open_graph(&g) != EXIT_OK) {
        ops_close(&o);
        return EXIT_REFUSED;
    }
    struct ops_suggest_req rq = {.plan = a.id, .max_moves = a.max_moves,
                                 .progress = show_progress, .ctx = &pr,
                                 .emit = g.f ? emit_line : NULL, .emit_ctx = &g};
    rc = ops_plan_suggest(&o, &rq, &r, &e);
    clear_progress(&pr);
    rc = close_graph(&g, rc);
    if (rc == OPS_OK) {
        print_moves(&r);
        print_figures(a.id, &r, a.verbose);
    } else if (rc != OPS_STOPPED) {
        cli_report(&e);
    }
    ops_suggest_result_free(&r);
    ops_close(&o);
    if (rc != OPS_OK)
        return EXIT_REFUSED;
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_REFUSED;
}
