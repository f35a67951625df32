// Buyer roles: whether the map knows the economic buyer and a change agent, and whether we reach
// the economic buyer.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

using model::PersonIx;
using model::RelationshipIx;

// The persons holding `role`, in plan order.
std::vector<PersonIx> Holders(const model::PlanIndex& index, v1::Person::BuyerRole role) {
  std::vector<PersonIx> holders;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (!index.has_left(p) && index.has_buyer_role(p, role)) holders.push_back(p);
  }
  return holders;
}

void NoPowerBuyerIdentified(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  if (index.person_count() == 0 || !Holders(index, v1::Person::POWER).empty()) return;
  // From evaluating alternatives on, a deal without a known economic buyer is being decided by
  // someone we cannot name: the first such open opportunity makes the finding critical.
  const v1::Plan& plan = index.plan();
  model::OpportunityIx late = model::kNone;
  for (model::OpportunityIx o = 0; o < plan.opportunities_size() && late == model::kNone; ++o) {
    const v1::Opportunity& opportunity = plan.opportunities(o);
    if (!opportunity.closed() && opportunity.stage() >= v1::EVALUATE_ALTERNATIVES) late = o;
  }
  std::string message = absl::StrCat(
      "None of the ", index.person_count(),
      " persons on the map is marked as the power (economic) buyer; ask your contacts who can "
      "approve the spend alone and settle disagreements, and add that person to the map");
  if (late != model::kNone) {
    absl::StrAppend(&message, ", before the ", OpportunityLabel(index, late),
                    " goes further: it is already ",
                    plan.opportunities(late).stage() >= v1::EVALUATE_RISK ? "evaluating risk"
                                                                          : "evaluating alternatives");
  }
  absl::StrAppend(&message, ".");
  sink.Add(late != model::kNone ? v1::CRITICAL : v1::WARNING, std::move(message))
      .Opportunity(late)
      .Number("persons", index.person_count());
}

void NoPowerAccess(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  const std::vector<PersonIx> power = Holders(index, v1::Person::POWER);
  if (power.empty()) return;
  for (PersonIx p : power) {
    for (RelationshipIx r : index.graded_of_person(p)) {
      if (index.grade(r) >= v1::SATISFIED) return;
    }
  }
  std::vector<std::string> names;
  names.reserve(power.size());
  for (PersonIx p : power) names.push_back(PersonLabel(index, p));
  FindingBuilder finding = sink.Add(
      v1::CRITICAL,
      absl::StrCat("No one on our team has a Satisfied or better relationship with the power buyer",
                   power.size() > 1 ? "s " : " ", ListOf(names),
                   "; find who in our team or their circle can earn an introduction, and plan a "
                   "first contact that gives them a reason to see us."));
  for (PersonIx p : power) finding.Person(p);
  finding.Number("power_buyers", static_cast<double>(power.size()));
}

void NoEvangelist(const RuleInput& in, FindingSink& sink) {
  const model::PlanIndex& index = in.index();
  if (index.person_count() == 0 || !Holders(index, v1::Person::EVANGELIST).empty()) return;
  sink.Add(v1::INFO,
           absl::StrCat("None of the ", index.person_count(),
                        " persons on the map is marked as an evangelist; look for someone who "
                        "feels the problem we solve and keeps it on the agenda, and help them make "
                        "the case inside."))
      .Number("persons", index.person_count());
}

}  // namespace

extern constinit const Rule kNoPowerBuyerIdentified{
    .info = {.code = "NO_POWER_BUYER_IDENTIFIED",
             .fires_when = "the map has persons and none holds POWER",
             .severity =
                 "WARNING; CRITICAL when an open opportunity is at EVALUATE_ALTERNATIVES or later",
             .explanation =
                 "The power buyer, also called the economic buyer, can decide alone and settles "
                 "conflicts between the other buyers. A map without one means we do not know who "
                 "finally says yes, so our effort may go to people who can only say no. Ask the "
                 "people we know who signs off on spending of this size, and put that person on "
                 "the map. Once an open opportunity is evaluating alternatives or later, the "
                 "decision is being prepared by someone we cannot name, and the finding is "
                 "critical."},
    .needs_now = false,
    .evaluate = NoPowerBuyerIdentified};

extern constinit const Rule kNoPowerAccess{
    .info = {.code = "NO_POWER_ACCESS",
             .fires_when = "persons hold POWER and none of them has a graded intersection at "
                           "SATISFIED or better",
             .severity = "CRITICAL",
             .explanation =
                 "We know who the power buyer is, but nobody on our team holds a relationship "
                 "with them at Satisfied or better. Decisions will then be made about us rather "
                 "than with us, and our supporters must argue our case without us. Find the "
                 "shortest way in (a team member of similar seniority, or a client person who "
                 "trusts us and can introduce us) and plan a first contact that is useful to the "
                 "power buyer in their own terms."},
    .needs_now = false,
    .evaluate = NoPowerAccess,
    .reason = {.scope = ReasonScope::kPerson,
               // "nobody reaches a power buyer" names none of them: every one can answer it.
               .without_persons = ReasonFallback::kPowerBuyers}};

extern constinit const Rule kNoEvangelist{
    .info = {.code = "NO_EVANGELIST",
             .fires_when = "the map has persons and none holds EVANGELIST",
             .severity = "INFO",
             .explanation =
                 "An evangelist is a change agent in the client organisation who keeps attention "
                 "on the problem we solve, even when we are not in the room. Without one, momentum "
                 "depends entirely on us. Look for someone who feels the problem personally or "
                 "gains from solving it, and equip them with what they need to make the case "
                 "inside."},
    .needs_now = false,
    .evaluate = NoEvangelist};

}  // namespace contactplan::rules
