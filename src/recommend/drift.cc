#include "recommend/drift.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
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

// The positions 0..n-1 ordered by keys[position], equal keys in position order: a least significant
// digit first counting sort, two passes of 10 bits, for keys below 2^20. Linear in n, and on a
// large account several times cheaper than a comparison sort of the same rows.
std::vector<uint32_t> StableOrderByKey(const std::vector<uint32_t>& keys) {
  constexpr int kDigitBits = 10;
  constexpr uint32_t kDigitMask = (1u << kDigitBits) - 1;
  std::vector<uint32_t> order(keys.size());
  std::vector<uint32_t> next(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  for (int shift = 0; shift < 2 * kDigitBits; shift += kDigitBits) {
    std::array<uint32_t, kDigitMask + 2> start{};
    for (const uint32_t key : keys) ++start[((key >> shift) & kDigitMask) + 1];
    for (size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    for (const uint32_t position : order) next[start[(keys[position] >> shift) & kDigitMask]++] = position;
    order.swap(next);
  }
  return order;
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

  // One row per graded intersection (100,000 on a large account, held while the forecast is
  // written, when the analysis is at its largest): 20 bytes. Days fit 32 bits (any two Timestamps
  // are less than 3.7 million days apart) and days per level 16 bits (the option's range). A row
  // carries everything the forecast writes, so the rows are written in their sorted order without
  // going back to the relationships: on a large account that order jumps all over a plan far
  // larger than the caches, while the ids come from the persons and team members, which are few.
  struct Row {
    model::PersonIx person;
    model::MemberIx member;
    int32_t days;         // without contact
    uint16_t until_drop;  // 0: does not drift
    uint16_t per_level;   // days per level for this row (sooner for a falling grade)
    uint8_t grade;        // v1::Grade
    uint8_t basis;        // v1::IntersectionDrift::Basis
    bool falling;
  };
  static_assert(sizeof(Row) == 20);
  // Order: soonest drop first (intersections that do not drift last), then the better grade, then
  // plan order. The first two are packed into a 20-bit key per row: until_drop (1..days per level,
  // at most 36,500 by the option's range in src/options/settings.cc; "never" is 2^16, so 17 bits)
  // above 7 - grade (3 bits); plan order is the rows' own order, which a stable sort keeps.
  static_assert(36500 < (1 << 16));
  std::vector<Row> rows;
  std::vector<uint32_t> keys;
  rows.reserve(index.graded().size());
  keys.reserve(index.graded().size());
  const v1::ActivityTuning& activity = context.settings.tuning.activity();
  const absl::Duration falling_window = absl::Hours(24) * activity.falling_window_days();
  // A falling grade drifts sooner: fewer days per level, at least one.
  const int32_t falling_per_level = std::max<int32_t>(
      1, static_cast<int32_t>(std::lround(per_level * std::min(1.0, activity.falling_drift_share()))));
  for (model::RelationshipIx r : index.graded()) {
    const v1::Grade grade = index.grade(r);
    v1::IntersectionDrift::Basis basis = v1::IntersectionDrift::LAST_CONTACT;
    std::optional<absl::Time> seen = index.last_contact(r);
    if (!seen) {
      const v1::Relationship& rel = index.relationship(r);
      seen = model::ToTime(rel.has_assessed_at(), rel.assessed_at());
      basis = v1::IntersectionDrift::ASSESSMENT;
    }
    if (!seen || !context.now) basis = v1::IntersectionDrift::UNKNOWN;
    const int64_t days = basis != v1::IntersectionDrift::UNKNOWN
                             ? std::max<int64_t>(0, model::DaysBetween(*seen, *context.now))
                             : 0;
    const bool falling = context.now && index.fell_within(r, *context.now, falling_window);
    const int32_t row_per_level = falling ? std::min(per_level, falling_per_level) : per_level;
    const int64_t until_drop = IsPositive(grade) ? row_per_level - days % row_per_level : 0;
    const uint32_t drop = until_drop == 0 ? uint32_t{1} << 16 : static_cast<uint32_t>(until_drop);
    const auto worse = static_cast<uint32_t>(7 - std::clamp<int>(grade, 0, 7));
    keys.push_back((drop << 3) | worse);
    rows.push_back({index.relationship_person(r), index.relationship_member(r),
                    static_cast<int32_t>(std::min<int64_t>(days, std::numeric_limits<int32_t>::max())),
                    static_cast<uint16_t>(until_drop), static_cast<uint16_t>(row_per_level),
                    static_cast<uint8_t>(grade), static_cast<uint8_t>(basis), falling});
  }
  const std::vector<uint32_t> order = StableOrderByKey(keys);

  v1::DriftForecast& forecast = *out;
  v1::GradeDistribution* distribution[4];
  distribution[0] = forecast.add_distribution();
  distribution[0]->set_days(0);
  for (int i = 0; i < 3; ++i) {
    distribution[i + 1] = forecast.add_distribution();
    distribution[i + 1]->set_days(kForecastDays[i]);
  }
  // The rows are read in sorted order, i.e. at random on a large account: each is fetched a few
  // rows ahead, and the ids it names a little later, so the misses overlap instead of queueing.
  constexpr size_t kRowAhead = 16;
  constexpr size_t kIdsAhead = 8;
  const Row* const row_at = rows.data();
  for (size_t i = 0; i < order.size(); ++i) {
    if (i + kRowAhead < order.size()) __builtin_prefetch(row_at + order[i + kRowAhead]);
    if (i + kIdsAhead < order.size()) {
      const Row& ahead = row_at[order[i + kIdsAhead]];
      __builtin_prefetch(index.person_id(ahead.person).data());
      __builtin_prefetch(index.member_id(ahead.member).data());
    }
    const Row& row = row_at[order[i]];
    const auto grade = static_cast<v1::Grade>(row.grade);
    v1::IntersectionDrift& drift = *forecast.add_intersections();
    const std::string_view member_id = index.member_id(row.member);
    const std::string_view person_id = index.person_id(row.person);
    // Assigned in place: set_x(data, size) would copy through a temporary std::string, a second
    // heap block for an id longer than 15 bytes (CRM ids often are).
    drift.mutable_team_member_id()->assign(member_id.data(), member_id.size());
    drift.mutable_person_id()->assign(person_id.data(), person_id.size());
    drift.set_now(grade);
    const int64_t days = row.days;
    const v1::Grade in_30 = DriftedGrade(grade, days + 30, row.per_level);
    const v1::Grade in_60 = DriftedGrade(grade, days + 60, row.per_level);
    const v1::Grade in_90 = DriftedGrade(grade, days + 90, row.per_level);
    drift.set_in_30_days(in_30);
    drift.set_in_60_days(in_60);
    drift.set_in_90_days(in_90);
    drift.set_days_since_contact(row.days);
    drift.set_days_until_next_drop(row.until_drop);
    drift.set_basis(static_cast<v1::IntersectionDrift::Basis>(row.basis));
    drift.set_falling(row.falling);
    Count(*distribution[0], grade);
    Count(*distribution[1], in_30);
    Count(*distribution[2], in_60);
    Count(*distribution[3], in_90);
  }
}

}  // namespace contactplan::recommend
