// CHAMPION_LEFT and OWNER_LEFT, and that people who left are out of the other rules.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/rules_test_support.h"
#include "support/text_plan.h"

namespace contactplan::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// Now() is 2024-06-01 (1717200000); 1716000000 is 2024-05-18, 1718000000 is 2024-06-10.

// A former champion with a successor: Mentor of an open opportunity, Trust with our team.
constexpr const char* kChampionGone = R"pb(
  team_members { id: "t1" name: "Sam Lee" }
  persons { id: "p1" name: "Dana Reyes" left_at { seconds: 1716000000 } successor_id: "p2" }
  persons { id: "p2" name: "Ola Berg" }
  relationships { team_member_id: "t1" person_id: "p1" grade: TRUST }
  opportunities { id: "o1" participants { person_id: "p1" preference: MENTOR }
                  participants { person_id: "p2" } }
)pb";

TEST(ChampionLeftTest, AMentorWhoLeftIsCriticalAndNamesTheSuccessor) {
  const v1::Finding f = Only(Evaluate(kChampionGone, {.now = Now()}), "CHAMPION_LEFT");
  EXPECT_EQ(f.severity(), v1::CRITICAL);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1", "p2"));
  EXPECT_THAT(f.team_member_ids(), ElementsAre("t1"));
  EXPECT_EQ(NumberOf(f, "best_grade"), v1::TRUST);
  EXPECT_EQ(NumberOf(f, "open_opportunities_backed"), 1);
  EXPECT_THAT(f.message(), HasSubstr("Ola Berg"));
  EXPECT_EQ(f.path(), "persons[0]");
}

TEST(ChampionLeftTest, AnOpenRelationshipAloneIsAWarning) {
  const v1::Finding f = Only(Evaluate(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" left_at { seconds: 1716000000 } }
    relationships { team_member_id: "t1" person_id: "p1" grade: OPEN }
  )pb", {.now = Now()}), "CHAMPION_LEFT");
  EXPECT_EQ(f.severity(), v1::WARNING);
}

TEST(ChampionLeftTest, AnEvangelistWhoLeftIsReported) {
  EXPECT_THAT(Codes(Evaluate(R"pb(
    persons { id: "p1" buyer_roles: EVANGELIST left_at { seconds: 1716000000 } }
  )pb", {.now = Now()})), Contains("CHAMPION_LEFT"));
}

TEST(ChampionLeftTest, NobodyWhoMerelyLeftAndNoDepartureToComeIsReported) {
  // Satisfied only: not a champion.
  EXPECT_THAT(Codes(Evaluate(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" left_at { seconds: 1716000000 } }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
  )pb", {.now = Now()})), Not(Contains("CHAMPION_LEFT")));
  // Leaving after now: still present, still the mentor.
  v1::Plan later = PlanFromText(kChampionGone);
  later.mutable_persons(0)->mutable_left_at()->set_seconds(1718000000);
  const std::vector<std::string> codes = Codes(Evaluate(later, {.now = Now()}));
  EXPECT_THAT(codes, Not(Contains("CHAMPION_LEFT")));
  EXPECT_THAT(codes, Not(Contains("NO_MENTOR")));
}

TEST(ChampionLeftTest, WithoutANowAnyLeftAtCounts) {
  v1::Plan later = PlanFromText(kChampionGone);
  later.mutable_persons(0)->mutable_left_at()->set_seconds(1718000000);
  EXPECT_THAT(Codes(Evaluate(later)), Contains("CHAMPION_LEFT"));
}

TEST(LeavingTest, APersonWhoLeftIsOutOfTheOtherRules) {
  const std::vector<v1::Finding> findings = Evaluate(kChampionGone, {.now = Now()});
  // The mentor who left leaves the opportunity without one; their own cell raises nothing else.
  EXPECT_THAT(Codes(findings), Contains("NO_MENTOR"));
  for (const v1::Finding& f : findings) {
    if (f.code() == "CHAMPION_LEFT" || f.code() == "NO_MENTOR") continue;
    EXPECT_THAT(f.person_ids(), Not(Contains("p1"))) << f.code();
  }
  EXPECT_THAT(Codes(Evaluate(R"pb(
    persons { id: "p1" key: true left_at { seconds: 1716000000 } }
  )pb", {.now = Now()})), Not(Contains("UNCOVERED_PERSON")));
}

constexpr const char* kOwnerGone = R"pb(
  team_members { id: "t1" name: "Sam Lee" left_at { seconds: 1716000000 } }
  team_members { id: "t2" name: "Kim Cho" }
  persons { id: "p1" name: "Dana Reyes" key: true }
  persons { id: "p2" name: "Ola Berg" buyer_roles: USER }
  persons { id: "p3" name: "Lee Park" }
  relationships { team_member_id: "t1" person_id: "p1" grade: OPEN }
  relationships { team_member_id: "t1" person_id: "p2" grade: SATISFIED }
  relationships { team_member_id: "t1" person_id: "p3" grade: SATISFIED }
)pb";

TEST(OwnerLeftTest, AKeyPersonLeftWithoutAThreadIsCritical) {
  const v1::Finding f = Only(Evaluate(kOwnerGone, {.now = Now()}), "OWNER_LEFT");
  EXPECT_EQ(f.severity(), v1::CRITICAL);
  EXPECT_THAT(f.team_member_ids(), ElementsAre("t1"));
  EXPECT_THAT(f.person_ids(), ElementsAre("p1", "p2"));  // p3 does not matter
  EXPECT_EQ(NumberOf(f, "persons_who_matter"), 2);
  EXPECT_EQ(NumberOf(f, "key_persons_without_thread"), 1);
  EXPECT_EQ(f.path(), "team_members[0]");
}

TEST(OwnerLeftTest, AWarningWhileAnotherThreadHolds) {
  v1::Plan plan = PlanFromText(kOwnerGone);
  v1::Relationship& kept = *plan.add_relationships();
  kept.set_team_member_id("t2");
  kept.set_person_id("p1");
  kept.set_grade(v1::SATISFIED);
  EXPECT_EQ(Only(Evaluate(plan, {.now = Now()}), "OWNER_LEFT").severity(), v1::WARNING);
}

TEST(OwnerLeftTest, ACellWithAMemberWhoLeftIsNoCoverage) {
  const std::vector<v1::Finding> findings = Evaluate(kOwnerGone, {.now = Now()});
  // p1 is key and held only by the member who left: uncovered now.
  bool uncovered = false;
  for (const v1::Finding& f : WithCode(findings, "UNCOVERED_PERSON")) {
    uncovered |= f.person_ids(0) == "p1";
  }
  EXPECT_TRUE(uncovered);
  EXPECT_THAT(WithCode(Evaluate(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" key: true }
  )pb", {.now = Now()}), "OWNER_LEFT"), IsEmpty());
}

}  // namespace
}  // namespace contactplan::testing
