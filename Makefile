# mutasi — build, test, demo, bench, install.
# Sources are discovered: every src/**/*.c is part of the program, every
# tests/unit/test_*.c is a cmocka test binary (the other tests/unit/*.c are
# test-only support linked into each: never into build/mutasi), bench/*.mk and
# tests/**/*.mk add targets.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
# The configuration is $(SYSCONFDIR)/mutasi; an installed, set-group-id
# mutasi keeps its database in $(LOCALSTATEDIR)/lib/mutasi (both are
# compiled in: a set-group-id run believes no option for them).
SYSCONFDIR    ?= $(PREFIX)/etc
LOCALSTATEDIR ?= /var
DBDIR         := $(LOCALSTATEDIR)/lib/mutasi
# make install INSTALL_GROUP=mutasi: the program set-group-id to that
# group, and the database directory 2770 of that group (run as root).
INSTALL_GROUP ?=
DESTDIR   ?=
# make BENCH_NOSEAL=1: the bench's build with the record seals and the
# data digest switched off (bench/seal.sh measures what they cost against
# it). Only into a build directory of its own whose name ends in noseal
# (default build/noseal), so that it never becomes build/mutasi.
ifneq ($(BENCH_NOSEAL),)
BUILD     ?= build/noseal
ifeq ($(filter %noseal,$(BUILD)),)
$(error BENCH_NOSEAL=1 builds only into a directory ending in noseal (BUILD=build/noseal), not $(BUILD))
endif
ifneq ($(filter install deb% demo,$(MAKECMDGOALS)),)
$(error BENCH_NOSEAL=1 is for the bench only: no install, package or demo of it)
endif
VERSION   := $(VERSION)+noseal-bench
NOSEAL_DEF := -DMUTASI_BENCH_NOSEAL
endif
BUILD     ?= build
CC        ?= cc
PKGS      := ncursesw lmdb yaml-0.1 libcrypto libxxhash libzip expat xlsxwriter
TEST_PKGS := cmocka

WARN   := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
          -Wmissing-prototypes -Wformat=2 -Wvla -Wpointer-arith \
          -Wcast-align -Wundef -Wno-missing-field-initializers
DEFS   := -D_GNU_SOURCE -DMUTASI_VERSION='"$(VERSION)"' \
          -DLOCALEDIR='"$(PREFIX)/share/locale"' \
          -DSYSCONFDIR='"$(SYSCONFDIR)/mutasi"' -DMUTASI_DBDIR='"$(DBDIR)"' \
          $(NOSEAL_DEF)
OPT    ?= -O2 -g
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
TEST_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS   = $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)
CFLAGS_ALL  = -std=c11 $(WARN) $(DEFS) -Isrc $(PKG_CFLAGS) $(OPT) $(CPPFLAGS) $(CFLAGS)
SAN        := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

