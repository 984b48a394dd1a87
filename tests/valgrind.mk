# make valgrind: the unit and end-to-end suites under valgrind memcheck
# (tests/valgrind.sh): zero errors, no definite leaks.
.PHONY: valgrind
valgrind: test-deps
	@$(MAKE) --no-print-directory all $(TESTS) $(if $(shell grep -ls store_check_indexes src/store/*.c 2>/dev/null),$(CHECKDB))
	@tests/valgrind.sh $(BUILD)
