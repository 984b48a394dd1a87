/* A memory fault ends with a sentence, not a bare signal. mutasi maps its
 * database: a damaged page can make LMDB read or jump where nothing is
 * mapped (SIGSEGV) or past the end of the file (SIGBUS). The handler may
 * only use async-signal-safe calls, so the message is translated ahead,
 * at start, and written with write(2). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "core/i18n.h"

static char message[768];
static size_t message_len;

static void on_fault(int sig)
{
    (void)sig;
    /* Leave the alternate screen and show the cursor, should the TUI run. */
    static const char reset[] = "\033[?1049l\033[?25h\r\n";
    if (isatty(STDERR_FILENO) && write(STDERR_FILENO, reset, sizeof reset - 1) < 0)
        _exit(1);
    if (write(STDERR_FILENO, message, message_len) < 0)
        _exit(1);
    _exit(1);
}

void cli_fault_handlers(const char *db_dir)
{
    struct sigaction sa;
    snprintf(message, sizeof message,
             _("mutasi: stopped by a memory fault while reading the database in %s: its file "
               "is most likely damaged. Run 'mutasi verify' to see what is damaged, and "
               "restore the last good backup (written by 'mutasi backup DEST'): stop mutasi, "
               "move %s away and copy the backup's data.mdb into a new %s.\n"),
             db_dir, db_dir, db_dir);
    message_len = strlen(message);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fault;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}
