// Defaults of Tuning.scores (ScoreTuning in proto/contactplan/v1/tuning.proto), in text format. Every field
// of ScoreTuning is set here; docs/tuning.md lists the same values (checked by tuning_docs_test).
#include "options/tuning.h"

namespace contactplan::tuning_defaults {

extern const char kScores[] = R"pb(
scores {
}
)pb";

}  // namespace contactplan::tuning_defaults
