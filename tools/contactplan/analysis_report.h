// The text report of `contactplan analyze`: what a person reads to decide what to do about an
// account. JSON and binary output are the Analysis message itself; this is the human rendering.
#ifndef CONTACTPLAN_TOOLS_CONTACTPLAN_ANALYSIS_REPORT_H_
#define CONTACTPLAN_TOOLS_CONTACTPLAN_ANALYSIS_REPORT_H_

#include <string>
#include <string_view>

#include "contactplan/v1/analysis.pb.h"
#include "model/plan_index.h"

namespace contactplan::cli {

// Sections: header (account, source, as-of), contact map, web of influence, findings by severity,
// gaps, scores with their components, and the recommendations for the analysis' horizon (key
// intersections, blueprint draft, communication, drift, team load). `index` is over the analysed
// (hence valid) plan. Deterministic: everything follows the plan's and the analysis' order.
std::string AnalysisReport(std::string_view origin, const model::PlanIndex& index,
                           const v1::Analysis& analysis);

// The "Blueprint draft" section of the report (also all of `contactplan blueprint`'s text output):
// per drafted entry the cell, goal and horizon, the strategies, and each tactic with its resources,
// due date and the relationship tests it passes. Empty when the draft is.
std::string BlueprintDraftText(const model::PlanIndex& index, const v1::Recommendations& recs);

}  // namespace contactplan::cli

#endif  // CONTACTPLAN_TOOLS_CONTACTPLAN_ANALYSIS_REPORT_H_
