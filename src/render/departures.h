// Who has left and who is about to (docs/time.md#leaving), in one line for the brief and the report.
#ifndef CONTACTPLAN_SRC_RENDER_DEPARTURES_H_
#define CONTACTPLAN_SRC_RENDER_DEPARTURES_H_

#include <string>

#include "model/plan_index.h"

namespace contactplan::render {

// "Left: Sabine Brandt (2024-09-16, successor Amina Faye); Irene (our team, 2024-08-01) ·
// Leaving: Kai Takahashi (our team, on 2024-11-01, not yet left)". Persons first, then our team, in
// plan order; empty when nobody has left or announced a departure. Unwrapped.
std::string DeparturesText(const model::PlanIndex& index);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_DEPARTURES_H_
