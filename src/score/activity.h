// Activity per intersection from its recorded touches (docs/time.md#activity).
#ifndef CONTACTPLAN_SRC_SCORE_ACTIVITY_H_
#define CONTACTPLAN_SRC_SCORE_ACTIVITY_H_

#include <optional>

#include "absl/time/time.h"
#include "contactplan/v1/analysis.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "model/context.h"

namespace contactplan::score {

// Activity strength 0-100 of relationship r at `now`: each dated touch at or before now weighs
// kind * direction * 0.5^(age in days / settings.activity_half_life_days) (weights in
// settings.tuning.activity, docs/tuning.md `activity.*`); strength = 100 * sum / (sum +
// activity.half_strength_sum). 0 without touches or without a now. O(touches of r).
double ActivityStrength(const model::Context& context, model::RelationshipIx r);

// Appends one entry per relationship with dated touches, between people who have not left, in plan
// order. O(relationships + touches).
void ComputeActivity(const model::Context& context,
                     google::protobuf::RepeatedPtrField<v1::IntersectionActivity>* activity);

}  // namespace contactplan::score

#endif  // CONTACTPLAN_SRC_SCORE_ACTIVITY_H_
