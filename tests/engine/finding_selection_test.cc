// Findings that scale (AnalysisOptions.max_findings, Analysis.finding_counts,
// AnalysisOptions.include_messages) as a host sees them through the engine.
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "contactplan/engine.h"
#include "contactplan/plan_generator.h"
#include "contactplan/plan_io.h"
#include "contactplan/rule_catalogue.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "support/text_plan.h"

namespace contactplan {
namespace {

using ::contactplan::testing::PlanFromText;
using ::testing::HasSubstr;

// A plan large enough to raise several hundred findings.
const v1::Plan& LargePlan() {
  static const v1::Plan* plan = new v1::Plan(generate::GeneratePlan(
      {.persons = 300, .team_members = 50, .seed = 5, .opportunities = 3}));
  return *plan;
}

v1::Analysis AnalysisOf(const v1::Plan& plan, const v1::AnalysisOptions& options,
                        const v1::EngineOptions& engine_options = {}) {
  absl::StatusOr<Engine> engine = Engine::Create(engine_options);
  EXPECT_TRUE(engine.ok()) << engine.status();
  absl::StatusOr<v1::Analysis> analysis = engine->Analyze(plan, options);
  EXPECT_TRUE(analysis.ok()) << analysis.status();
  return analysis.ok() ? *std::move(analysis) : v1::Analysis();
}

v1::AnalysisOptions Capped(int32_t max_findings) {
  v1::AnalysisOptions options;
  options.set_max_findings(max_findings);
  return options;
}

// A finding's identity for comparing lists: every field of it.
std::string Key(const v1::Finding& finding) { return finding.SerializeAsString(); }

TEST(MaxFindingsTest, DefaultCapIs250AndZeroListsEveryFinding) {
  const v1::Analysis all = AnalysisOf(LargePlan(), Capped(0));
  ASSERT_GT(all.findings_size(), 250) << "the plan must raise more findings than the default cap";
  const v1::Analysis by_default = AnalysisOf(LargePlan(), {});
  EXPECT_EQ(by_default.findings_size(), 250);
}

TEST(MaxFindingsTest, KeptFindingsAreTheMostSevereInTheUsualOrder) {
  const v1::Analysis all = AnalysisOf(LargePlan(), Capped(0));
  const int cap = all.findings_size() / 3;
  const v1::Analysis capped = AnalysisOf(LargePlan(), Capped(cap));
  ASSERT_EQ(capped.findings_size(), cap);

  // The kept findings are a subsequence of the full list (same order), and nothing dropped is more
  // severe than anything kept.
  int next = 0;
  v1::Severity least_kept = v1::CRITICAL;
  std::vector<bool> kept(all.findings_size(), false);
  for (const v1::Finding& finding : capped.findings()) {
    while (next < all.findings_size() && Key(all.findings(next)) != Key(finding)) ++next;
    ASSERT_LT(next, all.findings_size()) << "kept finding out of order: " << finding.code();
    kept[next++] = true;
    least_kept = std::min(least_kept, finding.severity());
  }
  for (int i = 0; i < all.findings_size(); ++i) {
    if (!kept[i]) {
      EXPECT_LE(all.findings(i).severity(), least_kept) << all.findings(i).code();
    }
  }
  // Everything but the findings list is unchanged, recommendations included.
  v1::Analysis all_but_findings = all;
  v1::Analysis capped_but_findings = capped;
  all_but_findings.clear_findings();
  all_but_findings.clear_finding_counts();
  capped_but_findings.clear_findings();
  capped_but_findings.clear_finding_counts();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(all_but_findings,
                                                                 capped_but_findings));
}

// Only UNCOVERED_PERSON runs, so the findings differ only in the person they concern.
v1::EngineOptions OnlyUncoveredPerson() {
  v1::EngineOptions options;
  for (const RuleInfo& rule : RuleCatalogue()) {
    if (rule.code != "UNCOVERED_PERSON") options.add_disabled_rules(std::string(rule.code));
  }
  return options;
}

TEST(MaxFindingsTest, AmongEquallySevereFindingsTheMoreImportantPersonIsKept) {
  // Neither person is key (both findings are warnings); the second is more senior and an advisor,
  // so more important, and is kept although it comes later in the plan.
  const v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" level: OPERATIONAL }
    persons { id: "p-staff" level: OPERATIONAL }
    persons { id: "p-director" level: SENIOR_MANAGEMENT buyer_roles: ADVISOR }
    persons { id: "p-lead" level: MIDDLE_MANAGEMENT }
  )pb");
  const v1::Analysis one = AnalysisOf(plan, Capped(1), OnlyUncoveredPerson());
  ASSERT_EQ(one.findings_size(), 1);
  EXPECT_THAT(one.findings(0).person_ids(), ::testing::ElementsAre("p-director"));

  // With two kept, they are listed in plan order, not by importance.
  const v1::Analysis two = AnalysisOf(plan, Capped(2), OnlyUncoveredPerson());
  ASSERT_EQ(two.findings_size(), 2);
  EXPECT_THAT(two.findings(0).person_ids(), ::testing::ElementsAre("p-director"));
  EXPECT_THAT(two.findings(1).person_ids(), ::testing::ElementsAre("p-lead"));
}

