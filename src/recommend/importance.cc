#include "recommend/importance.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/stable_sort.h"
#include "options/tuning_values.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

using model::PersonIx;

// Weights of the factors (docs/tuning.md `recommend.importance_*`). Seniority alone never makes a
// person important; roles in the buying process and the team's own "key" mark do.
const v1::RecommendTuning& Weights(const model::Context& context) {
  return context.settings.tuning.recommend();
}

// What a weight leaves unexplained; tuning numbers are not negative, and one above 1 saturates.
double Remaining(double weight) { return 1 - std::min(1.0, weight); }

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

std::vector<double> PersonImportance(const model::Context& context) {
  const model::PlanIndex& index = context.index;
  const v1::RecommendTuning& weights = Weights(context);
  std::vector<double> importance(index.person_count());
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const v1::Person& person = index.person(p);
    double unimportant = Remaining(ValueOf(weights.importance_level(), person.level()));
    if (person.key()) unimportant *= Remaining(weights.importance_marked_key());
    for (v1::Person::BuyerRole role : kBuyerRoles) {
      if (index.has_buyer_role(p, role)) {
        unimportant *= Remaining(ValueOf(weights.importance_buyer_role(), role));
      }
    }
    for (const model::Participation& part : index.open_participations(p)) {
      const v1::Participant& participant =
          index.plan().opportunities(part.opportunity).participants(part.participant);
      unimportant *=
          Remaining(ValueOf(weights.importance_buying_role(), participant.buying_role()));
    }
    importance[p] = 1 - unimportant;
  }
  return importance;
}

std::string ImportanceBasis(const model::Context& context, model::PersonIx p) {
  const model::PlanIndex& index = context.index;
  const v1::RecommendTuning& weights = Weights(context);
  // (weight, words), sorted by weight so the strongest reason reads first.
  std::vector<std::pair<double, std::string>> factors;
  const v1::Person& person = index.person(p);
  if (person.level() != v1::LEVEL_UNSPECIFIED) {
    factors.emplace_back(ValueOf(weights.importance_level(), person.level()),
                         std::string(rules::LevelWord(person.level())));
  }
  if (person.key()) factors.emplace_back(weights.importance_marked_key(), "marked key");
  for (v1::Person::BuyerRole role : kBuyerRoles) {
    if (index.has_buyer_role(p, role)) {
      factors.emplace_back(ValueOf(weights.importance_buyer_role(), role),
                           std::string(BuyerRoleWords(role)));
    }
  }
  for (const model::Participation& part : index.open_participations(p)) {
    const v1::Participant& participant =
        index.plan().opportunities(part.opportunity).participants(part.participant);
    factors.emplace_back(ValueOf(weights.importance_buying_role(), participant.buying_role()),
                         absl::StrCat(rules::BuyingRoleWord(participant.buying_role()), " in ",
                                      rules::OpportunityLabel(index, part.opportunity)));
  }
  StableSort(factors.begin(), factors.end(),
             [](const auto& a, const auto& b) { return a.first > b.first; });
  return absl::StrJoin(factors, ", ",
                       [](std::string* out, const auto& factor) { out->append(factor.second); });
}

}  // namespace contactplan::recommend
