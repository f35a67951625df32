// Desired grades: the plan's own kept apart from the engine's proposals.
#include "recommend/desired_grades.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend/importance.h"
#include "recommend_fixture.h"

namespace contactplan::recommend {
namespace {

using ::contactplan::testing::RecommendFixture;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// "person[/member] GRADE SOURCE" per entry, in output order.
std::vector<std::string> Describe(const v1::Recommendations& out) {
  std::vector<std::string> lines;
  for (const v1::DesiredGrade& desired : out.desired_grades()) {
    std::string line = desired.person_id();
    if (!desired.team_member_id().empty()) absl::StrAppend(&line, "/", desired.team_member_id());
    lines.push_back(absl::StrCat(line, " ", v1::Grade_Name(desired.grade()), " ",
                                 v1::DesiredGrade::Source_Name(desired.source())));
  }
  return lines;
}

TEST(DesiredGrades, ProposesTrustForTheMostImportantOpenForDealMoversSatisfiedForTheRest) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" }
    persons { id: "p-ceo" level: EXECUTIVE buyer_roles: POWER key: true }
    persons { id: "p-cfo" level: EXECUTIVE buyer_roles: POWER }
    persons { id: "p-champion" level: MIDDLE_MANAGEMENT buyer_roles: EVANGELIST }
    persons { id: "p-evaluator" level: OPERATIONAL }
    persons { id: "p-user" level: OPERATIONAL buyer_roles: USER }
    persons { id: "p-closed" level: OPERATIONAL }
    relationships { team_member_id: "t1" person_id: "p-ceo" grade: SATISFIED }
    relationships { team_member_id: "t1" person_id: "p-cfo" grade: OPEN }
    opportunities {
      id: "o1"
      participants { person_id: "p-evaluator" buying_role: EVALUATOR }
    }
    opportunities {
      id: "o2"
      closed: true
      participants { person_id: "p-closed" buying_role: DECISION_MAKER }
    }
  )pb");
  EXPECT_THAT(Describe(fixture.Recommend()),
              ElementsAre("p-ceo TRUST PROPOSED", "p-cfo TRUST PROPOSED", "p-champion OPEN PROPOSED",
                          "p-evaluator OPEN PROPOSED", "p-user SATISFIED PROPOSED",
                          "p-closed SATISFIED PROPOSED"));
}

TEST(DesiredGrades, StatedGradesAreKeptApartAndCountAgainstTheTrustBudget) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" }
    team_members { id: "t2" }
    persons { id: "p-stated" level: OPERATIONAL }
    persons { id: "p-a" level: EXECUTIVE buyer_roles: POWER key: true }
    persons { id: "p-b" level: EXECUTIVE buyer_roles: POWER }
    relationships { team_member_id: "t1" person_id: "p-stated" grade: SATISFIED desired_grade: TRUST }
    relationships { team_member_id: "t2" person_id: "p-stated" desired_grade: OPEN }
    relationships { team_member_id: "t1" person_id: "p-a" grade: SATISFIED }
    relationships { team_member_id: "t1" person_id: "p-b" grade: SATISFIED }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  EXPECT_THAT(Describe(out), ElementsAre("p-stated/t1 TRUST STATED", "p-stated/t2 OPEN STATED",
                                         "p-a TRUST PROPOSED", "p-b OPEN PROPOSED"));
  EXPECT_EQ(out.desired_grades(0).reason(), "stated in the plan (relationships[0].desired_grade)");
  EXPECT_THAT(out.desired_grades(2).reason(), HasSubstr("among the 1 most important persons"));
}

TEST(DesiredGrades, MaxTrustTargetsOptionCapsTheProposals) {
  const RecommendFixture fixture(R"pb(
    persons { id: "p-a" level: EXECUTIVE key: true }
    persons { id: "p-b" level: EXECUTIVE key: true }
  )pb",
                                 "max_trust_targets: 0");
  EXPECT_THAT(Describe(fixture.Recommend()),
              ElementsAre("p-a SATISFIED PROPOSED", "p-b SATISFIED PROPOSED"));
}

// A proposal is the goal of the person's best relationship; their other cells aim at Satisfied.
TEST(DesiredGrades, TheProposalAppliesToTheLeadCellOnly) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" }
    team_members { id: "t2" }
    persons { id: "p" level: EXECUTIVE buyer_roles: POWER }
    relationships { team_member_id: "t1" person_id: "p" grade: SATISFIED }
    relationships { team_member_id: "t2" person_id: "p" grade: OPEN }
  )pb");
  DesiredGradeRows entries;
  const DesiredGrades desired(fixture.context(), PersonImportance(fixture.context()), &entries);
  EXPECT_EQ(entries.size(), 1u);
  EXPECT_EQ(desired.proposed(0), v1::TRUST);
  EXPECT_EQ(desired.CellTarget(0), v1::SATISFIED);
  EXPECT_EQ(desired.CellTarget(1), v1::TRUST);
}

