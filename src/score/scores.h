// The scores (SPEC §4): account health and its components, coverage per person, readiness per open
// opportunity. Formulas are documented in docs/scores.md; raising one grade never lowers account
// health.
#ifndef CONTACTPLAN_SRC_SCORE_SCORES_H_
#define CONTACTPLAN_SRC_SCORE_SCORES_H_

#include "contactplan/v1/analysis.pb.h"
#include "model/context.h"

namespace contactplan::score {

v1::Scores ComputeScores(const model::Context& context, const v1::Web& web);

}  // namespace contactplan::score

#endif  // CONTACTPLAN_SRC_SCORE_SCORES_H_
