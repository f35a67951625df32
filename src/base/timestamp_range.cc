#include "base/timestamp_range.h"

#include "absl/strings/str_cat.h"

namespace contactplan::base {

bool InTimestampRange(absl::Time t) {
  return t >= absl::FromUnixSeconds(kMinTimestampSeconds) &&
         t < absl::FromUnixSeconds(kMaxTimestampSeconds + 1);
}

std::vector<std::string> TimestampProblems(const google::protobuf::Timestamp& ts) {
  std::vector<std::string> problems;
  if (ts.seconds() < kMinTimestampSeconds || ts.seconds() > kMaxTimestampSeconds) {
    problems.push_back(absl::StrCat("seconds: must be between ", kMinTimestampSeconds,
                                    " (0001-01-01T00:00:00Z) and ", kMaxTimestampSeconds,
                                    " (9999-12-31T23:59:59Z), got ", ts.seconds()));
  }
  if (ts.nanos() < 0 || ts.nanos() > kMaxTimestampNanos) {
    problems.push_back(
        absl::StrCat("nanos: must be between 0 and ", kMaxTimestampNanos, ", got ", ts.nanos()));
  }
  return problems;
}

}  // namespace contactplan::base
