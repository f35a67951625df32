#include "score/gaps.h"

namespace contactplan::score {

v1::Preference EffectivePreference(v1::Preference current) {
  return current == v1::NEUTRAL ? v1::NON_SUPPORTER : current;
}

v1::Preference PlanningPreference(v1::Preference current) {
  return current == v1::PREFERENCE_UNSPECIFIED ? v1::NON_SUPPORTER : EffectivePreference(current);
}

void ComputeGaps(const model::Context& context, v1::Gaps* out) {
  const v1::Plan& plan = context.index.plan();
  v1::Gaps& gaps = *out;

  gaps.mutable_persons()->Reserve(plan.persons_size());
  for (const v1::Person& person : plan.persons()) {
    v1::RelationshipGap& gap = *gaps.add_persons();
    gap.set_person_id(person.id());
    gap.set_current(person.relationship_level());
    gap.set_desired(person.desired_relationship_level());
    if (gap.desired() == v1::RELATIONSHIP_LEVEL_UNSPECIFIED) continue;  // nothing planned: gap 0
    // Nobody has placed an unassessed person on the pyramid yet: they start at its base.
    const v1::RelationshipLevel current =
        gap.current() == v1::RELATIONSHIP_LEVEL_UNSPECIFIED ? v1::VENDOR : gap.current();
    gap.set_gap(gap.desired() - current);
  }

  for (const v1::Opportunity& opportunity : plan.opportunities()) {
    for (const v1::Participant& participant : opportunity.participants()) {
      v1::PreferenceGap& gap = *gaps.add_participants();
      gap.set_opportunity_id(opportunity.id());
      gap.set_person_id(participant.person_id());
      gap.set_current(participant.preference());
      gap.set_effective(EffectivePreference(participant.preference()));
      gap.set_desired(participant.desired_preference());
      if (gap.desired() == v1::PREFERENCE_UNSPECIFIED) continue;  // nothing planned: gap 0
      gap.set_gap(gap.desired() - PlanningPreference(participant.preference()));
    }
  }
}

}  // namespace contactplan::score
