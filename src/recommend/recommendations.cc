#include "recommend/recommendations.h"

#include <utility>
#include <vector>

#include "recommend/blueprint_draft.h"
#include "recommend/deal.h"
#include "recommend/communication.h"
#include "recommend/desired_grades.h"
#include "recommend/drift.h"
#include "recommend/importance.h"
#include "recommend/key_intersections.h"
#include "recommend/leverage.h"
#include "recommend/owners.h"
#include "recommend/reasons.h"
#include "recommend/reassignments.h"
#include "recommend/releases.h"

namespace contactplan::recommend {

void Recommend(const model::Context& context, std::span<const rules::Finding> findings,
               int32_t horizon_days, v1::Recommendations* out) {
  Recommend(context, CellReasons(context.index, findings), PersonImportance(context), horizon_days,
            out);
}

void Recommend(const model::Context& context, const CellReasons& reasons,
               std::span<const double> importance, int32_t horizon_days,
               v1::Recommendations* out_message, RecommendationRows* rows) {
  const model::PlanIndex& index = context.index;
  v1::Recommendations& out = *out_message;
  out.set_horizon_days(horizon_days);

  TeamCapacity capacity(context);
  // Every part is written in place, into the fields of the analysis (on its arena, if it has one).
  DesiredGradeRows desired_grades;
  {
    // What only the key intersections read, freed before the rest (the drift forecast is where a
    // large account's analysis holds the most memory).
    DesiredGrades desired(context, importance, &desired_grades);
    const LeverageFinder leverage(index, context.settings.leverage_max_hops);
    const DealView deal(context, importance, horizon_days);
    PlanKeyIntersections(context, {importance, desired, reasons, leverage, deal}, capacity,
                         context.settings.KeyIntersectionLimit(horizon_days),
                         out.mutable_key_intersections(), out.mutable_unstaffed());
  }
  if (rows != nullptr) {
    rows->desired_grades.emplace(std::move(desired_grades));
  } else {
    desired_grades.WriteTo(out.mutable_desired_grades());
  }
  if (rows != nullptr) {
    rows->releases.emplace(context, out.key_intersections());
  } else {
    ProposeReleases(context, out.key_intersections(), out.mutable_releases());
  }
  DraftBlueprint(context, out.key_intersections(), horizon_days, out.mutable_blueprint_draft());
  AdviseCommunication(index, out.mutable_communication());
  if (rows != nullptr) {
    rows->drift.emplace(context);
  } else {
    ForecastDrift(context, out.mutable_drift());
  }
  for (v1::Reassignment& entry : PlanReassignments(context, capacity)) {
    *out.add_reassignments() = std::move(entry);
  }
  for (v1::TeamLoad& load : capacity.Loads()) *out.add_team_load() = std::move(load);
}

}  // namespace contactplan::recommend
