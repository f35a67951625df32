// ParsePlan, WritePlan and WriteAnalysis for the protobuf formats, and the format names.
#include <algorithm>
#include <set>
#include <string>

#include "contactplan/plan_io.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "io/proto_equals.h"
#include "support/text_plan.h"

namespace contactplan {
namespace {

using ::contactplan::testing::PlanFromText;
using ::contactplan::testing::ProtoEquals;
using ::contactplan::testing::ReadFileOrFail;
using ::contactplan::testing::TestDataPath;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;
using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

v1::Plan FullPlan() { return PlanFromText(ReadFileOrFail(TestDataPath("plans/full.txtpb"))); }

std::string ParseError(std::string_view bytes, PlanFormat format) {
  absl::StatusOr<v1::Plan> plan = ParsePlan(bytes, format);
  EXPECT_FALSE(plan.ok()) << "parsed:\n" << plan->DebugString();
  if (plan.ok()) return "";
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(plan.status().message());
}

// Every field of every message type reachable from `descriptor` (well-known types aside), as full
// names, and the ones `message` sets somewhere.
void AllFields(const Descriptor* descriptor, std::set<std::string>& fields) {
  if (descriptor->file()->package() == "google.protobuf") return;
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    if (!fields.insert(field->full_name()).second) continue;
    if (field->message_type() != nullptr) AllFields(field->message_type(), fields);
  }
}
void SetFields(const Message& message, std::set<std::string>& fields) {
  if (message.GetDescriptor()->file()->package() == "google.protobuf") return;
  std::vector<const FieldDescriptor*> set;
  message.GetReflection()->ListFields(message, &set);
  for (const FieldDescriptor* field : set) {
    fields.insert(field->full_name());
    if (field->message_type() == nullptr) continue;
    if (!field->is_repeated()) {
      SetFields(message.GetReflection()->GetMessage(message, field), fields);
      continue;
    }
    for (int i = 0; i < message.GetReflection()->FieldSize(message, field); ++i) {
      SetFields(message.GetReflection()->GetRepeatedMessage(message, field, i), fields);
    }
  }
}

TEST(PlanFormatTest, NamesAndExtensions) {
  for (PlanFormat format :
       {PlanFormat::kBinary, PlanFormat::kJson, PlanFormat::kText, PlanFormat::kCsvGrid}) {
    EXPECT_EQ(PlanFormatFromName(PlanFormatName(format)), format);
  }
  EXPECT_EQ(PlanFormatName(PlanFormat::kCsvGrid), "csv");
  EXPECT_EQ(PlanFormatFromName("JSON"), PlanFormat::kJson);
  EXPECT_EQ(PlanFormatFromName("yaml"), std::nullopt);
  EXPECT_EQ(PlanFormatFromPath("a/plan.binpb"), PlanFormat::kBinary);
  EXPECT_EQ(PlanFormatFromPath("plan.PB"), PlanFormat::kBinary);
  EXPECT_EQ(PlanFormatFromPath("Plan.Json"), PlanFormat::kJson);
  EXPECT_EQ(PlanFormatFromPath("plan.txtpb"), PlanFormat::kText);
  EXPECT_EQ(PlanFormatFromPath("plan.TextProto"), PlanFormat::kText);
  EXPECT_EQ(PlanFormatFromPath("maps/acme.v2.CSV"), PlanFormat::kCsvGrid);
  EXPECT_EQ(PlanFormatFromPath("plan.yaml"), std::nullopt);
  EXPECT_EQ(PlanFormatFromPath("data.json/plan"), std::nullopt);
  EXPECT_EQ(PlanFormatFromPath(".json"), std::nullopt);
  EXPECT_EQ(PlanFormatFromPath("plan"), std::nullopt);
}

TEST(PlanFormatsTest, FullPlanSetsEveryFieldOfPlanProto) {
  std::set<std::string> all, set;
  AllFields(v1::Plan::descriptor(), all);
  SetFields(FullPlan(), set);
  std::vector<std::string> missing;
  std::set_difference(all.begin(), all.end(), set.begin(), set.end(), std::back_inserter(missing));
  EXPECT_THAT(missing, ::testing::IsEmpty()) << "tests/data/plans/full.txtpb lacks these fields";
}

class RoundTripTest : public ::testing::TestWithParam<PlanFormat> {};

TEST_P(RoundTripTest, KeepsEveryField) {
  const v1::Plan plan = FullPlan();
  const absl::StatusOr<std::string> written = WritePlan(plan, GetParam());
  ASSERT_TRUE(written.ok()) << written.status();
  const absl::StatusOr<v1::Plan> read = ParsePlan(*written, GetParam());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_TRUE(ProtoEquals(plan, *read));
  // Writing what was read gives the same bytes: nothing drifts over repeated conversions.
  EXPECT_EQ(WritePlan(*read, GetParam()).value(), *written);
}

INSTANTIATE_TEST_SUITE_P(ProtobufFormats, RoundTripTest,
                         ::testing::Values(PlanFormat::kBinary, PlanFormat::kJson,
                                           PlanFormat::kText),
                         [](const ::testing::TestParamInfo<PlanFormat>& format) {
                           return std::string(PlanFormatName(format.param));
                         });

// A plan's bytes with fields this build does not know: number 1000 on the plan, 99 in a person.
std::string BytesWithUnknownFields() {
  v1::Plan plan = PlanFromText(R"pb(persons { id: "p1" } persons { id: "p2" })pb");
  plan.mutable_persons(1)->GetReflection()->MutableUnknownFields(plan.mutable_persons(1))
      ->AddLengthDelimited(99, "from a newer schema");
  plan.GetReflection()->MutableUnknownFields(&plan)->AddVarint(1000, 7);
  return plan.SerializeAsString();
}

TEST(BinaryFormatTest, UnknownFieldsSurviveARoundTrip) {
  const std::string bytes = BytesWithUnknownFields();
  const absl::StatusOr<v1::Plan> plan = ParsePlan(bytes, PlanFormat::kBinary);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->persons(1).GetReflection()->GetUnknownFields(plan->persons(1)).field_count(), 1);
  const absl::StatusOr<std::string> written = WritePlan(*plan, PlanFormat::kBinary);
  ASSERT_TRUE(written.ok());
  const absl::StatusOr<v1::Plan> again = ParsePlan(*written, PlanFormat::kBinary);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(ProtoEquals(*plan, *again));  // compares unknown fields too
  EXPECT_THAT(*written, HasSubstr("from a newer schema"));
}

