// Reassignments (docs/time.md#leaving): the relationships of team members who have left, each
// offered to the best-placed team member who stays.
#ifndef CONTACTPLAN_SRC_RECOMMEND_REASSIGNMENTS_H_
#define CONTACTPLAN_SRC_RECOMMEND_REASSIGNMENTS_H_

#include <vector>

#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"
#include "recommend/owners.h"

namespace contactplan::recommend {

// One entry per graded intersection of a team member who has left with a person who has not, in
// plan order of the members, then of their relationships. The new holder: a team member who stays
// and already holds a thread with the person (the best grade, then plan order: no new effort);
// else the owner choice for a new relationship (TeamCapacity::ChooseOwner) at the upkeep of the
// grade, which is reserved; else nobody (team_member_id empty, the reason says why).
std::vector<v1::Reassignment> PlanReassignments(const model::Context& context,
                                                TeamCapacity& capacity);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_REASSIGNMENTS_H_
