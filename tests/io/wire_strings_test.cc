// The lean walk before every binary parse (io/wire_strings.h): it must find every proto3 string
// the parser will check, refuse whatever the full wire check refuses (or leave it to a parser
// that refuses it too), and step over what cannot hold a string.
#include "io/wire_strings.h"

#include <string>
#include <vector>

#include "base/utf8.h"
#include "contactplan/plan_io.h"
#include "contactplan/v1/plan.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "gtest/gtest.h"
#include "io/json_corpus.h"
#include "io/proto_binary.h"
#include "io/wire_check.h"
#include "io/wire_schema.h"
#include "support/text_plan.h"
#include "support/wire_bytes.h"

namespace contactplan {
namespace {

using ::contactplan::testing::GeneratedPlans;
using ::contactplan::testing::LengthDelimited;
using ::contactplan::testing::PlanFromText;
using ::contactplan::testing::ReadFileOrFail;
using ::contactplan::testing::Tag;
using ::contactplan::testing::TestDataPath;
using ::contactplan::testing::Varint;
using ::contactplan::testing::VarintField;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using google::protobuf::Descriptor;

bool Lean(std::string_view bytes, const Descriptor* type = v1::Plan::descriptor()) {
  return io::WireStringsAreUtf8(bytes, io::WireSchema::For(type));
}

// A field number `type` does not define.
uint64_t UnknownNumber(const Descriptor* type) {
  uint64_t number = 1;
  while (type->FindFieldByNumber(static_cast<int>(number)) != nullptr) ++number;
  return number;
}

// Plan { account { name: <name> } } after `padding` bytes of an unknown field, so that the
// string sits at any distance from the start of the input.
std::string AccountNamed(std::string_view name, size_t padding) {
  std::string bytes;
  if (padding >= 2) {
    bytes = LengthDelimited(UnknownNumber(v1::Plan::descriptor()), std::string(padding - 2, 'x'));
  }
  bytes += LengthDelimited(v1::Plan::kAccountFieldNumber,
                           LengthDelimited(v1::Account::kNameFieldNumber, name));
  return bytes;
}

// The outcome ParseBinaryMessage had before the lean walk: the full check, then the parser.
std::string FullCheckThenParse(std::string_view bytes) {
  if (std::optional<std::string> problem = io::FindWireProblem(bytes, v1::Plan::descriptor())) {
    return *problem;
  }
  v1::Plan plan;
  return plan.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())) ? "parsed" : "failed";
}

std::string Outcome(std::string_view bytes) {
  v1::Plan plan;
  const absl::Status status = io::ParseBinaryMessage(bytes, &plan);
  if (status.ok()) return "parsed";
  const std::string message(status.message());
  // "not a valid binary Plan: <problem> (hint)" or "not a valid binary Plan (hint)".
  const std::string prefix = "not a valid binary Plan: ";
  if (message.rfind(prefix, 0) != 0) return "failed";
  std::string problem = message.substr(prefix.size());
  return problem.substr(0, problem.find(" (it looks like"));
}

TEST(WireStringsTest, PassesEveryValidPlan) {
  EXPECT_TRUE(Lean(""));
  EXPECT_TRUE(Lean(PlanFromText(ReadFileOrFail(TestDataPath("plans/full.txtpb"))).SerializeAsString()));
  for (const v1::Plan& plan : GeneratedPlans()) EXPECT_TRUE(Lean(plan.SerializeAsString()));
}

// The eight-bytes-at-a-time test of short strings reads the bytes before a string: it must agree
// with the full UTF-8 check wherever the string sits and whatever its length.
TEST(WireStringsTest, AgreesWithTheUtf8CheckForEveryLengthAndPlace) {
  const std::vector<std::string> pieces = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                           "\xFF", "\xC3", "\xED\xA0\x80", "\x80"};
  for (size_t length = 0; length <= 20; ++length) {
    for (size_t at = 0; at < length || at == 0; ++at) {
      for (const std::string& piece : pieces) {
        std::string name(length, 'n');
        name.replace(at, std::min(piece.size(), name.size() - at), piece);
        const bool utf8 = base::FirstInvalidUtf8(name) == std::string_view::npos;
        for (size_t padding : {0, 2, 3, 5, 9, 17}) {
          EXPECT_EQ(Lean(AccountNamed(name, padding)), utf8)
              << "length " << length << " at " << at << " padding " << padding;
        }
      }
    }
  }
}

TEST(WireStringsTest, FindsStringsAtAnyDepth) {
  // persons[0].influences[0].note, two messages down.
  const std::string influence =
      LengthDelimited(v1::InfluenceLink::kPersonIdFieldNumber, "p2") +
      LengthDelimited(v1::InfluenceLink::kNoteFieldNumber, "\xC3\x28");
  const std::string bytes = LengthDelimited(
      v1::Plan::kPersonsFieldNumber,
      LengthDelimited(v1::Person::kIdFieldNumber, "p1") +
          LengthDelimited(v1::Person::kInfluencesFieldNumber, influence));
  EXPECT_FALSE(Lean(bytes));
  EXPECT_EQ(Outcome(bytes), "byte 14, in persons.influences.note: a string that is not UTF-8");
}

