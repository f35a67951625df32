// The HTML report (View::kHtml, `contactplan render --format html`): one self-contained file a
// seller opens in a browser, prints, or a CRM embeds. No network requests (a Content-Security-Policy
// forbids them), no external scripts, styles or fonts.
#ifndef CONTACTPLAN_SRC_RENDER_HTML_REPORT_H_
#define CONTACTPLAN_SRC_RENDER_HTML_REPORT_H_

#include <string>
#include <string_view>

#include "contactplan/v1/analysis.pb.h"
#include "model/plan_index.h"

namespace contactplan::render {

// Sections, each with a stable id: brief (#brief: health, confidence when the analysis has it, web
// figure, finding counts, top actions, critical risks), the marked-up map (#map, the SVG of MapSvg
// inline), key intersections with strategies, tactics and leverage (#key-intersections), the
// blueprint draft (#blueprint), findings (#findings: rows with data-severity and data-person-ids,
// filterable by severity and person with a small inline script; without JavaScript every finding is
// shown and the filters stay hidden) and gaps (#gaps). Readable without JavaScript, printable
// (@media print), keyboard-operable controls with labels, dark-on-light text. All text is
// markup-escaped. Deterministic bytes; thread-safe.
std::string HtmlReport(std::string_view origin, const model::PlanIndex& index,
                       const v1::Analysis& analysis);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_HTML_REPORT_H_
