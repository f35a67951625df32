#include "recommend/communication.h"

#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"

namespace contactplan::recommend {
namespace {

using Advice = v1::CommunicationAdvice;

struct Cell {
  Advice::Kind kind;
  std::string_view advice;
};

// kTable[audience - 1][stage - 1]. The executive row follows docs/vocabulary.md; the others are the library's
// judgement of what each audience worries about as the buying process moves on (see
// docs/recommendations.md#communication).
constexpr Cell kTable[6][5] = {
    // EXECUTIVE (and power buyers)
    {{Advice::STRATEGIC_DIALOGUE,
      "Strategic dialogue: discuss the business initiatives they are setting up and the pain "
      "behind them; leave products out of it."},
     {Advice::RELATIONSHIP_MAINTENANCE,
      "Relationship maintenance: their team is working out the needs; keep them briefly informed "
      "and stay visible without pulling them into detail."},
     {Advice::RELATIONSHIP_MAINTENANCE,
      "Relationship maintenance: the evaluation is delegated; keep in touch, confirm the "
      "initiative still has their sponsorship, and do not lobby over their team's heads."},
     {Advice::VALUE_COMMUNICATION,
      "Value communication: risk concerns peak now; show the value in their own measures (cost, "
      "revenue, time) and how we share the risk with them."},
     {Advice::VALUE_CONFIRMATION,
      "Value confirmation: confirm that the value is compelling and that the sponsors on both "
      "sides stand behind the agreement, so the deal is not reduced to price."}},
    // SENIOR_MANAGER
    {{Advice::STRATEGIC_DIALOGUE,
      "Strategic dialogue: they turn the executive's initiatives into programmes; discuss the "
      "goals and the obstacles in their area."},
     {Advice::SOLUTION_VISION,
      "Solution vision: agree with them the outline of a solution to the pain they admit, built "
      "on what sets us apart."},
     {Advice::RELATIONSHIP_MAINTENANCE,
      "Relationship maintenance: stay close while their team compares options, and answer their "
      "concerns quickly."},
     {Advice::VALUE_COMMUNICATION,
      "Value communication: give them the value case in numbers they can defend in front of the "
      "executive."},
     {Advice::VALUE_CONFIRMATION,
      "Value confirmation: make sure they still see the value as compelling and will back the "
      "decision."}},
    // MIDDLE_MANAGER (runs the buying process)
    {{Advice::NEEDS_DISCOVERY,
      "Needs discovery: learn how the problem shows up in their operation and what it costs "
      "before proposing anything."},
     {Advice::SOLUTION_VISION,
      "Solution vision: shape the requirements with them so the vision of a solution reflects "
      "what we do best."},
     {Advice::EVALUATION_SUPPORT,
      "Evaluation support: offer an evaluation plan, demonstrations and proof against their "
      "criteria, and answer every concern fully."},
     {Advice::RISK_REDUCTION,
      "Risk reduction: give them what they need to recommend us safely: references, an "
      "implementation plan, named people."},
     {Advice::TERMS_CLARITY,
      "Terms clarity: agree a plan to close with them: who signs, what is still open, and by "
      "when."}},
    // OPERATIONAL_USER
    {{Advice::NEEDS_DISCOVERY,
      "Needs discovery: ask about their daily work and where it hurts; they know the job better "
      "than we do."},
     {Advice::NEEDS_DISCOVERY,
      "Needs discovery: collect the requirements that come from using the solution every day, in "
      "their words."},
     {Advice::EVALUATION_SUPPORT,
      "Evaluation support: let them try it hands-on with their own tasks, with help close at "
      "hand."},
     {Advice::ADOPTION_PLANNING,
      "Adoption planning: show how they will be trained and supported, so the change looks safe "
      "to them."},
     {Advice::ADOPTION_PLANNING,
      "Adoption planning: agree the rollout with them: who starts first, what help they get, and "
      "how success is judged."}},
    // EVALUATOR (advisors: technical, purchasing, legal)
    {{Advice::NEEDS_DISCOVERY,
      "Needs discovery: learn the technical, commercial and legal criteria they will apply "
      "before they are written down."},
     {Advice::EVALUATION_SUPPORT,
      "Evaluation support: help them frame the evaluation criteria and share the technical "
      "material they need early."},
     {Advice::EVALUATION_SUPPORT,
      "Evaluation support: answer their questions with evidence (tests, documents, experts) "
      "rather than claims."},
     {Advice::RISK_REDUCTION,
      "Risk reduction: address security, compliance and contract risks head on, with references "
      "who went through the same review."},
     {Advice::TERMS_CLARITY,
      "Terms clarity: give purchasing and legal complete, clear terms early so the close does "
      "not stall on details."}},
    // CHAMPION (evangelists)
    {{Advice::CHAMPION_ENABLEMENT,
      "Champion enablement: help them keep attention on the problem with data, stories and a "
      "case they can take to the people who decide."},
     {Advice::SOLUTION_VISION,
      "Solution vision: build the vision of a solution with them, so they can explain it when we "
      "are not in the room."},
     {Advice::CHAMPION_ENABLEMENT,
      "Champion enablement: prepare them for the questions other evaluators will raise, and tell "
      "them early about anything that could surprise them."},
     {Advice::VALUE_COMMUNICATION,
      "Value communication: give them the value case in numbers they can carry to the decision "
      "makers."},
     {Advice::CHAMPION_ENABLEMENT,
      "Champion enablement: keep them informed on the negotiation so they can defend the "
      "decision inside the company."}},
};

}  // namespace

Advice::Audience AudienceOf(const model::PlanIndex& index, model::PersonIx p,
                            v1::Participant::BuyingRole buying_role) {
  const v1::Level level = index.person(p).level();
  if (level == v1::EXECUTIVE || index.has_buyer_role(p, v1::Person::POWER))
    return Advice::EXECUTIVE;
  if (index.has_buyer_role(p, v1::Person::ADVISOR) || buying_role == v1::Participant::EVALUATOR) {
    return Advice::EVALUATOR;
  }
  if (index.has_buyer_role(p, v1::Person::EVANGELIST)) return Advice::CHAMPION;
  switch (level) {
    case v1::SENIOR_MANAGEMENT:
      return Advice::SENIOR_MANAGER;
    case v1::MIDDLE_MANAGEMENT:
      return Advice::MIDDLE_MANAGER;
    case v1::OPERATIONAL:
      return Advice::OPERATIONAL_USER;
    default:
      break;
  }
  if (buying_role == v1::Participant::DECISION_MAKER || buying_role == v1::Participant::APPROVER) {
    return Advice::SENIOR_MANAGER;
  }
  if (buying_role == v1::Participant::USER || index.has_buyer_role(p, v1::Person::USER)) {
    return Advice::OPERATIONAL_USER;
  }
  return Advice::MIDDLE_MANAGER;
}

std::vector<Advice> AdviseCommunication(const model::PlanIndex& index) {
  std::vector<Advice> advice;
  const v1::Plan& plan = index.plan();
  for (const v1::Opportunity& opportunity : plan.opportunities()) {
    if (opportunity.closed()) continue;
    const bool stage_known = opportunity.stage() != v1::OPPORTUNITY_STAGE_UNSPECIFIED &&
                             v1::OpportunityStage_IsValid(opportunity.stage());
    const v1::OpportunityStage stage = stage_known ? opportunity.stage() : v1::PLANNING;
    for (const v1::Participant& participant : opportunity.participants()) {
      const model::PersonIx p = index.FindPerson(participant.person_id());
      if (p == model::kNone || index.has_left(p)) continue;  // nobody to talk to any more
      const Advice::Audience audience = AudienceOf(index, p, participant.buying_role());
      const Cell& cell = kTable[audience - 1][stage - 1];
      Advice& entry = advice.emplace_back();
      entry.set_opportunity_id(opportunity.id());
      entry.set_person_id(participant.person_id());
      entry.set_stage(opportunity.stage());
      entry.set_level(index.person(p).level());
      entry.set_advice(stage_known ? std::string(cell.advice)
                                   : absl::StrCat("Stage not recorded, planning assumed. ",
                                                  std::string(cell.advice)));
      entry.set_kind(cell.kind);
      entry.set_audience(audience);
      entry.set_buying_role(participant.buying_role());
    }
  }
  return advice;
}

}  // namespace contactplan::recommend
