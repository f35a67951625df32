// A plan parsed for analysis: its relationships as rows (model/relationship_table.h), read from
// binary bytes without building them as messages when the bytes allow it.
#ifndef CONTACTPLAN_SRC_IO_PLAN_ROWS_H_
#define CONTACTPLAN_SRC_IO_PLAN_ROWS_H_

#include <string_view>

#include "absl/status/status.h"
#include "contactplan/plan_io.h"
#include "contactplan/v1/plan.pb.h"
#include "model/relationship_table.h"

namespace contactplan::io {

// Parses `bytes` in `format` into *plan and the plan's relationships into *relationships, with the
// status ParsePlanInto gives for the same bytes (the same messages for the same errors).
//  - Binary: the relationships are decoded straight into rows, their strings checked for UTF-8 as
//    they are read, and the rest of the plan checked the same way and parsed by protobuf
//    (io/relationship_wire.h: the bytes are walked once, where a binary parse walks them before
//    protobuf reads them, io/proto_binary.cc);
//    plan->relationships() is then empty and the rows' ids are views of `bytes`, which must outlive
//    *relationships. Bytes that reader does not take (rare encodings, anything protobuf would
//    refuse) are parsed whole by ParsePlanInto and the rows built from the messages.
//  - Other formats: ParsePlanInto, then RelationshipTable::FromPlan (views of the plan's strings).
// Every later stage reads the relationships from the rows only (engine/analyze.h).
absl::Status ParsePlanRows(std::string_view bytes, PlanFormat format, v1::Plan* plan,
                           model::RelationshipTable* relationships);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_PLAN_ROWS_H_
