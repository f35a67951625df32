#include "recommend/communication.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "model/time.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

using Advice = v1::CommunicationAdvice;

// Room reserved for what follows a cell's advice: the deal's sentence, and a repair's preamble.
constexpr size_t kDealWordsBytes = 160;
constexpr size_t kRepairBytes = 200;

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
    // CHAMPION (Mentors and evangelists): coaching us and co-writing the case, at every stage
    {{Advice::CHAMPION_ENABLEMENT,
      "Champion enablement: ask them to coach us on how the initiative is forming and who will "
      "decide, and help them keep attention on the problem with data and a case we write "
      "together."},
     {Advice::CHAMPION_ENABLEMENT,
      "Champion enablement: co-write the needs and the outline of a solution with them, so they "
      "can explain it when we are not in the room; ask them whose needs are still unheard."},
     {Advice::CHAMPION_ENABLEMENT,
      "Champion enablement: ask them to coach us on how the options are being compared and who "
      "is wavering, and prepare them for the questions other evaluators will raise."},
     {Advice::CHAMPION_ENABLEMENT,
      "Champion enablement: co-write the value case with them in numbers they can carry to the "
      "decision makers, and ask them which risks the deciders still see."},
     {Advice::CHAMPION_ENABLEMENT,
      "Champion enablement: keep them informed on the negotiation so they can defend the "
      "decision inside the company, and ask them what could still stop the signature."}},
};

const char* StageWords(v1::OpportunityStage stage) {
  switch (stage) {
    case v1::PLANNING: return "planning";
    case v1::DETERMINE_NEEDS: return "determining needs";
    case v1::EVALUATE_ALTERNATIVES: return "evaluating alternatives";
    case v1::EVALUATE_RISK: return "evaluating risk";
    case v1::NEGOTIATE_CLOSE: return "negotiating the close";
    default: return "an unrecorded stage";
  }
}

// 1850000 -> "1.85M", 250000 -> "250k", 900 -> "900".
std::string ValueWords(double value) {
  if (value >= 1e6) return absl::StrFormat("%.3gM", value / 1e6);
  if (value >= 1e3) return absl::StrFormat("%.3gk", value / 1e3);
  return absl::StrFormat("%.3g", value);
}

// Why the person's relationship with us needs mending before the stage's message, or "" when it
// does not: a D or M intersection, or no graded intersection at SATISFIED or above.
std::string RepairNeed(const model::PlanIndex& index, model::PersonIx p) {
  v1::Grade best = v1::GRADE_UNSPECIFIED;
  v1::Grade worst = v1::GRADE_UNSPECIFIED;
  for (model::RelationshipIx r : index.graded_of_person(p)) {
    const v1::Grade grade = index.grade(r);
    best = std::max(best, grade);
    if (worst == v1::GRADE_UNSPECIFIED || grade < worst) worst = grade;
  }
  if (best == v1::GRADE_UNSPECIFIED) return "";
  if (worst == v1::DISSATISFIED || worst == v1::MOTIVATED_TO_CHANGE) {
    return absl::StrCat("they are ", rules::GradeWord(worst), " with someone on our team");
  }
  if (best < v1::SATISFIED) return absl::StrCat("at best they are ", rules::GradeWord(best), " with us");
  return "";
}

