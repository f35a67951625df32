// The orders tuning.scores must keep so that the scores keep their promises (docs/scores.md):
// raising one grade never lowers account health.
#ifndef CONTACTPLAN_SRC_OPTIONS_SCORE_TUNING_CHECK_H_
#define CONTACTPLAN_SRC_OPTIONS_SCORE_TUNING_CHECK_H_

#include "absl/status/status.h"
#include "contactplan/v1/tuning.pb.h"

namespace contactplan {

// OK when `scores` (resolved: every field set) keeps grade_strength non-decreasing from
// MOTIVATED_TO_CHANGE to TRUST with blank at most INDIFFERENT, dissatisfaction non-increasing over
// the same order and 0 from INDIFFERENT up, and every 0-1 value (strengths, dissatisfactions, supports, credits, the trust
// span) at most 1. InvalidArgument otherwise, naming the field path under `tuning.scores.` and
// what would fix it.
absl::Status CheckScoreTuning(const v1::ScoreTuning& scores);

}  // namespace contactplan

#endif  // CONTACTPLAN_SRC_OPTIONS_SCORE_TUNING_CHECK_H_
