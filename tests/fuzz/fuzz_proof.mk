# The fuzz targets of the proof work: csv (the CSV reader and writer,
# tests/fuzz/fuzz_csv.c) and nip (NIP, date and vocabulary parsers,
# tests/fuzz/fuzz_nip.c), corpora in tests/fuzz/corpus/{csv,nip}/.
# tests/fuzz/fuzz.mk (the configuration work) builds and runs every name in
# FUZZ_TARGETS; this adds ours to it.
FUZZ_PROOF_TARGETS := csv nip
ifneq ($(wildcard tests/fuzz/fuzz.mk),)
FUZZ_TARGETS += $(FUZZ_PROOF_TARGETS)
endif
