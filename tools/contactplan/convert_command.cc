// `contactplan convert`: any plan format to any other (binary, JSON, text format, CSV grid).
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli_io.h"
#include "command.h"
#include "contactplan/plan_io.h"
#include "contactplan/validation.h"
#include "flags.h"
#include "text_layout.h"

namespace contactplan::cli {
namespace {

int RunConvert(const Invocation& invocation) {
  FlagSet flags;
  const Flag& input_format = DeclareInputFormat(flags);
  const Flag& to = DeclarePlanFormat(flags, {"binary", "json", "text", "csv"});
  const Flag& output = DeclareOutput(flags);
  if (auto stop = flags.Parse(invocation, 1, 1)) return *stop;
  // Binary never goes to stdout unless asked for by name: without -o FILE, --to is required.
  Outcome<PlanFormat> format =
      OutputPlanFormat(to, output, {"binary", "json", "text", "csv"}, std::nullopt);
  if (!format.ok()) return Report(invocation, format.error());

  Outcome<LoadedPlan> loaded = LoadPlan(invocation, flags.positional()[0], input_format);
  if (!loaded.ok()) return Report(invocation, loaded.error());
  // An invalid plan is never written: converting must not spread a broken file.
  if (auto problems = ValidatePlan(loaded->plan); !problems.empty()) {
    return Report(invocation, InvalidPlan(loaded->origin, problems));
  }
  return EmitPlanAndExit(invocation, output, loaded->plan, *format, loaded->origin);
}

}  // namespace

extern const Command kConvertCommand = {
    .name = "convert",
    .synopsis = "PLAN (-o FILE | --to FORMAT) [flags]",
    .summary = "Convert a plan between binary, JSON, text format and the CSV contact map grid.",
    .details =
        "PLAN is a path ('-' for stdin). The plan is validated first; an invalid plan is reported "
        "and\nnothing is written. The CSV grid holds only the contact map: converting a plan "
        "with more\nto CSV writes the map and notes on stderr what was left out.\n\n"
        "examples:\n"
        "  contactplan convert examples/northwind-grid.csv -o northwind.json\n"
        "  contactplan convert plan.json --to binary > plan.binpb\n",
    .run = &RunConvert,
};

}  // namespace contactplan::cli
