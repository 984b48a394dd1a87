# Crash test: make crashtest [KILLS=200] [CRASH_SEED=N] [CRASH_STAFF=N]
#   [CRASH_BIG_DEMO=N] (the long form also kills demo fills of 120000
#   people, larger than one write batch of the demo writer)
# (tests/crash/crashtest.sh). The short forms are tests/e2e/t_crash_short.sh
# (20 kills of every action) and t_crash_apply.sh (8 kills of plan apply)
# in make test.
# checkdb (tests/crash/checkdb.c) is the read-only database checker that the
# crash and concurrency tests use; it links the program's library.
KILLS ?= 200
CRASH_BIG_DEMO ?= 120000
CHECKDB      := $(BUILD)/checkdb
ASAN_CHECKDB := $(BUILD)/asan/checkdb

.PHONY: crashtest checkdb
checkdb: $(CHECKDB)

$(CHECKDB): tests/crash/checkdb.c $(LIB)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(ASAN_CHECKDB): tests/crash/checkdb.c $(ASAN_LIB)
	$(CC) $(CFLAGS_ALL) -O1 $(SAN) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# make test builds checkdb beside each mutasi it tests, once the store
# provides what it calls.
ifneq ($(shell grep -ls store_check_indexes src/store/*.c 2>/dev/null),)
test: $(CHECKDB) $(ASAN_CHECKDB)
endif

crashtest: test-deps
	@$(MAKE) --no-print-directory all $(CHECKDB)
	@CRASH_BIG_DEMO=$(CRASH_BIG_DEMO) tests/crash/crashtest.sh $(BIN) $(CHECKDB) $(KILLS) $(CRASH_SEED)
