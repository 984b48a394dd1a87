# Store micro-benchmark (not part of `make test`):
#   make bench-store [STORE_BENCH_N=1000000]
STORE_BENCH_N ?= 1000000
.PHONY: bench-store
$(BUILD)/bench/store_bench: bench/store_bench.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

bench-store: $(BUILD)/bench/store_bench
	@d=$$(mktemp -d) && \
	  $(BUILD)/bench/store_bench $$d/db $(STORE_BENCH_N) batch; \
	  rm -rf $$d/db && $(BUILD)/bench/store_bench $$d/db $(STORE_BENCH_N) single; \
	  du -sh $$d/db; rm -rf $$d
