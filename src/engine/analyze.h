// The analysis of a plan, as Engine::AnalyzeInto makes it (include/contactplan/engine.h), for the
// library's own hosts that write the analysis themselves: the C ABI writes a binary analysis with
// the drift forecast straight from its rows (engine/analysis_bytes.h).
#ifndef CONTACTPLAN_SRC_ENGINE_ANALYZE_H_
#define CONTACTPLAN_SRC_ENGINE_ANALYZE_H_

#include <optional>

#include "absl/status/status.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "model/relationship_table.h"
#include "options/settings.h"
#include "recommend/drift.h"

namespace contactplan::engine {

// Engine::AnalyzeInto with the engine's `settings` (ResolveSettings of its options), reading the
// plan's relationships from `relationships` (never from plan.relationships(): a plan read from
// binary bytes by io/relationship_wire.h has its relationships only as rows; for a plan whose
// relationships are messages, pass RelationshipTable::FromPlan(plan)). When `drift` is not null, the drift forecast is worked out into `*drift` instead of being written into
// analysis->recommendations().drift(), which is left unset; the caller writes it. The forecast's
// rows view the plan's ids: `plan` must outlive `*drift`.
absl::Status AnalyzePlan(const Settings& settings, const v1::Plan& plan,
                         const model::RelationshipTable& relationships,
                         const v1::AnalysisOptions& options, v1::Analysis* analysis,
                         std::optional<recommend::DriftForecastRows>* drift);

}  // namespace contactplan::engine

#endif  // CONTACTPLAN_SRC_ENGINE_ANALYZE_H_
