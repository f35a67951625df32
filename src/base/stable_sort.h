// A stable sort that does not ask the heap for a buffer when the list is short.
#ifndef CONTACTPLAN_SRC_BASE_STABLE_SORT_H_
#define CONTACTPLAN_SRC_BASE_STABLE_SORT_H_

#include <algorithm>
#include <iterator>
#include <utility>

namespace contactplan {

// Sorts [first, last) by `less`, equal items keeping their order, as std::stable_sort does.
// std::stable_sort takes a heap block for its buffer whatever the length (libstdc++'s
// get_temporary_buffer), and the engine sorts many short lists (a relationship's touches, a
// grade history out of date order): up to 16 items are sorted by insertion, in place.
template <typename Iterator, typename Less>
void StableSort(Iterator first, Iterator last, Less less) {
  constexpr std::ptrdiff_t kShort = 16;
  if (last - first > kShort) {
    std::stable_sort(first, last, less);
    return;
  }
  for (Iterator i = first; i != last; ++i) {
    auto item = std::move(*i);
    Iterator j = i;
    for (; j != first && less(item, *std::prev(j)); --j) *j = std::move(*std::prev(j));
    *j = std::move(item);
  }
}

}  // namespace contactplan

#endif  // CONTACTPLAN_SRC_BASE_STABLE_SORT_H_