// The deal in a sentence, for the audiences it helps: the stage, the value (for those who weigh
// it: executives, senior managers, champions, decision makers and approvers), the expected close
// and a renewal. Appended to `*words`, the advice it ends (no temporary of its own).
void AppendDealWords(const v1::Account& account, const v1::Opportunity& opportunity,
                     Advice::Audience audience, v1::Participant::BuyingRole role,
                     bool stage_known, std::string* words) {
  const std::string& name = opportunity.name().empty() ? opportunity.id() : opportunity.name();
  words->append(" The deal: ").append(name);
  if (stage_known) words->append(", ").append(StageWords(opportunity.stage()));
  const bool weighs_value = audience == Advice::EXECUTIVE || audience == Advice::SENIOR_MANAGER ||
                            audience == Advice::CHAMPION ||
                            role == v1::Participant::DECISION_MAKER ||
                            role == v1::Participant::APPROVER;
  if (weighs_value && opportunity.value() > 0 && std::isfinite(opportunity.value())) {
    words->append(", worth ").append(ValueWords(opportunity.value()));
  }
  if (const std::optional<absl::Time> close =
          model::ToTime(opportunity.has_expected_close_at(), opportunity.expected_close_at())) {
    words->append(", expected to close on ")
        .append(absl::FormatTime("%Y-%m-%d", *close, absl::UTCTimeZone()));
  }
  words->push_back('.');
  if (account.motivation() == v1::RETENTION) {
    words->append(" It is a renewal: what they think of the work so far decides it.");
  }
}

}  // namespace

Advice::Audience AudienceOf(const model::PlanIndex& index, model::PersonIx p,
                            const v1::Participant& participant) {
  const v1::Participant::BuyingRole buying_role = participant.buying_role();
  if (participant.preference() == v1::MENTOR || index.has_buyer_role(p, v1::Person::EVANGELIST)) {
    return Advice::CHAMPION;
  }
  const v1::Level level = index.person(p).level();
  if (level == v1::EXECUTIVE || index.has_buyer_role(p, v1::Person::POWER))
    return Advice::EXECUTIVE;
  if (index.has_buyer_role(p, v1::Person::ADVISOR) || buying_role == v1::Participant::EVALUATOR) {
    return Advice::EVALUATOR;
  }
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

void AdviseCommunication(const model::PlanIndex& index,
                         google::protobuf::RepeatedPtrField<Advice>* advice) {
  const v1::Plan& plan = index.plan();
  for (const v1::Opportunity& opportunity : plan.opportunities()) {
    if (opportunity.closed()) continue;
    const bool stage_known = opportunity.stage() != v1::OPPORTUNITY_STAGE_UNSPECIFIED &&
                             v1::OpportunityStage_IsValid(opportunity.stage());
    const v1::OpportunityStage stage = stage_known ? opportunity.stage() : v1::PLANNING;
    for (const v1::Participant& participant : opportunity.participants()) {
      const model::PersonIx p = index.FindPerson(participant.person_id());
      if (p == model::kNone || index.has_left(p)) continue;  // nobody to talk to any more
      const Advice::Audience audience = AudienceOf(index, p, participant);
      const Cell& cell = kTable[audience - 1][stage - 1];
      const bool decides = participant.buying_role() == v1::Participant::DECISION_MAKER ||
                           participant.buying_role() == v1::Participant::APPROVER;
      const std::string repair = decides ? RepairNeed(index, p) : "";
      Advice& entry = *advice->Add();
      entry.set_opportunity_id(opportunity.id());
      entry.set_person_id(participant.person_id());
      entry.set_stage(opportunity.stage());
      entry.set_level(index.person(p).level());
      // Composed in the field itself, in one block reserved for the usual length (the cell's
      // advice and the deal's sentence), instead of concatenated temporaries.
      std::string& text = *entry.mutable_advice();
      text.reserve(cell.advice.size() + kDealWordsBytes + (repair.empty() ? 0 : kRepairBytes));
      if (!stage_known) text.append("Stage not recorded, planning assumed. ");
      if (!repair.empty()) {
        text.append("Repair first: ")
            .append(repair)
            .append(". Hear the grievance in full and agree dated promises with them before "
                    "any message about the deal; then: ");
      }
      text.append(cell.advice);
      AppendDealWords(plan.account(), opportunity, audience, participant.buying_role(),
                      stage_known, &text);
      entry.set_kind(repair.empty() ? cell.kind : Advice::REPAIR_FIRST);
      entry.set_audience(audience);
      entry.set_buying_role(participant.buying_role());
    }
  }
}

}  // namespace contactplan::recommend
