#include "recommend/importance.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

using model::PersonIx;

// Weights of the factors. Seniority alone never makes a person important (an executive with no
// other factor stays at 0.5); roles in the buying process and the team's own "key" mark do.
double LevelWeight(v1::Level level) {
  switch (level) {
    case v1::EXECUTIVE:
      return 0.5;
    case v1::SENIOR_MANAGEMENT:
      return 0.35;
    case v1::MIDDLE_MANAGEMENT:
      return 0.2;
    default:
      return 0.1;  // operational, or unknown: no evidence of seniority
  }
}

constexpr double kMarkedKeyWeight = 0.4;

double BuyerRoleWeight(v1::Person::BuyerRole role) {
  switch (role) {
    case v1::Person::POWER:
      return 0.5;
    case v1::Person::EVANGELIST:
      return 0.3;
    case v1::Person::ADVISOR:
      return 0.2;
    case v1::Person::USER:
      return 0.1;
    default:
      return 0;
  }
}

// Per part in an open opportunity: a person who decides several open deals weighs more.
double BuyingRoleWeight(v1::Participant::BuyingRole role) {
  switch (role) {
    case v1::Participant::DECISION_MAKER:
      return 0.5;
    case v1::Participant::APPROVER:
      return 0.4;
    case v1::Participant::EVALUATOR:
      return 0.25;
    case v1::Participant::USER:
      return 0.1;
    default:
      return 0.05;  // on the buying team without a stated role
  }
}

constexpr v1::Person::BuyerRole kBuyerRoles[] = {v1::Person::POWER, v1::Person::EVANGELIST,
                                                 v1::Person::ADVISOR, v1::Person::USER};

std::string_view BuyerRoleWords(v1::Person::BuyerRole role) {
  switch (role) {
    case v1::Person::POWER:
      return "power buyer";
    case v1::Person::EVANGELIST:
      return "evangelist";
    case v1::Person::ADVISOR:
      return "advisor";
    default:
      return "user buyer";
  }
}

}  // namespace

std::vector<double> PersonImportance(const model::PlanIndex& index) {
  std::vector<double> importance(index.person_count());
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const v1::Person& person = index.person(p);
    double unimportant = 1 - LevelWeight(person.level());
    if (person.key()) unimportant *= 1 - kMarkedKeyWeight;
    for (v1::Person::BuyerRole role : kBuyerRoles) {
      if (index.has_buyer_role(p, role)) unimportant *= 1 - BuyerRoleWeight(role);
    }
    for (const model::Participation& part : index.open_participations(p)) {
      const v1::Participant& participant =
          index.plan().opportunities(part.opportunity).participants(part.participant);
      unimportant *= 1 - BuyingRoleWeight(participant.buying_role());
    }
    importance[p] = 1 - unimportant;
  }
  return importance;
}

std::string ImportanceBasis(const model::PlanIndex& index, model::PersonIx p) {
  // (weight, words), sorted by weight so the strongest reason reads first.
  std::vector<std::pair<double, std::string>> factors;
  const v1::Person& person = index.person(p);
  if (person.level() != v1::LEVEL_UNSPECIFIED) {
    factors.emplace_back(LevelWeight(person.level()),
                         std::string(rules::LevelWord(person.level())));
  }
  if (person.key()) factors.emplace_back(kMarkedKeyWeight, "marked key");
  for (v1::Person::BuyerRole role : kBuyerRoles) {
    if (index.has_buyer_role(p, role)) {
      factors.emplace_back(BuyerRoleWeight(role), std::string(BuyerRoleWords(role)));
    }
  }
  for (const model::Participation& part : index.open_participations(p)) {
    const v1::Participant& participant =
        index.plan().opportunities(part.opportunity).participants(part.participant);
    factors.emplace_back(BuyingRoleWeight(participant.buying_role()),
                         absl::StrCat(rules::BuyingRoleWord(participant.buying_role()), " in ",
                                      rules::OpportunityLabel(index, part.opportunity)));
  }
  std::stable_sort(factors.begin(), factors.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  return absl::StrJoin(factors, ", ",
                       [](std::string* out, const auto& factor) { out->append(factor.second); });
}

}  // namespace contactplan::recommend
