#include "io/plan_rows.h"

#include "io/relationship_wire.h"
#include "io/wire_schema.h"
#include "io/wire_strings.h"

namespace contactplan::io {

absl::Status ParsePlanRows(std::string_view bytes, PlanFormat format, v1::Plan* plan,
                           model::RelationshipTable* relationships) {
  if (format == PlanFormat::kBinary &&
      WireStringsAreUtf8(bytes, WireSchema::For(v1::Plan::descriptor())) &&
      ReadPlanWithRelationshipTable(bytes, plan, relationships)) {
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
