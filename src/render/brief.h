// The brief: the one screen a seller reads first (`contactplan analyze`, View::kBrief). Account and
// as-of, health and (when the analysis has it) confidence, the web-of-influence figure, at most five
// actions with owner, introducer and why, the critical risks grouped into at most eight lines, and
// the commands that show more.
#ifndef CONTACTPLAN_SRC_RENDER_BRIEF_H_
#define CONTACTPLAN_SRC_RENDER_BRIEF_H_

#include <string>
#include <string_view>

#include "contactplan/v1/analysis.pb.h"
#include "model/plan_index.h"

namespace contactplan::render {

// `index` is over the analysed (valid) plan. No line is longer than `width` columns (60 or more
// expected). `origin` is the plan's path for the "see more" commands ("PLAN" when empty).
// Deterministic; thread-safe.
std::string Brief(std::string_view origin, const model::PlanIndex& index,
                  const v1::Analysis& analysis, size_t width);

}  // namespace contactplan::render

#endif  // CONTACTPLAN_SRC_RENDER_BRIEF_H_
