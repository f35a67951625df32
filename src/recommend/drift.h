// The drift forecast (docs/recommendations.md): where each graded relationship is expected to be after 30, 60 and
// 90 more days without contact, and the grade distribution of the map at 0, 30, 60 and 90 days.
#ifndef CONTACTPLAN_SRC_RECOMMEND_DRIFT_H_
#define CONTACTPLAN_SRC_RECOMMEND_DRIFT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "contactplan/v1/recommendations.pb.h"
#include "model/context.h"
#include "model/id_views.h"

namespace contactplan::recommend {

// Gravity: a positive grade (SATISFIED, OPEN, TRUST) drops one level per `days_per_level` days
// without contact, never below INDIFFERENT; INDIFFERENT, DISSATISFIED and MOTIVATED_TO_CHANGE stay
// (falling further takes an event, not time).
v1::Grade DriftedGrade(v1::Grade grade, int64_t days_without_contact, int32_t days_per_level);

// The forecast worked out but not yet written: one 20-byte row (and its 1-byte size) per graded
// intersection, in the forecast's order, and the distribution. It is written either as messages
// (WriteTo) or straight as the bytes of a DriftForecast message (WireSize, WriteWire): on a large
// account the forecast is the analysis' largest part (100,000 rows are 18.6 MB as messages and
// 3.5 MB as bytes), and the C ABI writes a binary analysis with the bytes spliced in
// (engine/analysis_bytes.h). Both give the same forecast, byte for byte once serialized.
//
// Days without contact count from the last contact (last_contact_at, else the latest touch), else
// assessed_at; with neither (or without a "now") the basis is UNKNOWN and the forecast takes the
// relationship as just seen. A grade that fell within tuning.activity.falling_window_days drifts
// with tuning.activity.falling_drift_share of the days per level (docs/time.md#drift). The grade in
// N days uses the days without contact + N. Intersections that will drift come first, soonest drop
// first (then higher grade first, then plan order); the ones that cannot drift follow in plan
// order. The distribution at 0 days is the map as graded.
//
// The rows name the plan's ids by view: a forecast is valid while the plan it was worked out from
// lives (the index may go).
class DriftForecastRows {
 public:
  explicit DriftForecastRows(const model::Context& context);

  // Appends the forecast to `*forecast` (which should be empty), built where it lives.
  void WriteTo(v1::DriftForecast* forecast) const;

  // The bytes of a DriftForecast message holding this forecast (without a tag or length of its
  // own), exactly as protobuf's deterministic serialization of WriteTo's message writes them.
  size_t WireSize() const;
  // Writes those WireSize() bytes at `target`; returns the end.
  uint8_t* WriteWire(uint8_t* target) const;

 private:
  // 20 bytes. Days fit 32 bits (any two Timestamps are less than 3.7 million days apart) and the
  // days until the next drop 16 bits (at most the days per level, whose range is below 2^16). A row
  // carries everything the forecast writes, the grades ahead worked out once, so the rows are
  // written (and sized, then written, for the bytes) without going back to the relationships.
  struct Row {
    model::PersonIx person;
    model::MemberIx member;
    int32_t days;         // without contact
    uint16_t until_drop;  // 0: does not drift
    uint8_t grade;        // v1::Grade
    uint8_t basis;        // v1::IntersectionDrift::Basis
    bool falling;
    std::array<uint8_t, 3> ahead;  // the grades in 30, 60 and 90 days
  };
  static_assert(sizeof(Row) == 20);
  static size_t RowWireSize(const Row& row, size_t member_id, size_t person_id);
  // Fetches the ids of the row a few places after row i, which the writers read soon.
  void PrefetchIds(size_t i) const;
  // The size of row i's IntersectionDrift message.
  size_t BodySize(size_t i) const;

  std::vector<Row> rows_;  // in the forecast's order
  // Each row's message size when it fits a byte (nearly always), else 0 (worked out again), and
  // the bytes of all the rows' entries.
  std::vector<uint8_t> body_sizes_;
  size_t rows_wire_size_ = 0;
  model::IdViews ids_;
  // [0, 30, 60, 90 days][grade]: how many intersections hold each grade.
  std::array<std::array<int32_t, 7>, 4> distribution_{};
};

// DriftForecastRows(context).WriteTo(forecast).
void ForecastDrift(const model::Context& context, v1::DriftForecast* forecast);

}  // namespace contactplan::recommend

#endif  // CONTACTPLAN_SRC_RECOMMEND_DRIFT_H_