TEST(BinaryFormatTest, JsonAndTextLeaveUnknownFieldsOut) {
  const v1::Plan plan = ParsePlan(BytesWithUnknownFields(), PlanFormat::kBinary).value();
  for (PlanFormat format : {PlanFormat::kJson, PlanFormat::kText}) {
    const std::string written = WritePlan(plan, format).value();
    EXPECT_THAT(written, Not(HasSubstr("newer schema")));
    EXPECT_TRUE(ParsePlan(written, format).ok()) << written;
  }
}

// No silent loss: what each format would leave out is known before writing.
TEST(BinaryFormatTest, ConversionLossesNameWhatEachFormatLeavesOut) {
  const v1::Plan plan = ParsePlan(BytesWithUnknownFields(), PlanFormat::kBinary).value();
  EXPECT_THAT(ConversionLosses(plan, PlanFormat::kBinary), IsEmpty());
  for (PlanFormat format : {PlanFormat::kJson, PlanFormat::kText}) {
    // Two messages of BytesWithUnknownFields carry them.
    EXPECT_THAT(ConversionLosses(plan, format),
                ElementsAre("fields unknown to this version (2)"));
  }
  EXPECT_EQ(ConversionLosses(plan, PlanFormat::kCsvGrid), CsvGridLosses(plan));
  const v1::Plan known = PlanFromText(R"pb(persons { id: "bob" name: "Bob" })pb");
  for (PlanFormat format :
       {PlanFormat::kBinary, PlanFormat::kJson, PlanFormat::kText, PlanFormat::kCsvGrid}) {
    EXPECT_THAT(ConversionLosses(known, format), IsEmpty());
  }
}

TEST(BinaryFormatTest, OutputIsDeterministic) {
  const v1::Plan plan = FullPlan();
  const std::string first = WritePlan(plan, PlanFormat::kBinary).value();
  EXPECT_EQ(WritePlan(v1::Plan(plan), PlanFormat::kBinary).value(), first);
  EXPECT_EQ(first, plan.SerializeAsString());  // canonical field order, no maps to reorder
}

