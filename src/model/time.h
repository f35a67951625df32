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

// `t` as seconds and nanos (nanos within [0, 1e9), as a Timestamp holds them); present.
PlanTime ToPlanTime(absl::Time t);

// The same days for two present times whose nanos are within a second (a validated plan's, or
// ToPlanTime's), in integers: the same result as DaysBetween of their absl::Times without
// Duration arithmetic, which Debian's Abseil keeps out of line (the drift forecast asks it of
// every graded cell).
inline int64_t DaysBetween(const PlanTime& earlier, const PlanTime& later) {
  const int64_t seconds = later.seconds - earlier.seconds;
  const int32_t nanos = later.nanos - earlier.nanos;
  // The difference in whole seconds, truncated toward zero, as ToInt64Seconds gives it.
  const int64_t whole = seconds > 0 && nanos < 0   ? seconds - 1
                        : seconds < 0 && nanos > 0 ? seconds + 1
                                                   : seconds;
  const bool before = seconds < 0 || (seconds == 0 && nanos < 0);
  const int64_t hours = whole / 3600;
  return hours / 24 - ((before && hours % 24 != 0) ? 1 : 0);
}

}  // namespace contactplan::model

#endif  // CONTACTPLAN_SRC_MODEL_TIME_H_
