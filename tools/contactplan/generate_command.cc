// `contactplan generate`: a synthetic plan of any size, the same bytes for the same flags, for trying
// the engine out, for load tests and for reproducing the benchmarks (src/generate).
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "cli_io.h"
#include "command.h"
#include "contactplan/plan_generator.h"
#include "contactplan/plan_io.h"
#include "contactplan/validation.h"
#include "flags.h"
#include "text_layout.h"

namespace contactplan::cli {
namespace {

// A whole number for `flag`, or a usage error naming it: digits after an optional '-', nothing else
// (no spaces, '+', hex or exponent). Ranges are CheckGeneratorOptions's job; a number that does not
// fit `Int` at all (or a minus sign on the seed) gets its words here, with `max` as the bound.
template <typename Int>
std::optional<CommandError> ReadNumber(const Flag& flag, std::type_identity_t<Int> max, Int& into) {
  if (!flag.given()) return std::nullopt;
  const std::string& text = flag.value();
  std::string_view digits = text;
  if (digits.starts_with('-')) digits.remove_prefix(1);
  if (digits.empty() || !absl::c_all_of(digits, absl::ascii_isdigit)) {
    return UsageError(absl::StrCat(flag.name(), ": expected a whole number, got \"", text, "\""));
  }
  Int value{};
  const char* const end = text.data() + text.size();
  if (const auto [stop, error] = std::from_chars(text.data(), end, value);
      error == std::errc() && stop == end) {
    into = value;
    return std::nullopt;
  }
  return UsageError(absl::StrCat(flag.name(), ": must be between 0 and ", max, ", got ", text));
}

// The library's message about its options, in the command line's words: "team_members: must be
// between 0 and 100000, got -1" becomes "--team: must be ...".
std::string FlagWords(std::string_view message) {
  static constexpr std::pair<std::string_view, std::string_view> kFlags[] = {
      {"persons", "--persons"},
      {"team_members", "--team"},
      {"opportunities", "--opportunities"},
      {"relationships", "--relationships"},
      {"blueprint_entries", "--blueprint-entries"}};
  std::string words(message);
  for (const auto& [option, flag] : kFlags) {
    if (absl::StartsWith(words, Sv(option))) {
      words.replace(0, option.size(), flag);
      break;
    }
  }
  return absl::StrReplaceAll(words, {{"persons x team_members", "--persons x --team"}});
}

int RunGenerate(const Invocation& invocation) {
  FlagSet flags;
  const generate::GeneratorOptions typical = generate::TypicalPlanOptions();
  const Flag& persons = flags.Value(
      {"--persons"}, "N",
      absl::StrCat("client persons, 0 to ", generate::kMaxPersons, " (default ", typical.persons,
                   ")"));
  const Flag& team = flags.Value(
      {"--team"}, "M",
      absl::StrCat("members of our team, 0 to ", generate::kMaxTeamMembers, " (default ",
                   typical.team_members, ")"));
  const Flag& seed = flags.Value(
      {"--seed"}, "S",
      absl::StrCat("any whole number from 0 up; the same seed and sizes give the same plan "
                   "(default ", typical.seed, ")"));
  const Flag& opportunities = flags.Value(
      {"--opportunities"}, "K",
      absl::StrCat("opportunities, the first one open, 0 to ", generate::kMaxOpportunities,
                   " (default ", typical.opportunities, ")"));
  const Flag& relationships = flags.Value(
      {"--relationships"}, "R",
      "intersections on the contact map, at most N x M (default: what a map of this size usually "
      "has, e.g. 60 for 25 x 8)");
  const Flag& blueprint = flags.Value(
      {"--blueprint-entries"}, "B",
      "blueprint entries, at most R (default: about 1.25 per team member, e.g. 10 for a team of "
      "8)");
  const Flag& to = flags.Value({"--to"}, "FORMAT",
                               "output format: binary, json or text (default: from the "
                               "extension of --output, else json)");
  const Flag& output = DeclareOutput(flags);
  if (auto stop = flags.Parse(invocation, 0, 0)) return *stop;

  generate::GeneratorOptions options = typical;
  options.relationships = -1;
  options.blueprint_entries = -1;
  for (const std::optional<CommandError>& error :
       {ReadNumber(persons, generate::kMaxPersons, options.persons),
        ReadNumber(team, generate::kMaxTeamMembers, options.team_members),
        ReadNumber(seed, std::numeric_limits<uint64_t>::max(), options.seed),
        ReadNumber(opportunities, generate::kMaxOpportunities, options.opportunities),
        ReadNumber(relationships, generate::kMaxRelationships, options.relationships),
        ReadNumber(blueprint, generate::kMaxBlueprintEntries, options.blueprint_entries)}) {
    if (error) return Report(invocation, *error);
  }
  // Negative counts mean "the default" inside the library; on the command line they are mistakes.
  if (relationships.given() && options.relationships < 0) {
    return Report(invocation, UsageError("--relationships: must be 0 or more"));
  }
  if (blueprint.given() && options.blueprint_entries < 0) {
    return Report(invocation, UsageError("--blueprint-entries: must be 0 or more"));
  }
  if (absl::Status valid = generate::CheckGeneratorOptions(options); !valid.ok()) {
    return Report(invocation, UsageError(FlagWords(std::string(valid.message()))));
  }
  // JSON when nothing says otherwise: binary is no use on a terminal.
  Outcome<PlanFormat> format =
      OutputPlanFormat(to, output, {"binary", "json", "text"}, PlanFormat::kJson);
  if (!format.ok()) return Report(invocation, format.error());
  if (*format == PlanFormat::kCsvGrid) {
    // The grid derives ids from names; generated ids ("p-1", "t-1") and repeated names cannot
    // survive it, and a grid that came back as a different plan would defeat the point.
    return Report(invocation,
                  UsageError("a generated plan cannot be written as a CSV grid (the grid derives "
                             "ids from names; generated plans use ids such as \"p-1\" and may "
                             "repeat names): write binary, json or text"));
  }

  const v1::Plan plan = generate::GeneratePlan(options);
  // The generator promises a valid plan; if it ever breaks that promise, say so rather than hand
  // out a plan the engine would refuse.
  if (std::vector<ValidationProblem> problems = ValidatePlan(plan); !problems.empty()) {
    return Report(invocation,
                  CommandError{kExitSoftware,
                               absl::StrCat("internal error: the generated plan is invalid (",
                                            problems.front().path, ": ",
                                            problems.front().message, ")")});
  }
  absl::StatusOr<std::string> bytes = WritePlan(plan, *format);
  if (!bytes.ok()) {
    return Report(invocation,
                  CommandError{kExitSoftware,
                               absl::StrCat("internal error: cannot write the generated plan as ",
                                            Sv(PlanFormatName(*format)), ": ",
                                            std::string(bytes.status().message()))});
  }
  if (auto error = Emit(invocation, output, *bytes)) return Report(invocation, *error);
  return kExitOk;
}

}  // namespace

extern const Command kGenerateCommand = {
    .name = "generate",
    .synopsis = "[--persons N] [--team M] [--seed S] [--opportunities K] [flags]",
    .summary = "Write a synthetic plan of any size: the same flags always give the same plan.",
    .details =
        "The plan looks like a real account: an org chart, buyer roles, a sparse contact map with "
        "a\nrealistic grade mix, opportunities with buying groups and a blueprint, all dated "
        "relative to\n2025-01-01. It is always valid. With no flags: the typical plan the "
        "benchmarks use (25\npersons, 8 team members, 60 relationships, 1 opportunity, 10 "
        "blueprint entries).\n\n"
        "Output: stdout unless -o names a file; the format --to names, else the one the extension "
        "of\n-o names, else JSON. Never a CSV grid: the grid derives ids from names, and generated "
        "plans\nuse ids such as \"p-1\".\n\n"
        "examples:\n"
        "  contactplan generate > typical.json\n"
        "  contactplan generate --persons 10000 --team 500 --seed 7 -o large.binpb\n"
        "  contactplan generate --persons 40 --team 6 | contactplan analyze -\n",
    .run = &RunGenerate,
};

}  // namespace contactplan::cli