TEST(BinaryFormatTest, ErrorsSayWhereAndWhy) {
  // persons (field 5) with a length of 100 and only 3 bytes after it.
  EXPECT_EQ(ParseError(std::string("\x2a\x64\x0a\x01x", 5), PlanFormat::kBinary),
            "not a valid binary Plan: byte 0, in persons: a length of 100 bytes runs past the end "
            "(3 left)");
  // persons[0].level (field 5, varint) cut off inside the person.
  EXPECT_EQ(ParseError(std::string("\x2a\x02\x28\x80", 4), PlanFormat::kBinary),
            "not a valid binary Plan: byte 2, in persons.level: a number is cut off");
  // persons[0].name (field 2) that is not UTF-8.
  EXPECT_EQ(ParseError(std::string("\x2a\x04\x12\x02\xC3\x28", 6), PlanFormat::kBinary),
            "not a valid binary Plan: byte 4, in persons.name: a string that is not UTF-8");
  EXPECT_EQ(ParseError(std::string("\x0f", 1), PlanFormat::kBinary),
            "not a valid binary Plan: byte 0, in schema_version: wire type 7 does not exist");
}

TEST(BinaryFormatTest, HintsWhenTheBytesAreAnotherFormat) {
  EXPECT_THAT(ParseError("{\"persons\": []}", PlanFormat::kBinary),
              AllOf(StartsWith("not a valid binary Plan: byte "),
                    HasSubstr("(it looks like JSON: name the file .json or read it with --input-format json)")));
  EXPECT_THAT(ParseError("Team member,Level,Ann\n", PlanFormat::kBinary),
              HasSubstr("it looks like text"));
}

TEST(JsonFormatTest, WritesLowerCamelNamesAndOmitsDefaults) {
  const v1::Plan plan = PlanFromText(R"pb(
    team_members { id: "t1" level: EXECUTIVE }
    persons { id: "p1" key: false reports_to_id: "p0" }
  )pb");
  const std::string json = WritePlan(plan, PlanFormat::kJson).value();
  EXPECT_EQ(json,
            "{\n"
            " \"teamMembers\": [\n"
            "  {\n"
            "   \"id\": \"t1\",\n"
            "   \"level\": \"EXECUTIVE\"\n"
            "  }\n"
            " ],\n"
            " \"persons\": [\n"
            "  {\n"
            "   \"id\": \"p1\",\n"
            "   \"reportsToId\": \"p0\"\n"
            "  }\n"
            " ]\n"
            "}\n");
}

TEST(JsonFormatTest, ReadsProtoNamesAndJsonNames) {
  const absl::StatusOr<v1::Plan> plan = ParsePlan(
      R"({"team_members": [{"id": "t1"}], "persons": [{"id": "p1", "reports_to_id": "t0",
          "buyerRoles": ["POWER", 4], "npsAnswers": [{"score": 9, "answered_at": "2024-03-01T00:00:00Z"}]}]})",
      PlanFormat::kJson);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE(ProtoEquals(PlanFromText(R"pb(
                            team_members { id: "t1" }
                            persons {
                              id: "p1"
                              reports_to_id: "t0"
                              buyer_roles: [ POWER, EVANGELIST ]
                              nps_answers { score: 9 answered_at { seconds: 1709251200 } }
                            }
                          )pb"),
                          *plan));
}

