// The wire reader of a plan's relationships (io/relationship_wire.h): on every plan it reads, the
// rest of the plan must be protobuf's parse without the relationships and the table must be the
// one FromPlan gives for protobuf's parse; on bytes protobuf refuses it must return false.
#include "io/relationship_wire.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "contactplan/plan_generator.h"
#include "contactplan/plan_io.h"
#include "contactplan/v1/plan.pb.h"
#include "google/protobuf/arena.h"
#include "google/protobuf/timestamp.pb.h"
#include "gtest/gtest.h"
#include "io/entity_wire.h"
#include "io/json_corpus.h"
#include "io/proto_binary.h"
#include "io/proto_equals.h"
#include "io/wire_schema.h"
#include "io/wire_strings.h"
#include "model/relationship_table.h"
#include "support/text_plan.h"
#include "support/wire_bytes.h"

namespace contactplan {
namespace {

using ::contactplan::testing::GeneratedPlans;
using ::contactplan::testing::kEndGroup;
using ::contactplan::testing::kFixed32;
using ::contactplan::testing::kFixed64;
using ::contactplan::testing::kLengthDelimited;
using ::contactplan::testing::kStartGroup;
using ::contactplan::testing::kVarint;
using ::contactplan::testing::LengthDelimited;
using ::contactplan::testing::PlanFromText;
using ::contactplan::testing::ProtoEquals;
using ::contactplan::testing::ReadFileOrFail;
using ::contactplan::testing::Tag;
using ::contactplan::testing::TestDataPath;
using ::contactplan::testing::Varint;
using ::contactplan::testing::VarintField;
using google::protobuf::Timestamp;
using model::RelationshipTable;
using v1::GradeChange;
using v1::Plan;
using v1::Relationship;
using v1::Touch;

// Equal as protobuf writes them (deterministically): unlike MessageDifferencer, a NaN equals
// itself. On a difference, MessageDifferencer says which fields differ.
::testing::AssertionResult SamePlan(const Plan& expected, const Plan& actual) {
  if (io::WriteBinaryMessage(expected) == io::WriteBinaryMessage(actual)) {
    return ::testing::AssertionSuccess();
  }
  return ProtoEquals(expected, actual);
}

bool LeanWalkPasses(std::string_view bytes) {
  return io::WireStringsAreUtf8(bytes, io::WireSchema::For(Plan::descriptor()));
}

// Reads `bytes` both ways. The reader must return true for every plan the reader tests give it
// (none of them needs the fallback) and agree with protobuf.
void ExpectReadAsProtobufReads(std::string_view bytes) {
  ASSERT_TRUE(LeanWalkPasses(bytes));
  Plan parsed;
  ASSERT_TRUE(parsed.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())));
  const RelationshipTable expected_table = RelationshipTable::FromPlan(parsed);
  Plan expected_rest = parsed;
  expected_rest.clear_relationships();

  Plan rest;
  RelationshipTable table;
  ASSERT_TRUE(io::ReadPlanWithRelationshipTable(bytes, &rest, &table));
  EXPECT_TRUE(SamePlan(expected_rest, rest));
  EXPECT_TRUE(table == expected_table);
  ASSERT_EQ(table.size(), expected_table.size());
  for (model::RelationshipIx r = 0; r < table.size(); ++r) {
    EXPECT_EQ(table[r], expected_table[r]) << "row " << r;
    // The ids are views of the input, not copies.
    for (std::string_view id : {table[r].team_member_id, table[r].person_id}) {
      if (id.empty()) continue;
      EXPECT_GE(id.data(), bytes.data());
      EXPECT_LE(id.data() + id.size(), bytes.data() + bytes.size());
    }
  }
}

// For any bytes the lean walk passes: when the reader returns true, protobuf parses the bytes to
// the same plan; when protobuf refuses them, the reader returns false. Returns the reader's answer.
bool ExpectNoDisagreement(std::string_view bytes) {
  Plan rest;
  RelationshipTable table;
  const bool read = io::ReadPlanWithRelationshipTable(bytes, &rest, &table);
  if (!LeanWalkPasses(bytes)) {
    // A string that is not UTF-8 (protobuf would log it, then refuse it): refused, with protobuf
    // never asked.
    EXPECT_FALSE(read) << "read a string that is not UTF-8: " << ::testing::PrintToString(bytes);
    return read;
  }
  Plan parsed;
  const bool protobuf_parsed = parsed.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
  if (!protobuf_parsed) {
    EXPECT_FALSE(read) << "read bytes protobuf refuses: " << ::testing::PrintToString(bytes);
    return read;
  }
  if (read) {
    Plan expected_rest = parsed;
    expected_rest.clear_relationships();
    EXPECT_TRUE(SamePlan(expected_rest, rest)) << ::testing::PrintToString(bytes);
    EXPECT_TRUE(table == RelationshipTable::FromPlan(parsed)) << ::testing::PrintToString(bytes);
  }
  return read;
}

// Every cut of `bytes` and many one-byte changes of it: wherever the reader answers, protobuf
// agrees. Some must be read and some declined, or the bytes did not exercise the reader.
void ExpectNoDisagreementOnCutsAndChanges(const std::string& bytes) {
  size_t read = 0;
  size_t inputs = 0;
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    read += ExpectNoDisagreement(bytes.substr(0, cut));
    ++inputs;
  }
  for (size_t at = 0; at < bytes.size(); ++at) {
    for (unsigned char value : {0x00, 0x01, 0x07, 0x08, 0x0A, 0x10, 0x7F, 0x80, 0x8F, 0xC3, 0xFF}) {
      std::string mutated = bytes;
      mutated[at] = static_cast<char>(value);
      read += ExpectNoDisagreement(mutated);
      ++inputs;
    }
  }
  EXPECT_GT(read, 0u);
  EXPECT_LT(read, inputs);
}

