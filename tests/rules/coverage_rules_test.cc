// UNCOVERED_PERSON, NO_THREAD_PERSON, SINGLE_THREADED_PERSON, OVER_COVERED_PERSON, SENIORITY_MISMATCH.
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

// ---- UNCOVERED_PERSON ----

TEST(UncoveredPersonTest, PersonWithoutRelationshipIsAWarning) {
  const v1::Finding f = Only(Evaluate(R"pb(
    team_members { id: "t1" name: "Sam Lee" }
    persons { id: "p0" }
    persons { id: "p1" name: "Dana Reyes" title: "CFO" }
    relationships { team_member_id: "t1" person_id: "p0" grade: SATISFIED }
  )pb"), "UNCOVERED_PERSON");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_THAT(f.team_member_ids(), IsEmpty());
  EXPECT_EQ(f.path(), "persons[1]");
  EXPECT_THAT(f.message(), HasSubstr("Dana Reyes (CFO)"));
  EXPECT_EQ(NumberOf(f, "graded_intersections"), 0);
}

TEST(UncoveredPersonTest, GradedPersonIsCovered) {
  EXPECT_THAT(WithCode(Evaluate(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" }
    relationships { team_member_id: "t1" person_id: "p1" grade: MOTIVATED_TO_CHANGE }
  )pb"), "UNCOVERED_PERSON"), IsEmpty());
}

TEST(UncoveredPersonTest, BlankCellDoesNotCoverButNamesThePlannedOwner) {
  const v1::Finding f = Only(Evaluate(R"pb(
    team_members { id: "t1" name: "Sam Lee" }
    persons { id: "p1" }
    relationships { team_member_id: "t1" person_id: "p1" }
  )pb"), "UNCOVERED_PERSON");
  EXPECT_THAT(f.team_member_ids(), ElementsAre("t1"));
  EXPECT_THAT(f.message(), HasSubstr("Sam Lee"));
}

TEST(UncoveredPersonTest, KeyPersonIsCriticalWhicheverWayTheyAreKey) {
  for (const char* plan : {
           R"pb(persons { id: "p1" key: true })pb",
           R"pb(persons { id: "p1" buyer_roles: POWER })pb",
           R"pb(persons { id: "p1" level: EXECUTIVE })pb",
           R"pb(persons { id: "p1" }
                opportunities { id: "o1" participants { person_id: "p1" buying_role: DECISION_MAKER } })pb",
           R"pb(persons { id: "p1" }
                opportunities { id: "o1" participants { person_id: "p1" buying_role: APPROVER } })pb",
       }) {
    EXPECT_EQ(Only(Evaluate(plan), "UNCOVERED_PERSON").severity(), v1::CRITICAL) << plan;
  }
}

TEST(UncoveredPersonTest, NotKeyIsAWarning) {
  for (const char* plan : {
           R"pb(persons { id: "p1" buyer_roles: USER level: SENIOR_MANAGEMENT })pb",
           // A decision maker in a closed opportunity no longer makes the person key.
           R"pb(persons { id: "p1" }
                opportunities { id: "o1" closed: true
                                participants { person_id: "p1" buying_role: DECISION_MAKER } })pb",
           R"pb(persons { id: "p1" }
                opportunities { id: "o1" participants { person_id: "p1" buying_role: EVALUATOR } })pb",
       }) {
    EXPECT_EQ(Only(Evaluate(plan), "UNCOVERED_PERSON").severity(), v1::WARNING) << plan;
  }
}

// ---- NO_THREAD_PERSON ----

