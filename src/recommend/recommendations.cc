#include "recommend/recommendations.h"

#include <utility>
#include <vector>

#include "recommend/blueprint_draft.h"
#include "recommend/communication.h"
#include "recommend/desired_grades.h"
#include "recommend/drift.h"
#include "recommend/importance.h"
#include "recommend/key_intersections.h"
#include "recommend/leverage.h"
#include "recommend/owners.h"
#include "recommend/reasons.h"

namespace contactplan::recommend {

v1::Recommendations Recommend(const model::Context& context, std::span<const v1::Finding> findings,
                              int32_t horizon_days) {
  const model::PlanIndex& index = context.index;
  v1::Recommendations out;
  out.set_horizon_days(horizon_days);

  const std::vector<double> importance = PersonImportance(index);
  DesiredGrades desired(context, importance);
  const CellReasons reasons(index, findings);
  const LeverageFinder leverage(index, context.settings.leverage_max_hops);
  TeamCapacity capacity(context);

  KeyIntersectionPlan plan =
      PlanKeyIntersections(context, {importance, desired, reasons, leverage}, capacity,
                           context.settings.KeyIntersectionLimit(horizon_days));
  for (v1::BlueprintEntry& entry : DraftBlueprint(context, plan.key_intersections, horizon_days)) {
    *out.add_blueprint_draft() = std::move(entry);
  }
  for (v1::KeyIntersection& key : plan.key_intersections) {
    *out.add_key_intersections() = std::move(key);
  }
  for (v1::UnstaffedCell& cell : plan.unstaffed) *out.add_unstaffed() = std::move(cell);
  for (v1::DesiredGrade& grade : std::move(desired).Take())
    *out.add_desired_grades() = std::move(grade);
  for (v1::CommunicationAdvice& advice : AdviseCommunication(index)) {
    *out.add_communication() = std::move(advice);
  }
  *out.mutable_drift() = ForecastDrift(context);
  for (v1::TeamLoad& load : capacity.Loads()) *out.add_team_load() = std::move(load);
  return out;
}

}  // namespace contactplan::recommend
