// Time values of the plan, as absl::Time. The engine never reads the clock.
#ifndef CONTACTPLAN_SRC_MODEL_TIME_H_
#define CONTACTPLAN_SRC_MODEL_TIME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace contactplan::model {

// The range of google.protobuf.Timestamp, which is also what protobuf's JSON mapping can write:
// 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z (docs/limits.md, "Times").
inline constexpr int64_t kMinTimestampSeconds = -62135596800;
inline constexpr int64_t kMaxTimestampSeconds = 253402300799;
inline constexpr int32_t kMaxTimestampNanos = 999999999;

// The time a Timestamp field holds, or nullopt when the field is not set. Presence decides, never
// the value: 1970-01-01T00:00:00Z (seconds and nanos both 0) is a time like any other. Callers pass
// the field's has_...() (`present`) with its value.
std::optional<absl::Time> ToTime(bool present, const google::protobuf::Timestamp& ts);

// `t` as a Timestamp; `t` must be within the range above (InTimestampRange).
google::protobuf::Timestamp ToTimestamp(absl::Time t);

// True when `t` can be written as a Timestamp, in binary and in JSON alike.
bool InTimestampRange(absl::Time t);

// What is wrong with `ts` as a Timestamp, each problem as "<field>: <why>" for the caller to prefix
// with the field's path ("seconds: must be between ...", then "nanos: ..."); empty when `ts` is
// within range.
std::vector<std::string> TimestampProblems(const google::protobuf::Timestamp& ts);

// Whole days from `earlier` to `later` (rounded down; negative if `later` is before).
int64_t DaysBetween(absl::Time earlier, absl::Time later);

}  // namespace contactplan::model

#endif  // CONTACTPLAN_SRC_MODEL_TIME_H_
