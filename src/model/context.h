// What every analysis stage reads: the plan index, the resolved settings and "now".
#ifndef CONTACTPLAN_SRC_MODEL_CONTEXT_H_
#define CONTACTPLAN_SRC_MODEL_CONTEXT_H_

#include <optional>

#include "absl/time/time.h"
#include "model/plan_index.h"
#include "options/settings.h"

namespace contactplan::model {

struct Context {
  const PlanIndex& index;
  const Settings& settings;
  // The analysis option as_of, else the plan's as_of, else the latest timestamp in the plan;
  // nullopt when the plan has no time at all (time-based rules are then skipped).
  std::optional<absl::Time> now;
};

}  // namespace contactplan::model

#endif  // CONTACTPLAN_SRC_MODEL_CONTEXT_H_
