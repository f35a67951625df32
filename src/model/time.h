// Time values of the plan, as absl::Time. The engine never reads the clock.
#ifndef CONTACTPLAN_SRC_MODEL_TIME_H_
#define CONTACTPLAN_SRC_MODEL_TIME_H_

#include <optional>

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace contactplan::model {

// nullopt for an unset timestamp (seconds and nanos both zero).
std::optional<absl::Time> ToTime(const google::protobuf::Timestamp& ts);

google::protobuf::Timestamp ToTimestamp(absl::Time t);

// Whole days from `earlier` to `later` (rounded down; negative if `later` is before).
int64_t DaysBetween(absl::Time earlier, absl::Time later);

}  // namespace contactplan::model

#endif  // CONTACTPLAN_SRC_MODEL_TIME_H_
