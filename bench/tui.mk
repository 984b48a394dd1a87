# TUI time per key at 1,000,000 staff (search, Units screen):  make bench-tui
# The demo database is made once under bench/data/ (about 1 GB).
.PHONY: bench-tui
bench-tui: $(BIN) $(MO)
	@mkdir -p bench/data
	bench/tui_keys.sh $(BIN) bench/data/tui-L 20
