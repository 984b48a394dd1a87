/* The terminal interface: what `mutasi` without a verb opens. */
#ifndef MUTASI_UI_UI_H
#define MUTASI_UI_UI_H
#include <stdio.h>
#include "ops/ops.h"

/* Runs the TUI until the user leaves. argv may hold the TUI's own options
 * (--script FILE, --dump FILE, --size WxH, --bytes FILE, --tty-out FILE);
 * argv[0] is the program. Returns an exit status (OPS_OK, OPS_REFUSED
 * when the terminal or database cannot be used, OPS_USAGE). */
int ui_run(const struct ops_env *env, int argc, char **argv);

/* Describes the TUI's options for `mutasi --help`. */
void ui_print_options(FILE *f);
#endif
