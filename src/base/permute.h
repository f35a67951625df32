// Putting a list in a computed order without a second copy of it.
#ifndef CONTACTPLAN_SRC_BASE_PERMUTE_H_
#define CONTACTPLAN_SRC_BASE_PERMUTE_H_

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace contactplan {

// Puts `items` in the order `order` gives (items[i] becomes the item that was at order[i]; `order`
// must be a permutation of 0..items.size()-1) in place, one cycle of the permutation at a time,
// each place marked done in `order` as it is filled: one move per item and one held aside per
// cycle, no second copy of the list. `order` is left as 0, 1, 2, ... .
template <typename T>
void PermuteInPlace(std::span<T> items, std::vector<uint32_t>& order) {
  // A large list is walked at random: the items a few steps ahead on the cycle are fetched while
  // the current ones move, so that the misses overlap instead of queueing.
  constexpr int kAhead = 8;
  const auto prefetch = [&items](uint32_t at) {
    const char* const begin = reinterpret_cast<const char*>(&items[at]);
    for (size_t offset = 0; offset < sizeof(T); offset += 64) __builtin_prefetch(begin + offset);
    __builtin_prefetch(begin + sizeof(T) - 1);
  };
  for (uint32_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;  // in place, or filled by an earlier cycle
    // `ahead` runs kAhead places along the cycle before `at`, and stops at its last place (the one
    // whose item comes from `start`); the places it passes are not yet filled, so order[] holds
    // their sources still.
    uint32_t ahead = start;
    for (int k = 0; k < kAhead && order[ahead] != start; ++k) prefetch(ahead = order[ahead]);
    T first = std::move(items[start]);
    uint32_t at = start;
    while (order[at] != start) {
      const uint32_t from = order[at];
      if (order[ahead] != start) prefetch(ahead = order[ahead]);
      items[at] = std::move(items[from]);
      order[at] = at;
      at = from;
    }
    items[at] = std::move(first);
    order[at] = at;
  }
}

}  // namespace contactplan

#endif  // CONTACTPLAN_SRC_BASE_PERMUTE_H_
