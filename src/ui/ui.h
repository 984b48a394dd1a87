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

/* Makes every action of the interface (built-in, the top screens', the
 * screens' own) and registers their names with config/ so that ui.yaml's
 * key bindings are checked when the configuration is read (also by
 * `policy check`). Call before loading any configuration; idempotent. */
void ui_register_actions(void);

/* Describes the TUI's options for `mutasi --help`. */
void ui_print_options(FILE *f);
#endif
