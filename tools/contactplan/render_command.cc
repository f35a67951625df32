// `contactplan render`: the marked-up contact map (SVG), the HTML report, or the full text report,
// all drawn by the render stage.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli_io.h"
#include "command.h"
#include "flags.h"
#include "view_output.h"

namespace contactplan::cli {
namespace {

// --format, else from the --output extension (.html/.htm, .txt), else SVG.
Outcome<std::string> RenderFormat(const Flag& format, const Flag& output) {
  if (format.given() || !WritesFile(output)) return Choice(format, {"svg", "html", "text"}, "svg");
  if (absl::EndsWithIgnoreCase(output.value(), ".html") ||
      absl::EndsWithIgnoreCase(output.value(), ".htm")) {
    return std::string("html");
  }
  return std::string(absl::EndsWithIgnoreCase(output.value(), ".txt") ? "text" : "svg");
}

int RunRender(const Invocation& invocation) {
  FlagSet flags;
  const Flag& format_flag = flags.Value(
      {"--format"}, "FORMAT",
      "svg (the marked-up contact map; default), html (the whole report in one self-contained "
      "file) or text (the full report for a terminal, as analyze --detail); default from the "
      "extension of --output");
  const Flag& width_flag = DeclareWidth(flags);
  const Flag& output = DeclareOutput(flags);
  const Flag& input_format = DeclareInputFormat(flags);
  const Flag& options_flag = DeclareOptions(flags);
  if (auto stop = flags.Parse(invocation, 1, 1)) return *stop;
  Outcome<std::string> format = RenderFormat(format_flag, output);
  if (!format.ok()) return Report(invocation, format.error());
  Outcome<int> width = ViewWidth(width_flag);
  if (!width.ok()) return Report(invocation, width.error());

  // The web figure comes from the engine, so the picture and `analyze` never disagree.
  Outcome<AnalyzedPlan> analyzed =
      LoadAndAnalyze(invocation, flags.positional()[0], input_format, options_flag, {});
  if (!analyzed.ok()) return Report(invocation, analyzed.error());

  const View view = *format == "svg" ? View::kSvg : *format == "html" ? View::kHtml : View::kReport;
  Outcome<std::string> bytes = RenderView(*analyzed, view, *width, options_flag);
  if (!bytes.ok()) return Report(invocation, bytes.error());
  if (auto error = Emit(invocation, output, *bytes)) return Report(invocation, *error);
  return kExitOk;
}

}  // namespace

extern const Command kRenderCommand = {
    .name = "render",
    .synopsis = "PLAN [flags]",
    .summary = "Draw the contact map with the plan on it (SVG), the whole report as one HTML file, "
               "or the full report as text.",
    .details = "PLAN is a path ('-' for stdin).\n\n"
               "examples:\n"
               "  contactplan render examples/northwind-grid.csv -o northwind.svg\n"
               "  contactplan render examples/kestrel-health.json --format html -o report.html\n"
               "  contactplan render plan.json --format text\n",
    .run = &RunRender,
};

}  // namespace contactplan::cli
