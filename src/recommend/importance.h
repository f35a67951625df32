// How much a client person matters to the account, 0-1: the first factor of every key
// intersection's priority and the ranking behind proposed TRUST targets.
#ifndef CONTACTPLAN_SRC_RECOMMEND_IMPORTANCE_H_
#define CONTACTPLAN_SRC_RECOMMEND_IMPORTANCE_H_

#include <string>
#include <vector>

#include "model/context.h"

namespace contactplan::recommend {

// importance(p) = 1 - prod(1 - w) over the person's factors (level, marked key, each buyer role,
// each buying role in an open opportunity); weights: docs/tuning.md `recommend.importance_*`.
// Adding a factor never lowers it, and it never exceeds 1 (a weight above 1 counts as 1). One value per person, in plan order.
std::vector<double> PersonImportance(const model::Context& context);

// The factors behind a person's importance in words, strongest first: "Executive, power buyer,
// Decision Maker in opportunity \"ERP\"". Empty when the plan states none of them.
std::string ImportanceBasis(const model::Context& context, model::PersonIx p);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_IMPORTANCE_H_
