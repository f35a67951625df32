// The scores (docs/scores.md): account health and its components, confidence, coverage per person,
// readiness per open opportunity. Formulas are documented in docs/scores.md; raising one grade never lowers account
// health.
#ifndef CONTACTPLAN_SRC_SCORE_SCORES_H_
#define CONTACTPLAN_SRC_SCORE_SCORES_H_

#include <cstdint>
#include <optional>

#include "contactplan/v1/analysis.pb.h"
#include "model/context.h"
#include "model/influence_web.h"
#include "score/person_coverage_rows.h"

namespace contactplan::score {

// `web` is ComputeWeb(context); `horizon_days` is the analysis horizon (30, 60 or 90): risk counts
// the open opportunities expected to close within it. Every score is 0-100 with its components
// (numbers from context.settings.tuning.scores(), docs/tuning.md); person coverage follows the
// plan's person order, readiness its order of open opportunities. Fills `confidence`, which is not
// part of account health. Deterministic, linear in the size of the plan, reads nothing but its
// arguments (safe to call from many threads at once). When `person_coverage` is not null, the
// persons' coverage is worked out into it instead of being written into `scores`, whose
// person_coverage is left empty; the caller writes it (engine::AnalysisWithRows).
void ComputeScores(const model::Context& context, const model::InfluenceWeb& web, int32_t horizon_days,
                   v1::Scores* scores,
                   std::optional<PersonCoverageRows>* person_coverage = nullptr);

}  // namespace contactplan::score

#endif  // CONTACTPLAN_SRC_SCORE_SCORES_H_
