// Defaults of Tuning.tactics (TacticTuning in proto/contactplan/v1/tuning.proto), in text format. Every field
// of TacticTuning is set here; docs/tuning.md lists the same values (checked by tuning_docs_test).
#include "options/tuning.h"

namespace contactplan::tuning_defaults {

extern const char kTactics[] = R"pb(
tactics {
}
)pb";

}  // namespace contactplan::tuning_defaults
