// The scratch blocks an engine lends to its calls' arenas (capi/arena_block_pool.h): reused across
// calls, sized to what earlier calls of the same use took, never more than kMaxKept blocks or the
// pool's byte limit kept, and actually used by the arena they are lent to.
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

using Use = ArenaBlockPool::Use;
constexpr uint64_t kPlenty = uint64_t{1} << 30;

// Allocates `bytes` on `arena` in 4 KiB pieces, as a parse would.
void Fill(google::protobuf::Arena& arena, size_t bytes) {
  for (size_t done = 0; done < bytes; done += 4096) {
    google::protobuf::Arena::CreateArray<char>(&arena, 4096);
  }
}

TEST(ArenaBlockPoolTest, AReturnedBlockIsLentAgain) {
  ArenaBlockPool pool(kPlenty);
  char* first = nullptr;
  {
    const ArenaBlockPool::Lease lease = pool.Borrow(Use::kPlan);
    ASSERT_NE(lease.data(), nullptr);
    EXPECT_EQ(lease.size(), ArenaBlockPool::kBlockBytes);
    first = lease.data();
    EXPECT_EQ(pool.kept(), 0);
  }
  EXPECT_EQ(pool.kept(), 1);
  EXPECT_EQ(pool.kept_bytes(), ArenaBlockPool::kBlockBytes);
  const ArenaBlockPool::Lease again = pool.Borrow(Use::kAnalysis);
  EXPECT_EQ(again.data(), first);
  EXPECT_EQ(pool.kept(), 0);
}

TEST(ArenaBlockPoolTest, KeepsAtMostMaxKeptBlocks) {
  ArenaBlockPool pool(kPlenty);
  {
    std::vector<std::unique_ptr<ArenaBlockPool::Lease>> leases;
    for (int i = 0; i < ArenaBlockPool::kMaxKept + 3; ++i) {
      // Built in place from Borrow()'s result (a lease cannot be copied or moved).
      leases.emplace_back(new ArenaBlockPool::Lease(pool.Borrow(Use::kPlan)));
    }
    std::set<char*> distinct;
    for (const auto& lease : leases) distinct.insert(lease->data());
    EXPECT_EQ(distinct.size(), leases.size()) << "blocks on loan at once must be distinct";
  }
  EXPECT_EQ(pool.kept(), ArenaBlockPool::kMaxKept);
}

