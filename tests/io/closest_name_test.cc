#include "io/closest_name.h"

#include "gtest/gtest.h"

namespace contactplan::io {
namespace {

TEST(ClosestNameTest, SuggestsLikelyTyposOnly) {
  const std::vector<std::string> names = {"@title", "@department", "@level", "@reports_to"};
  EXPECT_EQ(ClosestName("@titel", names), "@title");
  EXPECT_EQ(ClosestName("@DEPARTMENT", names), "@department");
  EXPECT_EQ(ClosestName("@report_to", names), "@reports_to");
  EXPECT_EQ(ClosestName("@colour", names), std::nullopt);
  EXPECT_EQ(ClosestName("x", {}), std::nullopt);
}

TEST(ClosestNameTest, TiesGoToTheEarlierCandidate) {
  EXPECT_EQ(ClosestName("cat", {"bat", "hat"}), "bat");
  EXPECT_EQ(ClosestName("cat", {"hat", "bat"}), "hat");
}

}  // namespace
}  // namespace contactplan::io
