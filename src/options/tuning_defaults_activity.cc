// Defaults of Tuning.activity (ActivityTuning in proto/contactplan/v1/tuning.proto), in text format. Every field
// of ActivityTuning is set here; docs/tuning.md lists the same values (checked by tuning_docs_test).
#include "options/tuning.h"

namespace contactplan::tuning_defaults {

extern const char kActivity[] = R"pb(
activity {
}
)pb";

}  // namespace contactplan::tuning_defaults
