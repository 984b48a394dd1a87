# test_approval injects a store failure into `plan apply` without a hook in
# the program: the test binary alone is linked with --wrap, so the calls of
# ops/apply.c to store_add_history reach the test's __wrap_ function.
APPROVAL_WRAP := -Wl,--wrap=store_add_history
$(BUILD)/tests/test_approval: TEST_LIBS += $(APPROVAL_WRAP)
$(BUILD)/asan/tests/test_approval: TEST_LIBS += $(APPROVAL_WRAP)
