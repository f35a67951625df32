// Peak memory of one analysis through the C ABI, against the size of the plan's binary form.
//
//   memory_probe PLAN.binpb   ->  one JSON object on stdout
//
// Two measures, taken in a process of its own so nothing else is on the heap:
//  - heap_peak_bytes: the most heap the call held at once beyond what was live before it, counted
//    by wrapping glibc's malloc family (so protobuf, Abseil and the C++ runtime are all seen; each
//    block counts at its usable size);
//  - rss_growth_bytes: growth of the peak resident set (getrusage ru_maxrss) across the call, which
//    also sees allocator slack and fragmentation.
// Both are of the first call on a fresh engine. The engine keeps scratch blocks between calls
// (docs/memory.md), so the probe then analyses the plan twice more on the same engine and reports
// the third call as a host that reuses its engine sees it:
//  - warm_heap_peak_bytes: the most heap held at once during that call beyond what was live before
//    the engine's first call, i.e. with the blocks the engine kept counted;
//  - retained_bytes: what the engine holds between calls after it (its output freed);
//  - warm_call_ms: that call's wall time.
// The input bytes are read before either baseline is taken: they belong to the host.
#include <malloc.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "contactplan/contactplan.h"

// glibc's own allocator entry points, which the wrappers below forward to.
extern "C" {
void* __libc_malloc(size_t size);
void __libc_free(void* ptr);
void* __libc_calloc(size_t count, size_t size);
void* __libc_realloc(void* ptr, size_t size);
void* __libc_memalign(size_t alignment, size_t size);
}

namespace {

std::atomic<int64_t> live_bytes{0};
std::atomic<int64_t> peak_bytes{0};

void Track(void* ptr) {
  if (ptr == nullptr) return;
  const int64_t now =
      live_bytes.fetch_add(static_cast<int64_t>(malloc_usable_size(ptr))) +
      static_cast<int64_t>(malloc_usable_size(ptr));
  int64_t peak = peak_bytes.load();
  while (now > peak && !peak_bytes.compare_exchange_weak(peak, now)) {
  }
}

void Untrack(void* ptr) {
  if (ptr != nullptr) live_bytes.fetch_sub(static_cast<int64_t>(malloc_usable_size(ptr)));
}

int64_t MaxRssBytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<int64_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

}  // namespace

// Interposed for the whole process, libcontactplan.so and libprotobuf.so included.
extern "C" {
void* malloc(size_t size) {
  void* ptr = __libc_malloc(size);
  Track(ptr);
  return ptr;
}
void free(void* ptr) {
  Untrack(ptr);
  __libc_free(ptr);
}
void* calloc(size_t count, size_t size) {
  void* ptr = __libc_calloc(count, size);
  Track(ptr);
  return ptr;
}
void* realloc(void* ptr, size_t size) {
  Untrack(ptr);
  void* moved = __libc_realloc(ptr, size);
  // A failed realloc leaves the old block in place.
  Track(moved != nullptr || size == 0 ? moved : ptr);
  return moved;
}
void* memalign(size_t alignment, size_t size) {
  void* ptr = __libc_memalign(alignment, size);
  Track(ptr);
  return ptr;
}
void* aligned_alloc(size_t alignment, size_t size) { return memalign(alignment, size); }
int posix_memalign(void** out, size_t alignment, size_t size) {
  *out = memalign(alignment, size);
  return *out == nullptr ? 12 /* ENOMEM */ : 0;
}
}

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: memory_probe PLAN.binpb\n");
    return 64;
  }
  std::ifstream file(argv[1], std::ios::binary);
  const std::string plan{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  if (!file.eof() && !file) {
    std::fprintf(stderr, "memory_probe: cannot read %s\n", argv[1]);
    return 1;
  }
  cplan_engine* engine = nullptr;
  char* message = nullptr;
  if (cplan_engine_create(nullptr, 0, CPLAN_FORMAT_BINARY, &engine, &message) != CPLAN_OK) {
    std::fprintf(stderr, "memory_probe: %s\n", message);
    return 1;
  }

  const int64_t heap_before = live_bytes.load();
  peak_bytes.store(heap_before);
  const int64_t rss_before = MaxRssBytes();
  const auto start = std::chrono::steady_clock::now();
  char* output = nullptr;
  size_t output_len = 0;
  const cplan_status status =
      cplan_analyze(engine, plan.data(), plan.size(), CPLAN_FORMAT_BINARY, nullptr, 0,
                    CPLAN_FORMAT_BINARY, CPLAN_FORMAT_BINARY, &output, &output_len, &message);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  const int64_t heap_peak = peak_bytes.load() - heap_before;
  const int64_t rss_growth = MaxRssBytes() - rss_before;
  if (status != CPLAN_OK) {
    std::fprintf(stderr, "memory_probe: %s: %s\n", cplan_status_name(status), message);
    return 1;
  }
  cplan_free(output);

  int64_t warm_peak = 0;
  std::chrono::steady_clock::duration warm_elapsed{};
  for (int call = 2; call <= 3; ++call) {
    peak_bytes.store(live_bytes.load());
    const auto warm_start = std::chrono::steady_clock::now();
    if (cplan_analyze(engine, plan.data(), plan.size(), CPLAN_FORMAT_BINARY, nullptr, 0,
                      CPLAN_FORMAT_BINARY, CPLAN_FORMAT_BINARY, &output, &output_len,
                      &message) != CPLAN_OK) {
      std::fprintf(stderr, "memory_probe: call %d: %s\n", call, message);
      return 1;
    }
    warm_elapsed = std::chrono::steady_clock::now() - warm_start;
    warm_peak = peak_bytes.load() - heap_before;
    cplan_free(output);
  }
  const int64_t retained = live_bytes.load() - heap_before;
  std::printf(
      "{\"plan_bytes\": %zu, \"analysis_bytes\": %zu, \"heap_peak_bytes\": %lld, "
      "\"rss_growth_bytes\": %lld, \"rss_before_bytes\": %lld, \"single_call_ms\": %.3f, "
      "\"warm_heap_peak_bytes\": %lld, \"retained_bytes\": %lld, \"warm_call_ms\": %.3f}\n",
      plan.size(), output_len, static_cast<long long>(heap_peak),
      static_cast<long long>(rss_growth), static_cast<long long>(rss_before),
      std::chrono::duration<double, std::milli>(elapsed).count(),
      static_cast<long long>(warm_peak), static_cast<long long>(retained),
      std::chrono::duration<double, std::milli>(warm_elapsed).count());
  cplan_engine_destroy(engine);
  return 0;
}
