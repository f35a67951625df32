#include "engine/finding_selection.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace contactplan::engine {
namespace {

// How much a finding's persons matter: the most important of them; -1 when it names none, so that
// account-wide findings give way to findings about someone (they are also counted, never lost).
double FindingImportance(const model::PlanIndex& index, std::span<const double> importance,
                         const v1::Finding& finding) {
  double most = -1;
  for (const std::string& id : finding.person_ids()) {
    if (const model::PersonIx p = index.FindPerson(id); p != model::kNone) {
      most = std::max(most, importance[p]);
    }
  }
  return most;
}

// The chosen findings, as a mask over `findings` in analysis order.
std::vector<bool> KeptMask(const model::PlanIndex& index, std::span<const double> importance,
                           int32_t max_findings,
                           const google::protobuf::RepeatedPtrField<v1::Finding>& findings) {
  const int n = findings.size();
  std::vector<bool> kept(n, true);
  if (max_findings == 0 || n <= max_findings) return kept;
  struct Rank {
    int severity;
    double importance;
    int position;
  };
  std::vector<Rank> ranks;
  ranks.reserve(n);
  for (int i = 0; i < n; ++i) {
    ranks.push_back({findings[i].severity(), FindingImportance(index, importance, findings[i]), i});
  }
  const auto better = [](const Rank& a, const Rank& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.importance != b.importance) return a.importance > b.importance;
    return a.position < b.position;
  };
  // Only the boundary matters: the first max_findings ranks, in any order.
  std::nth_element(ranks.begin(), ranks.begin() + max_findings, ranks.end(), better);
  std::fill(kept.begin(), kept.end(), false);
  for (int i = 0; i < max_findings; ++i) kept[ranks[i].position] = true;
  return kept;
}

}  // namespace

void SelectFindings(const model::PlanIndex& index, std::span<const double> importance,
                    int32_t max_findings, google::protobuf::RepeatedPtrField<v1::Finding>* findings,
                    google::protobuf::RepeatedPtrField<v1::FindingCount>* counts) {
  const std::vector<bool> kept = KeptMask(index, importance, max_findings, *findings);
  v1::FindingCount* run = nullptr;
  int shown = 0;
  // One walk: counts per run, and the kept findings moved to the front in order. Only element
  // pointers move; no finding is copied.
  auto slots = findings->pointer_begin();
  for (int i = 0; i < findings->size(); ++i) {
    v1::Finding* finding = slots[i];
    if (run == nullptr || run->code() != finding->code() || run->severity() != finding->severity()) {
      run = counts->Add();
      run->set_code(finding->code());
      run->set_severity(finding->severity());
    }
    run->set_total(run->total() + 1);
    if (!kept[i]) continue;
    run->set_shown(run->shown() + 1);
    std::swap(slots[shown++], slots[i]);
  }
  findings->DeleteSubrange(shown, findings->size() - shown);
}

}  // namespace contactplan::engine
