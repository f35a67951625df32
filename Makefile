# The two commands of the README. Each installs what is missing (Debian packages, as root), configures
# and builds with CMake presets, then runs.
#   make demo   build, then analyse the bundled example account
#   make test   build, then run every test (C++, the plain-C ABI test, Python) through ctest
#   make bench  build, then run the benchmark suite: prints the performance targets and rewrites
#               benchmarks/RESULTS.md (a few minutes on 2 cores)

PACKAGES := g++ gcc cmake ninja-build pkg-config make \
            libprotobuf-dev protobuf-compiler libabsl-dev \
            libgtest-dev libgmock-dev libbenchmark-dev \
            python3 python3-protobuf python3-pytest valgrind \
            abigail-tools
PRESET ?= release
BUILD_DIR := build
DEMO_PLAN := examples/northwind-grid.csv

.PHONY: all deps configure build demo test bench clean

all: build

deps:
	@tools/install-deps.sh $(PACKAGES)

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	cmake --build --preset $(PRESET)

demo: build
	$(BUILD_DIR)/bin/contactplan analyze $(DEMO_PLAN)

test: build
	ctest --preset $(PRESET)

bench: configure
	benchmarks/run.sh $(BUILD_DIR)

clean:
	rm -rf build build-*
