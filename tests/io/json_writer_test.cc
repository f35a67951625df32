// The JSON writer: byte for byte what protobuf's MessageToJsonString prints, on the corpus' plans
// and their analyses, on every character that needs an escape and on awkward numbers; and the size
// check that replaces protobuf's silent empty output.
#include "io/json_writer.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "contactplan/engine.h"
#include "contactplan/plan_io.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/options.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/unknown_field_set.h"
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
  // The same text from the message's wire form, as a string and in a block from malloc.
  std::string wire = message.SerializeAsString();
  const size_t wire_size = wire.size();
  wire.append(kJsonWireSlack, '\x55');
  const std::string_view wire_form(wire.data(), wire_size);
  const absl::StatusOr<std::string> of_wire =
      WriteJsonOfWire(*message.GetDescriptor(), wire_form, style);
  ASSERT_TRUE(of_wire.ok()) << where << ": " << of_wire.status();
  EXPECT_TRUE(*of_wire == *ours) << where << ": WriteJsonOfWire differs from WriteJson";
  const absl::StatusOr<MallocText> block =
      WriteJsonOfWireToBlock(*message.GetDescriptor(), wire_form, style);
  ASSERT_TRUE(block.ok()) << where << ": " << block.status();
  EXPECT_TRUE(std::string_view(block->data.get(), block->size) == *ours)
      << where << ": WriteJsonOfWireToBlock differs from WriteJson";
  EXPECT_EQ(block->data.get()[block->size], '\0') << where;
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

// Fills a message with random values through reflection: every kind of field, set or left unset,
// lists of zero to three items, strings of characters that need escapes and of several UTF-8
// lengths, enum numbers with and without names, doubles of every kind, Timestamps within years
// 0001-9999. Deterministic for a seed.
class RandomFiller {
 public:
  explicit RandomFiller(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15u + 1) {}

  void Fill(google::protobuf::Message* message, int depth) {
    using google::protobuf::FieldDescriptor;
    const google::protobuf::Descriptor* type = message->GetDescriptor();
    if (type == google::protobuf::Timestamp::descriptor()) {
      auto* timestamp = static_cast<google::protobuf::Timestamp*>(message);
      const int64_t span = google::protobuf::util::TimeUtil::kTimestampMaxSeconds -
                           google::protobuf::util::TimeUtil::kTimestampMinSeconds;
      timestamp->set_seconds(google::protobuf::util::TimeUtil::kTimestampMinSeconds +
                             static_cast<int64_t>(Next() % static_cast<uint64_t>(span)));
      const int32_t nanos[] = {0, 0, 5000000, 120000, 7, 999999999};
      timestamp->set_nanos(nanos[Next() % 6]);
      return;
    }
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* field = type->field(i);
      if (Next() % 3 == 0) continue;
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && depth >= 3) continue;
      const int count = field->is_repeated() ? static_cast<int>(Next() % 4) : 1;
      for (int k = 0; k < count; ++k) SetOne(message, field, depth);
    }
  }

 private:
  uint64_t Next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }

  std::string Text() {
    static const char* const kPieces[] = {
        "a", "id-17", "Zo\xc3\xab", "\"", "\\", "<", ">", "\n", "\t", "\x01", "\x7f",
        "\xc2\x85", "\xc2\xad", "\xe2\x80\xa8", "\xe2\x80\x8b", "\xef\xbb\xbf",
        "\xf0\x9f\x98\x80", "\xe6\x9d\xb1", " ", "0123456789abcdef"};
    std::string text;
    const int pieces = static_cast<int>(Next() % 24);
    for (int i = 0; i < pieces; ++i) text += kPieces[Next() % (sizeof kPieces / sizeof *kPieces)];
    return text;
  }

  double Number() {
    switch (Next() % 7) {
      case 0: return 0;
      case 1: return static_cast<double>(static_cast<int64_t>(Next() % 2000001) - 1000000) / 1e3;
      case 2: return static_cast<double>(Next() % 1000) / 7;
      case 3: return -0.0;
      case 4: return (Next() % 2) ? std::numeric_limits<double>::quiet_NaN()
                                  : -std::numeric_limits<double>::infinity();
      default: {
        const uint64_t bits = Next();
        double value;
        std::memcpy(&value, &bits, sizeof value);
        return std::isfinite(value) ? value : 1.5;
      }
    }
  }

  void SetOne(google::protobuf::Message* message, const google::protobuf::FieldDescriptor* field,
              int depth) {
    using google::protobuf::FieldDescriptor;
    const google::protobuf::Reflection* reflection = message->GetReflection();
    const bool list = field->is_repeated();
    const uint64_t bits = Next();
    const uint64_t small = bits % 3 == 0 ? bits : bits % 100;
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32:
        list ? reflection->AddInt32(message, field, static_cast<int32_t>(small))
             : reflection->SetInt32(message, field, static_cast<int32_t>(small));
        break;
      case FieldDescriptor::CPPTYPE_INT64:
        list ? reflection->AddInt64(message, field, static_cast<int64_t>(small))
             : reflection->SetInt64(message, field, static_cast<int64_t>(small));
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
        list ? reflection->AddUInt32(message, field, static_cast<uint32_t>(small))
             : reflection->SetUInt32(message, field, static_cast<uint32_t>(small));
        break;
      case FieldDescriptor::CPPTYPE_UINT64:
        list ? reflection->AddUInt64(message, field, small)
             : reflection->SetUInt64(message, field, small);
        break;
      case FieldDescriptor::CPPTYPE_DOUBLE:
        list ? reflection->AddDouble(message, field, Number())
             : reflection->SetDouble(message, field, Number());
        break;
      case FieldDescriptor::CPPTYPE_FLOAT:
        list ? reflection->AddFloat(message, field, static_cast<float>(Number()))
             : reflection->SetFloat(message, field, static_cast<float>(Number()));
        break;
      case FieldDescriptor::CPPTYPE_BOOL:
        list ? reflection->AddBool(message, field, bits % 2 == 0)
             : reflection->SetBool(message, field, bits % 2 == 0);
        break;
      case FieldDescriptor::CPPTYPE_STRING:
        list ? reflection->AddString(message, field, Text())
             : reflection->SetString(message, field, Text());
        break;
      case FieldDescriptor::CPPTYPE_ENUM: {
        const google::protobuf::EnumDescriptor* values = field->enum_type();
        const int number = bits % 4 == 0 ? static_cast<int>(bits % 50)
                                         : values->value(static_cast<int>(bits % values->value_count()))
                                               ->number();
        list ? reflection->AddEnumValue(message, field, number)
             : reflection->SetEnumValue(message, field, number);
        break;
      }
      case FieldDescriptor::CPPTYPE_MESSAGE:
        Fill(list ? reflection->AddMessage(message, field)
                  : reflection->MutableMessage(message, field),
             depth + 1);
        break;
    }
  }

  uint64_t state_;
};

