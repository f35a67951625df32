// Recommendations (docs/recommendations.md): key intersections with owners and leverage, desired grades, the
// blueprint draft, communication advice and the drift forecast.
#ifndef CONTACTPLAN_SRC_RECOMMEND_RECOMMENDATIONS_H_
#define CONTACTPLAN_SRC_RECOMMEND_RECOMMENDATIONS_H_

#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/recommendations.pb.h"
#include <optional>
#include <span>

#include "model/context.h"
#include "recommend/desired_grades.h"
#include "recommend/drift.h"
#include "recommend/reasons.h"
#include "recommend/releases.h"
#include "rules/finding.h"

namespace contactplan::recommend {

// The parts of the recommendations a host may write from rows instead of messages: on a large
// account they are most of the analysis (docs/memory.md). engine/analysis_bytes.h writes a binary
// analysis with their bytes spliced in.
struct RecommendationRows {
  std::optional<DesiredGradeRows> desired_grades;
  std::optional<DriftForecastRows> drift;
  std::optional<ReleaseRows> releases;
};

// Writes the recommendations into `*out` (which should be empty), building every message where
// `*out` lives (its arena, if any). horizon_days is 30, 60 or 90 (the engine checks it). `findings`
// are the rule findings of the same plan, used for the reason codes of key intersections.
void Recommend(const model::Context& context, std::span<const rules::Finding> findings,
               int32_t horizon_days, v1::Recommendations* out);

// The same from the findings' reasons resolved beforehand (CellReasons of the same plan's
// findings): what recommendations need of the findings, so that a caller can free the findings
// before the recommendations are built (the engine does, on a large account). `importance` is
// PersonImportance(context), which the caller has worked out already (the engine ranks findings
// by it). When `rows` is not null, the desired grades, the drift forecast and the releases go
// into `*rows` and out's desired_grades, drift and releases are left empty, for a caller that
// writes them itself.
void Recommend(const model::Context& context, const CellReasons& reasons,
               std::span<const double> importance, int32_t horizon_days, v1::Recommendations* out,
               RecommendationRows* rows = nullptr);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_RECOMMENDATIONS_H_
