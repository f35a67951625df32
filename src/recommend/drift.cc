#include "recommend/drift.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "model/time.h"
#include "recommend/grade_steps.h"

namespace contactplan::recommend {
namespace {

constexpr int32_t kForecastDays[] = {30, 60, 90};

void Count(v1::GradeDistribution& distribution, v1::Grade grade) {
  switch (grade) {
    case v1::TRUST:
      distribution.set_trust(distribution.trust() + 1);
      break;
    case v1::OPEN:
      distribution.set_open(distribution.open() + 1);
      break;
    case v1::SATISFIED:
      distribution.set_satisfied(distribution.satisfied() + 1);
      break;
    case v1::INDIFFERENT:
      distribution.set_indifferent(distribution.indifferent() + 1);
      break;
    case v1::DISSATISFIED:
      distribution.set_dissatisfied(distribution.dissatisfied() + 1);
      break;
    case v1::MOTIVATED_TO_CHANGE:
      distribution.set_motivated_to_change(distribution.motivated_to_change() + 1);
      break;
    default:
      break;
  }
}

}  // namespace

v1::Grade DriftedGrade(v1::Grade grade, int64_t days_without_contact, int32_t days_per_level) {
  if (!IsPositive(grade)) return grade;
  const int64_t levels = std::max<int64_t>(0, days_without_contact) / days_per_level;
  return static_cast<v1::Grade>(std::max<int64_t>(v1::INDIFFERENT, grade - levels));
}

void ForecastDrift(const model::Context& context, v1::DriftForecast* out) {
  const model::PlanIndex& index = context.index;
  const int32_t per_level = context.settings.drift_days_per_level;

  // Order: soonest drop first (intersections that do not drift last), then the better grade, then
  // plan order. Each row carries its sort key, so the sort compares plain integers and, with the
  // position as the last key, needs no stability.
  struct Row {
    int64_t drop_key;  // until_drop, or past any of them for "never"
    int32_t worse;     // 7 - grade: better grades first
    int64_t position;  // in plan order
    model::RelationshipIx r;
    int64_t days;        // without contact
    int64_t until_drop;  // 0: does not drift
  };
  std::vector<Row> rows;
  rows.reserve(index.graded().size());
  for (model::RelationshipIx r : index.graded()) {
    const v1::Relationship& rel = index.relationship(r);
    std::optional<absl::Time> seen = model::ToTime(rel.last_contact_at());
    if (!seen) seen = model::ToTime(rel.assessed_at());
    const int64_t days =
        seen && context.now ? std::max<int64_t>(0, model::DaysBetween(*seen, *context.now)) : 0;
    const int64_t until_drop = IsPositive(rel.grade()) ? per_level - days % per_level : 0;
    rows.push_back({until_drop == 0 ? std::numeric_limits<int64_t>::max() : until_drop,
                    7 - static_cast<int32_t>(rel.grade()), static_cast<int64_t>(rows.size()), r,
                    days, until_drop});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.drop_key != b.drop_key) return a.drop_key < b.drop_key;
    if (a.worse != b.worse) return a.worse < b.worse;
    return a.position < b.position;
  });

  v1::DriftForecast& forecast = *out;
  v1::GradeDistribution* distribution[4];
  distribution[0] = forecast.add_distribution();
  distribution[0]->set_days(0);
  for (int i = 0; i < 3; ++i) {
    distribution[i + 1] = forecast.add_distribution();
    distribution[i + 1]->set_days(kForecastDays[i]);
  }
  for (const Row& row : rows) {
    const v1::Relationship& rel = index.relationship(row.r);
    v1::IntersectionDrift& drift = *forecast.add_intersections();
    drift.set_team_member_id(rel.team_member_id());
    drift.set_person_id(rel.person_id());
    drift.set_now(rel.grade());
    const v1::Grade in_30 = DriftedGrade(rel.grade(), row.days + 30, per_level);
    const v1::Grade in_60 = DriftedGrade(rel.grade(), row.days + 60, per_level);
    const v1::Grade in_90 = DriftedGrade(rel.grade(), row.days + 90, per_level);
    drift.set_in_30_days(in_30);
    drift.set_in_60_days(in_60);
    drift.set_in_90_days(in_90);
    drift.set_days_since_contact(
        static_cast<int32_t>(std::min<int64_t>(row.days, std::numeric_limits<int32_t>::max())));
    drift.set_days_until_next_drop(static_cast<int32_t>(row.until_drop));
    Count(*distribution[0], rel.grade());
    Count(*distribution[1], in_30);
    Count(*distribution[2], in_60);
    Count(*distribution[3], in_90);
  }
}

}  // namespace contactplan::recommend
