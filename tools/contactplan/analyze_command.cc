// `contactplan analyze`: the analysis of one plan, as the brief or the full report for people (both
// drawn by the render stage) or as the Analysis message.
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "analysis_flags.h"
#include "cli_io.h"
#include "command.h"
#include "contactplan/plan_io.h"
#include "flags.h"
#include "view_output.h"

namespace contactplan::cli {
namespace {

// The output format: --format, else from the extension of --output (.json, .binpb/.pb), else text.
Outcome<std::string> OutputFormat(const Flag& format, const Flag& output) {
  if (format.given() || !WritesFile(output)) return Choice(format, {"text", "json", "binary"}, "text");
  switch (PlanFormatFromPath(output.value()).value_or(PlanFormat::kText)) {
    case PlanFormat::kJson: return std::string("json");
    case PlanFormat::kBinary: return std::string("binary");
    default: return std::string("text");
  }
}

// The finding severity --fail-on names; nullopt when the flag is not given (never fail on findings).
Outcome<std::optional<v1::Severity>> FailOn(const Flag& flag) {
  if (!flag.given()) return std::optional<v1::Severity>();
  Outcome<std::string> name = Choice(flag, {"info", "warning", "critical"}, "");
  if (!name.ok()) return name.error();
  return std::optional<v1::Severity>(*name == "info"      ? v1::INFO
                                     : *name == "warning" ? v1::WARNING
                                                          : v1::CRITICAL);
}

int RunAnalyze(const Invocation& invocation) {
  FlagSet flags;
  const Flag& format_flag = flags.Value(
      {"--format"}, "FORMAT",
      "text (for people: the one-screen brief, or the full report with --detail; default), json "
      "(the Analysis message in protobuf JSON) or binary (the Analysis message); default from the "
      "extension of --output, else text");
  const Flag& detail = flags.Switch(
      {"--detail"}, "with text: the full report (map, findings, gaps, scores, recommendations) "
                    "instead of the brief");
  const Flag& width_flag = DeclareWidth(flags);
  const Flag& output = DeclareOutput(flags);
  const Flag& input_format = DeclareInputFormat(flags);
  const AnalysisFlags analysis_flags = DeclareAnalysisFlags(flags);
  const Flag& fail_on_flag = flags.Value(
      {"--fail-on"}, "SEVERITY",
      "exit with code 1 (after the output) when a finding at or above info, warning or critical "
      "exists");
  const Flag& options_flag = DeclareOptions(flags);
  if (auto stop = flags.Parse(invocation, 1, 1)) return *stop;

  // Every flag is checked before any input is read, so a usage error never costs a parse.
  Outcome<std::string> format = OutputFormat(format_flag, output);
  if (!format.ok()) return Report(invocation, format.error());
  Outcome<v1::AnalysisOptions> analysis_options = AnalysisOptionsFrom(analysis_flags);
  if (!analysis_options.ok()) return Report(invocation, analysis_options.error());
  Outcome<std::optional<v1::Severity>> fail_on = FailOn(fail_on_flag);
  if (!fail_on.ok()) return Report(invocation, fail_on.error());
  Outcome<int> width = ViewWidth(width_flag);
  if (!width.ok()) return Report(invocation, width.error());
  if (detail.given() && *format != "text") {
    return Report(invocation, UsageError(absl::StrCat("--detail chooses the text report; it has no "
                                                      "meaning with --format ", *format)));
  }

  // Binary or JSON out, no --fail-on: bytes in and bytes out, the C ABI's path (no relationship
  // messages for a binary plan). Anything but a success there is reported by the ordinary path.
  if (*format != "text" && !*fail_on) {
    if (std::optional<std::string> written = AnalyzeFileToBytes(
            flags.positional()[0], input_format, options_flag, *analysis_options,
            *format == "json" ? PlanFormat::kJson : PlanFormat::kBinary)) {
      if (auto error = Emit(invocation, output, *written)) return Report(invocation, *error);
      return kExitOk;
    }
  }

  Outcome<AnalyzedPlan> analyzed = LoadAndAnalyze(invocation, flags.positional()[0], input_format,
                                                  options_flag, *analysis_options);
  if (!analyzed.ok()) return Report(invocation, analyzed.error());
  const v1::Analysis& analysis = analyzed->analysis;

  std::string bytes;
  if (*format == "text") {
    Outcome<std::string> text =
        RenderView(*analyzed, detail.given() ? View::kReport : View::kBrief, *width, options_flag);
    if (!text.ok()) return Report(invocation, text.error());
    bytes = *std::move(text);
  } else {
    absl::StatusOr<std::string> written =
        WriteAnalysis(analysis, *format == "json" ? PlanFormat::kJson : PlanFormat::kBinary);
    if (!written.ok()) {
      // Too large for any format (over 2 GiB), or a date JSON cannot hold: the input's doing,
      // exit 2 with the writer's message. Anything else is a bug.
      const absl::StatusCode code = written.status().code();
      if (code == absl::StatusCode::kResourceExhausted ||
          code == absl::StatusCode::kInvalidArgument) {
        return Report(invocation,
                      InvalidInput(absl::StrCat("cannot write the analysis of ",
                                                analyzed->loaded.origin, ": ",
                                                std::string(written.status().message()))));
      }
      return Report(invocation, CommandError{kExitSoftware,
                                             absl::StrCat("internal error writing the analysis: ",
                                                          written.status().ToString())});
    }
    bytes = *std::move(written);
  }
  if (auto error = Emit(invocation, output, bytes)) return Report(invocation, *error);

  if (*fail_on) {
    // The counts cover every finding, listed under the cap or not.
    for (const v1::FindingCount& count : analysis.finding_counts()) {
      if (count.severity() >= **fail_on && count.total() > 0) return kExitFindings;
    }
  }
  return kExitOk;
}

}  // namespace

extern const Command kAnalyzeCommand = {
    .name = "analyze",
    .synopsis = "PLAN [flags]",
    .summary = "Analyse a plan: a one-screen brief of health, web of influence, the top actions and "
               "critical risks; --detail for everything.",
    .details =
        "PLAN is a path ('-' for stdin). Exit code 1 with --fail-on when a finding at or above that\n"
        "severity exists; the report is written first either way. Text is laid out for --width\n"
        "columns, else COLUMNS, else the terminal's width, else 100.\n\n"
        "examples:\n"
        "  contactplan analyze examples/northwind-grid.csv\n"
        "  contactplan analyze examples/kestrel-health.json --detail --width 80\n"
        "  contactplan analyze plan.json --format json -o analysis.json --horizon 60\n"
        "  contactplan analyze plan.binpb --fail-on critical --as-of 2024-07-01\n",
    .run = &RunAnalyze,
};

}  // namespace contactplan::cli
