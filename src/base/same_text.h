// Equality of short texts without a call to memcmp.
#ifndef CONTACTPLAN_SRC_BASE_SAME_TEXT_H_
#define CONTACTPLAN_SRC_BASE_SAME_TEXT_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace contactplan::base {

// Whether `a` and `b` hold the same bytes. Ids (4 to 16 bytes, mostly) are compared as two words
// that may overlap, inline: resolving a large plan's references compares hundreds of thousands of
// them, and a call to memcmp cost more than the comparison. Longer texts go to memcmp.
inline bool SameText(std::string_view a, std::string_view b) {
  const size_t size = a.size();
  if (size != b.size()) return false;
  const char* const x = a.data();
  const char* const y = b.data();
  if (size >= 8 && size <= 16) {
    uint64_t x0, x1, y0, y1;
    std::memcpy(&x0, x, 8);
    std::memcpy(&y0, y, 8);
    std::memcpy(&x1, x + size - 8, 8);
    std::memcpy(&y1, y + size - 8, 8);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
  }
  if (size >= 4 && size < 8) {
    uint32_t x0, x1, y0, y1;
    std::memcpy(&x0, x, 4);
    std::memcpy(&y0, y, 4);
    std::memcpy(&x1, x + size - 4, 4);
    std::memcpy(&y1, y + size - 4, 4);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
  }
  return size == 0 || std::memcmp(x, y, size) == 0;
}

}  // namespace contactplan::base

#endif  // CONTACTPLAN_SRC_BASE_SAME_TEXT_H_
