# The fuzz target of the faults work: codec (the record decoders of
# store/codec.c, tests/fuzz/fuzz_codec.c; corpus tests/fuzz/corpus/codec/).
# The codec is pure (no LMDB), so it joins the fuzz library, with the
# keys it reads history lines' NIPs from (store/keys.c).
ifneq ($(wildcard tests/fuzz/fuzz.mk),)
FUZZ_TARGETS += codec
FUZZ_LIB_SRC += src/store/codec.c src/store/codec_plan.c src/store/codec_keys.c src/store/keys.c
endif
ifneq ($(wildcard tests/fuzz/fuzz.mk),)
$(FUZZ_LIB): $(FUZZ_DIR)/obj/src/store/codec.o $(FUZZ_DIR)/obj/src/store/codec_plan.o \
    $(FUZZ_DIR)/obj/src/store/codec_keys.o $(FUZZ_DIR)/obj/src/store/keys.o
endif
