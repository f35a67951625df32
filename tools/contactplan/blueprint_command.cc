// `contactplan blueprint`: the drafted contact blueprint of one plan for a horizon, as text for
// people, as JSON (a plan holding only the blueprint, ready to merge into the plan) or as CSV with
// the blueprint's columns for a spreadsheet.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "analysis_flags.h"
#include "cli_io.h"
#include "command.h"
#include "contactplan/plan_io.h"
#include "flags.h"
#include "io/csv_writer.h"
#include "model/plan_index.h"
#include "render/detailed_report.h"
#include "render/plan_labels.h"

namespace contactplan::cli {
namespace {

using render::BlueprintDraftText;
using render::EnumWords;
using render::GradeWords;
using render::MemberLabel;
using render::PersonLabel;

// --format, else from the extension of --output (.json, .csv), else text.
Outcome<std::string> BlueprintFormat(const Flag& format, const Flag& output) {
  if (format.given() || !WritesFile(output)) return Choice(format, {"text", "json", "csv"}, "text");
  switch (PlanFormatFromPath(output.value()).value_or(PlanFormat::kText)) {
    case PlanFormat::kJson: return std::string("json");
    case PlanFormat::kCsvGrid: return std::string("csv");
    default: return std::string("text");
  }
}

// "Set up a call ... (resources: a reference client)", one tactic per line of the cell.
std::string TacticsCell(const v1::BlueprintEntry& entry) {
  std::vector<std::string> lines;
  for (const v1::Tactic& tactic : entry.tactics()) {
    lines.push_back(tactic.resources().empty()
                        ? tactic.description()
                        : absl::StrCat(tactic.description(), " (resources: ", tactic.resources(),
                                       ")"));
  }
  return absl::StrJoin(lines, "\n");
}

// The blueprint as the practitioners' sheet: name, goal, influence strategies, tactics/resources,
// owner, horizon; one row per entry.
std::string BlueprintCsv(const model::PlanIndex& index, const v1::Recommendations& recs) {
  std::string out;
  io::AppendCsvRecord({"name", "goal", "influence strategies", "tactics/resources", "owner",
                       "horizon"},
                      &out);
  for (const v1::BlueprintEntry& entry : recs.blueprint_draft()) {
    std::vector<std::string> strategies;
    for (int strategy : entry.strategies()) {
      strategies.push_back(EnumWords(static_cast<v1::InfluenceStrategy>(strategy)));
    }
    io::AppendCsvRecord({PersonLabel(index, entry.person_id()), GradeWords(entry.goal().grade()),
                         absl::StrJoin(strategies, "; "), TacticsCell(entry),
                         MemberLabel(index, entry.team_member_id()),
                         absl::StrCat(entry.horizon_days(), " days")},
                        &out);
  }
  return out;
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
  const v1::Recommendations& recs = analyzed->analysis.recommendations();
  const model::PlanIndex index(analyzed->loaded.plan);

  std::string bytes;
  if (*format == "text") {
    // The report's section, without the blank line that separates it from others there.
    bytes = recs.blueprint_draft().empty()
                ? "  Blueprint draft\n    No key intersection to work on: nothing to draft.\n"
                : BlueprintDraftText(index, recs, 100);
    if (bytes.front() == '\n') bytes.erase(0, 1);
  } else if (*format == "csv") {
    bytes = BlueprintCsv(index, recs);
  } else {
    v1::Plan fragment;
    *fragment.mutable_blueprint() = recs.blueprint_draft();
    absl::StatusOr<std::string> written = WritePlan(fragment, PlanFormat::kJson);
    if (!written.ok()) {
      return Report(invocation, CommandError{kExitSoftware,
                                             absl::StrCat("internal error writing the draft: ",
                                                          written.status().ToString())});
    }
    bytes = *std::move(written);
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
