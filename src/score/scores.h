// The scores (docs/scores.md): account health and its components, coverage per person, readiness per open
// opportunity. Formulas are documented in docs/scores.md; raising one grade never lowers account
// health.
#ifndef CONTACTPLAN_SRC_SCORE_SCORES_H_
#define CONTACTPLAN_SRC_SCORE_SCORES_H_

#include "contactplan/v1/analysis.pb.h"
#include "model/context.h"

namespace contactplan::score {

// `web` is ComputeWeb(context). Every score is 0-100 with its components; person coverage follows the
// plan's person order, readiness its order of open opportunities. Deterministic, linear in the size
// of the plan, reads nothing but its arguments (safe to call from many threads at once).
void ComputeScores(const model::Context& context, const v1::Web& web, v1::Scores* scores);

}  // namespace contactplan::score

#endif  // CONTACTPLAN_SRC_SCORE_SCORES_H_
