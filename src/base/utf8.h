// UTF-8 well-formedness, which every reader checks before a parser sees the text.
#ifndef CONTACTPLAN_SRC_BASE_UTF8_H_
#define CONTACTPLAN_SRC_BASE_UTF8_H_

#include <cstddef>
#include <string_view>

namespace contactplan::base {

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
// surrogates and values beyond U+10FFFF included), or npos when all of `text` is UTF-8.
// Thread-safe.
size_t FirstInvalidUtf8(std::string_view text);

}  // namespace contactplan::base

#endif  // CONTACTPLAN_SRC_BASE_UTF8_H_
