#include "model/time.h"

namespace contactplan::model {

google::protobuf::Timestamp ToTimestamp(absl::Time t) {
  const PlanTime time = ToPlanTime(t);
  google::protobuf::Timestamp ts;
  ts.set_seconds(time.seconds);
  ts.set_nanos(time.nanos);
  return ts;
}

int64_t DaysBetween(absl::Time earlier, absl::Time later) {
  // Whole hours of the difference, truncated toward zero (truncating to whole seconds first gives
  // the same hours, and ToInt64Seconds is far cheaper than ToInt64Hours' duration division), then
  // whole days, rounded down.
  const int64_t hours = absl::ToInt64Seconds(later - earlier) / 3600;
  return hours / 24 - ((later < earlier && hours % 24 != 0) ? 1 : 0);
}

PlanTime ToPlanTime(absl::Time t) {
  const int64_t seconds = absl::ToUnixSeconds(t);  // rounded toward the past
  const int64_t nanos = absl::ToInt64Nanoseconds(t - absl::FromUnixSeconds(seconds));
  return {seconds, static_cast<int32_t>(nanos), true};
}

}  // namespace contactplan::model
