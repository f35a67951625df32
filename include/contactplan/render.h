// The seller's views of an analysis: the one-screen brief, the detailed report, the marked-up contact
// map (SVG) and the self-contained HTML report. The command line, the C ABI (cplan_render) and the
// Python binding all render through this one function, so every surface shows the same thing.
// docs/views.md describes each view.
#ifndef CONTACTPLAN_RENDER_H_
#define CONTACTPLAN_RENDER_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "contactplan/rule_catalogue.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/diff.pb.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "contactplan/v1/portfolio.pb.h"

namespace contactplan {

// What to draw. "View" and not "format": binary, JSON and text (protobuf text format) are the
// formats of plans and analyses; these are renderings for people.
enum class View {
  kBrief,   // one screen of terminal text: health, web, the top actions, critical risks
  kReport,  // the full terminal report: map, findings, gaps, scores, recommendations
  kSvg,     // the contact map with the plan drawn on it, a self-contained SVG document
  kHtml,    // one self-contained HTML file: brief, map, key intersections, blueprint, findings, gaps
};

// "brief", "report", "svg", "html".
std::string_view ViewName(View view);
// The view named `name` (case-sensitive, as ViewName spells it); nullopt for anything else.
std::optional<View> ViewFromName(std::string_view name);

struct RenderOptions {
  // Columns of the terminal views (brief, report): no line is longer. 60 to 1000; 100 is the
  // command line's fallback when neither --width, COLUMNS nor the terminal says.
  int width = 100;
  // Where the plan came from ("examples/kestrel-health.json", "-"), shown in the headers and used
  // in the "how to see more" commands of the brief (PLAN there when empty or a name in angle
  // brackets such as "<stdin>"); empty when the host has no such name.
  std::string origin;
  // The limits the plan was analysed under (the engine's `limits`); unset fields take the
  // documented defaults. Render validates the plan against them.
  v1::Limits limits;
};

// Renders `analysis`, the analysis of `plan`, as `view`. The plan is validated with `options.limits`
// first (an index over an invalid plan would be meaningless): InvalidArgument names its first
// problem; InvalidArgument too for a width outside 60..1000. The plan's text (names, titles,
// messages) is shown as written: control and bidirectional-formatting characters appear as visible
// escapes ("\x1b", "\u202e") in every view, and markup is escaped in SVG and HTML. Output is UTF-8,
// ends with a newline, and is byte-identical for the same inputs. Never reads the clock, the
// environment or files. Thread-safe: no shared state.
absl::StatusOr<std::string> Render(const v1::Plan& plan, const v1::Analysis& analysis, View view,
                                   const RenderOptions& options = {});

// The rule catalogue for people (text wrapped to `width` columns, 60..1000; a line "33 rules ..."
// first when more than one rule is listed) or as a JSON array of objects with "code", "severity"
// (the default severity, e.g. "WARNING; CRITICAL if key"), "firesWhen" and "explanation", in the
// order given. Pure function of its arguments; thread-safe.
std::string RuleCatalogueText(std::span<const RuleInfo* const> rules, int width);
std::string RuleCatalogueJson(std::span<const RuleInfo* const> rules);

// ---- What changed (the diff of two plans, include/contactplan/plan_diff.h) ----

// The diff as a short report a seller reads in a minute, "since OLD" (`old_origin` names OLD in the
// first line: a path, a date; empty says "OLD"): health, web and NPS before -> after, then who
// left, grades that fell, overdue blueprint entries, then what was gained, then the rest
// (docs/diff.md). The plans' text is shown as written, control characters as visible escapes.
// Entries wrap at 100 columns (the title line may be longer: it holds OLD's name whole). UTF-8,
// ends with a newline. Never fails; pure function of its arguments; thread-safe.
std::string PlanDiffReport(const v1::PlanDiff& diff, std::string_view old_origin);

// ---- The drafted contact blueprint (`contactplan blueprint`, docs/views.md) ----

// How RenderBlueprintDraft lays the draft out.
enum class BlueprintLayout {
  kText,  // for people: the detailed report's "Blueprint draft" section on its own
  kCsv,   // for a spreadsheet: the practitioners' sheet, one row per drafted entry
};

// The blueprint draft of `analysis` (recommendations.blueprint_draft), the analysis of `plan`, laid
// out as `layout`. Checked as Render checks: InvalidArgument for a width outside 60..1000 or a layout
// that is neither; a plan that does not pass ValidatePlan under `options.limits` gets its
// ValidationStatus (ResourceExhausted when it is only over a limit, else InvalidArgument).
//  - kText: the line "  Blueprint draft", then per entry the cell (person × team member), its goal
//    and horizon, the influence strategies, and each tactic with its resources, due date and the
//    relationship tests it passes, the tactics wrapped to `options.width` columns; under the title,
//    "No key intersection to work on: nothing to draft." when the draft is empty. The plan's text
//    is shown as in every view: control and bidirectional-formatting characters as visible escapes.
//  - kCsv: a header row "name,goal,influence strategies,tactics/resources,owner,horizon", then one
//    row per entry: the person's name (else id), the goal grade in words ("open"), the strategies
//    joined by "; ", one tactic per line of the cell ("description (resources: ...)"), the owner's
//    name (else id), the horizon ("30 days"). RFC 4180 quoting, CRLF line ends; the plan's text as
//    written, since a spreadsheet shows it as data. `options.width` is only checked.
// `options.origin` is not used. UTF-8, ends with a newline, byte-identical for the same inputs.
// Never reads the clock, the environment or files. Thread-safe: no shared state.
absl::StatusOr<std::string> RenderBlueprintDraft(const v1::Plan& plan, const v1::Analysis& analysis,
                                                 BlueprintLayout layout,
                                                 const RenderOptions& options = {});

// ---- Many accounts together (include/contactplan/portfolio.h, docs/portfolio.md) ----

// The portfolio as one terminal page of 80 columns for a sales leader: the accounts' table (health,
// confidence, web, 3x3, critical and warning findings, next close) with each account's next action,
// the team's committed and planned effort against capacity ("OVER" past it), then the patterns
// across accounts, the cells that could not be staffed and the conflicts between plans (each
// section only when it has entries). The plans' text is shown as written, control and
// bidirectional-formatting characters as visible escapes. UTF-8, ends with a newline. Never fails;
// pure function of its argument; thread-safe.
std::string PortfolioReport(const v1::Portfolio& portfolio);

}  // namespace contactplan

#endif  // CONTACTPLAN_RENDER_H_
