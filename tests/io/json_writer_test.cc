// The JSON writer: byte for byte what protobuf's MessageToJsonString prints, on the corpus' plans
// and their analyses, on every character that needs an escape and on awkward numbers; and the size
// check that replaces protobuf's silent empty output.
#include "io/json_writer.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "contactplan/engine.h"
#include "contactplan/plan_io.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/options.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "io/json_corpus.h"
#include "io/output_size.h"
#include "io/text_position.h"
#include "support/text_plan.h"

namespace contactplan::io {
namespace {

using ::contactplan::testing::CorpusJsonFiles;
using ::contactplan::testing::GeneratedPlans;
using ::contactplan::testing::ReadFileOrFail;
using ::testing::HasSubstr;

// What protobuf prints with the options this library used before it had its own writer.
std::string ProtobufJson(const google::protobuf::Message& message, JsonStyle style) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = style == JsonStyle::kEveryField;
  std::string json;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(message, &json, options).ok());
  return json;
}

void ExpectSameBytes(const google::protobuf::Message& message, JsonStyle style,
                     const std::string& where) {
  const absl::StatusOr<std::string> ours = WriteJson(message, style);
  ASSERT_TRUE(ours.ok()) << where << ": " << ours.status();
  const std::string theirs = ProtobufJson(message, style);
  if (*ours == theirs) return;
  size_t at = 0;
  while (at < ours->size() && at < theirs.size() && (*ours)[at] == theirs[at]) ++at;
  ADD_FAILURE() << where << ": first difference at byte " << at << "\nours:   "
                << ours->substr(at > 80 ? at - 80 : 0, 160) << "\ntheirs: "
                << theirs.substr(at > 80 ? at - 80 : 0, 160);
}

std::vector<v1::Plan> CorpusPlans() {
  std::vector<v1::Plan> plans = GeneratedPlans();
  for (const std::string& file : CorpusJsonFiles()) {
    absl::StatusOr<v1::Plan> plan = ParsePlan(ReadFileOrFail(file), PlanFormat::kJson);
    if (plan.ok()) plans.push_back(*std::move(plan));
  }
  plans.push_back(testing::PlanFromText(ReadFileOrFail(testing::TestDataPath("plans/full.txtpb"))));
  return plans;
}

TEST(JsonWriterTest, PlansAsProtobufPrintsThem) {
  const std::vector<v1::Plan> plans = CorpusPlans();
  ASSERT_GE(plans.size(), 8u);
  for (size_t i = 0; i < plans.size(); ++i) {
    ExpectSameBytes(plans[i], JsonStyle::kOmitDefaults, absl::StrCat("plan ", i));
    ExpectSameBytes(plans[i], JsonStyle::kEveryField, absl::StrCat("plan ", i, ", every field"));
  }
}

TEST(JsonWriterTest, AnalysesAsProtobufPrintsThem) {
  absl::StatusOr<Engine> engine = Engine::Create(v1::EngineOptions());
  ASSERT_TRUE(engine.ok()) << engine.status();
  int analysed = 0;
  for (const v1::Plan& plan : CorpusPlans()) {
    absl::StatusOr<v1::Analysis> analysis = engine->Analyze(plan);
    if (!analysis.ok()) continue;  // the corpus' invalid plans
    ++analysed;
    ExpectSameBytes(*analysis, JsonStyle::kEveryField, absl::StrCat("analysis ", analysed));
    ExpectSameBytes(*analysis, JsonStyle::kOmitDefaults, absl::StrCat("analysis ", analysed));
  }
  EXPECT_GE(analysed, 5);
}

TEST(JsonWriterTest, EscapesEveryCharacterAsProtobufDoes) {
  v1::Plan plan;
  // Every code point below U+0800, then the ranges protobuf escapes beyond it.
  std::string text;
  const auto append = [&](uint32_t cp) { AppendUtf8(cp, text); };
  for (uint32_t cp = 0; cp < 0x800; ++cp) append(cp);
  for (uint32_t cp : {0x17B4u, 0x17B5u, 0x2027u, 0x2028u, 0x202Fu, 0x2060u, 0x206Fu, 0xFEFFu,
                      0xFFF9u, 0xFFFCu, 0x1D172u, 0x1D173u, 0x1D17Au, 0x1F600u, 0xE0001u, 0xE0020u,
                      0xE007Fu, 0x10FFFFu}) {
    append(cp);
  }
  plan.mutable_account()->set_name(text);
  ExpectSameBytes(plan, JsonStyle::kOmitDefaults, "every character");
}

TEST(JsonWriterTest, NumbersAsProtobufPrintsThem) {
  for (const double value :
       {0.1, 1e100, 1e-7, 123456789012345680.0, 0.30000000000000004, -0.0, 5e-324, 1.7976931348623157e308,
        std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(), 2.5, 100.0, 1e15, 1e16, 1e21}) {
    v1::Plan plan;
    plan.add_team_members()->set_capacity(value);
    ExpectSameBytes(plan, JsonStyle::kOmitDefaults, absl::StrCat("capacity ", value));
  }
  v1::EngineOptions options;
  options.mutable_limits()->set_max_input_bytes(std::numeric_limits<uint64_t>::max());
  ExpectSameBytes(options, JsonStyle::kOmitDefaults, "a uint64");
  ExpectSameBytes(options, JsonStyle::kEveryField, "options, every field");
}

