// ParseMessageInto: any message of the schema (here the engine options a host reads from a file)
// in binary, JSON and text format, with the errors ParsePlan gives for each.
#include <string>

#include "contactplan/plan_io.h"
#include "contactplan/v1/options.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "options/settings.h"

namespace contactplan {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

v1::EngineOptions SomeOptions() {
  v1::EngineOptions options;
  options.add_disabled_rules("WEAK_RELATIONSHIP");
  options.set_leverage_max_hops(3);
  options.mutable_limits()->set_max_persons(500);
  return options;
}

// An options message with every field this test sets, so a parse that "succeeds" by leaving the
// message alone cannot pass.
TEST(ParseMessageIntoTest, ReadsEveryFormatWrittenByTheLibrary) {
  const v1::EngineOptions expected = SomeOptions();
  const std::string text =
      "disabled_rules: \"WEAK_RELATIONSHIP\"\nleverage_max_hops: 3\nlimits { max_persons: 500 }\n";
  const std::string json =
      R"({"disabledRules": ["WEAK_RELATIONSHIP"], "leverage_max_hops": 3,
          "limits": {"maxPersons": 500}})";
  for (const auto& [bytes, format] :
       {std::pair<std::string, PlanFormat>{expected.SerializeAsString(), PlanFormat::kBinary},
        {text, PlanFormat::kText},
        {json, PlanFormat::kJson}}) {
    v1::EngineOptions parsed;
    parsed.set_max_trust_targets(9);  // cleared first
    ASSERT_TRUE(ParseMessageInto(bytes, format, &parsed).ok()) << PlanFormatName(format);
    EXPECT_EQ(parsed.SerializeAsString(), expected.SerializeAsString()) << PlanFormatName(format);
  }
}

TEST(ParseMessageIntoTest, TextErrorsNameLineColumnAndTheFieldMeant) {
  v1::EngineOptions parsed;
  const absl::Status status =
      ParseMessageInto("leverage_max_hops: 3\nleverage_max_hop: 4\n", PlanFormat::kText, &parsed);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), StartsWith("line 2, column 1: "));
  EXPECT_THAT(std::string(status.message()), HasSubstr("Did you mean \"leverage_max_hops\"?"));
  // Nothing half read is handed back: the first line parsed, the message is empty all the same.
  EXPECT_FALSE(parsed.has_leverage_max_hops());
}

TEST(ParseMessageIntoTest, TextStringsMustBeUtf8) {
  v1::EngineOptions parsed;
  const absl::Status status =
      ParseMessageInto("disabled_rules: \"\\xff\"\n", PlanFormat::kText, &parsed);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("disabled_rules[0]: the string is not UTF-8 text"));
  EXPECT_EQ(parsed.disabled_rules_size(), 0);
}

TEST(ParseMessageIntoTest, BinaryErrorsNameTheMessageAndTheByte) {
  v1::EngineOptions parsed = SomeOptions();
  // Wire type 7 does not exist, whatever the field.
  const absl::Status status =
      ParseMessageInto(std::string("\x0f", 1), PlanFormat::kBinary, &parsed);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              StartsWith("not a valid binary EngineOptions: byte 0"));
  EXPECT_EQ(parsed.ByteSizeLong(), 0u);
}

TEST(ParseMessageIntoTest, JsonUnknownFieldsAreErrors) {
  v1::EngineOptions parsed;
  const absl::Status status =
      ParseMessageInto(R"({"leverageMaxHop": 3})", PlanFormat::kJson, &parsed);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), HasSubstr("leverageMaxHop"));
}

TEST(ParseMessageIntoTest, TheCsvGridHoldsPlansOnly) {
  v1::EngineOptions parsed = SomeOptions();
  const absl::Status status =
      ParseMessageInto("Team member,Level,Ann\n", PlanFormat::kCsvGrid, &parsed);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(status.message()),
            "EngineOptions has no CSV form (the grid holds plans only): give it as binary, json or "
            "text");
  EXPECT_EQ(parsed.ByteSizeLong(), 0u);
}

// The public default is the one the engine applies when limits.max_input_bytes is unset.
TEST(DefaultMaxInputBytesTest, IsTheEnginesDefault) {
  EXPECT_EQ(kDefaultMaxInputBytes, Settings{}.max_input_bytes);
  EXPECT_EQ(kDefaultMaxInputBytes, uint64_t{256} << 20);
}

}  // namespace
}  // namespace contactplan
