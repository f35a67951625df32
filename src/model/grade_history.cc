#include "model/grade_history.h"

#include <algorithm>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "base/stable_sort.h"
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
  // Only dated entries with a grade count.
  const auto counts = [](const GradeChangeRow& change) {
    return change.at.present && change.grade != v1::GRADE_UNSPECIFIED;
  };
  // The timeline from its latest entry back, `latest` to `oldest` (iterators over entries or over
  // pointers to them): the current grade closes it (it is what the grade is now, whatever its date
  // says), and the change is the latest entry with another grade, dated by the entry after it.
  const auto latest_change = [grade, &assessed_at, &counts](auto latest, auto oldest,
                                                            auto entry_of)
      -> std::optional<GradeChangeSeen> {
    const PlanTime* later_at = &assessed_at;
    for (; latest != oldest; ++latest) {
      const GradeChangeRow& entry = entry_of(*latest);
      if (!counts(entry)) continue;
      if (entry.grade != grade) {
        return GradeChangeSeen{.from = static_cast<v1::Grade>(entry.grade),
                               .to = static_cast<v1::Grade>(grade), .at = ToTime(*later_at)};
      }
      // The same grade earlier: the change (if any) happened before this entry.
      later_at = &entry.at;
    }
    return std::nullopt;
  };
  // Histories are usually written oldest first (equal dates in plan order): then they are read in
  // place, from the end.
  const GradeChangeRow* previous = nullptr;
  bool in_order = true;
  for (const GradeChangeRow& change : history) {
    if (!counts(change)) continue;
    if (previous != nullptr && Before(change.at, previous->at)) {
      in_order = false;
      break;
    }
    previous = &change;
  }
  if (in_order) {
    return latest_change(history.rbegin(), history.rend(),
                         [](const GradeChangeRow& entry) -> const GradeChangeRow& { return entry; });
  }
  // Otherwise the dated entries sorted, stably (plan order on equal dates), by pointer; a history is
  // short, so no heap block for it (base/stable_sort.h).
  absl::InlinedVector<const GradeChangeRow*, 8> timeline;
  for (const GradeChangeRow& change : history) {
    if (counts(change)) timeline.push_back(&change);
  }
  StableSort(timeline.begin(), timeline.end(),
             [](const GradeChangeRow* a, const GradeChangeRow* b) { return Before(a->at, b->at); });
  return latest_change(timeline.rbegin(), timeline.rend(),
                       [](const GradeChangeRow* entry) -> const GradeChangeRow& { return *entry; });
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
