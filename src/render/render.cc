// The entry points of the render stage (the views, the blueprint draft): each validates, makes the
// plan's text safe to show, indexes the plan once and hands it to the layout asked for.
#include "contactplan/render.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "contactplan/validation.h"
#include "model/plan_index.h"
#include "model/time.h"
#include "render/blueprint_sheet.h"
#include "render/brief.h"
#include "render/detailed_report.h"
#include "render/escaping.h"
#include "render/html_report.h"
#include "render/map_svg.h"
#include "render/text_layout.h"

namespace contactplan {
namespace {

constexpr int kMinWidth = 60;
constexpr int kMaxWidth = 1000;

// Every entry point checks the width first, then what it draws, then the plan under the limits it
// was analysed with (an index over an invalid plan would be meaningless).
absl::Status CheckWidth(const RenderOptions& options) {
  if (options.width < kMinWidth || options.width > kMaxWidth) {
    return absl::InvalidArgumentError(absl::StrCat("width ", options.width, " is outside ",
                                                   kMinWidth, "..", kMaxWidth, " columns"));
  }
  return absl::OkStatus();
}

}  // namespace

std::string_view ViewName(View view) {
  switch (view) {
    case View::kBrief: return "brief";
    case View::kReport: return "report";
    case View::kSvg: return "svg";
    case View::kHtml: return "html";
  }
  return "";
}

std::optional<View> ViewFromName(std::string_view name) {
  for (View view : {View::kBrief, View::kReport, View::kSvg, View::kHtml}) {
    if (ViewName(view) == name) return view;
  }
  return std::nullopt;
}

absl::StatusOr<std::string> Render(const v1::Plan& plan, const v1::Analysis& analysis, View view,
                                   const RenderOptions& options) {
  if (absl::Status width = CheckWidth(options); !width.ok()) return width;
  if (!ViewFromName(ViewName(view))) {
    return absl::InvalidArgumentError(
        absl::StrCat("view ", static_cast<int>(view), " is not brief, report, svg or html"));
  }
  const absl::Status valid = ValidationStatus(ValidatePlan(plan, options.limits));
  if (!valid.ok()) return valid;

  // Views lay out copies whose text is already visible-escaped, so every width is measured on what
  // is printed and no view can forget to escape a name.
  v1::Plan shown_plan = plan;
  v1::Analysis shown_analysis = analysis;
  render::MakeStringsVisible(shown_plan);
  render::MakeStringsVisible(shown_analysis);
  const std::string origin = render::VisibleText(options.origin);
  // Who has left is judged at the analysis' "now" (the same plan then resolves the same way).
  const model::PlanIndex index(
      shown_plan, model::ToTime(shown_analysis.has_as_of(), shown_analysis.as_of()));
  const size_t width = static_cast<size_t>(options.width);

  switch (view) {
    case View::kBrief:
      return render::FitLines(render::Brief(origin, index, shown_analysis, width), width);
    case View::kReport:
      return render::FitLines(render::DetailedReport(origin, index, shown_analysis, width), width);
    case View::kSvg: return render::MapSvg(index, shown_analysis);
    case View::kHtml: return render::HtmlReport(origin, index, shown_analysis);
  }
  return absl::InternalError("unreachable view");
}

absl::StatusOr<std::string> RenderBlueprintDraft(const v1::Plan& plan, const v1::Analysis& analysis,
                                                 BlueprintLayout layout,
                                                 const RenderOptions& options) {
  if (absl::Status width = CheckWidth(options); !width.ok()) return width;
  if (layout != BlueprintLayout::kText && layout != BlueprintLayout::kCsv) {
    return absl::InvalidArgumentError(
        absl::StrCat("blueprint layout ", static_cast<int>(layout), " is not text or csv"));
  }
  const absl::Status valid = ValidationStatus(ValidatePlan(plan, options.limits));
  if (!valid.ok()) return valid;
  // The sheet is data for a spreadsheet: names go in as written, as the CSV grid writes them.
  if (layout == BlueprintLayout::kCsv) {
    return render::BlueprintSheet(model::PlanIndex(plan), analysis.recommendations());
  }
  // For people, as the report's section: on copies whose text is visible-escaped.
  v1::Plan shown_plan = plan;
  v1::Recommendations shown_recs = analysis.recommendations();
  render::MakeStringsVisible(shown_plan);
  render::MakeStringsVisible(shown_recs);
  if (shown_recs.blueprint_draft().empty()) {
    return std::string("  Blueprint draft\n    No key intersection to work on: nothing to draft.\n");
  }
  // The report's section, without the blank line that separates it from the others there.
  std::string text = render::BlueprintDraftText(model::PlanIndex(shown_plan), shown_recs,
                                                static_cast<size_t>(options.width));
  if (text.starts_with('\n')) text.erase(0, 1);
  return text;
}

}  // namespace contactplan
