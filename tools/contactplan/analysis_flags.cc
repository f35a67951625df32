#include "analysis_flags.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace contactplan::cli {
namespace {

// The Timestamp of `time`: whole seconds since the epoch (rounded down) and the nanoseconds past them.
google::protobuf::Timestamp TimestampOf(absl::Time time) {
  google::protobuf::Timestamp timestamp;
  timestamp.set_seconds(absl::ToUnixSeconds(time));
  timestamp.set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(time - absl::FromUnixSeconds(timestamp.seconds()))));
  return timestamp;
}

// --as-of: an RFC 3339 date-time ("2024-06-30T09:00:00Z", "2024-06-30T11:00:00+02:00") or a date,
// read as midnight UTC starting that day.
Outcome<google::protobuf::Timestamp> ParseAsOf(const Flag& flag) {
  absl::Time time;
  std::string error;
  if (absl::ParseTime("%Y-%m-%d", flag.value(), absl::UTCTimeZone(), &time, &error) ||
      absl::ParseTime(absl::RFC3339_full, flag.value(), &time, &error)) {
    return TimestampOf(time);
  }
  return UsageError(absl::StrCat("--as-of: expected a date (2024-06-30) or an RFC 3339 date-time "
                                 "(2024-06-30T09:00:00Z); got \"",
                                 flag.value(), "\""));
}

Outcome<int32_t> ParseHorizon(const Flag& flag) {
  Outcome<std::string> days = Choice(flag, {"30", "60", "90"}, "30");
  if (!days.ok()) return days.error();
  return *days == "30" ? 30 : *days == "60" ? 60 : 90;
}

}  // namespace

AnalysisFlags DeclareAnalysisFlags(FlagSet& flags) {
  const Flag& as_of = flags.Value(
      {"--as-of"}, "TIME",
      "analyse as of this date (2024-06-30, midnight UTC) or RFC 3339 date-time; default: the "
      "plan's as_of, else the latest date in the plan");
  const Flag& horizon = flags.Value(
      {"--horizon"}, "DAYS",
      "horizon of the key intersections and blueprint draft: 30 (default), 60 or 90");
  return {as_of, horizon};
}

Outcome<v1::AnalysisOptions> AnalysisOptionsFrom(const AnalysisFlags& flags) {
  v1::AnalysisOptions options;
  Outcome<int32_t> horizon = ParseHorizon(flags.horizon);
  if (!horizon.ok()) return horizon.error();
  options.set_horizon_days(*horizon);
  if (flags.as_of.given()) {
    Outcome<google::protobuf::Timestamp> as_of = ParseAsOf(flags.as_of);
    if (!as_of.ok()) return as_of.error();
    *options.mutable_as_of() = *as_of;
  }
  return options;
}

}  // namespace contactplan::cli