bool Reads(std::string_view bytes) {
  Plan rest;
  RelationshipTable table;
  return io::ReadPlanWithRelationshipTable(bytes, &rest, &table);
}

RelationshipTable TableOf(std::string_view bytes) {
  Plan rest;
  RelationshipTable table;
  EXPECT_TRUE(io::ReadPlanWithRelationshipTable(bytes, &rest, &table));
  return table;
}

std::string RelationshipField(std::string_view contents) {
  return LengthDelimited(Plan::kRelationshipsFieldNumber, contents);
}

std::string TimeField(int number, std::string_view contents) {
  return LengthDelimited(static_cast<uint64_t>(number), contents);
}

// ---- The corpus: every plan of the repository and generated plans. ------------------------------

// Every plan file under tests/data/ and examples/ that reads as a plan, in its binary form.
std::vector<std::string> CorpusPlans() {
  const std::filesystem::path data = std::filesystem::path(TestDataPath("plans")).parent_path();
  std::vector<std::string> paths;
  for (const std::filesystem::path& root : {data, data.parent_path().parent_path() / "examples"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file()) paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> plans;
  for (const std::string& path : paths) {
    if (!PlanFormatFromPath(path).has_value()) continue;
    absl::StatusOr<Plan> plan = ReadPlanFile(path);
    if (plan.ok()) plans.push_back(plan->SerializeAsString());
  }
  return plans;
}

TEST(RelationshipWireTest, ReadsEveryPlanOfTheRepositoryAsProtobufDoes) {
  const std::vector<std::string> plans = CorpusPlans();
  EXPECT_GE(plans.size(), 20u);
  size_t with_relationships = 0;
  for (const std::string& bytes : plans) {
    ExpectReadAsProtobufReads(bytes);
    with_relationships += TableOf(bytes).size() > 0;
  }
  EXPECT_GE(with_relationships, 10u);
}

TEST(RelationshipWireTest, BinaryFilesOfTheRepositoryGiveNoDisagreement) {
  const std::filesystem::path data = std::filesystem::path(TestDataPath("plans")).parent_path();
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(data)) {
    if (entry.path().extension() != ".binpb") continue;
    ExpectNoDisagreement(ReadFileOrFail(entry.path().string()));
    ++files;
  }
  EXPECT_GT(files, 0u);
}

TEST(RelationshipWireTest, ReadsGeneratedPlansAsProtobufDoes) {
  for (const Plan& plan : GeneratedPlans()) ExpectReadAsProtobufReads(plan.SerializeAsString());
  for (const auto& [persons, members, seed] :
       std::vector<std::tuple<int, int, int>>{{0, 0, 1}, {1, 1, 5}, {60, 12, 7}, {1000, 100, 9}}) {
    generate::GeneratorOptions options;
    options.persons = persons;
    options.team_members = members;
    options.seed = static_cast<uint64_t>(seed);
    ExpectReadAsProtobufReads(generate::GeneratePlan(options).SerializeAsString());
  }
}

TEST(RelationshipWireTest, ReadsHistoryTouchesUnknownEnumsAndOddTimestamps) {
  const Plan plan = PlanFromText(R"pb(
    as_of { seconds: 1767225600 nanos: 5 }
    account { id: "a" name: "Ac\xC3\xA9me" }
    team_members { id: "t1" name: "Tess" }
    team_members { id: "t2" }
    persons { id: "p1" name: "Pía" }
    persons { id: "p2" }
    relationships {
      team_member_id: "t1"
      person_id: "p1"
      grade: TRUST
      desired_grade: 77
      assessed_at { seconds: 1760000000 nanos: 999999999 }
      last_contact_at { seconds: -62135596801 nanos: -3 }
      history {
        grade: 99
        at { seconds: 253402300800 }
        note: "a note \xE2\x82\xAC"
      }
      history {}
      touches {
        at { seconds: 1 }
        kind: 17
        direction: -5
        note: "n"
      }
      touches { kind: MEETING direction: TWO_WAY }
      notes: "notes here"
    }
    relationships {}
    relationships {
      team_member_id: "t2"
      person_id: "p2"
      grade: -1
      last_contact_at {}
      touches { at {} }
    }
    relationships {
      team_member_id: "t1"
      person_id: "p2"
      history {
        grade: 3
        at { nanos: 2000000000 }
      }
    }
    opportunities { id: "o1" }
    blueprint { person_id: "p1" }
  )pb");
  const std::string bytes = plan.SerializeAsString();
  ExpectReadAsProtobufReads(bytes);
  const RelationshipTable table = TableOf(bytes);
  ASSERT_EQ(table.size(), 4);
  EXPECT_EQ(table.history(0).size(), 2u);
  EXPECT_EQ(table.touches(0)[0].kind, 17);
  EXPECT_EQ(table.touches(0)[0].direction, -5);
  EXPECT_EQ(table[0].desired_grade, 77);
  EXPECT_EQ(table[0].last_contact_at.seconds, -62135596801);
  EXPECT_TRUE(table[2].last_contact_at.present);
  EXPECT_FALSE(table[2].assessed_at.present);
  EXPECT_TRUE(table.touches(2)[0].at.present);
  EXPECT_EQ(table.history_entries(), 3u);
  EXPECT_EQ(table.touch_count(), 3u);
}

TEST(RelationshipWireTest, ReadsAPlanWithoutRelationships) {
  ExpectReadAsProtobufReads("");
  ExpectReadAsProtobufReads(PlanFromText(R"pb(account { id: "a" }
                                              persons { id: "p" })pb")
                                .SerializeAsString());
  EXPECT_EQ(TableOf("").size(), 0);
}

