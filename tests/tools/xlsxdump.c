/* Prints the cells of a workbook's sheet as mutasi's reader sees them,
 * one "CELL<TAB>text" line each (a newline in a cell as \n), to check
 * what mutasi wrote without a spreadsheet program (t_xlsx).
 *   xlsxdump FILE [SHEET]      (the first sheet without SHEET) */
#include <stdio.h>
#include <stdlib.h>
#include "io/xlsx_read.h"

static int print_row(void *ctx, unsigned row, const struct xlsx_cell *cells, unsigned n)
{
    (void)ctx;
    for (unsigned i = 0; i < n; i++) {
        char name[16];
        xlsx_cell_name(row, cells[i].col, name, sizeof name);
        printf("%s\t", name);
        for (size_t k = 0; k < cells[i].len; k++)
            if (cells[i].p[k] == '\n')
                fputs("\\n", stdout);
            else
                putchar(cells[i].p[k]);
        putchar('\n');
    }
    return 0;
}

int main(int argc, char **argv)
{
    char err[512];
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: xlsxdump FILE [SHEET]\n");
        return 2;
    }
    xlsx_reader *r = xlsx_open_sheet(argv[1], argc == 3 ? argv[2] : NULL, err, sizeof err);
    if (!r) {
        fprintf(stderr, "xlsxdump: %s\n", err);
        return 1;
    }
    int rc = xlsx_each_row(r, print_row, NULL);
    if (rc)
        fprintf(stderr, "xlsxdump: %s\n", xlsx_error(r));
    xlsx_close(r);
    return rc ? 1 : 0;
}
