#include "recommend/priority.h"

#include <algorithm>
#include <cmath>

#include "model/grade_history.h"

namespace contactplan::recommend {
namespace {

// How pressing the step is from the grade alone: a relationship working against us is more
// pressing than one that merely lacks warmth, and a blank cell less than a cold one (nothing is
// being lost yet).
double BaseUrgency(v1::Grade current) {
  switch (current) {
    case v1::MOTIVATED_TO_CHANGE:
      return 1.0;
    case v1::DISSATISFIED:
      return 0.9;
    case v1::INDIFFERENT:
      return 0.7;
    case v1::SATISFIED:
      return 0.4;
    case v1::OPEN:
      return 0.25;
    default:
      return 0.6;  // blank
  }
}

// How likely one step succeeds within a horizon: repairing is harder than building, and the top
// step (to TRUST) takes the longest.
double StepFeasibility(v1::Grade current) {
  switch (current) {
    case v1::MOTIVATED_TO_CHANGE:
      return 0.3;
    case v1::DISSATISFIED:
      return 0.5;
    case v1::INDIFFERENT:
      return 0.7;
    case v1::SATISFIED:
      return 0.6;
    case v1::OPEN:
      return 0.4;
    default:
      return 0.7;  // blank
  }
}

double Round(double value, double scale) { return std::round(value * scale) / scale; }

}  // namespace

double WithFallingUrgency(const model::Context& context, model::RelationshipIx cell, double urgency) {
  if (cell == model::kNone || !context.now) return urgency;
  const v1::ActivityTuning& tuning = context.settings.tuning.activity();
  if (!model::FellWithin(context.index.relationship(cell), *context.now,
                         absl::Hours(24) * tuning.falling_window_days())) {
    return urgency;
  }
  return 1 - (1 - urgency) * (1 - std::min(1.0, tuning.falling_urgency()));
}

double Urgency(v1::Grade current, ReasonSet reasons) {
  double calm = 1 - BaseUrgency(current);
  const std::span<const ReasonCode> codes = ReasonCodes();
  for (size_t i = 0; i < codes.size(); ++i) {
    if (reasons & (ReasonSet{1} << i)) calm *= 1 - codes[i].reason.urgency_boost;
  }
  return 1 - calm;
}

double Feasibility(v1::Grade current, double seniority_fit, double leverage) {
  return 1 - (1 - StepFeasibility(current) * seniority_fit) * (1 - leverage);
}

v1::Priority MakePriority(double importance, double urgency, double feasibility) {
  v1::Priority priority;
  priority.set_importance(Round(importance, 1e3));
  priority.set_urgency(Round(urgency, 1e3));
  priority.set_feasibility(Round(feasibility, 1e3));
  priority.set_score(
      Round(100 * priority.importance() * priority.urgency() * priority.feasibility(), 1e2));
  return priority;
}

}  // namespace contactplan::recommend
