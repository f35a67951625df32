// How the command line asks the render stage for a view: the terminal width rule (--width, else
// COLUMNS, else the terminal's, else 100) and the call into contactplan::Render shared by `analyze`
// and `render`.
#ifndef CONTACTPLAN_TOOLS_CONTACTPLAN_VIEW_OUTPUT_H_
#define CONTACTPLAN_TOOLS_CONTACTPLAN_VIEW_OUTPUT_H_

#include <string>

#include "cli_io.h"
#include "command.h"
#include "contactplan/render.h"
#include "flags.h"

namespace contactplan::cli {

// Declares --width N.
const Flag& DeclareWidth(FlagSet& flags);

// Columns for the terminal views: --width when given (60..1000, else a usage error), else the
// COLUMNS environment variable when it is a number, else the width of the terminal on stdout
// (TIOCGWINSZ), else 100. A COLUMNS or terminal narrower than 60 gives 60, the narrowest the views
// lay out for; wider than 1000 gives 1000.
Outcome<int> ViewWidth(const Flag& width);

// The render options for `analyzed` at `width` columns: the plan's path as the origin shown in
// headers ("<stdin>" for stdin) and the --options file's limits, under which the plan is valid.
Outcome<RenderOptions> ViewOptions(const AnalyzedPlan& analyzed, int width, const Flag& options_flag);

// `analyzed` rendered as `view` at `width` columns, validated under the --options file's limits.
// The plan's path is the origin shown in headers ("<stdin>" for stdin).
Outcome<std::string> RenderView(const AnalyzedPlan& analyzed, View view, int width,
                                const Flag& options_flag);

}  // namespace contactplan::cli

#endif  // CONTACTPLAN_TOOLS_CONTACTPLAN_VIEW_OUTPUT_H_
