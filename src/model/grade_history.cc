#include "model/grade_history.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "model/time.h"

namespace contactplan::model {
namespace {

// Timestamps in time order without converting them: a validated plan's nanos are within a second
// (base/timestamp_range.h), so (seconds, nanos) order is time order.
bool Before(const google::protobuf::Timestamp& a, const google::protobuf::Timestamp& b) {
  return a.seconds() != b.seconds() ? a.seconds() < b.seconds() : a.nanos() < b.nanos();
}

}  // namespace

std::optional<GradeChangeSeen> LatestGradeChange(const v1::Relationship& relationship) {
  if (relationship.grade() == v1::GRADE_UNSPECIFIED) return std::nullopt;
  // The dated entries with a grade, by pointer; a history is short, so no heap block for it.
  absl::InlinedVector<const v1::GradeChange*, 8> timeline;
  for (const v1::GradeChange& change : relationship.history()) {
    if (change.has_at() && change.grade() != v1::GRADE_UNSPECIFIED) timeline.push_back(&change);
  }
  if (timeline.empty()) return std::nullopt;
  const auto earlier = [](const v1::GradeChange* a, const v1::GradeChange* b) {
    return Before(a->at(), b->at());
  };
  // Histories are usually written oldest first; sort (stably: plan order on equal dates) otherwise.
  if (!std::is_sorted(timeline.begin(), timeline.end(), earlier)) {
    std::stable_sort(timeline.begin(), timeline.end(), earlier);
  }
  // The current grade closes the timeline: it is what the grade is now, whatever its date says.
  v1::Grade later = relationship.grade();
  std::optional<absl::Time> later_at =
      ToTime(relationship.has_assessed_at(), relationship.assessed_at());
  for (auto it = timeline.rbegin(); it != timeline.rend(); ++it) {
    const v1::GradeChange& entry = **it;
    if (entry.grade() != later) {
      return GradeChangeSeen{.from = entry.grade(), .to = later, .at = later_at};
    }
    // The same grade earlier: the change (if any) happened before this entry.
    later_at = ToTime(true, entry.at());
  }
  return std::nullopt;
}

}  // namespace contactplan::model
