// A finding as the stages hand it on: the rule that raised it, indices into the plan index and the
// numbers behind it. The Finding message of the analysis is written from it once, at the end, and
// only for the findings the analysis lists (engine/finding_selection.h).
#ifndef CONTACTPLAN_SRC_RULES_FINDING_H_
#define CONTACTPLAN_SRC_RULES_FINDING_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/container/inlined_vector.h"
#include "contactplan/v1/analysis.pb.h"
#include "model/plan_index.h"

namespace contactplan::rules {

struct Rule;

// A named number. `name` is a string literal of the rule's family file (docs/rules.md lists them),
// so it outlives every finding.
struct FindingNumber {
  std::string_view name;
  double value;
};

struct Finding {
  const Rule* rule = nullptr;
  v1::Severity severity = v1::SEVERITY_UNSPECIFIED;
  absl::InlinedVector<model::PersonIx, 1> persons;  // in the order the rule named them
  absl::InlinedVector<model::MemberIx, 2> members;
  model::OpportunityIx opportunity = model::kNone;
  absl::InlinedVector<FindingNumber, 2> numbers;
  std::string path;     // field path of the one plan element concerned, or empty
  std::string message;  // the sentence for people
};

// Writes `finding` into `*out` (which should be empty): its rule's code, the severity, the ids of
// its persons, team members and opportunity, the numbers, the path, and the message unless
// `include_message` is false (then it stays empty). The message is moved out of `finding`.
void WriteFinding(const model::PlanIndex& index, Finding& finding, bool include_message,
                  v1::Finding* out);

}  // namespace contactplan::rules

#endif  // CONTACTPLAN_SRC_RULES_FINDING_H_
