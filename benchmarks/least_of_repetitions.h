// The minimum over repetitions, as a benchmark statistic.
//
// The benchmark machine is a shared 2-vCPU VM: other tenants and builds add time to some
// repetitions and never take any away, so the least of several repetitions (each itself an average
// over many iterations) is the steadiest estimate of what the code costs. RESULTS.md reports it.
#ifndef CONTACTPLAN_BENCHMARKS_LEAST_OF_REPETITIONS_H_
#define CONTACTPLAN_BENCHMARKS_LEAST_OF_REPETITIONS_H_

#include <algorithm>
#include <vector>

#include "benchmark/benchmark.h"

namespace contactplan::bench {

inline double Least(const std::vector<double>& values) {
  return values.empty() ? 0 : *std::min_element(values.begin(), values.end());
}

// Adds the "min" aggregate: BENCHMARK(BM_x)->Apply(ReportLeast).
inline void ReportLeast(benchmark::internal::Benchmark* b) { b->ComputeStatistics("min", Least); }

}  // namespace contactplan::bench

#endif  // CONTACTPLAN_BENCHMARKS_LEAST_OF_REPETITIONS_H_
