# make bench [SIZE="S M"]: the benchmarks of DESIGN.md "Budgets", one table.
# SIZE is one or more of S M L XL (default S M: a few minutes on two cores).
# Datasets are cached in bench/data/ (never committed). BENCH_RUNS sets the
# runs per measurement, BENCH_ONLY some parts (bench/bench.sh). The seal
# part compares with $(BUILD)/noseal/mutasi, the same source built with
# BENCH_NOSEAL=1 (Makefile), which is made here and nowhere else.
SIZE ?= S M
PROBE := $(BUILD)/bench/probe

.PHONY: bench bench-deps bench-tools
bench: bench-deps
	@$(MAKE) --no-print-directory all bench-tools
	@case " $${BENCH_ONLY:-seal} " in *" seal "*) \
	  $(MAKE) --no-print-directory BENCH_NOSEAL=1 BUILD=$(BUILD)/noseal $(BUILD)/noseal/mutasi ;; esac
	@bench/bench.sh $(BUILD) $(SIZE)

bench-deps:
	@.ci/install-deps bench

bench-tools: $(PROBE)

$(PROBE): bench/probe.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror -o $@ $< -lutil
