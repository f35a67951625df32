// Key intersections: which cells to work on, in which order, with which next grade and why.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend_fixture.h"

namespace contactplan::recommend {
namespace {

using ::contactplan::testing::MakeFinding;
using ::contactplan::testing::RecommendFixture;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The executive's only relationship is Dissatisfied; a colleague holds Trust with the executive's
// manager. Work on the Dissatisfied cell, one step (to Indifferent), through the colleague.
TEST(KeyIntersections, DissatisfiedExecutiveIsLiftedThroughColleagueWhoTrustsTheManager) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t-sam" level: SENIOR_MANAGEMENT }
    team_members { id: "t-cy" level: EXECUTIVE }
    persons { id: "p-ceo" level: EXECUTIVE }
    persons { id: "p-cfo" level: EXECUTIVE reports_to_id: "p-ceo" }
    relationships { team_member_id: "t-sam" person_id: "p-cfo" grade: DISSATISFIED }
    relationships { team_member_id: "t-cy" person_id: "p-ceo" grade: TRUST }
  )pb");
  const v1::Recommendations out = fixture.Recommend();

  ASSERT_EQ(out.key_intersections_size(), 1);
  const v1::KeyIntersection& key = out.key_intersections(0);
  EXPECT_EQ(key.rank(), 1);
  EXPECT_EQ(key.team_member_id(), "t-sam");
  EXPECT_EQ(key.person_id(), "p-cfo");
  EXPECT_EQ(key.current_grade(), v1::DISSATISFIED);
  EXPECT_EQ(key.next_grade(), v1::INDIFFERENT);
  EXPECT_EQ(key.goal_grade(), v1::SATISFIED);
  ASSERT_EQ(key.leverage_size(), 1);
  const v1::LeveragePath& path = key.leverage(0);
  EXPECT_EQ(path.team_member_id(), "t-cy");
  EXPECT_EQ(path.grade(), v1::TRUST);
  EXPECT_THAT(path.person_ids(), ElementsAre("p-ceo", "p-cfo"));
  EXPECT_EQ(path.via(), v1::LeveragePath::MANAGER);
  EXPECT_EQ(path.hops(), 1);
  // importance 0.5 (executive); urgency 0.9 (Dissatisfied); feasibility
  // 1 - (1 - 0.5 * 0.9) * (1 - 0.4 * 0.75) = 0.615.
  EXPECT_DOUBLE_EQ(key.priority().importance(), 0.5);
  EXPECT_DOUBLE_EQ(key.priority().urgency(), 0.9);
  EXPECT_DOUBLE_EQ(key.priority().feasibility(), 0.615);
  EXPECT_DOUBLE_EQ(key.priority().score(), 27.68);
  EXPECT_EQ(key.effort(), 1);  // upkeep of Satisfied
  EXPECT_FALSE(key.strategies().empty());
  EXPECT_THAT(key.owner_reason(), ::testing::HasSubstr("holds this relationship (Dissatisfied)"));
}

// A key person nobody reaches gets a blank cell with the best-placed owner: within one level, and
// connected through the person's manager.
TEST(KeyIntersections, UncoveredKeyPersonGetsBlankCellWithBestPlacedOwner) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t-junior" level: OPERATIONAL }
    team_members { id: "t-peer" level: SENIOR_MANAGEMENT }
    team_members { id: "t-linked" level: SENIOR_MANAGEMENT }
    persons { id: "p-boss" level: EXECUTIVE }
    persons { id: "p-vp" level: SENIOR_MANAGEMENT key: true reports_to_id: "p-boss" }
    persons { id: "p-other" level: SENIOR_MANAGEMENT }
    relationships { team_member_id: "t-linked" person_id: "p-boss" grade: SATISFIED }
    relationships { team_member_id: "t-junior" person_id: "p-boss" grade: SATISFIED }
    relationships { team_member_id: "t-peer" person_id: "p-other" grade: SATISFIED }
    relationships { team_member_id: "t-junior" person_id: "p-other" grade: SATISFIED }
  )pb");
  const v1::Recommendations out = fixture.Recommend({MakeFinding("UNCOVERED_PERSON", {"p-vp"})});

  ASSERT_EQ(out.key_intersections_size(), 1);
  const v1::KeyIntersection& key = out.key_intersections(0);
  EXPECT_EQ(key.person_id(), "p-vp");
  EXPECT_EQ(key.team_member_id(), "t-linked");
  EXPECT_EQ(key.current_grade(), v1::GRADE_UNSPECIFIED);
  EXPECT_EQ(key.next_grade(), v1::INDIFFERENT);
  EXPECT_EQ(key.goal_grade(), v1::SATISFIED);
  EXPECT_THAT(key.reason_codes(), ElementsAre("UNCOVERED_PERSON"));
  EXPECT_THAT(key.owner_reason(),
              ::testing::HasSubstr("holds Satisfied with p-boss, their manager"));
}

