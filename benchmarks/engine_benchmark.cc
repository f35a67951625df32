// The engine in C++: the I/O floor of the typical plan, its analysis, and the size sweeps of the
// whole analysis and of the recommendation stage alone.
//
// Names matter: benchmarks/report.py reads them to compute the target ratios (RESULTS.md).
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "bench_plans.h"
#include "least_of_repetitions.h"
#include "benchmark/benchmark.h"
#include "contactplan/engine.h"
#include "contactplan/plan_diff.h"
#include "contactplan/plan_io.h"
#include "google/protobuf/arena.h"
#include "io/relationship_wire.h"
#include "io/wire_schema.h"
#include "io/wire_strings.h"
#include "model/context.h"
#include "model/plan_index.h"
#include "model/relationship_table.h"
#include "model/time.h"
#include "options/settings.h"
#include "recommend/recommendations.h"
#include "rules/rules.h"
#include "model/influence_web.h"

namespace contactplan::bench {
namespace {

v1::Analysis AnalysisOf(const v1::Plan& plan) {
  absl::StatusOr<v1::Analysis> analysis = DefaultEngine().Analyze(plan);
  if (!analysis.ok()) {
    std::cerr << "analysis of a generated plan failed: " << analysis.status() << "\n";
    std::abort();
  }
  return *std::move(analysis);
}

PlanFormat FormatArgument(const benchmark::State& state) {
  return state.range(0) == 0 ? PlanFormat::kBinary : PlanFormat::kJson;
}

void FormatArguments(benchmark::internal::Benchmark* b) {
  b->ArgName("json")->Arg(0)->Arg(1);
}

// ---- The I/O floor: what any engine has to pay to read the plan and write an analysis. --------

void BM_ParsePlan_Typical(benchmark::State& state) {
  const PlanFormat format = FormatArgument(state);
  const std::string bytes = *WritePlan(TypicalPlan(), format);
  for (auto _ : state) {
    absl::StatusOr<v1::Plan> plan = ParsePlan(bytes, format);
    benchmark::DoNotOptimize(plan);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_ParsePlan_Typical)->Apply(FormatArguments)->Apply(ReportLeast);

void BM_WriteAnalysis_Typical(benchmark::State& state) {
  const PlanFormat format = FormatArgument(state);
  const v1::Analysis analysis = AnalysisOf(TypicalPlan());
  for (auto _ : state) {
    absl::StatusOr<std::string> bytes = WriteAnalysis(analysis, format);
    benchmark::DoNotOptimize(bytes);
  }
}
BENCHMARK(BM_WriteAnalysis_Typical)->Apply(FormatArguments)->Apply(ReportLeast);

// Parse the plan and serialize its (precomputed) analysis, in the same format: the floor the end to
// end C ABI call is compared with.
void BM_IoFloor_Typical(benchmark::State& state) {
  const PlanFormat format = FormatArgument(state);
  const std::string bytes = *WritePlan(TypicalPlan(), format);
  const v1::Analysis analysis = AnalysisOf(TypicalPlan());
  for (auto _ : state) {
    absl::StatusOr<v1::Plan> plan = ParsePlan(bytes, format);
    benchmark::DoNotOptimize(plan);
    absl::StatusOr<std::string> out = WriteAnalysis(analysis, format);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_IoFloor_Typical)->Apply(FormatArguments)->Apply(ReportLeast);

// The same floor for the 10,000 x 500 account (100,001 relationships), binary, with the plan parsed
// on an arena as the C ABI does: what the 100 ms target for that account is up against before the
// engine does anything.
void BM_IoFloor_Large(benchmark::State& state) {
  const v1::Plan& plan = SweepPlan(10000, 500);
  const std::string bytes = *WritePlan(plan, PlanFormat::kBinary);
  const v1::Analysis analysis = AnalysisOf(plan);
  for (auto _ : state) {
    google::protobuf::Arena arena;
    auto* parsed = google::protobuf::Arena::CreateMessage<v1::Plan>(&arena);
    absl::Status status = ParsePlanInto(bytes, PlanFormat::kBinary, parsed);
    benchmark::DoNotOptimize(status);
    absl::StatusOr<std::string> out = WriteAnalysis(analysis, PlanFormat::kBinary);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_IoFloor_Large)->Unit(benchmark::kMillisecond)->Apply(ReportLeast);

// ---- JSON beside binary on the 10,000 x 500 account (100,001 relationships): the plan read onto
// an arena as the C ABI does, and its analysis written. report.py gives the JSON / binary ratios.

void BM_ParsePlan_Large(benchmark::State& state) {
  const PlanFormat format = FormatArgument(state);
  const std::string bytes = *WritePlan(SweepPlan(10000, 500), format);
  for (auto _ : state) {
    google::protobuf::Arena arena;
    auto* parsed = google::protobuf::Arena::CreateMessage<v1::Plan>(&arena);
    absl::Status status = ParsePlanInto(bytes, format, parsed);
    benchmark::DoNotOptimize(status);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_ParsePlan_Large)->Apply(FormatArguments)->Unit(benchmark::kMillisecond)
    ->Apply(ReportLeast);

// The same binary plan read with its relationships straight into a RelationshipTable
// (io/relationship_wire.h, which checks the strings' UTF-8 itself) and the rest onto an arena:
// what BM_ParsePlan_Large/json:0 costs when the relationships never become messages.
void BM_ReadRelationshipTable_Large(benchmark::State& state) {
  const std::string bytes = *WritePlan(SweepPlan(10000, 500), PlanFormat::kBinary);
  for (auto _ : state) {
    google::protobuf::Arena arena;
    auto* rest = google::protobuf::Arena::CreateMessage<v1::Plan>(&arena);
    model::RelationshipTable table;
    const bool read = io::ReadPlanWithRelationshipTable(bytes, rest, &table);
    if (!read) {
      state.SkipWithError("the reader gave up on the generated plan");
      break;
    }
    benchmark::DoNotOptimize(table);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_ReadRelationshipTable_Large)->Unit(benchmark::kMillisecond)->Apply(ReportLeast);

void BM_WriteAnalysis_Large(benchmark::State& state) {
  const PlanFormat format = FormatArgument(state);
  const v1::Analysis analysis = AnalysisOf(SweepPlan(10000, 500));
  int64_t written = 0;
  for (auto _ : state) {
    absl::StatusOr<std::string> bytes = WriteAnalysis(analysis, format);
    written = static_cast<int64_t>(bytes->size());
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(state.iterations() * written);
}
BENCHMARK(BM_WriteAnalysis_Large)->Apply(FormatArguments)->Unit(benchmark::kMillisecond)
    ->Apply(ReportLeast);

// ---- The typical plan through the C++ API. -------------------------------------------------------

void BM_Analyze_Typical(benchmark::State& state) {
  const v1::Plan& plan = TypicalPlan();
  const Engine& engine = DefaultEngine();
  for (auto _ : state) {
    absl::StatusOr<v1::Analysis> analysis = engine.Analyze(plan);
    benchmark::DoNotOptimize(analysis);
  }
}
BENCHMARK(BM_Analyze_Typical)->Apply(ReportLeast);

// Bytes in, bytes out, in C++: what the C ABI call does minus the boundary itself.
void BM_EndToEndCpp_Typical(benchmark::State& state) {
  const PlanFormat format = FormatArgument(state);
  const std::string bytes = *WritePlan(TypicalPlan(), format);
  const Engine& engine = DefaultEngine();
  for (auto _ : state) {
    absl::StatusOr<v1::Plan> plan = ParsePlan(bytes, format);
    absl::StatusOr<v1::Analysis> analysis = engine.Analyze(*plan);
    absl::StatusOr<std::string> out = WriteAnalysis(*analysis, format);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_EndToEndCpp_Typical)->Apply(FormatArguments)->Apply(ReportLeast);

// ---- Size sweeps. ----------------------------------------------------------------------------

void SetSweepCounters(benchmark::State& state, const v1::Plan& plan) {
  state.SetComplexityN(plan.relationships_size());
  state.counters["relationships"] = plan.relationships_size();
  state.counters["plan_bytes"] = static_cast<double>(plan.ByteSizeLong());
}

// Validation, indexing, rules, scores and recommendations of an already parsed plan, built on an
// arena as the C ABI builds it (Engine::AnalyzeInto) and freed with it.
void BM_Analyze_Sweep(benchmark::State& state) {
  const v1::Plan& plan =
      SweepPlan(static_cast<int32_t>(state.range(0)), static_cast<int32_t>(state.range(1)));
  const Engine& engine = DefaultEngine();
  for (auto _ : state) {
    google::protobuf::Arena arena;
    auto* analysis = google::protobuf::Arena::CreateMessage<v1::Analysis>(&arena);
    absl::Status status = engine.AnalyzeInto(plan, {}, analysis);
    benchmark::DoNotOptimize(status);
  }
  SetSweepCounters(state, plan);
}
BENCHMARK(BM_Analyze_Sweep)
    ->Apply(SweepArguments)
    ->Complexity()
    ->Unit(benchmark::kMicrosecond)
    ->Apply(ReportLeast);

// The recommendation stage alone, on an index and findings built outside the timed loop: key
// intersections, owners, leverage paths, desired grades, blueprint draft, advice and drift (on an
// arena, as in the C ABI).
void BM_Recommend_Sweep(benchmark::State& state) {
  const v1::Plan& plan =
      SweepPlan(static_cast<int32_t>(state.range(0)), static_cast<int32_t>(state.range(1)));
  const absl::StatusOr<Settings> settings = ResolveSettings(v1::EngineOptions());
  const model::PlanIndex index(plan);
  const model::Context context{index, *settings, model::ToTime(plan.has_as_of(), plan.as_of())};
  const std::vector<rules::Finding> findings =
      rules::EvaluateRules(context, model::ComputeInfluenceWeb(context));
  for (auto _ : state) {
    google::protobuf::Arena arena;
    auto* recommendations = google::protobuf::Arena::CreateMessage<v1::Recommendations>(&arena);
    recommend::Recommend(context, findings, 30, recommendations);
    benchmark::DoNotOptimize(recommendations);
  }
  SetSweepCounters(state, plan);
}
BENCHMARK(BM_Recommend_Sweep)
    ->Apply(SweepArguments)
    ->Complexity()
    ->Unit(benchmark::kMicrosecond)
    ->Apply(ReportLeast);

// ---- What changed: DiffPlans of a plan and a later state of it. --------------------------------

// Two analyses (OLD and NEW) plus the comparison; the comparison itself should be a small share
// of it at every size (its id lookups go through each plan's index).
void BM_DiffPlans_Sweep(benchmark::State& state) {
  const v1::Plan& old_plan =
      SweepPlan(static_cast<int32_t>(state.range(0)), static_cast<int32_t>(state.range(1)));
  // A later state: every tenth grade one step lower.
  v1::Plan new_plan = old_plan;
  for (int r = 0; r < new_plan.relationships_size(); r += 10) {
    v1::Relationship& relationship = *new_plan.mutable_relationships(r);
    if (relationship.grade() > v1::MOTIVATED_TO_CHANGE) {
      relationship.set_grade(static_cast<v1::Grade>(relationship.grade() - 1));
    }
  }
  const Engine& engine = DefaultEngine();
  for (auto _ : state) {
    absl::StatusOr<v1::PlanDiff> diff = DiffPlans(engine, old_plan, new_plan);
    benchmark::DoNotOptimize(diff);
  }
  SetSweepCounters(state, old_plan);
}
BENCHMARK(BM_DiffPlans_Sweep)
    ->Apply(SweepArguments)
    ->Complexity()
    ->Unit(benchmark::kMillisecond)
    ->Apply(ReportLeast);

}  // namespace
}  // namespace contactplan::bench

BENCHMARK_MAIN();
