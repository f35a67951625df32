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

// Which of `findings` to list: a mask in their order, at most `max_findings` true (0: all).
//
// `findings` must be in the analysis order (severity, critical first; then catalogue order; then
// plan order). The findings kept are the most severe; among equally severe ones, those whose most
// important person (`importance`, one value per person of the plan, 0-1) matters most; a finding
// that names no person ranks below every finding that names one; remaining ties keep the earlier
// finding.
std::vector<bool> SelectFindings(std::span<const rules::Finding> findings,
                                 std::span<const double> importance, int32_t max_findings);

// One FindingCount per code and severity that fired, appended to `*counts`, in the order of
// `findings` (where each code and severity is one contiguous run): `total` counts every finding,
// `shown` those `kept` marks.
void CountFindings(std::span<const rules::Finding> findings, const std::vector<bool>& kept,
                   google::protobuf::RepeatedPtrField<v1::FindingCount>* counts);

}  // namespace contactplan::engine

#endif  // CONTACTPLAN_SRC_ENGINE_FINDING_SELECTION_H_
