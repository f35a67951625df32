// Opportunities: whether an open deal has the support, the strategy and the qualification its
// stage calls for. Closed opportunities are history and are not checked.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::OpportunityIx;
using model::PersonIx;

void NoMentor(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const v1::Plan& plan = index.plan();
  for (OpportunityIx o = 0; o < plan.opportunities_size(); ++o) {
    const v1::Opportunity& opportunity = plan.opportunities(o);
    if (opportunity.closed() || opportunity.participants().empty()) continue;
    // Supporters are the natural candidates to become the mentor.
    std::vector<PersonIx> supporters;
    bool has_mentor = false;
    int32_t present = 0;  // a participant who has left is no mentor (CHAMPION_LEFT says so)
    for (const v1::Participant& participant : opportunity.participants()) {
      const PersonIx p = index.FindPerson(participant.person_id());
      if (p != model::kNone && index.has_left(p)) continue;
      ++present;
      if (participant.preference() == v1::MENTOR) has_mentor = true;
      if (participant.preference() == v1::SUPPORTER && p != model::kNone) supporters.push_back(p);
    }
    if (has_mentor || present == 0) continue;
    std::string message = absl::StrCat(
        "The ", OpportunityLabel(index, o), " has ", present,
        " participants and no mentor to sell for us when we are not in the room; ");
    if (supporters.empty()) {
      absl::StrAppend(&message, "find someone who wants us to win and help them become one.");
    } else {
      std::vector<std::string> names;
      names.reserve(supporters.size());
      for (PersonIx p : supporters) names.push_back(PersonLabel(index, p));
      absl::StrAppend(&message, "of the supporters, ", ListOf(names),
                      supporters.size() == 1 ? " is" : " are",
                      " the likeliest to become one: ask for guidance and act on it.");
    }
    FindingBuilder finding = sink.Add(v1::CRITICAL, std::move(message)).Opportunity(o);
    for (PersonIx p : supporters) finding.Person(p);
    finding.Number("participants", present).Path(OpportunityPath(o));
  }
}

void LatePreferredStrategy(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const v1::Plan& plan = index.plan();
  for (OpportunityIx o = 0; o < plan.opportunities_size(); ++o) {
    const v1::Opportunity& opportunity = plan.opportunities(o);
    if (opportunity.closed() || opportunity.stage() < v1::EVALUATE_RISK ||
        opportunity.competitive_strategy() != v1::PREFERRED) {
      continue;
    }
    sink.Add(v1::INFO,
             absl::StrCat("The ", OpportunityLabel(index, o),
                          " is evaluating risk or closing but still claims the preferred "
                          "strategy, which only works before requirements are set; choose the "
                          "strategy that fits a deal already under way (end-around, head-to-head, "
                          "divide and conquer or stall)."))
        .Opportunity(o)
        .Number("stage", opportunity.stage())
        .Path(OpportunityPath(o));
  }
}

void QualificationIncomplete(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const v1::Plan& plan = index.plan();
  for (OpportunityIx o = 0; o < plan.opportunities_size(); ++o) {
    const v1::Opportunity& opportunity = plan.opportunities(o);
    if (opportunity.closed() || opportunity.stage() < v1::EVALUATE_ALTERNATIVES) continue;
    const v1::Qualification& q = opportunity.qualification();
    std::vector<std::string> missing;
    if (!q.pain_admitted()) missing.push_back("admitted pain");
    if (!q.access_to_power()) missing.push_back("access to power");
    if (!q.vision_agreed()) missing.push_back("an agreed vision of the solution");
    if (!q.value_agreed()) missing.push_back("value agreed as compelling");
    if (missing.empty()) continue;
    // Evaluating risk or closing, gaps in qualification are a deal at risk, and without access to
    // power the decision is out of our reach.
    const bool late = opportunity.stage() >= v1::EVALUATE_RISK;
    const v1::Severity severity =
        !late ? v1::INFO : q.access_to_power() ? v1::WARNING : v1::CRITICAL;
    sink.Add(severity,
             absl::StrCat("The ", OpportunityLabel(index, o),
                          late ? " is evaluating risk or closing" : " is past determining needs",
                          " but lacks ", ListOf(missing),
                          late ? "; settle these with the client now, before the decision is made "
                                 "without us."
                               : "; confirm these with the client before investing more in the "
                                 "deal."))
        .Opportunity(o)
        .Number("missing_answers", static_cast<double>(missing.size()))
        .Path(OpportunityPath(o));
  }
}

}  // namespace

extern constinit const Rule kNoMentor{
    .info = {.code = "NO_MENTOR",
             .fires_when = "an open opportunity has participants and none is a MENTOR",
             .severity = "CRITICAL",
             .explanation =
                 "A mentor (also called a champion or coach) sells for us when we are absent, tells "
                 "us how the decision is really being made, and warns us early. Without one we "
                 "learn about problems when it is too late to answer them. Supporters are the "
                 "likeliest candidates: ask them for guidance, act visibly on it, and help them "
                 "succeed inside their organisation."},
    .needs_now = false,
    .evaluate = NoMentor,
    .reason = {.scope = ReasonScope::kPerson}};

extern constinit const Rule kLatePreferredStrategy{
    .info = {.code = "LATE_PREFERRED_STRATEGY",
             .fires_when = "an open opportunity at EVALUATE_RISK or later claims the PREFERRED "
                           "strategy",
             .severity = "INFO",
             .explanation =
                 "The preferred strategy means getting in first and shaping the requirements before "
                 "anyone else. Once the client is evaluating risk or negotiating, requirements are "
                 "set and competitors are in; claiming the preferred position then usually hides "
                 "an unexamined plan. Choose a strategy for a deal under way: end-around (change "
                 "the basis of the decision), head-to-head, divide and conquer, or stall."},
    .needs_now = false,
    .evaluate = LatePreferredStrategy};

extern constinit const Rule kQualificationIncomplete{
    .info = {.code = "QUALIFICATION_INCOMPLETE",
             .fires_when = "an open opportunity past DETERMINE_NEEDS lacks admitted pain, access "
                           "to power, an agreed vision or agreed value",
             .severity = "INFO; WARNING at EVALUATE_RISK or later; CRITICAL there when access to "
                         "power is missing",
             .explanation =
                 "An opportunity that is evaluating alternatives or later should be qualified: the "
                 "client admits the pain, we have access to the power buyer, both sides agree on a "
                 "vision of the solution, and the client agrees the value is compelling. Each "
                 "missing answer is a reason the deal can stall or be lost late, after most of the "
                 "effort is spent. The finding names the missing answers; confirm them with the "
                 "client. From evaluating risk on the gaps are a warning, and missing access to "
                 "power there is critical: the decision is about to be made by someone we cannot "
                 "reach."},
    .needs_now = false,
    .evaluate = QualificationIncomplete};

}  // namespace contactplan::rules
