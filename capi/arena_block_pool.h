// Scratch blocks that an engine lends to the arenas of its calls, sized to what its calls need, so
// that a call parses its plan and builds its analysis without asking malloc (or the kernel) for
// arena memory.
//
// Each cplan_analyze builds the plan and the analysis on two protobuf arenas. On their own, the
// arenas grow from small blocks (4, 8, 16, 32, 64 KiB ... up to 256 KiB) that are malloc'd and
// freed again on every call. For a typical plan that is a dozen malloc/free pairs; for a large
// account it is tens of megabytes that glibc hands back to the kernel when the call ends and the
// next call takes again, one zero-filled page fault per 4 KiB (on the 10,000 x 500 account the page
// faults alone were a sixth of the call's time; docs/memory.md).
//
// So an engine keeps the blocks it lends. Each arena of a call starts in a block lent by the pool
// (ArenaOptions::initial_block). When the call is done, it tells the pool how much each arena
// took in all (Lease::Learn); later calls of the same use (the plan's arena, the analysis'
// arena) are lent a block of the largest such size seen, so a call like an earlier one runs in
// memory that is already resident. The first call of an engine runs as it would without a pool
// (its arenas grow their own blocks past a 128 KiB first block), so a host that analyses once pays
// nothing for the pool.
//
// What it keeps: at most kMaxKept blocks (two calls at once, two arenas each), and at most
// `max_kept_bytes` in all (EngineOptions.limits.max_retained_bytes, default 128 MiB). A block that
// does not fit is freed when it comes back, unless it can replace smaller kept ones. Blocks are
// freed with the pool, i.e. with the engine.
#ifndef CONTACTPLAN_CAPI_ARENA_BLOCK_POOL_H_
#define CONTACTPLAN_CAPI_ARENA_BLOCK_POOL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <mutex>

#include "google/protobuf/arena.h"

namespace contactplan::capi {

class ArenaBlockPool {
 public:
  // The smallest block lent. Covers a typical plan's arena (about 37 KB) and its analysis' arena
  // (about 80 KB) with room to spare.
  static constexpr size_t kBlockBytes = 128 << 10;
  // Blocks kept between calls: two per call, for two calls at once.
  static constexpr int kMaxKept = 4;
  // Learned sizes are rounded up to this, so that a slightly larger call still fits.
  static constexpr size_t kSizeStep = 256 << 10;

  // What an arena is for: each use learns its own size.
  enum class Use { kPlan = 0, kAnalysis = 1 };

  // A block on loan for the lifetime of one arena: declare it before the arena, so that the arena
  // is destroyed first, and it goes back to the pool when it goes out of scope. `data()` is null
  // when memory ran out; the arena then allocates all its blocks itself.
  class Lease {
   public:
    Lease(ArenaBlockPool& pool, Use use, char* block, size_t size)
        : pool_(pool), use_(use), block_(block), size_(size) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.Return(block_, size_); }
    char* data() const { return block_; }
    size_t size() const { return block_ == nullptr ? 0 : size_; }

    // Tells the pool that the arena on this block took `arena_bytes` in all
    // (google::protobuf::Arena::SpaceAllocated(), the lent block included): later leases of the
    // same use get a block at least that large, within the pool's limit. Thread-safe.
    void Learn(uint64_t arena_bytes) const { pool_.Learn(use_, arena_bytes); }

   private:
    ArenaBlockPool& pool_;
    Use use_;
    char* block_;
    size_t size_;
  };

  // `max_kept_bytes`: the most the pool holds between calls, all blocks together; below
  // kBlockBytes nothing is kept (every lease then mallocs its block and frees it on return).
  explicit ArenaBlockPool(uint64_t max_kept_bytes);
  ArenaBlockPool(const ArenaBlockPool&) = delete;
  ArenaBlockPool& operator=(const ArenaBlockPool&) = delete;
  // Frees the kept blocks. No lease may be outstanding (cplan_engine_destroy's contract: no call
  // on the engine is running).
  ~ArenaBlockPool();

  // The smallest kept block that holds what `use` has needed so far, or a newly allocated block of
  // that size when none does. Thread-safe; never throws.
  Lease Borrow(Use use) noexcept;

  // How many blocks, and how many bytes, the pool holds now (for tests and diagnostics).
  // Thread-safe.
  int kept() noexcept;
  uint64_t kept_bytes() noexcept;

  // The size a lease for `use` would ask for now (for tests). Thread-safe.
  size_t wanted(Use use) noexcept;

  // Arena options for an arena whose first block is `lease`'s (none when it has no block: then
  // blocks start at 4 KiB). Blocks the arena adds itself, when a call needs more than the lent
  // block, grow up to 256 KiB: one malloc per quarter megabyte instead of several per element, and
  // the unused tail of the last block stays small (docs/memory.md).
  static google::protobuf::ArenaOptions Options(const Lease& lease);

 private:
  struct Block {
    char* data;
    size_t size;
  };

  // Keeps `block` if there is room (freeing smaller kept blocks to make it, when that helps), else
  // frees it. Null is ignored. Thread-safe.
  void Return(char* block, size_t size) noexcept;
  void Learn(Use use, uint64_t arena_bytes) noexcept;

  const uint64_t max_kept_bytes_;
  std::mutex mutex_;
  std::array<Block, kMaxKept> kept_{};
  int count_ = 0;
  uint64_t kept_bytes_ = 0;
  std::array<size_t, 2> wanted_{kBlockBytes, kBlockBytes};  // by Use
};

}  // namespace contactplan::capi

#endif  // CONTACTPLAN_CAPI_ARENA_BLOCK_POOL_H_
