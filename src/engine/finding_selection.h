// Findings that scale: which findings an analysis lists when there are more than a host can read,
// and the per-code counts that say what was left out (docs/rules.md, "Findings that scale").
#ifndef CONTACTPLAN_SRC_ENGINE_FINDING_SELECTION_H_
#define CONTACTPLAN_SRC_ENGINE_FINDING_SELECTION_H_

#include <cstdint>
#include <span>
#include <vector>

#include "contactplan/v1/analysis.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "rules/finding.h"

namespace contactplan::engine {

// Findings read in the analysis order (severity, critical first; then catalogue order; then plan
// order) through `order` (rules::EvaluateRules with an order): the k-th is findings[order[k]].
struct OrderedFindings {
  std::span<const rules::Finding> findings;
  std::span<const uint32_t> order;

  size_t size() const { return order.size(); }
  const rules::Finding& operator[](size_t k) const { return findings[order[k]]; }
};

// Which of `findings` to list: a mask in their analysis order (kept[k] for the k-th), at most
// `max_findings` true (0: all). The findings kept are the most severe; among equally severe ones,
// those whose most important person (`importance`, one value per person of the plan, 0-1)
// matters most; a finding that names no person ranks below every finding that names one;
// remaining ties keep the earlier finding.
std::vector<bool> SelectFindings(const OrderedFindings& findings, std::span<const double> importance,
                                 int32_t max_findings);

// One FindingCount per code and severity that fired, appended to `*counts`, in the analysis order
// of `findings` (where each code and severity is one contiguous run): `total` counts every
// finding, `shown` those `kept` marks.
void CountFindings(const OrderedFindings& findings, const std::vector<bool>& kept,
                   google::protobuf::RepeatedPtrField<v1::FindingCount>* counts);

}  // namespace contactplan::engine

#endif  // CONTACTPLAN_SRC_ENGINE_FINDING_SELECTION_H_
