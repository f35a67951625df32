// STALE_ASSESSMENT.
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

// One relationship at `grade`, assessed `days` before Now().
v1::Plan AssessedDaysAgo(double days, v1::Grade grade = v1::SATISFIED) {
  v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" name: "Sam Lee" }
    persons { id: "p1" name: "Dana Reyes" }
    relationships { team_member_id: "t1" person_id: "p1" }
  )pb");
  plan.mutable_relationships(0)->set_grade(grade);
  SetTime(plan.mutable_relationships(0)->mutable_assessed_at(), DaysAgo(days));
  return plan;
}

TEST(StaleAssessmentTest, NinetyOneDaysIsStale) {
  const v1::Finding f = Only(Evaluate(AssessedDaysAgo(91), {.now = Now()}), "STALE_ASSESSMENT");
  EXPECT_EQ(f.severity(), v1::INFO);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_THAT(f.team_member_ids(), ElementsAre("t1"));
  EXPECT_EQ(f.path(), "relationships[0]");
  EXPECT_EQ(NumberOf(f, "days_since_contact"), 91);
  EXPECT_THAT(f.message(), HasSubstr("Dana Reyes"));
}

TEST(StaleAssessmentTest, NinetyDaysIsNotMoreThanNinety) {
  EXPECT_THAT(Codes(Evaluate(AssessedDaysAgo(89), {.now = Now()})), Not(Contains("STALE_ASSESSMENT")));
  EXPECT_THAT(Codes(Evaluate(AssessedDaysAgo(90), {.now = Now()})), Not(Contains("STALE_ASSESSMENT")));
  // One second past the limit is more than 90 days.
  EXPECT_THAT(Codes(Evaluate(AssessedDaysAgo(90 + 1.0 / 86400), {.now = Now()})),
              Contains("STALE_ASSESSMENT"));
}

TEST(StaleAssessmentTest, TrustAndOpenAreWarnings) {
  EXPECT_EQ(Only(Evaluate(AssessedDaysAgo(91, v1::TRUST), {.now = Now()}), "STALE_ASSESSMENT")
                .severity(),
            v1::WARNING);
  EXPECT_EQ(Only(Evaluate(AssessedDaysAgo(91, v1::OPEN), {.now = Now()}), "STALE_ASSESSMENT")
                .severity(),
            v1::WARNING);
  EXPECT_EQ(Only(Evaluate(AssessedDaysAgo(91, v1::DISSATISFIED), {.now = Now()}),
                 "STALE_ASSESSMENT")
                .severity(),
            v1::INFO);
}

TEST(StaleAssessmentTest, TheLaterOfAssessmentAndContactCounts) {
  v1::Plan plan = AssessedDaysAgo(200);
  SetTime(plan.mutable_relationships(0)->mutable_last_contact_at(), DaysAgo(10));
  EXPECT_THAT(Codes(Evaluate(plan, {.now = Now()})), Not(Contains("STALE_ASSESSMENT")));

  plan.mutable_relationships(0)->clear_assessed_at();
  SetTime(plan.mutable_relationships(0)->mutable_last_contact_at(), DaysAgo(120));
  EXPECT_EQ(NumberOf(Only(Evaluate(plan, {.now = Now()}), "STALE_ASSESSMENT"), "days_since_contact"),
            120);
}

TEST(StaleAssessmentTest, GradeWithoutAnyDateIsNotReported) {
  v1::Plan plan = AssessedDaysAgo(0);
  plan.mutable_relationships(0)->clear_assessed_at();
  EXPECT_THAT(Codes(Evaluate(plan, {.now = Now()})), Not(Contains("STALE_ASSESSMENT")));
}

TEST(StaleAssessmentTest, BlankCellsAreNotAssessments) {
  v1::Plan plan = AssessedDaysAgo(300);
  plan.mutable_relationships(0)->clear_grade();
  EXPECT_THAT(Codes(Evaluate(plan, {.now = Now()})), Not(Contains("STALE_ASSESSMENT")));
}

TEST(StaleAssessmentTest, FutureDatesAreNotStale) {
  EXPECT_THAT(Codes(Evaluate(AssessedDaysAgo(-400), {.now = Now()})),
              Not(Contains("STALE_ASSESSMENT")));
}

TEST(StaleAssessmentTest, SkippedWithoutNow) {
  EXPECT_THAT(WithCode(Evaluate(AssessedDaysAgo(1000)), "STALE_ASSESSMENT"), IsEmpty());
}

TEST(StaleAssessmentTest, LimitIsAnOption) {
  const RuleRun run{.options = "thresholds { stale_after_days: 30 }", .now = Now()};
  EXPECT_THAT(Codes(Evaluate(AssessedDaysAgo(30), run)), Not(Contains("STALE_ASSESSMENT")));
  const v1::Finding f = Only(Evaluate(AssessedDaysAgo(31), run), "STALE_ASSESSMENT");
  EXPECT_EQ(NumberOf(f, "stale_after_days"), 30);
}

}  // namespace
}  // namespace contactplan::testing
