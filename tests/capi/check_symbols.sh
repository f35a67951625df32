#!/usr/bin/env bash
# The shared library exports exactly the C ABI.
#   - every defined dynamic symbol (functions, data and version nodes alike) starts with cplan_;
#   - the exported functions are exactly those the header declares, each under a cplan_1.x version;
#   - the SONAME carries the major version, and protobuf comes from the shared libprotobuf.
# Usage: check_symbols.sh LIBRARY HEADER EXPECTED_SONAME
set -euo pipefail
library=$1
header=$2
soname=$3
status=0

problem() {
  echo "FAIL: $*" >&2
  status=1
}

# nm prints "address type name[@@version]"; version nodes are absolute (A) symbols of their own.
defined=$(nm -D --defined-only "$library" | awk '{print $3}')
foreign=$(grep -v '^cplan_' <<<"$defined" || true)
[ -z "$foreign" ] || problem "symbols outside cplan_ are exported:"$'\n'"$foreign"

exported=$(nm -D --defined-only "$library" | awk '$2 == "T" {print $3}' | sed 's/@.*//' | sort -u)
declared=$(grep -h 'CPLAN_EXPORT' "$header" | grep -oE 'cplan_[a-z0-9_]+ *\(' | tr -d ' (' | sort -u)
[ -n "$declared" ] || problem "no CPLAN_EXPORT declarations found in $header"
if [ "$exported" != "$declared" ]; then
  problem "exported functions differ from the header's declarations (< exported, > declared):"$'\n'"$(diff <(echo "$exported") <(echo "$declared") || true)"
fi

unversioned=$(nm -D --defined-only "$library" | awk '$2 == "T" {print $3}' | grep -v '@@cplan_1\.' || true)
[ -z "$unversioned" ] || problem "functions without a cplan_1.x symbol version:"$'\n'"$unversioned"

dynamic=$(readelf -d "$library")
grep -q "Library soname: \[$soname\]" <<<"$dynamic" || problem "SONAME is not $soname: $(grep SONAME <<<"$dynamic")"
grep -q 'Shared library: \[libprotobuf\.so\.' <<<"$dynamic" || problem "libprotobuf.so is not a dynamic dependency"

if [ $status -eq 0 ]; then
  echo "OK: $(wc -l <<<"$exported") cplan_ functions exported, SONAME $soname, nothing else"
  nm -D --defined-only "$library"
fi
exit $status
