// The web-of-influence figure (docs/scores.md).
#ifndef CONTACTPLAN_SRC_SCORE_WEB_H_
#define CONTACTPLAN_SRC_SCORE_WEB_H_

#include "contactplan/v1/analysis.pb.h"
#include "model/context.h"

namespace contactplan::score {

// Threads are graded intersections at settings.thread_min_grade or better. Ids are listed in plan
// order. O(relationships).
void ComputeWeb(const model::Context& context, v1::Web* web);

}  // namespace contactplan::score

#endif  // CONTACTPLAN_SRC_SCORE_WEB_H_
