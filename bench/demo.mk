# Demo generation at scale (not part of `make test`, nor of `make bench`,
# whose datasets time one cached demo run): CPU, wall time, peak memory and
# database size of `mutasi demo`, the median of BENCH_RUNS runs.
#   make bench-demo [DEMO_SIZE=L]        1,000,000 staff, 3 runs
#   make bench-demo DEMO_SIZE=XL         4,300,000 staff (the country), 1 run
DEMO_SIZE ?= L
.PHONY: bench-demo
bench-demo: all
	@bench/demo.sh $(BUILD) $(DEMO_SIZE)
