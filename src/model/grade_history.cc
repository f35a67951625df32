#include "model/grade_history.h"

#include <algorithm>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "model/time.h"

namespace contactplan::model {
namespace {

// Times in time order without converting them: a validated plan's nanos are within a second
// (base/timestamp_range.h), so (seconds, nanos) order is time order.
bool Before(const PlanTime& a, const PlanTime& b) {
  return a.seconds != b.seconds ? a.seconds < b.seconds : a.nanos < b.nanos;
}

}  // namespace

std::optional<GradeChangeSeen> LatestGradeChange(int32_t grade, const PlanTime& assessed_at,
                                                 std::span<const GradeChangeRow> history) {
  if (grade == v1::GRADE_UNSPECIFIED) return std::nullopt;
  // The dated entries with a grade, by pointer; a history is short, so no heap block for it.
  absl::InlinedVector<const GradeChangeRow*, 8> timeline;
  for (const GradeChangeRow& change : history) {
    if (change.at.present && change.grade != v1::GRADE_UNSPECIFIED) timeline.push_back(&change);
  }
  if (timeline.empty()) return std::nullopt;
  const auto earlier = [](const GradeChangeRow* a, const GradeChangeRow* b) {
    return Before(a->at, b->at);
  };
  // Histories are usually written oldest first; sort (stably: plan order on equal dates) otherwise.
  if (!std::is_sorted(timeline.begin(), timeline.end(), earlier)) {
    std::stable_sort(timeline.begin(), timeline.end(), earlier);
  }
  // The current grade closes the timeline: it is what the grade is now, whatever its date says.
  auto later = static_cast<v1::Grade>(grade);
  std::optional<absl::Time> later_at = ToTime(assessed_at);
  for (auto it = timeline.rbegin(); it != timeline.rend(); ++it) {
    const GradeChangeRow& entry = **it;
    if (entry.grade != later) {
      return GradeChangeSeen{.from = static_cast<v1::Grade>(entry.grade), .to = later,
                             .at = later_at};
    }
    // The same grade earlier: the change (if any) happened before this entry.
    later_at = ToTime(entry.at);
  }
  return std::nullopt;
}

std::optional<GradeChangeSeen> LatestGradeChange(const RelationshipTable& relationships,
                                                 RelationshipIx r) {
  return LatestGradeChange(relationships[r].grade, relationships[r].assessed_at,
                           relationships.history(r));
}

std::optional<GradeChangeSeen> LatestGradeChange(const v1::Relationship& relationship) {
  std::vector<GradeChangeRow> history;
  history.reserve(relationship.history_size());
  for (const v1::GradeChange& change : relationship.history()) {
    history.push_back({PlanTime::Of(change.has_at(), change.at()), change.grade(),
                       static_cast<uint32_t>(change.note().size())});
  }
  return LatestGradeChange(relationship.grade(),
                           PlanTime::Of(relationship.has_assessed_at(), relationship.assessed_at()),
                           history);
}

}  // namespace contactplan::model
