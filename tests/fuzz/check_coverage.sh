#!/usr/bin/env bash
# Proves a fuzz target sees the library: check_coverage.sh BINARY SEEDS RUNS MINIMUM
# Runs BINARY for RUNS inputs from its seeds (the seeds are not written to) and fails unless the coverage
# libFuzzer reports at the end ("cov: N", edges of instrumented code reached) is at least MINIMUM.
# An uninstrumented library leaves only the target's own lines to count, a cov in the single digits.
set -euo pipefail
binary=$1 seeds=$2 runs=$3 minimum=$4
log=$(mktemp)
# libFuzzer adds what it finds to the first corpus directory: a scratch one, so the seeds in the
# source tree stay as they are.
scratch=$(mktemp -d)
trap 'rm -rf "$log" "$scratch"' EXIT
"$binary" -runs="$runs" -seed=1 -max_len=65536 -timeout=10 -rss_limit_mb=2048 "$scratch" "$seeds" \
  >"$log" 2>&1 || {
  cat "$log"
  echo "check_coverage: $binary failed" >&2
  exit 1
}
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
if [ -z "$cov" ]; then
  cat "$log"
  echo "check_coverage: no 'cov:' in the output of $binary" >&2
  exit 1
fi
echo "check_coverage: $(basename "$binary") reached cov: $cov after $runs runs (at least $minimum expected)"
[ "$cov" -ge "$minimum" ] || {
  echo "check_coverage: cov: $cov is below $minimum: is the library built with -fsanitize=fuzzer-no-link?" >&2
  exit 1
}
