#include "base/stable_sort.h"

#include <algorithm>
#include <memory>
#include <random>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace contactplan {
namespace {

// Every length on both sides of the insertion sort's limit, keys with many ties: the result is
// std::stable_sort's, item for item (the second member records the original position).
TEST(StableSortTest, MatchesStdStableSortAtEveryLength) {
  std::mt19937 random(7);
  for (int length = 0; length <= 40; ++length) {
    for (int round = 0; round < 50; ++round) {
      std::vector<std::pair<int, int>> items;
      for (int i = 0; i < length; ++i) items.emplace_back(static_cast<int>(random() % 4), i);
      std::vector<std::pair<int, int>> expected = items;
      const auto by_key = [](const auto& a, const auto& b) { return a.first < b.first; };
      std::stable_sort(expected.begin(), expected.end(), by_key);
      StableSort(items.begin(), items.end(), by_key);
      ASSERT_EQ(items, expected) << "length " << length << ", round " << round;
    }
  }
}

TEST(StableSortTest, SortsMoveOnlyItems) {
  std::vector<std::unique_ptr<int>> items;
  for (const int value : {3, 1, 2}) items.push_back(std::make_unique<int>(value));
  StableSort(items.begin(), items.end(), [](const auto& a, const auto& b) { return *a < *b; });
  EXPECT_EQ(*items[0], 1);
  EXPECT_EQ(*items[1], 2);
  EXPECT_EQ(*items[2], 3);
}

}  // namespace
}  // namespace contactplan