TEST(RelationshipWireTest, ClearsWhatItIsGiven) {
  const std::string first = PlanFromText(R"pb(account { id: "a" }
                                              relationships { person_id: "p" })pb")
                                .SerializeAsString();
  Plan rest;
  RelationshipTable table;
  ASSERT_TRUE(io::ReadPlanWithRelationshipTable(first, &rest, &table));
  ASSERT_TRUE(io::ReadPlanWithRelationshipTable("", &rest, &table));
  EXPECT_EQ(table.size(), 0);
  EXPECT_EQ(table.history_entries() + table.touch_count(), 0u);
  EXPECT_TRUE(SamePlan(Plan(), rest));
}

TEST(RelationshipWireTest, ReadsOntoAnArena) {
  const std::string bytes = GeneratedPlans()[1].SerializeAsString();
  google::protobuf::Arena arena;
  Plan* rest = google::protobuf::Arena::CreateMessage<Plan>(&arena);
  RelationshipTable table;
  ASSERT_TRUE(io::ReadPlanWithRelationshipTable(bytes, rest, &table));
  Plan expected;
  ASSERT_TRUE(expected.ParseFromString(bytes));
  EXPECT_TRUE(table == RelationshipTable::FromPlan(expected));
  expected.clear_relationships();
  EXPECT_TRUE(SamePlan(expected, *rest));
}

// ---- Hand-written bytes, one rule of protobuf's parser each. ------------------------------------

TEST(RelationshipWireTest, RepeatedSingularFieldsKeepTheLastValue) {
  const std::string relationship =
      LengthDelimited(Relationship::kTeamMemberIdFieldNumber, "t-first") +
      VarintField(Relationship::kGradeFieldNumber, 1) +
      LengthDelimited(Relationship::kPersonIdFieldNumber, "p1") +
      LengthDelimited(Relationship::kTeamMemberIdFieldNumber, "t-last") +
      VarintField(Relationship::kGradeFieldNumber, 3) +
      LengthDelimited(Relationship::kNotesFieldNumber, "long notes") +
      LengthDelimited(Relationship::kNotesFieldNumber, "") +
      VarintField(Relationship::kDesiredGradeFieldNumber, 2) +
      VarintField(Relationship::kDesiredGradeFieldNumber, 0);
  const std::string bytes = RelationshipField(relationship);
  ExpectReadAsProtobufReads(bytes);
  const RelationshipTable table = TableOf(bytes);
  ASSERT_EQ(table.size(), 1);
  EXPECT_EQ(table[0].team_member_id, "t-last");
  EXPECT_EQ(table[0].grade, 3);
  EXPECT_EQ(table[0].notes_bytes, 0u);
  EXPECT_EQ(table[0].desired_grade, 0);

  const std::string touch =
      VarintField(Touch::kKindFieldNumber, 2) + LengthDelimited(Touch::kNoteFieldNumber, "abc") +
      VarintField(Touch::kKindFieldNumber, 4) + VarintField(Touch::kDirectionFieldNumber, 1);
  const std::string change = VarintField(GradeChange::kGradeFieldNumber, 4) +
                             LengthDelimited(GradeChange::kNoteFieldNumber, "xy") +
                             VarintField(GradeChange::kGradeFieldNumber, 2);
  const std::string nested =
      RelationshipField(LengthDelimited(Relationship::kTouchesFieldNumber, touch) +
                        LengthDelimited(Relationship::kHistoryFieldNumber, change));
  ExpectReadAsProtobufReads(nested);
  const RelationshipTable nested_table = TableOf(nested);
  EXPECT_EQ(nested_table.touches(0)[0].kind, 4);
  EXPECT_EQ(nested_table.touches(0)[0].note_bytes, 3u);
  EXPECT_EQ(nested_table.history(0)[0].grade, 2);
}

TEST(RelationshipWireTest, ATimestampGivenTwiceIsMergedIntoOne) {
  const std::string seconds = VarintField(Timestamp::kSecondsFieldNumber, 100);
  const std::string nanos = VarintField(Timestamp::kNanosFieldNumber, 7);
  const std::string relationship =
      TimeField(Relationship::kAssessedAtFieldNumber, seconds) +
      TimeField(Relationship::kAssessedAtFieldNumber, nanos) +
      TimeField(Relationship::kLastContactAtFieldNumber, seconds + nanos) +
      TimeField(Relationship::kLastContactAtFieldNumber,
                VarintField(Timestamp::kSecondsFieldNumber, 5)) +
      TimeField(Relationship::kLastContactAtFieldNumber, "");
  const std::string bytes = RelationshipField(relationship);
  ExpectReadAsProtobufReads(bytes);
  const RelationshipTable table = TableOf(bytes);
  EXPECT_EQ(table[0].assessed_at, (model::PlanTime{100, 7, true}));
  EXPECT_EQ(table[0].last_contact_at, (model::PlanTime{5, 7, true}));

  // In a history entry and a touch too.
  const std::string in_entries = RelationshipField(
      LengthDelimited(Relationship::kHistoryFieldNumber,
                      TimeField(GradeChange::kAtFieldNumber, seconds) +
                          TimeField(GradeChange::kAtFieldNumber, nanos)) +
      LengthDelimited(Relationship::kTouchesFieldNumber, TimeField(Touch::kAtFieldNumber, nanos) +
                                                             TimeField(Touch::kAtFieldNumber, "")));
  ExpectReadAsProtobufReads(in_entries);
  EXPECT_EQ(TableOf(in_entries).history(0)[0].at, (model::PlanTime{100, 7, true}));
  EXPECT_EQ(TableOf(in_entries).touches(0)[0].at, (model::PlanTime{0, 7, true}));
}

