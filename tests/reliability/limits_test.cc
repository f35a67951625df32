// The limits of EngineOptions.limits, through the C ABI and the command line: each is enforced with
// its own error naming it, a plan exactly at a limit passes, and an input over max_input_bytes is
// refused before it is parsed (garbage over the limit gives the limit error, not a parse error).
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "capi_handles.h"
#include "contactplan/contactplan.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "subprocess.h"

namespace contactplan::testing {
namespace {

using ::testing::HasSubstr;

constexpr size_t kMaxInputBytes = 200;

std::string InputLimitOptions() {
  return absl::StrCat(R"({"limits": {"maxInputBytes": ")", kMaxInputBytes, R"("}})");
}

// A valid JSON plan of exactly `size` bytes (spaces pad it).
std::string JsonPlanOfSize(size_t size) {
  std::string plan = R"({"persons": [{"id": "p-1", "name": "Ada Berg"}]})";
  plan.resize(size, ' ');
  return plan;
}

TEST(InputLimitTest, CApiReadsAPlanAtTheLimitAndRefusesOneByteMoreUnparsed) {
  const EnginePtr engine = MakeEngine(InputLimitOptions());
  const std::string at_limit = JsonPlanOfSize(kMaxInputBytes);
  for (const CallResult& call : ThroughEveryEntryPoint(engine.get(), at_limit, CPLAN_FORMAT_JSON)) {
    EXPECT_EQ(call.status, CPLAN_OK) << call.message;
  }

  // One byte over, as JSON and as bytes that are no JSON at all: only a check made before parsing
  // gives the limit error for the second.
  for (const std::string& over :
       {JsonPlanOfSize(kMaxInputBytes + 1), std::string(kMaxInputBytes + 1, '\xff')}) {
    for (const CallResult& call : ThroughEveryEntryPoint(engine.get(), over, CPLAN_FORMAT_JSON)) {
      EXPECT_EQ(call.status, CPLAN_LIMIT_EXCEEDED) << call.message;
      EXPECT_THAT(call.message, HasSubstr("201 bytes, over limits.max_input_bytes (200)"));
      EXPECT_TRUE(call.output_cleared);
    }
  }
}

TEST(InputLimitTest, CommandLineReadsAFileAtTheLimitAndRefusesOneByteMoreUnread) {
  const ScratchDir dir;
  WriteFileBytes(dir.File("options.json"), InputLimitOptions());
  WriteFileBytes(dir.File("at_limit.json"), JsonPlanOfSize(kMaxInputBytes));
  WriteFileBytes(dir.File("over.json"), JsonPlanOfSize(kMaxInputBytes + 1));
  WriteFileBytes(dir.File("garbage.json"), std::string(kMaxInputBytes + 1, '\xff'));
  const std::string options = "--options=" + dir.File("options.json");

  for (const char* command : {"validate", "analyze"}) {
    SCOPED_TRACE(command);
    const ProcessResult at_limit =
        RunProcess({CONTACTPLAN_CLI, command, options, dir.File("at_limit.json")});
    EXPECT_EQ(at_limit.exit_code, 0) << at_limit.err;
    for (const char* file : {"over.json", "garbage.json"}) {
      const ProcessResult over = RunProcess({CONTACTPLAN_CLI, command, options, dir.File(file)});
      EXPECT_EQ(over.exit_code, 2);
      EXPECT_THAT(over.err, HasSubstr("the input is 201 bytes, over the limit of 200 bytes "
                                      "(limits.max_input_bytes) and is not read"));
    }
    // Standard input has no size up front: it is read up to the limit and no further.
    const ProcessResult piped =
        RunProcess({CONTACTPLAN_CLI, command, options, "-"},
                   {.stdin_path = dir.File("over.json"), .environment = {}});
    EXPECT_EQ(piped.exit_code, 2);
    EXPECT_THAT(piped.err, HasSubstr("<stdin>: the input is over the limit of 200 bytes "
                                     "(limits.max_input_bytes)"));
  }
}

// One limit: the option that sets it, a plan of `size` elements of what it counts (in text format),
// and the words of its error.
struct CountLimit {
  const char* option;
  std::function<std::string(int)> plan_of_size;
  const char* error;
};

void PrintTo(const CountLimit& limit, std::ostream* os) { *os << limit.option; }

std::string Repeated(int count, const std::function<std::string(int)>& element) {
  std::string text;
  for (int i = 1; i <= count; ++i) absl::StrAppend(&text, element(i), "\n");
  return text;
}

std::string Persons(int count) {
  return Repeated(count, [](int i) { return absl::StrCat(R"(persons { id: "p-)", i, R"(" })"); });
}

std::string TeamMembers(int count) {
  return Repeated(count,
                  [](int i) { return absl::StrCat(R"(team_members { id: "t-)", i, R"(" })"); });
}

std::vector<CountLimit> CountLimits() {
  return {
      {"maxPersons", Persons, "(limits.max_persons)"},
      {"maxTeamMembers", TeamMembers, "(limits.max_team_members)"},
      {"maxRelationships",
       [](int n) {
         return TeamMembers(1) + Persons(n) + Repeated(n, [](int i) {
                  return absl::StrCat(R"(relationships { team_member_id: "t-1" person_id: "p-)", i,
                                      R"(" grade: OPEN })");
                });
       },
       "(limits.max_relationships)"},
      {"maxHistoryEntries",
       [](int n) {
         return TeamMembers(1) + Persons(1) +
                R"(relationships { team_member_id: "t-1" person_id: "p-1" )" +
                Repeated(n,
                         [](int i) {
                           return absl::StrCat("history { grade: SATISFIED at { seconds: ", i,
                                               " } }");
                         }) +
                "}";
       },
       "(limits.max_history_entries)"},
      {"maxHistoryEntries",
       [](int n) {
         return absl::StrCat(
             R"(persons { id: "p-1" )",
             Repeated(n, [](int i) { return absl::StrCat("nps_answers { score: ", i % 10, " }"); }),
             "}");
       },
       "(limits.max_history_entries)"},
      {"maxStringBytes",
       [](int n) { return absl::StrCat(R"(account { name: ")", std::string(n, 'x'), R"(" })"); },
       "(limits.max_string_bytes)"},
      {"maxOrgChartDepth",
       [](int n) {
         return Repeated(n, [](int i) {
           return i == 1 ? std::string(R"(persons { id: "p-1" })")
                         : absl::StrCat(R"(persons { id: "p-)", i, R"(" reports_to_id: "p-)", i - 1,
                                        R"(" })");
         });
       },
       "(limits.max_org_chart_depth)"},
      {"maxOpportunities",
       [](int n) {
         return Repeated(
             n, [](int i) { return absl::StrCat(R"(opportunities { id: "o-)", i, R"(" })"); });
       },
       "(limits.max_opportunities)"},
      {"maxBlueprintEntries",
       [](int n) {
         return TeamMembers(1) + Persons(n) + Repeated(n, [](int i) {
                  return absl::StrCat(R"(blueprint { team_member_id: "t-1" person_id: "p-)", i,
                                      R"(" goal { grade: SATISFIED } })");
                });
       },
       "(limits.max_blueprint_entries)"},
      // The lists no other limit caps: totals over the plan, and short enum lists per element.
      {"maxParticipants",
       [](int n) {
         // Spread over two opportunities: the limit counts them all together.
         return Persons(n) +
                absl::StrCat(R"(opportunities { id: "o-1" )", Repeated(n / 2, [](int i) {
                               return absl::StrCat(R"(participants { person_id: "p-)", i, R"(" })");
                             }),
                             "}\n", R"(opportunities { id: "o-2" )",
                             Repeated(n - n / 2,
                                      [n](int i) {
                                        return absl::StrCat(R"(participants { person_id: "p-)",
                                                            n / 2 + i, R"(" })");
                                      }),
                             "}");
       },
       "(limits.max_participants)"},
      {"maxTactics",
       [](int n) {
         const auto tactics = [](int count) {
           return Repeated(count, [](int) { return std::string(R"(tactics { description: "a" })"); });
         };
         return TeamMembers(2) + Persons(2) +
                absl::StrCat(R"(blueprint { team_member_id: "t-1" person_id: "p-1" )",
                             tactics(n / 2), "}\n",
                             R"(blueprint { team_member_id: "t-2" person_id: "p-2" )",
                             tactics(n - n / 2), "}");
       },
       "(limits.max_tactics)"},
      {"maxDetails",
       [](int n) {
         // NPS answers, influence links and grade history together.
         return TeamMembers(1) +
                absl::StrCat(R"(persons { id: "p-1" )", Repeated(n / 2, [](int i) {
                               return absl::StrCat("nps_answers { score: ", i % 10, " }");
                             }),
                             "}\n", R"(persons { id: "p-2" influences { person_id: "p-1" } })",
                             "\n", R"(relationships { team_member_id: "t-1" person_id: "p-1" )",
                             Repeated(n - n / 2 - 1,
                                      [](int i) {
                                        return absl::StrCat(
                                            "history { grade: SATISFIED at { seconds: ", i, " } }");
                                      }),
                             "}");
       },
       "(limits.max_details)"},
      {"maxBuyerRoles",
       [](int n) {
         return absl::StrCat(R"(persons { id: "p-1" )",
                             Repeated(n, [](int i) {
                               return absl::StrCat("buyer_roles: ", 1 + i % 4);
                             }),
                             "}");
       },
       "(limits.max_buyer_roles)"},
      {"maxStrategies",
       [](int n) {
         return TeamMembers(1) + Persons(1) +
                absl::StrCat(R"(blueprint { team_member_id: "t-1" person_id: "p-1" )",
                             Repeated(n, [](int i) { return absl::StrCat("strategies: ", 1 + i % 4); }),
                             "}");
       },
       "(limits.max_strategies)"},
  };
}

