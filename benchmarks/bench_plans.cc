#include "bench_plans.h"

#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "contactplan/plan_generator.h"
#include "contactplan/plan_io.h"
#include "google/protobuf/arena.h"

namespace contactplan::bench {
namespace {

// Benchmarks have no way to report a failed setup but to stop: a plan that does not serialize or an
// engine that cannot be built means every figure would be meaningless.
template <typename T>
T OrDie(absl::StatusOr<T> value, const char* what) {
  if (!value.ok()) {
    std::cerr << what << ": " << value.status() << "\n";
    std::abort();
  }
  return *std::move(value);
}

}  // namespace

const v1::Plan& TypicalPlan() {
  static const v1::Plan* const plan =
      new v1::Plan(generate::GeneratePlan(generate::TypicalPlanOptions()));
  return *plan;
}

const std::string& TypicalPlanBinary() {
  static const std::string* const bytes =
      new std::string(OrDie(WritePlan(TypicalPlan(), PlanFormat::kBinary), "typical plan"));
  return *bytes;
}

const v1::Plan& SweepPlan(int32_t persons, int32_t team_members) {
  // Each plan is generated, written and read back onto an arena of its own, as the C ABI reads a
  // host's bytes: the messages then lie in memory the way they do in production, not scattered
  // over the heap the way the generator leaves them.
  struct Parsed {
    std::unique_ptr<google::protobuf::Arena> arena;
    v1::Plan* plan = nullptr;
  };
  static std::mutex mutex;
  static auto* const plans = new std::map<std::pair<int32_t, int32_t>, Parsed>;
  std::lock_guard<std::mutex> lock(mutex);
  Parsed& parsed = (*plans)[{persons, team_members}];
  if (parsed.plan == nullptr) {
    generate::GeneratorOptions options;
    options.persons = persons;
    options.team_members = team_members;
    const std::string bytes =
        OrDie(WritePlan(generate::GeneratePlan(options), PlanFormat::kBinary), "sweep plan");
    parsed.arena = std::make_unique<google::protobuf::Arena>();
    parsed.plan = google::protobuf::Arena::CreateMessage<v1::Plan>(parsed.arena.get());
    if (absl::Status status = ParsePlanInto(bytes, PlanFormat::kBinary, parsed.plan); !status.ok()) {
      std::cerr << "sweep plan: " << status << "\n";
      std::abort();
    }
  }
  return *parsed.plan;
}

const Engine& DefaultEngine() {
  static const Engine* const engine = new Engine(OrDie(Engine::Create(), "default engine"));
  return *engine;
}

void SweepArguments(benchmark::internal::Benchmark* b) {
  b->ArgNames({"persons", "team"});
  for (const SweepSize& size : kSweep) b->Args({size.persons, size.team_members});
}

}  // namespace contactplan::bench
