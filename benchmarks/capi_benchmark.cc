// End to end through the C ABI: plan bytes in, analysis bytes out, in binary and in JSON, the way a
// CRM host calls libcontactplan.so.
//
//   capi_benchmark [--benchmark_* flags] LABEL=PLAN.binpb ...
//
// Plans come from files (bench_generate_plan writes them) because this process must link nothing
// but the shared library: a statically linked engine or generator would register the contactplan.v1
// schema a second time, which the protobuf runtime refuses.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "benchmark/benchmark.h"
#include "contactplan/contactplan.h"
#include "least_of_repetitions.h"

namespace {

struct Buffer {
  char* data = nullptr;
  size_t size = 0;
  ~Buffer() { cplan_free(data); }
};

[[noreturn]] void Die(const std::string& what, char* message) {
  std::cerr << "capi_benchmark: " << what << ": " << (message != nullptr ? message : "") << "\n";
  cplan_free(message);
  std::exit(1);
}

const cplan_engine* SharedEngine() {
  static cplan_engine* engine = [] {
    cplan_engine* created = nullptr;
    char* message = nullptr;
    if (cplan_engine_create(nullptr, 0, CPLAN_FORMAT_BINARY, &created, &message) != CPLAN_OK) {
      Die("cplan_engine_create", message);
    }
    return created;
  }();
  return engine;
}

// One cplan_analyze call per iteration, output freed inside the loop as a host would.
void AnalyzeThroughCapi(benchmark::State& state, const std::string& plan, cplan_format format) {
  const cplan_engine* engine = SharedEngine();
  for (auto _ : state) {
    char* output = nullptr;
    size_t output_len = 0;
    char* message = nullptr;
    const cplan_status status = cplan_analyze(engine, plan.data(), plan.size(), format, nullptr, 0,
                                              CPLAN_FORMAT_BINARY, format, &output, &output_len,
                                              &message);
    if (status != CPLAN_OK) {
      state.SkipWithError(message != nullptr ? message : cplan_status_name(status));
      cplan_free(message);
      break;
    }
    benchmark::DoNotOptimize(output);
    benchmark::ClobberMemory();
    cplan_free(output);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(plan.size()));
  // Analyses per second over all threads: the figure a host sizes its servers by.
  state.SetItemsProcessed(state.iterations());
}

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) Die("cannot read " + path, nullptr);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::string ToJson(const std::string& binary) {
  Buffer json;
  char* message = nullptr;
  if (cplan_convert(SharedEngine(), binary.data(), binary.size(), CPLAN_FORMAT_BINARY,
                    CPLAN_FORMAT_JSON, &json.data, &json.size, &message) != CPLAN_OK) {
    Die("cplan_convert to JSON", message);
  }
  return std::string(json.data, json.size);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (!CPLAN_CHECK_VERSION()) Die("library too old for this header", nullptr);
  // Plans live as long as the process: the registered benchmarks refer to them.
  static std::vector<std::pair<std::string, std::string>> plans;  // label, binary bytes
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    const size_t eq = argument.find('=');
    if (eq == std::string::npos) {
      std::cerr << "usage: capi_benchmark [--benchmark_* flags] LABEL=PLAN.binpb ...\n";
      return 64;
    }
    plans.emplace_back(argument.substr(0, eq), ReadFile(argument.substr(eq + 1)));
  }
  static std::vector<std::string> json_plans;
  json_plans.reserve(plans.size());
  for (const auto& [label, binary] : plans) {
    json_plans.push_back(ToJson(binary));
    const std::string& json = json_plans.back();
    benchmark::RegisterBenchmark(("BM_CapiAnalyze/" + label + "/binary").c_str(),
                                 [&binary](benchmark::State& state) {
                                   AnalyzeThroughCapi(state, binary, CPLAN_FORMAT_BINARY);
                                 })
        ->Unit(benchmark::kMicrosecond)
        ->Apply(contactplan::bench::ReportLeast);
    benchmark::RegisterBenchmark(("BM_CapiAnalyze/" + label + "/json").c_str(),
                                 [&json](benchmark::State& state) {
                                   AnalyzeThroughCapi(state, json, CPLAN_FORMAT_JSON);
                                 })
        ->Unit(benchmark::kMicrosecond)
        ->Apply(contactplan::bench::ReportLeast);
  }
  // Many host threads on one shared engine: throughput should scale with the cores.
  if (!plans.empty()) {
    const std::string& binary = plans.front().second;
    benchmark::RegisterBenchmark(("BM_CapiAnalyzeThreads/" + plans.front().first + "/binary").c_str(),
                                 [&binary](benchmark::State& state) {
                                   AnalyzeThroughCapi(state, binary, CPLAN_FORMAT_BINARY);
                                 })
        ->Threads(1)
        ->Threads(2)
        ->UseRealTime()
        ->Unit(benchmark::kMicrosecond)
        ->Apply(contactplan::bench::ReportLeast);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
