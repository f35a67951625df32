#include "arena_block_pool.h"

#include <algorithm>
#include <cstdlib>

namespace contactplan::capi {

ArenaBlockPool::ArenaBlockPool(uint64_t max_kept_bytes) : max_kept_bytes_(max_kept_bytes) {}

ArenaBlockPool::~ArenaBlockPool() {
  for (int i = 0; i < count_; ++i) std::free(kept_[i].data);
}

ArenaBlockPool::Lease ArenaBlockPool::Borrow(Use use) noexcept {
  size_t size = kBlockBytes;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    size = wanted_[static_cast<int>(use)];
    int best = -1;
    for (int i = 0; i < count_; ++i) {
      if (kept_[i].size >= size && (best < 0 || kept_[i].size < kept_[best].size)) best = i;
    }
    if (best >= 0) {
      const Block block = kept_[best];
      kept_[best] = kept_[--count_];
      kept_bytes_ -= block.size;
      return Lease(*this, use, block.data, block.size);
    }
  }
  // Outside the lock: malloc may take a while, and a null block only means an arena of the usual
  // kind. The arena needs 8-byte alignment; malloc gives 16. A large block is only address space
  // until the arena touches it.
  char* block = static_cast<char*>(std::malloc(size));
  if (block == nullptr && size > kBlockBytes) {
    size = kBlockBytes;
    block = static_cast<char*>(std::malloc(size));
  }
  return Lease(*this, use, block, size);
}

void ArenaBlockPool::Return(char* block, size_t size) noexcept {
  if (block == nullptr) return;
  std::array<char*, kMaxKept + 1> to_free{};
  int freeing = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    // Make room by freeing kept blocks smaller than this one, smallest first: a pool that has kept
    // blocks for typical plans still learns to keep the blocks a large account needs.
    while (count_ > 0 && (count_ == kMaxKept || kept_bytes_ + size > max_kept_bytes_)) {
      int smallest = 0;
      for (int i = 1; i < count_; ++i) {
        if (kept_[i].size < kept_[smallest].size) smallest = i;
      }
      if (kept_[smallest].size >= size || size > max_kept_bytes_) break;
      to_free[freeing++] = kept_[smallest].data;
      kept_bytes_ -= kept_[smallest].size;
      kept_[smallest] = kept_[--count_];
    }
    if (count_ < kMaxKept && kept_bytes_ + size <= max_kept_bytes_) {
      kept_[count_++] = {block, size};
      kept_bytes_ += size;
    } else {
      to_free[freeing++] = block;
    }
  }
  for (int i = 0; i < freeing; ++i) std::free(to_free[i]);
}

void ArenaBlockPool::Learn(Use use, uint64_t arena_bytes) noexcept {
  // A block the pool could never keep is not worth asking for: the arena grows its own blocks.
  if (arena_bytes > max_kept_bytes_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  size_t& wanted = wanted_[static_cast<int>(use)];
  // An arena that stayed within its lent block took exactly the block: nothing to learn.
  if (arena_bytes <= wanted) return;
  const uint64_t rounded = (arena_bytes + kSizeStep - 1) / kSizeStep * kSizeStep;
  wanted = static_cast<size_t>(std::min<uint64_t>(rounded, max_kept_bytes_));
}

int ArenaBlockPool::kept() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  return count_;
}

uint64_t ArenaBlockPool::kept_bytes() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  return kept_bytes_;
}

size_t ArenaBlockPool::wanted(Use use) noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  return wanted_[static_cast<int>(use)];
}

google::protobuf::ArenaOptions ArenaBlockPool::Options(const Lease& lease) {
  google::protobuf::ArenaOptions options;
  options.start_block_size = 4 << 10;  // only used when there is no block on loan
  options.max_block_size = 256 << 10;
  if (lease.data() != nullptr) {
    options.initial_block = lease.data();
    options.initial_block_size = lease.size();
  }
  return options;
}

}  // namespace contactplan::capi
