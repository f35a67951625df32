// NO_BLUEPRINT, MISSING_BLUEPRINT, GOAL_SKIPS_LEVELS, NO_INFLUENCE_STRATEGY, SALES_TACTIC,
// SALES_PLAN.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
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

// ---- NO_BLUEPRINT ----

TEST(NoBlueprintTest, PersonsButNoBlueprint) {
  EXPECT_EQ(Only(Evaluate(R"pb(persons { id: "p1" })pb"), "NO_BLUEPRINT").severity(), v1::INFO);
}

TEST(NoBlueprintTest, AnyEntryOrAnEmptyMapIsQuiet) {
  EXPECT_THAT(Codes(Evaluate(R"pb(
    persons { id: "p1" } persons { id: "p2" }
    blueprint { person_id: "p2" }
  )pb")), Not(Contains("NO_BLUEPRINT")));
  EXPECT_THAT(Codes(Evaluate(R"pb(team_members { id: "t1" })pb")), Not(Contains("NO_BLUEPRINT")));
}

// ---- MISSING_BLUEPRINT ----

// A plan with a blueprint entry for someone else (p0) and `rest` appended.
std::string WithOtherEntry(std::string_view rest) {
  return absl::StrCat(R"pb(
    team_members { id: "t1" name: "Sam Lee" } team_members { id: "t2" }
    persons { id: "p0" }
    blueprint { person_id: "p0" team_member_id: "t1" }
  )pb", std::string(rest));
}

TEST(MissingBlueprintTest, UncoveredKeyPersonWithoutAnEntry) {
  const v1::Finding f = Only(Evaluate(WithOtherEntry(R"pb(
    persons { id: "p1" name: "Dana Reyes" key: true }
  )pb")), "MISSING_BLUEPRINT");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_EQ(f.path(), "persons[1]");
  EXPECT_THAT(f.message(), HasSubstr("Dana Reyes"));
}

TEST(MissingBlueprintTest, KeyPersonWithAWeakIntersectionNamesIt) {
  for (const char* grade : {"INDIFFERENT", "DISSATISFIED", "MOTIVATED_TO_CHANGE"}) {
    const v1::Finding f = Only(Evaluate(WithOtherEntry(absl::StrCat(R"pb(
      persons { id: "p1" level: EXECUTIVE }
      relationships { team_member_id: "t1" person_id: "p1" grade: TRUST }
      relationships { team_member_id: "t2" person_id: "p1" grade: )pb", grade, "}"))),
                               "MISSING_BLUEPRINT");
    EXPECT_THAT(f.team_member_ids(), ElementsAre("t2")) << grade;
  }
}

TEST(MissingBlueprintTest, NotReportedForWellGradedNonKeyOrPlannedPersons) {
  for (const char* rest : {
           // Key, but every intersection Satisfied or better.
           R"pb(persons { id: "p1" key: true }
                relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED })pb",
           // Uncovered, but not key.
           R"pb(persons { id: "p1" buyer_roles: USER })pb",
           // Key and uncovered, with an entry.
           R"pb(persons { id: "p1" key: true } blueprint { person_id: "p1" })pb",
       }) {
    EXPECT_THAT(Codes(Evaluate(WithOtherEntry(rest))), Not(Contains("MISSING_BLUEPRINT"))) << rest;
  }
}

TEST(MissingBlueprintTest, WithoutAnyBlueprintNoBlueprintSaysItInstead) {
  const std::vector<std::string> codes = Codes(Evaluate(R"pb(persons { id: "p1" key: true })pb"));
  EXPECT_THAT(codes, Not(Contains("MISSING_BLUEPRINT")));
  EXPECT_THAT(codes, Contains("NO_BLUEPRINT"));
}

// ---- GOAL_SKIPS_LEVELS ----

// One entry for (t1, p1) with goal `goal`; the cell is `cell` ("" for no relationship at all).
std::string Goal(std::string_view cell, std::string_view goal) {
  return absl::StrCat(R"pb(
    team_members { id: "t1" name: "Sam Lee" }
    persons { id: "p1" name: "Dana Reyes" }
    blueprint { person_id: "p1" team_member_id: "t1" strategies: LIKING goal { grade: )pb",
                      std::string(goal), " } }", std::string(cell));
}

TEST(GoalSkipsLevelsTest, IndifferentToOpenSkipsSatisfied) {
  const v1::Finding f = Only(
      Evaluate(Goal(R"pb(relationships { team_member_id: "t1" person_id: "p1" grade: INDIFFERENT })pb",
                    "OPEN")),
      "GOAL_SKIPS_LEVELS");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_THAT(f.team_member_ids(), ElementsAre("t1"));
  EXPECT_EQ(f.path(), "blueprint[0]");
  EXPECT_EQ(NumberOf(f, "gap_levels"), 2);
  EXPECT_THAT(f.message(), HasSubstr("Dana Reyes"));
}

TEST(GoalSkipsLevelsTest, OneStepIsFine) {
  for (const auto& [cell, goal] : std::vector<std::pair<std::string, std::string>>{
           {"INDIFFERENT", "SATISFIED"},
           {"DISSATISFIED", "INDIFFERENT"},
           {"OPEN", "TRUST"},
           {"TRUST", "SATISFIED"},  // a lower goal is not a skip
           {"SATISFIED", "SATISFIED"},
       }) {
    EXPECT_THAT(Codes(Evaluate(Goal(absl::StrCat(R"pb(relationships {
                                                     team_member_id: "t1" person_id: "p1" grade: )pb",
                                                 cell, "}"),
                                    goal))),
                Not(Contains("GOAL_SKIPS_LEVELS")))
        << cell << " -> " << goal;
  }
  EXPECT_THAT(Codes(Evaluate(Goal(R"pb(relationships {
                                         team_member_id: "t1" person_id: "p1" grade: MOTIVATED_TO_CHANGE })pb",
                                  "INDIFFERENT"))),
              Contains("GOAL_SKIPS_LEVELS"));
}

// v2: a blank cell's first goal is SATISFIED (reached via INDIFFERENT, as the key intersections
// plan it); before v2 SATISFIED from a blank cell was reported as a skip.
TEST(GoalSkipsLevelsTest, FromBlankSatisfiedIsTheFirstGoalAndOpenSkips) {
  // No relationship at all, or a blank cell on the map: the same.
  for (const char* cell :
       {"", R"pb(relationships { team_member_id: "t1" person_id: "p1" })pb"}) {
    for (const char* goal : {"INDIFFERENT", "SATISFIED"}) {
      EXPECT_THAT(Codes(Evaluate(Goal(cell, goal))), Not(Contains("GOAL_SKIPS_LEVELS")))
          << cell << " -> " << goal;
    }
    const v1::Finding f = Only(Evaluate(Goal(cell, "OPEN")), "GOAL_SKIPS_LEVELS");
    EXPECT_EQ(NumberOf(f, "gap_levels"), 2) << cell;
    EXPECT_EQ(NumberOf(f, "current_grade"), 0) << cell;
    EXPECT_EQ(NumberOf(Only(Evaluate(Goal(cell, "TRUST")), "GOAL_SKIPS_LEVELS"), "gap_levels"), 3)
        << cell;
  }
}

TEST(GoalSkipsLevelsTest, EntriesWithoutAGoalGradeOrAnOwnerAreNotChecked) {
  EXPECT_THAT(WithCode(Evaluate(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" }
    blueprint { person_id: "p1" team_member_id: "t1" goal { relationship_level: TRUSTED_ADVISOR } }
    blueprint { person_id: "p1" goal { grade: TRUST } }
  )pb"), "GOAL_SKIPS_LEVELS"), IsEmpty());
}

// ---- NO_INFLUENCE_STRATEGY ----

TEST(NoInfluenceStrategyTest, EntryWithoutAStrategy) {
  const std::vector<v1::Finding> findings = WithCode(Evaluate(R"pb(
    team_members { id: "t1" }
    persons { id: "p1" }
    blueprint { person_id: "p1" team_member_id: "t1" strategies: RECIPROCITY }
    blueprint { person_id: "p1" team_member_id: "t1" }
    blueprint { person_id: "p1" strategies: INFLUENCE_STRATEGY_UNSPECIFIED }
  )pb"), "NO_INFLUENCE_STRATEGY");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].severity(), v1::WARNING);
  EXPECT_EQ(findings[0].path(), "blueprint[1]");
  EXPECT_THAT(findings[0].person_ids(), ElementsAre("p1"));
  EXPECT_THAT(findings[0].team_member_ids(), ElementsAre("t1"));
  EXPECT_EQ(findings[1].path(), "blueprint[2]");
  EXPECT_THAT(findings[1].team_member_ids(), IsEmpty());
}

// ---- SALES_TACTIC ----

TEST(SalesTacticTest, TacticPassingNoTest) {
  const v1::Finding f = Only(Evaluate(R"pb(
    team_members { id: "t1" } team_members { id: "t2" }
    persons { id: "p1" }
    blueprint { person_id: "p1" team_member_id: "t1" strategies: LIKING
                tactics { description: "Workshop on their data" shows_value: true }
                tactics { description: "Pitch the upgrade" owner_id: "t2" } }
  )pb"), "SALES_TACTIC");
  EXPECT_EQ(f.severity(), v1::INFO);
  EXPECT_EQ(f.path(), "blueprint[0].tactics[1]");
  EXPECT_THAT(f.person_ids(), ElementsAre("p1"));
  EXPECT_THAT(f.team_member_ids(), ElementsAre("t2"));  // the tactic's own owner
  EXPECT_THAT(f.message(), HasSubstr("Pitch the upgrade"));
}

TEST(SalesTacticTest, AnyOneTestIsEnough) {
  EXPECT_THAT(Codes(Evaluate(R"pb(
    persons { id: "p1" }
    blueprint { person_id: "p1" strategies: LIKING
                tactics { invests_own_time: true }
                tactics { teaches_us: true }
                tactics { shows_value: true } }
  )pb")), Not(Contains("SALES_TACTIC")));
}

// ---- SALES_PLAN ----

// A blueprint of `investing` tactics passing two tests and `selling` passing one, over two entries.
std::string Tactics(int investing, int selling) {
  std::string first = R"pb(persons { id: "p1" } blueprint { person_id: "p1" strategies: LIKING )pb";
  std::string second = R"pb(} blueprint { person_id: "p1" strategies: SCARCITY )pb";
  for (int i = 0; i < investing; ++i) {
    absl::StrAppend(i % 2 == 0 ? &first : &second,
                    "tactics { invests_own_time: true teaches_us: true } ");
  }
  for (int i = 0; i < selling; ++i) {
    absl::StrAppend(i % 2 == 0 ? &first : &second, "tactics { shows_value: true } ");
  }
  return absl::StrCat(first, second, "}");
}

TEST(SalesPlanTest, OneOfFourPassingTwoTestsIsASalesPlan) {
  const v1::Finding f = Only(Evaluate(Tactics(1, 3)), "SALES_PLAN");
  EXPECT_EQ(f.severity(), v1::WARNING);
  EXPECT_EQ(NumberOf(f, "tactics"), 4);
  EXPECT_EQ(NumberOf(f, "investing_tactics"), 1);
  EXPECT_DOUBLE_EQ(NumberOf(f, "investing_share"), 0.25);
}

TEST(SalesPlanTest, ExactlyHalfIsNotFewerThanHalf) {
  EXPECT_THAT(Codes(Evaluate(Tactics(2, 2))), Not(Contains("SALES_PLAN")));
  EXPECT_THAT(Codes(Evaluate(Tactics(3, 4))), Contains("SALES_PLAN"));
  EXPECT_THAT(Codes(Evaluate(Tactics(4, 4))), Not(Contains("SALES_PLAN")));
}

TEST(SalesPlanTest, NeedsAtLeastFourTactics) {
  EXPECT_THAT(Codes(Evaluate(Tactics(0, 3))), Not(Contains("SALES_PLAN")));
  EXPECT_THAT(Codes(Evaluate(Tactics(0, 3), {.options = "thresholds { sales_plan_min_tactics: 3 }"})),
              Contains("SALES_PLAN"));
}

TEST(SalesPlanTest, ShareIsAnOption) {
  EXPECT_THAT(Codes(Evaluate(Tactics(1, 3), {.options = "thresholds { sales_plan_min_share: 0.25 }"})),
              Not(Contains("SALES_PLAN")));
}

}  // namespace
}  // namespace contactplan::testing
