// The range of google.protobuf.Timestamp, which is also what protobuf's JSON mapping can write:
// 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z (docs/limits.md, "Times"). Validation of
// plans and of analysis options, and every date the analysis drafts, keep to it.
#ifndef CONTACTPLAN_SRC_BASE_TIMESTAMP_RANGE_H_
#define CONTACTPLAN_SRC_BASE_TIMESTAMP_RANGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace contactplan::base {

inline constexpr int64_t kMinTimestampSeconds = -62135596800;
inline constexpr int64_t kMaxTimestampSeconds = 253402300799;
inline constexpr int32_t kMaxTimestampNanos = 999999999;

// True when `t` can be written as a Timestamp, in binary and in JSON alike. Thread-safe.
bool InTimestampRange(absl::Time t);

// True when `ts` holds a Timestamp's range of seconds and nanos, i.e. TimestampProblems(ts) is empty;
// cheap enough to ask of every timestamp of a plan before asking what is wrong. Thread-safe.
inline bool TimestampInRange(const google::protobuf::Timestamp& ts) {
  return ts.seconds() >= kMinTimestampSeconds && ts.seconds() <= kMaxTimestampSeconds &&
         ts.nanos() >= 0 && ts.nanos() <= kMaxTimestampNanos;
}

// What is wrong with `ts` as a Timestamp, each problem as "<field>: <why>" for the caller to prefix
// with the field's path ("seconds: must be between ...", then "nanos: ..."); empty when `ts` is
// within range. Thread-safe.
std::vector<std::string> TimestampProblems(const google::protobuf::Timestamp& ts);

}  // namespace contactplan::base

#endif  // CONTACTPLAN_SRC_BASE_TIMESTAMP_RANGE_H_
