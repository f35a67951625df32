// The priority of a candidate cell: importance of the person x urgency of the step x feasibility
// for its owner, each 0-1, the score 0-100 (docs/recommendations.md#priority). The numbers are
// docs/tuning.md `recommend.urgency_base`, `recommend.feasibility_step`.
#ifndef CONTACTPLAN_SRC_RECOMMEND_PRIORITY_H_
#define CONTACTPLAN_SRC_RECOMMEND_PRIORITY_H_

#include <array>
#include <cstddef>

#include "contactplan/v1/recommendations.pb.h"
#include "contactplan/v1/tuning.pb.h"
#include "model/context.h"
#include "recommend/reasons.h"

namespace contactplan::recommend {

// The factor 1 - boost of every reason code (ReasonBoost, the boost clamped to 0-1), read from
// `tuning` once: ReasonBoost reads a field by reflection, and the key intersections score every
// candidate with one tuning.
class ReasonFactors {
 public:
  explicit ReasonFactors(const v1::RecommendTuning& tuning);
  double operator[](size_t code) const { return factors_[code]; }

 private:
  std::array<double, 8 * sizeof(ReasonSet)> factors_{};
};

// 1 - (1 - base(current)) * prod(1 - boost) over the reasons * (1 - deal_boost); base from
// `tuning.urgency_base` (GRADE_UNSPECIFIED: a blank cell), each reason's factor 1 - boost from
// `factors`, read from the same `tuning` (ReasonFactors). `deal_boost` (0-1) is the pressure of
// the person's open opportunities (DealView::Pressure), 0 without one.
double Urgency(const v1::RecommendTuning& tuning, const ReasonFactors& factors, v1::Grade current,
               ReasonSet reasons, double deal_boost);

// The grade history's term (docs/time.md#grade-history): a cell whose grade fell within
// tuning.activity.falling_window_days before now gains tuning.activity.falling_urgency, as
// 1 - (1 - urgency) * (1 - falling_urgency); other cells keep `urgency`. Blank cells and a context
// without "now" never fall.
double WithFallingUrgency(const model::Context& context, model::RelationshipIx cell, double urgency);

// 1 - (1 - step(current) * seniority_fit) * (1 - leverage); step from `tuning.feasibility_step`.
// `leverage` is the strength of the best lever (LeverageFinder::Strength), 0 without one.
double Feasibility(const v1::RecommendTuning& tuning, v1::Grade current, double seniority_fit,
                   double leverage);

// Components rounded to 3 decimals and score = 100 * product of the rounded components, rounded to
// 2 decimals, so what a reader recomputes from the output is what the ranking used.
v1::Priority MakePriority(double importance, double urgency, double feasibility);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_PRIORITY_H_
