# make termmatrix: the terminal tests at 80x24 and 200x60, under TERM
# xterm-256color, screen, tmux-256color and vt100, with and without
# NO_COLOR, in a UTF-8 and a C locale (tests/termmatrix.sh).
.PHONY: termmatrix
termmatrix: test-deps
	@$(MAKE) --no-print-directory all
	@tests/termmatrix.sh $(BUILD)
