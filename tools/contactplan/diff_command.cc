// `contactplan diff`: what changed in an account between two plans of it (docs/diff.md).
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "analysis_flags.h"
#include "cli_io.h"
#include "command.h"
#include "contactplan/engine.h"
#include "contactplan/plan_diff.h"
#include "contactplan/render.h"
#include "contactplan/validation.h"
#include "flags.h"

namespace contactplan::cli {
namespace {

int RunDiff(const Invocation& invocation) {
  FlagSet flags;
  const Flag& format_flag = flags.Value(
      {"--format"}, "FORMAT",
      "text (a summary for people; default), json (the PlanDiff message in protobuf JSON) or "
      "binary (the PlanDiff message)");
  const Flag& force =
      flags.Switch({"--force"}, "compare the plans even when they name different accounts");
  const Flag& output = DeclareOutput(flags);
  const Flag& input_format = DeclareInputFormat(flags);
  const AnalysisFlags analysis_flags = DeclareAnalysisFlags(flags);
  const Flag& options_flag = DeclareOptions(flags);
  if (auto stop = flags.Parse(invocation, 2, 2)) return *stop;

  Outcome<std::string> format = Choice(format_flag, {"text", "json", "binary"}, "text");
  if (!format.ok()) return Report(invocation, format.error());
  Outcome<v1::AnalysisOptions> analysis_options = AnalysisOptionsFrom(analysis_flags);
  if (!analysis_options.ok()) return Report(invocation, analysis_options.error());
  Outcome<v1::EngineOptions> options = LoadEngineOptions(options_flag);
  if (!options.ok()) return Report(invocation, options.error());
  Outcome<Engine> engine = MakeEngine(*options, options_flag);
  if (!engine.ok()) return Report(invocation, engine.error());

  // Both plans are read and checked before anything is compared; each error says which one.
  const std::string& old_path = flags.positional()[0];
  const std::string& new_path = flags.positional()[1];
  if (old_path == "-" && new_path == "-") {
    return Report(invocation, UsageError("OLD and NEW cannot both be '-': stdin holds one plan"));
  }
  Outcome<LoadedPlan> old_plan = LoadPlan(invocation, old_path, input_format, options->limits());
  if (!old_plan.ok()) return Report(invocation, old_plan.error());
  Outcome<LoadedPlan> new_plan = LoadPlan(invocation, new_path, input_format, options->limits());
  if (!new_plan.ok()) return Report(invocation, new_plan.error());
  for (const LoadedPlan* loaded : {&*old_plan, &*new_plan}) {
    const std::vector<ValidationProblem> problems = ValidatePlan(loaded->plan, options->limits());
    if (!problems.empty()) {
      const char* which = loaded == &*old_plan ? "OLD" : "NEW";
      return Report(invocation,
                    InvalidPlan(absl::StrCat(which, " plan ", loaded->origin), problems));
    }
  }

  DiffOptions diff_options;
  diff_options.force = force.given();
  diff_options.analysis = *analysis_options;
  absl::StatusOr<v1::PlanDiff> diff =
      DiffPlans(*engine, old_plan->plan, new_plan->plan, diff_options);
  if (!diff.ok()) {
    std::string message(diff.status().message());
    if (diff.status().code() == absl::StatusCode::kFailedPrecondition) {
      message = absl::StrCat(old_plan->origin, " and ", new_plan->origin, ": ", message,
                             "; pass --force to compare them anyway");
    }
    return Report(invocation, InvalidInput(std::move(message)));
  }

  std::string bytes;
  if (*format == "text") {
    bytes = PlanDiffReport(*diff, old_plan->origin);
  } else {
    absl::StatusOr<std::string> written =
        WritePlanDiff(*diff, *format == "json" ? PlanFormat::kJson : PlanFormat::kBinary);
    if (!written.ok()) {
      return Report(invocation,
                    CommandError{kExitSoftware, absl::StrCat("internal error writing the diff: ",
                                                             written.status().message())});
    }
    bytes = *std::move(written);
  }
  if (auto error = Emit(invocation, output, bytes)) return Report(invocation, *error);
  return kExitOk;
}

}  // namespace

extern const Command kDiffCommand = {
    .name = "diff",
    .synopsis = "OLD NEW [flags]",
    .summary =
        "What changed in an account since an earlier plan: who left, grades that fell or "
        "rose, health and web before and after, and how OLD's blueprint went.",
    .details =
        "OLD and NEW are two plans of one account (paths, '-' for stdin in one of them). Ids\n"
        "decide identity: a renamed person is a change, not a removal. Plans naming different\n"
        "accounts are refused (exit code 2) unless --force. --as-of sets NEW's now (who has left,\n"
        "which blueprint entries are overdue); OLD is read at its own as-of (docs/diff.md).\n\n"
        "examples:\n"
        "  contactplan diff kestrel-2024-10.json kestrel-2024-12.json\n"
        "  contactplan diff old.json new.json --format json -o changes.json\n",
    .run = &RunDiff,
};

}  // namespace contactplan::cli
