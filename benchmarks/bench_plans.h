// The plans the C++ benchmark suites run on: the typical plan and the size sweep, each generated
// once per process (generating the largest takes longer than analysing it).
#ifndef CONTACTPLAN_BENCHMARKS_BENCH_PLANS_H_
#define CONTACTPLAN_BENCHMARKS_BENCH_PLANS_H_

#include <array>
#include <cstdint>
#include <string>

#include "benchmark/benchmark.h"
#include "contactplan/engine.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan::bench {

struct SweepSize {
  int32_t persons;
  int32_t team_members;
};

// From a small team's first account to the largest enterprise: persons x team members, each about
// three times the one before in relationships (the default density of the generator).
inline constexpr std::array<SweepSize, 7> kSweep = {
    {{10, 5}, {30, 10}, {100, 20}, {300, 50}, {1000, 100}, {3000, 200}, {10000, 500}}};

// The typical plan (generate::TypicalPlanOptions()), and its canonical binary form.
const v1::Plan& TypicalPlan();
const std::string& TypicalPlanBinary();

// The generated plan of one sweep size (seed 1, one opportunity, default density).
const v1::Plan& SweepPlan(int32_t persons, int32_t team_members);

// An engine with default options, shared by every benchmark of the process.
const Engine& DefaultEngine();

// Registers every size of kSweep as the (persons, team members) arguments of `b`.
void SweepArguments(benchmark::internal::Benchmark* b);

}  // namespace contactplan::bench

#endif  // CONTACTPLAN_BENCHMARKS_BENCH_PLANS_H_