TEST(JsonFormatTest, EveryUnknownFieldAndEnumNameIsReportedWithItsPosition) {
  const std::string json =
      "{\n"
      "  \"persons\": [\n"
      "    {\"id\": \"p1\", \"nmae\": \"Ann\", \"level\": \"EXECUTIV\"},\n"
      "    {\"id\": \"p2\", \"colour\": \"red\"}\n"
      "  ],\n"
      "  \"teamMember\": []\n"
      "}\n";
  EXPECT_EQ(ParseError(json, PlanFormat::kJson),
            "line 3, column 18: persons[0]: unknown field \"nmae\" (did you mean \"name\"?) in "
            "Person: correct the name or remove the field (Person has id, name, title, department, "
            "level, buyerRoles, key, reportsToId, influences, relationshipLevel, "
            "desiredRelationshipLevel, relationshipType, npsAnswers, notes, leftAt, successorId)\n"
            "line 3, column 42: persons[0].level: unknown Level \"EXECUTIV\" (did you mean "
            "\"EXECUTIVE\"?): use one of LEVEL_UNSPECIFIED, OPERATIONAL, MIDDLE_MANAGEMENT, "
            "SENIOR_MANAGEMENT, EXECUTIVE\n"
            "line 4, column 18: persons[1]: unknown field \"colour\" in Person: correct the name or "
            "remove the field (Person has id, name, title, department, level, buyerRoles, key, "
            "reportsToId, influences, relationshipLevel, desiredRelationshipLevel, "
            "relationshipType, npsAnswers, notes, leftAt, successorId)\n"
            "line 6, column 3: unknown field \"teamMember\" (did you mean \"teamMembers\"?) in Plan: "
            "correct the name or remove the field (Plan has schemaVersion, asOf, account, "
            "teamMembers, persons, relationships, opportunities, blueprint)");
}

TEST(JsonFormatTest, SyntaxErrorsNameLineAndColumn) {
  EXPECT_EQ(ParseError("{\n  \"persons\": [\n    {\"id\": \"p1\",, }\n  ]\n}", PlanFormat::kJson),
            "line 3, column 17: expected a field name in double quotes (\"name\")");
  EXPECT_EQ(ParseError("{\"persons\": [{\"id\": \"p1\"}]", PlanFormat::kJson),
            "line 1, column 1: this '{' is never closed: add the matching '}'");
  EXPECT_EQ(ParseError("{\"account\": {\"name\": \"Acme\",}}", PlanFormat::kJson),
            "line 1, column 28: a comma before '}': JSON allows no comma after the last field");
  EXPECT_EQ(ParseError("{\"account\": {\"name\": \"A\ncme\"}}", PlanFormat::kJson),
            "line 1, column 24: a line break inside a string: close the string, or write \\n");
  EXPECT_EQ(ParseError("[]", PlanFormat::kJson),
            "line 1, column 1: expected an object {...} holding a Plan");
  EXPECT_EQ(ParseError("{} {}", PlanFormat::kJson),
            "line 1, column 4: text after the end of the JSON value: delete it, or put both values "
            "in a list");
}

TEST(JsonFormatTest, ValueErrorsNameLineColumnAndPath) {
  EXPECT_EQ(ParseError("{\"persons\": [{\"id\": \"p1\"},\n {\"id\": 5}]}", PlanFormat::kJson),
            "line 2, column 9: persons[1].id: expected a string in double quotes (id is a string)");
  EXPECT_EQ(ParseError("{\"asOf\": \"yesterday\"}", PlanFormat::kJson),
            "line 1, column 10: as_of: invalid value \"yesterday\" for a Timestamp: write RFC 3339 "
            "(such as \"2024-05-31T09:00:00Z\"), years 0001 to 9999");
  EXPECT_EQ(ParseError("{\"persons\": {\"id\": \"p1\"}}", PlanFormat::kJson),
            "line 1, column 13: persons: expected a list [...] (persons is repeated)");
  EXPECT_EQ(ParseError("{\"account\": \"Acme\"}", PlanFormat::kJson),
            "line 1, column 13: account: expected an object {...} (a Account)");
}

TEST(JsonFormatTest, ErrorsProtobufGivesWithoutPathAreLocatedToo) {
  EXPECT_EQ(ParseError("{\"teamMembers\": [\n  {\"capacity\": 1e400}]}", PlanFormat::kJson),
            "line 2, column 16: Number exceeds the range of double: write a smaller number");
  EXPECT_EQ(ParseError("\xEF\xBB\xBF{\"teamMembers\": [{\"capacity\": -1e999}]}", PlanFormat::kJson),
            "line 1, column 31: Number exceeds the range of double: write a smaller number");
}

TEST(JsonFormatTest, ByteOrderMarkAtStartIsAccepted) {
  const absl::StatusOr<v1::Plan> plan =
      ParsePlan("\xEF\xBB\xBF{\"account\": {\"name\": \"Acme\"}}", PlanFormat::kJson);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->account().name(), "Acme");
}

