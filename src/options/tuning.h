// The tuning message (proto/contactplan/v1/tuning.proto) with every default filled in: the numbers
// the scores and recommendations read, in one place. Stages read the resolved message directly
// (`settings.tuning.scores().…()`); a field is never left unset after ResolveTuning.
#ifndef CONTACTPLAN_SRC_OPTIONS_TUNING_H_
#define CONTACTPLAN_SRC_OPTIONS_TUNING_H_

#include "absl/status/statusor.h"
#include "contactplan/v1/tuning.pb.h"

namespace contactplan {

// The built-in defaults: the text-format parts in src/options/tuning_defaults_*.cc, parsed once.
// Thread-safe; the reference lives for the whole program.
const v1::Tuning& DefaultTuning();

// The defaults with every field `given` sets put in their place. InvalidArgument names the field
// path under `tuning.` and says what is allowed: numbers must be finite and not negative.
absl::StatusOr<v1::Tuning> ResolveTuning(const v1::Tuning& given);

namespace tuning_defaults {
// Text-format fields of v1::Tuning, one part per owner (concatenated in this order). Each is a
// constant in its own file so that the people who tune one part never edit another's.
extern const char kScores[];     // tuning_defaults_scores.cc
extern const char kRecommend[];  // tuning_defaults_recommend.cc
extern const char kTactics[];    // tuning_defaults_tactics.cc
extern const char kActivity[];   // tuning_defaults_activity.cc
}  // namespace tuning_defaults

}  // namespace contactplan

#endif  // CONTACTPLAN_SRC_OPTIONS_TUNING_H_
