// The blueprint draft: one entry per key intersection that a relationship plan, not a sales plan,
// would contain.
#include "recommend/blueprint_draft.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/time.h"
#include "recommend_fixture.h"

namespace contactplan::recommend {
namespace {

using ::contactplan::testing::Now;
using ::contactplan::testing::RandomPlan;
using ::contactplan::testing::RecommendFixture;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kAccount[] = R"pb(
  as_of { seconds: 1717200000 }
  team_members { id: "t-sam" name: "Sam" level: SENIOR_MANAGEMENT }
  team_members { id: "t-cy" name: "Cy" level: EXECUTIVE }
  team_members { id: "t-ops" level: OPERATIONAL }
  persons { id: "p-ceo" name: "Ceo" level: EXECUTIVE }
  persons { id: "p-cfo" name: "Cfo" level: EXECUTIVE reports_to_id: "p-ceo" buyer_roles: POWER }
  persons { id: "p-cio" level: SENIOR_MANAGEMENT reports_to_id: "p-ceo" key: true }
  persons { id: "p-eng" level: OPERATIONAL reports_to_id: "p-cio" buyer_roles: USER }
  persons { id: "p-buyer" level: MIDDLE_MANAGEMENT buyer_roles: ADVISOR }
  relationships { team_member_id: "t-sam" person_id: "p-cfo" grade: DISSATISFIED }
  relationships { team_member_id: "t-cy" person_id: "p-ceo" grade: TRUST }
  relationships { team_member_id: "t-ops" person_id: "p-eng" grade: INDIFFERENT }
  relationships { team_member_id: "t-sam" person_id: "p-buyer" grade: SATISFIED }
  relationships { team_member_id: "t-ops" person_id: "p-buyer" grade: MOTIVATED_TO_CHANGE }
  opportunities {
    id: "o1"
    stage: EVALUATE_ALTERNATIVES
    participants { person_id: "p-cfo" buying_role: DECISION_MAKER }
    participants { person_id: "p-buyer" buying_role: EVALUATOR }
  }
)pb";

TEST(BlueprintDraft, OneEntryPerKeyIntersectionWithTheNextGradeAsGoal) {
  const RecommendFixture fixture(kAccount);
  const v1::Recommendations out = fixture.Recommend({}, 60);
  ASSERT_FALSE(out.key_intersections().empty());
  ASSERT_EQ(out.blueprint_draft_size(), out.key_intersections_size());
  for (int i = 0; i < out.blueprint_draft_size(); ++i) {
    const v1::BlueprintEntry& entry = out.blueprint_draft(i);
    const v1::KeyIntersection& key = out.key_intersections(i);
    EXPECT_EQ(entry.person_id(), key.person_id());
    EXPECT_EQ(entry.team_member_id(), key.team_member_id());
    EXPECT_EQ(entry.goal().grade(), key.next_grade());
    EXPECT_EQ(entry.horizon_days(), 60);
    ASSERT_EQ(entry.strategies_size(), key.strategies_size());
    for (int s = 0; s < entry.strategies_size(); ++s) {
      EXPECT_EQ(entry.strategies(s), key.strategies(s).strategy());
    }
    EXPECT_GE(entry.tactics_size(), kMinTactics);
    EXPECT_LE(entry.tactics_size(), kMaxTactics);
    for (const v1::Tactic& tactic : entry.tactics()) {
      EXPECT_GE(tactic.invests_own_time() + tactic.teaches_us() + tactic.shows_value(), 2)
          << tactic.description();
      EXPECT_EQ(model::ToTime(tactic.has_due_at(), tactic.due_at()), Now() + absl::Hours(24 * 60));
      EXPECT_FALSE(tactic.description().empty());
    }
  }
}

TEST(BlueprintDraft, FirstTacticNamesTheStrongestLeverage) {
  const RecommendFixture fixture(kAccount);
  const v1::Recommendations out = fixture.Recommend();
  for (int i = 0; i < out.key_intersections_size(); ++i) {
    if (out.key_intersections(i).person_id() != "p-cfo") continue;
    EXPECT_THAT(out.blueprint_draft(i).tactics(0).resources(),
                HasSubstr("ask Cy, who holds Trust with Ceo, to put in a good word"));
    return;
  }
  FAIL() << "p-cfo is not a key intersection";
}

// When the owner holds the leverage themselves, the person they know is the one to ask.
TEST(BlueprintDraft, OwnersOwnLeverageAsksThePersonTheyKnow) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t-dana" name: "Dana" level: EXECUTIVE }
    persons { id: "p-raj" name: "Raj" level: EXECUTIVE }
    persons { id: "p-claire" name: "Claire" level: EXECUTIVE key: true reports_to_id: "p-raj" }
    relationships { team_member_id: "t-dana" person_id: "p-raj" grade: TRUST }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  ASSERT_EQ(out.blueprint_draft_size(), 1);
  EXPECT_EQ(out.blueprint_draft(0).team_member_id(), "t-dana");
  EXPECT_THAT(out.blueprint_draft(0).tactics(0).resources(),
              HasSubstr("; ask Raj, who sees Dana at Trust, to introduce us"));
}

// Entries rotate among equally good tactics rather than repeat one everywhere.
TEST(BlueprintDraft, EntriesWithTheSameStrategiesVaryTheirTactics) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" key: true } persons { id: "p2" key: true }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  ASSERT_EQ(out.blueprint_draft_size(), 2);
  EXPECT_EQ(out.blueprint_draft(0).strategies(0), out.blueprint_draft(1).strategies(0));
  EXPECT_NE(out.blueprint_draft(0).tactics(0).description(),
            out.blueprint_draft(1).tactics(0).description());
}

// The rules themselves judge a plan whose blueprint is the draft: it is a relationship plan.
TEST(BlueprintDraft, PassesTheBlueprintRules) {
  for (uint64_t seed : {0u, 1u, 2u, 3u, 4u, 5u, 6u, 7u}) {
    v1::Plan plan = seed == 0 ? testing::PlanFromText(kAccount) : RandomPlan(seed);
    v1::Recommendations out;
    {
      const RecommendFixture fixture(plan);
      out = fixture.Recommend({}, 90);
    }
    plan.clear_blueprint();
    for (const v1::BlueprintEntry& entry : out.blueprint_draft()) *plan.add_blueprint() = entry;
    const RecommendFixture drafted(plan);
    for (const v1::Finding& finding : drafted.RuleFindings()) {
      EXPECT_NE(finding.code(), "SALES_PLAN") << "seed " << seed;
      EXPECT_NE(finding.code(), "SALES_TACTIC") << "seed " << seed << ": " << finding.message();
      EXPECT_NE(finding.code(), "GOAL_SKIPS_LEVELS") << "seed " << seed << ": " << finding.message();
      EXPECT_NE(finding.code(), "NO_INFLUENCE_STRATEGY") << "seed " << seed;
    }
  }
}

TEST(BlueprintDraft, WithoutNowTacticsHaveNoDueDate) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" key: true }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  ASSERT_EQ(out.blueprint_draft_size(), 1);
  for (const v1::Tactic& tactic : out.blueprint_draft(0).tactics()) {
    EXPECT_FALSE(tactic.has_due_at());
  }
}

}  // namespace
}  // namespace contactplan::recommend
