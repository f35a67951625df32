#include "recommend/drift.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "base/permute.h"
#include "base/wire_write.h"
#include "model/time.h"
#include "recommend/grade_steps.h"

namespace contactplan::recommend {
namespace {

constexpr int32_t kForecastDays[] = {30, 60, 90};

using wire::ScalarSize;
using wire::StringSize;
using wire::Tag;
using wire::VarintSize;
using wire::WriteScalar;
using wire::WriteString;
using wire::WriteVarint;

// The six grades' counts of a GradeDistribution in its field order (trust = 2 ... motivated = 7).
constexpr v1::Grade kDistributionGrades[] = {v1::TRUST,       v1::OPEN,         v1::SATISFIED,
                                             v1::INDIFFERENT, v1::DISSATISFIED, v1::MOTIVATED_TO_CHANGE};

// The positions 0..n-1 ordered by keys[position], equal keys in position order: a least significant
// digit first counting sort, two passes of 10 bits, for keys below 2^20. Linear in n, and on a
// large account several times cheaper than a comparison sort of the same rows.
std::vector<uint32_t> StableOrderByKey(const std::vector<uint32_t>& keys) {
  constexpr int kDigitBits = 10;
  constexpr uint32_t kDigitMask = (1u << kDigitBits) - 1;
  std::vector<uint32_t> order(keys.size());
  // A few hundred rows (a typical account has about 60) cost less by comparison than the two
  // passes' 2,048 counters.
  constexpr size_t kFewRows = 256;
  if (keys.size() <= kFewRows) {
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
    std::stable_sort(order.begin(), order.end(),
                     [&keys](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
    return order;
  }
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

// The IntersectionDrift message of `row`, its fields in number order (proto3: zero values and empty
// strings are not written).
inline size_t DriftForecastRows::RowWireSize(const Row& row, size_t member_id, size_t person_id) {
  // The grades, the basis and `falling` are below 128: a one-byte tag and a one-byte value each
  // when set, counted without a varint's loop (96,000 rows on the 10,000 x 500 account).
  static_assert(v1::Grade_MAX < 128 && v1::IntersectionDrift::Basis_MAX < 128);
  const int one_byte_fields = (row.grade != 0) + (row.ahead[0] != 0) + (row.ahead[1] != 0) +
                              (row.ahead[2] != 0) + (row.basis != 0) + (row.falling ? 1 : 0);
  return StringSize(member_id) + StringSize(person_id) + 2 * static_cast<size_t>(one_byte_fields) +
         ScalarSize(row.days) + ScalarSize(row.until_drop);
}

DriftForecastRows::DriftForecastRows(const model::Context& context) {
  const model::PlanIndex& index = context.index;
  const int32_t per_level = context.settings.drift_days_per_level;

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
  // "Now" as seconds and nanos, once: the days since a date the row holds are then worked out in
  // integers (model::DaysBetween of two PlanTimes), not through absl's Duration.
  const model::PlanTime now =
      context.now ? model::ToPlanTime(*context.now) : model::PlanTime{};
  for (model::RelationshipIx r : index.graded()) {
    const v1::Grade grade = index.grade(r);
    const model::RelationshipRow& relationship = index.relationships()[r];
    // Seen last: last_contact_at, else the latest touch (model::PlanIndex::last_contact), else
    // the assessment.
    v1::IntersectionDrift::Basis basis = v1::IntersectionDrift::LAST_CONTACT;
    int64_t days = 0;
    if (!context.now) {
      basis = v1::IntersectionDrift::UNKNOWN;
    } else if (relationship.last_contact_at.present) {
      days = model::DaysBetween(relationship.last_contact_at, now);
    } else if (const std::optional<absl::Time> touched = index.touch_summary(r).last_touch) {
      days = model::DaysBetween(*touched, *context.now);
    } else if (relationship.assessed_at.present) {
      basis = v1::IntersectionDrift::ASSESSMENT;
      days = model::DaysBetween(relationship.assessed_at, now);
    } else {
      basis = v1::IntersectionDrift::UNKNOWN;
    }
    days = std::max<int64_t>(0, days);
    const bool falling = context.now && index.fell_within(r, *context.now, falling_window);
    const int32_t row_per_level = falling ? std::min(per_level, falling_per_level) : per_level;
    const int64_t until_drop = IsPositive(grade) ? row_per_level - days % row_per_level : 0;
    const uint32_t drop = until_drop == 0 ? uint32_t{1} << 16 : static_cast<uint32_t>(until_drop);
    const auto worse = static_cast<uint32_t>(7 - std::clamp<int>(grade, 0, 7));
    keys.push_back((drop << 3) | worse);
    const auto clamped_days =
        static_cast<int32_t>(std::min<int64_t>(days, std::numeric_limits<int32_t>::max()));
    Row& row = rows.emplace_back();
    row = {index.relationship_person(r), index.relationship_member(r), clamped_days,
           static_cast<uint16_t>(until_drop), static_cast<uint8_t>(grade),
           static_cast<uint8_t>(basis), falling, {}};
    for (int h = 0; h < 3; ++h) {
      row.ahead[h] = static_cast<uint8_t>(
          DriftedGrade(grade, int64_t{clamped_days} + kForecastDays[h], row_per_level));
    }
  }
  std::vector<uint32_t> order = StableOrderByKey(keys);
  std::vector<uint32_t>().swap(keys);

  // The rows put in the forecast's order in place: no second copy of the rows, which on a large
  // account are 2 MB at the moment the analysis is at its largest.
  PermuteInPlace(std::span<Row>(rows), order);
  std::vector<uint32_t>().swap(order);
  rows_ = std::move(rows);
  for (const Row& row : rows_) {
    ++distribution_[0][row.grade];
    for (int h = 0; h < 3; ++h) ++distribution_[h + 1][row.ahead[h]];
  }
  ids_ = model::IdViews(index);
  // Each row's message size, worked out once for WireSize and WriteWire both.
  body_sizes_.resize(rows_.size());
  for (size_t i = 0; i < rows_.size(); ++i) {
    PrefetchIds(i);
    const Row& row = rows_[i];
    const size_t body =
        RowWireSize(row, ids_.members[row.member].size(), ids_.persons[row.person].size());
    body_sizes_[i] = body <= UINT8_MAX ? static_cast<uint8_t>(body) : 0;
    rows_wire_size_ += 1 + VarintSize(body) + body;
  }
}

size_t DriftForecastRows::BodySize(size_t i) const {
  if (body_sizes_[i] != 0) return body_sizes_[i];
  const Row& row = rows_[i];
  return RowWireSize(row, ids_.members[row.member].size(), ids_.persons[row.person].size());
}

void DriftForecastRows::PrefetchIds(size_t i) const {
  // The ids a row names are read at random on a large account: fetched a few rows ahead, so the
  // misses overlap instead of queueing.
  constexpr size_t kIdsAhead = 8;
  if (i + kIdsAhead < rows_.size()) {
    const Row& ahead = rows_[i + kIdsAhead];
    __builtin_prefetch(ids_.persons[ahead.person].data());
    __builtin_prefetch(ids_.members[ahead.member].data());
  }
}

void DriftForecastRows::WriteTo(v1::DriftForecast* out) const {
  v1::DriftForecast& forecast = *out;
  forecast.mutable_intersections()->Reserve(static_cast<int>(rows_.size()));
  for (size_t i = 0; i < rows_.size(); ++i) {
    PrefetchIds(i);
    const Row& row = rows_[i];
    v1::IntersectionDrift& drift = *forecast.add_intersections();
    const std::string_view member_id = ids_.members[row.member];
    const std::string_view person_id = ids_.persons[row.person];
    // Assigned in place: set_x(data, size) would copy through a temporary std::string, a second
    // heap block for an id longer than 15 bytes (CRM ids often are).
    drift.mutable_team_member_id()->assign(member_id.data(), member_id.size());
    drift.mutable_person_id()->assign(person_id.data(), person_id.size());
    drift.set_now(static_cast<v1::Grade>(row.grade));
    drift.set_in_30_days(static_cast<v1::Grade>(row.ahead[0]));
    drift.set_in_60_days(static_cast<v1::Grade>(row.ahead[1]));
    drift.set_in_90_days(static_cast<v1::Grade>(row.ahead[2]));
    drift.set_days_since_contact(row.days);
    drift.set_days_until_next_drop(row.until_drop);
    drift.set_basis(static_cast<v1::IntersectionDrift::Basis>(row.basis));
    drift.set_falling(row.falling);
  }
  for (int h = 0; h < 4; ++h) {
    v1::GradeDistribution& distribution = *forecast.add_distribution();
    distribution.set_days(h == 0 ? 0 : kForecastDays[h - 1]);
    distribution.set_trust(distribution_[h][v1::TRUST]);
    distribution.set_open(distribution_[h][v1::OPEN]);
    distribution.set_satisfied(distribution_[h][v1::SATISFIED]);
    distribution.set_indifferent(distribution_[h][v1::INDIFFERENT]);
    distribution.set_dissatisfied(distribution_[h][v1::DISSATISFIED]);
    distribution.set_motivated_to_change(distribution_[h][v1::MOTIVATED_TO_CHANGE]);
  }
}

namespace {

// The GradeDistribution message of one horizon.
size_t DistributionSize(int32_t days, const std::array<int32_t, 7>& counts) {
  size_t size = ScalarSize(days);
  for (const v1::Grade grade : kDistributionGrades) size += ScalarSize(counts[grade]);
  return size;
}

}  // namespace

size_t DriftForecastRows::WireSize() const {
  size_t size = rows_wire_size_;
  for (int h = 0; h < 4; ++h) {
    const size_t body = DistributionSize(h == 0 ? 0 : kForecastDays[h - 1], distribution_[h]);
    size += 1 + VarintSize(body) + body;
  }
  return size;
}

uint8_t* DriftForecastRows::WriteWire(uint8_t* target) const {
  for (size_t i = 0; i < rows_.size(); ++i) {
    PrefetchIds(i);
    const Row& row = rows_[i];
    const std::string_view member_id = ids_.members[row.member];
    const std::string_view person_id = ids_.persons[row.person];
    *target++ = Tag(1, 2);  // DriftForecast.intersections
    target = WriteVarint(BodySize(i), target);
    target = WriteString(1, member_id, target);
    target = WriteString(2, person_id, target);
    target = WriteScalar(3, row.grade, target);
    target = WriteScalar(4, row.ahead[0], target);
    target = WriteScalar(5, row.ahead[1], target);
    target = WriteScalar(6, row.ahead[2], target);
    target = WriteScalar(7, row.days, target);
    target = WriteScalar(8, row.until_drop, target);
    target = WriteScalar(9, row.basis, target);
    if (row.falling) {
      *target++ = Tag(10, 0);
      *target++ = 1;
    }
  }
  for (int h = 0; h < 4; ++h) {
    const int32_t days = h == 0 ? 0 : kForecastDays[h - 1];
    *target++ = Tag(2, 2);  // DriftForecast.distribution
    target = WriteVarint(DistributionSize(days, distribution_[h]), target);
    target = WriteScalar(1, days, target);
    int number = 2;
    for (const v1::Grade grade : kDistributionGrades) {
      target = WriteScalar(number++, distribution_[h][grade], target);
    }
  }
  return target;
}

void ForecastDrift(const model::Context& context, v1::DriftForecast* forecast) {
  DriftForecastRows(context).WriteTo(forecast);
}

}  // namespace contactplan::recommend
