// Lossless exchange through the interfaces other tools use: the C ABI, the command line, Python's
// own protobuf runtime and protoc. A plan with every field set goes binary -> JSON -> text ->
// binary and comes back byte for byte; fields from a newer schema survive binary round trips; the
// CSV grid keeps everything it holds; and what this version writes, the protobuf runtimes read as
// the same plan.
//
// Binary output is deterministic (fields in number order, unknown fields after the known ones, as
// read), so equal bytes mean equal plans, unknown fields included.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "capi_handles.h"
#include "contactplan/contactplan.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "subprocess.h"
#include "support/wire_bytes.h"

namespace contactplan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

const std::string kSource = CONTACTPLAN_SOURCE_DIR;
// Every field of plan.proto set (tests/io checks that none is missing).
const std::string kFullPlan = kSource + "/tests/data/plans/full.txtpb";
// Every attribute row of the grid, quoting, a byte order mark, blank cells and rows.
const std::string kFullGrid = kSource + "/tests/data/grid/realistic.csv";

// The JSON names of every field the CSV grid can hold.
// clang-format off
constexpr const char* kGridFields[] = {
    "teamMembers", "persons", "relationships", "opportunities", "participants", "name", "title",
    "department", "level", "buyerRoles", "key", "reportsToId", "relationshipLevel",
    "desiredRelationshipLevel", "relationshipType", "npsAnswers", "buyingRole", "preference",
    "desiredPreference", "grade"};
// clang-format on

// The content of the last field of a binary plan whose top-level fields are all length-delimited
// (messages and strings), i.e. without its tag and length.
std::string ContentOfLastField(const std::string& bytes) {
  const auto varint = [&](size_t& pos) {
    uint64_t value = 0;
    for (int shift = 0; pos < bytes.size(); shift += 7) {
      const auto byte = static_cast<unsigned char>(bytes[pos++]);
      value |= uint64_t{byte & 0x7Fu} << shift;
      if ((byte & 0x80) == 0) break;
    }
    return value;
  };
  std::string content;
  for (size_t pos = 0; pos < bytes.size();) {
    EXPECT_EQ(varint(pos) & 7, uint64_t{kLengthDelimited});
    const uint64_t length = varint(pos);
    content = bytes.substr(pos, length);
    pos += length;
  }
  return content;
}

class ExchangeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { engine_ = MakeEngine().release(); }
  static void TearDownTestSuite() { EnginePtr(engine_).reset(); }

  static std::string Converted(const std::string& plan, cplan_format from, cplan_format to) {
    CallResult result = Convert(engine_, plan, from, to);
    EXPECT_EQ(result.status, CPLAN_OK) << result.message;
    return result.output;
  }

  // full.txtpb in this version's binary form.
  static std::string FullPlanBinary() {
    return Converted(ReadFileBytes(kFullPlan), CPLAN_FORMAT_TEXT, CPLAN_FORMAT_BINARY);
  }

  // One more blueprint entry for the full plan: the content of a Plan.blueprint field.
  static std::string AddedBlueprintEntry() {
    // The plan is validated on the way, so the entry's references must resolve.
    return ContentOfLastField(Converted(R"pb(team_members { id: "t-ines" }
                                             persons { id: "p-ceo" }
                                             blueprint {
                                               person_id: "p-ceo"
                                               team_member_id: "t-ines"
                                               goal { grade: TRUST }
                                             })pb",
                                        CPLAN_FORMAT_TEXT, CPLAN_FORMAT_BINARY));
  }

  // The full plan with the added blueprint entry.
  static std::string KnownPlan() {
    return FullPlanBinary() + LengthDelimited(8, AddedBlueprintEntry());
  }

  // KnownPlan as a newer version of contactplan could write it: with fields this schema does not
  // have, at the top level (each wire type) and inside the added blueprint entry, placed where a
  // writer puts them (after the known fields of their message), so a faithful round trip gives the
  // same bytes back.
  static std::string NewerSchemaPlan() {
    const std::string newer_entry = AddedBlueprintEntry() +
                                    LengthDelimited(50, "a detail of a newer blueprint") +
                                    Tag(51, kVarint) + Varint(3);
    return FullPlanBinary() + LengthDelimited(8, newer_entry) + Tag(99, kVarint) + Varint(7) +
           LengthDelimited(100, "a field from a newer schema") + Tag(101, kFixed64) +
           std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8) + Tag(102, kFixed32) +
           std::string("\x0a\x0b\x0c\x0d", 4);
  }

  static ProcessResult Cli(const std::vector<std::string>& args,
                           const ProcessOptions& options = {}) {
    std::vector<std::string> argv = {CONTACTPLAN_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessResult run = RunProcess(argv, options);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run;
  }

  static cplan_engine* engine_;
};

