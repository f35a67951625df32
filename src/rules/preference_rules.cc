// Preference: how much each participant of an open opportunity supports us.
//
// Only open opportunities are planned: closed ones are kept for history, and a participant's
// support in a deal that is over needs no action.
#include <string>

#include "absl/strings/str_cat.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::OpportunityIx;
using model::PersonIx;

// Calls fn(o, i, participant, p) for every participant of every open opportunity, in plan order.
template <typename Fn>
void ForEachOpenParticipant(const model::PlanIndex& index, Fn fn) {
  const v1::Plan& plan = index.plan();
  for (OpportunityIx o = 0; o < plan.opportunities_size(); ++o) {
    const v1::Opportunity& opportunity = plan.opportunities(o);
    if (opportunity.closed()) continue;
    for (int32_t i = 0; i < opportunity.participants_size(); ++i) {
      const v1::Participant& participant = opportunity.participants(i);
      const PersonIx p = index.FindPerson(participant.person_id());
      if (p == model::kNone) continue;  // not reachable for a validated plan
      if (index.has_left(p)) continue;  // history: only the rules about leaving see them
      fn(o, i, participant, p);
    }
  }
}

// Planning counts only support it has seen: a Neutral is planned as a Non-Supporter (docs/vocabulary.md), and
// so is a participant whose preference was never recorded.
v1::Preference EffectivePreference(v1::Preference current) {
  if (current == v1::NEUTRAL || current == v1::PREFERENCE_UNSPECIFIED) return v1::NON_SUPPORTER;
  return current;
}

// "Dana Reyes (CFO), Approver in the opportunity "ERP renewal","
std::string Who(const model::PlanIndex& index, OpportunityIx o, const v1::Participant& participant,
                PersonIx p) {
  return absl::StrCat(PersonLabel(index, p), ", ", BuyingRoleWord(participant.buying_role()),
                      " in the ", OpportunityLabel(index, o), ",");
}

// The participant a finding of this family is about: its path is opportunities[o].participants[i].
const v1::Participant& ParticipantOf(const model::PlanIndex& index, const Finding& finding) {
  return index.plan().opportunities(finding.at.at[0]).participants(finding.at.at[1]);
}

// The start of every sentence of this family, for the finding's participant.
std::string WhoOf(const model::PlanIndex& index, const Finding& finding) {
  return Who(index, finding.at.at[0], ParticipantOf(index, finding), finding.persons[0]);
}

// The sentences below are written only for listed findings.
void NeutralAsNonSupporterMessage(const model::Context& context, const Finding& finding,
                                  std::string* message) {
  absl::StrAppend(message, WhoOf(context.index, finding), " is Neutral, which planning counts as "
                  "Non-Supporter: neutral people side with whoever gives them a reason; find out "
                  "what would make them support us.");
}

void PreferenceGapMessage(const model::Context& context, const Finding& finding,
                          std::string* message) {
  const v1::Participant& participant = ParticipantOf(context.index, finding);
  const v1::Preference desired = participant.desired_preference();
  const v1::Preference effective = EffectivePreference(participant.preference());
  const int32_t gap = desired - effective;
  absl::StrAppend(message, WhoOf(context.index, finding), " is ",
                  PreferenceWord(participant.preference()));
  if (participant.preference() != effective) {
    absl::StrAppend(message, ", planned as ", PreferenceWord(effective));
  }
  absl::StrAppend(message, " but should be ", PreferenceWord(desired), " (", gap,
                  gap == 1 ? " level" : " levels",
                  " to go); plan what each of their concerns needs to hear from us, one "
                  "level at a time.");
}

void DecisionMakerNotSupportiveMessage(const model::Context& context, const Finding& finding,
                                       std::string* message) {
  const v1::Participant& participant = ParticipantOf(context.index, finding);
  absl::StrAppend(message, WhoOf(context.index, finding), " is ",
                  participant.preference() == v1::PREFERENCE_UNSPECIFIED
                      ? "not known to support us"
                      : absl::StrCat("rated ", PreferenceWord(participant.preference())),
                  "; a deal rarely closes without its decision makers and approvers "
                  "behind it: learn what they need to say yes, and who they listen to.");
}

void EnemyInBuyingGroupMessage(const model::Context& context, const Finding& finding,
                               std::string* message) {
  absl::StrAppend(message, WhoOf(context.index, finding), " works against us; learn why (often a "
                  "stake in another supplier or a past event), limit their influence through "
                  "people they respect, and never let them be surprised.");
}

void NeutralAsNonSupporter(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  ForEachOpenParticipant(index, [&](OpportunityIx o, int32_t i, const v1::Participant& participant,
                                    PersonIx p) {
    if (participant.preference() != v1::NEUTRAL) return;
    sink.Add(v1::INFO, NeutralAsNonSupporterMessage).Person(p).Opportunity(o).AtParticipant(o, i);
  });
}

