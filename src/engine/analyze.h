// The analysis of a plan, as Engine::AnalyzeInto makes it (include/contactplan/engine.h), for the
// library's own hosts that write the analysis themselves: the C ABI writes a binary analysis with
// the findings, the drift forecast and the releases straight as bytes (engine/analysis_bytes.h).
#ifndef CONTACTPLAN_SRC_ENGINE_ANALYZE_H_
#define CONTACTPLAN_SRC_ENGINE_ANALYZE_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "model/relationship_table.h"
#include "options/settings.h"
#include "recommend/recommendations.h"
#include "score/person_coverage_rows.h"

namespace contactplan::engine {

// The parts of an analysis worked out for a host that writes the binary analysis itself, instead
// of being built as messages: on a large account they are most of it (docs/memory.md).
struct AnalysisRows {
  // The persons' coverage, the entries of Scores.person_coverage.
  std::optional<score::PersonCoverageRows> person_coverage;
  // The listed findings as entries of Analysis.findings (rules::FindingWire).
  std::string findings;
  recommend::RecommendationRows recommendations;
};

// Engine::AnalyzeInto with the engine's `settings` (ResolveSettings of its options), reading the
// plan's relationships from `relationships` (never from plan.relationships(): a plan read from
// binary bytes by io/relationship_wire.h has its relationships only as rows; for a plan whose
// relationships are messages, pass RelationshipTable::FromPlan(plan)). When `rows` is not null, the
// persons' coverage, the findings, the desired grades, the drift forecast and the releases are
// worked out into `*rows` instead of being written into the analysis, where they are left empty;
// the caller writes them (AnalysisWithRows). The recommendations' rows view the plan's ids: `plan` must outlive
// `*rows`.
// Engine::Validate with the engine's `settings`, reading the plan's relationships from
// `relationships` (as AnalyzePlan does): the same problems and status for the same plan.
absl::Status ValidatePlanRows(const Settings& settings, const v1::Plan& plan,
                              const model::RelationshipTable& relationships);

absl::Status AnalyzePlan(const Settings& settings, const v1::Plan& plan,
                         const model::RelationshipTable& relationships,
                         const v1::AnalysisOptions& options, v1::Analysis* analysis,
                         AnalysisRows* rows);

}  // namespace contactplan::engine

#endif  // CONTACTPLAN_SRC_ENGINE_ANALYZE_H_
