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
  return absl::ToInt64Hours(later - earlier) / 24 -
         ((later < earlier && absl::ToInt64Hours(later - earlier) % 24 != 0) ? 1 : 0);
}

}  // namespace contactplan::model
