#!/usr/bin/env python3
"""Solves a DIMACS min-cost-flow file with Google OR-Tools' SimpleMinCostFlow
(a C++ cost-scaling solver) and prints, one per line:
    objective: N
    solve_ms: CPU milliseconds of the solve call alone (process time)
    load_ms: CPU milliseconds of reading the file and adding the arcs
Exit 1 when the solver does not report an optimum, 2 on bad usage.
    bench/ortools_mcf.py FILE
Used by bench/bench.sh next to glpsol --mincost on the same graph."""
import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow


def read_dimacs(path):
    """Nodes, supplies (node, value) and the arcs as four int64 arrays;
    DIMACS numbers nodes from 1, OR-Tools from 0."""
    nodes = 0
    supplies = []
    tails, heads, caps, costs = [], [], [], []
    with open(path, encoding="ascii") as f:
        for line in f:
            if line.startswith("a "):
                _, u, v, low, cap, cost = line.split()
                if low != "0":
                    raise SystemExit("lower bounds other than 0 are not supported")
                tails.append(int(u) - 1)
                heads.append(int(v) - 1)
                caps.append(int(cap))
                costs.append(int(cost))
            elif line.startswith("n "):
                _, v, b = line.split()
                supplies.append((int(v) - 1, int(b)))
            elif line.startswith("p "):
                nodes = int(line.split()[2])     # "p min NODES ARCS"
    arr = lambda xs: np.array(xs, dtype=np.int64)
    return nodes, supplies, arr(tails), arr(heads), arr(caps), arr(costs)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    t0 = time.process_time()
    nodes, supplies, tails, heads, caps, costs = read_dimacs(sys.argv[1])
    smcf = min_cost_flow.SimpleMinCostFlow()
    smcf.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    all_nodes = np.arange(nodes, dtype=np.int64)
    b = np.zeros(nodes, dtype=np.int64)
    for v, s in supplies:
        b[v] = s
    smcf.set_nodes_supplies(all_nodes, b)
    t1 = time.process_time()
    status = smcf.solve()
    t2 = time.process_time()
    if status != smcf.OPTIMAL:
        print(f"OR-Tools: status {status}, not optimal", file=sys.stderr)
        return 1
    print(f"objective: {smcf.optimal_cost()}")
    print(f"solve_ms: {(t2 - t1) * 1000:.1f}")
    print(f"load_ms: {(t1 - t0) * 1000:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