void PreferenceGap(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const int32_t warning_levels = in.settings().preference_gap_warning_levels;
  ForEachOpenParticipant(index, [&](OpportunityIx o, int32_t i, const v1::Participant& participant,
                                    PersonIx p) {
    const v1::Preference desired = participant.desired_preference();
    if (desired == v1::PREFERENCE_UNSPECIFIED) return;
    const v1::Preference effective = EffectivePreference(participant.preference());
    const int32_t gap = desired - effective;
    if (gap < 1) return;
    sink.Add(gap >= warning_levels ? v1::WARNING : v1::INFO, PreferenceGapMessage)
        .Person(p)
        .Opportunity(o)
        .Number("current_preference", participant.preference())
        .Number("effective_preference", effective)
        .Number("desired_preference", desired)
        .Number("gap_levels", gap)
        .AtParticipant(o, i);
  });
}

void DecisionMakerNotSupportive(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  ForEachOpenParticipant(index, [&](OpportunityIx o, int32_t i, const v1::Participant& participant,
                                    PersonIx p) {
    const auto role = participant.buying_role();
    if (role != v1::Participant::DECISION_MAKER && role != v1::Participant::APPROVER) return;
    const v1::Preference effective = EffectivePreference(participant.preference());
    if (effective >= v1::SUPPORTER) return;
    sink.Add(v1::CRITICAL, DecisionMakerNotSupportiveMessage)
        .Person(p)
        .Opportunity(o)
        .Number("effective_preference", effective)
        .AtParticipant(o, i);
  });
}

void EnemyInBuyingGroup(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  ForEachOpenParticipant(index, [&](OpportunityIx o, int32_t i, const v1::Participant& participant,
                                    PersonIx p) {
    if (participant.preference() != v1::ENEMY) return;
    sink.Add(v1::WARNING, EnemyInBuyingGroupMessage).Person(p).Opportunity(o).AtParticipant(o, i);
  });
}

}  // namespace

extern constinit const Rule kNeutralAsNonSupporter{
    .info = {.code = "NEUTRAL_AS_NON_SUPPORTER",
             .fires_when = "a participant's current preference is NEUTRAL (planned as "
                           "NON_SUPPORTER)",
             .severity = "INFO",
             .explanation =
                 "A neutral participant has not decided, and people who have not decided tend to "
                 "follow whoever gives them the best reason, which may be a competitor. Planning "
                 "therefore counts a Neutral as a Non-Supporter. Find out what the person cares "
                 "about in this decision and give them a reason to support us. Closed "
                 "opportunities are not checked."},
    .needs_now = false,
    .evaluate = NeutralAsNonSupporter,
    .reason = {.scope = ReasonScope::kPerson}};

extern constinit const Rule kPreferenceGap{
    .info = {.code = "PREFERENCE_GAP",
             .fires_when = "a participant's effective preference is below the desired one",
             .severity = "INFO; WARNING if 2 or more levels",
             .explanation =
                 "The participant supports us less than the opportunity needs. The effective "
                 "preference is the one planning relies on: Neutral counts as Non-Supporter, and "
                 "so does a preference nobody recorded. Preference, like grades, moves one step at "
                 "a time, so a gap of two or more levels needs a plan that starts now. Only open "
                 "opportunities are checked; participants without a desired preference have no "
                 "gap."},
    .needs_now = false,
    .evaluate = PreferenceGap,
    .reason = {.scope = ReasonScope::kPerson}};

extern constinit const Rule kDecisionMakerNotSupportive{
    .info = {.code = "DECISION_MAKER_NOT_SUPPORTIVE",
             .fires_when = "a DECISION_MAKER or APPROVER in an open opportunity has an effective "
                           "preference below SUPPORTER (unset included)",
             .severity = "CRITICAL",
             .explanation =
                 "The people who make or approve the decision are not known to support us: they "
                 "are neutral, against us, or their preference was never recorded. Whatever our "
                 "supporters do further down, the deal is decided here. Learn what each of them "
                 "needs to say yes, who they listen to, and what risk they see in choosing us; "
                 "then plan the contacts that address it."},
    .needs_now = false,
    .evaluate = DecisionMakerNotSupportive,
    .reason = {.scope = ReasonScope::kPerson}};

extern constinit const Rule kEnemyInBuyingGroup{
    .info = {.code = "ENEMY_IN_BUYING_GROUP",
             .fires_when = "a participant of an open opportunity is an ENEMY",
             .severity = "WARNING",
             .explanation =
                 "Someone in the buying group actively works against us, often because they favour "
                 "another supplier or remember a bad experience. An enemy rarely becomes a "
                 "supporter quickly, but their influence can be contained: learn their reasons, "
                 "keep them informed so they are never surprised, and make sure the people they "
                 "answer to hear our case from someone they respect."},
    .needs_now = false,
    .evaluate = EnemyInBuyingGroup,
    .reason = {.scope = ReasonScope::kPerson}};

}  // namespace contactplan::rules
