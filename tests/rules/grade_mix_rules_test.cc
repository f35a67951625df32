// WEAK_RELATIONSHIP, TRUST_INFLATION, TOO_FEW_OPEN.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
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

// A plan with one team member per grade, all with person p1 (and p2 for the rest).
v1::Plan PlanWithGrades(const std::vector<v1::Grade>& grades) {
  v1::Plan plan;
  plan.add_persons()->set_id("p1");
  for (size_t i = 0; i < grades.size(); ++i) {
    const std::string member = absl::StrCat("t", i);
    plan.add_team_members()->set_id(member);
    v1::Relationship* relationship = plan.add_relationships();
    relationship->set_team_member_id(member);
    relationship->set_person_id("p1");
    relationship->set_grade(grades[i]);
  }
  return plan;
}

// ---- WEAK_RELATIONSHIP ----

TEST(WeakRelationshipTest, OneFindingPerWeakIntersectionWithSeverityByGrade) {
  const std::vector<v1::Finding> weak = WithCode(Evaluate(R"pb(
    team_members { id: "t1" name: "Sam Lee" }
    team_members { id: "t2" }
    team_members { id: "t3" }
    team_members { id: "t4" }
    persons { id: "p1" name: "Dana Reyes" }
    relationships { team_member_id: "t1" person_id: "p1" grade: INDIFFERENT }
    relationships { team_member_id: "t2" person_id: "p1" grade: SATISFIED }
    relationships { team_member_id: "t3" person_id: "p1" grade: DISSATISFIED }
    relationships { team_member_id: "t4" person_id: "p1" grade: MOTIVATED_TO_CHANGE }
  )pb"), "WEAK_RELATIONSHIP");
  ASSERT_EQ(weak.size(), 3u);
  // Critical first (plan order within), then the warning.
  EXPECT_EQ(weak[0].severity(), v1::CRITICAL);
  EXPECT_EQ(weak[0].path(), "relationships[2]");
  EXPECT_THAT(weak[0].team_member_ids(), ElementsAre("t3"));
  EXPECT_EQ(weak[1].severity(), v1::CRITICAL);
  EXPECT_EQ(weak[1].path(), "relationships[3]");
  EXPECT_EQ(weak[2].severity(), v1::WARNING);
  EXPECT_EQ(weak[2].path(), "relationships[0]");
  EXPECT_THAT(weak[2].person_ids(), ElementsAre("p1"));
  EXPECT_THAT(weak[2].team_member_ids(), ElementsAre("t1"));
  EXPECT_THAT(weak[2].message(), HasSubstr("Dana Reyes"));
  EXPECT_THAT(weak[2].message(), HasSubstr("Sam Lee"));
  EXPECT_EQ(NumberOf(weak[2], "grade"), v1::INDIFFERENT);
}

TEST(WeakRelationshipTest, SatisfiedAndBetterAndBlankAreNotWeak) {
  EXPECT_THAT(WithCode(Evaluate(R"pb(
    team_members { id: "t1" } team_members { id: "t2" } team_members { id: "t3" }
    team_members { id: "t4" }
    persons { id: "p1" }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
    relationships { team_member_id: "t2" person_id: "p1" grade: OPEN }
    relationships { team_member_id: "t3" person_id: "p1" grade: TRUST }
    relationships { team_member_id: "t4" person_id: "p1" }
  )pb"), "WEAK_RELATIONSHIP"), IsEmpty());
}

// ---- TRUST_INFLATION ----

TEST(TrustInflationTest, OneTrustInFiveIsExactlyTwentyPercentAndFine) {
  EXPECT_THAT(Codes(Evaluate(PlanWithGrades(
                  {v1::TRUST, v1::SATISFIED, v1::SATISFIED, v1::OPEN, v1::INDIFFERENT}))),
              Not(Contains("TRUST_INFLATION")));
}

TEST(TrustInflationTest, TwoTrustInFiveIsMoreThanTwentyPercent) {
  const v1::Finding f = Only(Evaluate(PlanWithGrades(
                                 {v1::TRUST, v1::SATISFIED, v1::TRUST, v1::OPEN, v1::INDIFFERENT})),
                             "TRUST_INFLATION");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_EQ(NumberOf(f, "graded_intersections"), 5);
  EXPECT_EQ(NumberOf(f, "trust_intersections"), 2);
  EXPECT_DOUBLE_EQ(NumberOf(f, "trust_share"), 0.4);
  // The Trust intersections are named.
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_THAT(f.team_member_ids(), ElementsAre("t0", "t2"));
}

TEST(TrustInflationTest, NeedsAtLeastFiveGradedIntersections) {
  // All four are Trust, but four is too few to judge the mix; blank cells do not count.
  v1::Plan plan = PlanWithGrades({v1::TRUST, v1::TRUST, v1::TRUST, v1::TRUST, v1::TRUST});
  plan.mutable_relationships(4)->clear_grade();
  EXPECT_THAT(Codes(Evaluate(plan)), Not(Contains("TRUST_INFLATION")));
  EXPECT_THAT(Codes(Evaluate(plan, {.options = "thresholds { trust_inflation_min_intersections: 4 }"})),
              Contains("TRUST_INFLATION"));
}

TEST(TrustInflationTest, ShareIsAnOption) {
  const v1::Plan plan =
      PlanWithGrades({v1::TRUST, v1::SATISFIED, v1::TRUST, v1::OPEN, v1::INDIFFERENT});
  EXPECT_THAT(Codes(Evaluate(plan, {.options = "thresholds { trust_inflation_max_share: 0.4 }"})),
              Not(Contains("TRUST_INFLATION")));
  EXPECT_THAT(Codes(Evaluate(plan, {.options = "thresholds { trust_inflation_max_share: 0.39 }"})),
              Contains("TRUST_INFLATION"));
}

// ---- TOO_FEW_OPEN ----

TEST(TooFewOpenTest, OneOpenInFiveIsTooFew) {
  const v1::Finding f = Only(Evaluate(PlanWithGrades(
                                 {v1::OPEN, v1::SATISFIED, v1::SATISFIED, v1::TRUST, v1::SATISFIED})),
                             "TOO_FEW_OPEN");
  EXPECT_EQ(f.severity(), v1::INFO);
  EXPECT_EQ(NumberOf(f, "graded_intersections"), 5);
  EXPECT_EQ(NumberOf(f, "open_intersections"), 1);
  EXPECT_DOUBLE_EQ(NumberOf(f, "open_share"), 0.2);
}

TEST(TooFewOpenTest, ExactlyAQuarterIsEnough) {
  EXPECT_THAT(Codes(Evaluate(PlanWithGrades({v1::OPEN, v1::OPEN, v1::SATISFIED, v1::SATISFIED,
                                             v1::SATISFIED, v1::SATISFIED, v1::SATISFIED,
                                             v1::SATISFIED}))),
              Not(Contains("TOO_FEW_OPEN")));
  EXPECT_THAT(Codes(Evaluate(PlanWithGrades({v1::OPEN, v1::SATISFIED, v1::SATISFIED,
                                             v1::SATISFIED, v1::SATISFIED, v1::SATISFIED,
                                             v1::SATISFIED, v1::SATISFIED}))),
              Contains("TOO_FEW_OPEN"));
}

TEST(TooFewOpenTest, NeedsAtLeastFiveGradedIntersections) {
  const v1::Plan plan = PlanWithGrades({v1::SATISFIED, v1::SATISFIED, v1::SATISFIED, v1::SATISFIED});
  EXPECT_THAT(Codes(Evaluate(plan)), Not(Contains("TOO_FEW_OPEN")));
  EXPECT_THAT(Codes(Evaluate(plan, {.options = "thresholds { too_few_open_min_intersections: 4 }"})),
              Contains("TOO_FEW_OPEN"));
}

TEST(TooFewOpenTest, ShareIsAnOption) {
  const v1::Plan plan =
      PlanWithGrades({v1::OPEN, v1::SATISFIED, v1::SATISFIED, v1::SATISFIED, v1::SATISFIED});
  EXPECT_THAT(Codes(Evaluate(plan, {.options = "thresholds { too_few_open_min_share: 0.2 }"})),
              Not(Contains("TOO_FEW_OPEN")));
}

TEST(GradeMixTest, EmptyMapReportsNothingAccountWide) {
  const std::vector<std::string> codes = Codes(Evaluate(
      v1::Plan(), {.options = "thresholds { trust_inflation_min_intersections: 0 "
                              "too_few_open_min_intersections: 0 }"}));
  EXPECT_THAT(codes, Not(Contains("TRUST_INFLATION")));
  EXPECT_THAT(codes, Not(Contains("TOO_FEW_OPEN")));
}

}  // namespace
}  // namespace contactplan::testing