TEST(NoThreadPersonTest, PersonWhoMattersKnownOnlyBelowTheThreadGrade) {
  const v1::Finding f = Only(Evaluate(R"pb(
    team_members { id: "t1" name: "Sam Lee" }
    team_members { id: "t2" name: "Ana Ruiz" }
    persons { id: "p1" name: "Dana Reyes" buyer_roles: USER }
    relationships { team_member_id: "t1" person_id: "p1" grade: DISSATISFIED }
    relationships { team_member_id: "t2" person_id: "p1" grade: INDIFFERENT }
  )pb"), "NO_THREAD_PERSON");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_THAT(f.team_member_ids(), ElementsAre("t1", "t2"));
  EXPECT_EQ(NumberOf(f, "graded_intersections"), 2);
  EXPECT_EQ(NumberOf(f, "best_grade"), v1::INDIFFERENT);
  EXPECT_EQ(f.path(), "persons[0]");
  EXPECT_THAT(f.message(), HasSubstr("Sam Lee at Dissatisfied and Ana Ruiz at Indifferent"));
}

TEST(NoThreadPersonTest, KeyPersonIsCritical) {
  EXPECT_EQ(Only(Evaluate(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" buyer_roles: POWER }
    relationships { team_member_id: "t1" person_id: "p1" grade: MOTIVATED_TO_CHANGE }
  )pb"), "NO_THREAD_PERSON").severity(), v1::CRITICAL);
}

TEST(NoThreadPersonTest, OneThreadUncoveredOrNotMatteringIsQuiet) {
  for (const char* plan : {
           // one thread among weak relationships
           R"pb(team_members { id: "t1" } team_members { id: "t2" }
                persons { id: "p1" key: true }
                relationships { team_member_id: "t1" person_id: "p1" grade: DISSATISFIED }
                relationships { team_member_id: "t2" person_id: "p1" grade: SATISFIED })pb",
           // uncovered (blank cells only): UNCOVERED_PERSON's business
           R"pb(team_members { id: "t1" } persons { id: "p1" key: true }
                relationships { team_member_id: "t1" person_id: "p1" })pb",
           // does not matter
           R"pb(team_members { id: "t1" } persons { id: "p1" }
                relationships { team_member_id: "t1" person_id: "p1" grade: INDIFFERENT })pb",
       }) {
    EXPECT_THAT(Codes(Evaluate(plan)), Not(Contains("NO_THREAD_PERSON"))) << plan;
  }
}

TEST(NoThreadPersonTest, FollowsTheThreadGradeOption) {
  constexpr const char* kIndifferent = R"pb(
    team_members { id: "t1" } persons { id: "p1" buyer_roles: ADVISOR }
    relationships { team_member_id: "t1" person_id: "p1" grade: INDIFFERENT })pb";
  EXPECT_THAT(Codes(Evaluate(kIndifferent)), Contains("NO_THREAD_PERSON"));
  EXPECT_THAT(Codes(Evaluate(kIndifferent, {.options = "thread_min_grade: INDIFFERENT"})),
              Not(Contains("NO_THREAD_PERSON")));
}

// ---- SINGLE_THREADED_PERSON ----

TEST(SingleThreadedPersonTest, PersonWhoMattersWithOneRelationship) {
  const v1::Finding f = Only(Evaluate(R"pb(
    team_members { id: "t1" name: "Sam Lee" }
    persons { id: "p1" name: "Dana Reyes" key: true }
    relationships { team_member_id: "t1" person_id: "p1" grade: TRUST }
  )pb"), "SINGLE_THREADED_PERSON");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_THAT(f.team_member_ids(), ElementsAre("t1"));
  EXPECT_EQ(f.path(), "persons[0]");
  EXPECT_THAT(f.message(), HasSubstr("Sam Lee"));
  EXPECT_EQ(NumberOf(f, "graded_intersections"), 1);
}

TEST(SingleThreadedPersonTest, MattersThroughABuyerRoleOrAnOpenBuyingRole) {
  for (const char* plan : {
           R"pb(team_members { id: "t1" }
                persons { id: "p1" buyer_roles: USER }
                relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED })pb",
           R"pb(team_members { id: "t1" }
                persons { id: "p1" }
                relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
                opportunities { id: "o1" participants { person_id: "p1" buying_role: USER } })pb",
       }) {
    EXPECT_THAT(Codes(Evaluate(plan)), Contains("SINGLE_THREADED_PERSON")) << plan;
  }
}

TEST(SingleThreadedPersonTest, PersonWhoDoesNotMatterIsNotReported) {
  for (const char* plan : {
           R"pb(team_members { id: "t1" }
                persons { id: "p1" }
                relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED })pb",
           R"pb(team_members { id: "t1" }
                persons { id: "p1" }
                relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
                opportunities { id: "o1" closed: true
                                participants { person_id: "p1" buying_role: USER } })pb",
       }) {
    EXPECT_THAT(Codes(Evaluate(plan)), Not(Contains("SINGLE_THREADED_PERSON"))) << plan;
  }
}

