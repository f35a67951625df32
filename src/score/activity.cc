#include "score/activity.h"

#include <cmath>

#include "model/time.h"

namespace contactplan::score {
namespace {

double KindWeight(const v1::ActivityTuning& t, v1::Touch::Kind kind) {
  switch (kind) {
    case v1::Touch::MEETING: return t.kind_meeting();
    case v1::Touch::CALL: return t.kind_call();
    case v1::Touch::EVENT: return t.kind_event();
    case v1::Touch::MESSAGE: return t.kind_message();
    case v1::Touch::EMAIL: return t.kind_email();
    default: return t.kind_unspecified();
  }
}

double DirectionWeight(const v1::ActivityTuning& t, v1::Touch::Direction direction) {
  switch (direction) {
    case v1::Touch::TWO_WAY: return t.direction_two_way();
    case v1::Touch::INBOUND: return t.direction_inbound();
    case v1::Touch::OUTBOUND: return t.direction_outbound();
    default: return t.direction_unspecified();
  }
}

}  // namespace

double ActivityStrength(const model::Context& context, model::RelationshipIx r) {
  if (!context.now) return 0;
  const v1::ActivityTuning& tuning = context.settings.tuning.activity();
  const double half_life_days = context.settings.activity_half_life_days;
  double sum = 0;
  for (const model::TouchRow& touch : context.index.relationships().touches(r)) {
    if (!touch.at.present) continue;
    const absl::Time at = *model::ToTime(touch.at);
    if (at > *context.now) continue;  // not happened yet at "now"
    const double age_days = absl::ToDoubleHours(*context.now - at) / 24;
    sum += KindWeight(tuning, static_cast<v1::Touch::Kind>(touch.kind)) *
           DirectionWeight(tuning, static_cast<v1::Touch::Direction>(touch.direction)) *
           std::exp2(-age_days / half_life_days);
  }
  if (sum <= 0) return 0;
  const double half = tuning.half_strength_sum();
  return half > 0 ? 100 * sum / (sum + half) : 100;
}

void ComputeActivity(const model::Context& context,
                     google::protobuf::RepeatedPtrField<v1::IntersectionActivity>* activity) {
  const model::PlanIndex& index = context.index;
  for (model::RelationshipIx r = 0; r < index.relationship_count(); ++r) {
    const model::TouchSummary& summary = index.touch_summary(r);
    if (summary.touches == 0 || index.relationship_departed(r)) continue;
    v1::IntersectionActivity& entry = *activity->Add();
    const model::RelationshipRow& row = index.relationships()[r];
    entry.set_team_member_id(row.team_member_id.data(), row.team_member_id.size());
    entry.set_person_id(row.person_id.data(), row.person_id.size());
    // Whole-number hundredths keep the output stable across platforms' last bits.
    entry.set_strength(std::round(ActivityStrength(context, r) * 100) / 100);
    entry.set_touches(summary.touches);
    *entry.mutable_last_touch_at() = model::ToTimestamp(*summary.last_touch);
    if (summary.last_inbound) *entry.mutable_last_inbound_at() = model::ToTimestamp(*summary.last_inbound);
  }
}

}  // namespace contactplan::score