TEST(ArenaBlockPoolTest, TheArenaAllocatesInTheLentBlock) {
  ArenaBlockPool pool(kPlenty);
  const ArenaBlockPool::Lease lease = pool.Borrow(Use::kPlan);
  ASSERT_NE(lease.data(), nullptr);
  google::protobuf::Arena arena(ArenaBlockPool::Options(lease));
  const auto begin = reinterpret_cast<uintptr_t>(lease.data());
  const auto end = begin + lease.size();
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

TEST(ArenaBlockPoolTest, ALaterCallOfTheSameUseGetsABlockAsLargeAsTheArenaTook) {
  ArenaBlockPool pool(kPlenty);
  uint64_t took = 0;
  {
    const ArenaBlockPool::Lease lease = pool.Borrow(Use::kPlan);
    google::protobuf::Arena arena(ArenaBlockPool::Options(lease));
    Fill(arena, 3 << 20);
    took = arena.SpaceAllocated();
    ASSERT_GT(took, lease.size()) << "the arena must have grown beyond the lent block";
    lease.Learn(took);
  }
  EXPECT_GE(pool.wanted(Use::kPlan), took);
  EXPECT_EQ(pool.wanted(Use::kPlan) % ArenaBlockPool::kSizeStep, 0u);
  EXPECT_EQ(pool.wanted(Use::kAnalysis), ArenaBlockPool::kBlockBytes) << "each use learns alone";

  char* large = nullptr;
  {
    const ArenaBlockPool::Lease lease = pool.Borrow(Use::kPlan);
    ASSERT_NE(lease.data(), nullptr);
    EXPECT_GE(lease.size(), took);
    large = lease.data();
    google::protobuf::Arena arena(ArenaBlockPool::Options(lease));
    Fill(arena, 3 << 20);
    // The same work now fits the lent block: the arena asked malloc for nothing more.
    EXPECT_EQ(arena.SpaceAllocated(), lease.size());
    lease.Learn(arena.SpaceAllocated());
  }
  // Both blocks are kept (they fit the limit): the large one is lent again for the same use,
  const ArenaBlockPool::Lease again = pool.Borrow(Use::kPlan);
  EXPECT_EQ(again.data(), large);
  // and the small one for the use that has needed no more.
  const ArenaBlockPool::Lease small = pool.Borrow(Use::kAnalysis);
  EXPECT_EQ(small.size(), ArenaBlockPool::kBlockBytes);
}

TEST(ArenaBlockPoolTest, KeepsNoMoreBytesThanItsLimit) {
  constexpr uint64_t kLimit = 1 << 20;
  ArenaBlockPool pool(kLimit);
  {
    const ArenaBlockPool::Lease lease = pool.Borrow(Use::kPlan);
    // More than the limit: not learned, a later lease is the smallest block again.
    lease.Learn(kLimit + 1);
  }
  EXPECT_EQ(pool.wanted(Use::kPlan), ArenaBlockPool::kBlockBytes);
  {
    std::vector<std::unique_ptr<ArenaBlockPool::Lease>> leases;
    for (int i = 0; i < ArenaBlockPool::kMaxKept; ++i) {
      leases.emplace_back(new ArenaBlockPool::Lease(pool.Borrow(Use::kPlan)));
    }
    leases.front()->Learn(kLimit - 1);  // within the limit: learned, rounded up to the limit
  }
  EXPECT_LE(pool.kept_bytes(), kLimit);
  EXPECT_EQ(pool.wanted(Use::kPlan), kLimit);
  {
    // Two leases of the limit's size: only one can be kept.
    const ArenaBlockPool::Lease a = pool.Borrow(Use::kPlan);
    const ArenaBlockPool::Lease b = pool.Borrow(Use::kPlan);
    EXPECT_EQ(a.size(), kLimit);
    EXPECT_EQ(b.size(), kLimit);
  }
  EXPECT_EQ(pool.kept(), 1);
  EXPECT_EQ(pool.kept_bytes(), kLimit);
}

TEST(ArenaBlockPoolTest, ALimitOfZeroKeepsNothing) {
  ArenaBlockPool pool(0);
  {
    const ArenaBlockPool::Lease lease = pool.Borrow(Use::kPlan);
    ASSERT_NE(lease.data(), nullptr) << "a block is still lent for the call";
    lease.Learn(10 << 20);
  }
  EXPECT_EQ(pool.kept(), 0);
  EXPECT_EQ(pool.kept_bytes(), 0u);
  EXPECT_EQ(pool.wanted(Use::kPlan), ArenaBlockPool::kBlockBytes);
}

TEST(ArenaBlockPoolTest, ALargerBlockReplacesSmallerKeptOnes) {
  ArenaBlockPool pool(kPlenty);
  {
    // The pool full of small blocks, as after typical plans.
    std::vector<std::unique_ptr<ArenaBlockPool::Lease>> leases;
    for (int i = 0; i < ArenaBlockPool::kMaxKept; ++i) {
      leases.emplace_back(new ArenaBlockPool::Lease(pool.Borrow(Use::kAnalysis)));
    }
    leases.front()->Learn(ArenaBlockPool::kSizeStep * 4);
  }
  ASSERT_EQ(pool.kept(), ArenaBlockPool::kMaxKept);
  char* large = nullptr;
  {
    const ArenaBlockPool::Lease lease = pool.Borrow(Use::kAnalysis);
    EXPECT_EQ(lease.size(), ArenaBlockPool::kSizeStep * 4) << "no kept block was large enough";
    large = lease.data();
  }
  EXPECT_EQ(pool.kept(), ArenaBlockPool::kMaxKept);
  EXPECT_EQ(pool.kept_bytes(),
            ArenaBlockPool::kSizeStep * 4 + (ArenaBlockPool::kMaxKept - 1) * ArenaBlockPool::kBlockBytes);
  const ArenaBlockPool::Lease again = pool.Borrow(Use::kAnalysis);
  EXPECT_EQ(again.data(), large);
}

}  // namespace
}  // namespace contactplan::capi
