# Test tools built with the program: ptybytes counts the bytes a program
# writes to a pseudo-terminal per key (thin-link budgets, compared with less).
PTYBYTES := $(BUILD)/tests/ptybytes
all: $(PTYBYTES)
$(PTYBYTES): tests/tools/ptybytes.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(PKG_LIBS) -lutil

# plangen builds a region-shaped transfer problem, solves it with
# core/planner and writes its DIMACS graph (t_planner_glpk, bench-planner).
PLANGEN := $(BUILD)/tests/plangen
all: $(PLANGEN)
$(PLANGEN): tests/tools/plangen.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

# lmdbpoke changes or damages one record with liblmdb alone, behind
# mutasi's back (t_faults: audit --verify and verify must notice).
LMDBPOKE := $(BUILD)/tests/lmdbpoke
all: $(LMDBPOKE)
$(LMDBPOKE): tests/tools/lmdbpoke.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

# xlsxdump prints a sheet's cells through io/xlsx_read (t_xlsx reads back
# the workbooks mutasi writes).
XLSXDUMP := $(BUILD)/tests/xlsxdump
all: $(XLSXDUMP)
$(XLSXDUMP): tests/tools/xlsxdump.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

# maxrss prints a command's peak resident set (t_workload_stream: the
# listing's memory stays flat in the number of rows).
MAXRSS := $(BUILD)/tests/maxrss
all: $(MAXRSS)
$(MAXRSS): tests/tools/maxrss.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $^
