#include "model/time.h"

namespace contactplan::model {

google::protobuf::Timestamp ToTimestamp(absl::Time t) {
  google::protobuf::Timestamp ts;
  const int64_t seconds = absl::ToUnixSeconds(t);
  ts.set_seconds(seconds);
  ts.set_nanos(static_cast<int32_t>(absl::ToInt64Nanoseconds(t - absl::FromUnixSeconds(seconds))));
  return ts;
}

int64_t DaysBetween(absl::Time earlier, absl::Time later) {
  // Whole hours of the difference, truncated toward zero (truncating to whole seconds first gives
  // the same hours, and ToInt64Seconds is far cheaper than ToInt64Hours' duration division), then
  // whole days, rounded down.
  const int64_t hours = absl::ToInt64Seconds(later - earlier) / 3600;
  return hours / 24 - ((later < earlier && hours % 24 != 0) ? 1 : 0);
}

}  // namespace contactplan::model
