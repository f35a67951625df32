#include "recommend/tactic_situation.h"

#include <optional>

#include "absl/time/time.h"
#include "model/time.h"

namespace contactplan::recommend {
namespace {

bool Unsupportive(v1::Preference preference) {
  return preference == v1::ENEMY || preference == v1::NON_SUPPORTER || preference == v1::NEUTRAL;
}

bool HasMentor(const v1::Opportunity& opportunity) {
  for (const v1::Participant& participant : opportunity.participants()) {
    if (participant.preference() == v1::MENTOR) return true;
  }
  return false;
}

}  // namespace

SituationReader::SituationReader(const model::Context& context, int32_t horizon_days)
    : context_(context) {
  const v1::Plan& plan = context.index.plan();
  if (plan.account().motivation() != v1::RETENTION || !context.now) return;
  const absl::Time horizon_end = *context.now + absl::Hours(24 * horizon_days);
  for (const v1::Opportunity& opportunity : plan.opportunities()) {
    if (opportunity.closed() || !opportunity.has_expected_close_at()) continue;
    const std::optional<absl::Time> close = model::ToTime(true, opportunity.expected_close_at());
    if (close && *close <= horizon_end) renewal_due_ = true;
  }
}

EntryProfile SituationReader::Profile(const v1::KeyIntersection& key) const {
  const model::PlanIndex& index = context_.index;
  const v1::Plan& plan = index.plan();
  EntryProfile profile;
  profile.current = key.current_grade();
  const model::PersonIx p = index.FindPerson(key.person_id());
  bool unsupportive_decider = false;
  bool champion = false;
  bool late_deal = false;
  if (p != model::kNone) {
    const v1::Person& person = index.person(p);
    for (int role : person.buyer_roles()) {
      if (v1::Person::BuyerRole_IsValid(role) && role != v1::Person::BUYER_ROLE_UNSPECIFIED) {
        profile.buyer_roles |= BuyerRoleBit(static_cast<v1::Person::BuyerRole>(role));
      }
    }
    if (person.level() != v1::LEVEL_UNSPECIFIED && v1::Level_IsValid(person.level())) {
      profile.level = LevelBit(person.level());
    }
    champion = index.has_buyer_role(p, v1::Person::EVANGELIST);
    for (const model::Participation& part : index.open_participations(p)) {
      const v1::Opportunity& opportunity = plan.opportunities(part.opportunity);
      const v1::Participant& participant = opportunity.participants(part.participant);
      const v1::Participant::BuyingRole role = participant.buying_role();
      if (role != v1::Participant::BUYING_ROLE_UNSPECIFIED &&
          v1::Participant::BuyingRole_IsValid(role)) {
        profile.buying_roles |= BuyingRoleBit(role);
      }
      const bool decides =
          role == v1::Participant::DECISION_MAKER || role == v1::Participant::APPROVER;
      unsupportive_decider |= decides && Unsupportive(participant.preference());
      champion |= participant.preference() == v1::MENTOR ||
                  (participant.preference() == v1::SUPPORTER && !HasMentor(opportunity));
      late_deal |= opportunity.stage() >= v1::EVALUATE_RISK &&
                   v1::OpportunityStage_IsValid(opportunity.stage());
    }
  }
  // A D or M cell is always mended first, whatever tier ranked it.
  const bool grievance =
      key.current_grade() == v1::DISSATISFIED || key.current_grade() == v1::MOTIVATED_TO_CHANGE;
  const bool repair = grievance || (key.tier() != v1::KeyIntersection::TIER_UNSPECIFIED
                                        ? key.tier() == v1::KeyIntersection::REPAIR
                                        : unsupportive_decider);
  if (repair) {
    // An opponent this owner has never met: mend it, with nothing that presupposes contact.
    profile.situations =
        key.current_grade() == v1::GRADE_UNSPECIFIED ? kRepair | kFirstContact : kRepair;
    return profile;
  }
  profile.situations = key.current_grade() == v1::GRADE_UNSPECIFIED ? kFirstContact : kGrowth;
  if (champion) profile.situations |= kChampion;
  if (late_deal) profile.situations |= kLateDeal;
  if (renewal_due_) profile.situations |= kRenewal;
  return profile;
}

}  // namespace contactplan::recommend
