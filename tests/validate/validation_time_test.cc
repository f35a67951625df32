// Validation of what plans over time add: left_at, successor_id and touches (docs/time.md).
#include <string_view>
#include <vector>

#include "contactplan/validation.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "support/text_plan.h"
#include "validate/problem_printer.h"

namespace contactplan {
namespace {

using ::contactplan::testing::PlanFromText;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<ValidationProblem> Validate(std::string_view plan_text, std::string_view limits = "") {
  v1::Limits parsed;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(std::string(limits), &parsed));
  return ValidatePlan(PlanFromText(plan_text), parsed);
}

std::vector<std::string> Paths(const std::vector<ValidationProblem>& problems) {
  std::vector<std::string> paths;
  for (const ValidationProblem& problem : problems) paths.push_back(problem.path);
  return paths;
}

TEST(ValidateTimeTest, LeavingAndTouchesThatMakeSenseAreValid) {
  EXPECT_THAT(Validate(R"pb(
    team_members { id: "t1" left_at { seconds: 1700000000 } }
    persons { id: "p1" left_at { seconds: 1700000000 } successor_id: "p2" }
    persons { id: "p2" }
    relationships {
      team_member_id: "t1" person_id: "p2"
      touches { at { seconds: 1690000000 } kind: MEETING direction: TWO_WAY note: "kick-off" }
      touches { at { seconds: 1690000001 } }
    }
  )pb"), IsEmpty());
}

TEST(ValidateTimeTest, SuccessorMustNameAnotherPerson) {
  const std::vector<ValidationProblem> problems = Validate(R"pb(
    persons { id: "p1" successor_id: "p9" }
    persons { id: "p2" successor_id: "p2" }
  )pb");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].path, "persons[0].successor_id");
  EXPECT_EQ(problems[0].message, "no person \"p9\"");
  EXPECT_EQ(problems[1].path, "persons[1].successor_id");
  EXPECT_EQ(problems[1].message, "\"p2\" is this person's own id: a person cannot succeed themselves");
}

TEST(ValidateTimeTest, LeftAtAndTouchTimesMustBeInRange) {
  EXPECT_THAT(Paths(Validate(R"pb(
    team_members { id: "t1" left_at { seconds: 253402300800 } }
    persons { id: "p1" left_at { nanos: -1 } }
    relationships { team_member_id: "t1" person_id: "p1"
                    touches { at { seconds: -62135596801 } } }
  )pb")),
              ElementsAre("team_members[0].left_at.seconds", "persons[0].left_at.nanos",
                          "relationships[0].touches[0].at.seconds"));
}

TEST(ValidateTimeTest, ATouchNeedsADateAndKnownValues) {
  const std::vector<ValidationProblem> problems = Validate(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" }
    relationships { team_member_id: "t1" person_id: "p1"
                    touches { kind: 9 direction: 7 } }
  )pb");
  EXPECT_THAT(Paths(problems),
              ElementsAre("relationships[0].touches[0].at", "relationships[0].touches[0].kind",
                          "relationships[0].touches[0].direction"));
  EXPECT_EQ(problems[1].message, "9 is not a defined Kind value");
}

TEST(ValidateTimeTest, TouchesPerRelationshipHaveALimit) {
  const std::vector<ValidationProblem> problems = Validate(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" }
    relationships { team_member_id: "t1" person_id: "p1"
                    touches { at { seconds: 1 } } touches { at { seconds: 2 } }
                    touches { at { seconds: 3 } } }
  )pb", "max_touches: 2");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "relationships[0].touches");
  EXPECT_TRUE(problems[0].over_limit);
  EXPECT_THAT(problems[0].message, ::testing::HasSubstr("limits.max_touches"));
  // Touches count in max_details too.
  EXPECT_THAT(Paths(Validate(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" }
    relationships { team_member_id: "t1" person_id: "p1"
                    touches { at { seconds: 1 } } touches { at { seconds: 2 } } }
  )pb", "max_details: 1")),
              ElementsAre(::testing::HasSubstr("relationships[*].touches")));
}

}  // namespace
}  // namespace contactplan
