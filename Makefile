# The two commands of the README. Each installs what is missing (Debian packages, as root), configures
# and builds with CMake presets, then runs.
#   make demo   build, then analyse the bundled example account
#   make test   build, then run every test (C++, the plain-C ABI test, Python) through ctest, then the
#               whole suite again under ASan+UBSan (clang, with short libFuzzer runs) and the threaded
#               C ABI test under TSan
#   make fuzz   run every libFuzzer target for FUZZ_SECONDS (default 60) each
#   make bench  build, then run the benchmark suite: prints the performance targets and rewrites
#               benchmarks/RESULTS.md (a few minutes on 2 cores)

PACKAGES := g++ gcc cmake ninja-build pkg-config make \
            libprotobuf-dev protobuf-compiler libabsl-dev \
            libgtest-dev libgmock-dev libbenchmark-dev \
            python3 python3-protobuf python3-pytest \
            libsimdjson-dev libicu-dev \
            python3-setuptools python3-wheel python3-venv python3-pip \
            abigail-tools clang libclang-rt-14-dev valgrind
# What only the tests need on top: the browser the HTML report is checked in, and Dask for the
# scale-out test; imagemagick measures the browser's screenshot.
TEST_PACKAGES := chromium python3-dask python3-distributed imagemagick
PRESET ?= release
BUILD_DIR := build
DEMO_PLAN := examples/northwind-grid.csv

.PHONY: all deps test-deps configure build demo test test-asan test-tsan fuzz bench clean

all: build

deps:
	@tools/install-deps.sh $(PACKAGES)

test-deps: deps
	@tools/install-deps.sh $(TEST_PACKAGES)

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	cmake --build --preset $(PRESET)

demo: build
	$(BUILD_DIR)/bin/contactplan analyze $(DEMO_PLAN)

FUZZ_SECONDS ?= 60
FUZZ_TARGETS := fuzz_plan_binary fuzz_plan_json fuzz_plan_csv fuzz_plan_text fuzz_options fuzz_json_differential fuzz_wire_differential \
                fuzz_relationship_wire

test: test-deps build
	ctest --preset $(PRESET)
	@$(MAKE) --no-print-directory test-asan test-tsan

# Every test again with AddressSanitizer + UndefinedBehaviorSanitizer (any report fails the test),
# including a short bounded run of each fuzz target and a replay of its past crashes.
test-asan: deps
	@cmake --preset asan >/dev/null
	cmake --build --preset asan
	ctest --preset asan

# The threaded C ABI test (one engine shared by many threads) under ThreadSanitizer.
test-tsan: deps
	@cmake --preset tsan >/dev/null
	cmake --build --preset tsan --target capi_threads_test
	ctest --preset tsan -R '^capi[.]threads$$'

# Every target runs its full time even when an earlier one crashed; each crashing input is kept under
# tests/fuzz/regressions/<target>/ (the replay test then runs it on every `make test`), and the run
# fails at the end if any target crashed.
fuzz: deps
	@cmake --preset asan >/dev/null
	cmake --build --preset asan --target $(FUZZ_TARGETS)
	@failed=""; for t in $(FUZZ_TARGETS); do \
	  echo "== $$t for $(FUZZ_SECONDS) s"; \
	  tests/fuzz/run_fuzzer.sh build-asan/fuzz/$$t tests/fuzz/corpus/$$t build-asan/fuzz/corpus/$$t \
	    $(FUZZ_SECONDS) > build-asan/fuzz/$$t.log 2>&1; status=$$?; \
	  tail -n 4 build-asan/fuzz/$$t.log; \
	  for input in build-asan/fuzz/corpus/$$t/crashes/*; do \
	    [ -f "$$input" ] || continue; \
	    cp "$$input" tests/fuzz/regressions/$$t/; \
	    echo "kept $$input as tests/fuzz/regressions/$$t/$$(basename "$$input")"; \
	  done; \
	  [ $$status -eq 0 ] || failed="$$failed $$t"; \
	done; \
	[ -z "$$failed" ] || { echo "crashed:$$failed (logs in build-asan/fuzz/, inputs kept)"; exit 1; }

bench: configure
	benchmarks/run.sh $(BUILD_DIR)

clean:
	rm -rf build build-*
