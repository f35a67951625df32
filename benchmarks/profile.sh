#!/usr/bin/env bash
# Instruction profiles of one cplan_analyze call, the evidence behind benchmarks/profile_notes.md.
#
#   benchmarks/profile.sh [BUILD_DIR] [typical|large]     (default: build, large)
#
# Runs capi_benchmark under callgrind, counting only inside cplan_analyze, and prints the functions
# with the most inclusive instructions. Instruction counts do not depend on what else the machine
# is doing, unlike times. The full profile stays in BUILD_DIR/benchmarks/results/ for
# callgrind_annotate or kcachegrind. Takes about a minute for the large account.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
plan=${2:-large}
bin=$build/benchmarks
out=$bin/results
mkdir -p "$out"

cmake --build "$build" --target benchmarks
case $plan in
  typical) "$bin/bench_generate_plan" --typical --out "$out/profile-plan.binpb" ;;
  large) "$bin/bench_generate_plan" --persons 10000 --team 500 --out "$out/profile-plan.binpb" ;;
  *) echo "usage: benchmarks/profile.sh [BUILD_DIR] [typical|large]" >&2; exit 64 ;;
esac

# One benchmark iteration, so the counts are those of a single call.
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$plan.out" \
  --toggle-collect=cplan_analyze \
  "$bin/capi_benchmark" --benchmark_filter="^BM_CapiAnalyze/$plan/binary\$" \
  --benchmark_min_time=0.000001 --benchmark_repetitions=1 "$plan=$out/profile-plan.binpb" \
  2>&1 | grep -E "Collected|BM_"
callgrind_annotate --inclusive=yes "$out/callgrind.$plan.out" 2>/dev/null |
  grep -E "contactplan|protobuf|malloc|free" | grep -v "benchmark::" | head -40 | cut -c1-160
