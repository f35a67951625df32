#include "io/plan_rows.h"

#include "io/relationship_wire.h"

namespace contactplan::io {

absl::Status ParsePlanRows(std::string_view bytes, PlanFormat format, v1::Plan* plan,
                           model::RelationshipTable* relationships) {
  if (format == PlanFormat::kBinary && ReadPlanWithRelationshipTable(bytes, plan, relationships)) {
    return absl::OkStatus();
  }
  if (absl::Status status = ParsePlanInto(bytes, format, plan); !status.ok()) {
    *relationships = model::RelationshipTable();
    return status;
  }
  *relationships = model::RelationshipTable::FromPlan(*plan);
  return absl::OkStatus();
}

}  // namespace contactplan::io
