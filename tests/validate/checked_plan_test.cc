// The engine's one pass: CheckPlan reports what ValidatePlan reports, reads the limits from the
// engine's resolved settings, and hands back the resolved ids the plan index is built on.
#include "validate/checked_plan.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/plan_index.h"
#include "options/settings.h"
#include "support/text_plan.h"
#include "validate/problem_printer.h"

namespace contactplan::validate {
namespace {

using ::contactplan::testing::PlanFromText;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::IsEmpty;

Settings DefaultSettings() {
  absl::StatusOr<Settings> settings = ResolveSettings(v1::EngineOptions());
  EXPECT_TRUE(settings.ok()) << settings.status();
  return settings.value_or(Settings());
}

// Every kind of problem that comes from resolving ids, and a few that do not.
constexpr const char* kBrokenPlan = R"pb(
  team_members { id: "t1" }
  team_members { id: "t1" }
  persons { id: "a" reports_to_id: "b" }
  persons { id: "b" reports_to_id: "a" successor_id: "b" }
  persons { id: "a" influences { person_id: "nobody" } }
  persons { id: "" }
  relationships { team_member_id: "t1" person_id: "a" }
  relationships { team_member_id: "t1" person_id: "a" }
  relationships { team_member_id: "t9" person_id: "" }
  opportunities { id: "o" participants { person_id: "b" } participants { person_id: "b" } }
  opportunities { id: "o" value: nan }
  blueprint { person_id: "a" team_member_id: "t2" tactics { owner_id: "b" } }
)pb";

TEST(CheckPlanTest, ReportsExactlyWhatValidatePlanReports) {
  const v1::Plan plan = PlanFromText(kBrokenPlan);
  const CheckedPlan checked = CheckPlan(plan, DefaultSettings());
  std::vector<std::string> paths;
  for (const ValidationProblem& problem : checked.problems) paths.push_back(problem.path);
  EXPECT_THAT(paths, ElementsAre("team_members[1].id", "persons[0].reports_to_id",
                                 "persons[1].successor_id", "persons[2].id",
                                 "persons[2].influences[0].person_id", "persons[3].id",
                                 "relationships[1]", "relationships[2].team_member_id",
                                 "relationships[2].person_id",
                                 "opportunities[0].participants[1].person_id",
                                 "opportunities[1].id", "opportunities[1].value",
                                 "blueprint[0].team_member_id",
                                 "blueprint[0].tactics[0].owner_id"));
  EXPECT_EQ(checked.problems, ValidatePlan(plan));
}

TEST(CheckPlanTest, ReadsTheLimitsOfTheSettingsItIsGiven) {
  const v1::Plan plan = PlanFromText(R"pb(persons { id: "a" name: "Ada Lovelace" })pb");
  Settings settings = DefaultSettings();
  settings.max_string_bytes = 4;
  EXPECT_THAT(CheckPlan(plan, settings).problems,
              ElementsAre(Field(&ValidationProblem::path, "persons[0].name")));
  EXPECT_THAT(CheckPlan(plan, DefaultSettings()).problems, IsEmpty());
}

TEST(CheckPlanTest, APlanOverACountLimitIsRefusedBeforeItsIdsAreResolved) {
  const v1::Plan plan = PlanFromText(R"pb(persons { id: "a" } persons { id: "b" })pb");
  Settings settings = DefaultSettings();
  settings.max_persons = 1;
  const CheckedPlan checked = CheckPlan(plan, settings);
  EXPECT_THAT(checked.problems, ElementsAre(Field(&ValidationProblem::path, "persons")));
  EXPECT_EQ(checked.ids.FindPerson("a"), model::kNone);
}

TEST(CheckPlanTest, TheIndexBuiltOnTheCheckedIdsAnswersAsOneThatResolvesThemItself) {
  const v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" }
    team_members { id: "t2" }
    persons { id: "boss" }
    persons { id: "a" reports_to_id: "boss" successor_id: "b" influences { person_id: "boss" } }
    persons { id: "b" }
    relationships { team_member_id: "t2" person_id: "a" grade: OPEN }
    relationships { team_member_id: "t1" person_id: "boss" grade: TRUST }
    opportunities { id: "o" participants { person_id: "b" buying_role: APPROVER } }
    blueprint { person_id: "a" team_member_id: "t1" }
  )pb");
  const model::RelationshipTable relationships = model::RelationshipTable::FromPlan(plan);
  CheckedPlan checked = CheckPlan(plan, relationships, DefaultSettings());
  ASSERT_THAT(checked.problems, IsEmpty());
  const model::PlanIndex moved(plan, relationships, std::move(checked.ids));
  const model::PlanIndex resolved(plan);
  for (const model::PlanIndex* index : {&moved, &resolved}) {
    EXPECT_EQ(index->FindPerson("b"), 2);
    EXPECT_EQ(index->FindMember("t2"), 1);
    EXPECT_EQ(index->FindOpportunity("o"), 0);
    EXPECT_EQ(index->FindCell(0, 0), 1);
    EXPECT_EQ(index->relationship_member(0), 1);
    EXPECT_EQ(index->relationship_person(0), 1);
    EXPECT_EQ(index->manager(1), 0);
    EXPECT_EQ(index->successor(1), 2);
    EXPECT_THAT(index->predecessors(2), ElementsAre(1));
    EXPECT_THAT(index->direct_reports(0), ElementsAre(1));
    EXPECT_THAT(index->influencers_of(0), ElementsAre(1));
    EXPECT_THAT(index->blueprint_of_person(1), ElementsAre(0));
    ASSERT_EQ(index->open_participations(2).size(), 1u);
    EXPECT_TRUE(index->is_key(2));
  }
}

}  // namespace
}  // namespace contactplan::validate
