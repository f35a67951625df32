// The hostile-input corpus (tests/data/bad/expected.tsv): every file gives its recorded error
// through every way a plan enters contactplan — the C ABI's cplan_validate, cplan_analyze and
// cplan_convert, and the command line's validate, analyze and convert — and never a crash, a hang,
// an output buffer or an output file. Options, which protobuf's own JSON parser reads, are refused
// when nested too deeply instead of overflowing the stack.
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "capi_handles.h"
#include "contactplan/contactplan.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "subprocess.h"

namespace contactplan::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

const std::string kCorpus = std::string(CONTACTPLAN_SOURCE_DIR) + "/tests/data/bad";
const std::string kManifest = kCorpus + "/expected.tsv";

// One row of the manifest.
struct BadInput {
  std::string file;
  std::string status;  // the name of the cplan_status, e.g. "CPLAN_PARSE_ERROR"
  int exit_code = 0;
  std::string fragment;
  std::string what;
};

void PrintTo(const BadInput& input, std::ostream* os) {
  *os << input.file << " (" << input.what << ")";
}

std::vector<BadInput> ReadManifest() {
  std::vector<BadInput> inputs;
  std::ifstream manifest(kManifest);
  std::string line;
  while (std::getline(manifest, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> cells = absl::StrSplit(line, '\t');
    BadInput input;
    if (cells.size() == 5) input = {cells[0], cells[1], std::stoi(cells[2]), cells[3], cells[4]};
    // A malformed row keeps its text as the file name, so the test that checks it names the line.
    if (cells.size() != 5) input.file = line;
    inputs.push_back(input);
  }
  return inputs;
}

// Files other than the corpus's own tooling.
std::vector<std::string> CorpusFiles() {
  std::vector<std::string> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(kCorpus)) {
    const std::string name = entry.path().filename().string();
    if (name != "expected.tsv" && name != "make_corpus.py") files.push_back(name);
  }
  return files;
}

TEST(BadInputCorpusTest, EveryFileIsListedOnceAndEveryRowIsWellFormed) {
  std::vector<std::string> listed;
  for (const BadInput& input : ReadManifest()) {
    EXPECT_FALSE(input.status.empty()) << "malformed row: " << input.file;
    EXPECT_THAT(input.status, StartsWith("CPLAN_")) << input.file;
    EXPECT_FALSE(input.fragment.empty()) << input.file;
    listed.push_back(input.file);
  }
  EXPECT_THAT(listed, ::testing::UnorderedElementsAreArray(CorpusFiles()));
}

class BadInputTest : public ::testing::TestWithParam<BadInput> {
 protected:
  static void SetUpTestSuite() { engine_ = MakeEngine().release(); }
  static void TearDownTestSuite() { EnginePtr(engine_).reset(); }

  std::string Path() const { return kCorpus + "/" + GetParam().file; }

  static cplan_engine* engine_;
};

cplan_engine* BadInputTest::engine_ = nullptr;

TEST_P(BadInputTest, CApiGivesTheRecordedStatusAndMessageAndNoOutput) {
  const BadInput& input = GetParam();
  const std::string bytes = ReadFileBytes(Path());
  cplan_format format;
  ASSERT_EQ(cplan_format_from_path(input.file.c_str(), &format, nullptr), CPLAN_OK);

  for (const CallResult& call : ThroughEveryEntryPoint(engine_, bytes, format)) {
    EXPECT_STREQ(cplan_status_name(call.status), input.status.c_str()) << call.message;
    EXPECT_THAT(call.message, HasSubstr(input.fragment));
    EXPECT_TRUE(call.output_cleared);
  }
}

TEST_P(BadInputTest, CommandLineExitsWithTheRecordedCodeAndWritesNothing) {
  const BadInput& input = GetParam();
  const ScratchDir dir;
  const std::vector<std::vector<std::string>> commands = {
      {CONTACTPLAN_CLI, "validate", Path()},
      {CONTACTPLAN_CLI, "analyze", Path(), "-o", dir.File("analysis.json")},
      {CONTACTPLAN_CLI, "convert", Path(), "-o", dir.File("plan.binpb")},
  };
  for (const std::vector<std::string>& command : commands) {
    SCOPED_TRACE(command[1]);
    const ProcessResult run = RunProcess(command);
    EXPECT_EQ(run.signal, 0);
    EXPECT_EQ(run.exit_code, input.exit_code) << run.err;
    EXPECT_THAT(run.err, StartsWith("contactplan: "));
    EXPECT_THAT(run.err, HasSubstr(input.fragment));
    EXPECT_THAT(run.out, IsEmpty());
  }
  // Neither the output files nor a temporary file of the atomic write.
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

// Options are parsed by protobuf's own JSON parser: it must refuse deep nesting, not overflow.
std::vector<std::string> DeeplyNestedJson() {
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += R"({"limits": )";
  return {std::string(100000, '['), objects};
}

TEST(HostileOptionsTest, CApiRefusesDeeplyNestedOptions) {
  const EnginePtr engine = MakeEngine();
  for (const std::string& options : DeeplyNestedJson()) {
    cplan_engine* created = nullptr;
    char* message = nullptr;
    EXPECT_EQ(
        cplan_engine_create(options.data(), options.size(), CPLAN_FORMAT_JSON, &created, &message),
        CPLAN_INVALID_OPTIONS);
    EXPECT_EQ(created, nullptr);
    cplan_free(message);

    const std::string plan = R"({"persons": [{"id": "p-1"}]})";
    char* output = nullptr;
    size_t output_size = 0;
    EXPECT_EQ(cplan_analyze(engine.get(), plan.data(), plan.size(), CPLAN_FORMAT_JSON,
                            options.data(), options.size(), CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON,
                            &output, &output_size, &message),
              CPLAN_INVALID_OPTIONS);
    EXPECT_EQ(output, nullptr);
    cplan_free(message);
  }
}

TEST(HostileOptionsTest, CommandLineRefusesDeeplyNestedOptions) {
  const ScratchDir dir;
  for (const std::string& options : DeeplyNestedJson()) {
    WriteFileBytes(dir.File("options.json"), options);
    const ProcessResult run =
        RunProcess({CONTACTPLAN_CLI, "analyze", "--options", dir.File("options.json"),
                    kCorpus + "/../capi/plan.json"});
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_THAT(run.err, HasSubstr("options.json: not valid EngineOptions JSON"));
  }
}

std::string TestName(const ::testing::TestParamInfo<BadInput>& info) {
  std::string name = info.param.file;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputTest, ::testing::ValuesIn(ReadManifest()), TestName);

}  // namespace
}  // namespace contactplan::testing
