// Runs the rule catalogue (SPEC §5) over a plan index.
#ifndef CONTACTPLAN_SRC_RULES_RULES_H_
#define CONTACTPLAN_SRC_RULES_RULES_H_

#include <vector>

#include "contactplan/v1/analysis.pb.h"
#include "model/context.h"

namespace contactplan::rules {

// Every finding of every enabled rule, ordered by severity (CRITICAL first), then catalogue order,
// then the plan's order. Rules that need "now" are skipped when context.now is unset.
std::vector<v1::Finding> EvaluateRules(const model::Context& context, const v1::Web& web);

}  // namespace contactplan::rules

#endif  // CONTACTPLAN_SRC_RULES_RULES_H_
