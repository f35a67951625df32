// Defaults of Tuning.activity (ActivityTuning in proto/contactplan/v1/tuning.proto), in text format. Every field
// of ActivityTuning is set here; docs/tuning.md lists the same values (checked by tuning_docs_test).
#include "options/tuning.h"

namespace contactplan::tuning_defaults {

extern const char kActivity[] = R"pb(
activity {
  kind_meeting: 1
  kind_call: 0.8
  kind_event: 0.6
  kind_message: 0.4
  kind_email: 0.3
  kind_unspecified: 0.3
  direction_two_way: 1
  direction_inbound: 0.8
  direction_outbound: 0.3
  direction_unspecified: 0.3
  half_strength_sum: 2
  falling_window_days: 90
  borne_out_window_days: 90
  one_way_min_touches: 3
  falling_urgency: 0.15
  falling_drift_share: 0.5
}
)pb";

}  // namespace contactplan::tuning_defaults