TEST(TextFormatTest, ErrorsNameLineAndColumn) {
  EXPECT_EQ(ParseError("persons {\n  id: \"p1\"\n  nmae: \"Ann\"\n}\n", PlanFormat::kText),
            "line 3, column 3: Message type \"contactplan.v1.Person\" has no field named \"nmae\". "
            "Did you mean \"name\"?");
  EXPECT_EQ(ParseError("persons {\n\tlevel: EXECUTIV\n}\n", PlanFormat::kText),
            "line 2, column 9: Unknown enumeration value of \"EXECUTIV\" for field \"level\".");
  EXPECT_THAT(ParseError("persons { id: \"p1\"", PlanFormat::kText),
              StartsWith("line 1, column 19: "));
}

TEST(TextFormatTest, StringsMustBeUtf8AsInBinary) {
  EXPECT_EQ(ParseError("persons { id: \"p1\" }\npersons {\n  title: \"ok\"\n  name: \"\\xff\"\n}",
                       PlanFormat::kText),
            "line 4, column 3: persons[1].name: the string is not UTF-8 text (escapes such as \\xff "
            "make bytes, not characters): write the characters themselves");
}

// Every such string is an error, but the list stops at 1000 and counts the rest.
TEST(TextFormatTest, StringsThatAreNotUtf8AreListedUpToACap) {
  std::string text;
  for (int i = 0; i < 1500; ++i) text.append("persons { name: \"\\xff\" }\n");
  const std::string message = ParseError(text, PlanFormat::kText);
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 1000);
  EXPECT_THAT(message, ::testing::EndsWith(
                           "\n... and 500 more problems (the first 1000 are listed)"));
}

TEST(TextFormatTest, WritesUtf8AsItIs) {
  const v1::Plan plan = PlanFromText(R"pb(persons { name: "Zoë 日本" })pb");
  EXPECT_EQ(WritePlan(plan, PlanFormat::kText).value(), "persons {\n  name: \"Zoë 日本\"\n}\n");
}

TEST(WriteAnalysisTest, JsonPrintsEveryFieldWithLowerCamelNamesAndEnumNames) {
  v1::Analysis analysis;
  v1::Finding& finding = *analysis.add_findings();
  finding.set_code("NO_EVANGELIST");
  finding.set_severity(v1::INFO);
  analysis.mutable_scores()->mutable_account_health()->set_value(0);
  const std::string json = WriteAnalysis(analysis, PlanFormat::kJson).value();
  EXPECT_THAT(json, HasSubstr("\"schemaVersion\": 0"));
  EXPECT_THAT(json, HasSubstr("\"accountHealth\": {\n   \"value\": 0,\n   \"components\": []\n  }"));
  EXPECT_THAT(json, HasSubstr("\"severity\": \"INFO\""));
  EXPECT_THAT(json, HasSubstr("\"personIds\": []"));
  EXPECT_THAT(json, HasSubstr("\"opportunityId\": \"\""));
  EXPECT_THAT(json, Not(HasSubstr("person_ids")));
}

TEST(WriteAnalysisTest, BinaryIsDeterministicAndTextReadsBack) {
  v1::Analysis analysis;
  analysis.set_schema_version(1);
  analysis.add_findings()->set_code("BELOW_3X3");
  const std::string binary = WriteAnalysis(analysis, PlanFormat::kBinary).value();
  EXPECT_EQ(WriteAnalysis(analysis, PlanFormat::kBinary).value(), binary);
  v1::Analysis read;
  ASSERT_TRUE(read.ParseFromString(binary));
  EXPECT_TRUE(ProtoEquals(analysis, read));
  const std::string text = WriteAnalysis(analysis, PlanFormat::kText).value();
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &read));
  EXPECT_TRUE(ProtoEquals(analysis, read));
}

TEST(WriteAnalysisTest, CsvIsAnError) {
  const absl::StatusOr<std::string> csv = WriteAnalysis(v1::Analysis(), PlanFormat::kCsvGrid);
  EXPECT_EQ(csv.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(csv.status().message(), HasSubstr("an analysis has no CSV form"));
}

}  // namespace
}  // namespace contactplan
