// Validation and id resolution in one pass, for the engine: the problems of a plan and the ids the
// plan index is then built on, so no id is hashed twice and the limits are read from the engine's
// resolved settings as they are.
#ifndef CONTACTPLAN_SRC_VALIDATE_CHECKED_PLAN_H_
#define CONTACTPLAN_SRC_VALIDATE_CHECKED_PLAN_H_

#include <vector>

#include "contactplan/v1/plan.pb.h"
#include "contactplan/validation.h"
#include "model/relationship_table.h"
#include "model/resolved_ids.h"
#include "options/settings.h"

namespace contactplan::validate {

struct CheckedPlan {
  // Every problem of the plan, exactly as ValidatePlan (include/contactplan/validation.h) lists
  // them; empty means valid.
  std::vector<ValidationProblem> problems;
  // The plan's ids resolved (model::ResolveIds), ready to move into a model::PlanIndex when
  // `problems` is empty. Left empty when a count exceeds its limit: an oversized plan is refused
  // before any work proportional to its content.
  model::ResolvedIds ids;
};

// Checks `plan` against the limits of `settings` (as resolved by ResolveSettings) and resolves its
// ids on the way. The plan's relationships are read from `relationships` (the plan's own as rows,
// model/relationship_table.h), never from plan.relationships(). `plan` must outlive the result (its
// ids are views of the plan's strings). Thread-safe; everything passed is only read.
CheckedPlan CheckPlan(const v1::Plan& plan, const model::RelationshipTable& relationships,
                      const Settings& settings);

// The same for a plan whose relationships are its messages.
inline CheckedPlan CheckPlan(const v1::Plan& plan, const Settings& settings) {
  return CheckPlan(plan, model::RelationshipTable::FromPlan(plan), settings);
}

}  // namespace contactplan::validate

#endif  // CONTACTPLAN_SRC_VALIDATE_CHECKED_PLAN_H_