cplan_engine* ExchangeTest::engine_ = nullptr;

TEST_F(ExchangeTest, BinaryToJsonToTextToBinaryKeepsEveryFieldThroughTheCApi) {
  const std::string binary = FullPlanBinary();
  ASSERT_THAT(binary, Not(IsEmpty()));
  const std::string json = Converted(binary, CPLAN_FORMAT_BINARY, CPLAN_FORMAT_JSON);
  const std::string text = Converted(json, CPLAN_FORMAT_JSON, CPLAN_FORMAT_TEXT);
  EXPECT_EQ(Converted(text, CPLAN_FORMAT_TEXT, CPLAN_FORMAT_BINARY), binary);
}

TEST_F(ExchangeTest, BinaryToJsonToTextToBinaryKeepsEveryFieldThroughTheCommandLine) {
  const ScratchDir dir;
  const std::vector<std::string> chain = {kFullPlan, dir.File("a.binpb"), dir.File("b.json"),
                                          dir.File("c.txtpb"), dir.File("d.binpb")};
  for (size_t i = 1; i < chain.size(); ++i) Cli({"convert", chain[i - 1], "-o", chain[i]});
  const std::string binary = FullPlanBinary();
  EXPECT_EQ(ReadFileBytes(chain[1]), binary);
  EXPECT_EQ(ReadFileBytes(chain[4]), binary);
}

TEST_F(ExchangeTest, FieldsOfANewerSchemaSurviveBinaryRoundTripsThroughTheCApi) {
  const std::string newer = NewerSchemaPlan();
  EXPECT_EQ(Validate(engine_, newer, CPLAN_FORMAT_BINARY).status, CPLAN_OK);
  const std::string once = Converted(newer, CPLAN_FORMAT_BINARY, CPLAN_FORMAT_BINARY);
  EXPECT_EQ(once, newer);
  EXPECT_EQ(Converted(once, CPLAN_FORMAT_BINARY, CPLAN_FORMAT_BINARY), newer);
  // The analysis reads the fields it knows and ignores the others.
  const CallResult analysis = Analyze(engine_, newer, CPLAN_FORMAT_BINARY);
  EXPECT_EQ(analysis.status, CPLAN_OK) << analysis.message;
  EXPECT_EQ(analysis.output, Analyze(engine_, KnownPlan(), CPLAN_FORMAT_BINARY).output);
}

TEST_F(ExchangeTest, FieldsOfANewerSchemaSurviveBinaryRoundTripsThroughTheCommandLine) {
  const ScratchDir dir;
  const std::string newer = NewerSchemaPlan();
  WriteFileBytes(dir.File("newer.binpb"), newer);
  Cli({"convert", dir.File("newer.binpb"), "-o", dir.File("copy.binpb")});
  EXPECT_EQ(ReadFileBytes(dir.File("copy.binpb")), newer);
  const ProcessResult piped = Cli({"convert", "-", "--input-format", "binary", "--to", "binary"},
                                  {.stdin_path = dir.File("newer.binpb"), .environment = {}});
  EXPECT_EQ(piped.out, newer);
}

TEST_F(ExchangeTest, CsvImportOfExportKeepsEveryFieldTheGridHolds) {
  const std::string imported =
      Converted(ReadFileBytes(kFullGrid), CPLAN_FORMAT_CSV, CPLAN_FORMAT_BINARY);
  const std::string exported = Converted(imported, CPLAN_FORMAT_BINARY, CPLAN_FORMAT_CSV);
  EXPECT_EQ(Converted(exported, CPLAN_FORMAT_CSV, CPLAN_FORMAT_BINARY), imported);
  EXPECT_EQ(Converted(exported, CPLAN_FORMAT_CSV, CPLAN_FORMAT_CSV), exported);

  // The grid really held every kind of value it can: each field the grid maps to is in the plan.
  const std::string json = Converted(imported, CPLAN_FORMAT_BINARY, CPLAN_FORMAT_JSON);
  for (const char* field : kGridFields) {
    EXPECT_THAT(json, HasSubstr(absl::StrCat("\"", field, "\":")));
  }

  // The command line gives the same files.
  const ScratchDir dir;
  Cli({"convert", kFullGrid, "-o", dir.File("plan.binpb")});
  Cli({"convert", dir.File("plan.binpb"), "-o", dir.File("grid.csv")});
  Cli({"convert", dir.File("grid.csv"), "-o", dir.File("again.binpb")});
  EXPECT_EQ(ReadFileBytes(dir.File("plan.binpb")), imported);
  EXPECT_EQ(ReadFileBytes(dir.File("grid.csv")), exported);
  EXPECT_EQ(ReadFileBytes(dir.File("again.binpb")), imported);
}

