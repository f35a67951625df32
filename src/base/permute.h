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
  for (uint32_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;  // in place, or filled by an earlier cycle
    T first = std::move(items[start]);
    uint32_t at = start;
    while (order[at] != start) {
      const uint32_t from = order[at];
      // A large list is walked at random: the item after this one is fetched while this one moves.
      const T& ahead = items[order[from]];
      __builtin_prefetch(&ahead);
      __builtin_prefetch(reinterpret_cast<const char*>(&ahead + 1) - 1);
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
