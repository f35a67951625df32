#!/usr/bin/env bash
# Installs the build into a fresh prefix and uses it as a host project would:
#   - the expected files are there (C header, C++ wrapper, schema, SONAME links, CMake package,
#     pkg-config file) and the engine's C++ headers are not;
#   - tests/capi/consumer builds against it through find_package(contactplan) and runs;
#   - consumer.c builds through pkg-config alone and runs;
#   - the installed Python package (when built) imports and finds the installed library.
# Usage: check_install.sh BUILD_DIR SOURCE_DIR WORK_DIR LIBDIR PYTHONDIR CMAKE GENERATOR C_COMPILER PYTHON
#        VERSION
set -euo pipefail
build=$1 source=$2 work=$3 libdir=$4 pythondir=$5 cmake=$6 generator=$7 cc=$8 python=$9 version=${10}
prefix=$work/prefix
data=$source/tests/data/capi

rm -rf "$work"
mkdir -p "$work"
unset DESTDIR
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
for file in include/contactplan/contactplan.h include/contactplan/contactplan.hpp \
            share/contactplan/proto/contactplan/v1/plan.proto \
            share/contactplan/proto/contactplan/v1/analysis.proto \
            "$libdir/libcontactplan.so.$version" "$libdir/cmake/contactplan/contactplanConfig.cmake" \
            "$libdir/cmake/contactplan/contactplanConfigVersion.cmake" \
            "$libdir/pkgconfig/contactplan.pc"; do
  [ -f "$prefix/$file" ] || fail "$file is not installed"
done
[ "$(readlink "$prefix/$libdir/libcontactplan.so")" = libcontactplan.so.1 ] || fail "libcontactplan.so does not link to libcontactplan.so.1"
[ "$(readlink "$prefix/$libdir/libcontactplan.so.1")" = libcontactplan.so.$version ] || fail "libcontactplan.so.1 does not link to libcontactplan.so.$version"
for private in engine.h plan_io.h validation.h version.h; do
  [ ! -e "$prefix/include/contactplan/$private" ] || fail "the C++ engine header $private is installed"
done
echo "installed files: OK"

# find_package(contactplan): C and the C++ wrapper.
"$cmake" -S "$source/tests/capi/consumer" -B "$work/cmake-build" -G "$generator" \
         -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >"$work/configure.log" ||
  { cat "$work/configure.log"; fail "the consumer project does not configure against the install"; }
"$cmake" --build "$work/cmake-build" >"$work/build.log" ||
  { cat "$work/build.log"; fail "the consumer project does not build against the install"; }
out=$("$work/cmake-build/consumer" "$data/grid.csv")
[ "$out" = "contactplan $version figure 1x2" ] || fail "find_package consumer printed: $out"
echo "find_package consumer: $out"
"$work/cmake-build/consumer_wrapper" "$data/plan.json" | grep -q '^Ana Ortiz,' ||
  fail "the C++ wrapper consumer did not print the grid"
echo "find_package C++ wrapper consumer: OK"

# pkg-config alone.
export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
# shellcheck disable=SC2046  # pkg-config output is a list of flags
"$cc" -std=c99 -Wall -Werror -o "$work/consumer-pkg-config" "$source/tests/capi/consumer/consumer.c" \
      $(pkg-config --cflags --libs contactplan)
[ "$(pkg-config --modversion contactplan)" = "$version" ] || fail "pkg-config reports $(pkg-config --modversion contactplan)"
out=$(LD_LIBRARY_PATH="$prefix/$libdir" "$work/consumer-pkg-config" "$data/grid.csv")
[ "$out" = "contactplan $version figure 1x2" ] || fail "pkg-config consumer printed: $out"
echo "pkg-config consumer: $out"

# The installed Python package loads the installed library through its relative link.
if [ -n "$pythondir" ] && [ -d "$prefix/$pythondir/contactplan" ]; then
  out=$(cd "$work" && env -u CONTACTPLAN_LIBRARY PYTHONPATH="$prefix/$pythondir" PYTHONDONTWRITEBYTECODE=1 \
        "$python" -c 'import contactplan, sys; e = contactplan.Engine(); print(contactplan.library_path()); print(e.analyze(sys.argv[1]).web.figure)' \
        "$data/grid.csv")
  grep -q "^$prefix/$pythondir/contactplan/libcontactplan.so.1\$" <<<"$out" || fail "installed Python package loaded: $out"
  [ "$(tail -n1 <<<"$out")" = 1x2 ] || fail "installed Python package printed: $out"
  echo "installed Python package: OK"
fi
echo "OK: the installed tree works through find_package and pkg-config"
