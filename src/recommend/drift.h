// The drift forecast (docs/recommendations.md): where each graded relationship is expected to be after 30, 60 and
// 90 more days without contact, and the grade distribution of the map at 0, 30, 60 and 90 days.
#ifndef CONTACTPLAN_SRC_RECOMMEND_DRIFT_H_
#define CONTACTPLAN_SRC_RECOMMEND_DRIFT_H_

#include <cstdint>

#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"

namespace contactplan::recommend {

// Gravity: a positive grade (SATISFIED, OPEN, TRUST) drops one level per `days_per_level` days
// without contact, never below INDIFFERENT; INDIFFERENT, DISSATISFIED and MOTIVATED_TO_CHANGE stay
// (falling further takes an event, not time).
v1::Grade DriftedGrade(v1::Grade grade, int64_t days_without_contact, int32_t days_per_level);

// Days without contact count from the last contact (last_contact_at, else the latest touch), else
// assessed_at; with neither (or without a "now") the basis is UNKNOWN and the forecast takes the
// relationship as just seen. A grade that fell within tuning.activity.falling_window_days drifts
// with tuning.activity.falling_drift_share of the days per level (docs/time.md#drift). The grade in N days uses the days
// without contact + N. Intersections that will drift come first, soonest drop first (then higher
// grade first, then plan order); the ones that cannot drift follow in plan order. The distribution
// at 0 days is the map as graded.
void ForecastDrift(const model::Context& context, v1::DriftForecast* forecast);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_DRIFT_H_
