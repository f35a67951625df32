// End-to-end tests of the `contactplan` command line: each test runs the built binary in a fresh
// temporary directory and checks what a user would see.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "io/csv_reader.h"

namespace contactplan {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kNorthwind = std::string(CONTACTPLAN_SOURCE_DIR) + "/examples/northwind-grid.csv";
const std::string kKestrel = std::string(CONTACTPLAN_SOURCE_DIR) + "/examples/kestrel-health.json";

// The codes of the catalogue, in its order.
const std::vector<std::string> kCatalogue = {
    "UNCOVERED_PERSON",         "WEAK_RELATIONSHIP",
    "SINGLE_THREADED_PERSON",   "OVER_COVERED_PERSON",
    "SENIORITY_MISMATCH",       "TRUST_INFLATION",
    "TOO_FEW_OPEN",             "STALE_ASSESSMENT",
    "SINGLE_THREADED_ACCOUNT",  "BELOW_3X3",
    "NPS_DETRACTOR",            "NPS_DECLINING",
    "COMPETITIVE_RELATIONSHIP", "NO_POWER_BUYER_IDENTIFIED",
    "NO_POWER_ACCESS",          "NO_EVANGELIST",
    "RELATIONSHIP_GAP",         "LARGE_RELATIONSHIP_GAP",
    "BELOW_CREDIBLE_SOURCE",    "OVER_INVESTED",
    "NEUTRAL_AS_NON_SUPPORTER", "PREFERENCE_GAP",
    "DECISION_MAKER_NOT_SUPPORTIVE", "NO_MENTOR",
    "ENEMY_IN_BUYING_GROUP",    "LATE_PREFERRED_STRATEGY",
    "QUALIFICATION_INCOMPLETE", "NO_BLUEPRINT",
    "MISSING_BLUEPRINT",        "GOAL_SKIPS_LEVELS",
    "NO_INFLUENCE_STRATEGY",    "SALES_TACTIC",
    "SALES_PLAN",               "CHAMPION_LEFT",
    "OWNER_LEFT",               "GRADE_FALLING",
    "GRADE_NOT_BORNE_OUT",      "ONE_WAY_CONTACT",
};

// A healthy 3x3 map whose only finding is NO_BLUEPRINT (INFO): the fixture for --fail-on thresholds.
constexpr char kInfoOnlyPlan[] = R"pb(
  team_members { id: "a" name: "Ann Executive" level: EXECUTIVE }
  team_members { id: "b" name: "Bo Senior" level: SENIOR_MANAGEMENT }
  team_members { id: "c" name: "Cy Middle" level: MIDDLE_MANAGEMENT }
  persons { id: "p1" name: "Pia Power" level: EXECUTIVE buyer_roles: POWER
            relationship_level: CREDIBLE_SOURCE }
  persons { id: "p2" name: "Eli Evangelist" level: SENIOR_MANAGEMENT buyer_roles: EVANGELIST
            relationship_level: CREDIBLE_SOURCE }
  persons { id: "p3" name: "Max Middle" level: MIDDLE_MANAGEMENT relationship_level: CREDIBLE_SOURCE }
  relationships { team_member_id: "a" person_id: "p1" grade: SATISFIED }
  relationships { team_member_id: "b" person_id: "p1" grade: OPEN }
  relationships { team_member_id: "b" person_id: "p2" grade: SATISFIED }
  relationships { team_member_id: "c" person_id: "p2" grade: OPEN }
  relationships { team_member_id: "c" person_id: "p3" grade: SATISFIED }
)pb";

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void WriteFile(const fs::path& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::path(::testing::TempDir()) / "contactplan-cli-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Path(std::string_view name) const { return dir_ / name; }

  // Runs the binary with `args`, feeding `input` on stdin, in the test's directory.
  CliRun Cli(const std::vector<std::string>& args, std::string_view input = "") const {
    const fs::path in = Path(".stdin"), out = Path(".stdout"), err = Path(".stderr");
    WriteFile(in, input);
    const pid_t pid = fork();
    if (pid == 0) {
      if (chdir(dir_.c_str()) != 0) _exit(127);
      const int fds[3] = {open(in.c_str(), O_RDONLY),
                          open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644),
                          open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644)};
      for (int i = 0; i < 3; ++i) {
        if (fds[i] < 0 || dup2(fds[i], i) < 0) _exit(127);
      }
      std::vector<char*> argv = {const_cast<char*>(CONTACTPLAN_CLI)};
      for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
      argv.push_back(nullptr);
      execv(CONTACTPLAN_CLI, argv.data());
      _exit(127);
    }
    CliRun run;
    int status = 0;
    if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status)) {
      run.exit_code = WEXITSTATUS(status);
    }
    run.out = ReadFile(out);
    run.err = ReadFile(err);
    return run;
  }

  // The Analysis message of `analyze --format json` of a plan.
  v1::Analysis AnalysisOf(const std::string& plan_path) const {
    const CliRun run = Cli({"analyze", plan_path, "--format", "json"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    v1::Analysis analysis;
    const auto status = google::protobuf::util::JsonStringToMessage(run.out, &analysis);
    EXPECT_TRUE(status.ok()) << status.ToString();
    return analysis;
  }

  fs::path dir_;
};

// --- usage errors: exit 64, a message and a hint on stderr, nothing on stdout ---

TEST_F(CliTest, NoArgumentsPrintsUsageAndExits64) {
  const CliRun run = Cli({});
  EXPECT_EQ(run.exit_code, 64);
  EXPECT_THAT(run.err, HasSubstr("usage: contactplan COMMAND"));
  EXPECT_THAT(run.out, IsEmpty());
}

TEST_F(CliTest, UnknownCommandExits64) {
  const CliRun run = Cli({"analyse-this"});
  EXPECT_EQ(run.exit_code, 64);
  EXPECT_THAT(run.err, StartsWith("contactplan: unknown command \"analyse-this\""));
}

TEST_F(CliTest, UnknownFlagSuggestsTheNearestOne) {
  const CliRun run = Cli({"analyze", kNorthwind, "--fromat", "json"});
  EXPECT_EQ(run.exit_code, 64);
  EXPECT_THAT(run.err, HasSubstr("contactplan: unknown flag --fromat (did you mean --format?)"));
  EXPECT_THAT(run.err, HasSubstr("contactplan analyze --help"));
  EXPECT_THAT(run.out, IsEmpty());
}

TEST_F(CliTest, BadFlagValuesExit64) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"analyze", kNorthwind, "--fail-on", "fatal"},
           {"analyze", kNorthwind, "--horizon", "45"},
           {"analyze", kNorthwind, "--as-of", "yesterday"},
           {"analyze", kNorthwind, "--format", "xml"},
           {"analyze", kNorthwind, "--format"},
           {"analyze"},
           {"analyze", kNorthwind, kKestrel},
           {"convert", kNorthwind},
           {"convert", kNorthwind, "--to", "yaml"},
           {"render", kNorthwind, "--format", "png"},
           {"rules", "NO_SUCH_RULE"},
           {"validate", "plan.unknown-extension"},
       }) {
    const CliRun run = Cli(args);
    EXPECT_EQ(run.exit_code, 64) << args[0] << " " << (args.size() > 2 ? args[2] : "") << run.err;
    EXPECT_THAT(run.err, StartsWith("contactplan: "));
  }
}

