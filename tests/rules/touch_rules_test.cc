// GRADE_NOT_BORNE_OUT and ONE_WAY_CONTACT.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/rules_test_support.h"
#include "support/text_plan.h"

namespace contactplan::testing {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

v1::Plan Graded(v1::Grade grade, bool key = false) {
  v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" name: "Sam Lee" }
    persons { id: "p1" name: "Dana Reyes" }
    relationships { team_member_id: "t1" person_id: "p1" }
  )pb");
  plan.mutable_persons(0)->set_key(key);
  plan.mutable_relationships(0)->set_grade(grade);
  return plan;
}

void AddTouch(v1::Plan& plan, double days_ago, v1::Touch::Direction direction,
              v1::Touch::Kind kind = v1::Touch::EMAIL) {
  v1::Touch& touch = *plan.mutable_relationships(0)->add_touches();
  SetTime(touch.mutable_at(), DaysAgo(days_ago));
  touch.set_direction(direction);
  touch.set_kind(kind);
}

TEST(GradeNotBorneOutTest, TrustWithOnlyOutboundTouchesIsAWarning) {
  v1::Plan plan = Graded(v1::TRUST);
  AddTouch(plan, 10, v1::Touch::OUTBOUND);
  const v1::Finding f = Only(Evaluate(plan, {.now = Now()}), "GRADE_NOT_BORNE_OUT");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_EQ(NumberOf(f, "touches"), 1);
  EXPECT_EQ(f.path(), "relationships[0]");
  EXPECT_THAT(f.message(), HasSubstr("Dana Reyes"));
}

TEST(GradeNotBorneOutTest, AnOldInboundTouchDoesNotBearItOut) {
  v1::Plan plan = Graded(v1::OPEN);
  AddTouch(plan, 120, v1::Touch::INBOUND);
  EXPECT_EQ(NumberOf(Only(Evaluate(plan, {.now = Now()}), "GRADE_NOT_BORNE_OUT"),
                     "days_since_inbound"),
            120);
  AddTouch(plan, 30, v1::Touch::TWO_WAY, v1::Touch::MEETING);
  EXPECT_THAT(Codes(Evaluate(plan, {.now = Now()})), Not(Contains("GRADE_NOT_BORNE_OUT")));
}

TEST(GradeNotBorneOutTest, NeedsTouchesAndAHighGrade) {
  EXPECT_THAT(Codes(Evaluate(Graded(v1::TRUST), {.now = Now()})),
              Not(Contains("GRADE_NOT_BORNE_OUT")));
  v1::Plan satisfied = Graded(v1::SATISFIED);
  AddTouch(satisfied, 10, v1::Touch::OUTBOUND);
  EXPECT_THAT(Codes(Evaluate(satisfied, {.now = Now()})), Not(Contains("GRADE_NOT_BORNE_OUT")));
}

TEST(OneWayContactTest, ThreeOutboundInARowFire) {
  v1::Plan plan = Graded(v1::SATISFIED);
  AddTouch(plan, 50, v1::Touch::TWO_WAY);
  AddTouch(plan, 3, v1::Touch::OUTBOUND);  // any order: the dates decide
  AddTouch(plan, 20, v1::Touch::OUTBOUND);
  EXPECT_THAT(Codes(Evaluate(plan, {.now = Now()})), Not(Contains("ONE_WAY_CONTACT")));
  AddTouch(plan, 10, v1::Touch::OUTBOUND);
  const v1::Finding f = Only(Evaluate(plan, {.now = Now()}), "ONE_WAY_CONTACT");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_EQ(NumberOf(f, "outbound_touches"), 3);
  // An answer after them ends the run.
  AddTouch(plan, 1, v1::Touch::INBOUND);
  EXPECT_THAT(Codes(Evaluate(plan, {.now = Now()})), Not(Contains("ONE_WAY_CONTACT")));
}

TEST(OneWayContactTest, CriticalWithAKeyPerson) {
  v1::Plan plan = Graded(v1::SATISFIED, /*key=*/true);
  for (int i = 1; i <= 3; ++i) AddTouch(plan, i, v1::Touch::OUTBOUND);
  EXPECT_EQ(Only(Evaluate(plan, {.now = Now()}), "ONE_WAY_CONTACT").severity(), v1::CRITICAL);
}

TEST(TouchesTest, TheLatestTouchIsTheLastContact) {
  // Assessed 200 days ago, touched 10 days ago: not stale.
  v1::Plan plan = Graded(v1::SATISFIED);
  SetTime(plan.mutable_relationships(0)->mutable_assessed_at(), DaysAgo(200));
  EXPECT_THAT(Codes(Evaluate(plan, {.now = Now()})), Contains("STALE_ASSESSMENT"));
  AddTouch(plan, 10, v1::Touch::TWO_WAY);
  EXPECT_THAT(Codes(Evaluate(plan, {.now = Now()})), Not(Contains("STALE_ASSESSMENT")));
}

}  // namespace
}  // namespace contactplan::testing
