// The web-of-influence figure of the analysis (docs/scores.md).
#ifndef CONTACTPLAN_SRC_SCORE_WEB_H_
#define CONTACTPLAN_SRC_SCORE_WEB_H_

#include "contactplan/v1/analysis.pb.h"
#include "model/influence_web.h"

namespace contactplan::score {

// Writes `web` (model::ComputeInfluenceWeb) as the analysis' `web` message: ids in plan order,
// the counts, the figure and whether it meets 3x3.
void WriteWeb(const model::PlanIndex& index, const model::InfluenceWeb& web, v1::Web* out);

}  // namespace contactplan::score

#endif  // CONTACTPLAN_SRC_SCORE_WEB_H_
