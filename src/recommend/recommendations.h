// Recommendations (SPEC §6): key intersections with owners and leverage, desired grades, the
// blueprint draft, communication advice and the drift forecast.
#ifndef CONTACTPLAN_SRC_RECOMMEND_RECOMMENDATIONS_H_
#define CONTACTPLAN_SRC_RECOMMEND_RECOMMENDATIONS_H_

#include <span>

#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"

namespace contactplan::recommend {

// horizon_days is 30, 60 or 90 (the engine checks it). `findings` are the rule findings of the same
// plan, used for the reason codes of key intersections.
v1::Recommendations Recommend(const model::Context& context, std::span<const v1::Finding> findings,
                              int32_t horizon_days);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_RECOMMENDATIONS_H_
