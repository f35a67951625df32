// UTF-8 well-formedness, which every reader checks before a parser sees the text.
#ifndef CONTACTPLAN_SRC_BASE_UTF8_H_
#define CONTACTPLAN_SRC_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace contactplan::base {

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
// surrogates and values beyond U+10FFFF included), or npos when all of `text` is UTF-8.
// Thread-safe.
size_t FirstInvalidUtf8(std::string_view text);

// Whether all of `text` is UTF-8. Most text in a plan is short ASCII (ids, names): eight bytes are
// tested at once, the last eight (or four) overlapping the ones before instead of a loop over the
// tail, and FirstInvalidUtf8 runs only for text that holds other bytes.
inline bool IsUtf8(std::string_view text) {
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  const char* p = text.data();
  const size_t size = text.size();
  uint64_t any = 0;
  if (size >= 8) {
    const char* const last = p + size - 8;
    uint64_t word;
    for (; p < last; p += 8) {
      std::memcpy(&word, p, 8);
      any |= word;
    }
    std::memcpy(&word, last, 8);
    any |= word;
  } else if (size >= 4) {
    uint32_t head, tail;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, p + size - 4, 4);
    any = head | tail;
  } else {
    for (size_t i = 0; i < size; ++i) any |= static_cast<unsigned char>(p[i]);
  }
  return (any & kHighBits) == 0 || FirstInvalidUtf8(text) == std::string_view::npos;
}

}  // namespace contactplan::base

#endif  // CONTACTPLAN_SRC_BASE_UTF8_H_
