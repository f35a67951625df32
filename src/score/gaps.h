// Relationship-level and preference gaps (docs/scores.md).
#ifndef CONTACTPLAN_SRC_SCORE_GAPS_H_
#define CONTACTPLAN_SRC_SCORE_GAPS_H_

#include "contactplan/v1/analysis.pb.h"
#include "model/context.h"

namespace contactplan::score {

// One RelationshipGap per person (plan order) and one PreferenceGap per participant of every
// opportunity, open or closed (plan order).
//
// Relationship gap: desired - current in levels, an unset current level counting as VENDOR; 0 when
// no desired level is set; negative when over-invested.
// Preference gap: desired - planning preference (see PlanningPreference) in levels; 0 when no
// desired preference is set.
void ComputeGaps(const model::Context& context, v1::Gaps* gaps);

// The effective preference of a stated one: NEUTRAL is planned as NON_SUPPORTER, anything else is
// kept as stated (PREFERENCE_UNSPECIFIED stays unset, so the analysis does not invent a statement).
v1::Preference EffectivePreference(v1::Preference current);

// The preference planning works with: the effective preference, with an unset one taken as
// NON_SUPPORTER (support nobody has stated is no support). Used for gaps and readiness.
v1::Preference PlanningPreference(v1::Preference current);

}  // namespace contactplan::score

#endif  // CONTACTPLAN_SRC_SCORE_GAPS_H_
