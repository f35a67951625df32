#!/usr/bin/env python3
"""The command line against a plain C host of the C ABI, process start-up included.

    cli_benchmark.py CONTACTPLAN_BINARY CAPI_HOST_BINARY RESULTS_DIR

Both are run as a user runs them, one process per analysis, on the plans run.sh wrote into
RESULTS_DIR (typical.binpb, large.binpb): `contactplan analyze PLAN --format binary -o /dev/null`
and `reliability_capi_analyze PLAN` (tests/reliability/capi_analyze_main.c: reads the file, one
cplan_analyze to binary, exits). Each figure is the least wall time of several runs, since start-up
noise only ever adds. Prints the JSON that report.py reads as cli.json.
"""
import json
import os
import subprocess
import sys
import time

RUNS = {"typical": 40, "large": 5}


def least_wall_seconds(command, runs):
    best = None
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best


def main(cli, host, results_dir):
    report = {}
    for label, runs in RUNS.items():
        plan = os.path.join(results_dir, label + ".binpb")
        if not os.path.exists(plan):
            continue
        host_s = least_wall_seconds([host, plan], runs)
        cli_s = least_wall_seconds([cli, "analyze", plan, "--format", "binary", "-o", "/dev/null"],
                                   runs)
        report[label] = {"capi_host_ms": host_s * 1e3, "cli_ms": cli_s * 1e3,
                         "ratio": cli_s / host_s, "runs": runs}
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
