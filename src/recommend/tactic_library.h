// The built-in tactic library: practical actions for each of the seven influence strategies,
// each marked with the three tests of a tactic that invests in the relationship (docs/vocabulary.md): we
// invest our own unpaid time, doing it teaches us about the client, and it shows rather than
// asserts that we are useful beyond the current work.
#ifndef CONTACTPLAN_SRC_RECOMMEND_TACTIC_LIBRARY_H_
#define CONTACTPLAN_SRC_RECOMMEND_TACTIC_LIBRARY_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "contactplan/v1/plan.pb.h"

namespace contactplan::recommend {

// Bit of a grade step in TacticTemplate::steps: the step from `current` (blank = bit 0).
constexpr uint32_t StepBit(v1::Grade current) { return uint32_t{1} << current; }

struct TacticTemplate {
  v1::InfluenceStrategy strategy;
  uint32_t steps;  // the steps it suits, a mask of StepBit
  std::string_view description;
  std::string_view resources;
  bool invests_own_time;
  bool teaches_us;
  bool shows_value;

  int tests_passed() const { return invests_own_time + teaches_us + shows_value; }
};

// The library, grouped by strategy. Every strategy has at least one tactic passing two or more
// tests for some step. Static storage.
std::span<const TacticTemplate> TacticLibrary();

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_TACTIC_LIBRARY_H_