TEST(MaxFindingsTest, NegativeCapIsAnOptionsErrorNamingTheField) {
  absl::StatusOr<Engine> engine = Engine::Create();
  ASSERT_TRUE(engine.ok());
  absl::StatusOr<v1::Analysis> analysis = engine->Analyze(LargePlan(), Capped(-1));
  ASSERT_FALSE(analysis.ok());
  EXPECT_EQ(analysis.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(analysis.status().message(), HasSubstr("max_findings"));
  EXPECT_THAT(Engine::CheckAnalysisOptions(Capped(-1)).message(), HasSubstr("max_findings"));
  EXPECT_TRUE(Engine::CheckAnalysisOptions(Capped(0)).ok());
}

TEST(FindingCountsTest, OneEntryPerCodeAndSeverityWithTotalAndShown) {
  const v1::Analysis all = AnalysisOf(LargePlan(), Capped(0));
  std::map<std::tuple<int, std::string>, int> expected;  // (severity, code) -> findings
  for (const v1::Finding& finding : all.findings()) {
    ++expected[{finding.severity(), finding.code()}];
  }
  ASSERT_EQ(all.finding_counts_size(), static_cast<int>(expected.size()));
  for (const v1::FindingCount& count : all.finding_counts()) {
    EXPECT_EQ(count.total(), (expected[{count.severity(), count.code()}])) << count.code();
    EXPECT_EQ(count.shown(), count.total()) << count.code();
  }

  const v1::Analysis capped = AnalysisOf(LargePlan(), Capped(40));
  std::map<std::tuple<int, std::string>, int> shown;
  for (const v1::Finding& finding : capped.findings()) ++shown[{finding.severity(), finding.code()}];
  ASSERT_EQ(capped.finding_counts_size(), all.finding_counts_size());
  int total_shown = 0;
  for (int i = 0; i < capped.finding_counts_size(); ++i) {
    const v1::FindingCount& count = capped.finding_counts(i);
    EXPECT_EQ(count.code(), all.finding_counts(i).code());
    EXPECT_EQ(count.total(), all.finding_counts(i).total()) << count.code();
    EXPECT_EQ(count.shown(), (shown[{count.severity(), count.code()}])) << count.code();
    total_shown += count.shown();
  }
  EXPECT_EQ(total_shown, 40);
}

TEST(FindingCountsTest, JsonNamesAreTheDocumentedOnes) {
  absl::StatusOr<std::string> json =
      WriteAnalysis(AnalysisOf(LargePlan(), Capped(10)), PlanFormat::kJson);
  ASSERT_TRUE(json.ok()) << json.status();
  for (const char* name : {"\"findingCounts\"", "\"total\"", "\"shown\""}) {
    EXPECT_THAT(*json, HasSubstr(name));
  }
}

TEST(IncludeMessagesTest, FalseLeavesEveryMessageEmptyAndNothingElseChanges) {
  v1::AnalysisOptions without;
  without.set_max_findings(0);
  without.set_include_messages(false);
  v1::Analysis bare = AnalysisOf(LargePlan(), without);
  v1::Analysis full = AnalysisOf(LargePlan(), Capped(0));
  ASSERT_EQ(bare.findings_size(), full.findings_size());
  for (const v1::Finding& finding : bare.findings()) EXPECT_EQ(finding.message(), "");
  for (v1::Finding& finding : *full.mutable_findings()) {
    EXPECT_NE(finding.message(), "") << finding.code();
    finding.clear_message();
  }
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(bare, full));

  v1::AnalysisOptions with = Capped(0);
  with.set_include_messages(true);
  EXPECT_NE(AnalysisOf(LargePlan(), with).findings(0).message(), "");
}

// docs/rules.md is where a host learns each code's numbers: every code of the catalogue has a row,
// and every number any golden analysis shows for a code is named on that row.
TEST(FindingNumbersDocTest, EveryNumberOfEveryCodeIsDocumented) {
  const std::string doc = testing::ReadFileOrFail("docs/rules.md");
  std::map<std::string, std::string> rows;  // code -> its table row
  std::istringstream lines(doc);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("| `")) continue;
    const size_t end = line.find('`', 3);
    if (end != std::string::npos) rows[line.substr(3, end - 3)] = line;
  }
  for (const RuleInfo& rule : RuleCatalogue()) {
    EXPECT_TRUE(rows.contains(std::string(rule.code))) << "docs/rules.md has no row for " << rule.code;
  }
  int documented = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::TestDataPath("golden"))) {
    if (!entry.path().string().ends_with(".analysis.json")) continue;
    v1::Analysis analysis;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                    testing::ReadFileOrFail(entry.path().string()), &analysis)
                    .ok())
        << entry.path();
    for (const v1::Finding& finding : analysis.findings()) {
      const std::string& row = rows[finding.code()];
      for (const v1::Measure& number : finding.numbers()) {
        EXPECT_THAT(row, HasSubstr("`" + number.name() + "`"))
            << finding.code() << " emits " << number.name() << ", not in docs/rules.md";
        ++documented;
      }
    }
  }
  EXPECT_GT(documented, 0);
}

}  // namespace
}  // namespace contactplan
