// Runs the rule catalogue (SPEC §5) over a plan index.
#ifndef CONTACTPLAN_SRC_RULES_RULES_H_
#define CONTACTPLAN_SRC_RULES_RULES_H_

#include "contactplan/v1/analysis.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "model/context.h"

namespace contactplan::rules {

// Appends every finding of every enabled rule to `findings` (on its arena, if it has one), ordered
// by severity (CRITICAL first), then catalogue order, then the plan's order. Rules that need "now"
// are skipped when context.now is unset.
void EvaluateRules(const model::Context& context, const v1::Web& web,
                   google::protobuf::RepeatedPtrField<v1::Finding>* findings);

}  // namespace contactplan::rules

#endif  // CONTACTPLAN_SRC_RULES_RULES_H_
