// The grade history of one intersection read as a timeline (docs/time.md#grade-history): which change
// came last, and whether it was a drop. GRADE_FALLING, the urgency of key intersections and the
// drift forecast all read it from here.
#ifndef CONTACTPLAN_SRC_MODEL_GRADE_HISTORY_H_
#define CONTACTPLAN_SRC_MODEL_GRADE_HISTORY_H_

#include <cstdint>
#include <optional>
#include <span>

#include "absl/time/time.h"
#include "contactplan/v1/plan.pb.h"
#include "model/relationship_table.h"

namespace contactplan::model {

// The latest change of grade of a relationship: from `from` to `to`, on `at` (nullopt when the
// grade it changed to carries no date).
struct GradeChangeSeen {
  v1::Grade from = v1::GRADE_UNSPECIFIED;
  v1::Grade to = v1::GRADE_UNSPECIFIED;
  std::optional<absl::Time> at;
  // A drop: `to` is a worse grade than `from` (blank never counts as either end).
  bool is_drop() const {
    return from != v1::GRADE_UNSPECIFIED && to != v1::GRADE_UNSPECIFIED && to < from;
  }
};

// The timeline is the history entries with a date, oldest first (entries without a date and blank
// grades are skipped), followed by the current grade dated by `assessed_at` (undated without it).
// Returns the last pair of neighbours on it whose grades differ; nullopt when the grade never
// changed (or the relationship has no grade). O(history), without allocating for a short history;
// sorts only a history not written oldest first.
std::optional<GradeChangeSeen> LatestGradeChange(const RelationshipTable& relationships,
                                                 RelationshipIx r);
// The same for a relationship of a given grade, assessed_at and history.
std::optional<GradeChangeSeen> LatestGradeChange(int32_t grade, const PlanTime& assessed_at,
                                                 std::span<const GradeChangeRow> history);
// The same for a relationship message (tests, and views of a plan as messages).
std::optional<GradeChangeSeen> LatestGradeChange(const v1::Relationship& relationship);

// Whether the latest change is a drop dated within a window before now is asked of the plan index
// (PlanIndex::fell_within), which reads every relationship's history once.

}  // namespace contactplan::model

#endif  // CONTACTPLAN_SRC_MODEL_GRADE_HISTORY_H_
