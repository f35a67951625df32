// Runs the rule catalogue (docs/rules.md) over a plan index.
#ifndef CONTACTPLAN_SRC_RULES_RULES_H_
#define CONTACTPLAN_SRC_RULES_RULES_H_

#include <cstdint>
#include <vector>

#include "contactplan/v1/analysis.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "model/context.h"
#include "model/influence_web.h"
#include "rules/finding.h"

namespace contactplan::rules {

// Every finding of every enabled rule, ordered by severity (CRITICAL first), then catalogue order,
// then the plan's order. Rules that need "now" are skipped when context.now is unset.
std::vector<Finding> EvaluateRules(const model::Context& context, const model::InfluenceWeb& web);

// The same findings left where the rules put them (catalogue order, each rule in plan order), with
// *order set to their positions in the order above: the engine reads them through it, so that the
// tens of thousands of records of a large account are never moved.
std::vector<Finding> EvaluateRules(const model::Context& context, const model::InfluenceWeb& web,
                                   std::vector<uint32_t>* order);

// The same findings written as messages, appended to `findings` (on its arena, if it has one),
// every message included: for tests and tools that read Finding messages.
void EvaluateRules(const model::Context& context, const model::InfluenceWeb& web,
                   google::protobuf::RepeatedPtrField<v1::Finding>* findings);

}  // namespace contactplan::rules

#endif  // CONTACTPLAN_SRC_RULES_RULES_H_
