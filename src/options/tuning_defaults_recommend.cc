// Defaults of Tuning.recommend (RecommendTuning in proto/contactplan/v1/tuning.proto), in text format. Every field
// of RecommendTuning is set here; docs/tuning.md lists the same values (checked by tuning_docs_test).
#include "options/tuning.h"

namespace contactplan::tuning_defaults {

extern const char kRecommend[] = R"pb(
recommend {
  importance_level {
    executive: 0.5
    senior_management: 0.35
    middle_management: 0.2
    operational: 0.1
    unknown: 0.1
  }
  importance_marked_key: 0.4
  importance_buyer_role { power: 0.5 evangelist: 0.3 advisor: 0.2 user: 0.1 }
  importance_buying_role {
    decision_maker: 0.5
    approver: 0.4
    evaluator: 0.25
    user: 0.1
    none: 0.05
  }
  urgency_base {
    motivated_to_change: 1
    dissatisfied: 0.9
    indifferent: 0.7
    blank: 0.6
    satisfied: 0.4
    open: 0.25
    trust: 0.15
  }
  feasibility_step {
    motivated_to_change: 0.3
    dissatisfied: 0.5
    indifferent: 0.7
    blank: 0.7
    satisfied: 0.6
    open: 0.4
    trust: 0.6
  }
  seniority_fit {
    same: 1
    one_above: 1
    one_below: 0.9
    two_above: 0.7
    two_below: 0.6
    three_above: 0.5
    three_below: 0.4
    unknown: 0.85
  }
  leverage {
    grade_strength {
      trust: 0.4
      open: 0.25
      satisfied: 0
      indifferent: 0
      dissatisfied: 0
      motivated_to_change: 0
      blank: 0
    }
    one_hop: 0.75
    per_extra_hop: 0.6666666666666666
  }
  owner {
    connection_strength {
      trust: 1
      open: 0.75
      satisfied: 0.5
      indifferent: 0
      dissatisfied: 0
      motivated_to_change: 0
      blank: 0
    }
    connection_weight: 0.1
    free_share_weight: 0.2
    thin_web_max_members: 1
    thin_web_new_member_bonus: 0.5
    repair_holder_max_levels_below: 1
  }
  deal {
    close_within_horizon_boost: 0.5
    stage_planning: 0
    stage_determine_needs: 0.05
    stage_evaluate_alternatives: 0.1
    stage_evaluate_risk: 0.2
    stage_negotiate_close: 0.3
    value_boost: 0.2
    retention_boost: 0.1
  }
  reason_urgency {
    uncovered_person: 0.3
    weak_relationship: 0
    single_threaded_person: 0.2
    no_thread_person: 0.2
    seniority_mismatch: 0.2
    too_few_open: 0.1
    stale_assessment: 0.15
    nps_detractor: 0.2
    competitive_relationship: 0.05
    no_power_access: 0.3
    relationship_gap: 0.05
    large_relationship_gap: 0.1
    below_credible_source: 0.1
    neutral_as_non_supporter: 0.05
    preference_gap: 0.1
    decision_maker_not_supportive: 0.3
    no_mentor: 0.1
    enemy_in_buying_group: 0.2
    missing_blueprint: 0.1
    champion_left: 0.2
    owner_left: 0.15
    grade_falling: 0
    grade_not_borne_out: 0.1
    one_way_contact: 0.1
  }
}
)pb";

}  // namespace contactplan::tuning_defaults
