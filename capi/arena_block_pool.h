// Scratch blocks that an engine lends to the arenas of its calls, so that a typical call parses its
// plan and builds its analysis without asking malloc for arena memory.
//
// Each cplan_analyze builds the plan and the analysis on two protobuf arenas. On their own, the
// arenas grow from small blocks (4, 8, 16, 32, 64 KiB ...) that are malloc'd and freed again on every
// call, and freeing the larger ones makes glibc consolidate its free lists. A typical plan needs
// about 37 KB of plan arena and 80 KB of analysis arena (docs/memory.md), so one 128 KiB block
// given to each arena as its first block (ArenaOptions::initial_block) holds the whole call; a
// larger account continues in blocks of the arena's own beyond it, as before.
//
// The pool keeps at most kMaxKept blocks (512 KiB), enough for two calls at once; a call that finds
// it empty gets a fresh block, which is kept afterwards only if there is room. Blocks are freed
// when the pool is, i.e. with the engine.
#ifndef CONTACTPLAN_CAPI_ARENA_BLOCK_POOL_H_
#define CONTACTPLAN_CAPI_ARENA_BLOCK_POOL_H_

#include <array>
#include <cstddef>
#include <mutex>

#include "google/protobuf/arena.h"

namespace contactplan::capi {

class ArenaBlockPool {
 public:
  // Size of each block. Covers a typical plan's arena and its analysis' arena with room to spare.
  static constexpr size_t kBlockBytes = 128 << 10;
  // Blocks kept between calls: two per call, for two calls at once.
  static constexpr int kMaxKept = 4;

  // A block on loan for the lifetime of one arena: declare it before the arena, so that the arena
  // is destroyed first, and it goes back to the pool when it goes out of scope. `data()` is null
  // when memory ran out; the arena then allocates all its blocks itself.
  class Lease {
   public:
    Lease(ArenaBlockPool& pool, char* block) : pool_(pool), block_(block) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.Return(block_); }
    char* data() const { return block_; }

   private:
    ArenaBlockPool& pool_;
    char* block_;
  };

  ArenaBlockPool() = default;
  ArenaBlockPool(const ArenaBlockPool&) = delete;
  ArenaBlockPool& operator=(const ArenaBlockPool&) = delete;
  // Frees the kept blocks. No lease may be outstanding (cplan_engine_destroy's contract: no call
  // on the engine is running).
  ~ArenaBlockPool();

  // A kept block, or a newly allocated one when none is kept. Thread-safe; never throws.
  Lease Borrow() noexcept;

  // How many blocks the pool holds now (for tests and diagnostics). Thread-safe.
  int kept() noexcept;

  // Arena options for an arena whose first block is `lease`'s (none when it has no block: then
  // blocks start at 4 KiB). Blocks the arena adds itself grow up to 256 KiB: a large account costs
  // one malloc per quarter megabyte instead of several per element, and the unused tail of its last
  // block stays small (1 MiB blocks held 0.8 MB more at the 10,000 x 500 account's peak;
  // docs/memory.md).
  static google::protobuf::ArenaOptions Options(const Lease& lease);

 private:
  // Keeps `block` if there is room, else frees it. Null is ignored. Thread-safe.
  void Return(char* block) noexcept;

  std::mutex mutex_;
  std::array<char*, kMaxKept> kept_{};
  int count_ = 0;
};

}  // namespace contactplan::capi

#endif  // CONTACTPLAN_CAPI_ARENA_BLOCK_POOL_H_
