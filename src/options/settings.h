// Engine options with every default filled in, as plain values the stages read directly.
#ifndef CONTACTPLAN_SRC_OPTIONS_SETTINGS_H_
#define CONTACTPLAN_SRC_OPTIONS_SETTINGS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "contactplan/plan_io.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "contactplan/v1/tuning.pb.h"

namespace contactplan {

struct Settings {
  // Rule thresholds (the catalogue defaults, docs/rules.md).
  int32_t over_covered_above = 3;
  int32_t seniority_gap_levels = 2;
  int32_t trust_inflation_min_intersections = 5;
  double trust_inflation_max_share = 0.20;
  int32_t too_few_open_min_intersections = 5;
  double too_few_open_min_share = 0.25;
  int32_t stale_after_days = 90;
  int32_t nps_detractor_max = 6;
  double nps_decline_points = 10;
  int32_t nps_decline_window_days = 90;
  int32_t sales_plan_min_tactics = 4;
  double sales_plan_min_share = 0.5;
  int32_t preference_gap_warning_levels = 2;
  int32_t large_relationship_gap_levels = 2;
  double nps_decline_warning_points = 30;

  // Account health weights.
  double weight_breadth = 0.20;
  double weight_depth = 0.20;
  double weight_quality = 0.25;
  double weight_risk = 0.35;

  // Effort to keep or reach S / O / T.
  double effort_satisfied = 1;
  double effort_open = 2;
  double effort_trust = 4;

  // Limits.
  uint64_t max_input_bytes = kDefaultMaxInputBytes;
  uint32_t max_persons = 1000000;
  uint32_t max_team_members = 100000;
  uint32_t max_relationships = 5000000;
  uint32_t max_history_entries = 10000;
  uint32_t max_string_bytes = 65536;
  uint32_t max_org_chart_depth = 10000;
  uint32_t max_opportunities = 100000;
  uint32_t max_blueprint_entries = 1000000;
  uint32_t max_participants = 1000000;
  uint32_t max_tactics = 1000000;
  uint32_t max_details = 5000000;
  uint32_t max_buyer_roles = 16;
  uint32_t max_strategies = 16;
  uint32_t max_touches = 10000;
  // Not a limit on the plan: scratch memory a C ABI engine keeps between calls (docs/memory.md).
  uint64_t max_retained_bytes = uint64_t{128} << 20;

  v1::Grade thread_min_grade = v1::SATISFIED;
  absl::flat_hash_set<std::string> disabled_rules;

  // Recommendations.
  int32_t key_intersections_30 = 5;
  int32_t key_intersections_60 = 8;
  int32_t key_intersections_90 = 12;
  int32_t leverage_max_hops = 2;
  int32_t drift_days_per_level = 90;
  int32_t max_trust_targets = 2;
  std::vector<v1::StrategyRule> strategy_rules;
  // A team member without a stated capacity can give this many effort units.
  double default_capacity = 12;

  // Time (docs/time.md): a touch's weight halves every this many days.
  int32_t activity_half_life_days = 90;

  // Every other number of the scores and recommendations, each field set (options/tuning.h).
  v1::Tuning tuning;

  // Effort to keep `grade` (0 below SATISFIED).
  double EffortFor(v1::Grade grade) const;
  // Key-intersection limit for a horizon of 30, 60 or 90 days.
  int32_t KeyIntersectionLimit(int32_t horizon_days) const;
};

// Fills defaults and checks ranges. InvalidArgument names the option path and the allowed range,
// e.g. "thresholds.trust_inflation_max_share: must be between 0 and 1, got 1.5".
absl::StatusOr<Settings> ResolveSettings(const v1::EngineOptions& options);

}  // namespace contactplan

#endif  // CONTACTPLAN_SRC_OPTIONS_SETTINGS_H_