TEST(SingleThreadedPersonTest, TwoGradedThreadsAreEnoughAndBlankCellsDoNotCount) {
  EXPECT_THAT(Codes(Evaluate(R"pb(
    team_members { id: "t1" } team_members { id: "t2" }
    persons { id: "p1" key: true }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
    relationships { team_member_id: "t2" person_id: "p1" grade: INDIFFERENT }
  )pb")), Not(Contains("SINGLE_THREADED_PERSON")));
  EXPECT_THAT(Codes(Evaluate(R"pb(
    team_members { id: "t1" } team_members { id: "t2" }
    persons { id: "p1" key: true }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
    relationships { team_member_id: "t2" person_id: "p1" }
  )pb")), Contains("SINGLE_THREADED_PERSON"));
}

TEST(SingleThreadedPersonTest, UncoveredPersonIsNotAlsoSingleThreaded) {
  EXPECT_THAT(Codes(Evaluate(R"pb(persons { id: "p1" key: true })pb")),
              Not(Contains("SINGLE_THREADED_PERSON")));
}

// ---- OVER_COVERED_PERSON ----

constexpr const char* kFourThreads = R"pb(
  team_members { id: "t1" } team_members { id: "t2" } team_members { id: "t3" }
  team_members { id: "t4" }
  persons { id: "p1" }
  relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
  relationships { team_member_id: "t2" person_id: "p1" grade: OPEN }
  relationships { team_member_id: "t3" person_id: "p1" grade: INDIFFERENT }
  relationships { team_member_id: "t4" person_id: "p1" grade: TRUST }
)pb";

TEST(OverCoveredPersonTest, FourGradedIntersectionsAreMoreThanThree) {
  const v1::Finding f = Only(Evaluate(kFourThreads), "OVER_COVERED_PERSON");
  EXPECT_EQ(f.severity(), v1::INFO);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_THAT(f.team_member_ids(), ElementsAre("t1", "t2", "t3", "t4"));
  EXPECT_EQ(NumberOf(f, "graded_intersections"), 4);
  EXPECT_EQ(f.path(), "persons[0]");
}

TEST(OverCoveredPersonTest, WarningWhileAKeyPersonIsUncovered) {
  v1::Plan plan = PlanFromText(kFourThreads);
  v1::Person* cfo = plan.add_persons();
  cfo->set_id("p2");
  cfo->set_key(true);
  const v1::Finding f = Only(Evaluate(plan), "OVER_COVERED_PERSON");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_EQ(NumberOf(f, "key_person_uncovered"), 1);
  // Once the key person has any graded intersection, the over-coverage is back to INFO.
  v1::Relationship* first = plan.add_relationships();
  first->set_team_member_id("t1");
  first->set_person_id("p2");
  first->set_grade(v1::INDIFFERENT);
  EXPECT_EQ(Only(Evaluate(plan), "OVER_COVERED_PERSON").severity(), v1::INFO);
}

TEST(OverCoveredPersonTest, ThreeGradedIntersectionsAreFine) {
  v1::Plan plan = PlanFromText(kFourThreads);
  plan.mutable_relationships(3)->clear_grade();  // a blank cell does not count
  EXPECT_THAT(Codes(Evaluate(plan)), Not(Contains("OVER_COVERED_PERSON")));
}

TEST(OverCoveredPersonTest, ThresholdIsAnOption) {
  EXPECT_THAT(Codes(Evaluate(kFourThreads, {.options = "thresholds { over_covered_above: 4 }"})),
              Not(Contains("OVER_COVERED_PERSON")));
  v1::Plan plan = PlanFromText(kFourThreads);
  plan.mutable_relationships()->RemoveLast();
  plan.mutable_relationships()->RemoveLast();
  EXPECT_THAT(Codes(Evaluate(plan, {.options = "thresholds { over_covered_above: 1 }"})),
              Contains("OVER_COVERED_PERSON"));
}

// ---- SENIORITY_MISMATCH ----

TEST(SeniorityMismatchTest, ExecutiveReachedOnlyByJuniors) {
  const v1::Finding f = Only(Evaluate(R"pb(
    team_members { id: "t1" name: "Sam Lee" level: OPERATIONAL }
    team_members { id: "t2" name: "Ana Ruiz" level: MIDDLE_MANAGEMENT }
    persons { id: "p1" name: "Dana Reyes" level: EXECUTIVE }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
    relationships { team_member_id: "t2" person_id: "p1" grade: OPEN }
  )pb"), "SENIORITY_MISMATCH");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_THAT(f.team_member_ids(), ElementsAre("t1", "t2"));
  EXPECT_EQ(NumberOf(f, "levels_below"), 2);  // the closest team member
  EXPECT_THAT(f.message(), HasSubstr("Ana Ruiz"));
}

TEST(SeniorityMismatchTest, SeniorManagerTwoLevelsAboveTheirOnlyContact) {
  EXPECT_THAT(Codes(Evaluate(R"pb(
    team_members { id: "t1" level: OPERATIONAL }
    persons { id: "p1" level: SENIOR_MANAGEMENT }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
  )pb")), Contains("SENIORITY_MISMATCH"));
}

TEST(SeniorityMismatchTest, OnePeerIsEnough) {
  EXPECT_THAT(Codes(Evaluate(R"pb(
    team_members { id: "t1" level: OPERATIONAL }
    team_members { id: "t2" level: SENIOR_MANAGEMENT }
    persons { id: "p1" level: EXECUTIVE }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
    relationships { team_member_id: "t2" person_id: "p1" grade: INDIFFERENT }
  )pb")), Not(Contains("SENIORITY_MISMATCH")));
}

TEST(SeniorityMismatchTest, OneLevelBelowIsNotAMismatch) {
  EXPECT_THAT(Codes(Evaluate(R"pb(
    team_members { id: "t1" level: MIDDLE_MANAGEMENT }
    persons { id: "p1" level: SENIOR_MANAGEMENT }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
  )pb")), Not(Contains("SENIORITY_MISMATCH")));
}

TEST(SeniorityMismatchTest, UnknownTeamLevelNeverTriggersIt) {
  EXPECT_THAT(Codes(Evaluate(R"pb(
    team_members { id: "t1" level: OPERATIONAL }
    team_members { id: "t2" }
    persons { id: "p1" level: EXECUTIVE }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
    relationships { team_member_id: "t2" person_id: "p1" grade: SATISFIED }
  )pb")), Not(Contains("SENIORITY_MISMATCH")));
  EXPECT_THAT(Codes(Evaluate(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" level: EXECUTIVE }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
  )pb")), Not(Contains("SENIORITY_MISMATCH")));
}

TEST(SeniorityMismatchTest, OnlySeniorPersonsWithGradedIntersectionsAreChecked) {
  // Middle management two levels above is impossible; an unknown person level never fires.
  for (const char* plan : {
           R"pb(team_members { id: "t1" level: OPERATIONAL }
                persons { id: "p1" level: MIDDLE_MANAGEMENT }
                relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED })pb",
           R"pb(team_members { id: "t1" level: OPERATIONAL }
                persons { id: "p1" }
                relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED })pb",
           // Only a blank cell: no graded intersection, nothing to judge.
           R"pb(team_members { id: "t1" level: OPERATIONAL }
                persons { id: "p1" level: EXECUTIVE }
                relationships { team_member_id: "t1" person_id: "p1" })pb",
       }) {
    EXPECT_THAT(Codes(Evaluate(plan)), Not(Contains("SENIORITY_MISMATCH"))) << plan;
  }
}

TEST(SeniorityMismatchTest, GapIsAnOption) {
  constexpr const char* kPlan = R"pb(
    team_members { id: "t1" level: MIDDLE_MANAGEMENT }
    persons { id: "p1" level: EXECUTIVE }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
  )pb";
  EXPECT_THAT(Codes(Evaluate(kPlan)), Contains("SENIORITY_MISMATCH"));
  EXPECT_THAT(Codes(Evaluate(kPlan, {.options = "thresholds { seniority_gap_levels: 3 }"})),
              Not(Contains("SENIORITY_MISMATCH")));
  EXPECT_THAT(Codes(Evaluate(R"pb(
    team_members { id: "t1" level: SENIOR_MANAGEMENT }
    persons { id: "p1" level: EXECUTIVE }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
  )pb", {.options = "thresholds { seniority_gap_levels: 1 }"})), Contains("SENIORITY_MISMATCH"));
}

}  // namespace
}  // namespace contactplan::testing
