#include "options/settings.h"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "options/score_tuning_check.h"
#include "options/tuning.h"

namespace contactplan {
namespace {

// Reads an optional proto field into `out` when set, checking it lies in [lo, hi].
template <typename Msg, typename T, typename Has, typename Get>
absl::Status Take(const Msg& msg, Has has, Get get, absl::string_view path, T lo, T hi, T& out) {
  if (!(msg.*has)()) return absl::OkStatus();
  const auto value = (msg.*get)();
  if (!(value >= lo && value <= hi)) {  // also rejects NaN
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": must be between ", lo, " and ", hi, ", got ", value));
  }
  out = static_cast<T>(value);
  return absl::OkStatus();
}

#define CPLAN_TAKE(msg, field, path, lo, hi, out)                                               \
  if (absl::Status take_status = Take(msg, &std::decay_t<decltype(msg)>::has_##field,                    \
                            &std::decay_t<decltype(msg)>::field, path, lo, hi, out);           \
      !take_status.ok())                                                                        \
    return take_status;

// A strategy rule that could never match, or names no strategy to recommend, is a mistake in the
// options that would otherwise pass silently: refuse it, naming the field.
absl::Status CheckStrategyRule(const v1::StrategyRule& rule, int i) {
  const std::string at = absl::StrCat("strategy_rules[", i, "]");
  if (!v1::Grade_IsValid(rule.from_grade())) {
    return absl::InvalidArgumentError(absl::StrCat(at, ".from_grade: not a known grade"));
  }
  if (rule.from_grade() == v1::TRUST) {
    return absl::InvalidArgumentError(absl::StrCat(
        at, ".from_grade: TRUST is the top grade, there is no step from it to plan"));
  }
  if (rule.blank_cell() && rule.from_grade() != v1::GRADE_UNSPECIFIED) {
    return absl::InvalidArgumentError(absl::StrCat(
        at, ": blank_cell matches cells without a grade; leave from_grade unset with it"));
  }
  if (!v1::Person::BuyerRole_IsValid(rule.buyer_role())) {
    return absl::InvalidArgumentError(absl::StrCat(at, ".buyer_role: not a known buyer role"));
  }
  if (!v1::Level_IsValid(rule.level())) {
    return absl::InvalidArgumentError(absl::StrCat(at, ".level: not a known level"));
  }
  if (rule.strategies().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        at, ".strategies: name at least one influence strategy (RECIPROCITY, COMMITMENT, "
            "SOCIAL_PROOF, LIKING, AUTHORITY, SCARCITY or UNITY)"));
  }
  for (int j = 0; j < rule.strategies_size(); ++j) {
    const int strategy = rule.strategies(j);
    if (strategy == v1::INFLUENCE_STRATEGY_UNSPECIFIED ||
        !v1::InfluenceStrategy_IsValid(strategy)) {
      return absl::InvalidArgumentError(
          absl::StrCat(at, ".strategies[", j, "]: not a known influence strategy"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

double Settings::EffortFor(v1::Grade grade) const {
  switch (grade) {
    case v1::SATISFIED: return effort_satisfied;
    case v1::OPEN: return effort_open;
    case v1::TRUST: return effort_trust;
    default: return 0;
  }
}

int32_t Settings::KeyIntersectionLimit(int32_t horizon_days) const {
  if (horizon_days >= 90) return key_intersections_90;
  if (horizon_days >= 60) return key_intersections_60;
  return key_intersections_30;
}

absl::StatusOr<Settings> ResolveSettings(const v1::EngineOptions& options) {
  Settings s;
  constexpr int32_t kBig = 1 << 30;
  const v1::RuleThresholds& t = options.thresholds();
  CPLAN_TAKE(t, over_covered_above, "thresholds.over_covered_above", 0, kBig, s.over_covered_above);
  CPLAN_TAKE(t, seniority_gap_levels, "thresholds.seniority_gap_levels", 1, 3, s.seniority_gap_levels);
  CPLAN_TAKE(t, trust_inflation_min_intersections, "thresholds.trust_inflation_min_intersections", 0,
             kBig, s.trust_inflation_min_intersections);
  CPLAN_TAKE(t, trust_inflation_max_share, "thresholds.trust_inflation_max_share", 0.0, 1.0,
             s.trust_inflation_max_share);
  CPLAN_TAKE(t, too_few_open_min_intersections, "thresholds.too_few_open_min_intersections", 0, kBig,
             s.too_few_open_min_intersections);
  CPLAN_TAKE(t, too_few_open_min_share, "thresholds.too_few_open_min_share", 0.0, 1.0,
             s.too_few_open_min_share);
  CPLAN_TAKE(t, stale_after_days, "thresholds.stale_after_days", 1, 36500, s.stale_after_days);
  CPLAN_TAKE(t, nps_detractor_max, "thresholds.nps_detractor_max", 0, 10, s.nps_detractor_max);
  CPLAN_TAKE(t, nps_decline_points, "thresholds.nps_decline_points", 0.0, 200.0, s.nps_decline_points);
  CPLAN_TAKE(t, nps_decline_window_days, "thresholds.nps_decline_window_days", 1, 36500,
             s.nps_decline_window_days);
  CPLAN_TAKE(t, sales_plan_min_tactics, "thresholds.sales_plan_min_tactics", 1, kBig,
             s.sales_plan_min_tactics);
  CPLAN_TAKE(t, sales_plan_min_share, "thresholds.sales_plan_min_share", 0.0, 1.0,
             s.sales_plan_min_share);
  CPLAN_TAKE(t, preference_gap_warning_levels, "thresholds.preference_gap_warning_levels", 1, 4,
             s.preference_gap_warning_levels);
  CPLAN_TAKE(t, large_relationship_gap_levels, "thresholds.large_relationship_gap_levels", 2, 3,
             s.large_relationship_gap_levels);
  CPLAN_TAKE(t, nps_decline_warning_points, "thresholds.nps_decline_warning_points", 0.0, 200.0,
             s.nps_decline_warning_points);

  const v1::HealthWeights& w = options.health_weights();
  CPLAN_TAKE(w, breadth, "health_weights.breadth", 0.0, 1e6, s.weight_breadth);
  CPLAN_TAKE(w, depth, "health_weights.depth", 0.0, 1e6, s.weight_depth);
  CPLAN_TAKE(w, quality, "health_weights.quality", 0.0, 1e6, s.weight_quality);
  CPLAN_TAKE(w, risk, "health_weights.risk", 0.0, 1e6, s.weight_risk);
  if (s.weight_breadth + s.weight_depth + s.weight_quality + s.weight_risk <= 0) {
    return absl::InvalidArgumentError("health_weights: at least one weight must be positive");
  }

  const v1::EffortCosts& e = options.effort_costs();
  CPLAN_TAKE(e, satisfied, "effort_costs.satisfied", 0.0, 1e6, s.effort_satisfied);
  CPLAN_TAKE(e, open, "effort_costs.open", 0.0, 1e6, s.effort_open);
  CPLAN_TAKE(e, trust, "effort_costs.trust", 0.0, 1e6, s.effort_trust);

  const v1::Limits& l = options.limits();
  CPLAN_TAKE(l, max_input_bytes, "limits.max_input_bytes", uint64_t{1}, uint64_t{1} << 40,
             s.max_input_bytes);
  constexpr uint32_t kMax32 = 0xffffffffu;
  CPLAN_TAKE(l, max_persons, "limits.max_persons", 0u, kMax32, s.max_persons);
  CPLAN_TAKE(l, max_team_members, "limits.max_team_members", 0u, kMax32, s.max_team_members);
  CPLAN_TAKE(l, max_relationships, "limits.max_relationships", 0u, kMax32, s.max_relationships);
  CPLAN_TAKE(l, max_history_entries, "limits.max_history_entries", 0u, kMax32, s.max_history_entries);
  CPLAN_TAKE(l, max_string_bytes, "limits.max_string_bytes", 1u, kMax32, s.max_string_bytes);
  CPLAN_TAKE(l, max_org_chart_depth, "limits.max_org_chart_depth", 1u, kMax32, s.max_org_chart_depth);
  CPLAN_TAKE(l, max_opportunities, "limits.max_opportunities", 0u, kMax32, s.max_opportunities);
  CPLAN_TAKE(l, max_blueprint_entries, "limits.max_blueprint_entries", 0u, kMax32,
             s.max_blueprint_entries);
  CPLAN_TAKE(l, max_participants, "limits.max_participants", 0u, kMax32, s.max_participants);
  CPLAN_TAKE(l, max_tactics, "limits.max_tactics", 0u, kMax32, s.max_tactics);
  CPLAN_TAKE(l, max_details, "limits.max_details", 0u, kMax32, s.max_details);
  CPLAN_TAKE(l, max_buyer_roles, "limits.max_buyer_roles", 0u, kMax32, s.max_buyer_roles);
  CPLAN_TAKE(l, max_strategies, "limits.max_strategies", 0u, kMax32, s.max_strategies);
  CPLAN_TAKE(l, max_touches, "limits.max_touches", 0u, kMax32, s.max_touches);
  CPLAN_TAKE(l, max_retained_bytes, "limits.max_retained_bytes", uint64_t{0}, uint64_t{1} << 40,
             s.max_retained_bytes);

  if (options.thread_min_grade() != v1::GRADE_UNSPECIFIED) {
    if (!v1::Grade_IsValid(options.thread_min_grade())) {
      return absl::InvalidArgumentError("thread_min_grade: not a known grade");
    }
    s.thread_min_grade = options.thread_min_grade();
  }
  for (const std::string& code : options.disabled_rules()) s.disabled_rules.insert(code);

  CPLAN_TAKE(options, key_intersections_30, "key_intersections_30", 0, 1000, s.key_intersections_30);
  CPLAN_TAKE(options, key_intersections_60, "key_intersections_60", 0, 1000, s.key_intersections_60);
  CPLAN_TAKE(options, key_intersections_90, "key_intersections_90", 0, 1000, s.key_intersections_90);
  CPLAN_TAKE(options, leverage_max_hops, "leverage_max_hops", 1, 6, s.leverage_max_hops);
  CPLAN_TAKE(options, drift_days_per_level, "drift_days_per_level", 1, 36500, s.drift_days_per_level);
  CPLAN_TAKE(options, max_trust_targets, "max_trust_targets", 0, 1000, s.max_trust_targets);
  for (int i = 0; i < options.strategy_rules_size(); ++i) {
    if (absl::Status rule = CheckStrategyRule(options.strategy_rules(i), i); !rule.ok()) return rule;
  }
  s.strategy_rules.assign(options.strategy_rules().begin(), options.strategy_rules().end());
  CPLAN_TAKE(options, default_capacity, "default_capacity", 0.0, 1e6, s.default_capacity);
  CPLAN_TAKE(options, activity_half_life_days, "activity_half_life_days", 1, 36500,
             s.activity_half_life_days);
  absl::StatusOr<v1::Tuning> tuning = ResolveTuning(options.tuning());
  if (!tuning.ok()) return tuning.status();
  s.tuning = *std::move(tuning);
  if (absl::Status scores = CheckScoreTuning(s.tuning.scores()); !scores.ok()) return scores;
  return s;
}

#undef CPLAN_TAKE

}  // namespace contactplan
