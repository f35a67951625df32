#!/usr/bin/env bash
# Compares the built library's ABI with the committed baseline (abi/libcontactplan.so.1.abi) and
# fails on any change other than added functions: within a major version, existing functions, their
# parameter and return types, and the values of the public enums must stay as they are.
# Usage: check_abi.sh LIBRARY PUBLIC_HEADER_DIR BASELINE
# The baseline changes only with a new major version: see abi/README.md.
set -uo pipefail
library=$1
headers=$2
baseline=$3

# Both sides hold only the exported functions and the types they reach from the public header
# (--exported-interfaces-only, --drop-private-types with the header directory): the engine's C++
# internals behind the opaque cplan_engine are not part of the ABI. No paths, line numbers or
# architecture are compared, so re-wrapping the header or building elsewhere is not a change.
# --no-added-syms: adding functions (and enumerators, harmless by default) is a minor version's right.
# Measured against hand-edited baselines: a changed parameter or enum value exits 4, a removed
# function 12, an added function or enumerator 0.
report=$(abidiff --no-architecture --no-corpus-path --no-show-locs --no-added-syms \
                 --drop-private-types --exported-interfaces-only --headers-dir2 "$headers" \
                 --fail-no-debug-info "$baseline" "$library" 2>&1)
code=$?
# abidiff's exit code is a bit field: 1 error, 2 usage error, 4 ABI change, 8 incompatible change.
if [ $code -ne 0 ]; then
  echo "$report"
  if [ $((code & 3)) -ne 0 ]; then
    echo "FAIL: abidiff could not compare (exit code $code)" >&2
  else
    echo "FAIL: the C ABI changed against $baseline (abidiff exit code $code)." >&2
    echo "Within major version 1 only additions are allowed; see abi/README.md." >&2
  fi
  exit 1
fi
echo "OK: the C ABI of $library matches $baseline (functions added since are allowed)"
