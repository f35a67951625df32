// GRADE_FALLING.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/rules_test_support.h"
#include "support/text_plan.h"

namespace contactplan::testing {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

// One relationship now at `now_grade` assessed `days` before Now(), earlier SATISFIED.
v1::Plan FellDaysAgo(double days, v1::Grade now_grade = v1::INDIFFERENT, bool key = false) {
  v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" name: "Sam Lee" }
    persons { id: "p1" name: "Dana Reyes" }
    relationships { team_member_id: "t1" person_id: "p1" history { grade: SATISFIED } }
  )pb");
  plan.mutable_persons(0)->set_key(key);
  v1::Relationship& r = *plan.mutable_relationships(0);
  r.set_grade(now_grade);
  SetTime(r.mutable_assessed_at(), DaysAgo(days));
  SetTime(r.mutable_history(0)->mutable_at(), DaysAgo(days + 100));
  return plan;
}

TEST(GradeFallingTest, ARecentDropIsAWarning) {
  const v1::Finding f = Only(Evaluate(FellDaysAgo(10), {.now = Now()}), "GRADE_FALLING");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_EQ(NumberOf(f, "from_grade"), v1::SATISFIED);
  EXPECT_EQ(NumberOf(f, "to_grade"), v1::INDIFFERENT);
  EXPECT_EQ(NumberOf(f, "days_since_drop"), 10);
  EXPECT_EQ(f.path(), "relationships[0]");
  EXPECT_THAT(f.message(), HasSubstr("Dana Reyes"));
}

TEST(GradeFallingTest, ToDissatisfiedWithAKeyPersonIsCritical) {
  EXPECT_EQ(Only(Evaluate(FellDaysAgo(10, v1::DISSATISFIED, true), {.now = Now()}),
                 "GRADE_FALLING").severity(),
            v1::CRITICAL);
  EXPECT_EQ(Only(Evaluate(FellDaysAgo(10, v1::DISSATISFIED, false), {.now = Now()}),
                 "GRADE_FALLING").severity(),
            v1::WARNING);
}

TEST(GradeFallingTest, OnlyWithinTheWindowAndOnlyDrops) {
  EXPECT_THAT(Codes(Evaluate(FellDaysAgo(90), {.now = Now()})), Contains("GRADE_FALLING"));
  EXPECT_THAT(Codes(Evaluate(FellDaysAgo(91), {.now = Now()})), Not(Contains("GRADE_FALLING")));
  EXPECT_THAT(Codes(Evaluate(FellDaysAgo(10, v1::OPEN), {.now = Now()})),
              Not(Contains("GRADE_FALLING")));
  // Without a now the rule is skipped.
  EXPECT_THAT(Codes(Evaluate(FellDaysAgo(10))), Not(Contains("GRADE_FALLING")));
}

TEST(GradeFallingTest, TheLatestChangeDecidesAndHistoryMayHoldTheCurrentGrade) {
  // S -> I (dated by the history entry at 20 days), current I assessed later: fell 20 days ago.
  v1::Plan plan = FellDaysAgo(5);
  v1::GradeChange& same = *plan.mutable_relationships(0)->add_history();
  same.set_grade(v1::INDIFFERENT);
  SetTime(same.mutable_at(), DaysAgo(20));
  EXPECT_EQ(NumberOf(Only(Evaluate(plan, {.now = Now()}), "GRADE_FALLING"), "days_since_drop"), 20);
  // A recovery after the drop: the latest change is a rise.
  v1::Plan recovered = FellDaysAgo(5, v1::SATISFIED);
  v1::GradeChange& low = *recovered.mutable_relationships(0)->add_history();
  low.set_grade(v1::DISSATISFIED);
  SetTime(low.mutable_at(), DaysAgo(30));
  EXPECT_THAT(Codes(Evaluate(recovered, {.now = Now()})), Not(Contains("GRADE_FALLING")));
}

TEST(GradeFallingTest, AnUndatedCurrentGradeGivesNoDate) {
  v1::Plan plan = FellDaysAgo(10);
  plan.mutable_relationships(0)->clear_assessed_at();
  EXPECT_THAT(Codes(Evaluate(plan, {.now = Now()})), Not(Contains("GRADE_FALLING")));
}

}  // namespace
}  // namespace contactplan::testing
