// `contactplan validate`: checks plans without analysing them.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli_io.h"
#include "command.h"
#include "contactplan/validation.h"
#include "flags.h"
#include "text_layout.h"

namespace contactplan::cli {
namespace {

int RunValidate(const Invocation& invocation) {
  FlagSet flags;
  const Flag& input_format = DeclareInputFormat(flags);
  const Flag& options_flag = DeclareOptions(flags);
  if (auto stop = flags.Parse(invocation, 1, SIZE_MAX)) return *stop;
  Outcome<v1::EngineOptions> options = LoadEngineOptions(options_flag);
  if (!options.ok()) return Report(invocation, options.error());

  // Every plan is checked even after a bad one, so one run lists all that need fixing.
  int exit_code = kExitOk;
  for (const std::string& path : flags.positional()) {
    Outcome<LoadedPlan> loaded = LoadPlan(invocation, path, input_format, options->limits());
    if (!loaded.ok()) {
      if (loaded.error().exit_code == kExitUsage) return Report(invocation, loaded.error());
      exit_code = Report(invocation, loaded.error());
      continue;
    }
    const v1::Plan& plan = loaded->plan;
    const std::vector<ValidationProblem> problems = ValidatePlan(plan, options->limits());
    if (!problems.empty()) {
      exit_code = Report(invocation, InvalidPlan(loaded->origin, problems));
      continue;
    }
    invocation.out << "ok: " << loaded->origin << " is a valid plan ("
                   << Count(plan.persons_size(), "person", "persons") << ", "
                   << Count(plan.team_members_size(), "team member", "team members") << ", "
                   << Count(plan.relationships_size(), "relationship", "relationships") << ")\n";
  }
  return exit_code;
}

}  // namespace

extern const Command kValidateCommand = {
    .name = "validate",
    .synopsis = "PLAN... [flags]",
    .summary = "Check plans: ids, references, the org chart, value ranges and limits. Prints every "
               "problem with its field path; exit code 2 when a plan is invalid.",
    .details = "PLAN is a path ('-' for stdin). --options applies its limits.\n",
    .run = &RunValidate,
};

}  // namespace contactplan::cli
