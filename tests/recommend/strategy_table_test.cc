// The strategy table and the tactic library behind it.
#include "recommend/strategy_table.h"

#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend/tactic_library.h"
#include "recommend_fixture.h"

namespace contactplan::recommend {
namespace {

using ::contactplan::testing::RecommendFixture;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<v1::InfluenceStrategy> Strategies(const std::vector<v1::StrategyChoice>& choices) {
  std::vector<v1::InfluenceStrategy> out;
  for (const auto& choice : choices) out.push_back(choice.strategy());
  return out;
}

constexpr char kPersons[] = R"pb(
  persons { id: "p-power" level: EXECUTIVE buyer_roles: POWER }
  persons { id: "p-exec" level: EXECUTIVE }
  persons { id: "p-user" level: OPERATIONAL buyer_roles: USER }
  persons { id: "p-plain" level: MIDDLE_MANAGEMENT }
)pb";

TEST(StrategyTable, BuiltInRowsFollowStepRoleAndLevel) {
  const RecommendFixture fixture(kPersons);
  const auto rank = [&](const char* person, v1::Grade current) {
    return Strategies(
        RankStrategies(fixture.settings(), fixture.index(), fixture.Person(person), current));
  };
  EXPECT_THAT(rank("p-power", v1::GRADE_UNSPECIFIED),
              ElementsAre(v1::AUTHORITY, v1::RECIPROCITY, v1::LIKING));
  EXPECT_THAT(rank("p-plain", v1::GRADE_UNSPECIFIED),
              ElementsAre(v1::LIKING, v1::RECIPROCITY, v1::AUTHORITY));
  EXPECT_THAT(rank("p-plain", v1::DISSATISFIED),
              ElementsAre(v1::COMMITMENT, v1::RECIPROCITY, v1::LIKING));
  EXPECT_THAT(rank("p-user", v1::INDIFFERENT),
              ElementsAre(v1::SOCIAL_PROOF, v1::LIKING, v1::COMMITMENT));
  EXPECT_THAT(rank("p-power", v1::SATISFIED),
              ElementsAre(v1::RECIPROCITY, v1::SCARCITY, v1::COMMITMENT));
  EXPECT_THAT(rank("p-exec", v1::OPEN), ElementsAre(v1::UNITY, v1::AUTHORITY, v1::RECIPROCITY));
  EXPECT_THAT(rank("p-plain", v1::TRUST), IsEmpty());
  const auto choices = RankStrategies(fixture.settings(), fixture.index(),
                                      fixture.Person("p-plain"), v1::DISSATISFIED);
  EXPECT_EQ(choices[0].reason(),
            "A recovery plan they agree to, with dated promises we keep, turns complaints into a "
            "record of delivery.");
}

TEST(StrategyTable, OptionRulesComeFirstAtEqualSpecificityAndLoseToMoreSpecificRows) {
  const RecommendFixture fixture(kPersons, R"pb(
    strategy_rules { from_grade: INDIFFERENT strategies: UNITY reason: "Our way." }
    strategy_rules { blank_cell: true strategies: SCARCITY strategies: COMMITMENT }
  )pb");
  const auto rank = [&](const char* person, v1::Grade current) {
    return RankStrategies(fixture.settings(), fixture.index(), fixture.Person(person), current);
  };
  const auto plain = rank("p-plain", v1::INDIFFERENT);
  EXPECT_THAT(Strategies(plain), ElementsAre(v1::UNITY));
  EXPECT_EQ(plain[0].reason(), "Our way.");
  // The built-in user row (step and role) is more specific than the option's (step only).
  EXPECT_THAT(Strategies(rank("p-user", v1::INDIFFERENT)),
              ElementsAre(v1::SOCIAL_PROOF, v1::LIKING, v1::COMMITMENT));
  const auto blank = rank("p-plain", v1::GRADE_UNSPECIFIED);
  EXPECT_THAT(Strategies(blank), ElementsAre(v1::SCARCITY, v1::COMMITMENT));
  EXPECT_EQ(blank[0].reason(),
            "The account team's strategy rule: what is limited or ending gets attention.");
  // blank_cell rows never match a graded cell.
  EXPECT_THAT(Strategies(rank("p-plain", v1::SATISFIED)),
              ElementsAre(v1::RECIPROCITY, v1::COMMITMENT, v1::LIKING));
}

TEST(StrategyTable, EveryRowRanksThreeDistinctStrategiesWithReasons) {
  for (const StrategyRow& row : BuiltInStrategyTable()) {
    std::set<v1::InfluenceStrategy> seen;
    for (const StrategyPick& pick : row.picks) {
      EXPECT_NE(pick.strategy, v1::INFLUENCE_STRATEGY_UNSPECIFIED);
      EXPECT_FALSE(pick.reason.empty());
      EXPECT_TRUE(seen.insert(pick.strategy).second) << "repeated strategy in a row";
    }
  }
}

TEST(StrategyTable, EveryStepHasAGenericRow) {
  const RecommendFixture fixture(R"pb(persons { id: "p" })pb");
  for (v1::Grade current : {v1::GRADE_UNSPECIFIED, v1::MOTIVATED_TO_CHANGE, v1::DISSATISFIED,
                            v1::INDIFFERENT, v1::SATISFIED, v1::OPEN}) {
    EXPECT_EQ(RankStrategies(fixture.settings(), fixture.index(), 0, current).size(), 3u)
        << v1::Grade_Name(current);
  }
}

// The draft needs a relationship-building tactic for every strategy the table can rank.
TEST(TacticLibrary, EveryRankedStrategyHasATacticPassingTwoTestsForItsStep) {
  for (const StrategyRow& row : BuiltInStrategyTable()) {
    const v1::Grade step = row.blank_cell ? v1::GRADE_UNSPECIFIED : row.from_grade;
    for (const StrategyPick& pick : row.picks) {
      bool found = false;
      for (const TacticTemplate& tactic : TacticLibrary()) {
        found |= tactic.strategy == pick.strategy && (tactic.steps & StepBit(step)) != 0 &&
                 tactic.tests_passed() >= 2;
      }
      EXPECT_TRUE(found) << v1::InfluenceStrategy_Name(pick.strategy) << " from "
                         << v1::Grade_Name(step);
    }
  }
}

TEST(TacticLibrary, CoversAllSevenStrategiesAndHoldsNoSalesTactic) {
  std::set<v1::InfluenceStrategy> strong;
  std::set<std::string_view> descriptions;
  for (const TacticTemplate& tactic : TacticLibrary()) {
    EXPECT_GE(tactic.tests_passed(), 1) << tactic.description;
    EXPECT_NE(tactic.steps, 0u) << tactic.description;
    EXPECT_FALSE(tactic.resources.empty()) << tactic.description;
    EXPECT_TRUE(descriptions.insert(tactic.description).second) << tactic.description;
    if (tactic.tests_passed() >= 2) strong.insert(tactic.strategy);
  }
  EXPECT_THAT(strong, ElementsAre(v1::RECIPROCITY, v1::COMMITMENT, v1::SOCIAL_PROOF, v1::LIKING,
                                  v1::AUTHORITY, v1::SCARCITY, v1::UNITY));
}

}  // namespace
}  // namespace contactplan::recommend
