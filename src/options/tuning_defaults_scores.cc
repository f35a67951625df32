// Defaults of Tuning.scores (ScoreTuning in proto/contactplan/v1/tuning.proto), in text format. Every field
// of ScoreTuning is set here; docs/tuning.md lists the same values (checked by tuning_docs_test).
#include "options/tuning.h"

namespace contactplan::tuning_defaults {

extern const char kScores[] = R"pb(
scores {
  grade_strength { trust: 1 open: 0.85 satisfied: 0.65 indifferent: 0.35 dissatisfied: 0.1
                   motivated_to_change: 0 blank: 0 }
  dissatisfaction { trust: 0 open: 0 satisfied: 0 indifferent: 0 dissatisfied: 0.5
                    motivated_to_change: 1 blank: 0 }
  importance { key: 3 matters: 2 other: 1 }
  support { mentor: 1 supporter: 0.75 neutral: 0.25 non_supporter: 0.25 enemy: 0 unset: 0.25 }
  breadth { persons_reached: 0.7 web_3x3: 0.3 known_below_thread: 0.25 }
  depth { multi_threaded_persons: 0.5 team_engaged: 0.25 levels_spanned: 0.25 threads_for_multi: 2 }
  quality { relationship_strength: 0.5 open_where_it_matters: 0.3 free_of_dissatisfaction: 0.2 }
  risk {
    power_access: 0.15 decider_hostility: 0.1 key_persons_multi_threaded: 0.1 account_threading: 0.1
    hostility_where_it_matters: 0.2 decision_makers_supportive: 0.15 mentor_in_every_deal: 0.1
    deals_closing_ready: 0.05 nps_detractors: 0.05
    power_indifferent_credit: 0.4 power_unknown_credit: 0.25 hostility_scale: 3
  }
  confidence { trust_believable: 0.3 recently_assessed: 0.25 levels_assessed: 0.15
               preferences_assessed: 0.15 dated: 0.15 trust_excess_span: 0.3 }
  person_coverage { best_grade: 0.6 threads: 0.4 }
  readiness { participant_support: 0.25 mentor: 0.2 decision_makers_supportive: 0.2
              decision_makers_reached: 0.1 qualification: 0.15 stage: 0.1 }
}
)pb";

}  // namespace contactplan::tuning_defaults
