# Optimiser micro-benchmark (core/planner alone, no database), next to GLPK
# on the same DIMACS graph:
#   make bench-planner [PLANNER_STAFF="5000 100000 1000000"] [PLANNER_RUNS=3]
#                      [GLPSOL_LIMIT=seconds]
PLANNER_STAFF ?= 5000 100000
PLANNER_RUNS ?= 3
GLPSOL_LIMIT ?= 120
.PHONY: bench-planner
bench-planner: $(BUILD)/tests/plangen
	@.ci/install-deps test
	@bench/planner.sh $(BUILD)/tests/plangen "$(PLANNER_RUNS)" "$(GLPSOL_LIMIT)" $(PLANNER_STAFF)
