// The detailed report (`contactplan analyze --detail`, View::kReport): everything the analysis
// says, for a person deciding what to do about an account.
#ifndef CONTACTPLAN_SRC_RENDER_DETAILED_REPORT_H_
#define CONTACTPLAN_SRC_RENDER_DETAILED_REPORT_H_

#include <string>
#include <string_view>

#include "contactplan/v1/analysis.pb.h"
#include "model/plan_index.h"

namespace contactplan::render {

// Sections: header (account, source, as-of), contact map, web of influence, findings by severity,
// gaps, scores with their components, and the recommendations for the analysis' horizon (key
// intersections, blueprint draft, communication, drift, team load). `index` is over the analysed
// (hence valid) plan. Deterministic: everything follows the plan's and the analysis' order.
// Lines are wrapped to `width` columns; repeated findings are grouped under their code, an
// assumption shared by every piece of advice is said once, and scores show their components
// without weights or formulas. `origin` (the plan's path) is left out when empty.
std::string DetailedReport(std::string_view origin, const model::PlanIndex& index,
                           const v1::Analysis& analysis, size_t width);

// The "Blueprint draft" section of the report (also all of `contactplan blueprint`'s text output):
// per drafted entry the cell, goal and horizon, the strategies, and each tactic with its resources,
// due date and the relationship tests it passes. Empty when the draft is.
std::string BlueprintDraftText(const model::PlanIndex& index, const v1::Recommendations& recs,
                               size_t width);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_DETAILED_REPORT_H_
