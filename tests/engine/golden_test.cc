// The golden analyses: every finding, score, gap and recommendation of a fixed set of plans, stored
// under tests/data/golden/ as protobuf's own JSON of the Analysis message, and compared byte for
// byte. The engine's internals may be rebuilt at will; what a host receives may not change unless a
// commit says why and regenerates the files.
//
// The inputs are snapshots too (NAME.plan.txtpb beside NAME.analysis.json), so a change in a reader
// or in the plan generator cannot move these analyses; only the engine can.
//
// Regenerate (after checking that the change is intended, and saying so in the commit):
//   CONTACTPLAN_UPDATE_GOLDEN=1 build/tests/golden_test
// which reads the examples and the generator afresh and rewrites every file of tests/data/golden/.
#include <cstdlib>
#include <fstream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "contactplan/engine.h"
#include "contactplan/plan_generator.h"
#include "contactplan/plan_io.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "support/text_plan.h"

namespace contactplan {
namespace {

struct GoldenCase {
  const char* name;
  // Where the plan comes from when the snapshot is regenerated: a file of the repository, or (when
  // null) the generator with the sizes below.
  const char* source_file;
  generate::GeneratorOptions generated;
  // Analysis options, text format. Every case analyses with the findings cap off, so that the
  // golden files hold every finding the rules emit.
  const char* analysis_options;
};

// gtest prints a failing case by its name, not its bytes.
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.name; }

const std::vector<GoldenCase>& Cases() {
  static const auto* cases = new std::vector<GoldenCase>{
      {"kestrel-health", "examples/kestrel-health.json", {}, ""},
      {"kestrel-health-horizon90", "examples/kestrel-health.json", {},
       "horizon_days: 90 as_of { seconds: 1728950400 }"},  // 2024-10-15, as the README runs it
      {"northwind-grid", "examples/northwind-grid.csv", {}, ""},
      {"full", "tests/data/plans/full.txtpb", {}, ""},
      {"typical", nullptr, generate::TypicalPlanOptions(), ""},
      {"generated-10x5-seed2", nullptr, {.persons = 10, .team_members = 5, .seed = 2}, ""},
      {"generated-60x12-seed7-opps4", nullptr,
       {.persons = 60, .team_members = 12, .seed = 7, .opportunities = 4}, "horizon_days: 60"},
      {"generated-100x20-seed3-opps2", nullptr,
       {.persons = 100, .team_members = 20, .seed = 3, .opportunities = 2}, ""},
  };
  return *cases;
}

std::string GoldenPath(const std::string& file) {
  return testing::TestDataPath("golden/" + file);
}

bool Updating() {
  const char* update = std::getenv("CONTACTPLAN_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

void WriteOrFail(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

// The plan of a case: read from its source (regenerating) or from the snapshot.
std::optional<v1::Plan> PlanOf(const GoldenCase& c) {
  const std::string snapshot = GoldenPath(std::string(c.name) + ".plan.txtpb");
  if (!Updating()) return testing::PlanFromText(testing::ReadFileOrFail(snapshot));
  v1::Plan plan;
  if (c.source_file == nullptr) {
    plan = generate::GeneratePlan(c.generated);
  } else if (std::string(c.source_file).ends_with(".txtpb")) {
    plan = testing::PlanFromText(testing::ReadFileOrFail(c.source_file));
  } else {
    absl::StatusOr<v1::Plan> read = ReadPlanFile(c.source_file);
    if (!read.ok()) {
      ADD_FAILURE() << read.status();
      return std::nullopt;
    }
    plan = *std::move(read);
  }
  std::string text;
  google::protobuf::TextFormat::PrintToString(plan, &text);
  WriteOrFail(snapshot, text);
  return plan;
}

std::string JsonOf(const v1::Analysis& analysis) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  std::string json;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(analysis, &json, options).ok());
  return json;
}

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, AnalysisIsUnchanged) {
  const GoldenCase& c = GetParam();
  const std::optional<v1::Plan> plan = PlanOf(c);
  ASSERT_TRUE(plan.has_value());
  v1::AnalysisOptions options;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(c.analysis_options, &options));
  options.set_max_findings(0);  // the golden files hold every finding

  absl::StatusOr<Engine> engine = Engine::Create();
  ASSERT_TRUE(engine.ok()) << engine.status();
  absl::StatusOr<v1::Analysis> analysis = engine->Analyze(*plan, options);
  ASSERT_TRUE(analysis.ok()) << analysis.status();
  const std::string json = JsonOf(*analysis);

  const std::string golden_path = GoldenPath(std::string(c.name) + ".analysis.json");
  if (Updating()) {
    WriteOrFail(golden_path, json);
    return;
  }
  const std::string golden = testing::ReadFileOrFail(golden_path);
  if (json == golden) return;

  // Say what changed, field by field, rather than dumping two large documents.
  v1::Analysis expected;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(golden, &expected).ok()) << golden_path;
  std::string differences;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&differences);
  differencer.Compare(expected, *analysis);
  ADD_FAILURE() << c.name << ": the analysis differs from " << golden_path << ":\n"
                << differences.substr(0, 20000);
}

INSTANTIATE_TEST_SUITE_P(Plans, GoldenTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& param_info) {
                           std::string name = param_info.param.name;
                           for (char& ch : name) {
                             if (ch == '-') ch = '_';
                           }
                           return name;
                         });

// Byte-identical across runs: two engines, and one engine twice, agree (capi_threads_test covers
// threads).
TEST(GoldenDeterminismTest, RepeatedAnalysesAreByteIdentical) {
  const v1::Plan plan = generate::GeneratePlan(generate::TypicalPlanOptions());
  absl::StatusOr<Engine> first = Engine::Create();
  absl::StatusOr<Engine> second = Engine::Create();
  ASSERT_TRUE(first.ok() && second.ok());
  const std::string once = JsonOf(*first->Analyze(plan));
  EXPECT_EQ(once, JsonOf(*first->Analyze(plan)));
  EXPECT_EQ(once, JsonOf(*second->Analyze(plan)));
}

}  // namespace
}  // namespace contactplan
