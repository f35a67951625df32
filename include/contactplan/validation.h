// Validation of a plan: every problem at once, each with a field path.
#ifndef CONTACTPLAN_VALIDATION_H_
#define CONTACTPLAN_VALIDATION_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan {

struct ValidationProblem {
  std::string path;     // e.g. "relationships[3].person_id"
  std::string message;  // e.g. "no person \"p-9\""
  bool operator==(const ValidationProblem&) const = default;
};

// Every problem in `plan`, in the plan's order: empty or dangling ids, repeated ids, repeated
// intersections, reports-to cycles, NPS outside 0-10, bad capacities and horizons, and any limit of
// `limits` (unset limits take their defaults) that is exceeded. Thread-safe.
std::vector<ValidationProblem> ValidatePlan(const v1::Plan& plan, const v1::Limits& limits = {});

// OK when `problems` is empty; otherwise InvalidArgument with one "path: message" line per problem.
absl::Status ValidationStatus(const std::vector<ValidationProblem>& problems);

}  // namespace contactplan

#endif  // CONTACTPLAN_VALIDATION_H_
