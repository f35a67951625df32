// COMPETITIVE_RELATIONSHIP, RELATIONSHIP_GAP, LARGE_RELATIONSHIP_GAP, BELOW_CREDIBLE_SOURCE,
// OVER_INVESTED.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/rules_test_support.h"

namespace contactplan::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// ---- COMPETITIVE_RELATIONSHIP ----

TEST(CompetitiveRelationshipTest, CompetitiveTypeIsReported) {
  const v1::Finding f = Only(Evaluate(R"pb(
    persons { id: "p1" relationship_type: COOPERATIVE }
    persons { id: "p2" name: "Dana Reyes" relationship_type: COMPETITIVE }
    persons { id: "p3" }
  )pb"), "COMPETITIVE_RELATIONSHIP");
  EXPECT_EQ(f.severity(), v1::INFO);
  EXPECT_THAT(f.person_ids(), ElementsAre("p2"));
  EXPECT_EQ(f.path(), "persons[1]");
  EXPECT_THAT(f.message(), HasSubstr("Dana Reyes"));
}

// ---- RELATIONSHIP_GAP and LARGE_RELATIONSHIP_GAP ----

TEST(RelationshipGapTest, OneLevelBelowDesired) {
  const v1::Finding f = Only(Evaluate(R"pb(
    persons { id: "p1" relationship_level: CREDIBLE_SOURCE
              desired_relationship_level: PROBLEM_SOLVER }
  )pb"), "RELATIONSHIP_GAP");
  EXPECT_EQ(f.severity(), v1::INFO);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_EQ(f.path(), "persons[0]");
  EXPECT_EQ(NumberOf(f, "gap_levels"), 1);
  EXPECT_EQ(NumberOf(f, "current_level"), v1::CREDIBLE_SOURCE);
  EXPECT_EQ(NumberOf(f, "desired_level"), v1::PROBLEM_SOLVER);
}

TEST(RelationshipGapTest, UnsetCurrentCountsAsVendor) {
  const v1::Finding f =
      Only(Evaluate(R"pb(persons { id: "p1" desired_relationship_level: CREDIBLE_SOURCE })pb"),
           "RELATIONSHIP_GAP");
  EXPECT_EQ(NumberOf(f, "current_level"), v1::VENDOR);
  EXPECT_EQ(NumberOf(f, "gap_levels"), 1);
  const std::vector<v1::Finding> large = WithCode(
      Evaluate(R"pb(persons { id: "p1" desired_relationship_level: TRUSTED_ADVISOR })pb"),
      "LARGE_RELATIONSHIP_GAP");
  ASSERT_EQ(large.size(), 1u);
  EXPECT_EQ(NumberOf(large[0], "gap_levels"), 3);
}

TEST(RelationshipGapTest, NoDesiredLevelNoGap) {
  const std::vector<std::string> codes = Codes(Evaluate(R"pb(
    persons { id: "p1" relationship_level: VENDOR }
    persons { id: "p2" }
  )pb"));
  EXPECT_THAT(codes, Not(Contains("RELATIONSHIP_GAP")));
  EXPECT_THAT(codes, Not(Contains("LARGE_RELATIONSHIP_GAP")));
  EXPECT_THAT(codes, Not(Contains("OVER_INVESTED")));
}

TEST(RelationshipGapTest, AtDesiredLevelNoGap) {
  const std::vector<std::string> codes = Codes(Evaluate(R"pb(
    persons { id: "p1" relationship_level: PROBLEM_SOLVER desired_relationship_level: PROBLEM_SOLVER }
  )pb"));
  EXPECT_THAT(codes, Not(Contains("RELATIONSHIP_GAP")));
  EXPECT_THAT(codes, Not(Contains("LARGE_RELATIONSHIP_GAP")));
  EXPECT_THAT(codes, Not(Contains("OVER_INVESTED")));
}

TEST(LargeRelationshipGapTest, TwoLevelsIsLargeAndNotAlsoAPlainGap) {
  const std::vector<v1::Finding> findings = Evaluate(R"pb(
    persons { id: "p1" relationship_level: VENDOR desired_relationship_level: PROBLEM_SOLVER }
  )pb");
  const v1::Finding f = Only(findings, "LARGE_RELATIONSHIP_GAP");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_EQ(NumberOf(f, "gap_levels"), 2);
  EXPECT_THAT(Codes(findings), Not(Contains("RELATIONSHIP_GAP")));
}

TEST(LargeRelationshipGapTest, ThresholdIsAnOption) {
  constexpr const char* kTwoLevels = R"pb(
    persons { id: "p1" relationship_level: VENDOR desired_relationship_level: PROBLEM_SOLVER }
  )pb";
  constexpr const char* kThreeLevels = R"pb(
    persons { id: "p1" relationship_level: VENDOR desired_relationship_level: TRUSTED_ADVISOR }
  )pb";
  const RuleRun run{.options = "thresholds { large_relationship_gap_levels: 3 }"};
  // Two levels is no longer large, and still a gap to plan.
  EXPECT_THAT(Codes(Evaluate(kTwoLevels, run)), Not(Contains("LARGE_RELATIONSHIP_GAP")));
  EXPECT_EQ(NumberOf(Only(Evaluate(kTwoLevels, run), "RELATIONSHIP_GAP"), "gap_levels"), 2);
  EXPECT_THAT(Codes(Evaluate(kThreeLevels, run)), Contains("LARGE_RELATIONSHIP_GAP"));
  EXPECT_THAT(Codes(Evaluate(kThreeLevels, run)), Not(Contains("RELATIONSHIP_GAP")));
}

// ---- BELOW_CREDIBLE_SOURCE ----

TEST(BelowCredibleSourceTest, PersonWhoMattersAtVendor) {
  const v1::Finding f = Only(Evaluate(R"pb(
    persons { id: "p1" relationship_level: VENDOR buyer_roles: USER }
  )pb"), "BELOW_CREDIBLE_SOURCE");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_EQ(f.path(), "persons[0]");
}

// v2: an unset level is not assessed, not Vendor (before v2 it fired "level not assessed, so
// assumed" for everyone on a sheet without a relationship row). The gap rules still start it at
// VENDOR.
TEST(BelowCredibleSourceTest, UnsetLevelIsNotAssessedAndDoesNotFire) {
  const std::vector<v1::Finding> findings = Evaluate(
      R"pb(persons { id: "p1" key: true desired_relationship_level: PROBLEM_SOLVER })pb");
  EXPECT_THAT(Codes(findings), Not(Contains("BELOW_CREDIBLE_SOURCE")));
  EXPECT_THAT(Codes(findings), Contains("LARGE_RELATIONSHIP_GAP"));
}

TEST(BelowCredibleSourceTest, OnlyPersonsWhoMatterAndOnlyAtVendor) {
  for (const char* plan : {
           R"pb(persons { id: "p1" relationship_level: VENDOR })pb",
           R"pb(persons { id: "p1" key: true relationship_level: CREDIBLE_SOURCE })pb",
           R"pb(persons { id: "p1" relationship_level: VENDOR }
                opportunities { id: "o1" closed: true
                                participants { person_id: "p1" buying_role: APPROVER } })pb",
       }) {
    EXPECT_THAT(Codes(Evaluate(plan)), Not(Contains("BELOW_CREDIBLE_SOURCE"))) << plan;
  }
  EXPECT_THAT(Codes(Evaluate(R"pb(
    persons { id: "p1" relationship_level: VENDOR }
    opportunities { id: "o1" participants { person_id: "p1" buying_role: EVALUATOR } }
  )pb")), Contains("BELOW_CREDIBLE_SOURCE"));
}

// ---- OVER_INVESTED ----

TEST(OverInvestedTest, CurrentAboveDesired) {
  const v1::Finding f = Only(Evaluate(R"pb(
    persons { id: "p1" relationship_level: TRUSTED_ADVISOR
              desired_relationship_level: CREDIBLE_SOURCE }
  )pb"), "OVER_INVESTED");
  EXPECT_EQ(f.severity(), v1::INFO);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_EQ(NumberOf(f, "gap_levels"), -2);
}

TEST(OverInvestedTest, NeedsADesiredLevelAndSomethingAboveIt) {
  EXPECT_THAT(WithCode(Evaluate(R"pb(
    persons { id: "p1" relationship_level: TRUSTED_ADVISOR }
    persons { id: "p2" desired_relationship_level: VENDOR }
    persons { id: "p3" relationship_level: CREDIBLE_SOURCE
              desired_relationship_level: PROBLEM_SOLVER }
  )pb"), "OVER_INVESTED"), IsEmpty());
}

}  // namespace
}  // namespace contactplan::testing
