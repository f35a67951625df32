// The shape of a plan's reporting lines: cycles and depth, found in one pass without recursion.
#ifndef CONTACTPLAN_SRC_VALIDATE_ORG_CHART_H_
#define CONTACTPLAN_SRC_VALIDATE_ORG_CHART_H_

#include <cstdint>
#include <span>
#include <vector>

namespace contactplan::validate {

// A reporting cycle: persons (plan positions) in reporting order, starting with the one that comes
// first in the plan; each reports to the next and the last reports to the first.
using ReportingCycle = std::vector<int32_t>;

struct OrgChartShape {
  // Every cycle once, ordered by the plan position of its first member.
  std::vector<ReportingCycle> cycles;
  // The person with the longest reporting chain (the first in the plan among equals) and the number
  // of levels in that chain, the person included: a person who reports to nobody is 1 level deep.
  // Persons in a cycle or reporting into one have no depth and are left out; -1 and 0 when no person
  // has a depth.
  int32_t deepest_person = -1;
  int64_t deepest_levels = 0;
};

// `manager[p]` is the plan position of the person p reports to, or -1 for none. Runs in time and
// memory linear in the number of persons, iteratively, so a chart a million levels deep is fine.
OrgChartShape ShapeOfOrgChart(std::span<const int32_t> manager);

}  // namespace contactplan::validate

#endif  // CONTACTPLAN_SRC_VALIDATE_ORG_CHART_H_
