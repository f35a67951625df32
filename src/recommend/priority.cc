#include "recommend/priority.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "options/tuning_values.h"

namespace contactplan::recommend {
namespace {

double Round(double value, double scale) { return std::round(value * scale) / scale; }

// Tuning numbers are not negative (checked when options resolve); a weight above 1 saturates.
double Clamp01(double value) { return std::clamp(value, 0.0, 1.0); }

}  // namespace

double WithFallingUrgency(const model::Context& context, model::RelationshipIx cell, double urgency) {
  if (cell == model::kNone || !context.now) return urgency;
  const v1::ActivityTuning& tuning = context.settings.tuning.activity();
  if (!context.index.fell_within(cell, *context.now,
                                 absl::Hours(24) * tuning.falling_window_days())) {
    return urgency;
  }
  return 1 - (1 - urgency) * (1 - std::min(1.0, tuning.falling_urgency()));
}

ReasonFactors::ReasonFactors(const v1::RecommendTuning& tuning) {
  for (size_t code = 0; code < factors_.size(); ++code) {
    factors_[code] = 1 - Clamp01(ReasonBoost(tuning, code));
  }
}

double Urgency(const v1::RecommendTuning& tuning, const ReasonFactors& factors, v1::Grade current,
               ReasonSet reasons, double deal_boost) {
  // How pressing the step is from the grade alone: a relationship working against us is more
  // pressing than one that merely lacks warmth, and a blank cell less than a cold one.
  double calm = 1 - Clamp01(ValueOf(tuning.urgency_base(), current));
  // The set bits only, lowest first (the product's order, so the result is the same to the bit).
  for (ReasonSet bits = reasons; bits != 0; bits &= bits - 1) {
    calm *= factors[static_cast<size_t>(std::countr_zero(bits))];
  }
  calm *= 1 - Clamp01(deal_boost);
  return 1 - calm;
}

double Feasibility(const v1::RecommendTuning& tuning, v1::Grade current, double seniority_fit,
                   double leverage) {
  const double step = Clamp01(ValueOf(tuning.feasibility_step(), current));
  return 1 - (1 - step * seniority_fit) * (1 - Clamp01(leverage));
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
