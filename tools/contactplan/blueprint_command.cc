// `contactplan blueprint`: the drafted contact blueprint of one plan for a horizon, as text for
// people, as JSON (a plan holding only the blueprint, ready to merge into the plan) or as CSV with
// the blueprint's columns for a spreadsheet.
#include <string>

#include "absl/strings/str_cat.h"
#include "analysis_flags.h"
#include "cli_io.h"
#include "command.h"
#include "contactplan/plan_io.h"
#include "contactplan/render.h"
#include "flags.h"
#include "view_output.h"

namespace contactplan::cli {
namespace {

// The text is laid out at 100 columns whatever the terminal: the command has no --width.
constexpr int kTextWidth = 100;

// --format, else from the extension of --output (.json, .csv), else text.
Outcome<std::string> BlueprintFormat(const Flag& format, const Flag& output) {
  if (format.given() || !WritesFile(output)) return Choice(format, {"text", "json", "csv"}, "text");
  switch (PlanFormatFromPath(output.value()).value_or(PlanFormat::kText)) {
    case PlanFormat::kJson: return std::string("json");
    case PlanFormat::kCsvGrid: return std::string("csv");
    default: return std::string("text");
  }
}

// The draft as text or as the CSV sheet, from the render stage.
Outcome<std::string> LaidOutDraft(const AnalyzedPlan& analyzed, BlueprintLayout layout,
                                  const Flag& options_flag) {
  Outcome<RenderOptions> options = ViewOptions(analyzed, kTextWidth, options_flag);
  if (!options.ok()) return options.error();
  absl::StatusOr<std::string> bytes =
      RenderBlueprintDraft(analyzed.loaded.plan, analyzed.analysis, layout, *options);
  if (!bytes.ok()) {
    return CommandError{kExitSoftware, absl::StrCat("internal error laying out the draft: ",
                                                    bytes.status().ToString())};
  }
  return *std::move(bytes);
}

int RunBlueprint(const Invocation& invocation) {
  FlagSet flags;
  const Flag& format_flag = flags.Value(
      {"--format"}, "FORMAT",
      "text (default), json (a plan holding only the drafted blueprint: 'contactplan merge PLAN "
      "DRAFT' adds it to the plan) or "
      "csv (name, goal, influence strategies, tactics/resources, owner, horizon); default from the "
      "extension of --output, else text");
  const Flag& output = DeclareOutput(flags);
  const Flag& input_format = DeclareInputFormat(flags);
  const AnalysisFlags analysis_flags = DeclareAnalysisFlags(flags);
  const Flag& options_flag = DeclareOptions(flags);
  if (auto stop = flags.Parse(invocation, 1, 1)) return *stop;

  // Every flag is checked before any input is read, so a usage error never costs a parse.
  Outcome<std::string> format = BlueprintFormat(format_flag, output);
  if (!format.ok()) return Report(invocation, format.error());
  Outcome<v1::AnalysisOptions> analysis_options = AnalysisOptionsFrom(analysis_flags);
  if (!analysis_options.ok()) return Report(invocation, analysis_options.error());

  Outcome<AnalyzedPlan> analyzed = LoadAndAnalyze(invocation, flags.positional()[0], input_format,
                                                  options_flag, *analysis_options);
  if (!analyzed.ok()) return Report(invocation, analyzed.error());
  std::string bytes;
  if (*format == "json") {
    v1::Plan fragment;
    *fragment.mutable_blueprint() = analyzed->analysis.recommendations().blueprint_draft();
    absl::StatusOr<std::string> written = WritePlan(fragment, PlanFormat::kJson);
    if (!written.ok()) {
      return Report(invocation, CommandError{kExitSoftware,
                                             absl::StrCat("internal error writing the draft: ",
                                                          written.status().ToString())});
    }
    bytes = *std::move(written);
  } else {
    Outcome<std::string> laid_out = LaidOutDraft(
        *analyzed, *format == "csv" ? BlueprintLayout::kCsv : BlueprintLayout::kText, options_flag);
    if (!laid_out.ok()) return Report(invocation, laid_out.error());
    bytes = *std::move(laid_out);
  }
  if (auto error = Emit(invocation, output, bytes)) return Report(invocation, *error);
  return kExitOk;
}

}  // namespace

extern const Command kBlueprintCommand = {
    .name = "blueprint",
    .synopsis = "PLAN [flags]",
    .summary = "Draft the contact blueprint: for each key intersection of the horizon, the owner, "
               "the goal, the influence strategies and tactics that build the relationship.",
    .details =
        "PLAN is a path ('-' for stdin). The draft is the one `contactplan analyze` reports: one\n"
        "entry per key intersection, its goal one grade up, and two or three tactics that each pass\n"
        "at least two of the three relationship tests. JSON output is a plan holding only the\n"
        "`blueprint`, to merge into the plan once the team agrees with it.\n\n"
        "examples:\n"
        "  contactplan blueprint examples/kestrel-health.json --horizon 60\n"
        "  contactplan blueprint plan.json --format csv -o blueprint.csv\n"
        "  contactplan blueprint plan.json --format json > draft.json\n",
    .run = &RunBlueprint,
};

}  // namespace contactplan::cli
