// The engine as a host sees it: options checked at creation, validation before analysis, "now"
// resolved without the clock, deterministic bytes, and account health that never drops when one
// grade rises.
#include "contactplan/engine.h"

#include <cstdint>
#include <string>

#include "absl/strings/match.h"
#include "contactplan/plan_generator.h"
#include "contactplan/plan_io.h"
#include "gmock/gmock.h"
#include "google/protobuf/arena.h"
#include "gtest/gtest.h"
#include "support/text_plan.h"

namespace contactplan {
namespace {

using ::contactplan::testing::OptionsFromText;
using ::contactplan::testing::PlanFromText;
using ::testing::HasSubstr;

constexpr char kSmallPlan[] = R"pb(
  as_of { seconds: 1767225600 }  # 2026-01-01
  team_members { id: "t1" name: "Ana" level: EXECUTIVE }
  persons { id: "p1" name: "Bo" level: EXECUTIVE key: true }
  relationships {
    team_member_id: "t1" person_id: "p1" grade: OPEN
    last_contact_at { seconds: 1735689600 }  # 2025-01-01: a year before as_of
  }
)pb";

Engine MakeEngine(const v1::EngineOptions& options = {}) {
  absl::StatusOr<Engine> engine = Engine::Create(options);
  EXPECT_TRUE(engine.ok()) << engine.status();
  return *std::move(engine);
}

bool HasFinding(const v1::Analysis& analysis, const std::string& code) {
  for (const auto& finding : analysis.findings()) {
    if (finding.code() == code) return true;
  }
  return false;
}

TEST(EngineCreateTest, RejectsAnOutOfRangeOptionNamingIt) {
  absl::StatusOr<Engine> engine =
      Engine::Create(OptionsFromText("thresholds { trust_inflation_max_share: 1.5 }"));
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(engine.status().message(), HasSubstr("thresholds.trust_inflation_max_share"));
}

TEST(EngineCreateTest, RejectsAnUnknownDisabledRule) {
  absl::StatusOr<Engine> engine = Engine::Create(OptionsFromText(R"pb(
    disabled_rules: "NO_EVANGELIST" disabled_rules: "NO_EVANGELISM"
  )pb"));
  ASSERT_FALSE(engine.ok());
  EXPECT_THAT(engine.status().message(), HasSubstr("disabled_rules[1]"));
  EXPECT_THAT(engine.status().message(), HasSubstr("NO_EVANGELISM"));
}

TEST(EngineAnalyzeTest, InvalidPlanIsNotAnalysedAndEveryProblemIsNamed) {
  const v1::Plan plan = PlanFromText(R"pb(
    persons { id: "p1" }
    relationships { team_member_id: "t-4" person_id: "p-9" grade: OPEN }
  )pb");
  absl::StatusOr<v1::Analysis> analysis = MakeEngine().Analyze(plan);
  ASSERT_FALSE(analysis.ok());
  EXPECT_EQ(analysis.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(analysis.status().message(), HasSubstr("relationships[0].team_member_id"));
  EXPECT_THAT(analysis.status().message(), HasSubstr("relationships[0].person_id"));
}

TEST(EngineAnalyzeTest, HorizonMustBeThirtySixtyOrNinety) {
  v1::AnalysisOptions options;
  options.set_horizon_days(45);
  absl::StatusOr<v1::Analysis> analysis = MakeEngine().Analyze(PlanFromText(kSmallPlan), options);
  ASSERT_FALSE(analysis.ok());
  EXPECT_THAT(analysis.status().message(), HasSubstr("horizon_days"));
  for (int horizon : {30, 60, 90}) {
    options.set_horizon_days(horizon);
    absl::StatusOr<v1::Analysis> ok = MakeEngine().Analyze(PlanFromText(kSmallPlan), options);
    ASSERT_TRUE(ok.ok()) << ok.status();
    EXPECT_EQ(ok->recommendations().horizon_days(), horizon);
  }
}

TEST(EngineNowTest, TheOptionWinsOverThePlan) {
  v1::AnalysisOptions options;
  options.mutable_as_of()->set_seconds(1736035200);  // 2025-01-05: four days after the contact
  absl::StatusOr<v1::Analysis> analysis = MakeEngine().Analyze(PlanFromText(kSmallPlan), options);
  ASSERT_TRUE(analysis.ok()) << analysis.status();
  EXPECT_EQ(analysis->as_of().seconds(), 1736035200);
  EXPECT_FALSE(HasFinding(*analysis, "STALE_ASSESSMENT"));
}

TEST(EngineNowTest, ThePlansAsOfComesNext) {
  absl::StatusOr<v1::Analysis> analysis = MakeEngine().Analyze(PlanFromText(kSmallPlan));
  ASSERT_TRUE(analysis.ok()) << analysis.status();
  EXPECT_EQ(analysis->as_of().seconds(), 1767225600);
  EXPECT_TRUE(HasFinding(*analysis, "STALE_ASSESSMENT"));
}

TEST(EngineNowTest, ThenTheLatestTimestampInThePlan) {
  v1::Plan plan = PlanFromText(kSmallPlan);
  plan.clear_as_of();
  plan.mutable_persons(0)->add_nps_answers()->mutable_answered_at()->set_seconds(1750000000);
  absl::StatusOr<v1::Analysis> analysis = MakeEngine().Analyze(plan);
  ASSERT_TRUE(analysis.ok()) << analysis.status();
  EXPECT_EQ(analysis->as_of().seconds(), 1750000000);
}

// The epoch is a time like any other: an as_of of 0 seconds is given, not unset.
TEST(EngineNowTest, TheEpochCountsAsATime) {
  v1::AnalysisOptions options;
  options.mutable_as_of();  // 1970-01-01T00:00:00Z
  absl::StatusOr<v1::Analysis> analysis = MakeEngine().Analyze(PlanFromText(kSmallPlan), options);
  ASSERT_TRUE(analysis.ok()) << analysis.status();
  ASSERT_TRUE(analysis->has_as_of());
  EXPECT_EQ(analysis->as_of().seconds(), 0);
  EXPECT_FALSE(HasFinding(*analysis, "STALE_ASSESSMENT"));  // the contact is in the future

  v1::Plan plan = PlanFromText(kSmallPlan);
  plan.mutable_as_of()->Clear();  // set, to the epoch
  absl::StatusOr<v1::Analysis> from_plan = MakeEngine().Analyze(plan);
  ASSERT_TRUE(from_plan.ok()) << from_plan.status();
  ASSERT_TRUE(from_plan->has_as_of());
  EXPECT_EQ(from_plan->as_of().seconds(), 0);  // not the latest time in the plan (2025)
}

TEST(EngineNowTest, AnAsOfOptionOutsideTheTimestampRangeIsAnOptionsError) {
  for (const int64_t seconds : {INT64_MAX, INT64_MIN, int64_t{253402300800}}) {
    v1::AnalysisOptions options;
    options.mutable_as_of()->set_seconds(seconds);
    absl::StatusOr<v1::Analysis> analysis = MakeEngine().Analyze(PlanFromText(kSmallPlan), options);
    ASSERT_FALSE(analysis.ok());
    EXPECT_EQ(analysis.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(analysis.status().message(), HasSubstr("as_of.seconds: must be between"));
  }
  v1::AnalysisOptions options;
  options.mutable_as_of()->set_nanos(-5);
  absl::StatusOr<v1::Analysis> analysis = MakeEngine().Analyze(PlanFromText(kSmallPlan), options);
  ASSERT_FALSE(analysis.ok());
  EXPECT_THAT(analysis.status().message(), HasSubstr("as_of.nanos: must be between"));
}

// At the last second Timestamp can hold, a drafted due date would land in the year 10000: the
// tactic is drafted without one, and the analysis writes as JSON and binary alike.
TEST(EngineNowTest, AtTheEndOfTimeDraftedDueDatesAreOmitted) {
  v1::Plan plan = PlanFromText(kSmallPlan);
  plan.mutable_as_of()->set_seconds(253402300799);  // 9999-12-31T23:59:59Z
  absl::StatusOr<v1::Analysis> analysis = MakeEngine().Analyze(plan);
  ASSERT_TRUE(analysis.ok()) << analysis.status();
  EXPECT_EQ(analysis->as_of().seconds(), 253402300799);
  int tactics = 0;
  for (const auto& entry : analysis->recommendations().blueprint_draft()) {
    for (const auto& tactic : entry.tactics()) {
      ++tactics;
      EXPECT_FALSE(tactic.has_due_at());
    }
  }
  EXPECT_GT(tactics, 0);
  EXPECT_TRUE(WriteAnalysis(*analysis, PlanFormat::kJson).ok());
  absl::StatusOr<std::string> binary = WriteAnalysis(*analysis, PlanFormat::kBinary);
  ASSERT_TRUE(binary.ok());
  v1::Analysis back;
  ASSERT_TRUE(back.ParseFromString(*binary));
  EXPECT_EQ(back.as_of().seconds(), 253402300799);
}

TEST(EngineNowTest, WithoutAnyTimeTheTimeBasedRulesAreSkipped) {
  v1::Plan plan = PlanFromText(kSmallPlan);
  plan.clear_as_of();
  plan.mutable_relationships(0)->clear_last_contact_at();
  absl::StatusOr<v1::Analysis> analysis = MakeEngine().Analyze(plan);
  ASSERT_TRUE(analysis.ok()) << analysis.status();
  EXPECT_FALSE(analysis->has_as_of());
  EXPECT_FALSE(HasFinding(*analysis, "STALE_ASSESSMENT"));
  EXPECT_FALSE(HasFinding(*analysis, "NPS_DECLINING"));
  EXPECT_TRUE(HasFinding(*analysis, "BELOW_3X3"));  // the others still run
}

TEST(EngineAnalyzeTest, DisabledRulesAreLeftOut) {
  const v1::Plan plan = PlanFromText(kSmallPlan);
  absl::StatusOr<v1::Analysis> all = MakeEngine().Analyze(plan);
  ASSERT_TRUE(all.ok());
  ASSERT_TRUE(HasFinding(*all, "NO_EVANGELIST"));
  absl::StatusOr<v1::Analysis> some =
      MakeEngine(OptionsFromText(R"pb(disabled_rules: "NO_EVANGELIST")pb")).Analyze(plan);
  ASSERT_TRUE(some.ok());
  EXPECT_FALSE(HasFinding(*some, "NO_EVANGELIST"));
  EXPECT_EQ(some->findings_size(), all->findings_size() - 1);
}

TEST(EngineAnalyzeTest, FindingsComeCriticalFirst) {
  generate::GeneratorOptions options;
  options.persons = 60;
  options.team_members = 6;
  absl::StatusOr<v1::Analysis> analysis = MakeEngine().Analyze(generate::GeneratePlan(options));
  ASSERT_TRUE(analysis.ok()) << analysis.status();
  for (int i = 1; i < analysis->findings_size(); ++i) {
    EXPECT_GE(analysis->findings(i - 1).severity(), analysis->findings(i).severity()) << i;
  }
}

// Same plan and options, byte-identical output: in every output format, from separate engines.
TEST(EngineDeterminismTest, SameInputGivesIdenticalBytes) {
  generate::GeneratorOptions options;
  options.persons = 300;
  options.team_members = 20;
  options.opportunities = 3;
  options.seed = 7;
  const v1::Plan plan = generate::GeneratePlan(options);
  absl::StatusOr<v1::Analysis> first = MakeEngine().Analyze(plan);
  absl::StatusOr<v1::Analysis> second = MakeEngine().Analyze(plan);
  ASSERT_TRUE(first.ok() && second.ok());
  for (PlanFormat format : {PlanFormat::kBinary, PlanFormat::kJson, PlanFormat::kText}) {
    absl::StatusOr<std::string> a = WriteAnalysis(*first, format);
    absl::StatusOr<std::string> b = WriteAnalysis(*second, format);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(*a, *b) << PlanFormatName(format);
  }
}

// The arena path the C ABI takes (ParsePlanInto and AnalyzeInto on arena messages) gives the same
// bytes as the heap path, and an analysis message is reusable: AnalyzeInto clears it first.
TEST(EngineArenaTest, AnalysisOnAnArenaIsByteIdenticalToTheHeapOne) {
  generate::GeneratorOptions options;
  options.persons = 300;
  options.team_members = 20;
  options.opportunities = 3;
  options.seed = 11;
  const v1::Plan generated = generate::GeneratePlan(options);
  const Engine engine = MakeEngine();
  absl::StatusOr<v1::Analysis> on_heap = engine.Analyze(generated);
  ASSERT_TRUE(on_heap.ok()) << on_heap.status();

  google::protobuf::Arena arena;
  auto* plan = google::protobuf::Arena::CreateMessage<v1::Plan>(&arena);
  ASSERT_TRUE(ParsePlanInto(generated.SerializeAsString(), PlanFormat::kBinary, plan).ok());
  auto* analysis = google::protobuf::Arena::CreateMessage<v1::Analysis>(&arena);
  ASSERT_TRUE(engine.AnalyzeInto(PlanFromText(kSmallPlan), {}, analysis).ok());
  ASSERT_TRUE(engine.AnalyzeInto(*plan, {}, analysis).ok());
  EXPECT_EQ(*WriteAnalysis(*analysis, PlanFormat::kBinary),
            *WriteAnalysis(*on_heap, PlanFormat::kBinary));
}

TEST(EngineArenaTest, ParsePlanIntoLeavesTheMessageEmptyOnError) {
  google::protobuf::Arena arena;
  auto* plan = google::protobuf::Arena::CreateMessage<v1::Plan>(&arena);
  ASSERT_TRUE(ParsePlanInto(R"({"persons": [{"id": "p1"}]})", PlanFormat::kJson, plan).ok());
  EXPECT_EQ(plan->persons_size(), 1);
  const absl::Status status =
      ParsePlanInto(R"({"persons": [{"id": "p2"}], "nope": 1})", PlanFormat::kJson, plan);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(plan->ByteSizeLong(), 0u);
  EXPECT_TRUE(ParsePlanInto("Team member,Level,Ann\r\nBo,executive,T\r\n", PlanFormat::kCsvGrid,
                            plan)
                  .ok());
  EXPECT_EQ(plan->relationships_size(), 1);
}

double Health(const Engine& engine, const v1::Plan& plan) {
  absl::StatusOr<v1::Analysis> analysis = engine.Analyze(plan);
  EXPECT_TRUE(analysis.ok()) << analysis.status();
  return analysis.ok() ? analysis->scores().account_health().value() : 0;
}

// docs/scores.md: improving one grade never lowers account health. Here through the whole engine, on both
// bundled example accounts and a generated one, for every relationship and every one-step raise.
TEST(EngineHealthTest, RaisingOneGradeNeverLowersAccountHealth) {
  const Engine engine = MakeEngine();
  std::vector<v1::Plan> plans;
  for (const char* path : {"examples/kestrel-health.json", "examples/northwind-grid.csv"}) {
    absl::StatusOr<v1::Plan> plan = ReadPlanFile(path);
    ASSERT_TRUE(plan.ok()) << plan.status();
    plans.push_back(*std::move(plan));
  }
  generate::GeneratorOptions options;
  options.persons = 40;
  options.team_members = 6;
  options.seed = 3;
  plans.push_back(generate::GeneratePlan(options));

  int raises = 0;
  for (const v1::Plan& plan : plans) {
    const double before = Health(engine, plan);
    for (int r = 0; r < plan.relationships_size(); ++r) {
      const v1::Grade grade = plan.relationships(r).grade();
      if (grade == v1::TRUST) continue;
      v1::Plan raised = plan;
      // A blank cell's first step is INDIFFERENT.
      raised.mutable_relationships(r)->set_grade(
          grade == v1::GRADE_UNSPECIFIED ? v1::INDIFFERENT : static_cast<v1::Grade>(grade + 1));
      EXPECT_GE(Health(engine, raised), before - 1e-9)
          << "relationship " << r << " raised from " << v1::Grade_Name(grade);
      ++raises;
    }
  }
  EXPECT_GT(raises, 50);
}

}  // namespace
}  // namespace contactplan