TEST(WireStringsTest, LeavesUnknownFieldsAlone) {
  // Unknown length-delimited fields are bytes to the parser, kept as they are: not checked, at the
  // top, in a person, or inside a Timestamp, which the walk steps over.
  const std::string not_utf8 = "\xFF\xFE";
  const std::string in_person = LengthDelimited(
      v1::Plan::kPersonsFieldNumber,
      LengthDelimited(v1::Person::kIdFieldNumber, "p1") +
          LengthDelimited(UnknownNumber(v1::Person::descriptor()), not_utf8));
  const std::string in_timestamp = LengthDelimited(
      v1::Plan::kAsOfFieldNumber,
      VarintField(google::protobuf::Timestamp::kSecondsFieldNumber, 1700000000) +
          LengthDelimited(UnknownNumber(google::protobuf::Timestamp::descriptor()), not_utf8));
  for (const std::string& bytes :
       {LengthDelimited(UnknownNumber(v1::Plan::descriptor()), not_utf8), in_person,
        in_timestamp}) {
    EXPECT_TRUE(Lean(bytes));
    EXPECT_EQ(Outcome(bytes), "parsed");
  }
}

TEST(WireStringsTest, RefusesBrokenStructureAfterValidStrings) {
  const std::string person =
      LengthDelimited(v1::Plan::kPersonsFieldNumber, LengthDelimited(v1::Person::kIdFieldNumber, "p1"));
  const std::string cut_number = person + Tag(v1::Plan::kSchemaVersionFieldNumber, testing::kVarint) + "\x80";
  const std::string cut_length = person + Tag(v1::Plan::kPersonsFieldNumber, testing::kLengthDelimited) +
                                 Varint(100) + "p";
  const std::string no_wire_type = person + Varint((v1::Plan::kSchemaVersionFieldNumber << 3) | 7);
  const std::string group = person + Tag(UnknownNumber(v1::Plan::descriptor()), testing::kStartGroup) +
                            Tag(UnknownNumber(v1::Plan::descriptor()), testing::kEndGroup);
  for (const std::string& bytes : {cut_number, cut_length, no_wire_type, group}) {
    EXPECT_FALSE(Lean(bytes));
    EXPECT_EQ(Outcome(bytes), FullCheckThenParse(bytes));
  }
  EXPECT_EQ(Outcome(cut_number), "byte 6, in schema_version: a number is cut off");
  EXPECT_EQ(Outcome(cut_length),
            "byte 6, in persons: a length of 100 bytes runs past the end (1 left)");
  EXPECT_EQ(Outcome(no_wire_type), "byte 6, in schema_version: wire type 7 does not exist");
  // An unknown group the full check finds well-formed: the parser reads it.
  EXPECT_EQ(Outcome(group), "parsed");
}

// A tag of five bytes whose value needs more than 32 bits: the full check says its field number is
// out of range, protobuf's parser cuts it to 32 bits and reads another field. Inside a message
// without strings (a Timestamp), which the walk would otherwise step over, it must not be missed,
// wherever it starts.
TEST(WireStringsTest, DoesNotStepOverATagTheParserWouldCut) {
  const uint64_t seconds_tag = (google::protobuf::Timestamp::kSecondsFieldNumber << 3) | testing::kVarint;
  const std::string cut_tag = Varint((uint64_t{1} << 32) | seconds_tag) + Varint(5);
  // Timestamp.nanos fields of two to six bytes (a tag and a varint) before and after the cut tag.
  const auto nanos_fields = [](size_t bytes) {
    std::string fields;
    const auto of_width = [&](size_t width) {
      fields += VarintField(google::protobuf::Timestamp::kNanosFieldNumber,
                            uint64_t{1} << (7 * (width - 2)));
    };
    for (; bytes > 6; bytes -= 4) of_width(4);
    if (bytes > 0) of_width(bytes);
    return fields;
  };
  for (size_t before : {0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}) {
    for (size_t after : {0, 2, 9, 16}) {
      const std::string timestamp = nanos_fields(before) + cut_tag + nanos_fields(after);
      for (const std::string& bytes :
           {LengthDelimited(v1::Plan::kAsOfFieldNumber, timestamp),
            LengthDelimited(v1::Plan::kPersonsFieldNumber,
                            LengthDelimited(v1::Person::kIdFieldNumber, "p1") +
                                LengthDelimited(v1::Person::kLeftAtFieldNumber, timestamp))}) {
        v1::Plan parsed;
        ASSERT_TRUE(parsed.ParseFromString(bytes)) << "the parser reads the cut tag";
        EXPECT_FALSE(Lean(bytes)) << before << " before, " << after << " after";
        EXPECT_THAT(Outcome(bytes), HasSubstr("field number 536870913 is out of range"));
      }
    }
  }
  // Seconds of 2^32 or more (past the year 2106) look alike to the quick test: the Timestamp is
  // walked, and passes.
  v1::Plan far;
  far.mutable_as_of()->set_seconds(int64_t{1} << 34);
  EXPECT_TRUE(Lean(far.SerializeAsString()));
}

