#include "model/time.h"

#include "absl/strings/str_cat.h"

namespace contactplan::model {

std::optional<absl::Time> ToTime(bool present, const google::protobuf::Timestamp& ts) {
  if (!present) return std::nullopt;
  return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
}

google::protobuf::Timestamp ToTimestamp(absl::Time t) {
  google::protobuf::Timestamp ts;
  const int64_t seconds = absl::ToUnixSeconds(t);
  ts.set_seconds(seconds);
  ts.set_nanos(static_cast<int32_t>(absl::ToInt64Nanoseconds(t - absl::FromUnixSeconds(seconds))));
  return ts;
}

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

int64_t DaysBetween(absl::Time earlier, absl::Time later) {
  return absl::ToInt64Hours(later - earlier) / 24 -
         ((later < earlier && absl::ToInt64Hours(later - earlier) % 24 != 0) ? 1 : 0);
}

}  // namespace contactplan::model