TEST_F(CliTest, EveryCommandHasHelp) {
  for (const std::string command :
       {"analyze", "validate", "convert", "render", "rules", "blueprint", "generate", "merge",
        "import"}) {
    const CliRun run = Cli({command, "--help"});
    EXPECT_EQ(run.exit_code, 0) << command;
    EXPECT_THAT(run.out, AllOf(StartsWith("usage: contactplan " + command), HasSubstr("-h, --help")));
  }
  EXPECT_THAT(Cli({"--help"}).out,
              AllOf(HasSubstr("analyze"), HasSubstr("render"), HasSubstr("generate")));
  EXPECT_THAT(Cli({"help", "convert"}).out, StartsWith("usage: contactplan convert"));
}

TEST_F(CliTest, VersionNamesTheProgram) {
  const CliRun run = Cli({"--version"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out, StartsWith("contactplan "));
}

// --- analyze ---

TEST_F(CliTest, AnalyzeDetailReportHasEverySection) {
  const CliRun run = Cli({"analyze", kNorthwind, "--detail"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, IsEmpty());
  for (const char* section : {"CONTACT MAP", "WEB OF INFLUENCE", "FINDINGS:", "GAPS", "SCORES",
                              "RECOMMENDATIONS FOR THE NEXT 30 DAYS"}) {
    EXPECT_THAT(run.out, HasSubstr(section));
  }
  EXPECT_THAT(run.out, HasSubstr("Web of influence: "));
  EXPECT_THAT(run.out, HasSubstr("Helen Marsh"));
  EXPECT_THAT(run.out, HasSubstr("NO_POWER_ACCESS"));
}

TEST_F(CliTest, AnalyzeJsonIsTheAnalysisMessage) {
  const v1::Analysis analysis = AnalysisOf(kKestrel);
  EXPECT_EQ(analysis.as_of().seconds(), 1727654400);  // the plan's as_of, 2024-09-30
  EXPECT_GT(analysis.findings_size(), 0);
  EXPECT_EQ(analysis.recommendations().horizon_days(), 30);
}

TEST_F(CliTest, AnalyzeBinaryParsesAndEqualsJson) {
  const CliRun run = Cli({"analyze", kKestrel, "--format", "binary"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  v1::Analysis binary;
  ASSERT_TRUE(binary.ParseFromString(run.out));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(binary, AnalysisOf(kKestrel)));
}

TEST_F(CliTest, AnalyzeIsDeterministic) {
  const CliRun first = Cli({"analyze", kKestrel, "--format", "json"});
  const CliRun second = Cli({"analyze", kKestrel, "--format", "json"});
  EXPECT_EQ(first.out, second.out);
  EXPECT_EQ(Cli({"analyze", kNorthwind}).out, Cli({"analyze", kNorthwind}).out);
}

TEST_F(CliTest, AnalyzeTakesAsOfAndHorizon) {
  const CliRun run = Cli({"analyze", kKestrel, "--format=json", "--as-of", "2024-12-31T12:00:00+01:00",
                       "--horizon=90"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  v1::Analysis analysis;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(run.out, &analysis).ok());
  EXPECT_EQ(analysis.as_of().seconds(), 1735642800);  // 2024-12-31T11:00:00Z
  EXPECT_EQ(analysis.recommendations().horizon_days(), 90);
}

// --as-of 1970-01-01 is a date like any other, not "unset".
TEST_F(CliTest, AsOfTheEpochCounts) {
  const CliRun run = Cli({"analyze", kKestrel, "--format=json", "--as-of", "1970-01-01"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  v1::Analysis analysis;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(run.out, &analysis).ok());
  ASSERT_TRUE(analysis.has_as_of());
  EXPECT_EQ(analysis.as_of().seconds(), 0);
}

TEST_F(CliTest, OutputFormatFollowsTheOutputExtension) {
  const CliRun run = Cli({"analyze", kKestrel, "-o", "analysis.json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, IsEmpty());
  v1::Analysis analysis;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(ReadFile(Path("analysis.json")), &analysis)
                  .ok());
}

TEST_F(CliTest, FailOnThresholds) {
  WriteFile(Path("info-only.txtpb"), kInfoOnlyPlan);
  // Only an INFO finding: fails at info, passes at warning and critical.
  EXPECT_EQ(Cli({"analyze", "info-only.txtpb", "--fail-on", "info"}).exit_code, 1);
  EXPECT_EQ(Cli({"analyze", "info-only.txtpb", "--fail-on", "warning"}).exit_code, 0);
  EXPECT_EQ(Cli({"analyze", "info-only.txtpb", "--fail-on", "CRITICAL"}).exit_code, 0);
  EXPECT_EQ(Cli({"analyze", "info-only.txtpb"}).exit_code, 0);

  // Northwind has critical findings; the brief is still printed in full before exit code 1.
  const CliRun run = Cli({"analyze", kNorthwind, "--fail-on", "critical"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("MORE\n"));
}

TEST_F(CliTest, OptionsFileChangesTheEngine) {
  WriteFile(Path("info-only.txtpb"), kInfoOnlyPlan);
  WriteFile(Path("quiet.json"), R"({"disabledRules": ["NO_BLUEPRINT"]})");
  EXPECT_EQ(Cli({"analyze", "info-only.txtpb", "--fail-on", "info", "--options", "quiet.json"})
                .exit_code,
            0);

  WriteFile(Path("bad.json"), R"({"thresholds": {"trustInflationMaxShare": 1.5}})");
  const CliRun bad = Cli({"analyze", "info-only.txtpb", "--options", "bad.json"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, AllOf(HasSubstr("bad.json"), HasSubstr("trust_inflation_max_share")));

  WriteFile(Path("typo.txtpb"), "thresholds {\n  stale_after_dayz: 30\n}\n");
  const CliRun typo = Cli({"analyze", "info-only.txtpb", "--options", "typo.txtpb"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_THAT(typo.err, HasSubstr("typo.txtpb: line 2, column"));
}

// Options that are not UTF-8, in each format: refused by contactplan's own checks with a message
// that is itself UTF-8, before protobuf could log anything or echo the bytes.
TEST_F(CliTest, OptionsThatAreNotUtf8AreRefusedCleanly) {
  WriteFile(Path("info-only.txtpb"), kInfoOnlyPlan);
  WriteFile(Path("bad.json"), "{\"disabledRules\": [\"\xff\xfe\"]}");
  WriteFile(Path("bad.binpb"), std::string("\x32\x02\xff\xfe", 4));
  WriteFile(Path("bad.txtpb"), R"(disabled_rules: "\xff")");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"bad.json", "bad.json: not valid EngineOptions JSON: line 1, column 21: the text is not UTF-8"},
      {"bad.binpb", "bad.binpb: not a valid binary EngineOptions: byte 2, in disabled_rules: a "
                    "string that is not UTF-8"},
      {"bad.txtpb", "bad.txtpb: line 1, column 1: disabled_rules[0]: the string is not UTF-8"},
  };
  for (const auto& [file, message] : cases) {
    const CliRun run = Cli({"validate", "info-only.txtpb", "--options", file});
    EXPECT_EQ(run.exit_code, 2) << file;
    EXPECT_THAT(run.err, HasSubstr(message));
    EXPECT_EQ(run.err.find('\xff'), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("libprotobuf"), std::string::npos) << run.err;
  }
}

TEST_F(CliTest, InputOverTheLimitIsRefusedBeforeParsing) {
  WriteFile(Path("small.json"), R"({"limits": {"maxInputBytes": "100"}})");
  const CliRun file = Cli({"analyze", kNorthwind, "--options", "small.json"});
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_THAT(file.err, AllOf(HasSubstr(kNorthwind), HasSubstr("over the limit of 100 bytes")));
  const CliRun piped =
      Cli({"validate", "-", "--input-format", "csv", "--options", "small.json"}, ReadFile(kNorthwind));
  EXPECT_EQ(piped.exit_code, 2);
  EXPECT_THAT(piped.err, HasSubstr("<stdin>: the input is over the limit of 100 bytes"));
}

// --- stdin ---

TEST_F(CliTest, ReadsStdinWithAFormatFlag) {
  const CliRun run = Cli({"analyze", "-", "--input-format", "csv"}, ReadFile(kNorthwind));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  // The same brief as from the file, but for the name of the source: "<stdin>" in the header,
  // PLAN in the commands that show more (there is no file to name).
  std::string from_file = Cli({"analyze", kNorthwind}).out;
  from_file.replace(from_file.find(kNorthwind), kNorthwind.size(), "<stdin>");
  for (size_t at = from_file.find(kNorthwind); at != std::string::npos;
       at = from_file.find(kNorthwind)) {
    from_file.replace(at, kNorthwind.size(), "PLAN");
  }
  EXPECT_EQ(run.out, from_file);
}

TEST_F(CliTest, StdinJsonIsRecognisedWithoutAFlag) {
  const CliRun run = Cli({"validate", "-"}, ReadFile(kKestrel));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, StartsWith("ok: <stdin> is a valid plan"));
}

TEST_F(CliTest, StdinOtherThanJsonNeedsTheFlag) {
  const CliRun run = Cli({"analyze", "-"}, ReadFile(kNorthwind));
  EXPECT_EQ(run.exit_code, 64);
  EXPECT_THAT(run.err, HasSubstr("--input-format"));
}

// --- invalid input: exit 2, the file and position named, no output file ---

TEST_F(CliTest, BadCsvNamesFileLineAndColumnAndWritesNothing) {
  std::string csv = ReadFile(kNorthwind);
  csv.replace(csv.find("@department"), 11, "@departmnt");  // line 3, column 1
  WriteFile(Path("typo.csv"), csv);
  for (const std::string command : {"analyze", "convert", "render"}) {
    const CliRun run = Cli({command, "typo.csv", "-o", "out.json"});
    EXPECT_EQ(run.exit_code, 2) << command;
    EXPECT_THAT(run.err, AllOf(StartsWith("contactplan: typo.csv: cell A3, line 3, column 1"),
                               HasSubstr("@departmnt")))
        << command;
    EXPECT_FALSE(fs::exists(Path("out.json"))) << command;
  }
  EXPECT_EQ(Cli({"validate", "typo.csv"}).exit_code, 2);
}

TEST_F(CliTest, InvalidPlanListsEveryProblemAndWritesNothing) {
  WriteFile(Path("dangling.json"), R"({
    "teamMembers": [{"id": "t1"}],
    "persons": [{"id": "p1", "reportsToId": "p-9"}],
    "relationships": [{"teamMemberId": "t1", "personId": "p-2", "grade": "TRUST"}]
  })");
  const CliRun run = Cli({"validate", "dangling.json"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, AllOf(HasSubstr("dangling.json is not a valid plan (2 problems)"),
                             HasSubstr("persons[0].reports_to_id"),
                             HasSubstr("relationships[0].person_id")));
  for (const std::string command : {"analyze", "convert"}) {
    EXPECT_EQ(Cli({command, "dangling.json", "-o", "out.binpb"}).exit_code, 2) << command;
    EXPECT_FALSE(fs::exists(Path("out.binpb"))) << command;
  }
}

TEST_F(CliTest, MissingFileExits2NamingIt) {
  const CliRun run = Cli({"analyze", "no-such-plan.json"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, StartsWith("contactplan: no-such-plan.json"));
}

TEST_F(CliTest, UnwritableOutputExits74) {
  const CliRun run = Cli({"convert", kNorthwind, "-o", "no-such-dir/plan.json"});
  EXPECT_EQ(run.exit_code, 74);
  EXPECT_THAT(run.err, HasSubstr("no-such-dir/plan.json"));
}

// --- validate ---

TEST_F(CliTest, ValidateSaysWhatItChecked) {
  const CliRun run = Cli({"validate", kNorthwind, kKestrel});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("ok: " + kNorthwind +
                                 " is a valid plan (18 persons, 5 team members, 25 relationships)\n"));
  EXPECT_THAT(run.out, HasSubstr("ok: " + kKestrel + " is a valid plan (11 persons, 5 team members"));
}

// --- convert ---

TEST_F(CliTest, ConvertRoundTripKeepsTheGrid) {
  ASSERT_EQ(Cli({"convert", kNorthwind, "-o", "a.json"}).exit_code, 0);
  ASSERT_EQ(Cli({"convert", "a.json", "-o", "b.binpb"}).exit_code, 0);
  ASSERT_EQ(Cli({"convert", "b.binpb", "--to", "text", "-o", "c.txt"}).exit_code, 0);
  const CliRun back = Cli({"convert", "c.txt", "--input-format", "text", "--to", "csv"});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  const CliRun direct = Cli({"convert", kNorthwind, "--to", "csv"});
  EXPECT_EQ(back.out, direct.out);

  // And the plan itself survives, not just its CSV rendering.
  v1::Plan original, round_tripped;
  ASSERT_TRUE(original.ParseFromString(Cli({"convert", kNorthwind, "--to", "binary"}).out));
  ASSERT_TRUE(round_tripped.ParseFromString(ReadFile(Path("b.binpb"))));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(original, round_tripped));
}

TEST_F(CliTest, ConvertRoundTripKeepsTheWholeJsonPlan) {
  ASSERT_EQ(Cli({"convert", kKestrel, "-o", "k.binpb"}).exit_code, 0);
  ASSERT_EQ(Cli({"convert", "k.binpb", "-o", "k.txtpb"}).exit_code, 0);
  ASSERT_EQ(Cli({"convert", "k.txtpb", "-o", "k.json"}).exit_code, 0);
  v1::Plan original, round_tripped;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(ReadFile(kKestrel), &original).ok());
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(ReadFile(Path("k.json")), &round_tripped).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(original, round_tripped));
}

TEST_F(CliTest, ConvertToCsvNotesWhatTheGridCannotHold) {
  const CliRun run = Cli({"convert", kKestrel, "-o", "kestrel.csv"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, AllOf(HasSubstr("note: the CSV grid holds only the contact map"),
                             HasSubstr("blueprint")));
  EXPECT_EQ(Cli({"validate", "kestrel.csv"}).exit_code, 0);
}

// --- generate ---

TEST_F(CliTest, GenerateIsDeterministicAndTheSeedMatters) {
  const CliRun first = Cli({"generate", "--persons", "40", "--team", "6", "--seed", "7", "--to",
                            "binary"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(Cli({"generate", "--persons", "40", "--team", "6", "--seed", "7", "--to", "binary"}).out,
            first.out);
  ASSERT_EQ(Cli({"generate", "--persons", "40", "--team", "6", "--seed", "7", "-o", "g.binpb"})
                .exit_code,
            0);
  EXPECT_EQ(ReadFile(Path("g.binpb")), first.out);  // the format follows the extension
  v1::Plan binary;
  ASSERT_TRUE(binary.ParseFromString(first.out));
  for (const std::string file : {"g.json", "g.txtpb"}) {
    ASSERT_EQ(Cli({"generate", "--persons", "40", "--team", "6", "--seed", "7", "-o", file})
                  .exit_code,
              0)
        << file;
    const CliRun back = Cli({"convert", file, "--to", "binary"});
    ASSERT_EQ(back.exit_code, 0) << file << ": " << back.err;
    v1::Plan plan;
    ASSERT_TRUE(plan.ParseFromString(back.out)) << file;
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(plan, binary)) << file;
  }
  EXPECT_THAT(ReadFile(Path("g.json")), StartsWith("{"));
  EXPECT_THAT(ReadFile(Path("g.txtpb")), StartsWith("schema_version: 1"));
  EXPECT_NE(Cli({"generate", "--persons", "40", "--team", "6", "--seed", "8", "--to", "binary"}).out,
            first.out);
}

TEST_F(CliTest, GenerateHonoursTheSizesAndTheEngineAcceptsThePlan) {
  const CliRun run = Cli({"generate", "--persons", "120", "--team", "9", "--opportunities", "3",
                          "--relationships", "200", "--blueprint-entries", "7"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  v1::Plan plan;  // JSON when neither --to nor -o says otherwise
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(run.out, &plan).ok());
  EXPECT_EQ(plan.persons_size(), 120);
  EXPECT_EQ(plan.team_members_size(), 9);
  EXPECT_EQ(plan.opportunities_size(), 3);
  EXPECT_EQ(plan.relationships_size(), 200);
  EXPECT_EQ(plan.blueprint_size(), 7);
  WriteFile(Path("gen.json"), run.out);
  EXPECT_EQ(Cli({"validate", "gen.json"}).exit_code, 0);
  EXPECT_EQ(Cli({"analyze", "gen.json", "--format", "json"}).exit_code, 0);

  // No flags: the typical plan of the benchmarks.
  v1::Plan typical;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(Cli({"generate"}).out, &typical).ok());
  EXPECT_EQ(typical.persons_size(), 25);
  EXPECT_EQ(typical.team_members_size(), 8);
  EXPECT_EQ(typical.relationships_size(), 60);
}

TEST_F(CliTest, GenerateRefusesBadNumbersNamingTheFlagAndWritesNothing) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--persons", "-3"}, "--persons: must be between 0 and 1000000, got -3"},
      {{"--team", "12k"}, "--team: expected a whole number, got \"12k\""},
      {{"--team", "200000"}, "--team: must be between"},
      {{"--team", " 12"}, "--team: expected a whole number, got \" 12\""},
      {{"--team", "+12"}, "--team: expected a whole number, got \"+12\""},
      {{"--opportunities", "1e3"}, "--opportunities: expected a whole number, got \"1e3\""},
      {{"--persons="}, "--persons: expected a whole number, got \"\""},
      {{"--seed", "-1"}, "--seed: must be between 0 and 18446744073709551615, got -1"},
      {{"--seed", "18446744073709551616"}, "--seed: must be between 0 and 18446744073709551615"},
      {{"--persons", "99999999999"}, "--persons: must be between 0 and 1000000, got 99999999999"},
      {{"--opportunities", "-1"}, "--opportunities: must be between 0 and 100000, got -1"},
      {{"--blueprint-entries", "61"},
       "--blueprint-entries (at most the relationships): must be between 0 and 60, got 61"},
      {{"--persons", "5", "--team", "2", "--relationships", "11"},
       "--relationships (at most --persons x --team): must be between 0 and 10, got 11"},
      {{"--relationships", "-1"}, "--relationships: must be 0 or more"},
      {{"--to", "yaml"}, "--to: expected binary, json or text; got \"yaml\""},
      {{"-o", "plan.yaml"}, "cannot tell the output format from \"plan.yaml\""},
      {{"--to", "csv"}, "cannot be written as a CSV grid"},
      {{"-o", "plan.csv"}, "cannot be written as a CSV grid"},
      {{"extra-argument"}, "contactplan: "},
  };
  for (const auto& [flags, message] : cases) {
    std::vector<std::string> args = {"generate"};
    args.insert(args.end(), flags.begin(), flags.end());
    const CliRun run = Cli(args);
    EXPECT_EQ(run.exit_code, 64) << flags[0];
    EXPECT_THAT(run.err, AllOf(StartsWith("contactplan: "), HasSubstr(message))) << flags[0];
    EXPECT_THAT(run.out, IsEmpty()) << flags[0];
  }
  EXPECT_FALSE(fs::exists(Path("plan.csv")));
  EXPECT_FALSE(fs::exists(Path("plan.yaml")));
  // The seed takes all of uint64; 0 is a seed like any other.
  EXPECT_EQ(Cli({"generate", "--seed", "18446744073709551615"}).exit_code, 0);
  EXPECT_EQ(Cli({"generate", "--seed", "0", "--persons", "0", "--team", "0"}).exit_code, 0);
}

TEST_F(CliTest, GenerateHelpListsTheFlagsAndDefaults) {
  const CliRun run = Cli({"generate", "--help"});
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out, AllOf(StartsWith("usage: contactplan generate"), HasSubstr("--persons N"),
                             HasSubstr("--team M"), HasSubstr("--seed S"),
                             HasSubstr("--opportunities K"), HasSubstr("--relationships R"),
                             HasSubstr("--blueprint-entries B"), HasSubstr("--to FORMAT"),
                             HasSubstr("-o, --output FILE"), HasSubstr("(default 25)"),
                             HasSubstr("(default 8)"), HasSubstr("else JSON")));
}

// --- rules ---

TEST_F(CliTest, RulesListTheWholeCatalogueInSpecOrder) {
  const CliRun run = Cli({"rules"});
  ASSERT_EQ(run.exit_code, 0);
  size_t position = 0;
  for (const std::string& code : kCatalogue) {
    const size_t found = run.out.find("\n" + code + " ", position);
    ASSERT_NE(found, std::string::npos) << code << " missing or out of order";
    position = found;
  }
}

TEST_F(CliTest, RulesJsonParsesAndHoldsEveryCode) {
  const CliRun run = Cli({"rules", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0);
  google::protobuf::ListValue rules;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(run.out, &rules).ok()) << run.out;
  std::vector<std::string> codes;
  for (const auto& rule : rules.values()) {
    const auto& fields = rule.struct_value().fields();
    codes.push_back(fields.at("code").string_value());
    EXPECT_THAT(fields.at("explanation").string_value(), Not(IsEmpty()));
    EXPECT_THAT(fields.at("firesWhen").string_value(), Not(IsEmpty()));
    EXPECT_THAT(fields.at("severity").string_value(), Not(IsEmpty()));
  }
  EXPECT_EQ(codes, kCatalogue);
}

TEST_F(CliTest, RulesSelectsCodes) {
  const CliRun run = Cli({"rules", "no_mentor"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out, StartsWith("NO_MENTOR "));
  EXPECT_THAT(run.out, Not(HasSubstr("UNCOVERED_PERSON")));
}

// --- render ---

TEST_F(CliTest, RenderWritesASelfContainedSvg) {
  const CliRun run = Cli({"render", kNorthwind, "-o", "map.svg"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string svg = ReadFile(Path("map.svg"));
  EXPECT_THAT(svg, StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_THAT(svg, AllOf(HasSubstr("Web of influence"), HasSubstr("Helen Marsh × Dana Whitfield"),
                         HasSubstr("</svg>\n")));
  EXPECT_THAT(svg, Not(HasSubstr("href")));  // nothing external
}

TEST_F(CliTest, RenderTextIsTheGrid) {
  const CliRun run = Cli({"render", kKestrel, "--format", "text"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, AllOf(HasSubstr("Sabine Brandt"), HasSubstr("Web of influence: ")));
}

TEST_F(CliTest, RenderHtmlWritesOneSelfContainedFile) {
  const CliRun run = Cli({"render", kKestrel, "--format", "html", "-o", "report.html"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string html = ReadFile(Path("report.html"));
  EXPECT_THAT(html, AllOf(StartsWith("<!DOCTYPE html>"), HasSubstr("Sabine Brandt"),
                          HasSubstr("data-key-rank=\"1\""), HasSubstr("</html>\n")));
  // The extension alone chooses HTML too.
  ASSERT_EQ(Cli({"render", kKestrel, "-o", "same.html"}).exit_code, 0);
  EXPECT_EQ(ReadFile(Path("same.html")), html);
}

// --- the brief and its width ---

// Longest line of `text`, in code points.
size_t Widest(const std::string& text) {
  size_t widest = 0, column = 0;
  for (char c : text) {
    if (c == '\n') {
      widest = std::max(widest, column);
      column = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return std::max(widest, column);
}

TEST_F(CliTest, AnalyzePrintsTheBriefByDefault) {
  const CliRun run = Cli({"analyze", kKestrel});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, AllOf(StartsWith("Kestrel Health Partners"), HasSubstr("TOP ACTIONS"),
                             HasSubstr("CRITICAL RISKS"), HasSubstr("--detail")));
  EXPECT_THAT(run.out, Not(HasSubstr("CONTACT MAP")));
  EXPECT_LE(Widest(run.out), 100u);
}

TEST_F(CliTest, WidthComesFromTheFlagThenColumns) {
  EXPECT_LE(Widest(Cli({"analyze", kNorthwind, "--width", "60"}).out), 60u);
  EXPECT_LE(Widest(Cli({"analyze", kNorthwind, "--detail", "--width", "72"}).out), 72u);
  ASSERT_EQ(setenv("COLUMNS", "64", 1), 0);
  const CliRun columns = Cli({"analyze", kNorthwind, "--detail"});
  const CliRun flag_wins = Cli({"analyze", kNorthwind, "--width", "120"});
  unsetenv("COLUMNS");
  EXPECT_LE(Widest(columns.out), 64u);
  EXPECT_GT(Widest(columns.out), 56u);
  EXPECT_GT(Widest(flag_wins.out), 64u);
  EXPECT_EQ(Cli({"analyze", kNorthwind, "--detail", "--format", "json"}).exit_code, 64);
  const CliRun narrow = Cli({"analyze", kNorthwind, "--width", "59"});
  EXPECT_EQ(narrow.exit_code, 64);
  EXPECT_THAT(narrow.err, HasSubstr("--width"));
}

TEST_F(CliTest, ControlCharactersNeverReachTheTerminal) {
  WriteFile(Path("hostile.txtpb"), R"pb(
    team_members { id: "a" name: "Ann" level: EXECUTIVE }
    persons { id: "p1" name: "Clear\x1b[2Jme" level: EXECUTIVE key: true }
  )pb");
  for (bool detail : {false, true}) {
    std::vector<std::string> args = {"analyze", "hostile.txtpb"};
    if (detail) args.push_back("--detail");
    const CliRun run = Cli(args);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out.find('\x1b'), std::string::npos);
    EXPECT_THAT(run.out, HasSubstr("Clear\\x1b[2Jme"));
  }
}

// --- blueprint ---

TEST_F(CliTest, BlueprintTextIsTheReportsDraftSection) {
  const CliRun run = Cli({"blueprint", kKestrel, "--horizon", "60"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, AllOf(StartsWith("  Blueprint draft\n"), HasSubstr("within 60 days"),
                             HasSubstr("[passes ")));
  EXPECT_THAT(Cli({"analyze", kKestrel, "--horizon", "60", "--detail", "--width", "100"}).out, HasSubstr(run.out));
  EXPECT_THAT(Cli({"blueprint", "--help"}).out, StartsWith("usage: contactplan blueprint"));
}

TEST_F(CliTest, BlueprintJsonIsAPlanHoldingOnlyTheDraft) {
  const CliRun run = Cli({"blueprint", kKestrel, "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  v1::Plan fragment;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(run.out, &fragment).ok()) << run.out;
  const v1::Analysis analysis = AnalysisOf(kKestrel);
  ASSERT_EQ(fragment.blueprint_size(), analysis.recommendations().blueprint_draft_size());
  ASSERT_GT(fragment.blueprint_size(), 0);
  for (int i = 0; i < fragment.blueprint_size(); ++i) {
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
        fragment.blueprint(i), analysis.recommendations().blueprint_draft(i)));
  }
  EXPECT_EQ(fragment.persons_size(), 0);
}

// --- merge ---

// The draft `blueprint --format json` writes merges back into its plan (issue 15).
TEST_F(CliTest, MergeTakesTheBlueprintDraftIntoItsPlan) {
  const CliRun stripped = Cli({"convert", kKestrel, "-o", "plan.json"});
  ASSERT_EQ(stripped.exit_code, 0) << stripped.err;
  v1::Plan plan;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(ReadFile(Path("plan.json")), &plan).ok());
  plan.clear_blueprint();
  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(plan, &json).ok());
  WriteFile(Path("plan.json"), json);
  ASSERT_EQ(Cli({"blueprint", "plan.json", "--format", "json", "-o", "draft.json"}).exit_code, 0);
  const CliRun merged = Cli({"merge", "plan.json", "draft.json", "-o", "merged.json"});
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  v1::Plan result;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(ReadFile(Path("merged.json")), &result).ok());
  EXPECT_GT(result.blueprint_size(), 0);
  EXPECT_EQ(Cli({"validate", "merged.json"}).exit_code, 0);
}

TEST_F(CliTest, MergeConflictsAreNamedAndNothingIsWritten) {
  WriteFile(Path("plan.json"), R"({"persons": [{"id": "ann", "title": "CEO"}]})");
  WriteFile(Path("part.json"), R"({"persons": [{"id": "ann", "title": "CFO"}]})");
  const CliRun run = Cli({"merge", "plan.json", "part.json", "-o", "out.json"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("part.json: persons[\"ann\"].title: \"CFO\" here, \"CEO\" in "
                                 "plan.json"));
  EXPECT_FALSE(fs::exists(Path("out.json")));
}

// --- import ---

TEST_F(CliTest, ImportSalesforceAndHubspotWritePlans) {
  const std::string data = std::string(CONTACTPLAN_SOURCE_DIR) + "/tests/data/crm/";
  const CliRun salesforce = Cli({"import", "salesforce", data + "salesforce", "--grid",
                                 data + "salesforce/grid.csv", "-o", "sf.json"});
  ASSERT_EQ(salesforce.exit_code, 0) << salesforce.err;
  EXPECT_EQ(Cli({"validate", "sf.json"}).exit_code, 0);
  const CliRun hubspot = Cli({"import", "hubspot", data + "hubspot", "-o", "hs.json"});
  ASSERT_EQ(hubspot.exit_code, 0) << hubspot.err;
  const CliRun several = Cli({"import", "salesforce", data + "several-accounts", "-o", "x.json"});
  EXPECT_EQ(several.exit_code, 2);
  EXPECT_THAT(several.err, HasSubstr("choose one with --account ID"));
  EXPECT_FALSE(fs::exists(Path("x.json")));
  EXPECT_EQ(Cli({"import", "pipedrive", data, "-o", "x.json"}).exit_code, 64);
}

TEST_F(CliTest, BlueprintCsvHasTheBlueprintColumnsOneRowPerEntry) {
  const CliRun run = Cli({"blueprint", kNorthwind, "-o", "draft.csv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const io::CsvText csv = io::ReadCsv(ReadFile(Path("draft.csv")));
  ASSERT_THAT(csv.errors, IsEmpty());
  ASSERT_GE(csv.records.size(), 2u);
  std::vector<std::string> header;
  for (const io::CsvCell& cell : csv.records[0].cells) header.push_back(cell.text);
  EXPECT_THAT(header, ::testing::ElementsAre("name", "goal", "influence strategies",
                                             "tactics/resources", "owner", "horizon"));
  const v1::Analysis analysis = AnalysisOf(kNorthwind);
  ASSERT_EQ(csv.records.size(),
            1u + static_cast<size_t>(analysis.recommendations().blueprint_draft_size()));
  const io::CsvRecord& first = csv.records[1];
  ASSERT_EQ(first.cells.size(), 6u);
  EXPECT_EQ(first.cells[5].text, "30 days");
  EXPECT_EQ(std::count(first.cells[3].text.begin(), first.cells[3].text.end(), '\n') + 1,
            analysis.recommendations().blueprint_draft(0).tactics_size());
}

TEST_F(CliTest, BlueprintRejectsBadFlagsBeforeReading) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"blueprint", kKestrel, "--horizon", "45"},
           {"blueprint", kKestrel, "--format", "binary"},
           {"blueprint", "missing.json", "--as-of", "soon"},
       }) {
    const CliRun run = Cli(args);
    EXPECT_EQ(run.exit_code, 64) << args[2] << run.err;
    EXPECT_THAT(run.out, IsEmpty());
  }
}

// --- the examples ---

TEST_F(CliTest, ExamplesTogetherFireTheWholeCatalogue) {
  std::set<std::string> fired;
  for (const std::string& example : {kNorthwind, kKestrel}) {
    const v1::Analysis analysis = AnalysisOf(example);
    for (const v1::Finding& finding : analysis.findings()) fired.insert(finding.code());
  }
  for (const std::string& code : kCatalogue) EXPECT_TRUE(fired.contains(code)) << code;
}


// --- portfolio: many plans under shared capacity ---

TEST_F(CliTest, PortfolioReportsEveryAccountAndFitsATerminal) {
  const CliRun run = Cli({"portfolio", kNorthwind, kKestrel});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, AllOf(StartsWith("Portfolio: 2 accounts\n"), HasSubstr("Kestrel Health"),
                             HasSubstr("northwind-grid.csv"), HasSubstr("Team (effort units"),
                             HasSubstr("Patterns\n- 2 of 2 accounts")));
  for (const std::string& line : std::vector<std::string>(absl::StrSplit(run.out, '\n'))) {
    // Columns are code points: count the bytes that start one.
    const auto columns = std::count_if(line.begin(), line.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    });
    EXPECT_LE(columns, 80) << line;
  }
}

TEST_F(CliTest, PortfolioJsonIsThePortfolioMessage) {
  const CliRun run = Cli({"portfolio", kKestrel, kNorthwind, "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, AllOf(HasSubstr("\"accounts\""), HasSubstr("\"team\""),
                             HasSubstr("\"patterns\""), HasSubstr("\"meets3x3\"")));
}

TEST_F(CliTest, PortfolioCsvTablesOpenInASpreadsheet) {
  const CliRun accounts = Cli({"portfolio", kKestrel, kNorthwind, "--format", "csv"});
  ASSERT_EQ(accounts.exit_code, 0) << accounts.err;
  EXPECT_THAT(accounts.out, StartsWith("account_id,account_name,source,health,"));
  EXPECT_EQ(std::count(accounts.out.begin(), accounts.out.end(), '\n'), 3);
  const CliRun team = Cli({"portfolio", kKestrel, "--format", "csv", "--table", "team"});
  EXPECT_THAT(team.out, StartsWith("key,name,email,account_count,accounts,"));
  const CliRun misplaced = Cli({"portfolio", kKestrel, "--table", "team"});
  EXPECT_EQ(misplaced.exit_code, 64);
}

TEST_F(CliTest, PortfolioNamesEachPlanLeftOutAndKeepsTheOthers) {
  WriteFile(Path("broken.json"), "{\"persons\": [");
  const CliRun run = Cli({"portfolio", kKestrel, "broken.json", kKestrel, kNorthwind});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, StartsWith("Portfolio: 2 accounts (2 of 4 plans left out)"));
  EXPECT_THAT(run.err, AllOf(HasSubstr("broken.json: line 1"),
                             HasSubstr("account \"kestrel-health\" is already in the portfolio")));
}

// --- diff ---

const std::string kKestrelLater =
    std::string(CONTACTPLAN_SOURCE_DIR) + "/examples/kestrel-health-2024-12.json";

TEST_F(CliTest, DiffSummarisesWhatChangedSinceOld) {
  const CliRun run = Cli({"diff", kKestrel, kKestrelLater});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, IsEmpty());
  EXPECT_THAT(run.out, StartsWith("Kestrel Health Partners: what changed since " + kKestrel));
  // Losses lead: who left before the grades that fell, both before the gains.
  const size_t left = run.out.find("Who left\n  - Samuel Ng");
  const size_t fell = run.out.find("Grades that fell");
  const size_t rose = run.out.find("Grades that rose");
  ASSERT_NE(left, std::string::npos) << run.out;
  ASSERT_NE(fell, std::string::npos) << run.out;
  ASSERT_NE(rose, std::string::npos) << run.out;
  EXPECT_LT(left, fell);
  EXPECT_LT(fell, rose);
  EXPECT_THAT(run.out, HasSubstr("Blueprint overdue\n"));
  EXPECT_THAT(run.out, HasSubstr("Blueprint met\n"));
  EXPECT_THAT(Cli({"diff", "--help"}).out, StartsWith("usage: contactplan diff OLD NEW"));
}

TEST_F(CliTest, DiffWritesThePlanDiffAsJson) {
  const CliRun run = Cli({"diff", kKestrel, kKestrelLater, "--format", "json", "-o", "d.json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string json = ReadFile(Path("d.json"));
  EXPECT_THAT(json, AllOf(HasSubstr("\"personsLeft\""), HasSubstr("\"blueprintProgress\""),
                          HasSubstr("\"OVERDUE\""), HasSubstr("\"MET\"")));
}

TEST_F(CliTest, DiffOfDifferentAccountsNeedsForce) {
  WriteFile(Path("other.json"),
            R"({"account": {"id": "globex"}, "persons": [{"id": "p1"}]})");
  const CliRun refused = Cli({"diff", kKestrel, "other.json"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, AllOf(HasSubstr("\"kestrel-health\""), HasSubstr("\"globex\""),
                                 HasSubstr("--force")));
  EXPECT_THAT(refused.out, IsEmpty());
  const CliRun forced = Cli({"diff", kKestrel, "other.json", "--force"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_THAT(forced.out, HasSubstr("different accounts"));
}

TEST_F(CliTest, DiffNamesTheInvalidPlan) {
  WriteFile(Path("bad.json"), R"({"relationships": [{"teamMemberId": "x", "personId": "y"}]})");
  const CliRun old_bad = Cli({"diff", "bad.json", kKestrel});
  EXPECT_EQ(old_bad.exit_code, 2);
  EXPECT_THAT(old_bad.err, HasSubstr("OLD plan bad.json is not a valid plan"));
  const CliRun new_bad = Cli({"diff", kKestrel, "bad.json"});
  EXPECT_EQ(new_bad.exit_code, 2);
  EXPECT_THAT(new_bad.err, HasSubstr("NEW plan bad.json is not a valid plan"));
  EXPECT_EQ(Cli({"diff", kKestrel}).exit_code, 64);
}

}  // namespace
}  // namespace contactplan
