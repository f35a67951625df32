// Defaults of Tuning.recommend (RecommendTuning in proto/contactplan/v1/tuning.proto), in text format. Every field
// of RecommendTuning is set here; docs/tuning.md lists the same values (checked by tuning_docs_test).
#include "options/tuning.h"

namespace contactplan::tuning_defaults {

extern const char kRecommend[] = R"pb(
recommend {
}
)pb";

}  // namespace contactplan::tuning_defaults
