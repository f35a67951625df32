#include "validate/org_chart.h"

#include <algorithm>

namespace contactplan::validate {
namespace {

// Marks in the per-person levels while walking; a positive value is a finished depth.
constexpr int32_t kUnvisited = 0;
constexpr int32_t kOnWalk = -1;   // on the chain being walked right now
constexpr int32_t kNoDepth = -2;  // in a cycle, or reporting into one

}  // namespace

OrgChartShape ShapeOfOrgChart(std::span<const int32_t> manager) {
  const auto persons = static_cast<int32_t>(manager.size());
  OrgChartShape shape;
  std::vector<int32_t> levels(manager.size(), kUnvisited);
  std::vector<int32_t> walk;
  // Each person is walked over once: a walk climbs from `start` until it reaches the top, a person
  // already finished, or a person on this very walk (a cycle), then assigns depths on the way back.
  for (int32_t start = 0; start < persons; ++start) {
    if (levels[start] != kUnvisited) continue;
    walk.clear();
    int32_t above = start;
    while (above != -1 && levels[above] == kUnvisited) {
      levels[above] = kOnWalk;
      walk.push_back(above);
      above = manager[above];
    }
    int32_t depth_above = 0;
    if (above != -1 && levels[above] == kOnWalk) {
      // The walk closed on itself: the cycle is the walk from `above` to its end.
      const auto first = std::find(walk.rbegin(), walk.rend(), above).base() - 1;
      ReportingCycle cycle(first, walk.end());
      std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
      shape.cycles.push_back(std::move(cycle));
      walk.erase(first, walk.end());
      for (const int32_t member : shape.cycles.back()) levels[member] = kNoDepth;
      depth_above = kNoDepth;
    } else if (above != -1) {
      depth_above = levels[above];  // finished earlier: a depth or kNoDepth
    }
    for (auto it = walk.rbegin(); it != walk.rend(); ++it) {
      if (depth_above != kNoDepth) ++depth_above;
      levels[*it] = depth_above;
    }
  }
  std::sort(shape.cycles.begin(), shape.cycles.end(),
            [](const ReportingCycle& a, const ReportingCycle& b) { return a.front() < b.front(); });
  for (int32_t p = 0; p < persons; ++p) {
    if (levels[p] > shape.deepest_levels) {
      shape.deepest_levels = levels[p];
      shape.deepest_person = p;
    }
  }
  return shape;
}

}  // namespace contactplan::validate
