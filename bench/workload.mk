# Core ABK roll-up micro-benchmark (no database):  make bench-workload [WL_STAFF=N]
WL_STAFF ?= 1000000
.PHONY: bench-workload
$(BUILD)/bench/bench_workload: bench/bench_workload.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(PKG_LIBS)
bench-workload: $(BUILD)/bench/bench_workload
	$(BUILD)/bench/bench_workload $(WL_STAFF) 7
