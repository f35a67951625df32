// The memory bounds docs/limits.md states, as the heavy tests check them. Peak resident memory of
// one process, from start to exit (so the host's or the command line's own copy of the input is
// included), in bytes.
#ifndef CONTACTPLAN_TESTS_RELIABILITY_MEMORY_BOUND_H_
#define CONTACTPLAN_TESTS_RELIABILITY_MEMORY_BOUND_H_

#include <cstdint>

namespace contactplan::testing {

// What the bounds are stated in: the plan's binary size; its entities, which the analysis reports
// on one by one (persons, team members, relationships, opportunities, participants, blueprint
// entries, tactics); and its details, which it only reads (history entries, NPS answers,
// influences).
struct PlanSize {
  uint64_t bytes = 0;
  uint64_t entities = 0;
  uint64_t details = 0;
};

inline constexpr uint64_t kKiB = 1024;
inline constexpr uint64_t kMiB = 1024 * kKiB;

// Analysing a plan (validation, analysis, the analysis written in binary):
// 64 MiB + 4 bytes per plan byte + 6 KiB per entity + 1 KiB per detail.
inline uint64_t AnalysisMemoryBound(const PlanSize& plan) {
  return 64 * kMiB + 4 * plan.bytes + 6 * kKiB * plan.entities + kKiB * plan.details;
}

// Refusing a plan that parses but exceeds a limit or is invalid: the parse and the checks, no
// analysis. 64 MiB + 4 bytes per plan byte + 512 bytes per entity and per detail.
inline uint64_t RefusalMemoryBound(const PlanSize& plan) {
  return 64 * kMiB + 4 * plan.bytes + 512 * (plan.entities + plan.details);
}

// Reading a plan in a text format (JSON, text format, the CSV grid), which is parsed into a tree of
// values or a table of cells before the plan is built: 64 MiB + 128 bytes per byte of text, for an
// input refused (unparsable, invalid, over a count limit) as for one read. The worst measured is
// JSON of tiny values (one person with 16M buyer roles: 55 bytes per byte); a CSV row of empty
// cells costs about 50, and twice that when the row's cell table has just doubled.
inline uint64_t TextInputMemoryBound(uint64_t text_bytes) { return 64 * kMiB + 128 * text_bytes; }

// Refusing an input over limits.max_input_bytes: nothing of it is parsed, or, by the command line,
// even read. 32 MiB, plus the caller's own copy of the input where it holds one.
inline constexpr uint64_t kUnreadInputMemoryBound = 32 * kMiB;

}  // namespace contactplan::testing

#endif  // CONTACTPLAN_TESTS_RELIABILITY_MEMORY_BOUND_H_
