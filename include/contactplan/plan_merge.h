// Merging partial plans into a plan by id: a drafted blueprint (`contactplan blueprint --format
// json`), relationships graded in another file, persons added from a CRM export ... A part need not
// be a valid plan on its own; the merged plan must be.
#ifndef CONTACTPLAN_PLAN_MERGE_H_
#define CONTACTPLAN_PLAN_MERGE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan {

// A plan or part with the name its messages use (usually its path).
struct NamedPlan {
  std::string name;
  v1::Plan plan;
};

// Merges `parts`, in order, into `base` and validates the result with `limits`.
//
// Elements of repeated fields are matched by their key and merged field by field; an element whose
// key the plan does not hold yet is appended (plan order kept, new elements after):
//   team_members, persons, opportunities: id; relationships: (team_member_id, person_id);
//   blueprint: (person_id, team_member_id); persons[].influences and opportunities[].participants:
//   person_id. An element whose key fields are all empty is appended as it is.
// A field set in a part (for fields without presence: a value other than the default, so a part
// cannot clear a value or set it back to false/0) is taken when the plan leaves it unset, and is a
// conflict when the plan holds another value. Other repeated fields (buyer_roles, nps_answers,
// history, strategies, tactics) are taken whole when the plan has none, and are a conflict when the
// plan has a different list. Timestamps and other well-known types compare as whole values. Fields
// unknown to this build are carried over from every part.
//
// Errors (nothing is returned then):
//  - InvalidArgument listing every conflict, one per line, in part order then field order:
//      "draft.json: persons[\"ann\"].title: \"CFO\" here, \"CEO\" in plan.json: make them agree, or
//      remove the value from one file" (the file named last is the one the plan's value came
//      from: the base, or the earlier part that brought it in)
//  - the merged plan's validation problems, as ValidationStatus words them, after a first line
//    "the merged plan is not valid:".
// Thread-safe; the inputs are only read.
absl::StatusOr<v1::Plan> MergePlans(const NamedPlan& base, const std::vector<NamedPlan>& parts,
                                    const v1::Limits& limits = {});

}  // namespace contactplan

#endif  // CONTACTPLAN_PLAN_MERGE_H_