// google.protobuf.Value holding a string `levels` messages down (Value.list_value.values, which
// is recursive and holds strings). Built from the inside out, once: a megabyte of it too.
std::string NestedValue(int levels) {
  const std::string leaf = LengthDelimited(google::protobuf::Value::kStringValueFieldNumber, "leaf");
  std::vector<std::string> heads;
  size_t inner = leaf.size();
  for (int level = 0; level < levels; level += 2) {
    const std::string values_head =
        Tag(google::protobuf::ListValue::kValuesFieldNumber, testing::kLengthDelimited) +
        Varint(inner);
    inner += values_head.size();
    const std::string list_head =
        Tag(google::protobuf::Value::kListValueFieldNumber, testing::kLengthDelimited) +
        Varint(inner);
    inner += list_head.size();
    heads.push_back(list_head + values_head);
  }
  std::string bytes;
  bytes.reserve(inner);
  for (auto head = heads.rbegin(); head != heads.rend(); ++head) bytes += *head;
  return bytes + leaf;
}

TEST(WireStringsTest, NestingStopsWhereProtobufStops) {
  const Descriptor* value = google::protobuf::Value::descriptor();
  EXPECT_TRUE(Lean(NestedValue(100), value));
  EXPECT_FALSE(Lean(NestedValue(102), value));
  google::protobuf::Value parsed;
  EXPECT_TRUE(parsed.ParseFromString(NestedValue(100)));
  EXPECT_FALSE(parsed.ParseFromString(NestedValue(102)));
  EXPECT_TRUE(io::ParseBinaryMessage(NestedValue(100), &parsed).ok());
  EXPECT_THAT(std::string(io::ParseBinaryMessage(NestedValue(102), &parsed).message()),
              HasSubstr("nested too deeply"));
  // A megabyte of nesting: refused at the limit, not walked to the bottom.
  const std::string deep = NestedValue(400000);
  EXPECT_GT(deep.size(), 1u << 20);
  EXPECT_FALSE(Lean(deep, value));
}

// The outcome of every input is the one of "full check, then parser": the same message or the
// same parsed plan, and nothing printed, for every byte of small plans set to values that break
// tags, lengths and UTF-8, and for every cut.
TEST(WireStringsTest, MutatedPlansGiveTheOutcomeTheFullCheckGave) {
  const v1::Plan plan = PlanFromText(R"pb(
    as_of { seconds: 1767225600 nanos: 5 }
    account { id: "a" name: "Ac\xC3\xA9me" }
    team_members { id: "t1" name: "Tess" level: EXECUTIVE left_at { seconds: 1700000000 } }
    persons { id: "p1" name: "Pía" level: SENIOR_MANAGEMENT buyer_roles: [ POWER, USER ]
              influences { person_id: "p2" note: "boss" } nps_answers { score: 9 answered_at { seconds: 1 } } }
    persons { id: "p2" reports_to_id: "p1" }
    relationships { team_member_id: "t1" person_id: "p1" grade: TRUST assessed_at { seconds: 1760000000 } }
  )pb");
  const std::string bytes = plan.SerializeAsString();
  std::vector<std::string> inputs;
  for (size_t cut = 0; cut < bytes.size(); ++cut) inputs.push_back(bytes.substr(0, cut));
  for (size_t at = 0; at < bytes.size(); ++at) {
    for (unsigned char value : {0x00, 0x07, 0x10, 0x7F, 0x80, 0x8F, 0xC3, 0xFF}) {
      std::string mutated = bytes;
      mutated[at] = static_cast<char>(value);
      inputs.push_back(mutated);
    }
  }
  size_t parsed = 0;
  ::testing::internal::CaptureStderr();
  for (const std::string& input : inputs) {
    const std::string outcome = Outcome(input);
    parsed += outcome == "parsed";
    EXPECT_EQ(outcome, FullCheckThenParse(input)) << ::testing::PrintToString(input);
  }
  // Only the comparison's own protobuf parse (FullCheckThenParse) may reach the parser with bad
  // strings; it never does, because the full check runs first.
  EXPECT_THAT(::testing::internal::GetCapturedStderr(), IsEmpty());
  EXPECT_GT(parsed, 0u);
  EXPECT_LT(parsed, inputs.size());
}

TEST(WireSchemaTest, KnowsWhichTypesHoldStrings) {
  EXPECT_TRUE(io::WireSchema::For(v1::Plan::descriptor()).holds_strings());
  EXPECT_TRUE(io::WireSchema::For(v1::Relationship::descriptor()).holds_strings());
  EXPECT_FALSE(io::WireSchema::For(google::protobuf::Timestamp::descriptor()).holds_strings());
  // A score and a Timestamp: numbers only, at every depth.
  EXPECT_FALSE(io::WireSchema::For(v1::NpsAnswer::descriptor()).holds_strings());
  // Recursive, with strings only one level down.
  EXPECT_TRUE(io::WireSchema::For(google::protobuf::ListValue::descriptor()).holds_strings());
}

}  // namespace
}  // namespace contactplan
