// The one entry point of the render stage: validates, makes the plan's text safe to show, indexes
// the plan once and hands it to the view asked for.
#include "contactplan/render.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "contactplan/validation.h"
#include "model/plan_index.h"
#include "model/time.h"
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
  if (options.width < kMinWidth || options.width > kMaxWidth) {
    return absl::InvalidArgumentError(absl::StrCat("width ", options.width, " is outside ",
                                                   kMinWidth, "..", kMaxWidth, " columns"));
  }
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

}  // namespace contactplan