TEST(JsonWriterTest, EveryKindOfDoubleAsProtobufPrintsIt) {
  // Random bit patterns (every exponent, subnormals included), computed shares and percentages
  // (16 and 17 digits), short decimals and whole numbers around the 15-digit boundary.
  v1::Plan plan;
  uint64_t state = 0x9E3779B97F4A7C15u;
  const auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int i = 0; i < 3000; ++i) {
    const uint64_t bits = next();
    double value;
    std::memcpy(&value, &bits, sizeof value);
    if (std::isfinite(value)) plan.add_team_members()->set_capacity(value);
  }
  for (int i = 1; i < 1000; ++i) {
    plan.add_team_members()->set_capacity(100.0 * i / 7);
    plan.add_team_members()->set_capacity(-i / 3.0);
    plan.add_team_members()->set_capacity(i * 0.01);
    plan.add_team_members()->set_capacity(i * 1e-5);
    plan.add_team_members()->set_capacity(999999999999999.0 + i);
    plan.add_team_members()->set_capacity(static_cast<double>(i) * 1e12);
    // Decimals of one to six fractional digits, which the writer formats on a short path, around
    // its edges (1e-4, where "%g" turns scientific, and 1e9), and their neighbours that are not.
    plan.add_team_members()->set_capacity(i / 1e6);
    plan.add_team_members()->set_capacity(std::nextafter(i / 1e6, 1.0));
    plan.add_team_members()->set_capacity(1e9 - i / 1e6);
    plan.add_team_members()->set_capacity(-(123456.0 + i / 1e3));
    plan.add_team_members()->set_capacity(std::nextafter(0.0001 * i, 0.0));
  }
  ExpectSameBytes(plan, JsonStyle::kOmitDefaults, "doubles");
}

TEST(JsonWriterTest, TimestampsAsProtobufPrintsThem) {
  v1::Plan plan;
  const int64_t kMin = google::protobuf::util::TimeUtil::kTimestampMinSeconds;
  const int64_t kMax = google::protobuf::util::TimeUtil::kTimestampMaxSeconds;
  std::vector<std::pair<int64_t, int32_t>> times = {
      {kMin, 0}, {kMax, 999999999}, {0, 0}, {-1, 0}, {-86400, 1}, {951782400, 1000},
      {951868800, 1000000}, {-2203891200, 123456789}, {1717200000, 500000000}, {253402214400, 0}};
  for (int64_t s = kMin; s < kMax; s += 86400 * 397 + 3607) times.push_back({s, 0});
  for (const auto& [seconds, nanos] : times) {
    v1::Relationship& relationship = *plan.add_relationships();
    relationship.mutable_assessed_at()->set_seconds(seconds);
    relationship.mutable_assessed_at()->set_nanos(nanos);
  }
  ExpectSameBytes(plan, JsonStyle::kOmitDefaults, "timestamps");
}

TEST(JsonWriterTest, AnEnumNumberWithoutANameIsWrittenAsANumber) {
  v1::Plan plan;
  plan.add_relationships()->set_grade(static_cast<v1::Grade>(42));
  ExpectSameBytes(plan, JsonStyle::kOmitDefaults, "grade 42");
}

TEST(JsonWriterTest, RefusesOutputOverTheLimitInsteadOfTruncatingIt) {
  v1::Plan plan;
  plan.mutable_account()->set_name(std::string(1000, 'a'));
  const absl::StatusOr<std::string> small = WriteJson(plan, JsonStyle::kOmitDefaults, 500);
  ASSERT_FALSE(small.ok());
  EXPECT_EQ(small.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(small.status().message()),
              HasSubstr("the JSON output would be more than 500 bytes"));
  EXPECT_TRUE(WriteJson(plan, JsonStyle::kOmitDefaults, 2000).ok());
}

TEST(JsonWriterTest, ATimestampBeyondYear9999IsAnErrorNamingTheField) {
  v1::Plan plan;
  plan.mutable_as_of()->set_seconds(253402300800);  // 10000-01-01
  const absl::StatusOr<std::string> json = WriteJson(plan, JsonStyle::kOmitDefaults);
  ASSERT_FALSE(json.ok());
  EXPECT_THAT(std::string(json.status().message()), HasSubstr("as_of: the Timestamp"));
}

TEST(OutputSizeTest, NamesBothSizesAndWhatToDo) {
  EXPECT_TRUE(CheckOutputSize(10, 10, "binary").ok());
  const absl::Status over = CheckOutputSize(11, 10, "binary");
  EXPECT_EQ(over.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(over.message()),
              HasSubstr("the binary output would be more than 10 bytes (11 so far)"));
  EXPECT_THAT(std::string(over.message()), HasSubstr("split the account"));
}

}  // namespace
}  // namespace contactplan::io