class CountLimitTest : public ::testing::TestWithParam<CountLimit> {};

TEST_P(CountLimitTest, APlanAtTheLimitPassesAndOneMoreIsRefusedNamingTheLimit) {
  constexpr int kLimit = 5;
  const CountLimit& limit = GetParam();
  const EnginePtr engine =
      MakeEngine(absl::StrCat(R"({"limits": {")", limit.option, R"(": )", kLimit, "}}"));

  const CallResult at_limit = Validate(engine.get(), limit.plan_of_size(kLimit), CPLAN_FORMAT_TEXT);
  EXPECT_EQ(at_limit.status, CPLAN_OK) << at_limit.message;

  const std::string over = limit.plan_of_size(kLimit + 1);
  for (const CallResult& call : ThroughEveryEntryPoint(engine.get(), over, CPLAN_FORMAT_TEXT)) {
    EXPECT_EQ(call.status, CPLAN_LIMIT_EXCEEDED) << call.message;
    EXPECT_THAT(call.message,
                HasSubstr(absl::StrCat("exceed the limit of ", kLimit, " ", limit.error)));
  }
}

std::string LimitName(const ::testing::TestParamInfo<CountLimit>& limit) {
  return absl::StrCat(limit.param.option, limit.index);
}

INSTANTIATE_TEST_SUITE_P(EveryLimit, CountLimitTest, ::testing::ValuesIn(CountLimits()), LimitName);

}  // namespace
}  // namespace contactplan::testing
