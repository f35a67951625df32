// Findings that scale: which findings an analysis lists when there are more than a host can read,
// and the per-code counts that say what was left out (docs/rules.md, "Findings that scale").
#ifndef CONTACTPLAN_SRC_ENGINE_FINDING_SELECTION_H_
#define CONTACTPLAN_SRC_ENGINE_FINDING_SELECTION_H_

#include <cstdint>
#include <span>

#include "contactplan/v1/analysis.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "model/plan_index.h"

namespace contactplan::engine {

// Keeps at most `max_findings` of `*findings` (0: every one) and writes one FindingCount per code
// and severity that fired into `*counts` (which should be empty), with `total` counting every
// finding and `shown` those kept.
//
// `*findings` must be in the analysis order (severity, critical first; then catalogue order; then
// plan order), which makes each (code, severity) one contiguous run. The findings kept are the most
// severe; among equally severe ones, those whose most important person (`importance`, one value per
// person of `index`, 0-1) matters most; a finding that names no person ranks below every finding
// that names one; remaining ties keep the earlier finding. The kept findings stay in the analysis
// order. Dropped findings are deleted (freed with their arena when `*findings` lives on one).
void SelectFindings(const model::PlanIndex& index, std::span<const double> importance,
                    int32_t max_findings, google::protobuf::RepeatedPtrField<v1::Finding>* findings,
                    google::protobuf::RepeatedPtrField<v1::FindingCount>* counts);

}  // namespace contactplan::engine

#endif  // CONTACTPLAN_SRC_ENGINE_FINDING_SELECTION_H_