// A person who is Dissatisfied with us expects the repair first: a new face is no easier than
// fixing the relationship we have, so the repair ranks above a blank cell with a better-placed owner.
TEST(KeyIntersections, ANewFaceDoesNotSkipTheRepairOfADissatisfiedPerson) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t-kai" level: MIDDLE_MANAGEMENT }
    team_members { id: "t-irene" level: EXECUTIVE }
    persons { id: "p-maja" level: SENIOR_MANAGEMENT buyer_roles: ADVISOR }
    relationships { team_member_id: "t-kai" person_id: "p-maja" grade: DISSATISFIED }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  ASSERT_EQ(out.key_intersections_size(), 1);
  EXPECT_EQ(out.key_intersections(0).team_member_id(), "t-kai");
  EXPECT_EQ(out.key_intersections(0).next_grade(), v1::INDIFFERENT);
}

// Relationships move one level at a time: every key intersection's next grade is exactly one step
// above its current grade, and a Trust cell is never proposed.
TEST(KeyIntersections, NextGradeIsExactlyOneStepAndNeverAboveTrust) {
  // t2 holds Satisfied with everyone (as the plan wants), so no blank cell competes with t1's;
  // t1 has the capacity for every step (the default 12 would leave the last one unstaffed).
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" level: EXECUTIVE capacity: 20 }
    team_members { id: "t2" level: SENIOR_MANAGEMENT }
    persons { id: "p-m" level: SENIOR_MANAGEMENT key: true }
    persons { id: "p-d" level: SENIOR_MANAGEMENT key: true }
    persons { id: "p-i" level: SENIOR_MANAGEMENT key: true }
    persons { id: "p-s" level: SENIOR_MANAGEMENT key: true }
    persons { id: "p-o" level: SENIOR_MANAGEMENT key: true }
    persons { id: "p-t" level: SENIOR_MANAGEMENT key: true }
    relationships { team_member_id: "t1" person_id: "p-m" grade: MOTIVATED_TO_CHANGE }
    relationships { team_member_id: "t1" person_id: "p-d" grade: DISSATISFIED }
    relationships { team_member_id: "t1" person_id: "p-i" grade: INDIFFERENT }
    relationships { team_member_id: "t1" person_id: "p-s" grade: SATISFIED desired_grade: OPEN }
    relationships { team_member_id: "t1" person_id: "p-o" grade: OPEN desired_grade: TRUST }
    relationships { team_member_id: "t1" person_id: "p-t" grade: TRUST desired_grade: TRUST }
    relationships { team_member_id: "t2" person_id: "p-m" grade: SATISFIED desired_grade: SATISFIED }
    relationships { team_member_id: "t2" person_id: "p-d" grade: SATISFIED desired_grade: SATISFIED }
    relationships { team_member_id: "t2" person_id: "p-i" grade: SATISFIED desired_grade: SATISFIED }
    relationships { team_member_id: "t2" person_id: "p-s" grade: SATISFIED desired_grade: SATISFIED }
    relationships { team_member_id: "t2" person_id: "p-o" grade: SATISFIED desired_grade: SATISFIED }
    relationships { team_member_id: "t2" person_id: "p-t" grade: SATISFIED desired_grade: SATISFIED }
  )pb");
  const v1::Recommendations out = fixture.Recommend({}, 90);

  std::vector<std::string> steps;
  for (const v1::KeyIntersection& key : out.key_intersections()) {
    EXPECT_NE(key.current_grade(), v1::TRUST);
    EXPECT_EQ(key.next_grade(),
              key.current_grade() == v1::GRADE_UNSPECIFIED ? v1::INDIFFERENT
                                                           : key.current_grade() + 1);
    EXPECT_EQ(key.team_member_id(), "t1");
    steps.push_back(absl::StrCat(key.person_id(), ":", v1::Grade_Name(key.next_grade())));
  }
  EXPECT_THAT(steps, ::testing::UnorderedElementsAre("p-m:DISSATISFIED", "p-d:INDIFFERENT",
                                                     "p-i:SATISFIED", "p-s:OPEN", "p-o:TRUST"));
}

// The short list: at most 5 for 30 days, 8 for 60 and 12 for 90, and the options change them.
TEST(KeyIntersections, RespectsTheLimitOfEachHorizon) {
  v1::Plan plan;
  plan.add_team_members()->set_id("t1");
  plan.mutable_team_members(0)->set_capacity(20);  // more than the default 12: 15 fit
  for (int p = 0; p < 20; ++p) {
    v1::Person& person = *plan.add_persons();
    person.set_id(absl::StrCat("p", p));
    person.set_key(true);
  }
  const RecommendFixture fixture(plan);
  EXPECT_EQ(fixture.Recommend({}, 30).key_intersections_size(), 5);
  EXPECT_EQ(fixture.Recommend({}, 60).key_intersections_size(), 8);
  EXPECT_EQ(fixture.Recommend({}, 90).key_intersections_size(), 12);
  const RecommendFixture custom(plan, "key_intersections_30: 2 key_intersections_90: 15");
  EXPECT_EQ(custom.Recommend({}, 30).key_intersections_size(), 2);
  EXPECT_EQ(custom.Recommend({}, 90).key_intersections_size(), 15);
  const v1::Recommendations out = custom.Recommend({}, 90);
  for (int i = 0; i < out.key_intersections_size(); ++i) {
    EXPECT_EQ(out.key_intersections(i).rank(), i + 1);
    if (i > 0) {
      EXPECT_LE(out.key_intersections(i).priority().score(),
                out.key_intersections(i - 1).priority().score());
    }
  }
}

}  // namespace
}  // namespace contactplan::recommend
