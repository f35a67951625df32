#include "contactplan/plan_merge.h"

#include <string>

#include "contactplan/engine.h"
#include "contactplan/plan_io.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/proto_equals.h"
#include "support/text_plan.h"

namespace contactplan {
namespace {

using ::contactplan::testing::PlanFromText;
using ::contactplan::testing::ProtoEquals;
using ::contactplan::testing::ReadFileOrFail;
using ::contactplan::testing::TestDataPath;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const char kBase[] = R"pb(
  team_members { id: "tess" name: "Tess" }
  persons { id: "ann" name: "Ann" title: "CEO" }
  persons { id: "bob" name: "Bob" reports_to_id: "ann" }
  relationships { team_member_id: "tess" person_id: "ann" grade: OPEN }
)pb";

absl::StatusOr<v1::Plan> Merge(std::string_view base, std::string_view part) {
  return MergePlans({"plan.json", PlanFromText(base)}, {{"part.json", PlanFromText(part)}});
}

TEST(PlanMergeTest, AddsNewElementsAndFillsUnsetFieldsById) {
  const absl::StatusOr<v1::Plan> merged = Merge(kBase, R"pb(
    persons { id: "ann" department: "Board" buyer_roles: [ POWER ] }
    persons { id: "cy" name: "Cy" reports_to_id: "ann" }
    relationships { team_member_id: "tess" person_id: "ann" desired_grade: TRUST }
    relationships { team_member_id: "tess" person_id: "cy" grade: SATISFIED }
    account { name: "Acme" }
  )pb");
  ASSERT_TRUE(merged.ok()) << merged.status();
  EXPECT_TRUE(ProtoEquals(*merged, PlanFromText(R"pb(
    account { name: "Acme" }
    team_members { id: "tess" name: "Tess" }
    persons { id: "ann" name: "Ann" title: "CEO" department: "Board" buyer_roles: [ POWER ] }
    persons { id: "bob" name: "Bob" reports_to_id: "ann" }
    persons { id: "cy" name: "Cy" reports_to_id: "ann" }
    relationships { team_member_id: "tess" person_id: "ann" grade: OPEN desired_grade: TRUST }
    relationships { team_member_id: "tess" person_id: "cy" grade: SATISFIED }
  )pb")));
}

TEST(PlanMergeTest, EqualValuesAreNoConflict) {
  EXPECT_TRUE(Merge(kBase, R"pb(persons { id: "ann" name: "Ann" title: "CEO" })pb").ok());
}

TEST(PlanMergeTest, ConflictsNameTheFieldPathAndBothFiles) {
  const absl::StatusOr<v1::Plan> merged = Merge(kBase, R"pb(
    persons { id: "ann" title: "CFO" }
    relationships { team_member_id: "tess" person_id: "ann" grade: TRUST }
    persons { id: "bob" buyer_roles: [ USER ] }
  )pb");
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(merged.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(merged.status().message(),
            "part.json: persons[\"ann\"].title: \"CFO\" here, \"CEO\" in plan.json: make them "
            "agree, or remove the value from one file\n"
            "part.json: relationships[\"tess\", \"ann\"].grade: TRUST here, OPEN in plan.json: make "
            "them agree, or remove the value from one file");
}

TEST(PlanMergeTest, RepeatedValuesConflictUnlessEqual) {
  const char base[] = R"pb(persons { id: "ann" buyer_roles: [ POWER ] })pb";
  EXPECT_TRUE(MergePlans({"a", PlanFromText(base)}, {{"b", PlanFromText(base)}}).ok());
  const absl::StatusOr<v1::Plan> merged =
      MergePlans({"a", PlanFromText(base)},
                 {{"b", PlanFromText(R"pb(persons { id: "ann" buyer_roles: [ USER ] })pb")}});
  ASSERT_FALSE(merged.ok());
  EXPECT_THAT(std::string(merged.status().message()),
              StartsWith("b: persons[\"ann\"].buyer_roles: [USER] here, [POWER] in a"));
}

TEST(PlanMergeTest, TheResultIsValidatedAndNothingIsReturnedWhenInvalid) {
  const absl::StatusOr<v1::Plan> merged =
      Merge(kBase, R"pb(relationships { team_member_id: "tess" person_id: "zed" grade: OPEN })pb");
  ASSERT_FALSE(merged.ok());
  EXPECT_THAT(std::string(merged.status().message()), StartsWith("the merged plan is not valid:\n"));
  EXPECT_THAT(std::string(merged.status().message()), HasSubstr("no person \"zed\""));
}

TEST(PlanMergeTest, PartsMergeInOrder) {
  const absl::StatusOr<v1::Plan> merged =
      MergePlans({"plan.json", PlanFromText(kBase)},
                 {{"one.json", PlanFromText(R"pb(persons { id: "cy" name: "Cy" })pb")},
                  {"two.json", PlanFromText(R"pb(persons { id: "cy" title: "CIO" })pb")}});
  ASSERT_TRUE(merged.ok()) << merged.status();
  EXPECT_EQ(merged->persons(2).title(), "CIO");
}

TEST(PlanMergeTest, AConflictNamesTheFileTheValueCameFrom) {
  const absl::StatusOr<v1::Plan> merged =
      MergePlans({"plan.json", PlanFromText(kBase)},
                 {{"one.json", PlanFromText(R"pb(persons { id: "cy" name: "Cy" })pb")},
                  {"two.json", PlanFromText(R"pb(persons { id: "cy" name: "Cyd" }
                                                 persons { id: "ann" name: "Anne" })pb")}});
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(merged.status().message(),
            "two.json: persons[\"cy\"].name: \"Cyd\" here, \"Cy\" in one.json: make them agree, "
            "or remove the value from one file\n"
            "two.json: persons[\"ann\"].name: \"Anne\" here, \"Ann\" in plan.json: make them "
            "agree, or remove the value from one file");
}

// The draft `contactplan blueprint --format json` writes is a valid part: merged into its plan, the
// plan has a blueprint and stays valid.
TEST(PlanMergeTest, TheBlueprintDraftMergesIntoItsPlan) {
  const absl::StatusOr<v1::Plan> plan = ReadPlanFile("examples/kestrel-health.json");
  ASSERT_TRUE(plan.ok()) << plan.status();
  v1::Plan without_blueprint = *plan;
  without_blueprint.clear_blueprint();
  const Engine engine = Engine::Create({}).value();
  v1::AnalysisOptions options;
  options.set_horizon_days(60);
  const absl::StatusOr<v1::Analysis> analysis = engine.Analyze(without_blueprint, options);
  ASSERT_TRUE(analysis.ok()) << analysis.status();
  ASSERT_GT(analysis->recommendations().blueprint_draft_size(), 0);
  v1::Plan draft;
  *draft.mutable_blueprint() = analysis->recommendations().blueprint_draft();
  // Through JSON, as the command writes it.
  const v1::Plan read_back =
      ParsePlan(WritePlan(draft, PlanFormat::kJson).value(), PlanFormat::kJson).value();
  const absl::StatusOr<v1::Plan> merged =
      MergePlans({"kestrel-health.json", without_blueprint}, {{"draft.json", read_back}});
  ASSERT_TRUE(merged.ok()) << merged.status();
  EXPECT_EQ(merged->blueprint_size(), analysis->recommendations().blueprint_draft_size());
}

}  // namespace
}  // namespace contactplan
