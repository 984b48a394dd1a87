# The fuzz targets of the proof work: csv (the CSV reader and writer,
# tests/fuzz/fuzz_csv.c) and nip (NIP, date and vocabulary parsers,
# tests/fuzz/fuzz_nip.c), corpora in tests/fuzz/corpus/{csv,nip}/.
# tests/fuzz/fuzz.mk (the configuration work) builds and runs every name in
# FUZZ_TARGETS; this adds ours to it.
# csv joins once the CSV module (src/io/csv.c) is on the branch.
FUZZ_PROOF_TARGETS := nip $(if $(wildcard src/io/csv.c),csv)
ifneq ($(wildcard tests/fuzz/fuzz.mk),)
FUZZ_TARGETS += $(FUZZ_PROOF_TARGETS)
endif
