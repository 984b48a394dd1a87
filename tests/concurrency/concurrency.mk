# make concurrency [CONC_SECONDS=60] [CONC_READERS=6] [CONC_WRITERS=3]:
# the long form of tests/e2e/t_concurrency.sh (several operators on one
# database at once, then no reader error, no lost update, no corruption).
CONC_SECONDS ?= 60
CONC_READERS ?= 6
CONC_WRITERS ?= 3
.PHONY: concurrency
concurrency: test-deps
	@$(MAKE) --no-print-directory all $(CHECKDB)
	@tests/concurrency/concurrency.sh $(BIN) $(CHECKDB) $(CONC_SECONDS) $(CONC_READERS) $(CONC_WRITERS)
