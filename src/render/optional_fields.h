// Fields of the schema that arrive in this release from other work (the confidence score, the
// dates people left). The views read them by name through reflection, so they show them as soon as
// the schema has them and never invent them before: a missing field reads as "not known".
#ifndef CONTACTPLAN_SRC_RENDER_OPTIONAL_FIELDS_H_
#define CONTACTPLAN_SRC_RENDER_OPTIONAL_FIELDS_H_

#include <optional>

#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan::render {

// The confidence score (0-100) of the analysis, `scores.confidence.value`; nullopt when the
// analysis has none (one written before confidence existed).
std::optional<double> Confidence(const v1::Analysis& analysis);

// True when `person` / `member` has a `left_at` timestamp at or before `now` (the analysis' as-of;
// nullopt when unknown, then any `left_at` set counts as left). False when the schema has no
// `left_at`.
bool HasLeft(const v1::Person& person, const std::optional<int64_t>& now_seconds);
bool HasLeft(const v1::TeamMember& member, const std::optional<int64_t>& now_seconds);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_OPTIONAL_FIELDS_H_
