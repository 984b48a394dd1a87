# libFuzzer targets (clang): `make fuzz` runs each for FUZZ_SECONDS (60 by
# default) over its committed corpus. One target per name in FUZZ_TARGETS:
# tests/fuzz/fuzz_NAME.c, corpus tests/fuzz/corpus/NAME/, optional
# dictionary tests/fuzz/NAME.dict. Add a target by adding its name here.
#   make fuzz                     every target, 60 s each
#   make fuzz FUZZ_SECONDS=600    a long run
#   make fuzz FUZZ_TARGETS=yaml   one target
FUZZ_TARGETS ?= yaml xlsx
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer
# clang warns about things gcc does not: shown, but they do not stop a fuzz
# run (the gcc build is the one held to -Werror).
FUZZ_CFLAGS   = -std=c11 $(WARN) -Wno-error $(DEFS) -Isrc $(PKG_CFLAGS) -g -O1 $(FUZZ_SAN)
# The library code the targets exercise: the pure and parsing layers (no
# LMDB, no curses); the archive links in only what a target calls.
FUZZ_LIB_SRC := $(filter src/core/% src/config/% src/io/%,$(LIB_SRC))
FUZZ_LIB     := $(FUZZ_DIR)/libmutasi-fuzz.a
FUZZ_BINS    := $(patsubst %,$(FUZZ_DIR)/fuzz_%,$(FUZZ_TARGETS))

.PHONY: fuzz fuzz-build

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(FUZZ_LIB): $(call objs,$(FUZZ_DIR),$(FUZZ_LIB_SRC))
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

fuzz-build: $(FUZZ_BINS)

fuzz: test-deps
	@$(MAKE) --no-print-directory fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  tests/fuzz/run.sh $(FUZZ_DIR)/fuzz_$$t $$t $(FUZZ_SECONDS) $(FUZZ_DIR)/run || exit 1; \
	done
