// The priority of a candidate cell: importance of the person x urgency of the step x feasibility
// for its owner, each 0-1, the score 0-100 (docs/recommendations.md#priority).
#ifndef CONTACTPLAN_SRC_RECOMMEND_PRIORITY_H_
#define CONTACTPLAN_SRC_RECOMMEND_PRIORITY_H_

#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"
#include "recommend/reasons.h"

namespace contactplan::recommend {

// 1 - (1 - base(current)) * prod(1 - boost) over the reasons; base: MOTIVATED_TO_CHANGE 1,
// DISSATISFIED 0.9, INDIFFERENT 0.7, blank 0.6, SATISFIED 0.4, OPEN 0.25.
double Urgency(v1::Grade current, ReasonSet reasons);

// The grade history's term (docs/time.md#grade-history): a cell whose grade fell within
// tuning.activity.falling_window_days before now gains tuning.activity.falling_urgency, as
// 1 - (1 - urgency) * (1 - falling_urgency); other cells keep `urgency`. Blank cells and a context
// without "now" never fall.
double WithFallingUrgency(const model::Context& context, model::RelationshipIx cell, double urgency);

// 1 - (1 - step(current) * seniority_fit) * (1 - leverage); step: MOTIVATED_TO_CHANGE 0.3,
// DISSATISFIED 0.5, blank 0.7, INDIFFERENT 0.7, SATISFIED 0.6, OPEN 0.4. `leverage` is the
// strength of the best lever (LeverageFinder::Strength), 0 without one.
double Feasibility(v1::Grade current, double seniority_fit, double leverage);

// Components rounded to 3 decimals and score = 100 * product of the rounded components, rounded to
// 2 decimals, so what a reader recomputes from the output is what the ranking used.
v1::Priority MakePriority(double importance, double urgency, double feasibility);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_PRIORITY_H_