TEST(JsonWriterTest, RandomMessagesAsProtobufPrintsThem) {
  // Every message type the library writes, filled at random: each type's fields in and out of
  // order, set and unset, both styles (and so both ways of walking a message's records).
  for (uint64_t seed = 0; seed < 150; ++seed) {
    RandomFiller filler(seed);
    v1::Plan plan;
    filler.Fill(&plan, 0);
    v1::Analysis analysis;
    filler.Fill(&analysis, 0);
    v1::EngineOptions options;
    filler.Fill(&options, 0);
    for (const JsonStyle style : {JsonStyle::kOmitDefaults, JsonStyle::kEveryField}) {
      const std::string where = absl::StrCat("seed ", seed, style == JsonStyle::kEveryField ? ", every field" : "");
      ExpectSameBytes(plan, style, "plan, " + where);
      ExpectSameBytes(analysis, style, "analysis, " + where);
      ExpectSameBytes(options, style, "options, " + where);
    }
  }
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

TEST(JsonWriterTest, FlatRowsWithRecordsTheSerializerDoesNotWriteForThemAsProtobufPrintsThem) {
  // Drift rows, whose keys are spelt in advance per level, holding records the spelt path leaves
  // to the general one: an unknown field with a one-byte tag, one with a longer tag, an unknown
  // length-delimited record; beside rows of defaults only and rows with every field set.
  v1::Analysis analysis;
  v1::DriftForecast& drift = *analysis.mutable_recommendations()->mutable_drift();
  for (int row = 0; row < 8; ++row) {
    v1::IntersectionDrift& item = *drift.add_intersections();
    if (row % 4 != 0) {
      item.set_team_member_id(absl::StrCat("t", row));
      item.set_person_id(row == 3 ? std::string(40, 'p') + "\"<>" : absl::StrCat("p", row));
      item.set_now(static_cast<v1::Grade>(row % 7));
      item.set_in_90_days(static_cast<v1::Grade>(row == 5 ? 42 : row % 3));
      item.set_days_since_contact(row == 6 ? -7 : row * 100000);
      item.set_basis(v1::IntersectionDrift::ASSESSMENT);
      item.set_falling(row % 2 == 1);
    }
    google::protobuf::UnknownFieldSet& unknown = *item.GetReflection()->MutableUnknownFields(&item);
    if (row == 2) unknown.AddVarint(15, 1);
    if (row == 5) unknown.AddVarint(2000, 7);
    if (row == 6) unknown.AddLengthDelimited(11, "extra");
    // A payload that reads as known records if taken for records: in_30_days OPEN, falling.
    if (row == 0) unknown.AddLengthDelimited(12, "\x20\x03\x50\x01");
  }
  for (const JsonStyle style : {JsonStyle::kOmitDefaults, JsonStyle::kEveryField}) {
    ExpectSameBytes(analysis, style, style == JsonStyle::kEveryField ? "every field" : "set fields");
  }
}

TEST(JsonWriterTest, ABlockGrowsPastItsFirstGuess) {
  // Empty drift rows: two wire bytes each, about 300 bytes of JSON with every field printed, far
  // past the four times the wire size the writer reserves first.
  v1::Analysis analysis;
  for (int row = 0; row < 5000; ++row) {
    analysis.mutable_recommendations()->mutable_drift()->add_intersections();
  }
  ExpectSameBytes(analysis, JsonStyle::kEveryField, "5,000 empty rows");
}

TEST(JsonWriterTest, ABlockOverTheLimitIsRefusedAndNothingIsReturned) {
  v1::Plan plan;
  plan.mutable_account()->set_name(std::string(1000, 'a'));
  std::string wire = plan.SerializeAsString();
  const size_t size = wire.size();
  wire.append(kJsonWireSlack, '\0');
  const absl::StatusOr<MallocText> small = WriteJsonOfWireToBlock(
      *plan.GetDescriptor(), std::string_view(wire.data(), size), JsonStyle::kOmitDefaults, 500);
  ASSERT_FALSE(small.ok());
  EXPECT_EQ(small.status().code(), absl::StatusCode::kResourceExhausted);
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
