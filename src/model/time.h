// Time values of the plan, as absl::Time. The engine never reads the clock.
#ifndef CONTACTPLAN_SRC_MODEL_TIME_H_
#define CONTACTPLAN_SRC_MODEL_TIME_H_

#include <cstdint>
#include <optional>

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace contactplan::model {

// The time a Timestamp field holds, or nullopt when the field is not set. Presence decides, never
// the value: 1970-01-01T00:00:00Z (seconds and nanos both 0) is a time like any other. Callers pass
// the field's has_...() (`present`) with its value. Inline, and whole seconds (most plan times) take
// no Duration arithmetic, which Debian's Abseil keeps out of line: every stage converts times.
inline std::optional<absl::Time> ToTime(bool present, const google::protobuf::Timestamp& ts) {
  if (!present) return std::nullopt;
  const absl::Time seconds = absl::FromUnixSeconds(ts.seconds());
  if (ts.nanos() == 0) return seconds;
  return seconds + absl::Nanoseconds(ts.nanos());
}

// A Timestamp field as plain values: its seconds and nanos as written (not yet checked against
// Timestamp's range: validation does that) and whether the field is set at all. The relationship
// rows (model/relationship_table.h) hold their times so.
struct PlanTime {
  int64_t seconds = 0;
  int32_t nanos = 0;
  bool present = false;

  static PlanTime Of(bool present, const google::protobuf::Timestamp& ts) {
    return {ts.seconds(), ts.nanos(), present};
  }
  bool operator==(const PlanTime&) const = default;
};

// The same for a PlanTime.
inline std::optional<absl::Time> ToTime(const PlanTime& time) {
  if (!time.present) return std::nullopt;
  const absl::Time seconds = absl::FromUnixSeconds(time.seconds);
  if (time.nanos == 0) return seconds;
  return seconds + absl::Nanoseconds(time.nanos);
}

// `t` as a Timestamp; `t` must be within Timestamp's range (base::InTimestampRange).
google::protobuf::Timestamp ToTimestamp(absl::Time t);

// Whole days from `earlier` to `later` (rounded down; negative if `later` is before).
int64_t DaysBetween(absl::Time earlier, absl::Time later);

}  // namespace contactplan::model

#endif  // CONTACTPLAN_SRC_MODEL_TIME_H_