SRC      := $(shell find src -name '*.c' | sort)
LIB_SRC  := $(filter-out src/main.c,$(SRC))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_SUPPORT := $(filter-out $(TEST_SRC),$(wildcard tests/unit/*.c))
PO       := $(wildcard po/*.po)

# $(call objs,DIR,SOURCES)
objs = $(patsubst %.c,$(1)/obj/%.o,$(2))

BIN        := $(BUILD)/mutasi
LIB        := $(BUILD)/libmutasi.a
TESTS      := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(TEST_SRC))
ASAN_BIN   := $(BUILD)/asan/mutasi
ASAN_LIB   := $(BUILD)/asan/libmutasi.a
ASAN_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/asan/tests/%,$(TEST_SRC))
MO         := $(patsubst po/%.po,$(BUILD)/locale/%/LC_MESSAGES/mutasi.mo,$(PO))

.PHONY: all deps test-deps demo test unit e2e asan-test install uninstall clean check-build FORCE
.DEFAULT_GOAL := all

all: $(BIN) $(MO)

deps:
	@.ci/install-deps build
test-deps:
	@.ci/install-deps test

# --- normal build -------------------------------------------------------
$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(LIB): $(call objs,$(BUILD),$(LIB_SRC))
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(BUILD)/obj/src/main.o $(LIB)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(call objs,$(BUILD),$(TEST_SUPPORT)) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(TEST_CFLAGS) -Itests/unit -o $@ $^ $(PKG_LIBS) $(TEST_LIBS)

# Test support objects are kept between runs, not removed as intermediates.
.SECONDARY: $(call objs,$(BUILD),$(TEST_SUPPORT)) $(call objs,$(BUILD)/asan,$(TEST_SUPPORT))

# The files that compile the installation's paths in are rebuilt when
# they change (make; make install PREFIX=/usr).
PATHS_USERS := src/main.c src/ops/env.c src/ops/access.c
$(BUILD)/paths.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo '$(PREFIX) $(SYSCONFDIR) $(DBDIR)' | cmp -s - $@ || \
	  echo '$(PREFIX) $(SYSCONFDIR) $(DBDIR)' >$@
$(call objs,$(BUILD),$(PATHS_USERS)) $(call objs,$(BUILD)/asan,$(PATHS_USERS)): $(BUILD)/paths.stamp

# --- sanitizer build ----------------------------------------------------
$(BUILD)/asan/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -O1 $(SAN) -MMD -MP -c $< -o $@

$(ASAN_LIB): $(call objs,$(BUILD)/asan,$(LIB_SRC))
	@rm -f $@
	ar rcs $@ $^

$(ASAN_BIN): $(BUILD)/asan/obj/src/main.o $(ASAN_LIB)
	$(CC) $(CFLAGS_ALL) $(SAN) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/asan/tests/%: tests/unit/%.c $(call objs,$(BUILD)/asan,$(TEST_SUPPORT)) $(ASAN_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -O1 $(SAN) $(TEST_CFLAGS) -Itests/unit -o $@ $^ $(PKG_LIBS) $(TEST_LIBS)

# --- translations -------------------------------------------------------
$(BUILD)/locale/%/LC_MESSAGES/mutasi.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# --- the two commands ---------------------------------------------------
DEMO_DB ?= $(BUILD)/demo-db
# The demo configuration honours MUTASI_USER, so the TUI shows a user with
# roles (eka: admin and operator) instead of "no role".
DEMO_USER ?= eka
demo: deps
	@$(MAKE) --no-print-directory all
	rm -rf $(DEMO_DB)
	MUTASI_DB=$(DEMO_DB) MUTASI_CONFIG=config/demo MUTASI_USER=$(DEMO_USER) $(BIN) demo $(DEMO_ARGS)
	MUTASI_DB=$(DEMO_DB) MUTASI_CONFIG=config/demo MUTASI_USER=$(DEMO_USER) $(BIN)

# Every test, first with the normal build, then under ASan+UBSan.
test: test-deps
	@$(MAKE) --no-print-directory all $(TESTS) $(ASAN_BIN) $(ASAN_TESTS)
	@tests/run.sh $(BUILD) $(BUILD)/asan

unit: all $(TESTS)
	@tests/run.sh --unit-only $(BUILD)

# --- install ------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(SYSCONFDIR)/mutasi \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/mutasi
	install -m 0644 config/*.yaml $(DESTDIR)$(SYSCONFDIR)/mutasi/
	install -m 0644 doc/mutasi.1 $(DESTDIR)$(PREFIX)/share/man/man1/mutasi.1
	install -m 0644 completion/mutasi.bash \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/mutasi
	for mo in $(MO); do lang=$${mo#$(BUILD)/locale/}; lang=$${lang%%/*}; \
	  install -d $(DESTDIR)$(PREFIX)/share/locale/$$lang/LC_MESSAGES; \
	  install -m 0644 $$mo $(DESTDIR)$(PREFIX)/share/locale/$$lang/LC_MESSAGES/mutasi.mo; done
	if [ -n "$(INSTALL_GROUP)" ]; then \
	  chgrp $(INSTALL_GROUP) $(DESTDIR)$(PREFIX)/bin/mutasi && \
	  chmod 2755 $(DESTDIR)$(PREFIX)/bin/mutasi && \
	  install -d -m 2770 -g $(INSTALL_GROUP) $(DESTDIR)$(DBDIR); fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/mutasi $(DESTDIR)$(PREFIX)/share/man/man1/mutasi.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/mutasi
	rm -f $(DESTDIR)$(PREFIX)/share/locale/*/LC_MESSAGES/mutasi.mo

clean:
	rm -rf $(BUILD)

-include $(wildcard bench/*.mk tests/*.mk tests/*/*.mk)
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
