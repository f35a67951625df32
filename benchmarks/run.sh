#!/usr/bin/env bash
# Builds and runs the whole benchmark suite, writes benchmarks/RESULTS.md and prints the targets.
#
#   benchmarks/run.sh [BUILD_DIR [RESULTS_FILE]]      (make bench: build/ and benchmarks/RESULTS.md)
#
# Environment: CONTACTPLAN_BENCH_MIN_TIME (seconds per benchmark repetition, default 0.2) and
# CONTACTPLAN_BENCH_REPETITIONS (default 5). The defaults keep the run to a few minutes on 2 cores.
# The raw outputs stay in BUILD_DIR/benchmarks/results for a closer look.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
results_file=${2:-$root/benchmarks/RESULTS.md}
bin=$build/benchmarks
out=$bin/results
python=/usr/bin/python3
min_time=${CONTACTPLAN_BENCH_MIN_TIME:-0.2}
repetitions=${CONTACTPLAN_BENCH_REPETITIONS:-5}
# Repetitions of different benchmarks are run in a random interleaved order: on this shared VM a
# burst of load otherwise lands on every repetition of whichever benchmark runs then, and a ratio
# of two benchmarks run apart (JSON beside binary) takes it whole.
flags=(--benchmark_min_time="$min_time" --benchmark_repetitions="$repetitions"
       --benchmark_enable_random_interleaving=true
       --benchmark_report_aggregates_only=true --benchmark_out_format=json)
started=$(date +%s)

cmake --build "$build" --target benchmarks
rm -rf "$out"
mkdir -p "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== plans"
"$bin/bench_generate_plan" --typical --out "$out/typical.binpb"
"$bin/bench_generate_plan" --persons 10000 --team 500 --out "$out/large.binpb"
"$bin/bench_generate_plan" --persons 0 --team 0 --opportunities 0 --out "$out/empty.binpb"

echo "== C++ engine (I/O floor, typical plan, sweeps)"
"$bin/engine_benchmark" "${flags[@]}" --benchmark_out="$out/engine.json"

if [[ -x $bin/capi_benchmark ]]; then
  echo "== C ABI (end to end)"
  "$bin/capi_benchmark" "${flags[@]}" --benchmark_out="$out/capi.json" \
    typical="$out/typical.binpb" large="$out/large.binpb" empty="$out/empty.binpb"
  echo "== memory (10,000 x 500)"
  "$bin/memory_probe" "$out/large.binpb" | tee "$out/memory.json"
else
  echo "C ABI and memory: libcontactplan.so is not part of this build" >>"$out/skipped.txt"
fi

if [[ -x $build/bin/contactplan && -x $build/tests/reliability_capi_analyze ]]; then
  echo "== CLI against a C ABI host (process start-up included)"
  "$python" "$root/benchmarks/cli_benchmark.py" "$build/bin/contactplan" \
    "$build/tests/reliability_capi_analyze" "$out" | tee "$out/cli.json"
else
  echo "CLI: build/bin/contactplan or the C ABI host (reliability_capi_analyze) is not built" \
    >>"$out/skipped.txt"
fi

if [[ -d $build/python/contactplan ]]; then
  echo "== Python binding"
  PYTHONPATH=$build/python "$python" "$root/benchmarks/python_binding_benchmark.py" "$out" \
    | tee "$out/python.json"
else
  echo "Python binding: $build/python is not built" >>"$out/skipped.txt"
fi

if [[ -d $build/python/contactplan ]]; then
  echo "== a hand-written Python script of 20 rules beside the engine"
  PYTHONPATH=$build/python "$python" "$root/benchmarks/baseline_rules.py" --compare "$out" \
    | tee "$out/baseline.json"
fi

if [[ -d $build/python/contactplan ]] && "$python" -c "import dask.bag, distributed" 2>/dev/null; then
  echo "== bulk throughput (one process, analyze_many threads, local Dask cluster, portfolio)"
  PYTHONPATH=$build/python "$python" "$root/benchmarks/bulk_throughput_benchmark.py" "$out" \
    | tee "$out/bulk.json"
else
  echo "Bulk throughput: needs $build/python and python3-dask, python3-distributed" >>"$out/skipped.txt"
fi

if command -v valgrind >/dev/null; then
  echo "== instruction counts (callgrind, about a minute)"
  "$python" "$root/benchmarks/instruction_counts.py" "$bin/engine_benchmark" "$out/instructions.json"
else
  echo "Instruction counts: valgrind is not installed; growth is judged on times" >>"$out/skipped.txt"
fi

cache=$build/CMakeCache.txt
cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$cache")
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
# The results and notes files themselves do not count: they change with every run.
if ! git -C "$root" diff --quiet HEAD -- . ':!benchmarks/RESULTS.md' ':!benchmarks/profile_notes.md' \
    2>/dev/null; then
  commit="$commit (with uncommitted changes)"
fi
MACHINE_DATE=$(date -u +"%Y-%m-%d %H:%M") \
MACHINE_COMMIT=$commit \
MACHINE_CPU=$(lscpu | sed -n 's/^Model name: *//p' | head -1) \
MACHINE_CORES=$(nproc) \
MACHINE_MEMORY="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)" \
MACHINE_OS=$(. /etc/os-release && echo "$PRETTY_NAME, kernel $(uname -r)") \
MACHINE_COMPILER=$("$cxx" --version | head -1) \
MACHINE_BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache") \
MACHINE_FLAGS="--benchmark_min_time=$min_time --benchmark_repetitions=$repetitions --benchmark_enable_random_interleaving=true" \
MACHINE_LOAD_BEFORE=$load_before \
MACHINE_LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg) \
MACHINE_ELAPSED="$(($(date +%s) - started)) s" \
"$python" - "$out/machine.json" <<'EOF'
import json, os, sys
keys = ["date", "commit", "cpu", "cores", "memory", "os", "compiler", "build_type",
        "benchmark_flags:flags", "load_before", "load_after", "elapsed"]
machine = {"command": "make bench (benchmarks/run.sh)"}
for key in keys:
    name, _, env = key.partition(":")
    machine[name] = os.environ["MACHINE_" + (env or name).upper()]
json.dump(machine, open(sys.argv[1], "w"), indent=2)
EOF

echo
"$python" "$root/benchmarks/report.py" "$out" "$results_file"
