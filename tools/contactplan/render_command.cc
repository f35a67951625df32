// `contactplan render`: a picture of the contact map (SVG) or the same grid as text.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli_io.h"
#include "command.h"
#include "flags.h"
#include "map_grid.h"
#include "map_svg.h"
#include "model/plan_index.h"

namespace contactplan::cli {
namespace {

// --format, else from the --output extension (.txt is text), else SVG.
Outcome<std::string> RenderFormat(const Flag& format, const Flag& output) {
  if (format.given() || !WritesFile(output)) return Choice(format, {"svg", "text"}, "svg");
  return std::string(absl::EndsWithIgnoreCase(output.value(), ".txt") ? "text" : "svg");
}

int RunRender(const Invocation& invocation) {
  FlagSet flags;
  const Flag& format_flag = flags.Value(
      {"--format"}, "FORMAT",
      "svg (default) or text (the grid for a terminal); default from the extension of --output");
  const Flag& output = DeclareOutput(flags);
  const Flag& input_format = DeclareInputFormat(flags);
  const Flag& options_flag = DeclareOptions(flags);
  if (auto stop = flags.Parse(invocation, 1, 1)) return *stop;
  Outcome<std::string> format = RenderFormat(format_flag, output);
  if (!format.ok()) return Report(invocation, format.error());

  // The web figure comes from the engine, so the picture and `analyze` never disagree.
  Outcome<AnalyzedPlan> analyzed =
      LoadAndAnalyze(invocation, flags.positional()[0], input_format, options_flag, {});
  if (!analyzed.ok()) return Report(invocation, analyzed.error());

  const model::PlanIndex index(analyzed->loaded.plan);
  const v1::Web& web = analyzed->analysis.web();
  const std::string bytes = *format == "svg" ? MapSvg(index, analyzed->analysis)
                                             : absl::StrCat(MapGridText(index, 0), "\n",
                                                            WebFigureText(web, 0));
  if (auto error = Emit(invocation, output, bytes)) return Report(invocation, *error);
  return kExitOk;
}

}  // namespace

extern const Command kRenderCommand = {
    .name = "render",
    .synopsis = "PLAN [flags]",
    .summary = "Draw the contact map: an SVG grid coloured by grade with the web-of-influence figure, "
               "or the grid as text.",
    .details = "PLAN is a path ('-' for stdin).\n\n"
               "examples:\n"
               "  contactplan render examples/northwind-grid.csv -o northwind.svg\n"
               "  contactplan render plan.json --format text\n",
    .run = &RunRender,
};

}  // namespace contactplan::cli
