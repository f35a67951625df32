// Relationship-level and preference gaps (SPEC §4).
#ifndef CONTACTPLAN_SRC_SCORE_GAPS_H_
#define CONTACTPLAN_SRC_SCORE_GAPS_H_

#include "contactplan/v1/analysis.pb.h"
#include "model/context.h"

namespace contactplan::score {

// One RelationshipGap per person (plan order) and one PreferenceGap per participant of every
// opportunity (plan order).
v1::Gaps ComputeGaps(const model::Context& context);

}  // namespace contactplan::score

#endif  // CONTACTPLAN_SRC_SCORE_GAPS_H_
