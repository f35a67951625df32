#include "score/gaps.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "score/scored_plan.h"
#include "support/text_plan.h"

namespace contactplan::score {
namespace {

using ::contactplan::testing::PlanFromText;
using ::contactplan::testing::ScoredPlan;

TEST(RelationshipGapTest, OnePerPersonInPlanOrder) {
  const v1::Gaps gaps = ScoredPlan(PlanFromText(R"pb(
                          persons {
                            id: "climbing"
                            relationship_level: CREDIBLE_SOURCE
                            desired_relationship_level: TRUSTED_ADVISOR
                          }
                          persons { id: "unassessed" desired_relationship_level: PROBLEM_SOLVER }
                          persons {
                            id: "over-invested"
                            relationship_level: PROBLEM_SOLVER
                            desired_relationship_level: CREDIBLE_SOURCE
                          }
                          persons { id: "no-goal" relationship_level: VENDOR }
                          persons {
                            id: "there"
                            relationship_level: VENDOR
                            desired_relationship_level: VENDOR
                          }
                        )pb"))
                            .Gaps();
  ASSERT_EQ(gaps.persons_size(), 5);

  EXPECT_EQ(gaps.persons(0).person_id(), "climbing");
  EXPECT_EQ(gaps.persons(0).current(), v1::CREDIBLE_SOURCE);
  EXPECT_EQ(gaps.persons(0).desired(), v1::TRUSTED_ADVISOR);
  EXPECT_EQ(gaps.persons(0).gap(), 2);

  // An unset current level is reported as stated, and measured from VENDOR.
  EXPECT_EQ(gaps.persons(1).person_id(), "unassessed");
  EXPECT_EQ(gaps.persons(1).current(), v1::RELATIONSHIP_LEVEL_UNSPECIFIED);
  EXPECT_EQ(gaps.persons(1).gap(), 2);

  EXPECT_EQ(gaps.persons(2).person_id(), "over-invested");
  EXPECT_EQ(gaps.persons(2).gap(), -1);

  EXPECT_EQ(gaps.persons(3).person_id(), "no-goal");
  EXPECT_EQ(gaps.persons(3).desired(), v1::RELATIONSHIP_LEVEL_UNSPECIFIED);
  EXPECT_EQ(gaps.persons(3).gap(), 0);

  EXPECT_EQ(gaps.persons(4).gap(), 0);
}

constexpr char kParticipants[] = R"pb(
  persons { id: "p1" }
  persons { id: "p2" }
  persons { id: "p3" }
  opportunities {
    id: "renewal"
    participants { person_id: "p1" preference: NEUTRAL desired_preference: SUPPORTER }
    participants { person_id: "p2" desired_preference: SUPPORTER }
    participants { person_id: "p3" preference: MENTOR desired_preference: SUPPORTER }
  }
  opportunities {
    id: "lost-deal"
    closed: true
    participants { person_id: "p2" preference: ENEMY }
    participants { person_id: "p1" preference: SUPPORTER desired_preference: MENTOR }
  }
)pb";

TEST(PreferenceGapTest, NeutralIsPlannedAsNonSupporter) {
  const v1::Gaps gaps = ScoredPlan(PlanFromText(kParticipants)).Gaps();
  ASSERT_EQ(gaps.participants_size(), 5);
  const v1::PreferenceGap& neutral = gaps.participants(0);
  EXPECT_EQ(neutral.opportunity_id(), "renewal");
  EXPECT_EQ(neutral.person_id(), "p1");
  EXPECT_EQ(neutral.current(), v1::NEUTRAL);
  EXPECT_EQ(neutral.effective(), v1::NON_SUPPORTER);
  EXPECT_EQ(neutral.desired(), v1::SUPPORTER);
  EXPECT_EQ(neutral.gap(), v1::SUPPORTER - v1::NON_SUPPORTER);
}

TEST(PreferenceGapTest, UnsetCurrentStaysUnsetButCountsAsNonSupporter) {
  const v1::PreferenceGap unset = ScoredPlan(PlanFromText(kParticipants)).Gaps().participants(1);
  EXPECT_EQ(unset.person_id(), "p2");
  EXPECT_EQ(unset.current(), v1::PREFERENCE_UNSPECIFIED);
  EXPECT_EQ(unset.effective(), v1::PREFERENCE_UNSPECIFIED);
  EXPECT_EQ(unset.gap(), v1::SUPPORTER - v1::NON_SUPPORTER);
}

TEST(PreferenceGapTest, AboveTheGoalIsANegativeGap) {
  const v1::PreferenceGap mentor = ScoredPlan(PlanFromText(kParticipants)).Gaps().participants(2);
  EXPECT_EQ(mentor.effective(), v1::MENTOR);
  EXPECT_EQ(mentor.gap(), -1);
}

TEST(PreferenceGapTest, EveryOpportunityInPlanOrderClosedIncluded) {
  const v1::Gaps gaps = ScoredPlan(PlanFromText(kParticipants)).Gaps();
  ASSERT_EQ(gaps.participants_size(), 5);
  const v1::PreferenceGap& enemy = gaps.participants(3);
  EXPECT_EQ(enemy.opportunity_id(), "lost-deal");
  EXPECT_EQ(enemy.person_id(), "p2");
  EXPECT_EQ(enemy.effective(), v1::ENEMY);
  EXPECT_EQ(enemy.desired(), v1::PREFERENCE_UNSPECIFIED);
  EXPECT_EQ(enemy.gap(), 0);  // no goal, no gap
  EXPECT_EQ(gaps.participants(4).person_id(), "p1");
  EXPECT_EQ(gaps.participants(4).gap(), 1);
}

TEST(PreferenceTest, PlanningPreferenceTreatsNeutralAndUnsetAsNonSupporter) {
  EXPECT_EQ(EffectivePreference(v1::NEUTRAL), v1::NON_SUPPORTER);
  EXPECT_EQ(EffectivePreference(v1::PREFERENCE_UNSPECIFIED), v1::PREFERENCE_UNSPECIFIED);
  EXPECT_EQ(EffectivePreference(v1::SUPPORTER), v1::SUPPORTER);
  EXPECT_EQ(PlanningPreference(v1::PREFERENCE_UNSPECIFIED), v1::NON_SUPPORTER);
  EXPECT_EQ(PlanningPreference(v1::NEUTRAL), v1::NON_SUPPORTER);
  EXPECT_EQ(PlanningPreference(v1::ENEMY), v1::ENEMY);
}

}  // namespace
}  // namespace contactplan::score
