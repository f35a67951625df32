#include "engine/finding_selection.h"

#include <algorithm>
#include <array>

#include "rules/rule.h"

namespace contactplan::engine {
namespace {

// How much a finding's persons matter: the most important of them; -1 when it names none, so that
// account-wide findings give way to findings about someone (they are still counted).
double FindingImportance(const rules::Finding& finding, std::span<const double> importance) {
  double most = -1;
  for (const model::PersonIx p : finding.persons) most = std::max(most, importance[p]);
  return most;
}

}  // namespace

std::vector<bool> SelectFindings(const OrderedFindings& findings, std::span<const double> importance,
                                 int32_t max_findings) {
  const int n = static_cast<int>(findings.size());
  if (max_findings == 0 || n <= max_findings) return std::vector<bool>(n, true);
  struct Rank {
    double importance;
    int position;
  };
  // Severity decides first: every finding more severe than the boundary severity (the one at
  // which the kept count is reached) is kept, and only those at the boundary are ranked by
  // importance. (Ranking all 66,822 findings of a large account ranked tens of thousands that
  // severity alone keeps or drops.)
  std::array<int, v1::Severity_ARRAYSIZE> per_severity{};
  for (const rules::Finding& finding : findings.findings) ++per_severity[finding.severity];
  int boundary = v1::SEVERITY_UNSPECIFIED;
  int above = 0;  // findings more severe than the boundary
  for (int severity = v1::Severity_MAX; severity > v1::SEVERITY_UNSPECIFIED; --severity) {
    if (above + per_severity[severity] >= max_findings) {
      boundary = severity;
      break;
    }
    above += per_severity[severity];
  }
  std::vector<bool> kept(n, false);
  std::vector<Rank> ranks;
  ranks.reserve(per_severity[boundary]);
  for (int i = 0; i < n; ++i) {
    const int severity = findings[i].severity;
    if (severity > boundary) {
      kept[i] = true;
    } else if (severity == boundary) {
      ranks.push_back({FindingImportance(findings[i], importance), i});
    }
  }
  const auto better = [](const Rank& a, const Rank& b) {
    if (a.importance != b.importance) return a.importance > b.importance;
    return a.position < b.position;
  };
  // Only the boundary matters: the first max_findings - above ranks, in any order.
  const int wanted = max_findings - above;
  std::nth_element(ranks.begin(), ranks.begin() + wanted, ranks.end(), better);
  for (int i = 0; i < wanted; ++i) kept[ranks[i].position] = true;
  return kept;
}

void CountFindings(const OrderedFindings& findings, const std::vector<bool>& kept,
                   google::protobuf::RepeatedPtrField<v1::FindingCount>* counts) {
  v1::FindingCount* run = nullptr;
  const rules::Rule* run_rule = nullptr;
  for (size_t i = 0; i < findings.size(); ++i) {
    const rules::Finding& finding = findings[i];
    if (run == nullptr || run_rule != finding.rule || run->severity() != finding.severity) {
      run = counts->Add();
      run_rule = finding.rule;
      // Assigned in place: set_code(data, size) would copy through a temporary std::string.
      run->mutable_code()->assign(finding.rule->info.code.data(), finding.rule->info.code.size());
      run->set_severity(finding.severity);
    }
    run->set_total(run->total() + 1);
    if (kept[i]) run->set_shown(run->shown() + 1);
  }
}

}  // namespace contactplan::engine
