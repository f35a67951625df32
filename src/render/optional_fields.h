// Parts of an analysis that older analyses lack (the confidence score arrived in 1.2): the views
// show them when present and never invent them: a missing one reads as "not known".
#ifndef CONTACTPLAN_SRC_RENDER_OPTIONAL_FIELDS_H_
#define CONTACTPLAN_SRC_RENDER_OPTIONAL_FIELDS_H_

#include <optional>

#include "contactplan/v1/analysis.pb.h"

namespace contactplan::render {

// The confidence score (0-100) of the analysis, `scores.confidence.value`; nullopt when the
// analysis has none (one written before confidence existed).
std::optional<double> Confidence(const v1::Analysis& analysis);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_OPTIONAL_FIELDS_H_
