// Grade arithmetic every recommendation shares: relationships move one level at a time, the first
// goal of a weak or blank cell is SATISFIED, and effort is the upkeep of the grade reached.
#ifndef CONTACTPLAN_SRC_RECOMMEND_GRADE_STEPS_H_
#define CONTACTPLAN_SRC_RECOMMEND_GRADE_STEPS_H_

#include <algorithm>

#include "contactplan/v1/plan.pb.h"
#include "options/settings.h"

namespace contactplan::recommend {

// One level up: a blank cell's first step is INDIFFERENT. Never above TRUST.
constexpr v1::Grade NextGrade(v1::Grade current) {
  if (current == v1::GRADE_UNSPECIFIED) return v1::INDIFFERENT;
  if (current >= v1::TRUST) return v1::TRUST;
  return static_cast<v1::Grade>(current + 1);
}

// Where the steps from `current` lead: the first grade at SATISFIED or above (a relationship only
// pays its upkeep from there), never beyond `desired` unless the next step itself is.
constexpr v1::Grade GoalGrade(v1::Grade current, v1::Grade desired) {
  const v1::Grade next = NextGrade(current);
  return std::min(std::max(next, v1::SATISFIED), std::max(desired, next));
}

// Effort units a step adds to its owner: upkeep of `goal` minus upkeep of `current` (blank and
// grades below SATISFIED cost nothing to keep). Never negative, even with non-monotone options.
inline double StepEffort(const Settings& settings, v1::Grade current, v1::Grade goal) {
  return std::max(0.0, settings.EffortFor(goal) - settings.EffortFor(current));
}

constexpr bool IsPositive(v1::Grade grade) { return grade >= v1::SATISFIED; }

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_GRADE_STEPS_H_
