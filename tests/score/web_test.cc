#include "score/web.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "score/scored_plan.h"
#include "support/text_plan.h"

namespace contactplan::score {
namespace {

using ::contactplan::testing::OptionsFromText;
using ::contactplan::testing::PlanFromText;
using ::contactplan::testing::ScoredPlan;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// t1 holds two threads (S, O); t2 only an Indifferent and t3 a Dissatisfied, which are not threads
// at the default thread grade. Relationships are listed against plan order on purpose.
constexpr char kOneByTwo[] = R"pb(
  team_members { id: "t1" level: EXECUTIVE }
  team_members { id: "t2" level: OPERATIONAL }
  team_members { id: "t3" level: OPERATIONAL }
  persons { id: "p1" level: EXECUTIVE }
  persons { id: "p2" level: MIDDLE_MANAGEMENT }
  persons { id: "p3" level: OPERATIONAL }
  relationships { team_member_id: "t1" person_id: "p2" grade: OPEN }
  relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
  relationships { team_member_id: "t2" person_id: "p1" grade: INDIFFERENT }
  relationships { team_member_id: "t3" person_id: "p3" grade: DISSATISFIED }
  relationships { team_member_id: "t2" person_id: "p3" }
)pb";

TEST(WebTest, CountsOneTeamMemberWithTwoPersonsAsOneByTwo) {
  const v1::Web web = ScoredPlan(PlanFromText(kOneByTwo)).Web();
  EXPECT_EQ(web.figure(), "1x2");
  EXPECT_EQ(web.team_members(), 1);
  EXPECT_EQ(web.persons(), 2);
  EXPECT_EQ(web.team_levels(), 1);
  EXPECT_EQ(web.person_levels(), 2);
  EXPECT_FALSE(web.meets3x3());
  EXPECT_EQ(web.thread_min_grade(), v1::SATISFIED);
  EXPECT_THAT(web.team_member_ids(), ElementsAre("t1"));
  EXPECT_THAT(web.person_ids(), ElementsAre("p1", "p2"));  // plan order, not relationship order
}

TEST(WebTest, ThreadGradeOptionMovesTheBar) {
  const v1::Web open =
      ScoredPlan(PlanFromText(kOneByTwo), OptionsFromText("thread_min_grade: OPEN")).Web();
  EXPECT_EQ(open.figure(), "1x1");
  EXPECT_EQ(open.thread_min_grade(), v1::OPEN);
  EXPECT_THAT(open.person_ids(), ElementsAre("p2"));

  const v1::Web indifferent =
      ScoredPlan(PlanFromText(kOneByTwo), OptionsFromText("thread_min_grade: INDIFFERENT")).Web();
  EXPECT_EQ(indifferent.figure(), "2x2");
  EXPECT_THAT(indifferent.team_member_ids(), ElementsAre("t1", "t2"));

  // Even the lowest bar never makes a blank cell a thread.
  const v1::Web any = ScoredPlan(PlanFromText(kOneByTwo),
                                 OptionsFromText("thread_min_grade: MOTIVATED_TO_CHANGE"))
                          .Web();
  EXPECT_EQ(any.figure(), "3x3");
  EXPECT_EQ(any.team_levels(), 2);
}

TEST(WebTest, UnknownLevelsAreNotCounted) {
  const v1::Web web = ScoredPlan(PlanFromText(R"pb(
                        team_members { id: "t1" }
                        team_members { id: "t2" level: SENIOR_MANAGEMENT }
                        persons { id: "p1" }
                        persons { id: "p2" }
                        relationships { team_member_id: "t1" person_id: "p1" grade: TRUST }
                        relationships { team_member_id: "t2" person_id: "p2" grade: SATISFIED }
                      )pb"))
                          .Web();
  EXPECT_EQ(web.figure(), "2x2");
  EXPECT_EQ(web.team_levels(), 1);
  EXPECT_EQ(web.person_levels(), 0);
}

// Three team members at three levels, each with a thread to one of three persons at three levels.
constexpr char kThreeByThree[] = R"pb(
  team_members { id: "t1" level: EXECUTIVE }
  team_members { id: "t2" level: SENIOR_MANAGEMENT }
  team_members { id: "t3" level: MIDDLE_MANAGEMENT }
  persons { id: "p1" level: EXECUTIVE }
  persons { id: "p2" level: SENIOR_MANAGEMENT }
  persons { id: "p3" level: OPERATIONAL }
  relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
  relationships { team_member_id: "t2" person_id: "p2" grade: SATISFIED }
  relationships { team_member_id: "t3" person_id: "p3" grade: SATISFIED }
)pb";

TEST(WebTest, ExactlyThreeOfEachMeetsThreeByThree) {
  const v1::Web web = ScoredPlan(PlanFromText(kThreeByThree)).Web();
  EXPECT_EQ(web.figure(), "3x3");
  EXPECT_EQ(web.team_levels(), 3);
  EXPECT_EQ(web.person_levels(), 3);
  EXPECT_TRUE(web.meets3x3());
}

TEST(WebTest, TwoLevelsOnOneSideFallShortOfThreeByThree) {
  v1::Plan plan = PlanFromText(kThreeByThree);
  plan.mutable_persons(2)->set_level(v1::SENIOR_MANAGEMENT);
  const v1::Web web = ScoredPlan(plan).Web();
  EXPECT_EQ(web.figure(), "3x3");
  EXPECT_EQ(web.person_levels(), 2);
  EXPECT_FALSE(web.meets3x3());
}

TEST(WebTest, OneThreadBelowTheBarFallsShortOfThreeByThree) {
  v1::Plan plan = PlanFromText(kThreeByThree);
  plan.mutable_relationships(2)->set_grade(v1::INDIFFERENT);
  const v1::Web web = ScoredPlan(plan).Web();
  EXPECT_EQ(web.figure(), "2x2");
  EXPECT_FALSE(web.meets3x3());
}

TEST(WebTest, EmptyPlanHasNoWeb) {
  const v1::Web web = ScoredPlan(v1::Plan()).Web();
  EXPECT_EQ(web.figure(), "0x0");
  EXPECT_FALSE(web.meets3x3());
  EXPECT_THAT(web.team_member_ids(), IsEmpty());
  EXPECT_THAT(web.person_ids(), IsEmpty());
}

}  // namespace
}  // namespace contactplan::score
