#!/bin/sh
# memcheck.sh VALGRIND EXPECTED_EXIT COMMAND [ARGS...]
#
# Runs COMMAND under valgrind's memcheck and passes when valgrind reports nothing (no invalid read
# or write, no use of uninitialised memory, no definitely lost block) and COMMAND exits with
# EXPECTED_EXIT, so error paths are checked as well as successes. Memory still reachable at exit,
# such as protobuf's global descriptor pool, is not an error: a library may keep it for the life of
# the process. Valgrind writes to a log of its own, so COMMAND's output stays apart from its report.
set -u
valgrind=$1
expected=$2
shift 2
log=$(mktemp "${TMPDIR:-/tmp}/memcheck.XXXXXX") || exit 1
trap 'rm -f "$log"' EXIT

"$valgrind" -q --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
  --error-exitcode=1 --log-file="$log" "$@"
status=$?

if [ -s "$log" ]; then
  cat "$log" >&2
  echo "memcheck: valgrind reported errors in: $*" >&2
  exit 1
fi
if [ "$status" -ne "$expected" ]; then
  echo "memcheck: exit code $status, expected $expected: $*" >&2
  exit 1
fi
exit 0
