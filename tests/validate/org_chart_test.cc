#include "validate/org_chart.h"

#include <cstdint>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace contactplan::validate {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(ShapeOfOrgChartTest, EmptyChartHasNoDepth) {
  const OrgChartShape shape = ShapeOfOrgChart({});
  EXPECT_THAT(shape.cycles, IsEmpty());
  EXPECT_EQ(shape.deepest_person, -1);
  EXPECT_EQ(shape.deepest_levels, 0);
}

TEST(ShapeOfOrgChartTest, TopsAreOneLevelDeep) {
  const OrgChartShape shape = ShapeOfOrgChart(std::vector<int32_t>{-1, -1});
  EXPECT_THAT(shape.cycles, IsEmpty());
  EXPECT_EQ(shape.deepest_person, 0);
  EXPECT_EQ(shape.deepest_levels, 1);
}

TEST(ShapeOfOrgChartTest, DeepestIsTheFirstInThePlanAmongEquals) {
  // 0 is the top; 1 and 3 report to 0; 2 reports to 1 and 4 to 3: both 2 and 4 are 3 levels deep.
  const OrgChartShape shape = ShapeOfOrgChart(std::vector<int32_t>{-1, 0, 1, 0, 3});
  EXPECT_THAT(shape.cycles, IsEmpty());
  EXPECT_EQ(shape.deepest_person, 2);
  EXPECT_EQ(shape.deepest_levels, 3);
}

TEST(ShapeOfOrgChartTest, ManagersListedAfterTheirReportsCountTheSame) {
  // 0 -> 1 -> 2 -> 3 (top): the walk from 0 finishes every depth on its way back.
  const OrgChartShape shape = ShapeOfOrgChart(std::vector<int32_t>{1, 2, 3, -1});
  EXPECT_EQ(shape.deepest_person, 0);
  EXPECT_EQ(shape.deepest_levels, 4);
}

TEST(ShapeOfOrgChartTest, SelfLoopIsACycleOfOne) {
  const OrgChartShape shape = ShapeOfOrgChart(std::vector<int32_t>{0});
  EXPECT_THAT(shape.cycles, ElementsAre(ElementsAre(0)));
  EXPECT_EQ(shape.deepest_person, -1);
}

TEST(ShapeOfOrgChartTest, TwoCycleStartsWithItsFirstMemberInThePlan) {
  const OrgChartShape shape = ShapeOfOrgChart(std::vector<int32_t>{-1, 2, 1});
  EXPECT_THAT(shape.cycles, ElementsAre(ElementsAre(1, 2)));
  EXPECT_EQ(shape.deepest_person, 0);
}

TEST(ShapeOfOrgChartTest, LongCycleListsMembersInReportingOrder) {
  // 2 -> 3 -> 1 -> 4 -> 2, entered from 0 (a tail), so the walk meets 2 first.
  const OrgChartShape shape = ShapeOfOrgChart(std::vector<int32_t>{2, 4, 3, 1, 2});
  EXPECT_THAT(shape.cycles, ElementsAre(ElementsAre(1, 4, 2, 3)));
}

TEST(ShapeOfOrgChartTest, TailIntoACycleIsNeitherACycleNorDeep) {
  // 0 -> 1 -> 2 -> 3 -> 2; 4 is a top.
  const OrgChartShape shape = ShapeOfOrgChart(std::vector<int32_t>{1, 2, 3, 2, -1});
  EXPECT_THAT(shape.cycles, ElementsAre(ElementsAre(2, 3)));
  EXPECT_EQ(shape.deepest_person, 4);
  EXPECT_EQ(shape.deepest_levels, 1);
}

TEST(ShapeOfOrgChartTest, SeparateCyclesAreOrderedByTheirFirstMember) {
  // Walked from 0 first, the cycle {5, 6} is found before {1, 2}; the result is in plan order.
  const OrgChartShape shape = ShapeOfOrgChart(std::vector<int32_t>{5, 2, 1, 1, -1, 6, 5});
  EXPECT_THAT(shape.cycles, ElementsAre(ElementsAre(1, 2), ElementsAre(5, 6)));
  EXPECT_EQ(shape.deepest_person, 4);
}

TEST(ShapeOfOrgChartTest, MillionLevelChainNeedsNoRecursion) {
  constexpr int32_t kPersons = 1000000;
  std::vector<int32_t> manager(kPersons);
  for (int32_t p = 0; p < kPersons; ++p) manager[p] = p + 1 < kPersons ? p + 1 : -1;
  OrgChartShape shape = ShapeOfOrgChart(manager);
  EXPECT_THAT(shape.cycles, IsEmpty());
  EXPECT_EQ(shape.deepest_person, 0);
  EXPECT_EQ(shape.deepest_levels, kPersons);

  manager.back() = 0;  // the top now reports to the bottom: one cycle of everyone
  shape = ShapeOfOrgChart(manager);
  ASSERT_EQ(shape.cycles.size(), 1u);
  EXPECT_EQ(shape.cycles[0].size(), static_cast<size_t>(kPersons));
  EXPECT_EQ(shape.cycles[0].front(), 0);
  EXPECT_EQ(shape.cycles[0][1], 1);
  EXPECT_EQ(shape.deepest_person, -1);
}

}  // namespace
}  // namespace contactplan::validate
