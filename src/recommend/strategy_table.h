// Strategy choice (docs/recommendations.md): a table from (grade step, buyer role, level) to ranked influence
// strategies with a reason each. The options' strategy_rules are consulted first; the built-in
// table is the library's own judgement, explained in docs/recommendations.md#strategy-table.
#ifndef CONTACTPLAN_SRC_RECOMMEND_STRATEGY_TABLE_H_
#define CONTACTPLAN_SRC_RECOMMEND_STRATEGY_TABLE_H_

#include <array>
#include <span>
#include <string_view>
#include <vector>

#include "contactplan/v1/recommendations.pb.h"
#include "model/plan_index.h"
#include "options/settings.h"

namespace contactplan::recommend {

struct StrategyPick {
  v1::InfluenceStrategy strategy = v1::INFLUENCE_STRATEGY_UNSPECIFIED;  // unspecified: no pick
  std::string_view reason;
  // Said instead of `reason` when the owner is below the person's level: a reason that sends
  // "someone of equal seniority" must not stand beside an owner who is not. Empty: `reason` holds.
  std::string_view junior_owner_reason = {};
};

// One row of the built-in table; unset fields match anything, like v1::StrategyRule.
struct StrategyRow {
  v1::Grade from_grade = v1::GRADE_UNSPECIFIED;
  bool blank_cell = false;  // the step from a blank cell to INDIFFERENT
  v1::Person::BuyerRole buyer_role = v1::Person::BUYER_ROLE_UNSPECIFIED;
  v1::Level level = v1::LEVEL_UNSPECIFIED;
  std::array<StrategyPick, 3> picks;  // best first
};

// The built-in table, most specific rows first within each step. Static storage.
std::span<const StrategyRow> BuiltInStrategyTable();

// What a strategy works through, in a phrase ("a valued favour creates a sense of obligation").
std::string_view StrategyMeaning(v1::InfluenceStrategy strategy);

// Ranked strategies for the step from `current` (GRADE_UNSPECIFIED: a blank cell) with person p.
// The matching row with the most set fields (step, buyer role, level) wins; at equal specificity
// settings.strategy_rules come first (in their order), then the built-in table (in its order). A
// row matches a buyer role the person holds among several. `owner_level` is the level of the team
// member who owns the step: below the person's level, a built-in pick says its
// junior_owner_reason. Empty only for TRUST (no step above).
std::vector<v1::StrategyChoice> RankStrategies(const Settings& settings,
                                               const model::PlanIndex& index, model::PersonIx p,
                                               v1::Grade current,
                                               v1::Level owner_level = v1::LEVEL_UNSPECIFIED);

// A repair's strategies: `choices` without SCARCITY and SOCIAL_PROOF (neither mends a grievance);
// when nothing is left, the built-in repair picks for a Dissatisfied person.
std::vector<v1::StrategyChoice> RepairStrategies(std::vector<v1::StrategyChoice> choices);

// Winning a Mentor for an open opportunity from a person who already supports us: ask them to
// coach us, equip them to sell for us, make the case a shared one.
std::vector<v1::StrategyChoice> ChampionStrategies();

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_STRATEGY_TABLE_H_
