#!/usr/bin/env bash
# Runs one fuzz target for a bounded time: run_fuzzer.sh BINARY SEEDS WORKDIR SECONDS
# A crash leaves its input in WORKDIR/crashes/ and fails; keep that input under
# tests/fuzz/regressions/<target>/ once fixed, so the replay test guards it forever.
set -euo pipefail
binary=$1 seeds=$2 work=$3 seconds=$4
mkdir -p "$work/corpus" "$work/crashes"
exec "$binary" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$work/crashes/" "$work/corpus" "$seeds"
