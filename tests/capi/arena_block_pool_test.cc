// The scratch blocks an engine lends to its calls' arenas (capi/arena_block_pool.h): reused across
// calls, never more than kMaxKept kept, and actually used by the arena they are lent to.
#include "arena_block_pool.h"

#include <cstdint>
#include <memory>
#include <set>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/arena.h"
#include "gtest/gtest.h"

namespace contactplan::capi {
namespace {

TEST(ArenaBlockPoolTest, AReturnedBlockIsLentAgain) {
  ArenaBlockPool pool;
  char* first = nullptr;
  {
    const ArenaBlockPool::Lease lease = pool.Borrow();
    ASSERT_NE(lease.data(), nullptr);
    first = lease.data();
    EXPECT_EQ(pool.kept(), 0);
  }
  EXPECT_EQ(pool.kept(), 1);
  const ArenaBlockPool::Lease again = pool.Borrow();
  EXPECT_EQ(again.data(), first);
  EXPECT_EQ(pool.kept(), 0);
}

TEST(ArenaBlockPoolTest, KeepsAtMostMaxKeptBlocks) {
  ArenaBlockPool pool;
  {
    std::vector<std::unique_ptr<ArenaBlockPool::Lease>> leases;
    for (int i = 0; i < ArenaBlockPool::kMaxKept + 3; ++i) {
      // Built in place from Borrow()'s result (a lease cannot be copied or moved).
      leases.emplace_back(new ArenaBlockPool::Lease(pool.Borrow()));
    }
    std::set<char*> distinct;
    for (const auto& lease : leases) distinct.insert(lease->data());
    EXPECT_EQ(distinct.size(), leases.size()) << "blocks on loan at once must be distinct";
  }
  EXPECT_EQ(pool.kept(), ArenaBlockPool::kMaxKept);
}

TEST(ArenaBlockPoolTest, TheArenaAllocatesInTheLentBlock) {
  ArenaBlockPool pool;
  const ArenaBlockPool::Lease lease = pool.Borrow();
  ASSERT_NE(lease.data(), nullptr);
  google::protobuf::Arena arena(ArenaBlockPool::Options(lease));
  const auto begin = reinterpret_cast<uintptr_t>(lease.data());
  const auto end = begin + ArenaBlockPool::kBlockBytes;
  // Well under the block: all of it comes from the lent block, none from malloc.
  for (int i = 0; i < 100; ++i) {
    const auto at = reinterpret_cast<uintptr_t>(google::protobuf::Arena::CreateArray<char>(&arena, 512));
    EXPECT_GE(at, begin);
    EXPECT_LT(at + 512, end);
  }
  // Beyond it, the arena grows with blocks of its own.
  const auto far = reinterpret_cast<uintptr_t>(
      google::protobuf::Arena::CreateArray<char>(&arena, ArenaBlockPool::kBlockBytes));
  EXPECT_TRUE(far + ArenaBlockPool::kBlockBytes <= begin || far >= end);
}

}  // namespace
}  // namespace contactplan::capi
