// `contactplan portfolio`: many plans analysed together, key intersections planned under the team's
// shared capacity (docs/portfolio.md).
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "analysis_flags.h"
#include "cli_io.h"
#include "command.h"
#include "contactplan/engine.h"
#include "contactplan/portfolio.h"
#include "contactplan/render.h"
#include "flags.h"

namespace contactplan::cli {
namespace {

int RunPortfolio(const Invocation& invocation) {
  FlagSet flags;
  const Flag& format_flag =
      flags.Value({"--format"}, "FORMAT",
                  "text (a report for people; default), json (the Portfolio message in protobuf "
                  "JSON), csv (one "
                  "table for a spreadsheet, see --table) or binary (the Portfolio message)");
  const Flag& table_flag = flags.Value(
      {"--table"}, "TABLE", "with --format csv: accounts (default), team, patterns or unstaffed");
  const Flag& output = DeclareOutput(flags);
  const Flag& input_format = DeclareInputFormat(flags);
  const AnalysisFlags analysis_flags = DeclareAnalysisFlags(flags);
  const Flag& options_flag = DeclareOptions(flags);
  if (auto stop = flags.Parse(invocation, 1, SIZE_MAX)) return *stop;

  Outcome<std::string> format = Choice(format_flag, {"text", "json", "csv", "binary"}, "text");
  if (!format.ok()) return Report(invocation, format.error());
  Outcome<std::string> table_name =
      Choice(table_flag, {"accounts", "team", "patterns", "unstaffed"}, "accounts");
  if (!table_name.ok()) return Report(invocation, table_name.error());
  if (table_flag.given() && *format != "csv") {
    return Report(invocation, UsageError("--table only applies to --format csv"));
  }
  Outcome<v1::AnalysisOptions> analysis_options = AnalysisOptionsFrom(analysis_flags);
  if (!analysis_options.ok()) return Report(invocation, analysis_options.error());
  Outcome<v1::EngineOptions> options = LoadEngineOptions(options_flag);
  if (!options.ok()) return Report(invocation, options.error());
  absl::StatusOr<Engine> engine = Engine::Create(*options);
  if (!engine.ok()) {
    return Report(invocation,
                  InvalidInput(absl::StrCat(options_flag.given() ? options_flag.value() : "options",
                                            ": ", engine.status().message())));
  }

  // An unreadable plan is the portfolio's problem to report, not the end of the run.
  std::vector<PortfolioPlan> plans;
  plans.reserve(flags.positional().size());
  for (const std::string& path : flags.positional()) {
    Outcome<LoadedPlan> loaded = LoadPlan(invocation, path, input_format, options->limits());
    if (!loaded.ok()) {
      if (loaded.error().exit_code == kExitUsage) return Report(invocation, loaded.error());
      plans.push_back({path, absl::InvalidArgumentError(loaded.error().message)});
      continue;
    }
    plans.push_back({loaded->origin, std::move(loaded->plan)});
  }
  absl::StatusOr<v1::Portfolio> portfolio = BuildPortfolio(*engine, plans, *analysis_options);
  if (!portfolio.ok()) {
    return Report(invocation, InvalidInput(std::string(portfolio.status().message())));
  }

  std::string bytes;
  if (*format == "text") {
    bytes = PortfolioReport(*portfolio);
  } else if (*format == "csv") {
    bytes = PortfolioCsv(*portfolio, *PortfolioTableFromName(*table_name));
  } else {
    absl::StatusOr<std::string> written =
        WritePortfolio(*portfolio, *format == "json" ? PlanFormat::kJson : PlanFormat::kBinary);
    if (!written.ok()) {
      return Report(invocation, CommandError{kExitSoftware,
                                             absl::StrCat("internal error writing the portfolio: ",
                                                          written.status().message())});
    }
    bytes = *std::move(written);
  }
  if (auto error = Emit(invocation, output, bytes)) return Report(invocation, *error);

  // Each plan left out is named after the portfolio of the others is written.
  int exit_code = kExitOk;
  for (const v1::PlanProblem& problem : portfolio->problems()) {
    exit_code = Report(invocation, InvalidInput(problem.message()));
  }
  return exit_code;
}

}  // namespace

extern const Command kPortfolioCommand = {
    .name = "portfolio",
    .synopsis = "PLAN... [flags]",
    .summary =
        "Analyse many accounts together: a row per account and per team member across them, "
        "patterns, and key intersections planned under the team's shared capacity.",
    .details =
        "Each PLAN is a path ('-' for stdin). Team members are matched across plans by email, "
        "else\n"
        "by id; a member's capacity is the smallest any plan states (docs/portfolio.md). A plan "
        "that\n"
        "cannot be read, is invalid or repeats an account is left out and named on stderr (exit "
        "code\n"
        "2); the others are still analysed and written (to -o FILE too).\n\n"
        "examples:\n"
        "  contactplan portfolio plans/*.json\n"
        "  contactplan portfolio plans/*.json --format csv --table team -o team.csv\n",
    .run = &RunPortfolio,
};

}  // namespace contactplan::cli
