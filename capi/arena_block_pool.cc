#include "arena_block_pool.h"

#include <cstdlib>

namespace contactplan::capi {

ArenaBlockPool::~ArenaBlockPool() {
  for (int i = 0; i < count_; ++i) std::free(kept_[i]);
}

ArenaBlockPool::Lease ArenaBlockPool::Borrow() noexcept {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (count_ > 0) return Lease(*this, kept_[--count_]);
  }
  // Outside the lock: malloc may take a while, and a null block only means an arena of the usual
  // kind. The arena needs 8-byte alignment; malloc gives 16.
  return Lease(*this, static_cast<char*>(std::malloc(kBlockBytes)));
}

void ArenaBlockPool::Return(char* block) noexcept {
  if (block == nullptr) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (count_ < kMaxKept) {
      kept_[count_++] = block;
      return;
    }
  }
  std::free(block);
}

int ArenaBlockPool::kept() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  return count_;
}

google::protobuf::ArenaOptions ArenaBlockPool::Options(const Lease& lease) {
  google::protobuf::ArenaOptions options;
  options.start_block_size = 4 << 10;  // only used when there is no block on loan
  options.max_block_size = 256 << 10;
  if (lease.data() != nullptr) {
    options.initial_block = lease.data();
    options.initial_block_size = kBlockBytes;
  }
  return options;
}

}  // namespace contactplan::capi
