// RenderBlueprintDraft: the drafted blueprint as the report's section (text) and as the
// practitioners' sheet (CSV), checked like every view and escaped like every view for people.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "contactplan/engine.h"
#include "contactplan/plan_io.h"
#include "contactplan/render.h"
#include "contactplan/text_layout.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "render/render_inputs.h"

namespace contactplan {
namespace {

using ::contactplan::testing::AnalysisOf;
using ::contactplan::testing::Kestrel;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string DraftOrFail(const v1::Plan& plan, const v1::Analysis& analysis, BlueprintLayout layout,
                        int width = 100) {
  RenderOptions options;
  options.width = width;
  absl::StatusOr<std::string> out = RenderBlueprintDraft(plan, analysis, layout, options);
  EXPECT_TRUE(out.ok()) << out.status();
  return out.ok() ? *out : std::string();
}

TEST(RenderBlueprintDraftTest, TextIsTheReportsSectionOnItsOwn) {
  const v1::Plan plan = Kestrel();
  const v1::Analysis analysis = AnalysisOf(plan);
  ASSERT_GT(analysis.recommendations().blueprint_draft_size(), 0);
  const std::string text = DraftOrFail(plan, analysis, BlueprintLayout::kText);
  EXPECT_THAT(text, StartsWith("  Blueprint draft\n    "));
  EXPECT_EQ(text.back(), '\n');
  RenderOptions options;
  absl::StatusOr<std::string> report = Render(plan, analysis, View::kReport, options);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_THAT(*report, HasSubstr(text));
  // A narrower width wraps the tactics anew: no tactic line passes it.
  const std::string narrow = DraftOrFail(plan, analysis, BlueprintLayout::kText, 60);
  EXPECT_NE(narrow, text);
  for (absl::string_view line : absl::StrSplit(narrow, '\n')) {
    if (!absl::StartsWith(line, "      - ") && !absl::StartsWith(line, "        ")) continue;
    EXPECT_LE(text::DisplayWidth(std::string_view(line.data(), line.size())), 60u) << line;
  }
}

TEST(RenderBlueprintDraftTest, AnEmptyDraftSaysSo) {
  const v1::Plan plan = Kestrel();
  v1::Analysis analysis = AnalysisOf(plan);
  analysis.mutable_recommendations()->clear_blueprint_draft();
  EXPECT_EQ(DraftOrFail(plan, analysis, BlueprintLayout::kText),
            "  Blueprint draft\n    No key intersection to work on: nothing to draft.\n");
  EXPECT_EQ(DraftOrFail(plan, analysis, BlueprintLayout::kCsv),
            "name,goal,influence strategies,tactics/resources,owner,horizon\r\n");
}

TEST(RenderBlueprintDraftTest, CsvHasOneRowPerEntryWithNamesAndTactics) {
  const v1::Plan plan = Kestrel();
  const v1::Analysis analysis = AnalysisOf(plan);
  const v1::Recommendations& recs = analysis.recommendations();
  ASSERT_GT(recs.blueprint_draft_size(), 0);
  const std::string csv = DraftOrFail(plan, analysis, BlueprintLayout::kCsv);
  EXPECT_THAT(csv, StartsWith("name,goal,influence strategies,tactics/resources,owner,horizon\r\n"));
  // Records end with CRLF; a tactics cell holds bare LFs inside its quotes.
  const std::vector<std::string> records = absl::StrSplit(csv, "\r\n", absl::SkipEmpty());
  EXPECT_EQ(records.size(), 1u + static_cast<size_t>(recs.blueprint_draft_size()));
  const v1::BlueprintEntry& first = recs.blueprint_draft(0);
  std::string person_name;
  for (const v1::Person& person : plan.persons()) {
    if (person.id() == first.person_id()) person_name = person.name();
  }
  ASSERT_FALSE(person_name.empty());
  EXPECT_THAT(records[1], StartsWith(person_name));
  EXPECT_THAT(records[1], HasSubstr(absl::StrCat(first.horizon_days(), " days")));
  ASSERT_GT(first.tactics_size(), 0);
  EXPECT_THAT(records[1], HasSubstr(first.tactics(0).description()));
}

// A name with a terminal escape: shown as a visible escape in the text, kept as written in the sheet.
TEST(RenderBlueprintDraftTest, TextEscapesThePlansTextAndTheSheetKeepsIt) {
  v1::Plan plan = Kestrel();
  v1::Analysis analysis = AnalysisOf(plan);
  ASSERT_GT(analysis.recommendations().blueprint_draft_size(), 0);
  const std::string id = analysis.recommendations().blueprint_draft(0).person_id();
  for (v1::Person& person : *plan.mutable_persons()) {
    if (person.id() == id) person.set_name("Ann\x1b[2J");
  }
  EXPECT_THAT(DraftOrFail(plan, analysis, BlueprintLayout::kText),
              AllOf(HasSubstr("Ann\\x1b[2J"), Not(HasSubstr("\x1b"))));
  EXPECT_THAT(DraftOrFail(plan, analysis, BlueprintLayout::kCsv), HasSubstr("Ann\x1b[2J"));
}

TEST(RenderBlueprintDraftTest, RefusesABadWidthALayoutAndAnInvalidPlan) {
  v1::Plan plan = Kestrel();
  const v1::Analysis analysis = AnalysisOf(plan);
  RenderOptions narrow;
  narrow.width = 59;
  EXPECT_EQ(RenderBlueprintDraft(plan, analysis, BlueprintLayout::kCsv, narrow).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      RenderBlueprintDraft(plan, analysis, static_cast<BlueprintLayout>(7)).status().message(),
      "blueprint layout 7 is not text or csv");
  RenderOptions limited;
  limited.limits.set_max_persons(1);
  absl::StatusOr<std::string> over =
      RenderBlueprintDraft(plan, analysis, BlueprintLayout::kText, limited);
  EXPECT_EQ(over.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(over.status().message()), HasSubstr("limits.max_persons"));
  plan.mutable_persons(0)->set_id("");
  EXPECT_EQ(RenderBlueprintDraft(plan, analysis, BlueprintLayout::kText).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace contactplan