TEST(Importance, CombinesFactorsWithoutExceedingOne) {
  const RecommendFixture fixture(R"pb(
    persons { id: "p-nobody" }
    persons { id: "p-exec" level: EXECUTIVE }
    persons { id: "p-all" level: EXECUTIVE key: true buyer_roles: POWER }
    opportunities { id: "o" participants { person_id: "p-all" buying_role: DECISION_MAKER } }
  )pb");
  const std::vector<double> importance = PersonImportance(fixture.context());
  EXPECT_DOUBLE_EQ(importance[0], 0.1);
  EXPECT_DOUBLE_EQ(importance[1], 0.5);
  EXPECT_DOUBLE_EQ(importance[2], 1 - 0.5 * 0.6 * 0.5 * 0.5);
  EXPECT_EQ(ImportanceBasis(fixture.context(), 2),
            "Executive, power buyer, Decision Maker in opportunity \"o\", marked key");
}

// v2: the plan's own desired relationship level decides first (Trusted Advisor -> Trust, Problem
// Solver -> Open, Credible Source and Vendor -> Satisfied), and a wanted Mentor is at least Open.
TEST(DesiredGrades, ThePlansDesiredLevelAndPreferenceComeFirst) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" }
    persons { id: "p-ceo" level: EXECUTIVE desired_relationship_level: TRUSTED_ADVISOR }
    persons {
      id: "p-cfo" level: EXECUTIVE buyer_roles: POWER key: true
      desired_relationship_level: PROBLEM_SOLVER
    }
    persons {
      id: "p-buyer" level: MIDDLE_MANAGEMENT buyer_roles: POWER
      desired_relationship_level: VENDOR
    }
    persons { id: "p-coach" level: OPERATIONAL }
    relationships { team_member_id: "t1" person_id: "p-ceo" grade: SATISFIED }
    relationships { team_member_id: "t1" person_id: "p-cfo" grade: TRUST }
    relationships { team_member_id: "t1" person_id: "p-buyer" grade: SATISFIED }
    opportunities {
      id: "o1"
      participants { person_id: "p-coach" buying_role: USER desired_preference: MENTOR }
    }
  )pb");
  const v1::Recommendations out = fixture.Recommend();
  EXPECT_THAT(Describe(out), ElementsAre("p-ceo TRUST PROPOSED", "p-cfo OPEN PROPOSED",
                                         "p-buyer SATISFIED PROPOSED", "p-coach OPEN PROPOSED"));
  EXPECT_THAT(out.desired_grades(1).reason(),
              HasSubstr("desired relationship level (Problem Solver)"));
  EXPECT_THAT(out.desired_grades(3).reason(), HasSubstr("as Mentor"));
}

// v2: never Trust for a person who is uncovered or below Satisfied with us, whatever their
// importance or desired level; never below today's best grade for a Mentor; a Non-Supporter is not
// a Trust target.
TEST(DesiredGrades, TrustIsEarnedAndAMentorIsNeverPlannedDown) {
  const RecommendFixture fixture(R"pb(
    team_members { id: "t1" }
    persons { id: "p-uncovered" level: EXECUTIVE buyer_roles: POWER key: true }
    persons { id: "p-cold" level: EXECUTIVE desired_relationship_level: TRUSTED_ADVISOR }
    persons { id: "p-mentor" level: OPERATIONAL }
    persons { id: "p-it" level: SENIOR_MANAGEMENT buyer_roles: ADVISOR key: true }
    relationships { team_member_id: "t1" person_id: "p-cold" grade: INDIFFERENT }
    relationships { team_member_id: "t1" person_id: "p-mentor" grade: TRUST }
    relationships { team_member_id: "t1" person_id: "p-it" grade: OPEN }
    opportunities {
      id: "o1"
      participants { person_id: "p-mentor" buying_role: USER preference: MENTOR }
      participants { person_id: "p-it" buying_role: EVALUATOR preference: NON_SUPPORTER }
    }
  )pb",
                                 "max_trust_targets: 0");
  const v1::Recommendations out = fixture.Recommend();
  EXPECT_THAT(Describe(out), ElementsAre("p-uncovered OPEN PROPOSED", "p-cold OPEN PROPOSED",
                                         "p-mentor TRUST PROPOSED", "p-it OPEN PROPOSED"));
  // With room for Trust proposals, the Non-Supporter still gets none.
  const RecommendFixture roomy(fixture.plan(), "max_trust_targets: 5");
  EXPECT_EQ(Describe(roomy.Recommend())[3], "p-it OPEN PROPOSED");
  EXPECT_THAT(out.desired_grades(1).reason(), HasSubstr("Trust is never the goal"));
  EXPECT_THAT(out.desired_grades(2).reason(), HasSubstr("never planned down"));
}

}  // namespace
}  // namespace contactplan::recommend
