// The descriptive fields of a person or team member that differ between two plans: a rename, a new
// title, a new manager. Ids decide identity, so these are changes, never a removal and an addition.
#ifndef CONTACTPLAN_SRC_DIFF_FIELD_CHANGES_H_
#define CONTACTPLAN_SRC_DIFF_FIELD_CHANGES_H_

#include "contactplan/v1/diff.pb.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan {

// Appends one DetailChange to diff.person_changes() when any of name, title, department, level,
// buyer_roles, key, reports_to_id, desired_relationship_level or relationship_type differs
// (docs/diff.md); the current relationship level, NPS answers and leaving have lists of their own.
// Enum values are written by their proto names, booleans as "true"/"false", roles joined by ", ".
void AddPersonChanges(const v1::Person& before, const v1::Person& after, v1::PlanDiff& diff);

// The same for a team member: name, title, level, email and capacity (unset is "").
void AddTeamMemberChanges(const v1::TeamMember& before, const v1::TeamMember& after,
                          v1::PlanDiff& diff);

}  // namespace contactplan

#endif  // CONTACTPLAN_SRC_DIFF_FIELD_CHANGES_H_
