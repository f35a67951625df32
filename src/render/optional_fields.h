// Fields of the schema that arrive in this release from other work (the confidence score). The
// views read them by name through reflection, so they show them as soon as
// the schema has them and never invent them before: a missing field reads as "not known".
#ifndef CONTACTPLAN_SRC_RENDER_OPTIONAL_FIELDS_H_
#define CONTACTPLAN_SRC_RENDER_OPTIONAL_FIELDS_H_

#include <optional>

#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan::render {

// The confidence score (0-100) of the analysis: `scores.confidence` or `confidence`, either a Score
// message (its `value`) or a number; nullopt when the schema has no such field or it is unset.
std::optional<double> Confidence(const v1::Analysis& analysis);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_OPTIONAL_FIELDS_H_
