#include "model/grade_history.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "model/time.h"

namespace contactplan::model {

std::optional<GradeChangeSeen> LatestGradeChange(const v1::Relationship& relationship) {
  if (relationship.grade() == v1::GRADE_UNSPECIFIED) return std::nullopt;
  std::vector<std::pair<absl::Time, v1::Grade>> timeline;
  timeline.reserve(relationship.history_size());
  for (const v1::GradeChange& change : relationship.history()) {
    if (!change.has_at() || change.grade() == v1::GRADE_UNSPECIFIED) continue;
    timeline.emplace_back(*ToTime(true, change.at()), change.grade());
  }
  std::stable_sort(timeline.begin(), timeline.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // The current grade closes the timeline: it is what the grade is now, whatever its date says.
  const std::optional<absl::Time> assessed =
      ToTime(relationship.has_assessed_at(), relationship.assessed_at());
  v1::Grade later = relationship.grade();
  std::optional<absl::Time> later_at = assessed;
  for (auto it = timeline.rbegin(); it != timeline.rend(); ++it) {
    if (it->second != later) {
      return GradeChangeSeen{.from = it->second, .to = later, .at = later_at};
    }
    // The same grade earlier: the change (if any) happened before this entry.
    later_at = it->first;
  }
  return std::nullopt;
}

bool FellWithin(const v1::Relationship& relationship, absl::Time now, absl::Duration window) {
  const std::optional<GradeChangeSeen> change = LatestGradeChange(relationship);
  if (!change || !change->is_drop() || !change->at) return false;
  return *change->at <= now && now - *change->at <= window;
}

}  // namespace contactplan::model