TEST(RelationshipWireTest, NumbersTakeTheBitsTheirTypeHolds) {
  // Enums and int32 take the low 32 bits of a ten-byte varint; int64 all 64.
  const uint64_t big = 0xFFFFFFFF'00000005u;
  const std::string relationship =
      VarintField(Relationship::kGradeFieldNumber, big) +
      VarintField(Relationship::kDesiredGradeFieldNumber, 0x1'80000000u) +
      TimeField(Relationship::kAssessedAtFieldNumber,
                VarintField(Timestamp::kSecondsFieldNumber, big) +
                    VarintField(Timestamp::kNanosFieldNumber, static_cast<uint64_t>(-1)));
  const std::string bytes = RelationshipField(relationship);
  ExpectReadAsProtobufReads(bytes);
  const RelationshipTable table = TableOf(bytes);
  EXPECT_EQ(table[0].grade, 5);
  EXPECT_EQ(table[0].desired_grade, INT32_MIN);
  EXPECT_EQ(table[0].assessed_at.seconds, static_cast<int64_t>(big));
  EXPECT_EQ(table[0].assessed_at.nanos, -1);

  // Varints written longer than needed read as their value; bits past the 64th are dropped.
  const std::string padded_grade =
      Tag(Relationship::kGradeFieldNumber, kVarint) + std::string("\x82\x80\x80\x00", 4);
  const std::string ten_bytes = Tag(Relationship::kDesiredGradeFieldNumber, kVarint) +
                                "\x83\x80\x80\x80\x80\x80\x80\x80\x80\x7F";
  ExpectReadAsProtobufReads(RelationshipField(padded_grade + ten_bytes));
  EXPECT_EQ(TableOf(RelationshipField(padded_grade))[0].grade, 2);
  // Eleven bytes: refused by protobuf, so by the reader.
  const std::string eleven = Tag(Relationship::kGradeFieldNumber, kVarint) +
                             "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01";
  EXPECT_FALSE(ExpectNoDisagreement(RelationshipField(eleven)));
  EXPECT_FALSE(Reads(RelationshipField(eleven)));
}

TEST(RelationshipWireTest, AKnownNumberWithAnotherWireTypeIsAnUnknownField) {
  const std::string relationship =
      LengthDelimited(Relationship::kPersonIdFieldNumber, "p1") +
      VarintField(Relationship::kPersonIdFieldNumber, 9) +         // a string as a varint
      LengthDelimited(Relationship::kGradeFieldNumber, "\x03") +   // an enum as bytes
      VarintField(Relationship::kAssessedAtFieldNumber, 1) +       // a message as a varint
      Tag(Relationship::kHistoryFieldNumber, kFixed32) + "abcd" +  // a repeated message as fixed32
      Tag(Relationship::kTouchesFieldNumber, kFixed64) + "abcdefgh";  // and as fixed64
  const std::string bytes = RelationshipField(relationship);
  ExpectReadAsProtobufReads(bytes);
  const RelationshipTable table = TableOf(bytes);
  EXPECT_EQ(table[0].person_id, "p1");
  EXPECT_EQ(table[0].grade, 0);
  EXPECT_FALSE(table[0].assessed_at.present);
  EXPECT_TRUE(table.history(0).empty());
  EXPECT_TRUE(table.touches(0).empty());

  // Inside a timestamp, a history entry and a touch.
  const std::string inner =
      RelationshipField(TimeField(Relationship::kAssessedAtFieldNumber,
                                  LengthDelimited(Timestamp::kSecondsFieldNumber, "xx") +
                                      VarintField(Timestamp::kNanosFieldNumber, 4)) +
                        LengthDelimited(Relationship::kHistoryFieldNumber,
                                        LengthDelimited(GradeChange::kGradeFieldNumber, "") +
                                            VarintField(GradeChange::kAtFieldNumber, 1) +
                                            VarintField(GradeChange::kNoteFieldNumber, 1)) +
                        LengthDelimited(Relationship::kTouchesFieldNumber,
                                        VarintField(Touch::kAtFieldNumber, 1) +
                                            LengthDelimited(Touch::kKindFieldNumber, "k") +
                                            Tag(Touch::kDirectionFieldNumber, kFixed32) + "abcd" +
                                            VarintField(Touch::kNoteFieldNumber, 3)));
  ExpectReadAsProtobufReads(inner);
}

TEST(RelationshipWireTest, UnknownFieldsAreSkippedAndKeptInTheRest) {
  const std::string unknown = VarintField(1000, 5) + LengthDelimited(77, "anything") +
                              Tag(3000, kFixed64) + "12345678" + Tag(12, kFixed32) + "1234";
  const std::string relationship = LengthDelimited(Relationship::kPersonIdFieldNumber, "p1") +
                                   unknown + VarintField(Relationship::kGradeFieldNumber, 2);
  const std::string bytes = unknown + RelationshipField(relationship) + unknown +
                            LengthDelimited(Plan::kAccountFieldNumber, unknown);
  ExpectReadAsProtobufReads(bytes);
  Plan rest;
  RelationshipTable table;
  ASSERT_TRUE(io::ReadPlanWithRelationshipTable(bytes, &rest, &table));
  EXPECT_EQ(rest.GetReflection()->GetUnknownFields(rest).field_count(), 8);
  EXPECT_EQ(table[0].person_id, "p1");
  EXPECT_EQ(table[0].grade, 2);
}

TEST(RelationshipWireTest, RelationshipsInterleavedWithOtherFieldsKeepTheirOrder) {
  const auto relationship = [](std::string_view person) {
    return RelationshipField(LengthDelimited(Relationship::kPersonIdFieldNumber, person));
  };
  const auto person = [](std::string_view id) {
    return LengthDelimited(Plan::kPersonsFieldNumber,
                           LengthDelimited(v1::Person::kIdFieldNumber, id));
  };
  const std::string bytes = relationship("r1") + person("p1") +
                            LengthDelimited(Plan::kAccountFieldNumber,
                                            LengthDelimited(v1::Account::kIdFieldNumber, "a1")) +
                            relationship("r2") + relationship("r3") + person("p2") +
                            VarintField(Plan::kSchemaVersionFieldNumber, 3) +
                            LengthDelimited(Plan::kAccountFieldNumber,
                                            LengthDelimited(v1::Account::kNameFieldNumber, "n")) +
                            relationship("r4") + VarintField(Plan::kSchemaVersionFieldNumber, 1) +
                            person("p3");
  ExpectReadAsProtobufReads(bytes);
  Plan rest;
  RelationshipTable table;
  ASSERT_TRUE(io::ReadPlanWithRelationshipTable(bytes, &rest, &table));
  ASSERT_EQ(table.size(), 4);
  EXPECT_EQ(table[3].person_id, "r4");
  EXPECT_EQ(rest.persons_size(), 3);
  EXPECT_EQ(rest.schema_version(), 1u);
  EXPECT_EQ(rest.account().id(), "a1");  // a message field given twice is merged
  EXPECT_EQ(rest.account().name(), "n");
}

TEST(RelationshipWireTest, HistoryAndTouchesInterleavedKeepTheirOwnOrder) {
  const auto change = [](int grade) {
    return LengthDelimited(Relationship::kHistoryFieldNumber,
                           VarintField(GradeChange::kGradeFieldNumber, grade));
  };
  const auto touch = [](int kind) {
    return LengthDelimited(Relationship::kTouchesFieldNumber,
                           VarintField(Touch::kKindFieldNumber, kind));
  };
  const std::string bytes =
      RelationshipField(touch(1) + change(1) + touch(2) +
                        VarintField(Relationship::kGradeFieldNumber, 2) + change(2) + change(3)) +
      RelationshipField("") + RelationshipField(change(4) + touch(3));
  ExpectReadAsProtobufReads(bytes);
  const RelationshipTable table = TableOf(bytes);
  ASSERT_EQ(table.size(), 3);
  ASSERT_EQ(table.history(0).size(), 3u);
  EXPECT_EQ(table.history(0)[2].grade, 3);
  EXPECT_EQ(table.touches(0)[1].kind, 2);
  EXPECT_TRUE(table.history(1).empty());
  EXPECT_EQ(table.history(2)[0].grade, 4);
  EXPECT_EQ(table.touches(2)[0].kind, 3);
}

TEST(RelationshipWireTest, EmptyRelationshipsAreRows) {
  const std::string bytes = RelationshipField("") + RelationshipField("") + RelationshipField("");
  ExpectReadAsProtobufReads(bytes);
  EXPECT_EQ(TableOf(bytes).size(), 3);
}

TEST(RelationshipWireTest, GivesUpOnGroups) {
  const std::string group = Tag(50, kStartGroup) + VarintField(1, 1) + Tag(50, kEndGroup);
  // protobuf keeps a group as an unknown field; the reader leaves such plans to it.
  EXPECT_FALSE(Reads(RelationshipField(group)));
  EXPECT_FALSE(Reads(group + RelationshipField("")));
  EXPECT_FALSE(Reads(RelationshipField(TimeField(Relationship::kAssessedAtFieldNumber, group))));
  // A lone end of group: protobuf refuses it.
  EXPECT_FALSE(ExpectNoDisagreement(RelationshipField(Tag(50, kEndGroup))));
}

TEST(RelationshipWireTest, GivesUpOnRelationshipsOfAnotherWireType) {
  // An unknown field of the plan for protobuf, kept in its unknown fields.
  EXPECT_FALSE(Reads(VarintField(Plan::kRelationshipsFieldNumber, 1)));
  EXPECT_FALSE(
      Reads(RelationshipField("") + Tag(Plan::kRelationshipsFieldNumber, kFixed32) + "abcd"));
}

TEST(RelationshipWireTest, RefusesWhatProtobufRefuses) {
  const std::string valid = GeneratedPlans()[0].SerializeAsString();
  // Cut anywhere but at the end of a top-level field.
  size_t cut_read = 0;
  for (size_t cut = 0; cut < valid.size(); ++cut)
    cut_read += ExpectNoDisagreement(valid.substr(0, cut));
  EXPECT_GT(cut_read, 0u);
  const std::vector<std::string> refused = {
      RelationshipField(Tag(Relationship::kPersonIdFieldNumber, kLengthDelimited) + Varint(5) +
                        "abc"),
      RelationshipField(Tag(Relationship::kGradeFieldNumber, kVarint)),
      RelationshipField(Tag(Relationship::kGradeFieldNumber, kVarint) + "\x80"),
      RelationshipField(Tag(40, kFixed64) + "1234567"),
      RelationshipField(Tag(40, kFixed32) + "123"),
      RelationshipField(std::string("\x00", 1)),  // tag 0
      RelationshipField(Tag(40, static_cast<::contactplan::testing::WireType>(6))),
      RelationshipField(Tag(40, static_cast<::contactplan::testing::WireType>(7)) + "1234"),
      RelationshipField(TimeField(Relationship::kAssessedAtFieldNumber, std::string("\x08", 1))),
      RelationshipField(
          LengthDelimited(Relationship::kTouchesFieldNumber,
                          TimeField(Touch::kAtFieldNumber, std::string("\x10\xFF", 2)))),
      Tag(Plan::kRelationshipsFieldNumber, kLengthDelimited) + Varint(10) + "short",
      Tag(Plan::kRelationshipsFieldNumber, kLengthDelimited),
      // A length written in six bytes: protobuf reads at most five.
      Tag(Plan::kRelationshipsFieldNumber, kLengthDelimited) +
          std::string("\x80\x80\x80\x80\x80\x00", 6),
      RelationshipField(Tag(Relationship::kPersonIdFieldNumber, kLengthDelimited) +
                        std::string("\x80\x80\x80\x80\x80\x00", 6)),
  };
  for (const std::string& bytes : refused) {
    EXPECT_FALSE(Reads(bytes)) << ::testing::PrintToString(bytes);
    ExpectNoDisagreement(bytes);
  }
  // And protobuf refuses the rest: a persons entry cut short inside.
  EXPECT_FALSE(ExpectNoDisagreement(
      RelationshipField("") + LengthDelimited(Plan::kPersonsFieldNumber,
                                              Tag(v1::Person::kIdFieldNumber, kLengthDelimited))));
}

// Every string field the reader reads is checked for UTF-8 by the reader itself, and so is the
// rest of the plan before protobuf sees it (protobuf would log it before refusing it): no string
// that is not UTF-8 gets through, wherever it is, a value overwritten later included; one in an
// unknown field is protobuf's to keep, and so the reader's.
TEST(RelationshipWireTest, RefusesStringsThatAreNotUtf8) {
  const std::string bad = "ok\xC3(";  // a lead byte without its continuation
  const std::string overlong = "\xC0\xAF";
  const auto string_field = [](int number, std::string_view text) {
    return LengthDelimited(static_cast<uint64_t>(number), text);
  };
  for (const std::string& text : {bad, overlong, std::string(40, 'a') + bad}) {
    const std::vector<std::string> refused = {
        RelationshipField(string_field(Relationship::kTeamMemberIdFieldNumber, text)),
        RelationshipField(string_field(Relationship::kPersonIdFieldNumber, text)),
        RelationshipField(string_field(Relationship::kNotesFieldNumber, text)),
        RelationshipField(string_field(Relationship::kPersonIdFieldNumber, text) +
                          string_field(Relationship::kPersonIdFieldNumber, "p1")),
        RelationshipField(LengthDelimited(Relationship::kHistoryFieldNumber,
                                          string_field(v1::GradeChange::kNoteFieldNumber, text))),
        RelationshipField(LengthDelimited(Relationship::kTouchesFieldNumber,
                                          string_field(Touch::kNoteFieldNumber, text))),
        RelationshipField("") +
            LengthDelimited(Plan::kPersonsFieldNumber, string_field(v1::Person::kNameFieldNumber, text)),
        LengthDelimited(Plan::kPersonsFieldNumber, string_field(v1::Person::kIdFieldNumber, text)) +
            RelationshipField(""),
    };
    for (const std::string& bytes : refused) {
      EXPECT_FALSE(LeanWalkPasses(bytes)) << ::testing::PrintToString(bytes);
      EXPECT_FALSE(Reads(bytes)) << ::testing::PrintToString(bytes);
    }
    // An unknown field is not a string to protobuf: kept, whatever its bytes.
    const std::string unknown = RelationshipField(string_field(40, text));
    EXPECT_TRUE(LeanWalkPasses(unknown));
    ExpectReadAsProtobufReads(unknown);
  }
  // Text that is UTF-8 beyond ASCII is read.
  ExpectReadAsProtobufReads(RelationshipField(
      string_field(Relationship::kPersonIdFieldNumber, "p-\xC3\xA9t\xC3\xA9-\xF0\x9F\x98\x80")));
}

TEST(RelationshipWireTest, GivesUpOnTagsProtobufWouldCut) {
  // A five-byte tag needing more than 32 bits: protobuf reads it cut to 32 bits, as field 1 here.
  const std::string cut_tag = std::string("\x88\x80\x80\x80\x10", 5) + Varint(5);
  EXPECT_FALSE(Reads(RelationshipField(TimeField(Relationship::kAssessedAtFieldNumber, cut_tag))));
  ExpectNoDisagreement(RelationshipField(TimeField(Relationship::kAssessedAtFieldNumber, cut_tag)));
  // A tag written longer than needed is read as its value.
  const std::string padded_tag = std::string("\x88\x80\x00", 3) + Varint(5);
  ExpectReadAsProtobufReads(
      RelationshipField(TimeField(Relationship::kAssessedAtFieldNumber, padded_tag)));
  EXPECT_EQ(
      TableOf(RelationshipField(TimeField(Relationship::kAssessedAtFieldNumber, padded_tag)))[0]
          .assessed_at.seconds,
      5);
}

// Every cut and many one-byte changes of a plan with every relationship field: wherever the reader
// answers, protobuf agrees.
TEST(RelationshipWireTest, MutatedPlansGiveNoDisagreement) {
  const Plan plan = PlanFromText(R"pb(
    as_of { seconds: 1767225600 nanos: 5 }
    account { id: "a" name: "Acme" }
    team_members { id: "t1" }
    persons { id: "p1" }
    relationships {
      team_member_id: "t1"
      person_id: "p1"
      grade: TRUST
      desired_grade: OPEN
      assessed_at { seconds: 1760000000 nanos: 3 }
      last_contact_at { seconds: 1750000000 }
      history {
        grade: INDIFFERENT
        at { seconds: 1700000000 }
        note: "n"
      }
      touches {
        at { seconds: 1740000000 }
        kind: CALL
        direction: INBOUND
        note: "t"
      }
      notes: "x"
    }
    relationships { team_member_id: "t1" person_id: "p1" grade: SATISFIED }
    blueprint { person_id: "p1" }
  )pb");
  const std::string bytes = plan.SerializeAsString();
  ExpectNoDisagreementOnCutsAndChanges(bytes);
}


// ---- The persons, team members and blueprint entries (io/entity_wire.h). -----------------------

// A plan that gives every field of a person, a team member and a blueprint entry, nested messages
// included, some of them twice.
Plan PlanWithEveryEntityField() {
  return PlanFromText(R"pb(
    team_members {
      id: "t1"
      name: "Ana Ruiz"
      title: "Account Director"
      level: EXECUTIVE
      capacity: 0
      email: "ana@example.com"
      left_at { seconds: 1760000000 nanos: 9 }
    }
    team_members { id: "t2" capacity: 7.5 }
    persons {
      id: "p1"
      name: "Dana Reyes, with a name longer than fifteen bytes"
      title: "CFO"
      department: "Finance"
      level: EXECUTIVE
      buyer_roles: [ POWER, USER ]
      key: true
      reports_to_id: "p2"
      influences { person_id: "p2" note: "golf" }
      influences { person_id: "p3" }
      relationship_level: VENDOR
      desired_relationship_level: TRUSTED_ADVISOR
      relationship_type: RELATIONSHIP_TYPE_UNSPECIFIED
      nps_answers { score: 9 answered_at { seconds: 1750000000 } }
      nps_answers { score: 3 }
      notes: "n\xC3\xA9"
      left_at { seconds: 1765000000 }
      successor_id: "p2"
    }
    persons { id: "p2" }
    persons { id: "p3" level: MIDDLE_MANAGEMENT }
    relationships { team_member_id: "t1" person_id: "p1" grade: OPEN }
    blueprint {
      person_id: "p1"
      team_member_id: "t1"
      goal { grade: TRUST relationship_level: PROBLEM_SOLVER preference: MENTOR }
      strategies: [ RECIPROCITY, COMMITMENT ]
      tactics {
        description: "Invite to the customer advisory board"
        resources: "budget"
        owner_id: "t2"
        due_at { seconds: 1768000000 nanos: 1 }
        invests_own_time: true
        teaches_us: true
        shows_value: true
      }
      tactics { description: "Lunch" }
      horizon_days: 60
    }
  )pb");
}

TEST(RelationshipWireTest, ReadsEveryFieldOfPersonsTeamMembersAndBlueprintAsProtobufDoes) {
  const Plan plan = PlanWithEveryEntityField();
  ExpectReadAsProtobufReads(plan.SerializeAsString());
  // Each message read by the library's own reader, not by the fallback to protobuf.
  v1::Person person;
  ASSERT_TRUE(io::ReadPerson(plan.persons(0).SerializeAsString(), &person));
  EXPECT_TRUE(ProtoEquals(plan.persons(0), person));
  v1::TeamMember member;
  ASSERT_TRUE(io::ReadTeamMember(plan.team_members(0).SerializeAsString(), &member));
  EXPECT_TRUE(ProtoEquals(plan.team_members(0), member));
  EXPECT_TRUE(member.has_capacity());  // given as 0: present all the same
  v1::BlueprintEntry entry;
  ASSERT_TRUE(io::ReadBlueprintEntry(plan.blueprint(0).SerializeAsString(), &entry));
  EXPECT_TRUE(ProtoEquals(plan.blueprint(0), entry));
}

TEST(RelationshipWireTest, EntitiesTakeRepeatsPackingAndOddNumbersAsProtobufDoes) {
  using v1::Person;
  const std::string seconds = VarintField(Timestamp::kSecondsFieldNumber, 100);
  const std::string nanos = VarintField(Timestamp::kNanosFieldNumber, 7);
  const std::string person =
      LengthDelimited(Person::kIdFieldNumber, "first") + LengthDelimited(Person::kIdFieldNumber, "p1") +
      VarintField(Person::kBuyerRolesFieldNumber, 1) +                    // unpacked
      LengthDelimited(Person::kBuyerRolesFieldNumber, Varint(2) + Varint(99)) +  // packed
      VarintField(Person::kBuyerRolesFieldNumber, ~uint64_t{0}) +        // -1, ten bytes
      VarintField(Person::kKeyFieldNumber, 2) +                           // true
      VarintField(Person::kLevelFieldNumber, 40) +                        // outside the enum
      VarintField(Person::kLevelFieldNumber, uint64_t{1} << 33 | 3) +     // low 32 bits: 3
      TimeField(Person::kLeftAtFieldNumber, seconds) + TimeField(Person::kLeftAtFieldNumber, nanos) +
      LengthDelimited(Person::kNpsAnswersFieldNumber, "") +
      LengthDelimited(Person::kNotesFieldNumber, "dropped") + LengthDelimited(Person::kNotesFieldNumber, "");
  const std::string goal = LengthDelimited(
      v1::BlueprintEntry::kGoalFieldNumber, VarintField(v1::Goal::kGradeFieldNumber, 2));
  const std::string entry =
      goal + LengthDelimited(v1::BlueprintEntry::kGoalFieldNumber,
                             VarintField(v1::Goal::kPreferenceFieldNumber, 1)) +
      LengthDelimited(v1::BlueprintEntry::kStrategiesFieldNumber, Varint(3) + Varint(1)) +
      VarintField(v1::BlueprintEntry::kStrategiesFieldNumber, 2) +
      LengthDelimited(v1::BlueprintEntry::kTacticsFieldNumber,
                      VarintField(v1::Tactic::kShowsValueFieldNumber, 0) +
                          TimeField(v1::Tactic::kDueAtFieldNumber, "")) +
      VarintField(v1::BlueprintEntry::kHorizonDaysFieldNumber, ~uint64_t{0});
  const std::string member =
      Tag(v1::TeamMember::kCapacityFieldNumber, kFixed64) + std::string("\0\0\0\0\0\0\xF0\x3F", 8) +
      TimeField(v1::TeamMember::kLeftAtFieldNumber, "");
  const std::string bytes = LengthDelimited(Plan::kPersonsFieldNumber, person) +
                            LengthDelimited(Plan::kBlueprintFieldNumber, entry) +
                            LengthDelimited(Plan::kTeamMembersFieldNumber, member) +
                            LengthDelimited(Plan::kPersonsFieldNumber, "");
  ExpectReadAsProtobufReads(bytes);
  Plan rest;
  RelationshipTable table;
  ASSERT_TRUE(io::ReadPlanWithRelationshipTable(bytes, &rest, &table));
  ASSERT_EQ(rest.persons_size(), 2);
  EXPECT_EQ(rest.persons(0).id(), "p1");
  EXPECT_EQ(rest.persons(0).buyer_roles_size(), 4);
  EXPECT_EQ(rest.persons(0).level(), 3);
  EXPECT_EQ(rest.persons(0).left_at().seconds(), 100);
  EXPECT_EQ(rest.persons(0).left_at().nanos(), 7);
  EXPECT_EQ(rest.blueprint(0).goal().grade(), 2);
  EXPECT_EQ(rest.blueprint(0).goal().preference(), 1);
  EXPECT_EQ(rest.blueprint(0).horizon_days(), -1);
  EXPECT_EQ(rest.team_members(0).capacity(), 1.0);
  EXPECT_TRUE(rest.team_members(0).has_left_at());
  // The library's own reader took them all (none needed protobuf's parse).
  v1::Person read;
  EXPECT_TRUE(io::ReadPerson(person, &read));
}

// A field the readers do not take (unknown, or a known number with another wire type), at any
// depth: that message is parsed by protobuf instead, its unknown fields kept, and its neighbours
// still read as before.
TEST(RelationshipWireTest, AnEntityWithAFieldTheReadersDoNotTakeIsParsedByProtobuf) {
  using v1::Person;
  const std::string unknown = VarintField(1000, 5) + LengthDelimited(77, "x");
  const std::vector<std::string> persons = {
      LengthDelimited(Person::kIdFieldNumber, "p1") + unknown,
      LengthDelimited(Person::kInfluencesFieldNumber, unknown),
      LengthDelimited(Person::kNpsAnswersFieldNumber,
                      TimeField(v1::NpsAnswer::kAnsweredAtFieldNumber, unknown)),
      VarintField(Person::kIdFieldNumber, 3),                  // a string field as a varint
      LengthDelimited(Person::kKeyFieldNumber, "ab"),          // a bool as bytes
      Tag(Person::kLevelFieldNumber, kFixed32) + "abcd",
  };
  for (const std::string& person : persons) {
    v1::Person read;
    EXPECT_FALSE(io::ReadPerson(person, &read)) << ::testing::PrintToString(person);
    const std::string bytes = LengthDelimited(Plan::kPersonsFieldNumber, "") +
                              LengthDelimited(Plan::kPersonsFieldNumber, person) +
                              LengthDelimited(Plan::kPersonsFieldNumber,
                                              LengthDelimited(Person::kIdFieldNumber, "p3"));
    ExpectReadAsProtobufReads(bytes);
  }
  const std::string tactic = LengthDelimited(v1::BlueprintEntry::kTacticsFieldNumber, unknown);
  v1::BlueprintEntry entry;
  EXPECT_FALSE(io::ReadBlueprintEntry(tactic, &entry));
  ExpectReadAsProtobufReads(LengthDelimited(Plan::kBlueprintFieldNumber, tactic));
  v1::TeamMember member;
  EXPECT_FALSE(io::ReadTeamMember(unknown, &member));
  ExpectReadAsProtobufReads(LengthDelimited(Plan::kTeamMembersFieldNumber, unknown));
  // A plan-level field of one of these numbers with another wire type is an unknown field of the
  // plan: the reader gives up, and the caller's parse keeps it.
  EXPECT_FALSE(Reads(VarintField(Plan::kPersonsFieldNumber, 1)));
  ExpectNoDisagreement(VarintField(Plan::kTeamMembersFieldNumber, 1));
}

TEST(RelationshipWireTest, RefusesEntityStringsThatAreNotUtf8) {
  const std::string bad = "ok\xC3(";
  const std::vector<std::string> refused = {
      LengthDelimited(Plan::kTeamMembersFieldNumber,
                      LengthDelimited(v1::TeamMember::kEmailFieldNumber, bad)),
      LengthDelimited(Plan::kPersonsFieldNumber,
                      LengthDelimited(v1::Person::kInfluencesFieldNumber,
                                      LengthDelimited(v1::InfluenceLink::kNoteFieldNumber, bad))),
      LengthDelimited(Plan::kBlueprintFieldNumber,
                      LengthDelimited(v1::BlueprintEntry::kTacticsFieldNumber,
                                      LengthDelimited(v1::Tactic::kResourcesFieldNumber, bad))),
      // Not UTF-8 in a message the fallback parses: refused before protobuf sees it.
      LengthDelimited(Plan::kPersonsFieldNumber,
                      VarintField(1000, 1) + LengthDelimited(v1::Person::kNameFieldNumber, bad)),
  };
  for (const std::string& bytes : refused) {
    EXPECT_FALSE(LeanWalkPasses(bytes)) << ::testing::PrintToString(bytes);
    EXPECT_FALSE(Reads(bytes)) << ::testing::PrintToString(bytes);
  }
}

// Every cut and many one-byte changes of the plan with every entity field: wherever the reader
// answers, protobuf agrees.
TEST(RelationshipWireTest, MutatedEntitiesGiveNoDisagreement) {
  const std::string bytes = PlanWithEveryEntityField().SerializeAsString();
  ExpectNoDisagreementOnCutsAndChanges(bytes);
}

}  // namespace
}  // namespace contactplan
