// Engine::AnalyzeBytes: bytes in, bytes out, the same bytes as ParsePlanInto + AnalyzeInto +
// WriteAnalysis, for every plan and output format, and their errors.
#include <string>
#include <tuple>

#include "contactplan/engine.h"
#include "contactplan/plan_generator.h"
#include "contactplan/plan_io.h"
#include "contactplan/v1/plan.pb.h"
#include "gtest/gtest.h"

namespace contactplan {
namespace {

std::string ThreeCalls(const Engine& engine, const std::string& bytes, PlanFormat in,
                       const v1::AnalysisOptions& options, PlanFormat out) {
  v1::Plan plan;
  EXPECT_TRUE(ParsePlanInto(bytes, in, &plan).ok());
  v1::Analysis analysis;
  EXPECT_TRUE(engine.AnalyzeInto(plan, options, &analysis).ok());
  absl::StatusOr<std::string> written = WriteAnalysis(analysis, out);
  EXPECT_TRUE(written.ok());
  return written.ok() ? *written : "";
}

TEST(AnalyzeBytesTest, GivesTheBytesOfTheThreeCallsInEveryFormat) {
  const absl::StatusOr<Engine> engine = Engine::Create();
  ASSERT_TRUE(engine.ok());
  v1::AnalysisOptions options;
  options.set_max_findings(0);
  for (const auto& [persons, team, seed] : {std::tuple{25, 8, 1}, std::tuple{300, 50, 7},
                                            std::tuple{3, 2, 3}}) {
    generate::GeneratorOptions generator;
    generator.persons = persons;
    generator.team_members = team;
    generator.seed = seed;
    const absl::StatusOr<v1::Plan> plan = generate::GeneratePlan(generator);
    ASSERT_TRUE(plan.ok());
    for (PlanFormat in : {PlanFormat::kBinary, PlanFormat::kJson}) {
      const absl::StatusOr<std::string> bytes = WritePlan(*plan, in);
      ASSERT_TRUE(bytes.ok());
      for (PlanFormat out : {PlanFormat::kBinary, PlanFormat::kJson, PlanFormat::kText}) {
        const absl::StatusOr<std::string> written = engine->AnalyzeBytes(*bytes, in, options, out);
        ASSERT_TRUE(written.ok()) << written.status();
        EXPECT_EQ(*written, ThreeCalls(*engine, *bytes, in, options, out))
            << persons << " x " << team << ", " << PlanFormatName(in) << " to "
            << PlanFormatName(out);
      }
    }
  }
}

TEST(AnalyzeBytesTest, ReportsTheParseErrorTheInvalidPlanAndTheBadOption) {
  const absl::StatusOr<Engine> engine = Engine::Create();
  ASSERT_TRUE(engine.ok());
  const std::string cut = "\x32\x05\x0a\x01";  // persons, length 5, cut short
  v1::Plan ignored;
  const absl::Status parse = ParsePlanInto(cut, PlanFormat::kBinary, &ignored);
  ASSERT_FALSE(parse.ok());
  EXPECT_EQ(engine->AnalyzeBytes(cut, PlanFormat::kBinary, {}, PlanFormat::kBinary).status(), parse);

  v1::Plan invalid;
  invalid.add_relationships()->set_person_id("nobody");
  const std::string bytes = *WritePlan(invalid, PlanFormat::kBinary);
  const absl::Status expected = engine->Analyze(invalid).status();
  ASSERT_EQ(expected.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(engine->AnalyzeBytes(bytes, PlanFormat::kBinary, {}, PlanFormat::kJson).status(),
            expected);

  v1::AnalysisOptions bad;
  bad.set_horizon_days(45);
  EXPECT_EQ(engine->AnalyzeBytes(bytes, PlanFormat::kBinary, bad, PlanFormat::kBinary).status(),
            Engine::CheckAnalysisOptions(bad));
  EXPECT_EQ(engine->AnalyzeBytes(bytes, PlanFormat::kBinary, {}, PlanFormat::kCsvGrid)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace contactplan