// Python's protobuf runtime, with the _pb2 modules generated into the build's Python package, reads
// each file this version writes and writes it back in binary (deterministically).
constexpr char kPythonReadBack[] = R"py(
import sys
from google.protobuf import json_format, text_format
from contactplan.v1 import plan_pb2

def write_back(plan, path):
    with open(path, "wb") as out:
        out.write(plan.SerializeToString(deterministic=True))

kind, source, target = sys.argv[1:]
if kind == "binary":
    plan = plan_pb2.Plan()
    with open(source, "rb") as data:
        plan.ParseFromString(data.read())
else:
    with open(source, encoding="utf-8") as data:
        parse = json_format.Parse if kind == "json" else text_format.Parse
        plan = parse(data.read(), plan_pb2.Plan())
write_back(plan, target)
)py";

TEST_F(ExchangeTest, PythonProtobufRuntimeReadsWhatThisVersionWrites) {
  if (std::string(CONTACTPLAN_PYTHON).empty()) GTEST_SKIP() << "built without the Python package";
  const ScratchDir dir;
  const std::string binary = FullPlanBinary();
  const std::string newer = NewerSchemaPlan();
  WriteFileBytes(dir.File("plan.binpb"), binary);
  WriteFileBytes(dir.File("newer.binpb"), newer);
  WriteFileBytes(dir.File("plan.json"), Converted(binary, CPLAN_FORMAT_BINARY, CPLAN_FORMAT_JSON));
  WriteFileBytes(dir.File("plan.txtpb"), Converted(binary, CPLAN_FORMAT_BINARY, CPLAN_FORMAT_TEXT));
  const ProcessOptions python = {
      .stdin_path = "",
      .environment = {"PYTHONPATH=" CONTACTPLAN_PYTHON_DIR, "PYTHONDONTWRITEBYTECODE=1"}};

  const struct {
    const char* kind;
    const char* file;
    const std::string& expected;
  } cases[] = {{"binary", "plan.binpb", binary},
               {"binary", "newer.binpb", newer},
               {"json", "plan.json", binary},
               {"text", "plan.txtpb", binary}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const ProcessResult run = RunProcess({CONTACTPLAN_PYTHON, "-c", kPythonReadBack, c.kind,
                                          dir.File(c.file), dir.File("back.binpb")},
                                         python);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(ReadFileBytes(dir.File("back.binpb")), c.expected);
  }
}

TEST_F(ExchangeTest, ProtocDecodesWhatThisVersionWritesAsTheSamePlan) {
  const ScratchDir dir;
  const std::vector<std::string> protoc = {CONTACTPLAN_PROTOC, "-I", kSource + "/proto",
                                           kSource + "/proto/contactplan/v1/plan.proto"};
  const auto run_protoc = [&](const std::string& mode, const std::string& input) {
    std::vector<std::string> argv = protoc;
    argv.insert(argv.begin() + 1, mode + "=contactplan.v1.Plan");
    WriteFileBytes(dir.File("input"), input);
    ProcessResult run = RunProcess(argv, {.stdin_path = dir.File("input"), .environment = {}});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run.out;
  };
  const std::string binary = FullPlanBinary();
  // protoc's own encoding of the plan is this version's, byte for byte ...
  EXPECT_EQ(run_protoc("--encode", ReadFileBytes(kFullPlan)), binary);
  // ... what protoc decodes from this version's binary encodes back to it ...
  EXPECT_EQ(run_protoc("--encode", run_protoc("--decode", binary)), binary);
  // ... and protoc reads this version's text format as the same plan.
  EXPECT_EQ(run_protoc("--encode", Converted(binary, CPLAN_FORMAT_BINARY, CPLAN_FORMAT_TEXT)),
            binary);
  // Fields of a newer schema are visible to protoc by number.
  const std::string decoded = run_protoc("--decode", NewerSchemaPlan());
  EXPECT_THAT(decoded, HasSubstr("99: 7"));
  EXPECT_THAT(decoded, HasSubstr("100: \"a field from a newer schema\""));
  EXPECT_THAT(decoded, HasSubstr("50: \"a detail of a newer blueprint\""));
}

}  // namespace
}  // namespace contactplan::testing
