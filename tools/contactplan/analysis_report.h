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

}  // namespace contactplan::cli

#endif  // CONTACTPLAN_TOOLS_CONTACTPLAN_ANALYSIS_REPORT_H_
