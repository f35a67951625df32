// Defaults of Tuning.tactics (TacticTuning in proto/contactplan/v1/tuning.proto), in text format. Every field
// of TacticTuning is set here; docs/tuning.md lists the same values (checked by tuning_docs_test).
#include "options/tuning.h"

namespace contactplan::tuning_defaults {

extern const char kTactics[] = R"pb(
tactics {
  tactics_per_entry: 3
  min_tactics_per_entry: 2
  min_tests_passed: 2
  max_share_per_tactic: 0.25
  situation_weight: 4
  role_fit_weight: 2
  test_weight: 1
  introduction_due_share: 0.1
  first_due_share: 0.3
  last_due_share: 0.8
  repair_pace: 0.5
  entry_spread_share: 0.15
}
)pb";

}  // namespace contactplan::tuning_defaults
